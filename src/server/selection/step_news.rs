//! What each side hears of a step: the notice, the mail, and once a time is agreed (or
//! cancelled) the calendar invitation to both.

use chrono::{DateTime, Utc};
use sqlx::PgConnection;

use crate::domain::id::StepId;
use crate::domain::notification::Notice;
use crate::domain::selection::step::{paris_wall_clock, StepNews, StepPlace};
use crate::domain::selection::Party;
use crate::error::AppError;
use crate::server::mail::{outbox, templates, Invitation};
use crate::server::repo::notification;
use crate::server::state::AppState;

use super::calendar::{self, Meeting};
use super::sides::Sides;

/// Where the recipient follows the step: the client's project page, the expert's
/// applications. (absolute for the mail, relative for the notice)
fn link_for(state: &AppState, sides: &Sides, to: Party) -> (String, String) {
    let path = match to {
        Party::Client => format!("/mes-projets/{}", sides.project),
        _ => "/mes-propositions".to_string(),
    };
    let base = state.config.public_url.trim_end_matches('/');
    (format!("{base}{path}"), path)
}

/// The other side hears of a step: in the app and by mail (with the invitation if any).
pub(super) async fn tell(
    state: &AppState,
    conn: &mut PgConnection,
    sides: &Sides,
    to: Party,
    news: StepNews,
    place: &StepPlace,
    calendar: Option<Invitation>,
) -> Result<(), AppError> {
    let side = if to == Party::Client {
        &sides.client
    } else {
        &sides.expert
    };
    let (url, path) = link_for(state, sides, to);
    let notice = Notice::StepChanged {
        title: sides.title.clone(),
        news,
    };
    notification::notify(conn, side.account, &notice, Some(&path)).await?;
    let mail = templates::step_news(
        &templates::StepMail {
            lang: side.lang,
            to: &side.email,
            name: &side.name,
            title: &sides.title,
            news,
            place,
            link: &url,
        },
        calendar,
    );
    outbox::enqueue(conn, &mail).await?;
    Ok(())
}

/// Both parties receive the invitation (or its cancellation) for their calendars.
pub(super) async fn invite_both(
    state: &AppState,
    conn: &mut PgConnection,
    sides: &Sides,
    place: &StepPlace,
    (step, sequence, at, minutes): (StepId, i32, DateTime<Utc>, i32),
    cancelled: bool,
) -> Result<(), AppError> {
    for to in [Party::Client, Party::Expert] {
        let side = if to == Party::Client {
            &sides.client
        } else {
            &sides.expert
        };
        let lang = side.lang;
        let format = crate::ui::text::project::contact_format_label(lang, place.format);
        let summary = tr_in!(
            lang,
            steps.calendar_summary,
            format = format,
            title = &sides.title
        )
        .to_string();
        let description = tr_in!(
            lang,
            steps.calendar_description,
            client = &sides.client.label,
            expert = &sides.expert.label
        )
        .to_string();
        let meeting = Meeting {
            step,
            sequence,
            starts_at: at,
            minutes,
            summary: &summary,
            description: &description,
            location: place.address.as_deref().or(place.link.as_deref()),
            url: place.link.as_deref(),
            attendees: [
                (&sides.client.label, &sides.client.email),
                (&sides.expert.label, &sides.expert.email),
            ],
            stamp: state.clock.now(),
        };
        let news = if cancelled {
            StepNews::Cancelled {
                format: place.format,
            }
        } else {
            StepNews::Confirmed {
                format: place.format,
                at: paris_wall_clock(at),
            }
        };
        let invitation = calendar::invitation(&meeting, cancelled);
        tell(state, conn, sides, to, news, place, Some(invitation)).await?;
    }
    Ok(())
}
