//! Every waiting state has a deadline, set here and nowhere else, in French working days
//! (weekends and public holidays do not count): whoever is late is reminded, and admins
//! see what is overdue.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use super::{Party, ProposalState};

/// Who must act, and within how many working days of entering the state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadline {
    pub who: Party,
    pub working_days: u32,
}

/// The deadline of a waiting state; `None` once the path has ended.
pub fn deadline(state: ProposalState) -> Option<Deadline> {
    use ProposalState as S;
    let (who, working_days) = match state {
        // The client decides on the proposed experts within a week.
        S::Proposed => (Party::Client, 5),
        // A shortlisted expert hears of a first step (or a decision) within a week.
        S::Shortlisted => (Party::Client, 5),
        // After the steps, the client records an outcome within two weeks.
        S::InSelection => (Party::Client, 10),
        // The selected expert sends a quote within a week (next issue).
        S::Selected => (Party::Expert, 5),
        S::Declined | S::NotKept | S::Withdrawn => return None,
    };
    Some(Deadline { who, working_days })
}

/// The deadline of a quote's latest version: the client answers within a week, and so
/// does the expert asked for a revision.
pub fn quote_deadline(state: crate::domain::quote::QuoteState) -> Option<Deadline> {
    state.awaits().map(|who| Deadline {
        who,
        working_days: 5,
    })
}

/// The deadlines of the intermediation contract: both parties sign within a week of it
/// being drawn, and declare their mission contract (or that none follows) within four
/// weeks of signing.
pub fn contract_deadline(
    state: crate::domain::contract::ContractState,
    signer_waiting: Option<Party>,
) -> Option<Deadline> {
    use crate::domain::contract::ContractState as C;
    match state {
        C::AwaitingSignatures => signer_waiting.map(|who| Deadline {
            who,
            working_days: 5,
        }),
        C::Signed => Some(Deadline {
            who: Party::Client,
            working_days: 20,
        }),
        C::Void => None,
    }
}

/// Who must act on a path that entered `state` on `since`, and the last day to do so.
pub fn due(state: ProposalState, since: NaiveDate) -> Option<(Party, NaiveDate)> {
    deadline(state).map(|d| (d.who, add_working_days(since, d.working_days)))
}

/// Whether that last day has passed on `today`.
pub fn is_overdue(state: ProposalState, since: NaiveDate, today: NaiveDate) -> bool {
    due(state, since).is_some_and(|(_, last)| today > last)
}

/// Easter Sunday (anonymous Gregorian algorithm).
fn easter(year: i32) -> NaiveDate {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32).expect("a valid Easter date")
}

/// The public holidays of metropolitan France (Code du travail L3133-1).
pub fn is_public_holiday(date: NaiveDate) -> bool {
    let fixed = [
        (1, 1),
        (5, 1),
        (5, 8),
        (7, 14),
        (8, 15),
        (11, 1),
        (11, 11),
        (12, 25),
    ];
    if fixed.contains(&(date.month(), date.day())) {
        return true;
    }
    let easter = easter(date.year());
    // Easter Monday, Ascension, Whit Monday.
    [1, 39, 50]
        .iter()
        .any(|days| easter + Duration::days(*days) == date)
}

fn is_working_day(date: NaiveDate) -> bool {
    !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) && !is_public_holiday(date)
}

/// The day `n` working days after `start` (a start on a day off counts from the next
/// working day).
pub fn add_working_days(start: NaiveDate, n: u32) -> NaiveDate {
    let mut date = start;
    let mut left = n;
    while left > 0 {
        date += Duration::days(1);
        if is_working_day(date) {
            left -= 1;
        }
    }
    date
}
