//! The conversation of a path, on the client's project page and on the expert's page
//! (and for admins, who may hide a message). It arrives with the page's data and moves
//! with it: a live event about the conversation refetches the page's resource.
//!
//! Messages are text nodes; only web addresses become links (`domain::chat::segments`),
//! opened without the referrer and marked as user content.

use leptos::prelude::*;

use crate::api::chat::{ChatHide, ChatPost};
use crate::domain::chat::{segments, ChatMessage, Conversation, Segment, MESSAGE_MAX_CHARS};
use crate::domain::id::{ExpertId, ProjectId};
use crate::domain::selection::Party;
use crate::ui::components::form::Outcome;

#[component]
pub fn PathChat(
    project: ProjectId,
    expert: ExpertId,
    conversation: Conversation,
    post: ServerAction<ChatPost>,
    #[prop(optional)] hide: Option<ServerAction<ChatHide>>,
) -> impl IntoView {
    let unread = conversation
        .messages
        .iter()
        .filter(|m| !m.mine && !m.hidden && m.id > conversation.read_up_to)
        .count();
    let newest = conversation.messages.last().map_or(0, |m| m.id);
    // A conversation under way stays open: the page is redrawn on every message.
    let open = unread > 0 || !conversation.messages.is_empty();
    let panel = NodeRef::<leptos::html::Details>::new();
    // Read once it is open in front of the reader: on opening, or on arrival if open.
    let mark_read = move || {
        let open = panel.get_untracked().is_some_and(|d| d.open());
        if open && unread > 0 && conversation_reader_is_party(conversation.reader) {
            leptos::task::spawn_local(async move {
                let _ =
                    crate::api::chat::chat_read(project.to_string(), expert.to_string(), newest)
                        .await;
            });
        }
    };
    Effect::new(move |_| mark_read());
    let field = format!("message-{expert}");
    let text = NodeRef::<leptos::html::Textarea>::new();
    Effect::new(move |_| {
        if let (Some(Ok(_)), Some(text)) = (post.value().get(), text.get_untracked()) {
            text.set_value("");
        }
    });
    let lead = match conversation.reader {
        Party::Expert => tr!(chat.lead_expert),
        Party::Admin => tr!(chat.admin_reading),
        _ => tr!(chat.lead_client),
    };
    let reader = conversation.reader;
    view! {
        <details class="path-chat" node_ref=panel open=open on:toggle=move |_| mark_read()
            data-testid="chat">
            <summary>
                {tr!(chat.title)}" · "<span translate="no">{conversation.other_side.clone()}</span>
                {(unread > 0).then(|| view! {
                    <span class="badge" data-testid="chat-unread"
                        aria-label=format!("{unread} {}", tr!(chat.unread_label))>{unread}</span>
                })}
            </summary>
            <p class="hint">{lead}</p>
            {if conversation.messages.is_empty() {
                view! { <p class="hint" data-testid="chat-empty">{tr!(chat.empty)}</p> }.into_any()
            } else {
                view! {
                    <ol class="chat-log" aria-live="polite">
                        {conversation.messages.into_iter().map(|m| view! { <Message m reader hide/> }).collect_view()}
                    </ol>
                }.into_any()
            }}
            {if conversation.may_write {
                view! {
                    <ActionForm action=post attr:class="form chat-form">
                        <input type="hidden" name="project" value=project.to_string()/>
                        <input type="hidden" name="expert" value=expert.to_string()/>
                        <div class="field">
                            <label for=field.clone()>{tr!(chat.label)}</label>
                            <textarea id=field name="body" rows="3" required=true node_ref=text
                                maxlength=MESSAGE_MAX_CHARS.to_string() data-testid="chat-body"></textarea>
                            <p class="hint">{tr!(chat.hint, max = MESSAGE_MAX_CHARS)}</p>
                        </div>
                        <button type="submit" class="button" data-testid="chat-send">{tr!(chat.send)}</button>
                    </ActionForm>
                    <Outcome result=Signal::derive(move || post.value().get().map(|r| r.map(|_| ())))/>
                }.into_any()
            } else if reader == Party::Admin {
                ().into_any()
            } else {
                view! { <p class="notice" data-testid="chat-closed">{tr!(chat.closed)}</p> }.into_any()
            }}
        </details>
    }
}

fn conversation_reader_is_party(reader: Party) -> bool {
    matches!(reader, Party::Client | Party::Expert)
}

#[component]
fn Message(m: ChatMessage, reader: Party, hide: Option<ServerAction<ChatHide>>) -> impl IntoView {
    let who = if m.mine {
        tr!(chat.you)
    } else if m.author == Party::Expert {
        tr!(chat.expert)
    } else {
        tr!(chat.client)
    };
    let body = if m.hidden && reader != Party::Admin {
        view! { <p class="chat-message__hidden">{tr!(chat.hidden)}</p> }.into_any()
    } else {
        view! { <p class="chat-message__body" translate="no">{linkified(&m.body)}</p> }.into_any()
    };
    let id = m.id;
    let hidden = m.hidden;
    view! {
        <li class="chat-message" class:chat-message--mine=m.mine data-testid="chat-message">
            <p class="chat-message__meta">
                <strong>{who}</strong>" · "<time datetime=m.at.to_rfc3339()>{m.at_paris.clone()}</time>
                {(hidden && reader == Party::Admin).then(|| view! { " · "<em>{tr!(chat.hidden_admin)}</em> })}
            </p>
            {body}
            {hide.map(|hide| view! {
                <ActionForm action=hide attr:class="inline-form">
                    <input type="hidden" name="message" value=id.to_string()/>
                    <input type="hidden" name="hidden" value=(!hidden).to_string()/>
                    <button type="submit" class="link-button" data-testid="chat-hide">
                        {if hidden { tr!(chat.show) } else { tr!(chat.hide) }}
                    </button>
                </ActionForm>
            })}
        </li>
    }
}

fn linkified(body: &str) -> impl IntoView {
    segments(body)
        .into_iter()
        .map(|s| match s {
            Segment::Text(t) => t.to_string().into_any(),
            Segment::Link(url) => view! {
                <a href=url.to_string() rel="nofollow noopener noreferrer ugc" target="_blank">{url.to_string()}</a>
            }
            .into_any(),
        })
        .collect_view()
}
