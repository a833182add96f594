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

/// Every value of a stored enum (status, role, purpose, state, decision, level, slot),
/// from the enums' one mapping.
fn stored_values() -> Vec<&'static str> {
    use b2bizen::domain::{account, profile, project, review, selection, upload};
    let mut values: Vec<&'static str> = Vec::new();
    values.extend(account::Role::ALL.map(account::Role::as_str));
    values.extend(account::ProviderKind::ALL.map(account::ProviderKind::as_str));
    values.extend(account::TokenPurpose::ALL.map(account::TokenPurpose::as_str));
    values.extend(review::ExpertStatus::ALL.map(review::ExpertStatus::as_str));
    values.extend(review::Decision::ALL.map(review::Decision::as_str));
    values.extend(project::ProjectStatus::ALL.map(project::ProjectStatus::as_str));
    values.extend(selection::ProposalState::ALL.map(selection::ProposalState::as_str));
    values.extend(profile::LanguageLevel::ALL.map(profile::LanguageLevel::as_str));
    values.extend(profile::ProfileLevel::ALL.map(profile::ProfileLevel::slug));
    values.extend(upload::UploadSlot::ALL.map(upload::UploadSlot::as_str));
    values.extend(project::ContactFormat::ALL.map(project::ContactFormat::as_str));
    values
}

#[test]
fn stored_states_are_bound_as_enums_never_written_as_strings() {
    // The one exception: `visible_expert!` is `concat!`ed into constant queries, so it
    // keeps `'published'`, checked against the mapping by a unit test next to it.
    let exception = (
        Path::new("src/server/repo/mod.rs"),
        "e.status = 'published'",
    );
    let values = stored_values();
    assert!(values.contains(&"published") && values.contains(&"reset_password"));
    let everywhere = ["src/server", "src/api", "src/ui"]
        .into_iter()
        .flat_map(sources);
    for (path, text) in everywhere {
        let relative = path
            .strip_prefix(env!("CARGO_MANIFEST_DIR"))
            .unwrap()
            .to_path_buf();
        let text = if relative == exception.0 {
            assert_eq!(text.matches(exception.1).count(), 1);
            text.replacen(exception.1, "", 1)
        } else {
            text
        };
        for value in &values {
            // In SQL, a state is a bind parameter; in Rust, an enum, never a string
            // compared or matched.
            for pattern in [
                format!("'{value}'"),
                format!("== \"{value}\""),
                format!("!= \"{value}\""),
                format!("\"{value}\" =>"),
                format!("\"{value}\" |"),
                format!("| \"{value}\""),
            ] {
                assert!(
                    !text.contains(&pattern),
                    "{}: `{pattern}` — bind or compare the enum (src/server/db/enums.rs)",
                    relative.display()
                );
            }
        }
    }
}

/// The string literals of a source file, outside its `#[cfg(test)]` part (tests may
/// compare French output).
fn string_literals(text: &str) -> Vec<String> {
    let code = text.split("#[cfg(test)]").next().unwrap_or("");
    let mut out = Vec::new();
    let mut chars = code.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            // Comments say why, in any language: not texts for users.
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        break;
                    }
                }
            }
            '\'' => {
                // A char literal or a lifetime: skip a quoted char such as '"'.
                let rest: String = chars.clone().take(3).collect();
                if rest.starts_with("\\") || rest.chars().nth(1) == Some('\'') {
                    while let Some(c) = chars.next() {
                        if c == '\\' {
                            chars.next();
                        } else if c == '\'' {
                            break;
                        }
                    }
                }
            }
            '"' => {
                let mut literal = String::new();
                while let Some(c) = chars.next() {
                    match c {
                        '\\' => {
                            chars.next();
                        }
                        '"' => break,
                        c => literal.push(c),
                    }
                }
                out.push(literal);
            }
            _ => {}
        }
    }
    out
}

#[test]
fn texts_for_users_live_in_the_locale_files() {
    // Not texts of the interface: demo data, the operator's command line, the French
    // parsers' inputs (month names, "HT") which read what users type, and the INSEE names
    // of the départements (proper nouns, the same in every language).
    let allowed = [
        "src/server/demo.rs",
        "src/server/cli.rs",
        "src/domain/departement.rs",
    ];
    let french = |s: &str| s.chars().any(|c| "àâçèéêëîïôùûœ«»’".contains(c));
    let mut found = Vec::new();
    for dir in [
        "src/domain",
        "src/api",
        "src/server",
        "src/ui",
        "src/app.rs",
    ] {
        let files = if dir.ends_with(".rs") {
            let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
            vec![(path.clone(), std::fs::read_to_string(&path).unwrap())]
        } else {
            sources(dir)
        };
        for (path, text) in files {
            let relative = path.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap();
            let name = relative.to_string_lossy();
            if allowed.contains(&name.as_ref())
                || name.ends_with("tests.rs")
                || name.contains("/tests/")
            {
                continue;
            }
            for literal in string_literals(&text).into_iter().filter(|s| french(s)) {
                found.push(format!("{name}: \"{literal}\""));
            }
        }
    }
    assert!(
        found.is_empty(),
        "French texts outside locales/ (move them to locales/<lang>/*.json and use tr!):\n{}",
        found.join("\n")
    );
}

/// Entities are named by their id type (`domain::id`), never by a bare UUID: a bare one
/// would let an expert's id pass where an account's is expected. Left: the id types
/// themselves, their database mapping, and storage keys (a file's name, not an entity).
#[test]
fn entities_are_named_by_their_id_type() {
    let allowed = [
        "domain/id.rs",
        "db/ids.rs",
        "server/storage.rs",
        "retention.rs",
    ];
    for (path, text) in sources("src") {
        let shown = path.display().to_string();
        if allowed.iter().any(|a| shown.ends_with(a)) || shown.contains("/tests") {
            continue;
        }
        for (n, line) in text.lines().enumerate() {
            // `Uuid::` calls make new ids or parse file keys; only a Uuid *type* names a thing.
            let typed = [
                ": Uuid",
                "<Uuid",
                "(Uuid,",
                "Uuid>",
                "-> Uuid",
                ": uuid::Uuid",
            ];
            assert!(
                !typed.iter().any(|t| line.contains(t)),
                "{shown}:{}: `{}` — use the entity's id type from domain::id",
                n + 1,
                line.trim()
            );
        }
    }
}
