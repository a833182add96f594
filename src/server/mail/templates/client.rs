//! The mails to a client about their projects, in the client's language.

use super::{greeting, render, Body, Mail};
use crate::domain::lang::Lang;

/// Experts were proposed for the client's project: their dossiers are open to them.
pub fn experts_proposed(
    lang: Lang,
    to: &str,
    name: &str,
    title: &str,
    count: usize,
    link: &str,
) -> Mail {
    let lead = if count == 1 {
        tr_in!(lang, mail.experts_proposed.lead_one, title = title).to_string()
    } else {
        tr_in!(
            lang,
            mail.experts_proposed.lead_many,
            title = title,
            count = count
        )
        .to_string()
    };
    let body = Body {
        lang,
        greeting: greeting(lang, Some(name)),
        paragraphs: vec![lead, tr_in!(lang, mail.experts_proposed.next).to_string()],
        action: Some((tr_in!(lang, mail.experts_proposed.action), link)),
        after: vec![],
    };
    render(to, tr_in!(lang, mail.experts_proposed.subject), body)
}
