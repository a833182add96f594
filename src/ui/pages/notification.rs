use leptos::prelude::*;

use crate::ui::components::form::ErrorNotice;
use leptos_meta::Title;

use crate::api::notification::{list_notifications, MarkNotificationsRead};
use crate::domain::eligibility::REMINDER_DAYS;
use crate::domain::lang::Lang;
use crate::domain::notification::{Notice, Notification};
use crate::domain::selection::ProposalEndReason;
use crate::ui::components::icon::Icon;
use crate::ui::components::kit::EmptyState;
use crate::ui::components::session::{use_auth, RequireUser};
use crate::ui::text::{current_lang, with_data, DATA};

#[component]
pub fn NotificationsPage() -> impl IntoView {
    let mark = ServerAction::<MarkNotificationsRead>::new();
    let items = Resource::new(move || mark.version().get(), |_| list_notifications());
    // The header's unread badge comes with the session: read it again once marked.
    let auth = use_auth();
    Effect::new(move |_| {
        if matches!(mark.value().get(), Some(Ok(_))) {
            auth.changed();
        }
    });
    view! {
        <Title text=tr!(account.notifications_title)/>
        <RequireUser signed_in=move |_| view! { <NotificationList mark items/> }/>
    }
}

#[component]
fn NotificationList(
    mark: ServerAction<MarkNotificationsRead>,
    items: Resource<Result<Vec<Notification>, crate::error::AppError>>,
) -> impl IntoView {
    view! {
        <section class="container narrow">
            <div class="page-head">
                <h1>{tr!(account.notifications_title)}</h1>
                <ActionForm action=mark attr:class="inline-form">
                    <button type="submit" class="button button--ghost button--small" data-testid="mark-all-read">
                        <Icon icon=Icon::Check/>{tr!(account.notifications_mark_read)}
                    </button>
                </ActionForm>
            </div>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match items.await {
                        Ok(list) if list.is_empty() => view! {
                            <EmptyState icon=Icon::Bell title=tr!(account.notifications_empty) body=tr!(account.notifications_empty_body)/>
                        }.into_any(),
                        Ok(list) => view! {
                            <ul class="notifications">
                                {list.into_iter().map(|n| {
                                    let lang = current_lang();
                                    let (title, body) = texts(lang, &n.notice);
                                    let go = link_text(lang, &n.notice);
                                    let day = crate::ui::format::day_of(&n.created_at);
                                    view! {
                                        <li class="notification" class:notification--unread=!n.read data-testid="notification">
                                            <div class="row">
                                                <strong>{title}</strong>
                                                <time datetime=n.created_at.clone()>{day}</time>
                                            </div>
                                            <p>{body.view()}</p>
                                            {n.link.map(|href| view! { <a href=href>{go}<Icon icon=Icon::ArrowRight/></a> })}
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any(),
                        Err(err) => view! { <ErrorNotice message=err.to_string()/> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// What a notice's link opens, said on the link.
fn link_text(lang: Lang, notice: &Notice) -> &'static str {
    match notice {
        Notice::EmailConfirmed => tr_in!(lang, notifications.open_account),
        Notice::ProfileSubmitted
        | Notice::ProfileApproved { .. }
        | Notice::ChangesRequested { .. }
        | Notice::ProfileRejected { .. }
        | Notice::AttestationExpiring { .. } => tr_in!(lang, notifications.open_profile),
        Notice::DossierToReview { .. } => tr_in!(lang, notifications.open_dossier),
        Notice::ProjectMatches { .. } | Notice::ProposedToClient { .. } => {
            tr_in!(lang, notifications.open_project)
        }
        Notice::ExpertsProposed { .. } => tr_in!(lang, notifications.open_proposals),
        Notice::ProjectEnded { .. } => tr_in!(lang, notifications.open_projects),
        Notice::PathChanged { .. } => tr_in!(lang, selection.mail_action),
        Notice::DecisionOverdue { .. } => tr_in!(lang, notifications.open_project),
        Notice::StepChanged { .. } => tr_in!(lang, steps.mail_action),
        Notice::QuoteChanged { .. } => tr_in!(lang, quote.mail_action),
        Notice::ContractChanged { .. } => tr_in!(lang, signing.mail_action),
        Notice::BillingChanged { .. } => tr_in!(lang, billing.mail_action),
    }
}

/// A notice's body: its text, with [`DATA`] where it quotes what a user wrote (a name,
/// a project's title, an admin's message), kept apart so the page marks it as data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Body {
    pub text: String,
    pub data: Option<String>,
}

impl Body {
    fn plain(text: impl std::fmt::Display) -> Self {
        Self {
            text: text.to_string(),
            data: None,
        }
    }

    fn quoting(text: impl std::fmt::Display, data: &str) -> Self {
        Self {
            text: text.to_string(),
            data: Some(data.to_string()),
        }
    }

    /// The body as one string, the data in its place.
    pub fn joined(&self) -> String {
        match &self.data {
            Some(data) => self.text.replacen(DATA, data, 1),
            None => self.text.clone(),
        }
    }

    fn view(self) -> AnyView {
        match self.data {
            Some(data) => with_data(self.text, data).into_any(),
            None => self.text.into_any(),
        }
    }
}

/// The (title, body) of a notice in `lang`. Words users wrote are inserted as they are:
/// the view escapes them.
pub fn texts(lang: Lang, notice: &Notice) -> (String, Body) {
    let decided = |title: &str, text: &str, message: &str| {
        let body = if message.is_empty() {
            Body::plain(text)
        } else {
            Body::quoting(
                tr_in!(
                    lang,
                    notifications.with_message,
                    text = text,
                    message = DATA
                ),
                message,
            )
        };
        (title.to_string(), body)
    };
    match notice {
        Notice::EmailConfirmed => (
            tr_in!(lang, notifications.email_confirmed_title).into(),
            Body::plain(tr_in!(lang, notifications.email_confirmed_body)),
        ),
        Notice::ProfileSubmitted => (
            tr_in!(lang, notifications.profile_submitted_title).into(),
            Body::plain(tr_in!(lang, notifications.profile_submitted_body)),
        ),
        Notice::DossierToReview { name } => (
            tr_in!(lang, notifications.dossier_to_review_title).into(),
            Body::quoting(
                tr_in!(lang, notifications.dossier_to_review_body, name = DATA),
                name,
            ),
        ),
        Notice::ProfileApproved { message } => decided(
            tr_in!(lang, notifications.approved_title),
            tr_in!(lang, notifications.approved_body),
            message,
        ),
        Notice::ChangesRequested { message } => decided(
            tr_in!(lang, notifications.changes_requested_title),
            tr_in!(lang, notifications.changes_requested_body),
            message,
        ),
        Notice::ProfileRejected { message } => decided(
            tr_in!(lang, notifications.rejected_title),
            tr_in!(lang, notifications.rejected_body),
            message,
        ),
        Notice::AttestationExpiring { until } => {
            let until = crate::ui::format::date_in(lang, *until);
            let body = tr_in!(
                lang,
                notifications.attestation_expiring_body,
                until = until,
                days = REMINDER_DAYS
            );
            (
                tr_in!(lang, notifications.attestation_expiring_title).into(),
                Body::plain(body),
            )
        }
        Notice::ProjectMatches { title } => (
            tr_in!(lang, notifications.project_matches_title).into(),
            Body::quoting(
                tr_in!(lang, notifications.project_matches_body, title = DATA),
                title,
            ),
        ),
        Notice::ProposedToClient { title } => (
            tr_in!(lang, notifications.proposed_to_client_title).into(),
            Body::quoting(
                tr_in!(lang, notifications.proposed_to_client_body, title = DATA),
                title,
            ),
        ),
        Notice::ExpertsProposed { title, count } => (
            tr_in!(lang, notifications.experts_proposed_title).into(),
            Body::quoting(
                tr_in!(
                    lang,
                    notifications.experts_proposed_body,
                    count = count,
                    title = DATA
                ),
                title,
            ),
        ),
        Notice::ProjectEnded { title, reason } => (
            tr_in!(lang, notifications.project_ended_title).into(),
            Body::quoting(
                match reason {
                    ProposalEndReason::ProjectClosed => {
                        tr_in!(lang, notifications.project_closed_body, title = DATA)
                    }
                    _ => tr_in!(lang, notifications.project_cancelled_body, title = DATA),
                },
                title,
            ),
        ),
        Notice::PathChanged {
            title,
            state,
            reason,
        } => {
            use crate::ui::text::selection::{news_for_expert, reason_for_expert};
            let mut text = news_for_expert(lang, *state, DATA);
            if let Some(reason) = reason {
                let why = reason_for_expert(lang, *reason);
                text = format!("{text} {}", tr_in!(lang, selection.why, why = why));
            }
            (
                tr_in!(lang, selection.path_changed_title).into(),
                Body::quoting(text, title),
            )
        }
        Notice::DecisionOverdue { title } => (
            tr_in!(lang, selection.overdue_title).into(),
            Body::quoting(tr_in!(lang, selection.overdue_body, title = DATA), title),
        ),
        Notice::StepChanged { title, news } => (
            tr_in!(lang, steps.notice_title).into(),
            Body::quoting(crate::ui::text::steps::news_text(lang, *news, DATA), title),
        ),
        Notice::QuoteChanged {
            title,
            change,
            version,
        } => (
            tr_in!(lang, quote.title).into(),
            Body::quoting(
                crate::ui::text::quote::news_text(lang, *change, *version, DATA),
                title,
            ),
        ),
        Notice::ContractChanged { title, change } => (
            tr_in!(lang, signing.notice_title).into(),
            Body::quoting(
                crate::ui::text::contract::news_text(lang, *change, DATA),
                title,
            ),
        ),
        Notice::BillingChanged {
            title,
            change,
            reference,
        } => (
            tr_in!(lang, billing.notice_title).into(),
            Body::quoting(
                crate::ui::text::billing::news_text(lang, *change, reference, DATA),
                title,
            ),
        ),
    }
}

#[cfg(test)]
mod tests;
