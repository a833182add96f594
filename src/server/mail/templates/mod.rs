//! Every e-mail the platform sends, as plain text and HTML, in the recipient's language
//! (`accounts.language`); the texts are in `locales/<lang>/mail.json`.

use crate::domain::lang::Lang;

mod account;
mod billing;
mod chat;
mod client;
mod contract;
mod expert;
mod quote;
mod steps;
#[cfg(test)]
mod tests;

pub use account::{already_registered, password_reset, verify_email};
pub use billing::billing_changed;
pub use chat::{unread_messages, UnreadMessages};
pub use client::experts_proposed;
pub use contract::{contract_changed, signature_code};
pub use expert::{
    attestation_reminder, decision_overdue, path_changed, project_ended, project_notice,
    proposed_to_client, review_decision,
};
pub use quote::quote_changed;
pub use steps::{step_news, StepMail};

/// A mail ready for the outbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mail {
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: String,
    /// For a mail whose link is a secret (verification, reset): the (text, html) to keep
    /// once the mail has left, without the link. `None`: the mail holds no secret.
    pub redacted: Option<(String, String)>,
    /// An iCalendar invitation (iMIP) the mail carries.
    pub calendar: Option<Invitation>,
    /// A PDF the mail carries (a signed contract): its file name and bytes.
    pub attachment: Option<(String, Vec<u8>)>,
}

/// The iCalendar object of an invitation mail and its method (`REQUEST`, `CANCEL`): the
/// method is also written in the MIME type, where mail clients look for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invitation {
    pub method: &'static str,
    pub ics: String,
}

struct Body<'a> {
    lang: Lang,
    greeting: String,
    paragraphs: Vec<String>,
    action: Option<(&'a str, &'a str)>,
    after: Vec<String>,
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

fn render(to: &str, subject: &str, body: Body<'_>) -> Mail {
    let (text, html) = bodies(&body, true);
    Mail {
        to: to.to_string(),
        subject: subject.to_string(),
        text,
        html,
        redacted: None,
        calendar: None,
        attachment: None,
    }
}

/// For a mail whose action link is a single-use secret: whoever reads the outbox after
/// delivery (an admin, a database backup) must not be able to use it.
fn render_secret(to: &str, subject: &str, body: Body<'_>) -> Mail {
    let redacted = bodies(&body, false);
    Mail {
        redacted: Some(redacted),
        ..render(to, subject, body)
    }
}

/// The (text, html) bodies, with the action's link or with a note that it was removed.
fn bodies(body: &Body<'_>, with_link: bool) -> (String, String) {
    let lang = body.lang;
    let mut text = format!("{}\n\n", body.greeting);
    let mut html = format!(
        "<!DOCTYPE html><html lang=\"{}\"><body style=\"font-family:Arial,sans-serif;color:#1b2330;line-height:1.5\">\
         <p style=\"font-size:20px;font-weight:bold;color:#0a4478\">B2BiZen</p><p>{}</p>",
        lang.code(),
        escape(&body.greeting)
    );
    for p in &body.paragraphs {
        text.push_str(p);
        text.push_str("\n\n");
        html.push_str(&format!("<p>{}</p>", escape(p)));
    }
    match body.action {
        Some((label, link)) if with_link => {
            let line = tr_in!(lang, mail.action_line, label = label, link = link);
            text.push_str(&format!("{line}\n\n"));
            html.push_str(&format!(
                "<p><a href=\"{0}\" style=\"background:#e9a23b;color:#1b2330;padding:10px 16px;\
                 border-radius:6px;text-decoration:none;font-weight:bold\">{1}</a></p>\
                 <p style=\"font-size:12px;color:#5b6677\">{0}</p>",
                escape(link),
                escape(label)
            ));
        }
        Some((label, _)) => {
            let removed = tr_in!(lang, mail.link_removed);
            let line =
                tr_in!(lang, mail.action_removed, label = label, removed = removed).to_string();
            text.push_str(&format!("{line}\n\n"));
            html.push_str(&format!("<p>{}</p>", escape(&line)));
        }
        None => {}
    }
    for p in &body.after {
        text.push_str(p);
        text.push_str("\n\n");
        html.push_str(&format!("<p style=\"color:#5b6677\">{}</p>", escape(p)));
    }
    let team = tr_in!(lang, mail.team);
    text.push_str(&format!("{team}\n"));
    html.push_str(&format!("<p>{team}</p></body></html>"));
    (text, html)
}

/// "Bonjour Camille," for a name the address's owner confirmed, else a plain "Bonjour,":
/// anyone can type any name next to anyone's address in the sign-up form, and a mail must
/// not greet its reader with words they never chose ("Bonjour Appelez le 08…").
fn greeting(lang: Lang, confirmed_name: Option<&str>) -> String {
    match confirmed_name {
        Some(name) => tr_in!(lang, mail.greeting_named, name = name).to_string(),
        None => tr_in!(lang, mail.greeting).to_string(),
    }
}

/// The links of a plain-text body, for the admin mailbox.
pub fn links(text: &str) -> Vec<String> {
    text.split_whitespace()
        .filter(|w| w.starts_with("http://") || w.starts_with("https://"))
        .map(|w| w.trim_end_matches(['.', ',', ')']).to_string())
        .collect()
}
