//! The admin's review queue and the review of one dossier.

use leptos::prelude::*;

use crate::domain::id::SubmissionId;
use crate::ui::components::form::ErrorNotice;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::review::{review_open, review_queue, ReviewDecide};
use crate::domain::review::Decision;
use crate::ui::components::dossier::DossierView;
use crate::ui::components::session::RequireUser;
use crate::ui::labels::{attestation_text, decision_or_pending, decision_text, field_text};

#[component]
pub fn ReviewQueuePage() -> impl IntoView {
    let items = Resource::new(|| (), |_| review_queue());
    view! {
        <Title text=tr!(review.queue_title)/>
        <RequireUser signed_in=move |_| view! { <Queue items/> }/>
    }
}

#[component]
fn Queue(
    items: Resource<Result<Vec<crate::domain::review::QueueItem>, crate::error::AppError>>,
) -> impl IntoView {
    view! {
        <section class="container">
            <h1>{tr!(review.queue_title)}</h1>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match items.await {
                        Ok(list) if list.is_empty() => view! { <p>{tr!(review.empty)}</p> }.into_any(),
                        Ok(list) => view! {
                            <table class="table" data-testid="review-queue">
                                <thead><tr><th>{tr!(review.column_expert)}</th><th>{tr!(review.column_submitted)}</th><th>{tr!(review.column_completeness)}</th><th></th></tr></thead>
                                <tbody>
                                    {list.into_iter().map(|item| view! {
                                        <tr>
                                            <td>
                                                <a href=format!("/admin/revues/{}", item.submission_id) translate="no">{item.name}</a>
                                                {item.republication.then(|| view! { " " <span class="tag">{tr!(review.republication)}</span> })}
                                            </td>
                                            <td>{crate::ui::format::day_of(&item.submitted_at)}</td>
                                            <td>{format!("{} %", item.completeness)}</td>
                                            <td><a class="button button--ghost" href=format!("/admin/revues/{}", item.submission_id)>{tr!(review.open)}</a></td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }.into_any(),
                        Err(err) => view! { <ErrorNotice message=err.to_string()/> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
pub fn ReviewPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|s| s.parse::<SubmissionId>().ok())
            // No submission has id 0: the page then says it was not found.
            .unwrap_or(SubmissionId::new(0))
    };
    let decide = ServerAction::<ReviewDecide>::new();
    let dossier = Resource::new(
        move || (id(), decide.version().get()),
        |(id, _)| review_open(id),
    );
    view! {
        <Title text=tr!(review.queue_title)/>
        <RequireUser signed_in=move |_| view! { <Review decide dossier/> }/>
    }
}

#[component]
fn Review(
    decide: ServerAction<ReviewDecide>,
    dossier: Resource<Result<crate::domain::review::ReviewDossier, crate::error::AppError>>,
) -> impl IntoView {
    view! {
        <section class="container">
            <p><a href="/admin/revues">{tr!(review.back)}</a></p>
            // Outside the dossier, which reloads once the decision is recorded.
            {move || matches!(decide.value().get(), Some(Ok(()))).then(|| view! {
                <p class="notice notice--ok" role="status">{tr!(review.done)}</p>
            })}
            <Transition fallback=|| view! { <p>{tr!(review.loading)}</p> }>
                {move || Suspend::new(async move {
                    match dossier.await {
                        Ok(r) => view! {
                            <div class="review">
                                <div>
                                    <p class="notice" data-testid="review-attestation">{attestation_text(r.attestation)}</p>
                                    {(!r.problems.is_empty()).then(|| view! {
                                        <ul class="notice notice--error">
                                            {r.problems.iter().map(|p| view! { <li>{tr!(review.problem, field = field_text(p.field).0, message = p.problem.text(crate::ui::text::current_lang())).to_string()}</li> }).collect_view()}
                                        </ul>
                                    })}
                                    <DossierView dossier=r.dossier.clone()/>
                                </div>
                                <aside>
                                    {match r.decided {
                                        Some(d) => view! { <p class="notice" data-testid="review-decided">{tr!(review.already_decided, decision = decision_text(d)).to_string()}</p> }.into_any(),
                                        None => view! { <DecisionForm id=r.submission_id decide/> }.into_any(),
                                    }}
                                    <h2>{tr!(profile.history)}</h2>
                                    <ul>
                                        {r.history.iter().map(|h| view! {
                                            <li>{format!("{} — {}", crate::ui::format::day_of(&h.submitted_at),
                                                decision_or_pending(h.decision))}
                                                {(!h.message.is_empty()).then(|| crate::ui::text::with_data(tr!(profile.quoted_message, message = crate::ui::text::DATA), h.message.clone()))}</li>
                                        }).collect_view()}
                                    </ul>
                                </aside>
                            </div>
                        }.into_any(),
                        Err(err) => view! { <ErrorNotice message=err.to_string()/> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn DecisionForm(id: SubmissionId, decide: ServerAction<ReviewDecide>) -> impl IntoView {
    let result = decide.value();
    let choices = [
        Decision::Approve,
        Decision::RequestChanges,
        Decision::Reject,
    ];
    view! {
        <ActionForm action=decide attr:class="decision" attr:data-testid="decision-form">
            <h2>{tr!(review.decide)}</h2>
            <input type="hidden" name="id" value=id.to_string()/>
            {choices.into_iter().map(|d| view! {
                <label class="check">
                    <input type="radio" name="decision" value=d.as_str() required=true/>
                    {decision_text(d)}
                </label>
            }).collect_view()}
            <label for="decision-message">{tr!(review.message)}</label>
            <textarea id="decision-message" name="message" rows="4"></textarea>
            <button type="submit" class="button">{tr!(review.send)}</button>
            {move || result.get().and_then(Result::err).map(|err| view! {
                <ErrorNotice message=err.to_string() testid="decision-error"/>
            })}
        </ActionForm>
    }
}
