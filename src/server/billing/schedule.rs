//! The commission schedules: versions are added, never edited, and a contract keeps the
//! one in force when it was drawn.

use rust_decimal::Decimal;
use serde::Deserialize;
use sqlx::PgConnection;

use crate::domain::billing::commission::{Bracket, Schedule};
use crate::domain::id::{AccountId, ContractId};
use crate::domain::money::Euros;
use crate::error::{AppError, Problem};

#[derive(Deserialize)]
struct StoredBracket {
    up_to: Option<Euros>,
    rate: Decimal,
}

fn from_row(
    version: String,
    brackets: serde_json::Value,
    minimum: Euros,
) -> Result<Schedule, AppError> {
    let stored: Vec<StoredBracket> = serde_json::from_value(brackets).map_err(|err| {
        tracing::error!(error = %err, version, "unreadable commission schedule");
        AppError::Internal
    })?;
    let brackets = stored
        .into_iter()
        .map(|b| Bracket {
            up_to: b.up_to,
            rate: b.rate,
        })
        .collect();
    Schedule::new(version, brackets, minimum).map_err(|err| {
        tracing::error!(error = %err, "stored commission schedule breaks the rules");
        AppError::Internal
    })
}

/// The schedule in force now: the latest version.
pub async fn current(conn: &mut PgConnection) -> Result<Schedule, AppError> {
    let r = sqlx::query!(
        r#"SELECT version, brackets, minimum AS "minimum: Euros" FROM commission_schedules
           ORDER BY created_at DESC LIMIT 1"#
    )
    .fetch_one(conn)
    .await?;
    from_row(r.version, r.brackets, r.minimum)
}

/// The schedule a contract was drawn under (the current one for contracts drawn before
/// schedules were versioned).
pub async fn of_contract(
    conn: &mut PgConnection,
    contract: ContractId,
) -> Result<Schedule, AppError> {
    let r = sqlx::query!(
        r#"SELECT s.version, s.brackets, s.minimum AS "minimum: Euros"
           FROM contracts c JOIN commission_schedules s ON s.version = c.commission_schedule
           WHERE c.id = $1"#,
        contract as ContractId,
    )
    .fetch_optional(&mut *conn)
    .await?;
    match r {
        Some(r) => from_row(r.version, r.brackets, r.minimum),
        None => current(conn).await,
    }
}

/// A new version from an admin; the domain refuses a schedule that breaks the rules,
/// the database a version label already used.
pub async fn add(
    conn: &mut PgConnection,
    admin: AccountId,
    schedule: &Schedule,
) -> Result<(), AppError> {
    let brackets = serde_json::json!(schedule
        .brackets
        .iter()
        .map(|b| serde_json::json!({"up_to": b.up_to, "rate": b.rate}))
        .collect::<Vec<_>>());
    let added = sqlx::query!(
        "INSERT INTO commission_schedules (version, brackets, minimum, created_by)
         VALUES ($1, $2, $3, $4) ON CONFLICT (version) DO NOTHING",
        schedule.version,
        brackets,
        schedule.minimum as Euros,
        admin as AccountId,
    )
    .execute(conn)
    .await?;
    if added.rows_affected() == 0 {
        return Err(AppError::Validation(Problem::ScheduleVersionTaken));
    }
    Ok(())
}

/// A schedule as an admin types it: `version`, one bracket per line `up to;rate %`
/// (`10000;3`, then `;1` for the last, without a ceiling), the minimum in euros.
pub fn parse(version: &str, brackets: &str, minimum: &str) -> Result<Schedule, AppError> {
    let invalid = || AppError::Validation(Problem::ScheduleInvalid);
    let mut parsed = Vec::new();
    for line in brackets.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let (up_to, rate) = line.split_once(';').ok_or_else(invalid)?;
        let up_to = match up_to.trim() {
            "" => None,
            amount => Some(Euros::parse(amount).map_err(|_| invalid())?),
        };
        let percent: Decimal = rate
            .trim()
            .trim_end_matches('%')
            .trim()
            .replace(',', ".")
            .parse()
            .map_err(|_| invalid())?;
        parsed.push(Bracket {
            up_to,
            rate: percent / Decimal::ONE_HUNDRED,
        });
    }
    let minimum = Euros::parse(minimum).map_err(|_| invalid())?;
    Schedule::new(version.trim().to_string(), parsed, minimum).map_err(|_| invalid())
}
