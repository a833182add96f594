//! The accounting export: every invoice and credit note as a CSV line (semicolons and
//! decimal commas, as French accounting software reads them), for admins only.

use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use tower_sessions::Session;

use crate::domain::account::Role;
use crate::domain::billing::invoice::InvoiceKind;
use crate::domain::billing::views::PlatformInvoiceView;
use crate::error::AppError;
use crate::server::auth::session;
use crate::server::files::refuse;
use crate::server::state::AppState;

pub const PATH: &str = "/admin/facturation/export.csv";

/// A user's text as a spreadsheet cell: one starting like a formula is prefixed with an
/// apostrophe, so that opening the export runs nothing a name or a title carried.
fn cell(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_string(),
    }
}

/// The CSV text of `invoices`; credit notes count negatively.
pub fn csv_of(invoices: &[PlatformInvoiceView]) -> Result<String, AppError> {
    let mut out = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(Vec::new());
    let fail = |err: csv::Error| {
        tracing::error!(error = %err, "writing the accounting export failed");
        AppError::Internal
    };
    out.write_record([
        "numero",
        "type",
        "date",
        "echeance",
        "expert",
        "projet",
        "ht",
        "tva",
        "ttc",
        "paye",
        "etat",
        "facture_liee",
    ])
    .map_err(fail)?;
    for i in invoices {
        let sign = if i.kind == InvoiceKind::CreditNote {
            "-"
        } else {
            ""
        };
        let amount =
            |e: crate::domain::money::Euros| format!("{sign}{}", e.as_decimal()).replace('.', ",");
        let state = serde_json::to_value(i.state)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        out.write_record([
            i.number.as_str(),
            i.kind.as_str(),
            &i.issued_on,
            &i.due_on,
            &cell(&i.expert_name),
            &cell(&i.project_title),
            &amount(i.total_ht),
            &amount(i.total_vat),
            &amount(i.total_ttc),
            &i.paid.as_decimal().to_string().replace('.', ","),
            &state,
            i.preceding.as_deref().unwrap_or(""),
        ])
        .map_err(fail)?;
    }
    let bytes = out.into_inner().map_err(|_| AppError::Internal)?;
    String::from_utf8(bytes).map_err(|_| AppError::Internal)
}

/// `GET /admin/facturation/export.csv`.
pub async fn download(State(state): State<AppState>, session: Session) -> Response {
    let result = async {
        let user = session::current_user(&session, &state.pool)
            .await?
            .ok_or(AppError::Unauthorized)?;
        if user.role != Role::Admin {
            return Err(AppError::NotFound);
        }
        let invoices =
            super::read::platform_invoices(&state.pool, None, state.clock.today()).await?;
        csv_of(&invoices)
    }
    .await;
    match result {
        Ok(text) => (
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
                (
                    header::CONTENT_DISPOSITION,
                    "attachment; filename=\"b2bizen-factures.csv\"",
                ),
                (header::CACHE_CONTROL, "no-store"),
            ],
            text,
        )
            .into_response(),
        Err(AppError::Unauthorized) => refuse(StatusCode::UNAUTHORIZED),
        Err(AppError::NotFound) => refuse(StatusCode::NOT_FOUND),
        Err(_) => refuse(StatusCode::INTERNAL_SERVER_ERROR),
    }
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn a_formula_in_a_name_stays_text() {
        assert_eq!(cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("Camille Martin"), "Camille Martin");
    }
}
