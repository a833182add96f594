//! The layout rule of the README, checked on the sources: pure rules in `domain`
//! (neither sqlx nor leptos), thin server functions in `api` and pages in `ui` (no SQL
//! in either), SQL only under `server`.

use std::path::{Path, PathBuf};

fn sources(dir: &str) -> Vec<(PathBuf, String)> {
    fn walk(dir: &Path, out: &mut Vec<(PathBuf, String)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                out.push((path, text));
            }
        }
    }
    let mut out = Vec::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join(dir), &mut out);
    assert!(!out.is_empty(), "no source under {dir}");
    out
}

#[test]
fn no_sql_in_server_functions_or_pages() {
    for dir in ["src/api", "src/ui"] {
        for (path, text) in sources(dir) {
            for sql in [
                "sqlx::",
                "query_as(",
                "query_scalar(",
                "SELECT ",
                "INSERT INTO",
                "UPDATE ",
            ] {
                assert!(
                    !text.contains(sql),
                    "{}: `{sql}` — SQL belongs in src/server/<feature>/",
                    path.display()
                );
            }
        }
    }
}

#[test]
fn the_domain_knows_neither_the_database_nor_the_ui() {
    for (path, text) in sources("src/domain") {
        for dependency in ["sqlx", "leptos", "axum"] {
            assert!(
                !text.contains(dependency),
                "{}: the domain uses {dependency}",
                path.display()
            );
        }
    }
}
