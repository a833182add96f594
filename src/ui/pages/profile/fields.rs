//! Inputs of the profile editor. Each shows who can see it and its problem, live.

use leptos::prelude::*;

use super::Ctx;
use crate::domain::profile::{FieldId, ProfileDraft};
use crate::ui::components::form::TextField;
use crate::ui::labels::{field_text, visibility_text};

/// "Public" or "Clients proposés", with an explanation on hover.
#[component]
pub fn VisibilityBadge(field: FieldId) -> impl IntoView {
    let visibility = field.visibility();
    let (label, help) = visibility_text(visibility);
    let class = format!("visibility visibility--{visibility:?}").to_lowercase();
    view! { <span class=class title=help data-testid="visibility">{label}</span> }
}

/// The label line of a field: name, required mark, visibility.
#[component]
pub fn FieldLabel(field: FieldId, #[prop(into)] for_id: String) -> impl IntoView {
    view! {
        <label for=for_id>
            {field_text(field).0}
            {field.required().then(|| view! { <abbr title=tr!(profile.required) class="required">" *"</abbr> })}
            " " <VisibilityBadge field/>
        </label>
    }
}

/// The current problem of a field (or of entry `index` of a list field).
pub fn problem(
    ctx: Ctx,
    field: FieldId,
    index: Option<usize>,
) -> impl Fn() -> Option<String> + Copy {
    move || {
        ctx.problems.with(|ps| {
            ps.iter()
                .find(|p| p.field == field && p.index == index)
                .map(|p| p.problem.text(crate::ui::text::current_lang()))
        })
    }
}

pub type GetField = fn(&ProfileDraft) -> &String;
pub type SetField = fn(&mut ProfileDraft, String);

/// A text, date or multi-line input bound to one field of the draft.
#[component]
pub fn TextInput(
    field: FieldId,
    get: GetField,
    set: SetField,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] multiline: bool,
    #[prop(optional)] autocomplete: Option<&'static str>,
) -> impl IntoView {
    let ctx = super::ctx();
    let id = format!("champ-{}", field.slug());
    let hint = field_text(field).1;
    let message = problem(ctx, field, None);
    view! {
        <TextField
            id=id.clone()
            label=view! { <FieldLabel field for_id=id/> }.into_any()
            name=Some(field.slug().to_string())
            value=Some(Signal::derive(move || ctx.draft.with(|d| get(d).clone())))
            kind=kind
            multiline=multiline
            autocomplete=autocomplete
            hint=(!hint.is_empty()).then(|| hint.to_string())
            message=Signal::derive(message)
            on_input=Callback::new(move |v| ctx.draft.update(|d| set(d, v)))
        />
    }
}

/// The département, from the reference list.
#[component]
pub fn DepartementSelect() -> impl IntoView {
    let ctx = super::ctx();
    let field = FieldId::Departement;
    let message = problem(ctx, field, None);
    let options = ctx.refs.with_value(|r| r.departements.clone());
    view! {
        <div class="field" class:field--invalid=move || message().is_some()>
            <FieldLabel field for_id="champ-departement"/>
            <select id="champ-departement" name="departement"
                prop:value=move || ctx.draft.with(|d| d.departement.clone())
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    ctx.draft.update(|d| d.departement = v);
                }>
                <option value="">"—"</option>
                {options.into_iter().map(|(code, label)| {
                    let selected = ctx.draft.with_untracked(|d| d.departement == code);
                    view! { <option value=code selected=selected translate="no">{label}</option> }
                }).collect_view()}
            </select>
            <p class="field__error" role="alert">{message}</p>
        </div>
    }
}

/// The domains, as check boxes.
#[component]
pub fn DomainChecks() -> impl IntoView {
    let ctx = super::ctx();
    let field = FieldId::Domains;
    let message = problem(ctx, field, None);
    let domains = ctx.refs.with_value(|r| r.domains.clone());
    view! {
        <fieldset class="field checks" id=format!("champ-{}", field.slug()) class:field--invalid=move || message().is_some()>
            <legend>
                {field_text(field).0} <abbr title=tr!(profile.required) class="required">" *"</abbr>
                " " <VisibilityBadge field/>
            </legend>
            {domains.into_iter().map(|d| {
                let slug = d.slug.clone();
                let checked = {
                    let slug = slug.clone();
                    move || ctx.draft.with(|x| x.domains.contains(&slug))
                };
                view! {
                    <label class="check">
                        <input type="checkbox" name="domains" value=slug.clone() prop:checked=checked
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                let slug = slug.clone();
                                ctx.draft.update(|x| {
                                    x.domains.retain(|s| *s != slug);
                                    if on { x.domains.push(slug); }
                                });
                            }/>
                        {d.label}
                    </label>
                }
            }).collect_view()}
            <p class="field__error" role="alert">{message}</p>
        </fieldset>
    }
}

/// Remote work accepted.
#[component]
pub fn RemoteCheck() -> impl IntoView {
    let ctx = super::ctx();
    view! {
        <label class="check">
            <input type="checkbox" name="remote_ok"
                prop:checked=move || ctx.draft.with(|d| d.remote_ok)
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    ctx.draft.update(|d| d.remote_ok = on);
                }/>
            {tr!(profile.remote_ok)}
        </label>
    }
}
