use leptos::prelude::*;

use crate::ui::components::form::ErrorNotice;
use leptos_meta::Title;

use crate::api::notification::{list_notifications, MarkNotificationsRead};
use crate::domain::eligibility::REMINDER_DAYS;
use crate::domain::lang::Lang;
use crate::domain::notification::{Notice, Notification};
use crate::ui::components::session::RequireUser;
use crate::ui::text::current_lang;

#[component]
pub fn NotificationsPage() -> impl IntoView {
    let mark = ServerAction::<MarkNotificationsRead>::new();
    let items = Resource::new(move || mark.version().get(), |_| list_notifications());
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
            <h1>{tr!(account.notifications_title)}</h1>
            <ActionForm action=mark attr:class="inline-form">
                <button type="submit" class="button button--ghost">{tr!(account.notifications_mark_read)}</button>
            </ActionForm>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match items.await {
                        Ok(list) if list.is_empty() => view! { <p>{tr!(account.notifications_empty)}</p> }.into_any(),
                        Ok(list) => view! {
                            <ul class="notifications">
                                {list.into_iter().map(|n| {
                                    let (title, body) = texts(current_lang(), &n.notice);
                                    view! {
                                        <li class="notification" class:notification--unread=!n.read>
                                            <strong>{title}</strong>
                                            <p>{body}</p>
                                            {n.link.map(|href| view! { <a href=href>"→"</a> })}
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

/// The (title, body) of a notice in `lang`. Words users wrote are inserted as they are:
/// the view escapes them.
pub fn texts(lang: Lang, notice: &Notice) -> (String, String) {
    let decided = |title: &str, text: &str, message: &str| {
        let body = if message.is_empty() {
            text.to_string()
        } else {
            tr_in!(
                lang,
                notifications.with_message,
                text = text,
                message = message
            )
            .to_string()
        };
        (title.to_string(), body)
    };
    match notice {
        Notice::EmailConfirmed => (
            tr_in!(lang, notifications.email_confirmed_title).into(),
            tr_in!(lang, notifications.email_confirmed_body).into(),
        ),
        Notice::ProfileSubmitted => (
            tr_in!(lang, notifications.profile_submitted_title).into(),
            tr_in!(lang, notifications.profile_submitted_body).into(),
        ),
        Notice::DossierToReview { name } => (
            tr_in!(lang, notifications.dossier_to_review_title).into(),
            tr_in!(lang, notifications.dossier_to_review_body, name = name).to_string(),
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
                body.to_string(),
            )
        }
        Notice::ProjectMatches { title } => (
            tr_in!(lang, notifications.project_matches_title).into(),
            tr_in!(lang, notifications.project_matches_body, title = title).to_string(),
        ),
        Notice::ProposedToClient { title } => (
            tr_in!(lang, notifications.proposed_to_client_title).into(),
            tr_in!(lang, notifications.proposed_to_client_body, title = title).to_string(),
        ),
        Notice::ExpertsProposed { title, count } => (
            tr_in!(lang, notifications.experts_proposed_title).into(),
            tr_in!(
                lang,
                notifications.experts_proposed_body,
                count = count,
                title = title
            )
            .to_string(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::notification::tests::one_of_each;

    #[test]
    fn every_notice_reads_in_french_as_before() {
        let fr = |n: &Notice| texts(Lang::Fr, n);
        let [confirmed, _, to_review, approved, changes, _, expiring, matches, proposed, experts] =
            <[Notice; 10]>::try_from(one_of_each()).unwrap();
        assert_eq!(
            fr(&confirmed),
            (
                "Adresse e-mail confirmée".into(),
                "Votre compte est actif. Complétez maintenant votre profil.".into()
            )
        );
        assert_eq!(
            fr(&to_review).1,
            "Audit <SI> & « réseau » a soumis son profil."
        );
        assert_eq!(
            fr(&approved),
            ("Validé".into(), "Votre profil est publié".into())
        );
        assert_eq!(
            fr(&changes).1,
            "Votre profil : des modifications sont demandées — Audit <SI> & « réseau »"
        );
        assert_eq!(
            fr(&expiring).1,
            format!(
                "Votre attestation expire le 01/12/2026 (dans {REMINDER_DAYS} jours au plus) : \
                 déposez-en une plus récente."
            )
        );
        assert_eq!(
            fr(&matches).1,
            "« Audit <SI> & « réseau » » correspond à votre profil."
        );
        assert_eq!(
            fr(&proposed).1,
            "Votre profil a été proposé pour « Audit <SI> & « réseau » »."
        );
        assert_eq!(
            fr(&experts),
            (
                "Des experts vous sont proposés".into(),
                "2 profil(s) proposé(s) pour « Audit <SI> & « réseau » ».".into()
            )
        );
    }

    #[test]
    fn every_notice_reads_in_english() {
        for notice in one_of_each() {
            let (title, body) = texts(Lang::En, &notice);
            let ours = body.replace("Audit <SI> & « réseau »", "");
            for french in ["Votre", "votre", "é", "«", " :"] {
                assert!(
                    !title.contains(french) && !ours.contains(french),
                    "{title} / {body}"
                );
            }
        }
        let expiring = &one_of_each()[6];
        assert!(texts(Lang::En, expiring).1.contains("on 1 December 2026"));
    }
}
