use leptos::prelude::*;

use crate::ui::components::form::ErrorNotice;
use leptos_meta::Title;

use crate::api::notifications::{list_notifications, MarkNotificationsRead};
use crate::ui::components::session::RequireUser;

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
    items: Resource<Result<Vec<crate::domain::session::Notification>, crate::error::AppError>>,
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
                                {list.into_iter().map(|n| view! {
                                    <li class="notification" class:notification--unread=!n.read>
                                        <strong>{n.title}</strong>
                                        <p>{n.body}</p>
                                        {n.link.map(|href| view! { <a href=href>"→"</a> })}
                                    </li>
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
