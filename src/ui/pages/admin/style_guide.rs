//! The style guide: every component of the design system, in French and in English side
//! by side, so that a change of style or wording is seen everywhere at once. Admins only
//! (it holds no data, but it is a working page, not part of the product).

use leptos::prelude::*;
use leptos_meta::Title;

use crate::domain::account::Role;
use crate::domain::lang::Lang;
use crate::ui::components::autosave::SaveIndicator;
use crate::ui::components::autosave::SaveStatus;
use crate::ui::components::icon::Icon;
use crate::ui::components::kit::{EmptyState, StatusBadge, StepIndicator, Toast, Tone};
use crate::ui::components::session::RequireUser;

#[component]
pub fn StyleGuidePage() -> impl IntoView {
    view! {
        <Title text=tr!(kit.title)/>
        <RequireUser signed_in=|user| match user.role {
            Role::Admin => view! { <StyleGuide/> }.into_any(),
            _ => view! { <section class="container"><p class="notice">{tr!(kit.admins_only)}</p></section> }.into_any(),
        }/>
    }
}

/// The colour tokens shown (style/main.css gives each `.swatch--<token>` its colour: the
/// content security policy allows no inline style).
const TOKENS: [&str; 14] = [
    "--ink",
    "--ink-soft",
    "--muted",
    "--line",
    "--wash",
    "--brand-50",
    "--brand",
    "--brand-dark",
    "--accent",
    "--ok",
    "--warn",
    "--danger",
    "--ok-wash",
    "--danger-wash",
];

#[component]
fn StyleGuide() -> impl IntoView {
    view! {
        <section class="container" data-testid="style-guide">
            <h1>{tr!(kit.title)}</h1>
            <p class="muted">{tr!(kit.lead)}</p>
            <h2>{tr!(kit.colours)}</h2>
            <ul class="swatches">
                {TOKENS.map(|token| view! {
                    <li class=format!("swatch swatch{token}")><span></span><code>{token}</code></li>
                }).collect_view()}
            </ul>
            <h2>{tr!(kit.icons)}</h2>
            <ul class="icon-grid">
                {Icon::ALL.iter().map(|icon| view! {
                    <li><Icon icon=*icon/><code>{icon.name()}</code></li>
                }).collect_view()}
            </ul>
            <div class="columns">
                <Samples lang=Lang::Fr/>
                <Samples lang=Lang::En/>
            </div>
        </section>
    }
}

