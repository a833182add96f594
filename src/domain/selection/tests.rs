use super::*;
use chrono::NaiveDate;
use ProposalEvent as E;
use ProposalState as S;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn the_client_moves_a_path_forward_and_every_end_carries_a_reason() {
    let client = |s: S, e: E, r: Option<ProposalEndReason>| s.fire(e, Party::Client, r);
    assert_eq!(client(S::Proposed, E::Shortlist, None), Ok(S::Shortlisted));
    assert_eq!(
        client(S::Shortlisted, E::StartSelection, None),
        Ok(S::InSelection)
    );
    assert_eq!(client(S::InSelection, E::Select, None), Ok(S::Selected));
    assert_eq!(client(S::Shortlisted, E::Select, None), Ok(S::Selected));
    let mismatch = Some(ProposalEndReason::ProfileMismatch);
    assert_eq!(client(S::Proposed, E::Decline, mismatch), Ok(S::Declined));
    assert_eq!(client(S::InSelection, E::NotKeep, mismatch), Ok(S::NotKept));
    // An end without a reason, or with one that is not the client's, is refused.
    assert_eq!(
        client(S::Proposed, E::Decline, None),
        Err(Problem::EndReasonRequired)
    );
    assert_eq!(
        client(
            S::Proposed,
            E::Decline,
            Some(ProposalEndReason::ExpertUnavailable)
        ),
        Err(Problem::EndReasonRequired)
    );
    assert_eq!(
        client(S::Proposed, E::Shortlist, mismatch),
        Err(Problem::RequestMalformed)
    );
    // Out of order.
    assert!(client(S::Proposed, E::Select, None).is_err());
    assert!(client(S::Declined, E::Shortlist, None).is_err());
    assert!(client(S::Proposed, E::NotKeep, mismatch).is_err());
}

#[test]
fn each_party_fires_only_its_own_events() {
    for event in ProposalEvent::ALL {
        let parties: Vec<Party> = [Party::Client, Party::Expert, Party::Admin, Party::Platform]
            .into_iter()
            .filter(|p| event.may_fire(*p))
            .collect();
        assert!(!parties.is_empty(), "{event:?} has nobody to fire it");
    }
    assert_eq!(
        S::Proposed.fire(E::Shortlist, Party::Expert, None),
        Err(Problem::EventNotForParty {
            event: E::Shortlist
        })
    );
    let unavailable = Some(ProposalEndReason::ExpertUnavailable);
    assert_eq!(
        S::InSelection.fire(E::Withdraw, Party::Expert, unavailable),
        Ok(S::Withdrawn)
    );
    assert_eq!(
        S::Selected.fire(
            E::Withdraw,
            Party::Admin,
            Some(ProposalEndReason::PlatformDecision)
        ),
        Ok(S::Withdrawn)
    );
    assert!(S::NotKept
        .fire(E::Withdraw, Party::Expert, unavailable)
        .is_err());
    let closed = Some(ProposalEndReason::ProjectClosed);
    assert_eq!(
        S::Proposed.fire(E::ProjectEnded, Party::Platform, closed),
        Ok(S::Declined)
    );
    assert_eq!(
        S::Selected.fire(E::ProjectEnded, Party::Platform, closed),
        Ok(S::NotKept)
    );
    assert!(S::Proposed
        .fire(E::ProjectEnded, Party::Client, closed)
        .is_err());
}

#[test]
fn stored_values_round_trip() {
    for s in ProposalState::ALL {
        assert_eq!(ProposalState::parse(s.as_str()), Some(s));
    }
    for e in ProposalEvent::ALL {
        assert_eq!(ProposalEvent::parse(e.as_str()), Some(e));
    }
    for r in ProposalEndReason::ALL {
        assert_eq!(ProposalEndReason::parse(r.as_str()), Some(r));
    }
}

#[test]
fn every_waiting_state_has_a_deadline_and_ended_ones_none() {
    for s in ProposalState::ALL {
        assert_eq!(deadline(s).is_some(), s.is_open(), "{s:?}");
    }
    assert_eq!(
        deadline(S::Proposed),
        Some(Deadline {
            who: Party::Client,
            working_days: 5
        })
    );
}

#[test]
fn working_days_skip_weekends_and_french_public_holidays() {
    // Easter Monday, Ascension and Whit Monday move with Easter (5 April 2026).
    for holiday in [
        day(2026, 4, 6),
        day(2026, 5, 14),
        day(2026, 5, 25),
        day(2027, 3, 29),
    ] {
        assert!(is_public_holiday(holiday), "{holiday}");
    }
    assert!(!is_public_holiday(day(2026, 4, 7)));
    // Thursday 30 April 2026: 1 and 8 May are holidays, then weekends.
    assert_eq!(add_working_days(day(2026, 4, 30), 5), day(2026, 5, 11));
    // A plain week.
    assert_eq!(add_working_days(day(2026, 12, 4), 5), day(2026, 12, 11));
    // Started on a Saturday: counted from Monday.
    assert_eq!(add_working_days(day(2026, 12, 5), 1), day(2026, 12, 7));
}

#[test]
fn a_path_is_overdue_the_day_after_its_last_day() {
    // Proposed on Friday 4 December 2026: the client decides by Friday 11.
    let since = day(2026, 12, 4);
    assert_eq!(
        due(S::Proposed, since),
        Some((Party::Client, day(2026, 12, 11)))
    );
    assert!(!is_overdue(S::Proposed, since, day(2026, 12, 11)));
    assert!(is_overdue(S::Proposed, since, day(2026, 12, 12)));
    assert!(!is_overdue(S::Declined, since, day(2027, 1, 1)));
}
