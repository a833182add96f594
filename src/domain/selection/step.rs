//! Selection steps: the contacts the client sets up with a shortlisted expert before
//! deciding, each in the format the client chooses. Times are agreed by slots: one side
//! offers 2 to 5, the other picks one or offers others. Times are instants (UTC); people
//! type and read them in Europe/Paris, so the conversion is here, daylight saving
//! included: a time that does not exist in Paris (the spring-forward hour) is refused,
//! an ambiguous one (the autumn hour that happens twice) is the first.
//!
//! ```text
//!              ┌──── counter (expert) ────┐
//!  offer ──▶ AwaitingExpert ◀── offer (client) ── AwaitingClient
//!              │ pick (expert)                      │ pick (client)
//!              └───────────▶ Confirmed ◀────────────┘
//!                 offer again (client): rescheduling ▲ │ record (client, once held) ▶ Done
//!  cancel (either side): any open state ▶ Cancelled
//! ```

use chrono::{DateTime, NaiveDateTime, Utc};
#[cfg(feature = "ssr")]
use chrono::{Duration, LocalResult, TimeZone};
// The time-zone database stays out of the browser's bundle: the server sends times as
// they read in France.
#[cfg(feature = "ssr")]
use chrono_tz::Europe::Paris;
use serde::{Deserialize, Serialize};

use super::{Deadline, Party};
// The formats the client chose in the wizard are the formats of the steps.
use crate::domain::problem::Problem;
pub use crate::domain::project::ContactFormat;

pub const SLOTS_MIN: usize = 2;
pub const SLOTS_MAX: usize = 5;
pub const DURATION_MIN_MINUTES: i32 = 15;
pub const DURATION_MAX_MINUTES: i32 = 480;
/// A slot leaves the other side time to answer and to get ready.
pub const SLOT_NOTICE_HOURS: i64 = 2;
/// Slots are offered within the next six months.
pub const SLOT_HORIZON_DAYS: i64 = 183;
pub const ADDRESS_MAX_CHARS: usize = 300;
pub const LINK_MAX_CHARS: usize = 500;
/// Both parties are reminded of a confirmed step this long before it.
pub const REMINDER_HOURS: i64 = 24;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StepState {
    /// The client offered slots; the expert picks one or offers others.
    AwaitingExpert,
    /// The expert offered other slots; the client picks one or offers others.
    AwaitingClient,
    Confirmed,
    Cancelled,
    /// Held, and the client recorded what follows.
    Done,
}

impl StepState {
    pub const ALL: [StepState; 5] = [
        Self::AwaitingExpert,
        Self::AwaitingClient,
        Self::Confirmed,
        Self::Cancelled,
        Self::Done,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::AwaitingExpert => "awaiting_expert",
            Self::AwaitingClient => "awaiting_client",
            Self::Confirmed => "confirmed",
            Self::Cancelled => "cancelled",
            Self::Done => "done",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.as_str() == s)
    }

    pub fn is_open(self) -> bool {
        !matches!(self, Self::Cancelled | Self::Done)
    }

    /// Who the step waits for, if anyone.
    pub fn awaits(self) -> Option<Party> {
        match self {
            Self::AwaitingExpert => Some(Party::Expert),
            Self::AwaitingClient => Some(Party::Client),
            _ => None,
        }
    }

    /// The state after `action` by `party`, or why it cannot happen.
    pub fn apply(self, action: StepAction, party: Party) -> Result<StepState, Problem> {
        use StepAction as A;
        use StepState as S;
        let next = match (self, action, party) {
            (S::AwaitingClient | S::Confirmed, A::Offer, Party::Client) => S::AwaitingExpert,
            (S::AwaitingExpert, A::Offer, Party::Expert) => S::AwaitingClient,
            (S::AwaitingExpert, A::Pick, Party::Expert) => S::Confirmed,
            (S::AwaitingClient, A::Pick, Party::Client) => S::Confirmed,
            (from, A::Cancel, Party::Client | Party::Expert | Party::Admin) if from.is_open() => {
                S::Cancelled
            }
            (S::Confirmed, A::Record, Party::Client) => S::Done,
            _ => return Err(Problem::StepActionImpossible),
        };
        Ok(next)
    }
}

