//! On the client's project page, the decision on one proposed expert: shortlist or set
//! aside a proposed one, choose or not keep a shortlisted one. An end asks why, from the
//! fixed list. Plain forms: they work without JavaScript.

use leptos::prelude::*;

use crate::api::selection::SelectionFire;
use crate::domain::id::{ExpertId, ProjectId};
use crate::domain::project::END_COMMENT_MAX_CHARS;
use crate::domain::selection::{ProposalEndReason, ProposalEvent, ProposalState};
use crate::ui::components::form::Outcome;
use crate::ui::text::current_lang;
use crate::ui::text::selection::reason_label;

#[component]
pub fn PathDecision(
    project: ProjectId,
    expert: ExpertId,
    state: ProposalState,
    fire: ServerAction<SelectionFire>,
) -> impl IntoView {
    let (forward, end) = match state {
        ProposalState::Proposed => (ProposalEvent::Shortlist, ProposalEvent::Decline),
        ProposalState::Shortlisted | ProposalState::InSelection => {
            (ProposalEvent::Select, ProposalEvent::NotKeep)
        }
        _ => return ().into_any(),
    };
    let forward_label = match forward {
        ProposalEvent::Shortlist => tr!(selection.shortlist),
        _ => tr!(selection.select),
    };
    let end_label = match end {
        ProposalEvent::Decline => tr!(selection.decline),
        _ => tr!(selection.not_keep),
    };
    let ids = move || {
        view! {
            <input type="hidden" name="project" value=project.to_string()/>
            <input type="hidden" name="expert" value=expert.to_string()/>
        }
    };
    let lang = current_lang();
    let field = format!("raison-{expert}");
    view! {
        <div class="path-decision" data-testid="path-decision">
            <ActionForm action=fire attr:class="inline-form">
                {ids()}
                <input type="hidden" name="event" value=forward.as_str()/>
                <input type="hidden" name="reason" value=""/>
                <input type="hidden" name="comment" value=""/>
                <button type="submit" class="button" data-testid=forward.as_str()>{forward_label}</button>
            </ActionForm>
            <details class="end-project">
                <summary class="button button--ghost" data-testid=format!("open-{}", end.as_str())>{end_label}</summary>
                <ActionForm action=fire attr:class="form card">
                    {ids()}
                    <input type="hidden" name="event" value=end.as_str()/>
                    <fieldset class="choice-cards">
                        <legend>{tr!(selection.reason_legend)}</legend>
                        {ProposalEndReason::FOR_CLIENT.into_iter().map(|reason| view! {
                            <label class="choice">
                                <input type="radio" name="reason" value=reason.as_str() required=true/>
                                {reason_label(lang, reason)}
                            </label>
                        }).collect_view()}
                    </fieldset>
                    <div class="field">
                        <label for=field.clone()>{tr!(selection.comment)}</label>
                        <textarea id=field name="comment" maxlength=END_COMMENT_MAX_CHARS.to_string() rows="2"></textarea>
                    </div>
                    <button type="submit" class="button button--danger" data-testid=format!("confirm-{}", end.as_str())>{tr!(selection.confirm)}</button>
                </ActionForm>
            </details>
            <Outcome result=Signal::derive(move || fire.value().get().map(|r| r.map(|_| ())))/>
        </div>
    }
    .into_any()
}
