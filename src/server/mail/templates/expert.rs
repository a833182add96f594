//! The mails about an expert's dossier and projects, in the expert's language.

use chrono::NaiveDate;

use super::{greeting, render, Body, Mail};
use crate::domain::lang::Lang;
use crate::domain::review::Decision;

/// An admin's decision on the expert's dossier.
pub fn review_decision(
    lang: Lang,
    to: &str,
    name: &str,
    decision: Decision,
    message: &str,
    link: &str,
) -> Mail {
    let (subject, lead) = match decision {
        Decision::Approve => (
            tr_in!(lang, mail.review.approved_subject),
            tr_in!(lang, mail.review.approved_lead),
        ),
        Decision::RequestChanges => (
            tr_in!(lang, mail.review.changes_subject),
            tr_in!(lang, mail.review.changes_lead),
        ),
        Decision::Reject => (
            tr_in!(lang, mail.review.rejected_subject),
            tr_in!(lang, mail.review.rejected_lead),
        ),
    };
    let mut paragraphs = vec![lead.to_string()];
    if !message.is_empty() {
        paragraphs.push(tr_in!(lang, mail.review.message, message = message).to_string());
    }
    let body = Body {
        lang,
        greeting: greeting(lang, Some(name)),
        paragraphs,
        action: Some((tr_in!(lang, mail.review.action), link)),
        after: vec![],
    };
    render(to, subject, body)
}

/// Sent [`crate::domain::eligibility::REMINDER_DAYS`] days before the attestation expires.
pub fn attestation_reminder(
    lang: Lang,
    to: &str,
    name: &str,
    until: NaiveDate,
    link: &str,
) -> Mail {
    let until = crate::ui::format::date_in(lang, until);
    let body = Body {
        lang,
        greeting: greeting(lang, Some(name)),
        paragraphs: vec![
            tr_in!(lang, mail.attestation_reminder.lead, until = until).to_string(),
            tr_in!(lang, mail.attestation_reminder.how).into(),
        ],
        action: Some((tr_in!(lang, mail.attestation_reminder.action), link)),
        after: vec![],
    };
    render(to, tr_in!(lang, mail.attestation_reminder.subject), body)
}

/// A new project matches the expert's profile.
pub fn project_notice(lang: Lang, to: &str, name: &str, title: &str, link: &str) -> Mail {
    let body = Body {
        lang,
        greeting: greeting(lang, Some(name)),
        paragraphs: vec![
            tr_in!(lang, mail.project_notice.lead, title = title).to_string(),
            tr_in!(lang, mail.project_notice.apply).into(),
        ],
        action: Some((tr_in!(lang, mail.project_notice.action), link)),
        after: vec![tr_in!(lang, mail.project_notice.opt_out).into()],
    };
    render(to, tr_in!(lang, mail.project_notice.subject), body)
}

/// The expert was proposed to a client.
pub fn proposed_to_client(lang: Lang, to: &str, name: &str, title: &str, link: &str) -> Mail {
    let body = Body {
        lang,
        greeting: greeting(lang, Some(name)),
        paragraphs: vec![tr_in!(lang, mail.proposed_to_client.lead, title = title).to_string()],
        action: Some((tr_in!(lang, mail.proposed_to_client.action), link)),
        after: vec![],
    };
    render(to, tr_in!(lang, mail.proposed_to_client.subject), body)
}

/// The client ended a project the expert was proposed for: their path on it ends. The
/// expert learns the category only, never the client's comment.
pub fn project_ended(
    lang: Lang,
    to: &str,
    name: &str,
    title: &str,
    reason: crate::domain::selection::ProposalEndReason,
    link: &str,
) -> Mail {
    use crate::domain::selection::ProposalEndReason as R;
    let lead = match reason {
        R::ProjectClosed => tr_in!(lang, mail.project_ended.closed, title = title),
        _ => tr_in!(lang, mail.project_ended.cancelled, title = title),
    };
    let body = Body {
        lang,
        greeting: greeting(lang, Some(name)),
        paragraphs: vec![
            lead.to_string(),
            tr_in!(lang, mail.project_ended.after).to_string(),
        ],
        action: Some((tr_in!(lang, mail.project_ended.action), link)),
        after: vec![],
    };
    let subject = tr_in!(lang, mail.project_ended.subject, title = title).to_string();
    render(to, &subject, body)
}

/// The expert's path on a project moved (shortlisted, a step, chosen, or ended): what
/// it means, and for an end its category only, never the client's words.
pub fn path_changed(
    lang: Lang,
    to: &str,
    name: &str,
    title: &str,
    state: crate::domain::selection::ProposalState,
    reason: Option<crate::domain::selection::ProposalEndReason>,
    link: &str,
) -> Mail {
    use crate::ui::text::selection::{news_for_expert, reason_for_expert};
    let news = news_for_expert(lang, state, title);
    let mut paragraphs = vec![news];
    if let Some(reason) = reason {
        let why = reason_for_expert(lang, reason);
        paragraphs.push(tr_in!(lang, selection.why, why = why).to_string());
    }
    let body = Body {
        lang,
        greeting: greeting(lang, Some(name)),
        paragraphs,
        action: Some((tr_in!(lang, selection.mail_action), link)),
        after: vec![],
    };
    let subject = tr_in!(lang, selection.mail_subject, title = title).to_string();
    render(to, &subject, body)
}

/// Whoever must act on a path (client or expert) is past the deadline.
pub fn decision_overdue(lang: Lang, to: &str, name: &str, title: &str, link: &str) -> Mail {
    let body = Body {
        lang,
        greeting: greeting(lang, Some(name)),
        paragraphs: vec![tr_in!(lang, selection.overdue_body, title = title).to_string()],
        action: Some((tr_in!(lang, selection.mail_action), link)),
        after: vec![],
    };
    let subject = tr_in!(lang, selection.overdue_mail_subject, title = title).to_string();
    render(to, &subject, body)
}