/// What a party does to a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StepAction {
    /// Offers slots (the client's first offer and rescheduling, or the expert's others).
    Offer,
    Pick,
    Cancel,
    /// The client records the outcome of a held step.
    Record,
}

/// After a held step, the client continues (another step), selects or does not keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StepOutcome {
    Continue,
    Select,
    NotKeep,
}

impl StepOutcome {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "continue" => Some(Self::Continue),
            "select" => Some(Self::Select),
            "not_keep" => Some(Self::NotKeep),
            _ => None,
        }
    }
}

/// What the other side of a step hears of it (in the app and by mail).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "news")]
pub enum StepNews {
    SlotsOffered {
        format: ContactFormat,
    },
    /// `at` as it reads in France.
    Confirmed {
        format: ContactFormat,
        at: NaiveDateTime,
    },
    Cancelled {
        format: ContactFormat,
    },
    /// The reminder, the day before.
    Upcoming {
        format: ContactFormat,
        at: NaiveDateTime,
    },
    /// The reminder to the side whose answer to slots is past its deadline.
    AnswerLate {
        format: ContactFormat,
    },
}

/// What a step's entry in the path's log records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StepChange {
    /// Slots offered (first offer, counter-offer or rescheduling).
    SlotsOffered,
    Confirmed,
    Cancelled,
    /// Held, the client's outcome recorded.
    Held,
}

impl StepChange {
    pub const ALL: [StepChange; 4] = [
        Self::SlotsOffered,
        Self::Confirmed,
        Self::Cancelled,
        Self::Held,
    ];

    /// The stored value (`selection_step_events.change`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::SlotsOffered => "slots_offered",
            Self::Confirmed => "confirmed",
            Self::Cancelled => "cancelled",
            Self::Held => "held",
        }
    }
}

/// A time of a step: the instant, and how it reads in France (the browser has no time-zone
/// database).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Slot {
    pub at: DateTime<Utc>,
    pub paris: NaiveDateTime,
}

/// A step as its client, expert or an admin reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepView {
    pub id: crate::domain::id::StepId,
    pub place: StepPlace,
    pub duration_minutes: i32,
    pub state: StepState,
    /// The slots waiting for an answer, and who offered them.
    pub slots: Vec<Slot>,
    pub slots_by: Option<Party>,
    /// The confirmed time (kept once held or cancelled).
    pub at: Option<Slot>,
    /// The confirmed time has passed: the client may record the outcome.
    pub held: bool,
    /// The step waits for the reader.
    pub awaits_reader: bool,
}

/// Who must answer a step, and within how many working days (the deadline table's rule
/// for steps: an offer of slots is answered within two).
pub fn step_deadline(state: StepState) -> Option<Deadline> {
    state.awaits().map(|who| Deadline {
        who,
        working_days: 2,
    })
}

/// Where the step happens: a phone number and the chat need nothing; a video call needs
/// its https link, a meeting its address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepPlace {
    pub format: ContactFormat,
    pub link: Option<String>,
    pub address: Option<String>,
}

