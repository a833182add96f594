//! The intermediation contract on both sides of a path: open the document, consent,
//! receive a code, sign; then the mission contract declared (or that none follows).
//! Plain forms: they work without JavaScript.

use leptos::prelude::*;

use crate::api::contract::{ContractNoMission, ContractRequestCode, ContractSign};
use crate::domain::contract::{
    ContractState, ContractView, MissionView, NoMissionReason, CODE_DIGITS,
};
use crate::domain::selection::Party;
use crate::ui::components::form::Outcome;
use crate::ui::format::{date, day_of};
use crate::ui::text::contract::{reason_label, state_label};
use crate::ui::text::current_lang;

/// The contract's forms, shared by every path of a page; their versions refetch it.
#[derive(Clone, Copy)]
pub struct ContractActions {
    pub request_code: ServerAction<ContractRequestCode>,
    pub sign: ServerAction<ContractSign>,
    pub no_mission: ServerAction<ContractNoMission>,
}

impl ContractActions {
    pub fn new() -> Self {
        Self {
            request_code: ServerAction::new(),
            sign: ServerAction::new(),
            no_mission: ServerAction::new(),
        }
    }

    pub fn version(&self) -> usize {
        self.request_code.version().get()
            + self.sign.version().get()
            + self.no_mission.version().get()
    }
}

impl Default for ContractActions {
    fn default() -> Self {
        Self::new()
    }
}

fn contract_id(pdf: &str) -> String {
    pdf.trim_start_matches("/contrats/").to_string()
}

#[component]
pub fn PathContract(
    contract: ContractView,
    reader: Party,
    actions: ContractActions,
) -> impl IntoView {
    let lang = current_lang();
    let id = contract_id(&contract.pdf);
    let is_party = matches!(reader, Party::Client | Party::Expert);
    let signed_by_reader = contract.signatures.iter().any(|s| s.party == reader);
    let awaiting = contract.state == ContractState::AwaitingSignatures;
    let to_sign = is_party && awaiting && !signed_by_reader;
    let signed = contract.state == ContractState::Signed;
    let open_label = if signed {
        tr!(signing.open_final)
    } else {
        tr!(signing.open)
    };
    let consent = contract.reader_company.clone().map(|company| {
        tr!(
            signing.consent,
            reference = contract.reference.clone(),
            company = company
        )
        .to_string()
    });
    let open_first = (to_sign && !contract.opened_by_reader).then(|| {
        view! {
            <p class="notice" data-testid="contract-open-first">{tr!(signing.open_first)}</p>
        }
    });
    let consent_form = (to_sign && contract.opened_by_reader).then(|| {
        let id = id.clone();
        let consent = consent.clone();
        let consent_id = format!("consent-{id}");
        let label_for = consent_id.clone();
        view! {
            <ActionForm action=actions.request_code attr:class="contract__consent">
                <input type="hidden" name="contract" value=id.clone()/>
                <label class="choice" for=label_for>
                    <input id=consent_id type="checkbox" name="consent" value="yes" required=true data-testid="contract-consent"/>
                    {consent}
                </label>
                <button type="submit" class="button button--secondary" data-testid="contract-request-code">{tr!(signing.request_code)}</button>
            </ActionForm>
        }
    });
    let code_form = (to_sign && contract.code_sent_to_reader).then(|| {
        let id = id.clone();
        let code_id = format!("code-{id}");
        view! {
            <p class="hint">{tr!(signing.code_sent)}</p>
            <ActionForm action=actions.sign attr:class="inline-form">
                <input type="hidden" name="contract" value=id.clone()/>
                <label for=code_id.clone()>{tr!(signing.code_label)}</label>
                <input id=code_id name="code" inputmode="numeric" autocomplete="one-time-code"
                    maxlength={(CODE_DIGITS + 1).to_string()} required=true data-testid="contract-code"/>
                <button type="submit" class="button" data-testid="contract-sign">{tr!(signing.sign)}</button>
            </ActionForm>
        }
    });
    let mission = signed.then(|| {
        let id = id.clone();
        view! {
            <p class="notice notice--ok" data-testid="contract-signed">{tr!(signing.all_signed)}</p>
            <p class="hint quote__mention" translate="no">{tr!(signing.sha256, hash = contract.sha256.clone())}</p>
            <Mission id mission=contract.mission.clone() is_party actions/>
        }
    });
    view! {
        <section class="path-contract" data-testid="contract" data-state=contract.state.as_str()>
            <h3>{tr!(signing.section_title)}</h3>
            <p class="quote__head">
                <span class="muted" translate="no">{tr!(signing.reference, reference = contract.reference.clone())}</span>
                <span class="badge" data-testid="contract-state">{state_label(lang, contract.state)}</span>
                <a href=contract.pdf.clone() download="" data-testid="contract-pdf">{open_label}</a>
            </p>
            {awaiting.then(|| view! { <p class="hint">{tr!(signing.lead)}</p> })}
            <ul class="contract__signatures" data-testid="contract-signatures">
                {contract.signatures.iter().map(|s| view! {
                    <li data-party=s.party.as_str()>{tr!(signing.signed_by, name = s.name.clone(), company = s.company.clone(), date = day_of(&s.at)).to_string()}</li>
                }).collect_view()}
            </ul>
            {open_first}
            {consent_form}
            {code_form}
            {(is_party && awaiting && signed_by_reader).then(|| view! { <p class="notice">{tr!(signing.waiting_other)}</p> })}
            {mission}
            <Outcome result=Signal::derive(move || actions.request_code.value().get())/>
            <Outcome result=Signal::derive(move || actions.sign.value().get().map(|r| r.map(|_| ())))/>
        </section>
    }
}

