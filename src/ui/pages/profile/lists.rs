//! List fields of the editor: languages, skills, experiences, references.

use leptos::prelude::*;

use super::fields::{problem, FieldLabel};
use crate::domain::profile::{
    ExperienceEntry, FieldId, LanguageEntry, LanguageLevel, ProfileDraft, ReferenceEntry,
    SkillEntry, LANGUAGES,
};
use crate::ui::labels::field_text;
use crate::ui::text::current_lang;
use crate::ui::text::directory::{language_level_label, language_name};

/// A list of entries with add and remove buttons; rows are redrawn only when the number
/// of entries changes (their inputs follow the draft).
#[component]
fn ListField<R, V>(
    field: FieldId,
    len: fn(&ProfileDraft) -> usize,
    add: fn(&mut ProfileDraft),
    remove: fn(&mut ProfileDraft, usize),
    row: R,
) -> impl IntoView
where
    R: Fn(usize) -> V + Copy + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let ctx = super::ctx();
    let count = Memo::new(move |_| ctx.draft.with(len));
    let hint = field_text(field).1;
    view! {
        <fieldset class="field list" id=format!("champ-{}", field.slug()) data-testid=format!("list-{}", field.slug())>
            <legend><FieldLabel field for_id=""/></legend>
            {(!hint.is_empty()).then(|| view! { <p class="field__hint">{hint}</p> })}
            {move || (0..count.get()).map(|i| {
                let message = problem(ctx, field, Some(i));
                view! {
                    <div class="list__row" class:field--invalid=move || message().is_some()>
                        {row(i)}
                        <button type="button" class="button button--ghost"
                            on:click=move |_| ctx.draft.update(|d| remove(d, i))>{tr!(profile.remove)}</button>
                        <p class="field__error" role="alert">{message}</p>
                    </div>
                }
            }).collect_view()}
            <button type="button" class="button button--ghost" data-testid=format!("add-{}", field.slug())
                on:click=move |_| ctx.draft.update(add)>{tr!(profile.add)}</button>
        </fieldset>
    }
}

/// One input of entry `i` of a list.
#[component]
fn EntryInput(
    label: &'static str,
    name: &'static str,
    index: usize,
    get: fn(&ProfileDraft, usize) -> Option<String>,
    set: fn(&mut ProfileDraft, usize, String),
    #[prop(default = "text")] kind: &'static str,
) -> impl IntoView {
    let ctx = super::ctx();
    view! {
        <label class="list__input">
            <span>{label}</span>
            <input type=kind name=format!("{name}-{index}")
                prop:value=move || ctx.draft.with(|d| get(d, index).unwrap_or_default())
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    ctx.draft.update(|d| set(d, index, v));
                }/>
        </label>
    }
}

/// A select of entry `i` of a list, with `(value, label)` options.
#[component]
fn EntrySelect(
    label: &'static str,
    name: &'static str,
    index: usize,
    options: Signal<Vec<(String, String)>>,
    get: fn(&ProfileDraft, usize) -> Option<String>,
    set: fn(&mut ProfileDraft, usize, String),
) -> impl IntoView {
    let ctx = super::ctx();
    let current = move || ctx.draft.with(|d| get(d, index).unwrap_or_default());
    view! {
        <label class="list__input">
            <span>{label}</span>
            <select name=format!("{name}-{index}") prop:value=current
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    ctx.draft.update(|d| set(d, index, v));
                }>
                <option value="">"—"</option>
                {move || options.get().into_iter().map(|(value, text)| {
                    let selected = current() == value;
                    view! { <option value=value selected=selected>{text}</option> }
                }).collect_view()}
            </select>
        </label>
    }
}

macro_rules! entry {
    ($list:ident, $field:ident) => {
        (
            |d: &ProfileDraft, i: usize| d.$list.get(i).map(|e| e.$field.clone()),
            |d: &mut ProfileDraft, i: usize, v: String| {
                if let Some(e) = d.$list.get_mut(i) {
                    e.$field = v;
                }
            },
        )
    };
}

