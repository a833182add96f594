use leptos::prelude::*;

use crate::ui::components::form::ErrorNotice;
use leptos_meta::Title;

use crate::api::admin::admin_mailbox;
use crate::domain::session::MailStatus;
use crate::error::AppError;

/// The outbox, for local set-ups without SMTP. The server refuses non-admins (403), and
/// answers 404 when SMTP is configured: mails then reach their recipients only.
#[component]
pub fn MailboxPage() -> impl IntoView {
    let mails = Resource::new(|| (), |_| admin_mailbox());
    view! {
        <Title text=tr!(account.mailbox_title)/>
        <section class="container">
            <h1>{tr!(account.mailbox_title)}</h1>
            <p>{tr!(account.mailbox_lead)}</p>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match mails.await {
                        Ok(list) if list.is_empty() => view! { <p>{tr!(account.mailbox_empty)}</p> }.into_any(),
                        Ok(list) => view! {
                            <ul class="mailbox">
                                {list.into_iter().map(|m| view! {
                                    <li class="card mail" data-testid="mail">
                                        <p><strong translate="no">{m.subject}</strong>" — " {tr!(account.mailbox_to)} " " <span data-testid="mail-to" translate="no">{m.recipient}</span>
                                           " · " {status_text(&m.status)}</p>
                                        <ul>{m.links.into_iter().map(|href| view! {
                                            <li><a href=href.clone() data-testid="mail-link">{href.clone()}</a></li>
                                        }).collect_view()}</ul>
                                        <details><summary>{tr!(account.mailbox_text)}</summary><pre translate="no">{m.body_text}</pre></details>
                                    </li>
                                }).collect_view()}
                            </ul>
                        }.into_any(),
                        Err(AppError::NotFound) => view! {
                            <p class="notice" role="status">{tr!(account.mailbox_unavailable)}</p>
                        }.into_any(),
                        Err(err) => view! { <ErrorNotice message=err.to_string()/> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

fn status_text(status: &MailStatus) -> &'static str {
    match status {
        MailStatus::Sent => tr!(account.mailbox_status_sent),
        MailStatus::Failed => tr!(account.mailbox_status_failed),
        MailStatus::Pending => tr!(account.mailbox_status_pending),
    }
}
