//! The design system's building blocks that are more than a class name: status badges,
//! empty states, toasts and the step indicator. Their look is in style/main.css; the
//! style guide (/admin/style) shows them all.

use leptos::prelude::*;

use crate::ui::components::icon::Icon;

/// The tone of a status badge or notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Neutral,
    Brand,
    Ok,
    Warn,
    Danger,
}

impl Tone {
    pub const ALL: [Tone; 5] = [
        Tone::Neutral,
        Tone::Brand,
        Tone::Ok,
        Tone::Warn,
        Tone::Danger,
    ];

    fn class(self) -> &'static str {
        match self {
            Tone::Neutral => "status",
            Tone::Brand => "status status--brand",
            Tone::Ok => "status status--ok",
            Tone::Warn => "status status--warn",
            Tone::Danger => "status status--danger",
        }
    }
}

/// A short state next to what it qualifies (draft, published, demo).
#[component]
pub fn StatusBadge(
    tone: Tone,
    #[prop(into)] text: String,
    #[prop(optional)] testid: Option<&'static str>,
) -> impl IntoView {
    view! { <span class=tone.class() data-testid=testid>{text}</span> }
}

/// What a list shows when it has nothing yet: why, and the way to the first item.
#[component]
pub fn EmptyState(
    icon: Icon,
    #[prop(into)] title: String,
    #[prop(into)] body: String,
    #[prop(optional)] action: Option<(&'static str, String)>,
    #[prop(optional)] testid: Option<&'static str>,
) -> impl IntoView {
    view! {
        <div class="empty" data-testid=testid>
            <Icon icon/>
            <h2>{title}</h2>
            <p>{body}</p>
            {action.map(|(href, label)| view! { <a class="button" href=href>{label}</a> })}
        </div>
    }
}

/// A transient outcome (saved, saving failed), announced politely.
/// `floating` pins it to the bottom of the screen; otherwise it sits in the flow.
#[component]
pub fn Toast(
    #[prop(into)] text: String,
    #[prop(optional)] failed: bool,
    #[prop(optional)] floating: bool,
) -> impl IntoView {
    let class = match (failed, floating) {
        (false, true) => "toast",
        (true, true) => "toast toast--failed",
        (false, false) => "toast toast--static",
        (true, false) => "toast toast--failed toast--static",
    };
    view! {
        <p class=class role=if failed { "alert" } else { "status" }>
            <Icon icon=if failed { Icon::CircleX } else { Icon::CircleCheck }/>
            {text}
        </p>
    }
}

/// Where a multi-step task stands: the steps done, the current one, those to come.
#[component]
pub fn StepIndicator(
    steps: Vec<String>,
    current: Signal<usize>,
    #[prop(optional)] testid: Option<&'static str>,
) -> impl IntoView {
    view! {
        <ol class="steps" data-testid=testid>
            {steps.into_iter().enumerate().map(|(i, label)| view! {
                <li class:steps--done=move || { current.get() > i }
                    aria-current=move || (current.get() == i).then_some("step")>
                    {label}
                </li>
            }).collect_view()}
        </ol>
    }
}