/// One language's column: each component with real texts of the product.
#[component]
fn Samples(lang: Lang) -> impl IntoView {
    let id = |name: &str| format!("guide-{}-{name}", lang.code());
    let saved = RwSignal::new(SaveStatus::Saved);
    view! {
        <div class="stack" lang=lang.code() data-testid=format!("samples-{}", lang.code())>
            <h2>{tr_in!(lang, kit.buttons)}</h2>
            <div class="button-row">
                <button type="button" class="button">{tr_in!(lang, kit.primary)}</button>
                <button type="button" class="button button--accent">{tr_in!(lang, kit.accent)}</button>
                <button type="button" class="button button--ghost"><Icon icon=Icon::Pencil/>{tr_in!(lang, kit.secondary)}</button>
                <button type="button" class="button button--danger"><Icon icon=Icon::Trash/>{tr_in!(lang, kit.danger)}</button>
                <button type="button" class="button button--small">{tr_in!(lang, kit.small)}</button>
                <button type="button" class="button" disabled=true>{tr_in!(lang, kit.disabled)}</button>
            </div>
            <h2>{tr_in!(lang, kit.controls)}</h2>
            <form class="form" on:submit=|ev| ev.prevent_default()>
                <div class="field">
                    <label for=id("text")>{tr_in!(lang, kit.text_label)}</label>
                    <input id=id("text") type="text" maxlength="80" placeholder=tr_in!(lang, kit.text_placeholder)/>
                    <p class="field__hint">{tr_in!(lang, kit.hint)}</p>
                </div>
                <div class="field field--invalid">
                    <label for=id("invalid")>{tr_in!(lang, kit.invalid_label)}</label>
                    <input id=id("invalid") type="email" value="camille@" aria-invalid="true" aria-describedby=id("invalid-error")/>
                    <p class="field__error" id=id("invalid-error")>{tr_in!(lang, kit.invalid_message)}</p>
                </div>
                <div class="field">
                    <label for=id("textarea")>{tr_in!(lang, kit.textarea_label)}</label>
                    <textarea id=id("textarea") rows="3"></textarea>
                </div>
                <div class="field">
                    <label for=id("select")>{tr_in!(lang, kit.select_label)}</label>
                    <select id=id("select")>
                        <option>{tr_in!(lang, kit.option_one)}</option>
                        <option>{tr_in!(lang, kit.option_two)}</option>
                    </select>
                </div>
                <div class="field">
                    <label for=id("date")>{tr_in!(lang, kit.date_label)}</label>
                    <input id=id("date") type="date"/>
                </div>
                <fieldset class="checks">
                    <legend>{tr_in!(lang, kit.chips_label)}</legend>
                    {[tr_in!(lang, kit.chip_finance), tr_in!(lang, kit.chip_hr), tr_in!(lang, kit.chip_it)].into_iter().enumerate().map(|(i, label)| view! {
                        <label class="check"><input type="checkbox" checked=i == 0/>{label}</label>
                    }).collect_view()}
                </fieldset>
                <fieldset class="choice-cards">
                    <legend>{tr_in!(lang, kit.cards_label)}</legend>
                    <label class="choice"><input type="radio" name=id("radio") checked=true/>
                        <span>{tr_in!(lang, kit.card_one)}<small>{tr_in!(lang, kit.card_one_help)}</small></span></label>
                    <label class="choice"><input type="radio" name=id("radio")/>
                        <span>{tr_in!(lang, kit.card_two)}<small>{tr_in!(lang, kit.card_two_help)}</small></span></label>
                </fieldset>
                <div class="field">
                    <label for=id("file")>{tr_in!(lang, kit.file_label)}</label>
                    <input id=id("file") type="file" accept="application/pdf"/>
                    <progress class="upload__progress" max="100" value="60"></progress>
                </div>
            </form>
            <h2>{tr_in!(lang, kit.surfaces)}</h2>
            <article class="card">
                <h3>{tr_in!(lang, kit.card_title)}</h3>
                <p>{tr_in!(lang, kit.card_body)}</p>
                <div class="row">
                    {Tone::ALL.map(|tone| view! { <StatusBadge tone text=tr_in!(lang, kit.badge)/> }).collect_view()}
                </div>
            </article>
            <nav class="tabs" aria-label=tr_in!(lang, kit.tabs_label)>
                <a href="#" aria-current="page">{tr_in!(lang, kit.tab_one)}</a>
                <a href="#">{tr_in!(lang, kit.tab_two)}</a>
            </nav>
            <div class="table-scroll">
                <table class="table">
                    <thead><tr><th>{tr_in!(lang, kit.col_name)}</th><th>{tr_in!(lang, kit.col_state)}</th></tr></thead>
                    <tbody><tr><td>"Camille"</td><td><StatusBadge tone=Tone::Ok text=tr_in!(lang, kit.badge)/></td></tr></tbody>
                </table>
            </div>
            <p class="notice notice--ok">{tr_in!(lang, kit.notice_ok)}</p>
            <p class="notice notice--error">{tr_in!(lang, kit.notice_error)}</p>
            <Toast text=tr_in!(lang, kit.toast_saved)/>
            <Toast text=tr_in!(lang, kit.toast_failed) failed=true/>
            <SaveIndicator status=saved/>
            <StepIndicator current=Signal::stored(1)
                steps=vec![tr_in!(lang, kit.step_one).to_string(), tr_in!(lang, kit.step_two).to_string(), tr_in!(lang, kit.step_three).to_string()]/>
            <EmptyState icon=Icon::Briefcase title=tr_in!(lang, kit.empty_title) body=tr_in!(lang, kit.empty_body)
                action=("#", tr_in!(lang, kit.empty_action).to_string())/>
        </div>
    }
}
