//! The client's project wizard: steps with a progress indicator, checks as the client
//! types, the draft saved on the server (resumable on another device), a review step.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::ui::components::form::{ErrorNotice, TextField};

use crate::api::project::ProjectSaveDraft;
use crate::domain::id::ProjectId;
use crate::domain::profile::{LanguageEntry, LanguageLevel, ProfileLevel};
use crate::domain::project::{
    BudgetMode, ContactFormat, ProjectDraft, ProjectProblem, Step, WizardData,
};
use crate::domain::reference::ReferenceData;
use crate::ui::components::autosave::{autosave, SaveIndicator};
use crate::ui::components::kit::StepIndicator;
use crate::ui::text::current_lang;
use crate::ui::text::directory::{language_level_label, languages, level_label};
use crate::ui::text::project::{contact_format_label, euros_excl_vat, step_label};
use review::Review;

mod review;

#[derive(Clone, Copy)]
struct Wizard {
    draft: RwSignal<ProjectDraft>,
    step: RwSignal<usize>,
    refs: StoredValue<ReferenceData>,
    /// Steps the client tried to leave: their empty required fields are shown too.
    tried: RwSignal<Vec<usize>>,
    today: NaiveDate,
    /// The open project these answers will replace.
    edits: Option<ProjectId>,
}

impl Wizard {
    fn problems(self, step: Step) -> Vec<ProjectProblem> {
        let strict = self.tried.with(|t| t.contains(&step.index()));
        self.draft.with(|d| {
            self.refs
                .with_value(|r| d.problems(step, r, self.today, strict))
        })
    }

    fn message(self, step: Step, field: &'static str) -> impl Fn() -> Option<String> + Copy {
        move || {
            self.problems(step)
                .into_iter()
                .find(|p| p.field == field)
                .map(|p| p.problem.text(crate::ui::text::current_lang()))
        }
    }
}

#[component]
pub fn WizardLoader(data: Resource<Result<WizardData, crate::error::AppError>>) -> impl IntoView {
    view! {
        <Transition fallback=|| view! { <p>{tr!(projects.loading)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(data) => view! { <WizardForm data/> }.into_any(),
                    Err(err) => view! { <ErrorNotice message=err.to_string()/> }.into_any(),
                }
            })}
        </Transition>
    }
}

type GetField = fn(&ProjectDraft) -> &String;
type SetField = fn(&mut ProjectDraft, String);

#[component]
fn Input(
    step: Step,
    field: &'static str,
    label: &'static str,
    get: GetField,
    set: SetField,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] multiline: bool,
) -> impl IntoView {
    let w = expect_context::<Wizard>();
    let message = w.message(step, field);
    let id = format!("projet-{field}");
    view! {
        <TextField
            id=id.clone()
            label=view! { <label for=id>{label}</label> }.into_any()
            value=Some(Signal::derive(move || w.draft.with(|d| get(d).clone())))
            kind=kind
            multiline=multiline
            message=Signal::derive(message)
            on_input=Callback::new(move |v| w.draft.update(|d| set(d, v)))
        />
    }
}

/// Check boxes bound to a list of the draft (skill slugs, contact formats); each option
/// is a value and its label, the value's form being its code.
#[component]
fn Checks<T>(
    legend: &'static str,
    options: Signal<Vec<(T, String)>>,
    get: fn(&ProjectDraft) -> &Vec<T>,
    set: fn(&mut ProjectDraft) -> &mut Vec<T>,
    name: &'static str,
    /// A list this one excludes: ticking an option here unticks it there (a skill is
    /// required or optional, not both).
    #[prop(optional)]
    exclusive_of: Option<fn(&mut ProjectDraft) -> &mut Vec<T>>,
) -> impl IntoView
where
    T: AsRef<str> + Clone + PartialEq + Send + Sync + 'static,
{
    let w = expect_context::<Wizard>();
    view! {
        <fieldset class="checks" data-testid=format!("checks-{name}")>
            <legend>{legend}</legend>
            {move || options.get().into_iter().map(|(value, label)| {
                let code = value.as_ref().to_string();
                let v1 = value.clone();
                let v2 = value.clone();
                view! {
                    <label class="check">
                        <input type="checkbox" name=name value=code
                            prop:checked=move || w.draft.with(|d| get(d).contains(&v1))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                let v = v2.clone();
                                w.draft.update(|d| {
                                    if let (true, Some(other)) = (on, exclusive_of) {
                                        other(d).retain(|x| *x != v);
                                    }
                                    let list = set(d);
                                    list.retain(|x| *x != v);
                                    if on { list.push(v); }
                                });
                            }/>
                        {label}
                    </label>
                }
            }).collect_view()}
        </fieldset>
    }
}

