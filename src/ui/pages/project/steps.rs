//! The selection steps of a path: on the client's project page (set up a step, answer
//! the expert's slots, reschedule, record the outcome), on the expert's page (pick a
//! slot or offer others) and for admins (read, cancel). Times arrive already as they
//! read in France. Plain forms: they work without JavaScript.

use leptos::prelude::*;

use crate::api::selection::{StepAdd, StepCancel, StepOffer, StepPick, StepRecord};
use crate::domain::id::{ExpertId, ProjectId, StepId};
use crate::domain::project::ContactFormat;
use crate::domain::selection::step::{
    Slot, StepState, StepView, DURATION_MAX_MINUTES, DURATION_MIN_MINUTES, SLOTS_MAX, SLOTS_MIN,
    SLOT_NOTICE_HOURS,
};
use crate::domain::selection::{Party, ProposalEndReason};
use crate::ui::components::form::Outcome;
use crate::ui::format::datetime_in;
use crate::ui::text::current_lang;
use crate::ui::text::project::contact_format_label;
use crate::ui::text::selection::reason_label;
use crate::ui::text::steps::state_label;

/// The forms of the steps, shared by every path of a page; their versions refetch it.
#[derive(Clone, Copy)]
pub struct StepActions {
    pub add: ServerAction<StepAdd>,
    pub offer: ServerAction<StepOffer>,
    pub pick: ServerAction<StepPick>,
    pub cancel: ServerAction<StepCancel>,
    pub record: ServerAction<StepRecord>,
}

impl StepActions {
    pub fn new() -> Self {
        Self {
            add: ServerAction::new(),
            offer: ServerAction::new(),
            pick: ServerAction::new(),
            cancel: ServerAction::new(),
            record: ServerAction::new(),
        }
    }

    pub fn version(&self) -> usize {
        self.add.version().get()
            + self.offer.version().get()
            + self.pick.version().get()
            + self.cancel.version().get()
            + self.record.version().get()
    }
}

impl Default for StepActions {
    fn default() -> Self {
        Self::new()
    }
}

fn when(slot: &Slot, minutes: i32) -> String {
    let lang = current_lang();
    tr_in!(
        lang,
        steps.when,
        when = datetime_in(lang, slot.paris),
        minutes = minutes
    )
    .to_string()
}

/// The steps of one path; `may_add`: the reader is the client and the path takes steps.
#[component]
pub fn PathSteps(
    project: ProjectId,
    expert: ExpertId,
    steps: Vec<StepView>,
    reader: Party,
    actions: StepActions,
    #[prop(optional)] may_add: bool,
) -> impl IntoView {
    if steps.is_empty() && !may_add {
        return ().into_any();
    }
    let lead = match reader {
        Party::Client => Some(tr!(steps.lead_client)),
        Party::Expert => Some(tr!(steps.lead_expert)),
        _ => None,
    };
    let waiting = steps.iter().any(|s| s.awaits_reader);
    // Open while something is to come: a step under way, or the first one to set up.
    let open = waiting || steps.iter().any(|s| s.state.is_open()) || may_add && steps.is_empty();
    view! {
        <details class="path-steps" open=open data-testid="steps">
            <summary>{tr!(steps.title)}
                {waiting.then(|| view! { <span class="badge" data-testid="steps-waiting">"!"</span> })}
            </summary>
            {lead.map(|lead| view! { <p class="hint">{lead}</p> })}
            {if steps.is_empty() {
                view! { <p class="hint">{tr!(steps.none)}</p> }.into_any()
            } else {
                view! {
                    <ol class="step-list">
                        {steps.into_iter().map(|step| view! { <Step step reader actions/> }).collect_view()}
                    </ol>
                }.into_any()
            }}
            {may_add.then(|| view! { <NewStep project expert add=actions.add/> })}
            <Outcome result=Signal::derive(move || actions.pick.value().get())/>
            <Outcome result=Signal::derive(move || actions.offer.value().get())/>
            <Outcome result=Signal::derive(move || actions.cancel.value().get())/>
            <Outcome result=Signal::derive(move || actions.record.value().get())/>
        </details>
    }
    .into_any()
}