#[component]
pub fn Languages() -> impl IntoView {
    let languages = Signal::derive(|| {
        LANGUAGES
            .iter()
            .map(|c| (c.to_string(), language_name(current_lang(), c).to_string()))
            .collect()
    });
    let levels = Signal::derive(|| {
        LanguageLevel::ALL
            .into_iter()
            .map(|l| {
                (
                    format!("{l:?}"),
                    language_level_label(current_lang(), l).to_string(),
                )
            })
            .collect()
    });
    view! {
        <ListField field=FieldId::Languages
            len=|d| d.languages.len()
            add=|d| d.languages.push(LanguageEntry { code: String::new(), level: "C1".into() })
            remove=|d, i| { d.languages.remove(i); }
            row=move |i| {
                let (get_code, set_code) = entry!(languages, code);
                let (get_level, set_level) = entry!(languages, level);
                view! {
                    <EntrySelect label=tr!(profile.entry.language) name="language" index=i options=languages get=get_code set=set_code/>
                    <EntrySelect label=tr!(profile.entry.language_level) name="language-level" index=i options=levels get=get_level set=set_level/>
                }
            }/>
    }
}

#[component]
pub fn Skills() -> impl IntoView {
    let ctx = super::ctx();
    // Skills of the domains ticked, live; a hidden skill only where the draft holds it.
    let options = Signal::derive(move || {
        ctx.draft.with(|draft| {
            let holds = |slug: &str| draft.skills.iter().any(|s| s.slug == slug);
            ctx.refs.with_value(|r| {
                r.domains
                    .iter()
                    .filter(|d| draft.domains.contains(&d.slug))
                    .flat_map(|d| d.offered_skills(holds))
                    .collect()
            })
        })
    });
    view! {
        <ListField field=FieldId::Skills
            len=|d| d.skills.len()
            add=|d| d.skills.push(SkillEntry::default())
            remove=|d, i| { d.skills.remove(i); }
            row=move |i| {
                let (get_slug, set_slug) = entry!(skills, slug);
                let (get_years, set_years) = entry!(skills, years);
                view! {
                    <EntrySelect label=tr!(profile.entry.skill) name="skill" index=i options get=get_slug set=set_slug/>
                    <EntryInput label=tr!(profile.entry.skill_years) name="skill-years" index=i kind="number" get=get_years set=set_years/>
                }
            }/>
    }
}

#[component]
pub fn Experiences() -> impl IntoView {
    view! {
        <ListField field=FieldId::Experiences
            len=|d| d.experiences.len()
            add=|d| d.experiences.push(ExperienceEntry::default())
            remove=|d, i| { d.experiences.remove(i); }
            row=|i| {
                let (gt, st) = entry!(experiences, title);
                let (gs, ss) = entry!(experiences, sector);
                let (gb, sb) = entry!(experiences, started_on);
                let (ge, se) = entry!(experiences, ended_on);
                let (gd, sd) = entry!(experiences, description);
                view! {
                    <EntryInput label=tr!(profile.entry.mission) name="experience-title" index=i get=gt set=st/>
                    <EntryInput label=tr!(profile.entry.sector) name="experience-sector" index=i get=gs set=ss/>
                    <EntryInput label=tr!(profile.entry.start) name="experience-start" index=i kind="date" get=gb set=sb/>
                    <EntryInput label=tr!(profile.entry.end) name="experience-end" index=i kind="date" get=ge set=se/>
                    <EntryInput label=tr!(profile.entry.description) name="experience-description" index=i get=gd set=sd/>
                }
            }/>
    }
}

#[component]
pub fn References() -> impl IntoView {
    view! {
        <ListField field=FieldId::References
            len=|d| d.references.len()
            add=|d| d.references.push(ReferenceEntry::default())
            remove=|d, i| { d.references.remove(i); }
            row=|i| {
                let (gn, sn) = entry!(references, name);
                let (gc, sc) = entry!(references, company);
                let (gk, sk) = entry!(references, contact);
                view! {
                    <EntryInput label=tr!(profile.entry.name) name="reference-name" index=i get=gn set=sn/>
                    <EntryInput label=tr!(profile.entry.company) name="reference-company" index=i get=gc set=sc/>
                    <EntryInput label=tr!(profile.entry.contact) name="reference-contact" index=i get=gk set=sk/>
                }
            }/>
    }
}
