//! The mail announcing unread messages of a conversation.

use super::{greeting, render, Body, Mail};
use crate::domain::lang::Lang;

/// Unread messages of one conversation for one recipient.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnreadMessages {
    pub lang: Lang,
    pub to: String,
    /// The recipient's first name.
    pub name: String,
    /// Who wrote: the expert's first name or the client's company.
    pub from: String,
    pub title: String,
    pub link: String,
    pub count: usize,
}

pub fn unread_messages(m: &UnreadMessages) -> Mail {
    let lang = m.lang;
    let lead = if m.count == 1 {
        tr_in!(lang, chat.mail_lead_one, from = &m.from, title = &m.title).to_string()
    } else {
        tr_in!(
            lang,
            chat.mail_lead_many,
            from = &m.from,
            title = &m.title,
            count = m.count
        )
        .to_string()
    };
    let body = Body {
        lang,
        greeting: greeting(lang, Some(&m.name)),
        paragraphs: vec![lead, tr_in!(lang, chat.mail_privacy).to_string()],
        action: Some((tr_in!(lang, chat.mail_action), &m.link)),
        after: vec![],
    };
    let subject = tr_in!(lang, chat.mail_subject, title = &m.title).to_string();
    render(&m.to, &subject, body)
}
