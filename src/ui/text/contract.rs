//! The texts of the contract and the mission shared by pages, notices and mails.

use crate::domain::contract::{ContractChange, ContractState, NoMissionReason};
use crate::domain::lang::Lang;
use crate::domain::selection::Party;

pub fn state_label(lang: Lang, state: ContractState) -> &'static str {
    match state {
        ContractState::AwaitingSignatures => tr_in!(lang, signing.state_awaiting_signatures),
        ContractState::Signed => tr_in!(lang, signing.state_signed),
        ContractState::Void => tr_in!(lang, signing.state_void),
    }
}

pub fn reason_label(lang: Lang, reason: NoMissionReason) -> &'static str {
    match reason {
        NoMissionReason::TermsNotAgreed => tr_in!(lang, signing.reason_terms_not_agreed),
        NoMissionReason::ProjectCancelled => tr_in!(lang, signing.reason_project_cancelled),
        NoMissionReason::ExpertUnavailable => tr_in!(lang, signing.reason_expert_unavailable),
        NoMissionReason::Other => tr_in!(lang, signing.reason_other),
    }
}

/// The contract's entry in a path's log; `party` is who made the change.
pub fn change_label(lang: Lang, change: ContractChange, party: Party) -> &'static str {
    match change {
        ContractChange::Drawn => tr_in!(lang, signing.change_drawn),
        ContractChange::SignedBy if party == Party::Client => {
            tr_in!(lang, signing.change_signed_by_client)
        }
        ContractChange::SignedBy => tr_in!(lang, signing.change_signed_by_expert),
        ContractChange::Signed => tr_in!(lang, signing.change_signed),
        ContractChange::MissionSigned => tr_in!(lang, signing.change_mission_signed),
        ContractChange::MissionNone => tr_in!(lang, signing.change_mission_none),
    }
}

/// What a party hears; `title` is the project's (or a placeholder filled after escaping).
pub fn news_text(lang: Lang, change: ContractChange, title: &str) -> String {
    match change {
        ContractChange::Drawn => tr_in!(lang, signing.notice_drawn, title = title).to_string(),
        ContractChange::SignedBy => {
            tr_in!(lang, signing.notice_signed_by, title = title).to_string()
        }
        ContractChange::Signed => tr_in!(lang, signing.notice_signed, title = title).to_string(),
        ContractChange::MissionSigned => {
            tr_in!(lang, signing.notice_mission_signed, title = title).to_string()
        }
        ContractChange::MissionNone => {
            tr_in!(lang, signing.notice_mission_none, title = title).to_string()
        }
    }
}

pub fn mail_subject(lang: Lang, change: ContractChange, title: &str) -> String {
    match change {
        ContractChange::Drawn => {
            tr_in!(lang, signing.mail_subject_drawn, title = title).to_string()
        }
        ContractChange::SignedBy => {
            tr_in!(lang, signing.mail_subject_signed_by, title = title).to_string()
        }
        ContractChange::Signed => {
            tr_in!(lang, signing.mail_subject_signed, title = title).to_string()
        }
        ContractChange::MissionSigned => {
            tr_in!(lang, signing.mail_subject_mission_signed, title = title).to_string()
        }
        ContractChange::MissionNone => {
            tr_in!(lang, signing.mail_subject_mission_none, title = title).to_string()
        }
    }
}
