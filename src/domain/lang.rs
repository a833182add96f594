//! The languages of the interface and of the mails: French first, English second.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Fr,
    En,
}

/// The cookie that keeps a visitor's choice.
pub const COOKIE: &str = "lang";
/// How long the choice is kept: one year.
pub const COOKIE_MAX_AGE_SECONDS: u64 = 365 * 24 * 3600;

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    /// The BCP 47 code, as in `<html lang>`, the cookie and the database.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    pub fn parse(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// A language tag of `Accept-Language` ("en-GB", "fr"): its primary subtag decides.
    fn of_tag(tag: &str) -> Option<Lang> {
        Lang::parse(tag.split('-').next().unwrap_or(""))
    }

    /// The best supported language of an `Accept-Language` value, by q-value (the first
    /// listed wins a tie); `None` when it names none we have.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        let mut best: Option<(Lang, u16)> = None;
        for item in header.split(',') {
            let mut parts = item.split(';');
            let Some(lang) = Lang::of_tag(parts.next().unwrap_or("").trim()) else {
                continue;
            };
            let mut quality = Some(1000);
            for param in parts {
                if let Some((key, value)) = param.split_once('=') {
                    if key.trim().eq_ignore_ascii_case("q") {
                        quality = parse_quality(value.trim());
                    }
                }
            }
            let Some(quality) = quality.filter(|q| *q > 0) else {
                continue;
            };
            if best.is_none_or(|(_, q)| quality > q) {
                best = Some((lang, quality));
            }
        }
        best.map(|(lang, _)| lang)
    }

    /// The visitor's language: the cookie's choice, else the browser's, else French.
    pub fn for_visitor(cookie: Option<&str>, accept_language: Option<&str>) -> Lang {
        cookie
            .and_then(Lang::parse)
            .or_else(|| accept_language.and_then(Lang::from_accept_language))
            .unwrap_or_default()
    }
}

/// A q-value in thousandths ("0.8" → 800); `None` when malformed (the item is ignored).
fn parse_quality(value: &str) -> Option<u16> {
    let (int, frac) = value.split_once('.').unwrap_or((value, ""));
    if frac.len() > 3 || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let thousandths = match int {
        "0" => format!("{frac:0<3}").parse::<u16>().ok()?,
        "1" if frac.bytes().all(|b| b == b'0') => 1000,
        _ => return None,
    };
    Some(thousandths)
}

/// The value of cookie `name` in a `Cookie` header.
pub fn cookie_value<'a>(header: &'a str, name: &str) -> Option<&'a str> {
    header.split(';').find_map(|pair| {
        let (key, value) = pair.split_once('=')?;
        (key.trim() == name).then(|| value.trim())
    })
}

/// Where to go back after switching language: a path of this site only (`/…`, never
/// `//host` nor `/\host`, which browsers read as another site); anything else goes home.
pub fn same_site_path(back: &str) -> &str {
    let is_local = back.starts_with('/')
        && !back.starts_with("//")
        && !back.starts_with("/\\")
        && !back.chars().any(|c| c.is_control());
    if is_local {
        back
    } else {
        "/"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::parse(lang.code()), Some(lang));
        }
        assert_eq!(Lang::parse(" EN "), Some(Lang::En));
        assert_eq!(Lang::parse("de"), None);
        assert_eq!(Lang::default(), Lang::Fr);
    }

    #[test]
    fn accept_language_follows_q_values() {
        let of = Lang::from_accept_language;
        assert_eq!(of("en-GB,en;q=0.9"), Some(Lang::En));
        assert_eq!(of("fr-FR,fr;q=0.9,en;q=0.8"), Some(Lang::Fr));
        assert_eq!(of("en;q=0.5, fr;q=0.8"), Some(Lang::Fr));
        assert_eq!(of("de-DE,de;q=0.9,en;q=0.7,fr;q=0.3"), Some(Lang::En));
        assert_eq!(of("fr;q=0, en;q=0.1"), Some(Lang::En));
        assert_eq!(of("EN-us"), Some(Lang::En));
        assert_eq!(of("en, fr"), Some(Lang::En), "the first listed wins a tie");
        assert_eq!(of("fr;q=1.0,en;q=1"), Some(Lang::Fr));
    }

    #[test]
    fn accept_language_without_a_known_language_is_none() {
        let of = Lang::from_accept_language;
        assert_eq!(of(""), None);
        assert_eq!(of("*"), None);
        assert_eq!(of("de,es;q=0.5"), None);
        assert_eq!(of("en;q=0"), None);
        assert_eq!(of("en;q=2"), None, "a malformed q-value is ignored");
        assert_eq!(of("en;q=0.1234"), None);
        assert_eq!(of("english"), None);
    }

    #[test]
    fn the_cookie_comes_first_then_the_browser_then_french() {
        assert_eq!(Lang::for_visitor(Some("fr"), Some("en")), Lang::Fr);
        assert_eq!(Lang::for_visitor(Some("xx"), Some("en")), Lang::En);
        assert_eq!(Lang::for_visitor(None, Some("en-US")), Lang::En);
        assert_eq!(Lang::for_visitor(None, Some("de")), Lang::Fr);
        assert_eq!(Lang::for_visitor(None, None), Lang::Fr);
    }

    #[test]
    fn cookies_are_read_by_name() {
        let header = "b2bizen_session=abc; lang=en; other=1";
        assert_eq!(cookie_value(header, "lang"), Some("en"));
        assert_eq!(cookie_value("xlang=en", "lang"), None);
        assert_eq!(cookie_value("", "lang"), None);
    }

    #[test]
    fn only_same_site_paths_are_followed_back() {
        assert_eq!(same_site_path("/experts?domaine=1"), "/experts?domaine=1");
        assert_eq!(same_site_path("/"), "/");
        for bad in [
            "",
            "https://evil.example/",
            "//evil.example",
            "/\\evil.example",
            "javascript:alert(1)",
            "/a\r\nSet-Cookie: x=1",
        ] {
            assert_eq!(same_site_path(bad), "/", "{bad:?}");
        }
    }
}