pub fn step_place(format: ContactFormat, link: &str, address: &str) -> Result<StepPlace, Problem> {
    let (link, address) = (link.trim(), address.trim());
    let place = |link: Option<&str>, address: Option<&str>| StepPlace {
        format,
        link: link.map(str::to_string),
        address: address.map(str::to_string),
    };
    match format {
        ContactFormat::Video => {
            let valid = link.len() <= LINK_MAX_CHARS
                && link
                    .strip_prefix("https://")
                    .and_then(|rest| rest.split(['/', '?', '#']).next())
                    .is_some_and(|host| {
                        !host.is_empty()
                            && host.contains('.')
                            && host
                                .chars()
                                .all(|c| c.is_ascii_alphanumeric() || ".-:".contains(c))
                    })
                && !link.chars().any(|c| c.is_whitespace() || c.is_control());
            if !valid {
                return Err(Problem::MeetingLinkNotHttps);
            }
            Ok(place(Some(link), None))
        }
        ContactFormat::Meeting => {
            if address.chars().count() < 5 {
                return Err(Problem::MeetingAddressRequired);
            }
            if address.chars().count() > ADDRESS_MAX_CHARS {
                return Err(Problem::MeetingAddressTooLong {
                    max: ADDRESS_MAX_CHARS,
                });
            }
            Ok(place(None, Some(address)))
        }
        ContactFormat::Phone | ContactFormat::Chat => Ok(place(None, None)),
    }
}

pub fn step_duration(minutes: i32) -> Result<i32, Problem> {
    if (DURATION_MIN_MINUTES..=DURATION_MAX_MINUTES).contains(&minutes) {
        Ok(minutes)
    } else {
        Err(Problem::StepDurationOutOfRange {
            min: DURATION_MIN_MINUTES,
            max: DURATION_MAX_MINUTES,
        })
    }
}

#[cfg(feature = "ssr")]
/// A time typed in France (an `<input type="datetime-local">` value) as an instant.
pub fn paris_instant(local: &str) -> Result<DateTime<Utc>, Problem> {
    let naive = NaiveDateTime::parse_from_str(local.trim(), "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(local.trim(), "%Y-%m-%dT%H:%M:%S"))
        .map_err(|_| Problem::SlotUnreadable)?;
    match Paris.from_local_datetime(&naive) {
        LocalResult::Single(at) => Ok(at.with_timezone(&Utc)),
        // The autumn hour that happens twice: the first one, summer time.
        LocalResult::Ambiguous(first, _) => Ok(first.with_timezone(&Utc)),
        LocalResult::None => Err(Problem::SlotSkippedByDaylightSaving),
    }
}

#[cfg(feature = "ssr")]
/// The slots offered, as instants in order, each one once: between [`SLOTS_MIN`] and
/// [`SLOTS_MAX`], at least [`SLOT_NOTICE_HOURS`] ahead and within the horizon.
pub fn offered_slots(raw: &[String], now: DateTime<Utc>) -> Result<Vec<DateTime<Utc>>, Problem> {
    let mut slots = Vec::with_capacity(raw.len());
    for value in raw.iter().filter(|v| !v.trim().is_empty()) {
        let at = paris_instant(value)?;
        if at < now + Duration::hours(SLOT_NOTICE_HOURS) {
            return Err(Problem::SlotTooSoon {
                hours: SLOT_NOTICE_HOURS,
            });
        }
        if at > now + Duration::days(SLOT_HORIZON_DAYS) {
            return Err(Problem::SlotTooFar {
                days: SLOT_HORIZON_DAYS,
            });
        }
        slots.push(at);
    }
    slots.sort();
    slots.dedup();
    if !(SLOTS_MIN..=SLOTS_MAX).contains(&slots.len()) {
        return Err(Problem::SlotCount {
            min: SLOTS_MIN,
            max: SLOTS_MAX,
        });
    }
    Ok(slots)
}

#[cfg(feature = "ssr")]
/// An instant as people in France read it, e.g. "dimanche 29 mars 2026, 10:00".
pub fn paris_wall_clock(at: DateTime<Utc>) -> NaiveDateTime {
    at.with_timezone(&Paris).naive_local()
}

#[cfg(feature = "ssr")]
/// The `datetime-local` value of an instant, in France.
pub fn paris_input_value(at: DateTime<Utc>) -> String {
    paris_wall_clock(at).format("%Y-%m-%dT%H:%M").to_string()
}

#[cfg(all(test, feature = "ssr"))]
#[path = "step_tests.rs"]
mod tests;