#[component]
fn Mission(
    id: String,
    mission: MissionView,
    is_party: bool,
    actions: ContractActions,
) -> impl IntoView {
    let lang = current_lang();
    let state = match &mission {
        MissionView::Awaited => "awaited",
        MissionView::Signed { .. } => "signed",
        MissionView::None { .. } => "none",
    };
    let body = match mission {
        MissionView::Signed { on, copy } => view! {
            <p class="notice notice--ok">{tr!(signing.mission_signed_state, date = date(on))}</p>
            {copy.map(|href| view! { <a href=href download="">{tr!(signing.mission_copy_link)}</a> })}
        }
        .into_any(),
        MissionView::None { reason } => view! {
            <p class="notice">{tr!(signing.mission_none_state, reason = reason_label(lang, reason))}</p>
        }
        .into_any(),
        MissionView::Awaited if is_party => {
            let (on_id, file_id, reason_id) = (format!("mission-on-{id}"), format!("mission-file-{id}"), format!("mission-reason-{id}"));
            view! {
                <p class="hint">{tr!(signing.mission_lead)}</p>
                // A plain multipart form: the copy goes with the declaration, with or without JavaScript.
                <form method="post" action=format!("/contrats/{id}/copie") enctype="multipart/form-data" class="form-grid">
                    <div class="field">
                        <label for=on_id.clone()>{tr!(signing.mission_signed_on)}</label>
                        <input id=on_id type="date" name="signed_on" required=true data-testid="mission-signed-on"/>
                    </div>
                    <div class="field">
                        <label for=file_id.clone()>{tr!(signing.mission_copy)}</label>
                        <input id=file_id type="file" name="file" accept="application/pdf" data-testid="mission-copy"/>
                    </div>
                    <button type="submit" class="button" data-testid="mission-declare">{tr!(signing.mission_declare)}</button>
                </form>
                <details class="quote__revise">
                    <summary>{tr!(signing.mission_none)}</summary>
                    <ActionForm action=actions.no_mission>
                        <input type="hidden" name="contract" value=id.clone()/>
                        <label for=reason_id.clone()>{tr!(signing.mission_none_reason)}</label>
                        <select id=reason_id name="reason" data-testid="mission-none-reason">
                            {NoMissionReason::ALL.into_iter().map(|r| view! { <option value=r.as_str()>{reason_label(lang, r)}</option> }).collect_view()}
                        </select>
                        <button type="submit" class="button button--secondary" data-testid="mission-none">{tr!(signing.mission_none_declare)}</button>
                    </ActionForm>
                    <Outcome result=Signal::derive(move || actions.no_mission.value().get())/>
                </details>
            }
            .into_any()
        }
        MissionView::Awaited => ().into_any(),
    };
    view! {
        <div class="contract__mission" data-testid="mission" data-state=state>
            <h4>{tr!(signing.mission_title)}</h4>
            {body}
        </div>
    }
}
