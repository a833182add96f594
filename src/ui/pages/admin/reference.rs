//! Admins edit the domains of expertise and their skills.

use leptos::prelude::*;

use crate::ui::components::form::ErrorNotice;
use leptos_meta::Title;

use crate::api::reference::{
    reference_list, ReferenceAddDomain, ReferenceAddSkill, ReferenceRename,
    ReferenceSetDomainActive, ReferenceSetSkillActive,
};
use crate::domain::reference::DomainAdmin;
use crate::ui::components::session::RequireUser;

#[component]
pub fn ReferencePage() -> impl IntoView {
    let add_domain = ServerAction::<ReferenceAddDomain>::new();
    let add_skill = ServerAction::<ReferenceAddSkill>::new();
    let toggle = ServerAction::<ReferenceSetDomainActive>::new();
    let rename = ServerAction::<ReferenceRename>::new();
    let toggle_skill = ServerAction::<ReferenceSetSkillActive>::new();
    let domains = Resource::new(
        move || {
            (
                add_domain.version().get(),
                add_skill.version().get(),
                toggle.version().get(),
                rename.version().get(),
                toggle_skill.version().get(),
            )
        },
        |_| reference_list(),
    );
    let actions = Actions {
        add_skill,
        toggle,
        rename,
        toggle_skill,
    };
    view! {
        <Title text=tr!(admin.reference_title)/>
        <RequireUser signed_in=move |_| view! { <Reference add_domain actions domains/> }/>
    }
}

fn error_of<T>(action: ServerAction<T>) -> impl Fn() -> Option<String>
where
    T: leptos::server_fn::ServerFn<Output = (), Error = crate::error::AppError>
        + Clone
        + Send
        + Sync
        + 'static,
{
    move || {
        action
            .value()
            .get()
            .and_then(Result::err)
            .map(|e| e.to_string())
    }
}

/// The actions of a domain's block.
#[derive(Clone, Copy)]
struct Actions {
    add_skill: ServerAction<ReferenceAddSkill>,
    toggle: ServerAction<ReferenceSetDomainActive>,
    rename: ServerAction<ReferenceRename>,
    toggle_skill: ServerAction<ReferenceSetSkillActive>,
}

#[component]
fn Reference(
    add_domain: ServerAction<ReferenceAddDomain>,
    actions: Actions,
    domains: Resource<Result<Vec<crate::domain::reference::DomainAdmin>, crate::error::AppError>>,
) -> impl IntoView {
    view! {
        <section class="container">
            <h1>{tr!(admin.reference_title)}</h1>
            <p>{tr!(admin.reference_lead)}</p>
            <ActionForm action=add_domain attr:class="filters" attr:data-testid="add-domain">
                <label>{tr!(admin.new_domain_fr)} <input name="label_fr" required=true/></label>
                <label>{tr!(admin.label_en)} <input name="label_en" required=true/></label>
                <button class="button" type="submit">{tr!(admin.add_domain)}</button>
            </ActionForm>
            <p class="field__error" role="alert">{error_of(add_domain)}</p>
            <p class="field__error" role="alert">{error_of(actions.add_skill)}</p>
            <p class="field__error" role="alert">{error_of(actions.rename)}</p>
            <p class="field__error" role="alert">{error_of(actions.toggle_skill)}</p>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match domains.await {
                        Ok(list) => list.into_iter().map(|d| view! { <DomainBlock d actions/> }).collect_view().into_any(),
                        Err(err) => view! { <ErrorNotice message=err.to_string()/> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn DomainBlock(d: DomainAdmin, actions: Actions) -> impl IntoView {
    let Actions {
        add_skill,
        toggle,
        rename,
        toggle_skill,
    } = actions;
    let (skill_domain, toggled_domain) = (d.slug.clone(), d.slug.clone());
    let domain_target = (format!("domain:{}", d.slug), d.label_fr.clone());
    let skill_targets: Vec<(String, String)> = d
        .skills
        .iter()
        .map(|(slug, label)| (format!("skill:{slug}"), label.clone()))
        .collect();
    view! {
        <article class="card" data-testid=format!("domain-{}", d.slug)>
            // Both labels are data being edited, each marked with its language.
            <h2><span lang="fr">{d.label_fr.clone()}</span> " · " <span class="muted" lang="en">{d.label_en.clone()}</span>
                {(!d.active).then(|| view! { " " <span class="tag">{tr!(admin.domain_hidden)}</span> })}
            </h2>
            <ul class="skill-list">{d.skills.iter().cloned().map(|(slug, label)| {
                let hidden = d.hidden_skills.contains(&slug);
                let testid = format!("skill-{slug}");
                view! {
                    <li class="skill-item" class:skill-item--hidden=hidden data-testid=testid>
                        <span lang="fr">{label.clone()}</span>
                        {hidden.then(|| view! { <span class="badge-soft">{tr!(admin.skill_hidden)}</span> })}
                        <ActionForm action=toggle_skill attr:class="inline-form">
                            <input type="hidden" name="skill" value=slug/>
                            <input type="hidden" name="active" value=hidden.to_string()/>
                            <button class="button button--ghost button--small" type="submit">
                                {if hidden { tr!(admin.show_skill) } else { tr!(admin.hide_skill) }}
                            </button>
                        </ActionForm>
                    </li>
                }
            }).collect_view()}</ul>
            <p class="muted">{tr!(admin.skill_hide_note)}</p>
            <ActionForm action=add_skill attr:class="filters">
                <input type="hidden" name="domain" value=skill_domain/>
                <label>{tr!(admin.skill_fr)} <input name="label_fr" required=true/></label>
                <label>{tr!(admin.label_en)} <input name="label_en" required=true/></label>
                <button class="button button--ghost" type="submit">{tr!(admin.add_skill)}</button>
            </ActionForm>
            <details>
                <summary>{tr!(admin.rename)}</summary>
                <ActionForm action=rename attr:class="filters" attr:data-testid="rename">
                    <label>{tr!(admin.rename_target)}
                        <select name="target">
                            <optgroup label=tr!(admin.rename_group_domain)>
                                <option value=domain_target.0 lang="fr">{domain_target.1}</option>
                            </optgroup>
                            <optgroup label=tr!(admin.rename_group_skills)>
                                {skill_targets.into_iter().map(|(value, label)| view! { <option value=value lang="fr">{label}</option> }).collect_view()}
                            </optgroup>
                        </select>
                    </label>
                    <label>{tr!(admin.new_label_fr)} <input name="label_fr" required=true/></label>
                    <label>{tr!(admin.label_en)} <input name="label_en" required=true/></label>
                    <button class="button button--ghost" type="submit">{tr!(admin.rename)}</button>
                </ActionForm>
                <p class="muted">{tr!(admin.rename_note)}</p>
            </details>
            <ActionForm action=toggle attr:class="inline-form">
                <input type="hidden" name="domain" value=toggled_domain/>
                <input type="hidden" name="active" value=(!d.active).to_string()/>
                <button class="button button--ghost" type="submit">{if d.active { tr!(admin.hide_domain) } else { tr!(admin.show_domain) }}</button>
            </ActionForm>
        </article>
    }
}
