//! The expert's side of the pipeline: every project they were proposed for, where they
//! stand, who acts next by when, and each path's log. Reasons reach them as a kind
//! category, never as the client's words.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::chat::ChatPost;
use crate::api::selection::selection_mine;
use crate::domain::live::LiveKind;
use crate::domain::selection::{ExpertPath, Party, TimelineEntry, TimelineWhat};
use crate::ui::components::form::ErrorNotice;
use crate::ui::components::icon::Icon;
use crate::ui::components::kit::{EmptyState, StatusBadge, Tone};
use crate::ui::components::match_explanation::ProjectFacts;
use crate::ui::components::session::RequireUser;
use crate::ui::format::{date, day_of};
use crate::ui::text::current_lang;
use crate::ui::text::project::proposal_state_label;
use crate::ui::text::selection::{event_label, reason_for_expert, reason_label};
use crate::ui::text::steps::change_label;

#[component]
pub fn ExpertPathsPage() -> impl IntoView {
    let moved = crate::ui::live::use_live().ticks(|e| e.kind != LiveKind::Notice);
    let post = ServerAction::<ChatPost>::new();
    let steps = super::StepActions::new();
    let quotes = super::QuoteActions::new();
    let contracts = super::ContractActions::new();
    let paths = Resource::new(
        move || {
            (
                moved.get(),
                post.version().get(),
                steps.version(),
                quotes.version(),
                contracts.version(),
            )
        },
        |_| selection_mine(),
    );
    view! {
        <Title text=tr!(selection.paths_title)/>
        <RequireUser signed_in=move |_| view! {
            <section class="container">
                <h1>{tr!(selection.paths_title)}</h1>
                <p>{tr!(selection.paths_lead)}</p>
                <Transition fallback=|| ()>
                    {move || Suspend::new(async move {
                        match paths.await {
                            Ok(list) if list.is_empty() => view! {
                                <EmptyState icon=Icon::Briefcase testid="no-paths" title=tr!(selection.no_paths)
                                    body=tr!(selection.no_paths_body)
                                    action=("/projets", tr!(selection.see_projects).to_string())/>
                            }.into_any(),
                            Ok(list) => view! {
                                <ul class="project-list">{list.into_iter().map(|path| view! { <PathCard path post steps quotes contracts/> }).collect_view()}</ul>
                            }.into_any(),
                            Err(err) => view! { <ErrorNotice message=err.to_string()/> }.into_any(),
                        }
                    })}
                </Transition>
            </section>
        }/>
    }
}

#[component]
fn PathCard(
    path: ExpertPath,
    post: ServerAction<ChatPost>,
    steps: super::StepActions,
    quotes: super::QuoteActions,
    contracts: super::ContractActions,
) -> impl IntoView {
    let lang = current_lang();
    let tone = if path.state.is_open() {
        Tone::Brand
    } else {
        Tone::Neutral
    };
    let next = path.next.map(|(who, by)| {
        let by = date(by);
        match who {
            Party::Expert => tr!(selection.next_yours, date = by).to_string(),
            _ => tr!(selection.next_client, date = by).to_string(),
        }
    });
    view! {
        <li class="card project-item project-item--stacked" data-testid="path" data-state=path.state.as_str()>
            <div class="page-head">
                <h2 translate="no">{path.project.title.clone()}</h2>
                <StatusBadge tone text=proposal_state_label(lang, path.state)/>
            </div>
            <ProjectFacts project=path.project.clone()/>
            {next.map(|n| view! { <p class="notice" data-testid="path-next">{n}</p> })}
            {path.reason.map(|r| view! {
                <p class="notice" data-testid="path-reason">{tr!(selection.why, why = reason_for_expert(lang, r)).to_string()}</p>
            })}
            {path.contract.map(|contract| view! {
                <super::PathContract contract reader=Party::Expert actions=contracts/>
            })}
            {path.quote.map(|quote| view! {
                <super::PathQuote project=path.project.id expert=path.expert quote reader=Party::Expert actions=quotes/>
            })}
            {path.conversation.map(|conversation| view! {
                <super::chat::PathChat project=path.project.id expert=path.expert conversation post/>
            })}
            <super::PathSteps project=path.project.id expert=path.expert steps=path.steps
                reader=Party::Expert actions=steps/>
            <Timeline entries=path.timeline for_expert=true/>
        </li>
    }
}

/// A path's log, oldest first. For the expert a reason is said as its category; the
/// client and the team read it as chosen, with their comment.
#[component]
pub fn Timeline(entries: Vec<TimelineEntry>, for_expert: bool) -> impl IntoView {
    let lang = current_lang();
    view! {
        <ol class="timeline" data-testid="timeline">
            {entries.into_iter().map(|e| {
                let (kind, what) = match e.what {
                    TimelineWhat::Path { event, reason, comment, .. } => {
                        let reason = reason.map(|r| if for_expert { reason_for_expert(lang, r) } else { reason_label(lang, r) });
                        (event.as_str(), view! {
                            <span class="timeline__what">{event_label(lang, event)}</span>
                            {reason.map(|r| view! { <span class="muted">" · " {r}</span> })}
                            {comment.map(|c| view! { <q class="timeline__comment">{c}</q> })}
                        }.into_any())
                    }
                    TimelineWhat::Step { change, format, starts_at } => (
                        change.as_str(),
                        view! { <span class="timeline__what">{change_label(lang, change, e.party, format, starts_at)}</span> }.into_any(),
                    ),
                    TimelineWhat::Contract { change } => (
                        match change {
                            crate::domain::contract::ContractChange::Drawn => "contract_drawn",
                            crate::domain::contract::ContractChange::SignedBy => "contract_signed_by",
                            crate::domain::contract::ContractChange::Signed => "contract_signed",
                            crate::domain::contract::ContractChange::MissionSigned => "mission_signed",
                            crate::domain::contract::ContractChange::MissionNone => "mission_none",
                        },
                        view! { <span class="timeline__what">{crate::ui::text::contract::change_label(lang, change, e.party)}</span> }.into_any(),
                    ),
                    TimelineWhat::Billing { change, reference } => (
                        change.as_str(),
                        view! {
                            <span class="timeline__what">{crate::ui::text::billing::change_label(lang, change)}</span>
                            <span class="muted">" · " {reference}</span>
                        }.into_any(),
                    ),
                    TimelineWhat::Quote { change, version, ttc } => (
                        match change {
                            crate::domain::quote::QuoteChange::Sent => "quote_sent",
                            crate::domain::quote::QuoteChange::RevisionRequested => "quote_revision_requested",
                            crate::domain::quote::QuoteChange::Accepted => "quote_accepted",
                        },
                        view! { <span class="timeline__what">{crate::ui::text::quote::change_label(lang, change, version, ttc)}</span> }.into_any(),
                    ),
                };
                view! {
                    <li class="timeline__entry" data-event=kind>
                        <time datetime=e.at.clone()>{day_of(&e.at)}</time>
                        {what}
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}
