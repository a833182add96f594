//! Configuration, read once from the environment at start-up.
//!
//! | variable | meaning | default |
//! |---|---|---|
//! | `DATABASE_URL` | PostgreSQL to use | unset: an embedded cluster in `$B2BIZEN_DATA_DIR/pg` |
//! | `SITE_ADDR` | address to listen on | `127.0.0.1:3000` (or `LEPTOS_SITE_ADDR`) |
//! | `LEPTOS_SITE_ROOT`, `LEPTOS_ENV` | built site (set by cargo-leptos) | `target/site`, `DEV` |
//! | `B2BIZEN_DATA_DIR` | local state: embedded database, later uploads | `.data` |
//! | `RUST_LOG` | log filter | `warn,b2bizen=info` |

use anyhow::{bail, Context, Result};
use leptos::config::{Env, LeptosOptions};
use std::net::SocketAddr;
use std::path::PathBuf;

#[derive(Debug, Clone)]
pub struct Config {
    pub database_url: Option<String>,
    pub site_addr: SocketAddr,
    pub data_dir: PathBuf,
    pub leptos: LeptosOptions,
}

impl Config {
    pub fn from_env() -> Result<Self> {
        Self::from_lookup(|key| std::env::var(key).ok())
    }

    /// Builds the configuration from any key lookup (the environment, or a map in tests).
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Result<Self> {
        let var = |key: &str| get(key).filter(|s| !s.trim().is_empty());
        let site_addr: SocketAddr = match var("SITE_ADDR").or_else(|| var("LEPTOS_SITE_ADDR")) {
            Some(raw) => raw.trim().parse().with_context(|| {
                format!("SITE_ADDR={raw:?} is not a socket address such as 127.0.0.1:3000")
            })?,
            None => SocketAddr::from(([127, 0, 0, 1], 3000)),
        };
        let env = match var("LEPTOS_ENV").map(|s| s.to_ascii_lowercase()).as_deref() {
            None | Some("dev" | "development") => Env::DEV,
            Some("prod" | "production") => Env::PROD,
            Some(other) => bail!("LEPTOS_ENV={other:?} must be DEV or PROD"),
        };
        // The names cargo-leptos gives the built site (see [package.metadata.leptos]).
        let leptos = LeptosOptions::builder()
            .output_name(var("LEPTOS_OUTPUT_NAME").unwrap_or_else(|| env!("CARGO_PKG_NAME").into()))
            .site_root(var("LEPTOS_SITE_ROOT").unwrap_or_else(|| "target/site".into()))
            .site_pkg_dir(var("LEPTOS_SITE_PKG_DIR").unwrap_or_else(|| "pkg".into()))
            .env(env)
            .site_addr(site_addr)
            .build();
        let database_url = var("DATABASE_URL");
        let data_dir = var("B2BIZEN_DATA_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from(".data"));
        Ok(Self {
            database_url,
            site_addr,
            data_dir,
            leptos,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn cfg(pairs: &[(&str, &str)]) -> Result<Config> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(|k| map.get(k).cloned())
    }

    #[test]
    fn defaults_to_embedded_database_on_localhost() {
        let c = cfg(&[]).unwrap();
        assert!(c.database_url.is_none());
        assert_eq!(c.data_dir, PathBuf::from(".data"));
        assert_eq!(c.leptos.site_addr, c.site_addr);
        assert_eq!(c.site_addr, "127.0.0.1:3000".parse().unwrap());
        assert_eq!(&*c.leptos.output_name, "b2bizen");
        assert_eq!(&*c.leptos.site_root, "target/site");
    }

    #[test]
    fn reads_site_addr_and_database_url() {
        let c = cfg(&[
            ("SITE_ADDR", "0.0.0.0:8080"),
            ("DATABASE_URL", "postgres://u@h/db"),
            ("B2BIZEN_DATA_DIR", "/var/lib/b2b"),
        ])
        .unwrap();
        assert_eq!(c.site_addr, "0.0.0.0:8080".parse().unwrap());
        assert_eq!(c.leptos.site_addr, c.site_addr);
        assert_eq!(c.database_url.as_deref(), Some("postgres://u@h/db"));
        assert_eq!(c.data_dir, PathBuf::from("/var/lib/b2b"));
    }

    #[test]
    fn bad_site_addr_is_a_one_line_error() {
        let err = cfg(&[("SITE_ADDR", "localhost")]).unwrap_err();
        let text = format!("{err:#}");
        assert!(text.contains("SITE_ADDR"), "{text}");
        assert!(!text.contains('\n'), "{text}");
    }
}
