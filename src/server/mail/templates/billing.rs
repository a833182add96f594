//! Billing's mails: an invoice or a credit note issued (its Factur-X PDF attached), a
//! payment recorded, a reminder past the due date, a mission invoice deposited or paid.

use super::{greeting, render, Body, Mail};
use crate::domain::billing::events::BillingChange;
use crate::domain::lang::Lang;
use crate::ui::text::billing::{change_label, news_text};

#[allow(clippy::too_many_arguments)]
pub fn billing_changed(
    lang: Lang,
    to: &str,
    name: &str,
    title: &str,
    change: BillingChange,
    reference: &str,
    link: &str,
    attached: bool,
) -> Mail {
    let mut paragraphs = vec![news_text(lang, change, reference, title)];
    if attached {
        paragraphs.push(tr_in!(lang, billing.mail_attached).to_string());
    }
    let body = Body {
        lang,
        greeting: greeting(lang, Some(name)),
        paragraphs,
        action: Some((tr_in!(lang, billing.mail_action), link)),
        after: vec![],
    };
    let subject = tr_in!(
        lang,
        billing.mail_subject,
        change = change_label(lang, change),
        reference = reference
    )
    .to_string();
    render(to, &subject, body)
}
