//! `GET /devis/{project}/{expert}/{version}`: a version of a quote as a PDF, for the two
//! parties and admins only, drawn from the frozen version (so every download of it is
//! the same text) in the reader's language.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use tower_sessions::Session;

use crate::domain::account::Role;
use crate::domain::id::{AccountId, ExpertId, ProjectId};
use crate::domain::lang::Lang;
use crate::domain::quote::{QuoteVersion, FRANCHISE_MENTION};
use crate::error::AppError;
use crate::server::auth::rate_limit::{self, Limit};
use crate::server::auth::session;
use crate::server::files::{refuse, send, Disposition};
use crate::server::pdf::layout::{Align, Block, Column};
use crate::server::pdf::{render_bounded, Meta};
use crate::server::state::AppState;
use crate::ui::format::date_in;
use crate::ui::text::quote::{euros_in, terms_text, unit_label};

/// Documents drawn per account: far above what reading needs, a wall for a script.
pub const RENDERS_PER_ACCOUNT: Limit = Limit {
    max: 60,
    window_secs: 600,
};

pub const PATH: &str = "/devis/{project}/{expert}/{version}";

pub fn url(project: ProjectId, expert: ExpertId, version: i32) -> String {
    format!("/devis/{project}/{expert}/{version}")
}

pub async fn download(
    State(state): State<AppState>,
    session: Session,
    Path((project, expert, version)): Path<(String, String, String)>,
) -> Response {
    match document(&state, &session, (&project, &expert, &version)).await {
        Ok((name, bytes)) => send(
            bytes,
            "application/pdf",
            Disposition::Download { name: &name },
        ),
        Err(AppError::Unauthorized) => refuse(StatusCode::UNAUTHORIZED),
        Err(AppError::RateLimited) => refuse(StatusCode::TOO_MANY_REQUESTS),
        Err(AppError::NotFound | AppError::Forbidden) => refuse(StatusCode::NOT_FOUND),
        Err(_) => refuse(StatusCode::INTERNAL_SERVER_ERROR),
    }
}

struct Parties {
    client_account: AccountId,
    expert_account: AccountId,
    title: String,
    company: String,
    company_siret: String,
    contact: String,
    expert_name: String,
    expert_siret: Option<String>,
    expert_address: Option<String>,
    expert_vat: Option<String>,
}

async fn document(
    state: &AppState,
    session: &Session,
    (project, expert, version): (&str, &str, &str),
) -> Result<(String, Vec<u8>), AppError> {
    let user = session::current_user(session, &state.pool)
        .await?
        .ok_or(AppError::Unauthorized)?;
    let project: ProjectId = project.parse().map_err(|_| AppError::NotFound)?;
    let expert: ExpertId = expert.parse().map_err(|_| AppError::NotFound)?;
    let version: i32 = version.parse().map_err(|_| AppError::NotFound)?;
    let parties = sqlx::query_as!(
        Parties,
        r#"SELECT pr.client_account_id AS "client_account!: AccountId",
                  e.account_id AS "expert_account!: AccountId", pr.title,
                  c.company_name AS company, c.siret AS company_siret,
                  c.contact_first_name || ' ' || c.contact_last_name AS "contact!",
                  e.first_name || ' ' || coalesce(e.last_name, '') AS "expert_name!",
                  e.siret AS expert_siret, e.postal_address AS expert_address,
                  e.vat_number AS expert_vat
           FROM quotes q
           JOIN projects pr ON pr.id = q.project_id
           JOIN clients c ON c.account_id = pr.client_account_id
           JOIN experts e ON e.id = q.expert_id
           WHERE q.project_id = $1 AND q.expert_id = $2"#,
        project as ProjectId,
        expert as ExpertId,
    )
    .fetch_optional(&state.pool)
    .await?
    .ok_or(AppError::NotFound)?;
    let party = user.id == parties.client_account || user.id == parties.expert_account;
    if !party && user.role != Role::Admin {
        // Not theirs: as if it did not exist.
        return Err(AppError::NotFound);
    }
    let today = state.clock.today();
    let quote = super::quotes_of(&state.pool, &[(project, expert)], today)
        .await?
        .pop()
        .ok_or(AppError::NotFound)?;
    let version = quote
        .versions
        .into_iter()
        .find(|v| v.version == version)
        .ok_or(AppError::NotFound)?;
    rate_limit::hit(
        &state.pool,
        &format!("pdf:{}", user.id),
        RENDERS_PER_ACCOUNT,
    )
    .await?;
    let lang = crate::server::lang::of_account(&state.pool, user.id).await?;
    let name = version.reference.clone();
    let meta = Meta {
        title: tr_in!(lang, quote.pdf_title, reference = &name).to_string(),
        language: lang.code().to_string(),
        footer: name.clone(),
        created: state.clock.now(),
    };
    let bytes = render_bounded(blocks(lang, &parties, &version), meta).await?;
    Ok((name, bytes))
}

