//! The texts of the quote shared by pages, notices and mails.

use crate::domain::lang::Lang;
use crate::domain::money::Euros;
use crate::domain::quote::{PaymentTerms, QuoteChange, QuoteState, QuoteUnit, TermsBasis};

/// An amount to the cent, as a quote prints it: `1 234,50 €`, `€1,234.50`.
pub fn euros_in(lang: Lang, amount: Euros) -> String {
    match lang {
        Lang::Fr => amount.to_string(),
        Lang::En => format!(
            "€{}",
            amount
                .amount_fr()
                .replace(',', ".")
                .replace('\u{202F}', ",")
        ),
    }
}

pub fn state_label(lang: Lang, state: QuoteState) -> &'static str {
    match state {
        QuoteState::Sent => tr_in!(lang, quote.state_sent),
        QuoteState::RevisionRequested => tr_in!(lang, quote.state_revision_requested),
        QuoteState::Accepted => tr_in!(lang, quote.state_accepted),
        QuoteState::Superseded => tr_in!(lang, quote.state_superseded),
    }
}

pub fn unit_label(lang: Lang, unit: QuoteUnit, plural: bool) -> &'static str {
    match (unit, plural) {
        (QuoteUnit::Day, false) => tr_in!(lang, quote.unit_day),
        (QuoteUnit::Day, true) => tr_in!(lang, quote.unit_day_plural),
        (QuoteUnit::Unit, false) => tr_in!(lang, quote.unit_unit),
        (QuoteUnit::Unit, true) => tr_in!(lang, quote.unit_unit_plural),
    }
}

pub fn basis_label(lang: Lang, basis: TermsBasis) -> &'static str {
    match basis {
        TermsBasis::AfterService => tr_in!(lang, quote.basis_after_service),
        TermsBasis::AfterInvoice => tr_in!(lang, quote.basis_after_invoice),
        TermsBasis::EndOfMonth => tr_in!(lang, quote.basis_end_of_month),
    }
}

pub fn terms_text(lang: Lang, terms: PaymentTerms) -> String {
    let days = terms.days;
    match terms.basis {
        TermsBasis::AfterService => tr_in!(lang, quote.terms_after_service, days = days),
        TermsBasis::AfterInvoice => tr_in!(lang, quote.terms_after_invoice, days = days),
        TermsBasis::EndOfMonth => tr_in!(lang, quote.terms_end_of_month, days = days),
    }
    .to_string()
}

/// The quote's entry in a path's log.
pub fn change_label(lang: Lang, change: QuoteChange, version: i32, ttc: Euros) -> String {
    let ttc = euros_in(lang, ttc);
    match change {
        QuoteChange::Sent => {
            tr_in!(lang, quote.change_sent, version = version, ttc = ttc).to_string()
        }
        QuoteChange::RevisionRequested => {
            tr_in!(lang, quote.change_revision_requested, version = version).to_string()
        }
        QuoteChange::Accepted => {
            tr_in!(lang, quote.change_accepted, version = version, ttc = ttc).to_string()
        }
    }
}

/// What the other side hears; `title` is the project's (or a placeholder the caller
/// fills after escaping).
pub fn news_text(lang: Lang, change: QuoteChange, version: i32, title: &str) -> String {
    match change {
        QuoteChange::Sent => {
            tr_in!(lang, quote.notice_sent, version = version, title = title).to_string()
        }
        QuoteChange::RevisionRequested => tr_in!(
            lang,
            quote.notice_revision_requested,
            version = version,
            title = title
        )
        .to_string(),
        QuoteChange::Accepted => tr_in!(
            lang,
            quote.notice_accepted,
            version = version,
            title = title
        )
        .to_string(),
    }
}

pub fn mail_subject(lang: Lang, change: QuoteChange, title: &str) -> String {
    match change {
        QuoteChange::Sent => tr_in!(lang, quote.mail_subject_sent, title = title).to_string(),
        QuoteChange::RevisionRequested => {
            tr_in!(lang, quote.mail_subject_revision_requested, title = title).to_string()
        }
        QuoteChange::Accepted => {
            tr_in!(lang, quote.mail_subject_accepted, title = title).to_string()
        }
    }
}