#[component]
fn WizardForm(data: WizardData) -> impl IntoView {
    let w = Wizard {
        draft: RwSignal::new(data.draft),
        step: RwSignal::new(data.step),
        refs: StoredValue::new(data.refs),
        tried: RwSignal::new(Vec::new()),
        today: NaiveDate::parse_from_str(&data.today, "%Y-%m-%d").unwrap_or_default(),
        edits: data.edits,
    };
    provide_context(w);
    let id = data.id;
    let state = Signal::derive(move || (w.step.get(), w.draft.get()));
    let status = autosave(
        state,
        move |(step, draft)| ProjectSaveDraft {
            id,
            step,
            draft,
            edits: w.edits,
        },
        |()| (),
    );
    let go = move |to: usize| {
        let from = w.step.get_untracked();
        if to > from {
            w.tried.update(|t| t.push(from));
            if !w.problems(Step::from_index(from)).is_empty() {
                return;
            }
        }
        w.step.set(to.min(Step::ALL.len() - 1));
    };
    view! {
        <StepIndicator testid="wizard-steps" current=w.step.into()
            steps=Step::ALL.into_iter().map(|s| step_label(current_lang(), s).to_string()).collect()/>
        <SaveIndicator status/>
        <form class="wizard editor__form" on:submit=|ev| ev.prevent_default() data-testid="wizard">
            {move || match Step::from_index(w.step.get()) {
                Step::Basics => view! { <Basics/> }.into_any(),
                Step::Profile => view! { <Profile/> }.into_any(),
                Step::PlaceAndDates => view! { <PlaceAndDates/> }.into_any(),
                Step::Budget => view! { <Budget/> }.into_any(),
                Step::Contact => view! { <Contact/> }.into_any(),
                Step::Review => view! { <Review id/> }.into_any(),
            }}
            <div class="wizard__nav">
                {move || (w.step.get() > 0).then(|| view! {
                    <button type="button" class="button button--ghost" on:click=move |_| go(w.step.get_untracked() - 1)>{tr!(projects.previous)}</button>
                })}
                {move || (w.step.get() + 1 < Step::ALL.len()).then(|| view! {
                    <button type="button" class="button" data-testid="wizard-next" on:click=move |_| go(w.step.get_untracked() + 1)>{tr!(projects.next)}</button>
                })}
            </div>
        </form>
    }
}

#[component]
fn Basics() -> impl IntoView {
    let w = expect_context::<Wizard>();
    let domains = w.refs.with_value(|r| {
        r.domains
            .iter()
            .map(|d| (d.slug.clone(), d.label.clone()))
            .collect::<Vec<_>>()
    });
    let message = w.message(Step::Basics, "domain");
    view! {
        <h2>{step_label(current_lang(), Step::Basics)}</h2>
        <Input step=Step::Basics field="title" label=tr!(projects.field_title) get=|d| &d.title set=|d, v| d.title = v/>
        <Input step=Step::Basics field="description" label=tr!(projects.field_description) multiline=true get=|d| &d.description set=|d, v| d.description = v/>
        <div class="field" class:field--invalid=move || message().is_some()>
            <label for="projet-domain">{tr!(projects.field_domain)}</label>
            <select id="projet-domain" prop:value=move || w.draft.with(|d| d.domain.clone())
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    w.draft.update(|d| {
                        if d.domain != v {
                            d.required_skills.clear();
                            d.optional_skills.clear();
                        }
                        d.domain = v;
                    });
                }>
                <option value="">"—"</option>
                {domains.into_iter().map(|(slug, label)| {
                    let selected = w.draft.with_untracked(|d| d.domain == slug);
                    view! { <option value=slug selected=selected>{label}</option> }
                }).collect_view()}
            </select>
            <p class="field__error" role="alert">{message}</p>
        </div>
    }
}

