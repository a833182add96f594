//! The mails of the selection steps: slots to answer, the invitation (with its iCalendar
//! object), its cancellation, the reminder the day before.

use super::{greeting, render, Body, Invitation, Mail};
use crate::domain::lang::Lang;
use crate::domain::selection::step::{StepNews, StepPlace};
use crate::ui::text::steps::{mail_subject, news_text};

pub struct StepMail<'a> {
    pub lang: Lang,
    pub to: &'a str,
    pub name: &'a str,
    pub title: &'a str,
    pub news: StepNews,
    pub place: &'a StepPlace,
    pub link: &'a str,
}

pub fn step_news(m: &StepMail<'_>, calendar: Option<Invitation>) -> Mail {
    let mut paragraphs = vec![news_text(m.lang, m.news, m.title)];
    if !matches!(m.news, StepNews::Cancelled { .. }) {
        if let Some(link) = &m.place.link {
            paragraphs.push(tr_in!(m.lang, steps.mail_link, link = link).to_string());
        }
        if let Some(address) = &m.place.address {
            paragraphs.push(tr_in!(m.lang, steps.mail_address, address = address).to_string());
        }
    }
    let body = Body {
        lang: m.lang,
        greeting: greeting(m.lang, Some(m.name)),
        paragraphs,
        action: Some((tr_in!(m.lang, steps.mail_action), m.link)),
        after: vec![],
    };
    Mail {
        calendar,
        ..render(m.to, &mail_subject(m.lang, m.news, m.title), body)
    }
}
