//! The quote's mails: a version sent to the client, the client's answer to the expert.

use super::{greeting, render, Body, Mail};
use crate::domain::lang::Lang;
use crate::domain::money::Euros;
use crate::domain::quote::QuoteChange;
use crate::ui::text::quote::{euros_in, mail_subject, news_text};

pub fn quote_changed(
    lang: Lang,
    to: &str,
    name: &str,
    title: &str,
    (change, version, ttc): (QuoteChange, i32, Euros),
    link: &str,
) -> Mail {
    let body = Body {
        lang,
        greeting: greeting(lang, Some(name)),
        paragraphs: vec![
            news_text(lang, change, version, title),
            tr_in!(lang, quote.mail_amount, ttc = euros_in(lang, ttc)).to_string(),
        ],
        action: Some((tr_in!(lang, quote.mail_action), link)),
        after: vec![],
    };
    render(to, &mail_subject(lang, change, title), body)
}
