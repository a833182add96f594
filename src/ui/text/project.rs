//! Labels of the client's projects: the wizard's steps, the meeting formats, the state
//! of a proposal, amounts excluding VAT.

use crate::domain::lang::Lang;
use crate::domain::project::{ContactFormat, ProjectEndReason, Step};
use crate::domain::selection::ProposalState;

pub fn step_label(lang: Lang, step: Step) -> &'static str {
    match step {
        Step::Basics => tr_in!(lang, projects.step_basics),
        Step::Profile => tr_in!(lang, projects.step_profile),
        Step::PlaceAndDates => tr_in!(lang, projects.step_place_and_dates),
        Step::Budget => tr_in!(lang, projects.step_budget),
        Step::Contact => tr_in!(lang, projects.step_contact),
        Step::Review => tr_in!(lang, projects.step_review),
    }
}

pub fn contact_format_label(lang: Lang, format: ContactFormat) -> &'static str {
    match format {
        ContactFormat::Phone => tr_in!(lang, projects.format_phone),
        ContactFormat::Chat => tr_in!(lang, projects.format_chat),
        ContactFormat::Video => tr_in!(lang, projects.format_video),
        ContactFormat::Meeting => tr_in!(lang, projects.format_meeting),
    }
}

/// A reason to end a project, as the client picks it.
pub fn end_reason_label(lang: Lang, reason: ProjectEndReason) -> &'static str {
    use ProjectEndReason as R;
    match reason {
        R::FilledElsewhere => tr_in!(lang, projects.end_filled_elsewhere),
        R::HandledInternally => tr_in!(lang, projects.end_handled_internally),
        R::Postponed => tr_in!(lang, projects.end_postponed),
        R::BudgetWithdrawn => tr_in!(lang, projects.end_budget_withdrawn),
        R::NoLongerNeeded => tr_in!(lang, projects.end_no_longer_needed),
        R::Other => tr_in!(lang, projects.end_other),
    }
}

/// What the reason does to the project: closed (need met) or cancelled.
pub fn end_reason_hint(lang: Lang, reason: ProjectEndReason) -> &'static str {
    match reason.outcome() {
        crate::domain::project::ProjectStatus::Closed => tr_in!(lang, projects.end_closes),
        _ => tr_in!(lang, projects.end_cancels),
    }
}

/// The formats' labels, joined.
pub fn contact_formats(lang: Lang, formats: &[ContactFormat]) -> String {
    formats
        .iter()
        .map(|f| contact_format_label(lang, *f))
        .collect::<Vec<_>>()
        .join(tr_in!(lang, projects.list_separator))
}

pub fn proposal_state_label(lang: Lang, state: ProposalState) -> &'static str {
    match state {
        ProposalState::Proposed => tr_in!(lang, projects.proposal_proposed),
        ProposalState::Shortlisted => tr_in!(lang, projects.proposal_shortlisted),
        ProposalState::Declined => tr_in!(lang, projects.proposal_declined),
        ProposalState::Withdrawn => tr_in!(lang, projects.proposal_withdrawn),
        ProposalState::InSelection => tr_in!(lang, projects.proposal_in_selection),
        ProposalState::Selected => tr_in!(lang, projects.proposal_selected),
        ProposalState::NotKept => tr_in!(lang, projects.proposal_not_kept),
    }
}

/// `1 234,50 € HT` / `€1,234.50 excl. VAT`.
pub fn euros_excl_vat(lang: Lang, amount: crate::domain::money::Euros) -> String {
    let amount = crate::ui::format::money_in(lang, amount);
    tr_in!(lang, projects.euros_excl_vat, amount = amount).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_worded_in_each_language() {
        assert_eq!(
            contact_format_label(Lang::Fr, ContactFormat::Chat),
            "Messagerie (chatroom)"
        );
        let formats = [ContactFormat::Video, ContactFormat::Phone];
        assert_eq!(
            contact_formats(Lang::Fr, &formats),
            "Visioconférence, Téléphone"
        );
        assert_ne!(
            contact_formats(Lang::En, &formats),
            contact_formats(Lang::Fr, &formats)
        );
    }

    #[test]
    fn amounts_excluding_vat() {
        let amount = "1234.5".parse().unwrap();
        assert_eq!(euros_excl_vat(Lang::Fr, amount), "1\u{202F}234,50 € HT");
        assert_eq!(euros_excl_vat(Lang::En, amount), "€1,234.50 excl. VAT");
    }

    #[test]
    fn french_steps_unchanged() {
        assert_eq!(step_label(Lang::Fr, Step::PlaceAndDates), "Lieu et dates");
        assert_eq!(step_label(Lang::Fr, Step::Review), "Récapitulatif");
    }
}
