//! The billing pages: the expert's (`/facturation`), the mission invoices both sides see,
//! and the admins' (`/admin/facturation`).

mod admin;
mod expert;
mod mission;

pub use admin::AdminBillingPage;
pub use expert::ExpertBillingPage;
pub use mission::MissionInvoices;

use chrono::NaiveDate;

use crate::domain::lang::Lang;
use crate::ui::format::date_in;

/// An ISO date from a view, in the page's language.
pub(crate) fn day(lang: Lang, iso: &str) -> String {
    iso.parse::<NaiveDate>()
        .map(|d| date_in(lang, d))
        .unwrap_or_else(|_| iso.to_string())
}
