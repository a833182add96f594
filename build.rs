//! Turns the translations in `locales/<lang>/<namespace>.json` into the typed `i18n`
//! module (see `src/i18n.rs`), after checking that every language has every text.

use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};
use std::collections::BTreeSet;
use std::error::Error;
use std::path::{Path, PathBuf};

/// French first: the default locale, the one the other files are checked against.
const DEFAULT: &str = "fr";
const OTHERS: [&str; 1] = ["en"];
/// Namespaces the browser never shows.
const SERVER_ONLY: [&str; 3] = ["contract", "invoice", "mail"];

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=locales");

    let mut namespaces = namespaces(&Path::new("locales").join(DEFAULT))?;
    let missing = missing_translations(&namespaces)?;
    if !missing.is_empty() {
        // leptos_i18n only warns and falls back to French; a page half in French is a
        // bug, so the build stops here and names every text to write.
        for line in &missing {
            println!("cargo::error={line}");
        }
        return Err(format!("{} missing translations", missing.len()).into());
    }

    // Texts only the server writes (mails, the contract's articles) stay out of the
    // browser's bundle: the front end's code cannot name them, so it does not compile if
    // a page tries.
    if std::env::var_os("CARGO_FEATURE_HYDRATE").is_some() {
        namespaces.retain(|ns| !SERVER_ONLY.contains(&ns.as_str()));
    }
    let options = ParseOptions::default().interpolate_display(true);
    let mut cfg = Config::new(DEFAULT)?.parse_options(options);
    for locale in OTHERS {
        cfg = cfg.add_locale(locale)?;
    }
    let cfg = cfg.add_namespaces(namespaces.iter().map(String::as_str))?;
    let infos = TranslationsInfos::parse(cfg)?;
    infos.emit_diagnostics();
    infos.rerun_if_locales_changed();
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR unset")?).join("i18n");
    infos.generate_i18n_module(out)?;
    Ok(())
}

fn namespaces(dir: &Path) -> Result<Vec<String>, Box<dyn Error>> {
    let mut names = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|ext| ext == "json") {
            let stem = path
                .file_stem()
                .and_then(|s| s.to_str())
                .ok_or("bad file name")?;
            names.push(stem.to_owned());
        }
    }
    names.sort();
    Ok(names)
}

/// Every key present in one language and absent (or empty) in another, both ways.
fn missing_translations(namespaces: &[String]) -> Result<Vec<String>, Box<dyn Error>> {
    let mut missing = Vec::new();
    for ns in namespaces {
        let reference = keys(DEFAULT, ns)?;
        for locale in OTHERS {
            let other = keys(locale, ns)?;
            for key in reference.difference(&other) {
                missing.push(format!("locales/{locale}/{ns}.json lacks `{key}`"));
            }
            for key in other.difference(&reference) {
                missing.push(format!("locales/{DEFAULT}/{ns}.json lacks `{key}`"));
            }
        }
    }
    Ok(missing)
}

fn keys(locale: &str, ns: &str) -> Result<BTreeSet<String>, Box<dyn Error>> {
    let path = Path::new("locales").join(locale).join(format!("{ns}.json"));
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let value: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut out = BTreeSet::new();
    flatten("", &value, &mut out);
    Ok(out)
}

fn flatten(prefix: &str, value: &serde_json::Value, out: &mut BTreeSet<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                let key = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(&key, v, out);
            }
        }
        // An empty text is a translation nobody wrote.
        serde_json::Value::String(s) if s.trim().is_empty() => {}
        _ => {
            out.insert(prefix.to_owned());
        }
    }
}
