//! Labels of the client's projects: the wizard's steps, the meeting formats, the state
//! of a proposal, amounts excluding VAT.

use crate::domain::lang::Lang;
use crate::domain::project::Step;
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

/// The label of a code of [`crate::domain::project::CONTACT_FORMATS`]; `None` for an
/// unknown code.
pub fn contact_format_label(lang: Lang, code: &str) -> Option<&'static str> {
    Some(match code {
        "phone" => tr_in!(lang, projects.format_phone),
        "chat" => tr_in!(lang, projects.format_chat),
        "video" => tr_in!(lang, projects.format_video),
        "meeting" => tr_in!(lang, projects.format_meeting),
        _ => return None,
    })
}

/// Labels of known codes, joined; unknown codes are left out.
pub fn contact_formats(lang: Lang, codes: &[String]) -> String {
    codes
        .iter()
        .filter_map(|c| contact_format_label(lang, c))
        .collect::<Vec<_>>()
        .join(tr_in!(lang, projects.list_separator))
}

pub fn proposal_state_label(lang: Lang, state: ProposalState) -> &'static str {
    match state {
        ProposalState::Proposed => tr_in!(lang, projects.proposal_proposed),
        ProposalState::Shortlisted => tr_in!(lang, projects.proposal_shortlisted),
        ProposalState::Declined => tr_in!(lang, projects.proposal_declined),
        ProposalState::Withdrawn => tr_in!(lang, projects.proposal_withdrawn),
    }
}

/// `1 234,50 € HT` / `€1,234.50 excl. VAT`.
pub fn euros_excl_vat(lang: Lang, amount: rust_decimal::Decimal) -> String {
    let amount = crate::ui::format::money_in(lang, amount);
    tr_in!(lang, projects.euros_excl_vat, amount = amount).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::project::CONTACT_FORMATS;

    #[test]
    fn every_format_has_its_label() {
        for code in CONTACT_FORMATS {
            assert!(contact_format_label(Lang::Fr, code).is_some());
            assert!(contact_format_label(Lang::En, code).is_some());
        }
        assert_eq!(
            contact_format_label(Lang::Fr, "chat"),
            Some("Messagerie (chatroom)")
        );
        let codes = ["video".to_string(), "fax".into(), "phone".into()];
        assert_eq!(
            contact_formats(Lang::Fr, &codes),
            "Visioconférence, Téléphone"
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