#[component]
fn Profile() -> impl IntoView {
    let w = expect_context::<Wizard>();
    // A hidden skill only where the draft holds it.
    let skills = Signal::derive(move || {
        w.draft.with(|draft| {
            let holds = |slug: &str| {
                draft
                    .required_skills
                    .iter()
                    .chain(&draft.optional_skills)
                    .any(|s| s == slug)
            };
            w.refs.with_value(|r| {
                r.domains
                    .iter()
                    .find(|d| d.slug == draft.domain)
                    .map(|d| d.offered_skills(holds))
                    .unwrap_or_default()
            })
        })
    });
    let message = w.message(Step::Profile, "required_skills");
    let rows = move || w.draft.with(|d| d.languages.len());
    let lang = current_lang();
    view! {
        <h2>{step_label(lang, Step::Profile)}</h2>
        <Checks legend=tr!(projects.required_skills) name="required" options=skills get=|d| &d.required_skills set=|d| &mut d.required_skills
            exclusive_of=|d| &mut d.optional_skills/>
        <p class="field__error" role="alert">{message}</p>
        <Checks legend=tr!(projects.optional_skills) name="optional" options=skills get=|d| &d.optional_skills set=|d| &mut d.optional_skills
            exclusive_of=|d| &mut d.required_skills/>
        <div class="field">
            <label for="projet-level">{tr!(projects.level)}</label>
            <select id="projet-level" prop:value=move || w.draft.with(|d| d.level.clone())
                on:change=move |ev| { let v = event_target_value(&ev); w.draft.update(|d| d.level = v); }>
                <option value="">{tr!(projects.any_level_option)}</option>
                {ProfileLevel::ALL.into_iter().map(|l| view! {
                    <option value=l.slug() selected=w.draft.with_untracked(|d| d.level == l.slug())>{level_label(lang, l)}</option>
                }).collect_view()}
            </select>
        </div>
        <fieldset class="list">
            <legend>{tr!(projects.languages_legend)}</legend>
            {move || (0..rows()).map(|i| view! {
                <div class="list__row">
                    <select name=format!("language-{i}") prop:value=move || w.draft.with(|d| d.languages.get(i).map(|l| l.code.clone()).unwrap_or_default())
                        on:change=move |ev| { let v = event_target_value(&ev); w.draft.update(|d| if let Some(l) = d.languages.get_mut(i) { l.code = v; }); }>
                        <option value="">"—"</option>
                        {languages(lang).into_iter().map(|(c, n)| view! { <option value=c>{n}</option> }).collect_view()}
                    </select>
                    <select name=format!("language-level-{i}") prop:value=move || w.draft.with(|d| d.languages.get(i).map(|l| l.level.clone()).unwrap_or_default())
                        on:change=move |ev| { let v = event_target_value(&ev); w.draft.update(|d| if let Some(l) = d.languages.get_mut(i) { l.level = v; }); }>
                        {LanguageLevel::ALL.into_iter().map(|l| view! { <option value=format!("{l:?}")>{language_level_label(lang, l)}</option> }).collect_view()}
                    </select>
                    <button type="button" class="button button--ghost" on:click=move |_| w.draft.update(|d| { if i < d.languages.len() { d.languages.remove(i); } })>{tr!(projects.remove)}</button>
                </div>
            }).collect_view()}
            <button type="button" class="button button--ghost" on:click=move |_| w.draft.update(|d| d.languages.push(LanguageEntry { code: String::new(), level: "B2".into() }))>{tr!(projects.add_language)}</button>
        </fieldset>
    }
}

