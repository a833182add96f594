//! On an open project's page, what its client may do to it: edit it through the wizard,
//! or end it with a reason. Once ended, how and when.

use leptos::prelude::*;

use crate::api::project::ProjectEnd;
use crate::domain::id::ProjectId;
use crate::domain::project::{ProjectEndReason, ProjectEnding, END_COMMENT_MAX_CHARS};
use crate::ui::components::form::Outcome;
use crate::ui::components::icon::Icon;
use crate::ui::format::date;
use crate::ui::text::current_lang;
use crate::ui::text::project::{end_reason_hint, end_reason_label};

/// Edit and end, for an open project. The ending form is a `<details>` and a plain
/// form: it works without JavaScript.
#[component]
pub fn ProjectActions(
    id: ProjectId,
    editing: bool,
    end: ServerAction<ProjectEnd>,
) -> impl IntoView {
    let lang = current_lang();
    view! {
        <div class="project-actions" data-testid="project-actions">
            <a class="button button--ghost" href=format!("/mes-projets/nouveau?modifier={id}") data-testid="edit-project">
                <Icon icon=Icon::Pencil/>
                {if editing { tr!(projects.resume_edit) } else { tr!(projects.edit_project) }}
            </a>
            <details class="end-project" data-testid="end-project">
                <summary class="button button--ghost">{tr!(projects.end_project)}</summary>
                <ActionForm action=end attr:class="form card">
                    <input type="hidden" name="id" value=id.to_string()/>
                    <fieldset class="choice-cards">
                        <legend>{tr!(projects.end_reason_legend)}</legend>
                        {ProjectEndReason::ALL.into_iter().map(|reason| view! {
                            <label class="choice">
                                <input type="radio" name="reason" value=reason.as_str() required=true/>
                                <span>{end_reason_label(lang, reason)}<small>{end_reason_hint(lang, reason)}</small></span>
                            </label>
                        }).collect_view()}
                    </fieldset>
                    <div class="field">
                        <label for="fin-commentaire">{tr!(projects.end_comment)}</label>
                        <textarea id="fin-commentaire" name="comment" maxlength=END_COMMENT_MAX_CHARS.to_string() rows="3"></textarea>
                        <p class="field__hint">{tr!(projects.end_comment_hint)}</p>
                    </div>
                    <p class="notice">{tr!(projects.end_warning)}</p>
                    <button type="submit" class="button button--danger" data-testid="confirm-end"
                        disabled=move || end.pending().get()>{tr!(projects.end_confirm)}</button>
                    <Outcome result=end.value().into()/>
                </ActionForm>
            </details>
        </div>
    }
}

/// How an ended project ended.
#[component]
pub fn EndedNotice(ending: ProjectEnding) -> impl IntoView {
    let lang = current_lang();
    view! {
        <div class="notice" data-testid="project-ended">
            <p>{tr!(projects.ended_on, date = date(ending.on), reason = end_reason_label(lang, ending.reason)).to_string()}</p>
            {(!ending.comment.is_empty()).then(|| view! {
                <p>{crate::ui::text::with_data(tr!(projects.ended_comment, comment = crate::ui::text::DATA), ending.comment)}</p>
            })}
            <p class="muted">{tr!(projects.ended_experts_told)}</p>
        </div>
    }
}
