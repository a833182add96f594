//! The live preview beside the editor, computed in the browser from the draft: what an
//! anonymous visitor, a client to whom the profile is proposed, or an admin sees.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::eligibility::AttestationStatus;
use crate::domain::parse::parse_date;
use crate::domain::profile::Viewer;
use crate::domain::review::{DossierView, HistoryEntry, ViewKind};
use crate::ui::components::dossier::DossierView as FullView;
use crate::ui::components::expert_card::ExpertCard;
use crate::ui::labels::{attestation_text, decision_or_pending, viewer_text};

#[component]
pub fn Preview(
    expert_id: Option<crate::domain::id::ExpertId>,
    email: String,
    today: NaiveDate,
) -> impl IntoView {
    let ctx = super::ctx();
    let viewer = RwSignal::new(Viewer::Anonymous);
    let email = StoredValue::new(email);
    let choices = [Viewer::Anonymous, Viewer::ProposedClient, Viewer::Admin];
    view! {
        <aside class="editor__preview" aria-live="polite" data-testid="preview">
            <h2>{tr!(profile.preview_title)}</h2>
            <fieldset class="view-as">
                <legend>{tr!(profile.view_as)}</legend>
                {choices.into_iter().map(|v| view! {
                    <label class="check">
                        <input type="radio" name="view-as" value=format!("{v:?}").to_lowercase()
                            prop:checked=move || viewer.get() == v
                            on:change=move |_| viewer.set(v)/>
                        {viewer_text(v)}
                    </label>
                }).collect_view()}
            </fieldset>
            {move || {
                let draft = ctx.draft.get();
                let files = ctx.files.get();
                ctx.refs.with_value(|refs| match viewer.get() {
                    Viewer::Anonymous => view! {
                        <ExpertCard card=draft.card(expert_id, refs, &files) full=true/>
                    }.into_any(),
                    v => {
                        let dossier = email.with_value(|e| draft.dossier(expert_id, e, refs, &files));
                        let admin = (v == Viewer::Admin).then(|| {
                            let status = AttestationStatus::of(parse_date(&draft.attestation_issued_on).ok(), today);
                            view! {
                                <p class="notice" data-testid="admin-attestation">{attestation_text(status)}</p>
                            }
                        });
                        view! { {admin} <FullView dossier/> }.into_any()
                    }
                })
            }}
        </aside>
    }
}

#[component]
pub fn HistoryAndViews(history: Vec<HistoryEntry>, views: Vec<DossierView>) -> impl IntoView {
    let date = crate::ui::format::day_of;
    view! {
        <section class="editor__history">
            <h2>{tr!(profile.history)}</h2>
            <ul data-testid="history">
                {history.into_iter().map(|h| view! {
                    <li>
                        {tr!(profile.history_submitted, date = date(&h.submitted_at)).to_string()} " — "
                        <strong>{decision_or_pending(h.decision)}</strong>
                        {(!h.message.is_empty()).then(|| crate::ui::text::with_data(tr!(profile.quoted_message, message = crate::ui::text::DATA), h.message))}
                    </li>
                }).collect_view()}
            </ul>
            <h2>{tr!(profile.views)}</h2>
            {if views.is_empty() {
                view! { <p class="muted">{tr!(profile.no_views)}</p> }.into_any()
            } else {
                view! {
                    <ul data-testid="views">
                        {views.into_iter().map(|v| {
                            let why = match (v.kind, v.project) {
                                (ViewKind::Review, _) => tr!(profile.view_review).to_string(),
                                (ViewKind::Project, Some(title)) => tr!(profile.view_project, title = title).to_string(),
                                (ViewKind::Project, None) => tr!(profile.view_project_unknown).to_string(),
                                (ViewKind::CvDownload, _) => tr!(profile.view_cv).to_string(),
                                (ViewKind::AttestationDownload, _) => tr!(profile.view_attestation).to_string(),
                            };
                            // A company's name is what its users wrote; the team is the interface.
                            let who = match v.viewer {
                                Some(company) => view! { <span translate="no">{company}</span> }.into_any(),
                                None => tr!(profile.viewer_team).into_any(),
                            };
                            view! { <li>{date(&v.viewed_at)} " — " {who} " — " {why}</li> }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}
