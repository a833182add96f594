//! Billing: the commission schedule in force (public: the fee simulator computes in the
//! browser from it), the expert's billing page, the client's mission invoices, and the
//! admins' payments, refunds and statement review.

use leptos::prelude::*;

use crate::domain::billing::commission::Schedule;
use crate::domain::billing::views::{AdminBilling, ExpertBilling, MissionBilling};
use crate::error::AppError;

/// The schedule a contract drawn now would be signed under.
#[server(prefix = "/api", endpoint = "commission_schedule", input = leptos::server_fn::codec::GetUrl)]
pub async fn commission_schedule() -> Result<Schedule, AppError> {
    use crate::server::{auth::access, billing::schedule, state::app_state};
    super::respond(
        async {
            access::visitor::<CommissionSchedule>().await?;
            let state = app_state()?;
            let mut conn = state.pool.acquire().await?;
            schedule::current(&mut conn).await
        }
        .await,
    )
}

/// A new version of the schedule: `brackets` one per line, `up to;rate %` (the last
/// without a ceiling: `;1`).
#[server(prefix = "/api", endpoint = "commission_schedule_add")]
pub async fn commission_schedule_add(
    version: String,
    brackets: String,
    minimum: String,
) -> Result<(), AppError> {
    use crate::server::{auth::access, billing::schedule, state::app_state};
    super::respond(
        async {
            let user = access::user::<CommissionScheduleAdd>().await?;
            let state = app_state()?;
            let parsed = schedule::parse(&version, &brackets, &minimum)?;
            let mut conn = state.pool.acquire().await?;
            schedule::add(&mut conn, user.id, &parsed).await
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "billing_expert", input = leptos::server_fn::codec::GetUrl)]
pub async fn billing_expert() -> Result<ExpertBilling, AppError> {
    use crate::server::{auth::access, billing::read, state::app_state};
    super::respond(
        async {
            let user = access::user::<BillingExpert>().await?;
            let state = app_state()?;
            read::expert(&state.pool, user.id, state.clock.today()).await
        }
        .await,
    )
}

/// The mission invoices of one of the client's projects.
#[server(prefix = "/api", endpoint = "billing_client", input = leptos::server_fn::codec::GetUrl)]
pub async fn billing_client(project: String) -> Result<Vec<MissionBilling>, AppError> {
    use crate::server::{auth::access, billing::read, state::app_state};
    super::respond(
        async {
            let user = access::user::<BillingClient>().await?;
            let state = app_state()?;
            let project = super::entity_id(&project)?;
            read::missions(&state.pool, user.id, Some(project), state.clock.today()).await
        }
        .await,
    )
}

/// The client confirms the day they paid a mission invoice.
#[server(prefix = "/api", endpoint = "billing_confirm_paid")]
pub async fn billing_confirm_paid(invoice: String, paid_on: String) -> Result<(), AppError> {
    use crate::server::{auth::access, billing::mission, state::app_state};
    super::respond(
        async {
            let user = access::user::<BillingConfirmPaid>().await?;
            let state = app_state()?;
            let id = super::entity_id(&invoice)?;
            mission::confirm_paid(&state, &user, id, &paid_on).await
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "billing_admin", input = leptos::server_fn::codec::GetUrl)]
pub async fn billing_admin() -> Result<AdminBilling, AppError> {
    use crate::server::{auth::access, billing::read, state::app_state};
    super::respond(
        async {
            access::user::<BillingAdmin>().await?;
            let state = app_state()?;
            read::admin(&state.pool, state.clock.today()).await
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "billing_record_payment")]
pub async fn billing_record_payment(
    invoice: String,
    amount: String,
    paid_on: String,
) -> Result<(), AppError> {
    use crate::server::{auth::access, billing::payments, state::app_state};
    super::respond(
        async {
            let user = access::user::<BillingRecordPayment>().await?;
            let state = app_state()?;
            let id = super::entity_id(&invoice)?;
            payments::record_by_hand(&state, user.id, id, &amount, &paid_on).await
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "billing_record_refund")]
pub async fn billing_record_refund(
    credit_note: String,
    refunded_on: String,
) -> Result<(), AppError> {
    use crate::server::{auth::access, billing::payments, state::app_state};
    super::respond(
        async {
            let user = access::user::<BillingRecordRefund>().await?;
            let state = app_state()?;
            let id = super::entity_id(&credit_note)?;
            payments::record_refund(&state, user.id, id, &refunded_on).await
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "billing_dismiss_line")]
pub async fn billing_dismiss_line(line: String) -> Result<(), AppError> {
    use crate::server::{auth::access, billing::statement, state::app_state};
    super::respond(
        async {
            access::user::<BillingDismissLine>().await?;
            let state = app_state()?;
            let id = super::entity_id(&line)?;
            statement::dismiss(&state, id).await
        }
        .await,
    )
}
