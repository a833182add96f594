//! The contract's mails: drawn, signed (the final document attached), the mission
//! declared; and the signature code, kept in the outbox only until it has left.

use super::{bodies, greeting, render, Body, Mail};
use crate::domain::contract::{ContractChange, CODE_VALID_MINUTES};
use crate::domain::lang::Lang;
use crate::ui::text::contract::{mail_subject, news_text};

pub fn contract_changed(
    lang: Lang,
    to: &str,
    name: &str,
    title: &str,
    change: ContractChange,
    link: &str,
) -> Mail {
    let mut paragraphs = vec![news_text(lang, change, title)];
    if change == ContractChange::Signed {
        paragraphs.push(tr_in!(lang, signing.mail_final_attached).to_string());
    }
    let body = Body {
        lang,
        greeting: greeting(lang, Some(name)),
        paragraphs,
        action: Some((tr_in!(lang, signing.mail_action), link)),
        after: vec![],
    };
    render(to, &mail_subject(lang, change, title), body)
}

/// The one-time code; once sent, the outbox keeps a copy without it.
pub fn signature_code(lang: Lang, to: &str, name: &str, reference: &str, code: &str) -> Mail {
    let body = |paragraph: String| Body {
        lang,
        greeting: greeting(lang, Some(name)),
        paragraphs: vec![paragraph],
        action: None,
        after: vec![],
    };
    let with_code = body(
        tr_in!(
            lang,
            signing.code_body,
            reference = reference,
            code = code,
            minutes = CODE_VALID_MINUTES
        )
        .to_string(),
    );
    let without = body(tr_in!(lang, signing.code_body_redacted, reference = reference).to_string());
    let subject = tr_in!(lang, signing.code_subject, reference = reference).to_string();
    Mail {
        redacted: Some(bodies(&without, false)),
        ..render(to, &subject, with_code)
    }
}
