//! Configuration, read once from the environment at start-up.
//!
//! | variable | meaning | default |
//! |---|---|---|
//! | `DATABASE_URL` | PostgreSQL to use | unset: an embedded cluster in `$B2BIZEN_DATA_DIR/pg` |
//! | `SITE_ADDR` | address to listen on | `127.0.0.1:3000` (or `LEPTOS_SITE_ADDR`) |
//! | `LEPTOS_SITE_ROOT`, `LEPTOS_ENV` | built site (set by cargo-leptos) | `target/site`, `DEV` |
//! | `LEPTOS_HASH_FILES`, `LEPTOS_HASH_FILE_NAME` | content-named front-end files, and where their hashes are | on when `hash.txt` is beside the binary |
//! | `B2BIZEN_DATA_DIR` | local state: embedded database, later uploads | `.data` |
//! | `PUBLIC_URL` | the site's public origin, for links in e-mails and the CSRF check | `http://<SITE_ADDR>` |
//! | `SMTP_URL` | SMTP server (`smtp://host:25`, `smtps://user:pass@host`) | unset: mails stay in the outbox, visible at `/admin/mailbox` |
//! | `MAIL_FROM` | sender of the platform's e-mails | `B2BiZen <no-reply@b2bizen.fr>` |
//! | `TRUSTED_PROXIES` | comma-separated IPs of reverse proxies whose `X-Forwarded-For` is believed | none |
//! | `SECURE_COOKIES` | `true` for HTTPS: `Secure` cookies with the `__Host-` prefix | `true` when `PUBLIC_URL` is https |
//! | `SLOW_CLIENT_TIMEOUT_SECS` | longest wait for a request's headers, or between two pieces of its body | `10` |
//! | `PLATFORM_NAME`, `PLATFORM_LEGAL_FORM`, `PLATFORM_SIREN`, `PLATFORM_ADDRESS`, `PLATFORM_SIGNATORY`, `PLATFORM_SIGNATORY_ROLE` | the platform's company, as its contracts and invoices name it | development values |
//! | `PLATFORM_VAT_NUMBER`, `PLATFORM_IBAN`, `PLATFORM_BIC` | what the invoices ask to be paid to | development values (the VAT number derived from the SIREN) |
//! | `MISSION_CONTRACT_WAIT_DAYS` | days after the intermediation contract without a mission contract before the advance is credited | `60` |
//! | `RUST_LOG` | log filter | `warn,b2bizen=info` |

use anyhow::{bail, Context, Result};
use leptos::config::{Env, LeptosOptions};
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;

#[derive(Debug, Clone)]
pub struct Config {
    pub database_url: Option<String>,
    pub site_addr: SocketAddr,
    pub data_dir: PathBuf,
    pub leptos: LeptosOptions,
    pub public_url: String,
    pub smtp_url: Option<String>,
    pub mail_from: String,
    pub trusted_proxies: Vec<IpAddr>,
    pub secure_cookies: bool,
    /// `STORAGE_URL`: an object store for uploads (`s3://bucket/prefix`, `file:///dir`),
    /// with its `AWS_*` options; unset: `$B2BIZEN_DATA_DIR/uploads`.
    pub storage_url: Option<String>,
    pub storage_options: Vec<(String, String)>,
    /// How long a client may take to send its headers, or to send the next piece of its
    /// body, before the connection is closed (slow clients hold a connection each).
    pub slow_client_timeout: std::time::Duration,
    /// The stylesheet's address, with its content hash when the build has one.
    pub stylesheet: std::sync::Arc<str>,
    /// The platform as its contracts name it (`PLATFORM_*`).
    pub platform: crate::domain::contract::ContractParty,
    /// What the platform's invoices ask to be paid to, and its refund rule.
    pub billing: Billing,
}

#[derive(Debug, Clone)]
pub struct Billing {
    pub vat_number: String,
    pub iban: String,
    pub bic: Option<String>,
    pub email: String,
    /// Days after the intermediation contract is signed without a mission contract
    /// declared before the advance is credited.
    pub mission_wait_days: i64,
}