#[component]
fn PlaceAndDates() -> impl IntoView {
    let w = expect_context::<Wizard>();
    view! {
        <h2>{step_label(current_lang(), Step::PlaceAndDates)}</h2>
        <label class="check">
            <input type="checkbox" id="projet-remote" prop:checked=move || w.draft.with(|d| d.remote)
                on:change=move |ev| { let on = event_target_checked(&ev); w.draft.update(|d| d.remote = on); }/>
            {tr!(projects.remote)}
        </label>
        <Input step=Step::PlaceAndDates field="places" label=tr!(projects.places) get=|d| &d.places set=|d, v| d.places = v/>
        <Input step=Step::PlaceAndDates field="start_date" label=tr!(projects.start_date) kind="date" get=|d| &d.start_date set=|d, v| d.start_date = v/>
        <Input step=Step::PlaceAndDates field="duration_days" label=tr!(projects.duration) kind="number" get=|d| &d.duration_days set=|d, v| d.duration_days = v/>
    }
}

#[component]
fn Budget() -> impl IntoView {
    let w = expect_context::<Wizard>();
    let daily = move || w.draft.with(|d| d.budget_mode == BudgetMode::Daily);
    let mode = move |m: BudgetMode| move |_| w.draft.update(|d| d.budget_mode = m);
    let lang = current_lang();
    let total = move || {
        w.draft.with(|d| {
            let total = d
                .total_budget()
                .map(|t| euros_excl_vat(lang, t))
                .unwrap_or_else(|| tr_in!(lang, projects.budget_to_be_set).into());
            let max = d
                .max_daily_rate()
                .map(|r| euros_excl_vat(lang, r))
                .unwrap_or_else(|| tr_in!(lang, projects.max_rate_unknown).into());
            tr_in!(lang, projects.budget_summary, total = total, max = max).to_string()
        })
    };
    view! {
        <h2>{step_label(lang, Step::Budget)}</h2>
        <fieldset class="checks">
            <label class="check"><input type="radio" name="budget_mode" id="projet-mode-global" prop:checked=move || !daily() on:change=mode(BudgetMode::Global)/>{tr!(projects.mode_global)}</label>
            <label class="check"><input type="radio" name="budget_mode" id="projet-mode-daily" prop:checked=daily on:change=mode(BudgetMode::Daily)/>{tr!(projects.mode_daily)}</label>
        </fieldset>
        {move || if daily() {
            view! {
                <Input step=Step::Budget field="daily_rate" label=tr!(projects.daily_rate) get=|d| &d.daily_rate set=|d, v| d.daily_rate = v/>
                <Input step=Step::Budget field="days" label=tr!(projects.days) kind="number" get=|d| &d.days set=|d, v| d.days = v/>
            }.into_any()
        } else {
            view! {
                <Input step=Step::Budget field="budget" label=tr!(projects.budget) get=|d| &d.budget set=|d, v| d.budget = v/>
            }.into_any()
        }}
        <p class="notice" data-testid="budget-total">{total}</p>
    }
}

#[component]
fn Contact() -> impl IntoView {
    let w = expect_context::<Wizard>();
    let lang = current_lang();
    let formats = Signal::derive(move || {
        ContactFormat::ALL
            .into_iter()
            .map(|f| (f, contact_format_label(lang, f).to_string()))
            .collect()
    });
    let message = w.message(Step::Contact, "contact_formats");
    view! {
        <h2>{step_label(lang, Step::Contact)}</h2>
        <Checks legend=tr!(projects.formats_legend) name="formats" options=formats get=|d| &d.contact_formats set=|d| &mut d.contact_formats/>
        <p class="field__error" role="alert">{message}</p>
        <label class="check">
            <input type="checkbox" id="projet-confidential" prop:checked=move || w.draft.with(|d| d.confidential)
                on:change=move |ev| { let on = event_target_checked(&ev); w.draft.update(|d| d.confidential = on); }/>
            {tr!(projects.confidential_check)}
        </label>
    }
}
