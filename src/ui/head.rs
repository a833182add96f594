//! What pages put in the document's `<head>`.
//!
//! leptos_meta 0.8.7 writes the `<title>` text into the server-rendered head as it is,
//! without escaping: a first name such as `Bruno</title><script>…` became a script in
//! every visitor's page. Every title goes through [`page_title`], which escapes it on the
//! server; in the browser the same text is assigned to `document.title`, which is never
//! parsed as HTML, so it stays as typed. `tests/server/hardening.rs` fails should a Leptos
//! upgrade or a new title bypass it.

/// The title shown for a page: `Annuaire des experts · B2BiZen`, escaped for the SSR head.
pub fn page_title(title: &str) -> String {
    let title = format!("{title} · B2BiZen");
    #[cfg(feature = "ssr")]
    let title = escape_html(&title);
    title
}

/// Escapes text for HTML content and attribute values alike.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_text_is_escaped() {
        assert_eq!(
            escape_html(r#"Bruno</title><script>alert("x")</script> & 'co'"#),
            "Bruno&lt;/title&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;"
        );
    }
}
