//! The built front end (`site/pkg`): its hashed file names, and how it is served.
//!
//! cargo-leptos names each file after its content (`b2bizen.<hash>.wasm`) and writes the
//! hashes to `hash.txt` next to the server binary; a file's name then changes whenever
//! its content does, so the browser may keep it for a year without asking again. Release
//! builds also leave `.br` and `.gz` copies beside each file, served to the browsers that
//! accept them instead of compressing on every request.

use axum::http::{header, HeaderValue};
use axum::Router;
use leptos::config::LeptosOptions;
use std::path::{Path, PathBuf};
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

/// A content-named file never changes: a year, and no revalidation.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Names without hashes (a build without `hash-files`) are checked on every use.
const REVALIDATE: &str = "no-cache";

/// Where cargo-leptos left the hashes: beside the running binary (or the absolute path
/// `LEPTOS_HASH_FILE_NAME` gives).
pub fn hash_file(options: &LeptosOptions) -> PathBuf {
    let beside_binary = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(Path::to_path_buf))
        .unwrap_or_default();
    beside_binary.join(options.hash_file.as_ref())
}

/// The hash of one kind of file (`js`, `wasm`, `css`…) in a `hash.txt`.
fn hash_of<'a>(hashes: &'a str, kind: &str) -> Option<&'a str> {
    hashes.lines().find_map(|line| {
        let (file, hash) = line.split_once(':')?;
        (file.trim() == kind).then(|| hash.trim())
    })
}

/// The stylesheet's address, hashed when the build is (read once, at start-up).
pub fn stylesheet_href(options: &LeptosOptions) -> String {
    let name = &options.output_name;
    let pkg = &options.site_pkg_dir;
    let hashes = options
        .hash_files
        .then(|| std::fs::read_to_string(hash_file(options)).ok())
        .flatten();
    match hashes.as_deref().and_then(|h| hash_of(h, "css")) {
        Some(hash) => format!("/{pkg}/{name}.{hash}.css"),
        None => format!("/{pkg}/{name}.css"),
    }
}

/// `/pkg`: the front end's files, precompressed copies first, cached for a year when
/// their names are hashed.
pub fn pkg_files<S: Clone + Send + Sync + 'static>(options: &LeptosOptions) -> Router<S> {
    let dir = Path::new(options.site_root.as_ref()).join(options.site_pkg_dir.as_ref());
    let cache = if options.hash_files {
        IMMUTABLE
    } else {
        REVALIDATE
    };
    Router::new()
        .fallback_service(ServeDir::new(dir).precompressed_br().precompressed_gzip())
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static(cache),
        ))
        // The same address answers brotli, gzip or plain bytes: a shared cache must not
        // hand one browser's copy to another that cannot read it.
        .layer(SetResponseHeaderLayer::appending(
            header::VARY,
            HeaderValue::from_static("accept-encoding"),
        ))
}

#[cfg(test)]
mod tests {
    use super::hash_of;

    #[test]
    fn a_hash_is_read_by_the_kind_of_its_file() {
        let hashes = "js: Ab1\nwasm: Cd2\ncss: Ef3\nsplit: Gh4\n";
        assert_eq!(hash_of(hashes, "css"), Some("Ef3"));
        assert_eq!(hash_of(hashes, "wasm"), Some("Cd2"));
        assert_eq!(hash_of(hashes, "manifest"), None);
    }
}