/// The `AWS_*` settings passed to an `s3://` storage.
const STORAGE_OPTIONS: [&str; 6] = [
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_SESSION_TOKEN",
    "AWS_REGION",
    "AWS_ENDPOINT",
    "AWS_ALLOW_HTTP",
];

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
        let mut leptos = LeptosOptions::builder()
            .output_name(var("LEPTOS_OUTPUT_NAME").unwrap_or_else(|| env!("CARGO_PKG_NAME").into()))
            .site_root(var("LEPTOS_SITE_ROOT").unwrap_or_else(|| "target/site".into()))
            .site_pkg_dir(var("LEPTOS_SITE_PKG_DIR").unwrap_or_else(|| "pkg".into()))
            .hash_file(
                var("LEPTOS_HASH_FILE_NAME")
                    .unwrap_or_else(|| "hash.txt".into())
                    .into(),
            )
            .env(env)
            .site_addr(site_addr)
            .build();
        // A build made with hash-files leaves hash.txt beside the binary; without it the
        // files keep their plain names (test binaries, a server built by cargo alone).
        leptos.hash_files = match var("LEPTOS_HASH_FILES").as_deref() {
            None => crate::server::http::assets::hash_file(&leptos).is_file(),
            Some("true" | "1" | "yes") => true,
            Some("false" | "0" | "no") => false,
            Some(other) => bail!("LEPTOS_HASH_FILES={other:?} must be true or false"),
        };
        let database_url = var("DATABASE_URL");
        let data_dir = var("B2BIZEN_DATA_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from(".data"));
        let public_url = var("PUBLIC_URL")
            .map(|u| u.trim().trim_end_matches('/').to_string())
            .unwrap_or_else(|| format!("http://{site_addr}"));
        if !(public_url.starts_with("http://") || public_url.starts_with("https://")) {
            bail!("PUBLIC_URL={public_url:?} must start with http:// or https://");
        }
        let trusted_proxies = var("TRUSTED_PROXIES")
            .unwrap_or_default()
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| {
                s.parse::<IpAddr>()
                    .with_context(|| format!("TRUSTED_PROXIES: {s:?} is not an IP address"))
            })
            .collect::<Result<Vec<_>>>()?;
        let secure_cookies = match var("SECURE_COOKIES").as_deref() {
            None => public_url.starts_with("https://"),
            Some("true" | "1" | "yes") => true,
            Some("false" | "0" | "no") => false,
            Some(other) => bail!("SECURE_COOKIES={other:?} must be true or false"),
        };
        let storage_url = var("STORAGE_URL");
        let storage_options: Vec<(String, String)> = STORAGE_OPTIONS
            .iter()
            .filter_map(|k| var(k).map(|v| (k.to_ascii_lowercase(), v)))
            .collect();
        if let Some(url) = &storage_url {
            crate::server::storage::ObjectStorage::from_url(url, storage_options.clone())
                .with_context(|| format!("STORAGE_URL={url:?} is not a usable object store"))?;
        }
        let slow_client_timeout = match var("SLOW_CLIENT_TIMEOUT_SECS") {
            None => std::time::Duration::from_secs(10),
            Some(raw) => match raw.trim().parse::<u64>() {
                Ok(secs @ 1..=600) => std::time::Duration::from_secs(secs),
                _ => bail!(
                    "SLOW_CLIENT_TIMEOUT_SECS={raw:?} must be a number of seconds from 1 to 600"
                ),
            },
        };
        // Development values unless set: a deployment gives its own company's details.
        let demo = crate::server::demo::demo_platform();
        let detail = |key: &str, default: String| var(key).unwrap_or(default);
        let platform = crate::domain::contract::ContractParty {
            name: detail("PLATFORM_NAME", demo.name),
            legal_form: detail("PLATFORM_LEGAL_FORM", demo.legal_form),
            registration: detail("PLATFORM_SIREN", demo.registration),
            address: detail("PLATFORM_ADDRESS", demo.address),
            signatory: detail("PLATFORM_SIGNATORY", demo.signatory),
            signatory_role: detail("PLATFORM_SIGNATORY_ROLE", demo.signatory_role),
        };
        let siren: String = platform
            .registration
            .chars()
            .filter(char::is_ascii_digit)
            .collect();
        let iban = detail("PLATFORM_IBAN", crate::server::demo::DEMO_IBAN.to_string());
        if !crate::domain::billing::epc::iban_is_valid(&iban) {
            bail!("PLATFORM_IBAN={iban:?} is not a valid IBAN");
        }
        let mission_wait_days = match var("MISSION_CONTRACT_WAIT_DAYS") {
            None => 60,
            Some(raw) => match raw.trim().parse::<i64>() {
                Ok(days @ 1..=365) => days,
                _ => bail!(
                    "MISSION_CONTRACT_WAIT_DAYS={raw:?} must be a number of days from 1 to 365"
                ),
            },
        };
        let billing = Billing {
            vat_number: detail("PLATFORM_VAT_NUMBER", french_vat_number(&siren)),
            iban,
            bic: var("PLATFORM_BIC").or_else(|| Some(crate::server::demo::DEMO_BIC.to_string())),
            email: detail(
                "PLATFORM_BILLING_EMAIL",
                "facturation@b2bizen.fr".to_string(),
            ),
            mission_wait_days,
        };
        Ok(Self {
            billing,
            platform,
            slow_client_timeout,
            storage_url,
            storage_options,
            database_url,
            site_addr,
            data_dir,
            public_url,
            smtp_url: var("SMTP_URL"),
            mail_from: var("MAIL_FROM")
                .unwrap_or_else(|| "B2BiZen <no-reply@b2bizen.fr>".to_string()),
            trusted_proxies,
            secure_cookies,
            stylesheet: crate::server::http::assets::stylesheet_href(&leptos).into(),
            leptos,
        })
    }
}