#[component]
fn Step(step: StepView, reader: Party, actions: StepActions) -> impl IntoView {
    let lang = current_lang();
    let id = step.id;
    let minutes = step.duration_minutes;
    let place = step.place.clone();
    let is_party = matches!(reader, Party::Client | Party::Expert);
    let slots_by = step.slots_by.map(|by| match by {
        Party::Expert => tr!(steps.slots_by_expert),
        _ => tr!(steps.slots_by_client),
    });
    let picks = step.awaits_reader.then(|| {
        step.slots
            .iter()
            .map(|slot| {
                let label = when(slot, minutes);
                let at = slot.at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
                view! {
                    <li>
                        <ActionForm action=actions.pick attr:class="inline-form">
                            <input type="hidden" name="step" value=id.to_string()/>
                            <input type="hidden" name="at" value=at.clone()/>
                            <span>{label}</span>" "
                            <button type="submit" class="button button--small" data-testid="step-pick"
                                data-at=at>{tr!(steps.pick)}</button>
                        </ActionForm>
                    </li>
                }
            })
            .collect_view()
    });
    let offered = (!step.awaits_reader && !step.slots.is_empty()).then(|| {
        step.slots
            .iter()
            .map(|slot| view! { <li>{when(slot, minutes)}</li> })
            .collect_view()
    });
    // The side the step waits for may offer others; the client reschedules a
    // confirmed one.
    let may_offer = is_party
        && (step.awaits_reader || reader == Party::Client && step.state == StepState::Confirmed);
    let offer_label = if step.state == StepState::Confirmed {
        tr!(steps.reschedule)
    } else {
        tr!(steps.counter)
    };
    view! {
        <li class="step" data-testid="step" data-state=step.state.as_str()>
            <p class="step__head">
                <strong>{contact_format_label(lang, place.format)}</strong>
                " · "<span data-testid="step-state">{state_label(lang, step.state)}</span>
            </p>
            {step.at.as_ref().map(|at| view! { <p data-testid="step-at">{when(at, minutes)}</p> })}
            {place.link.clone().filter(|_| step.state == StepState::Confirmed).map(|link| view! {
                <p><a href=link rel="noopener noreferrer nofollow" target="_blank" translate="no">{tr!(steps.join)}</a></p>
            })}
            {place.address.clone().map(|address| view! {
                <p>{tr!(steps.place)}" "<span translate="no">{address}</span></p>
            })}
            {slots_by.filter(|_| !step.slots.is_empty()).map(|by| view! { <p class="hint">{by}</p> })}
            {picks.map(|picks| view! { <ul class="slot-list">{picks}</ul> })}
            {offered.map(|offered| view! { <ul class="slot-list">{offered}</ul> })}
            {may_offer.then(|| view! {
                <details class="step-offer">
                    <summary>{offer_label}</summary>
                    <ActionForm action=actions.offer attr:class="form">
                        <input type="hidden" name="step" value=id.to_string()/>
                        <SlotFields prefix=format!("offer-{id}")/>
                        <button type="submit" class="button" data-testid="step-offer">{tr!(steps.offer)}</button>
                    </ActionForm>
                </details>
            })}
            {(reader == Party::Client && step.held).then(|| view! { <RecordOutcome id record=actions.record/> })}
            {step.state.is_open().then(|| view! {
                <ActionForm action=actions.cancel attr:class="inline-form">
                    <input type="hidden" name="step" value=id.to_string()/>
                    <button type="submit" class="link-button" data-testid="step-cancel">{tr!(steps.cancel)}</button>
                </ActionForm>
            })}
        </li>
    }
}

