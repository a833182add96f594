//! The texts of the selection steps shared by pages, notices and mails.

use crate::domain::lang::Lang;
use crate::domain::project::ContactFormat;
use crate::domain::selection::step::{StepChange, StepNews, StepState};
use crate::domain::selection::Party;
use crate::ui::format::datetime_in;
use crate::ui::text::project::contact_format_label;

pub fn state_label(lang: Lang, state: StepState) -> &'static str {
    match state {
        StepState::AwaitingExpert => tr_in!(lang, steps.state_awaiting_expert),
        StepState::AwaitingClient => tr_in!(lang, steps.state_awaiting_client),
        StepState::Confirmed => tr_in!(lang, steps.state_confirmed),
        StepState::Cancelled => tr_in!(lang, steps.state_cancelled),
        StepState::Done => tr_in!(lang, steps.state_done),
    }
}

/// What happened to a step, for the other side; `title` is the project's (or a
/// placeholder the caller fills after escaping).
pub fn news_text(lang: Lang, news: StepNews, title: &str) -> String {
    let format = |f| contact_format_label(lang, f).to_lowercase();
    match news {
        StepNews::SlotsOffered { format: f } => tr_in!(
            lang,
            steps.news_slots_offered,
            format = format(f),
            title = title
        )
        .to_string(),
        StepNews::Confirmed { format: f, at } => tr_in!(
            lang,
            steps.news_confirmed,
            format = format(f),
            title = title,
            when = datetime_in(lang, at)
        )
        .to_string(),
        StepNews::Cancelled { format: f } => tr_in!(
            lang,
            steps.news_cancelled,
            format = format(f),
            title = title
        )
        .to_string(),
        StepNews::Upcoming { format: f, at } => tr_in!(
            lang,
            steps.news_upcoming,
            format = format(f),
            title = title,
            when = datetime_in(lang, at)
        )
        .to_string(),
        StepNews::AnswerLate { format: f } => tr_in!(
            lang,
            steps.news_answer_late,
            format = format(f),
            title = title
        )
        .to_string(),
    }
}

pub fn mail_subject(lang: Lang, news: StepNews, title: &str) -> String {
    match news {
        StepNews::SlotsOffered { .. } => {
            tr_in!(lang, steps.mail_subject_slots_offered, title = title).to_string()
        }
        StepNews::Confirmed { .. } => {
            tr_in!(lang, steps.mail_subject_confirmed, title = title).to_string()
        }
        StepNews::Cancelled { .. } => {
            tr_in!(lang, steps.mail_subject_cancelled, title = title).to_string()
        }
        StepNews::Upcoming { .. } => {
            tr_in!(lang, steps.mail_subject_upcoming, title = title).to_string()
        }
        StepNews::AnswerLate { .. } => {
            tr_in!(lang, steps.mail_subject_answer_late, title = title).to_string()
        }
    }
}

/// A step's move in the path's log.
pub fn change_label(
    lang: Lang,
    change: StepChange,
    by: Party,
    format: ContactFormat,
    starts_at: Option<chrono::NaiveDateTime>,
) -> String {
    let format = contact_format_label(lang, format).to_lowercase();
    match (change, starts_at) {
        (StepChange::SlotsOffered, _) if by == Party::Expert => {
            tr_in!(lang, steps.log_slots_offered_expert, format = format).to_string()
        }
        (StepChange::SlotsOffered, _) => {
            tr_in!(lang, steps.log_slots_offered_client, format = format).to_string()
        }
        (StepChange::Confirmed, at) => tr_in!(
            lang,
            steps.log_confirmed,
            format = format,
            when = at.map(|at| datetime_in(lang, at)).unwrap_or_default()
        )
        .to_string(),
        (StepChange::Cancelled, _) => {
            tr_in!(lang, steps.log_cancelled, format = format).to_string()
        }
        (StepChange::Held, _) => tr_in!(lang, steps.log_held, format = format).to_string(),
    }
}