fn blocks(lang: Lang, p: &Parties, v: &QuoteVersion) -> Vec<Block> {
    let d = &v.draft;
    let t = &v.totals;
    let sent = chrono::DateTime::parse_from_rfc3339(&v.sent_at)
        .map(|at| date_in(lang, at.date_naive()))
        .unwrap_or_default();
    let mut provider = vec![p.expert_name.trim().to_string()];
    provider.extend(p.expert_siret.iter().map(|s| format!("SIRET {s}")));
    provider.extend(
        p.expert_vat
            .iter()
            .map(|s| tr_in!(lang, quote.pdf_vat_number, number = s).to_string()),
    );
    provider.extend(p.expert_address.iter().cloned());
    let mut blocks = vec![
        Block::Title(tr_in!(lang, quote.pdf_title, reference = &v.reference).to_string()),
        Block::Fields(vec![
            (tr_in!(lang, quote.pdf_provider).into(), provider.join("\n")),
            (
                tr_in!(lang, quote.pdf_client).into(),
                format!("{}\nSIRET {}\n{}", p.company, p.company_siret, p.contact),
            ),
            (tr_in!(lang, quote.pdf_project).into(), p.title.clone()),
            (tr_in!(lang, quote.pdf_sent_on).into(), sent),
            (
                tr_in!(lang, quote.pdf_state).into(),
                crate::ui::text::quote::state_label(lang, v.state).into(),
            ),
        ]),
        Block::Table {
            columns: vec![
                Column {
                    share: 4.0,
                    align: Align::Left,
                },
                Column {
                    share: 1.6,
                    align: Align::Right,
                },
                Column {
                    share: 1.8,
                    align: Align::Right,
                },
                Column {
                    share: 1.0,
                    align: Align::Right,
                },
                Column {
                    share: 1.8,
                    align: Align::Right,
                },
            ],
            header: vec![
                tr_in!(lang, quote.col_description).into(),
                tr_in!(lang, quote.col_quantity).into(),
                tr_in!(lang, quote.col_unit_price).into(),
                tr_in!(lang, quote.col_vat).into(),
                tr_in!(lang, quote.col_total).into(),
            ],
            rows: d
                .lines
                .iter()
                .map(|l| {
                    let plural = l.quantity > rust_decimal::Decimal::ONE;
                    let quantity = l.quantity.normalize().to_string();
                    let quantity = match lang {
                        Lang::Fr => quantity.replace('.', ","),
                        Lang::En => quantity,
                    };
                    vec![
                        l.description.clone(),
                        format!("{quantity} {}", unit_label(lang, l.unit, plural)),
                        euros_in(lang, l.unit_price),
                        l.vat.label_fr(),
                        euros_in(lang, l.total()),
                    ]
                })
                .collect(),
        },
    ];
    let mut totals = vec![(
        tr_in!(lang, quote.total_ht).to_string(),
        euros_in(lang, t.ht),
    )];
    if !d.franchise {
        totals.extend(t.by_rate.iter().map(|r| {
            let label = tr_in!(
                lang,
                quote.vat_on,
                rate = r.rate.label_fr(),
                base = euros_in(lang, r.base)
            );
            (label.to_string(), euros_in(lang, r.vat))
        }));
    }
    totals.push((
        tr_in!(lang, quote.total_ttc).to_string(),
        euros_in(lang, t.ttc),
    ));
    blocks.push(Block::Totals(totals));
    if d.franchise {
        // The legal mention, in French whatever the reader's language.
        blocks.push(Block::Paragraph(FRANCHISE_MENTION.to_string()));
    }
    blocks.push(Block::Paragraph(
        tr_in!(
            lang,
            quote.start,
            date = date_in(lang, d.start_date),
            days = d.duration_days
        )
        .to_string(),
    ));
    blocks.push(Block::Paragraph(terms_text(lang, d.terms)));
    blocks.push(Block::Paragraph(
        tr_in!(lang, quote.valid_until, date = date_in(lang, d.valid_until)).to_string(),
    ));
    blocks.push(Block::Small(tr_in!(lang, quote.pdf_platform).to_string()));
    blocks
}
