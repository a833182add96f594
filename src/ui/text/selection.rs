//! The words of the selection pipeline: events, reasons as the client and the team read
//! them, and as the expert reads them (a kind category, never who else was considered).

use crate::domain::lang::Lang;
use crate::domain::selection::{ProposalEndReason, ProposalEvent, ProposalState};

pub fn event_label(lang: Lang, event: ProposalEvent) -> &'static str {
    use ProposalEvent as E;
    match event {
        E::Propose => tr_in!(lang, selection.event_propose),
        E::Shortlist => tr_in!(lang, selection.event_shortlist),
        E::Decline => tr_in!(lang, selection.event_decline),
        E::StartSelection => tr_in!(lang, selection.event_start_selection),
        E::Select => tr_in!(lang, selection.event_select),
        E::NotKeep => tr_in!(lang, selection.event_not_keep),
        E::Withdraw => tr_in!(lang, selection.event_withdraw),
        E::ProjectEnded => tr_in!(lang, selection.event_project_ended),
    }
}

/// A reason as the client and the team read it.
pub fn reason_label(lang: Lang, reason: ProposalEndReason) -> &'static str {
    use ProposalEndReason as R;
    match reason {
        R::ProfileMismatch => tr_in!(lang, selection.reason_profile_mismatch),
        R::RateTooHigh => tr_in!(lang, selection.reason_rate_too_high),
        R::Availability => tr_in!(lang, selection.reason_availability),
        R::AnotherCandidate => tr_in!(lang, selection.reason_another_candidate),
        R::ClientOther => tr_in!(lang, selection.reason_client_other),
        R::ExpertUnavailable => tr_in!(lang, selection.reason_expert_unavailable),
        R::ExpertNotInterested => tr_in!(lang, selection.reason_expert_not_interested),
        R::PlatformDecision => tr_in!(lang, selection.reason_platform_decision),
        R::ProjectClosed => tr_in!(lang, selection.reason_project_closed),
        R::ProjectCancelled => tr_in!(lang, selection.reason_project_cancelled),
    }
}

/// A reason as the expert reads it: its category, worded kindly.
pub fn reason_for_expert(lang: Lang, reason: ProposalEndReason) -> &'static str {
    use ProposalEndReason as R;
    match reason {
        R::ProfileMismatch | R::ClientOther => tr_in!(lang, selection.kind_fit),
        R::RateTooHigh => tr_in!(lang, selection.kind_budget),
        R::Availability => tr_in!(lang, selection.kind_dates),
        R::AnotherCandidate => tr_in!(lang, selection.kind_other_choice),
        R::ExpertUnavailable | R::ExpertNotInterested => tr_in!(lang, selection.kind_yours),
        R::PlatformDecision => tr_in!(lang, selection.kind_team),
        R::ProjectClosed => tr_in!(lang, selection.kind_project_closed),
        R::ProjectCancelled => tr_in!(lang, selection.kind_project_cancelled),
    }
}

/// What the expert is told when their path moves to `state` on project `title`.
pub fn news_for_expert(lang: Lang, state: ProposalState, title: &str) -> String {
    use ProposalState as S;
    match state {
        S::Proposed => tr_in!(lang, selection.news_proposed, title = title).to_string(),
        S::Shortlisted => tr_in!(lang, selection.news_shortlisted, title = title).to_string(),
        S::InSelection => tr_in!(lang, selection.news_in_selection, title = title).to_string(),
        S::Selected => tr_in!(lang, selection.news_selected, title = title).to_string(),
        S::Declined | S::NotKept => {
            tr_in!(lang, selection.news_not_kept, title = title).to_string()
        }
        S::Withdrawn => tr_in!(lang, selection.news_withdrawn, title = title).to_string(),
    }
}