/// `FR` + key + SIREN, the key being (12 + 3 × (SIREN mod 97)) mod 97.
pub fn french_vat_number(siren: &str) -> String {
    let n: u64 = siren.parse().unwrap_or(0);
    format!("FR{:02}{siren}", (12 + 3 * (n % 97)) % 97)
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
        assert_eq!(c.public_url, "http://127.0.0.1:3000");
        assert!(c.smtp_url.is_none() && c.trusted_proxies.is_empty() && !c.secure_cookies);
    }

    #[test]
    fn https_public_url_means_secure_cookies() {
        let c = cfg(&[
            ("PUBLIC_URL", "https://b2bizen.fr/"),
            ("TRUSTED_PROXIES", "10.0.0.1, ::1"),
        ])
        .unwrap();
        assert_eq!(c.public_url, "https://b2bizen.fr");
        assert!(c.secure_cookies);
        assert_eq!(c.trusted_proxies.len(), 2);
        assert!(cfg(&[("TRUSTED_PROXIES", "proxy.local")]).is_err());
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
    fn the_vat_number_follows_the_siren() {
        // The key of the example SIREN 404 833 048 is 83.
        assert_eq!(french_vat_number("404833048"), "FR83404833048");
        assert!(cfg(&[("PLATFORM_IBAN", "FR76 0000")]).is_err());
        assert!(cfg(&[("MISSION_CONTRACT_WAIT_DAYS", "0")]).is_err());
        assert_eq!(cfg(&[]).unwrap().billing.mission_wait_days, 60);
    }

    #[test]
    fn bad_site_addr_is_a_one_line_error() {
        let err = cfg(&[("SITE_ADDR", "localhost")]).unwrap_err();
        let text = format!("{err:#}");
        assert!(text.contains("SITE_ADDR"), "{text}");
        assert!(!text.contains('\n'), "{text}");
    }
}