/// Two to five slots, as typed in France.
#[component]
fn SlotFields(prefix: String) -> impl IntoView {
    view! {
        <fieldset class="slot-fields">
            <legend>{tr!(steps.slots)}</legend>
            {(0..SLOTS_MAX).map(|i| {
                let field = format!("{prefix}-slot-{i}");
                view! {
                    <input type="datetime-local" id=field name=format!("slots[{i}]") step="300"
                        required={i < SLOTS_MIN} data-testid="step-slot"/>
                }
            }).collect_view()}
            <p class="hint">{tr!(steps.slots_hint, min = SLOTS_MIN, max = SLOTS_MAX, hours = SLOT_NOTICE_HOURS)}</p>
        </fieldset>
    }
}

#[component]
fn NewStep(project: ProjectId, expert: ExpertId, add: ServerAction<StepAdd>) -> impl IntoView {
    let lang = current_lang();
    let prefix = format!("step-{expert}");
    view! {
        <details class="step-new">
            <summary data-testid="step-new">{tr!(steps.new_step)}</summary>
            <ActionForm action=add attr:class="form">
                <input type="hidden" name="project" value=project.to_string()/>
                <input type="hidden" name="expert" value=expert.to_string()/>
                <div class="field">
                    <label for=format!("{prefix}-format")>{tr!(steps.format)}</label>
                    <select id=format!("{prefix}-format") name="format" data-testid="step-format">
                        {ContactFormat::ALL.into_iter().map(|f| view! {
                            <option value=f.as_str()>{contact_format_label(lang, f)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for=format!("{prefix}-duration")>{tr!(steps.duration)}</label>
                    <input type="number" id=format!("{prefix}-duration") name="duration" value="45"
                        min=DURATION_MIN_MINUTES.to_string() max=DURATION_MAX_MINUTES.to_string() step="5"/>
                </div>
                <div class="field">
                    <label for=format!("{prefix}-link")>{tr!(steps.link)}</label>
                    <input type="url" id=format!("{prefix}-link") name="link" placeholder="https://"
                        data-testid="step-link"/>
                </div>
                <div class="field">
                    <label for=format!("{prefix}-address")>{tr!(steps.address)}</label>
                    <input type="text" id=format!("{prefix}-address") name="address" maxlength="300"/>
                </div>
                <SlotFields prefix=prefix.clone()/>
                <button type="submit" class="button" data-testid="step-add">{tr!(steps.offer)}</button>
            </ActionForm>
            <Outcome result=Signal::derive(move || add.value().get().map(|r| r.map(|_| ())))/>
        </details>
    }
}

#[component]
fn RecordOutcome(id: StepId, record: ServerAction<StepRecord>) -> impl IntoView {
    let lang = current_lang();
    view! {
        <ActionForm action=record attr:class="form step-outcome">
            <input type="hidden" name="step" value=id.to_string()/>
            <input type="hidden" name="comment" value=""/>
            <fieldset>
                <legend>{tr!(steps.outcome)}</legend>
                {[("continue", tr!(steps.outcome_continue)), ("select", tr!(steps.outcome_select)), ("not_keep", tr!(steps.outcome_not_keep))]
                    .into_iter().map(|(value, label)| view! {
                        <label class="choice"><input type="radio" name="outcome" value=value required=true/>{label}</label>
                    }).collect_view()}
            </fieldset>
            <div class="field">
                <label for=format!("reason-{id}")>{tr!(steps.reason)}</label>
                <select id=format!("reason-{id}") name="reason">
                    <option value="">"—"</option>
                    {ProposalEndReason::FOR_CLIENT.into_iter().map(|r| view! {
                        <option value=r.as_str()>{reason_label(lang, r)}</option>
                    }).collect_view()}
                </select>
            </div>
            <button type="submit" class="button" data-testid="step-record">{tr!(steps.record)}</button>
        </ActionForm>
    }
}
