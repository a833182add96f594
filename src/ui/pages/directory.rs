//! The public directory: filters in the address (linkable, works without JavaScript).

use leptos::prelude::*;

use crate::ui::components::icon::Icon;

use crate::ui::components::form::ErrorNotice;
use leptos_meta::{Meta, Title};
use leptos_router::components::Form;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::directory::{directory_card, directory_filters, directory_search};
use crate::domain::profile::{DirectoryQuery, FilterChoices, ProfileLevel};
use crate::ui::components::expert_card::ExpertCard;
use crate::ui::text::current_lang;
use crate::ui::text::directory::{languages, level_label};

#[component]
pub fn DirectoryPage() -> impl IntoView {
    let params = use_query_map();
    let query = Memo::new(move |_| {
        let p = params.read();
        DirectoryQuery::parse(
            p.get_str("domaine"),
            p.get_str("departement"),
            p.get_str("langue"),
            p.get_str("niveau"),
            p.get_str("page"),
        )
    });
    let results = Resource::new(move || query.get(), directory_search);
    view! {
        <Title text=tr!(directory.title)/>
        <section class="container">
            <h1>{tr!(directory.title)}</h1>
            <p>{tr!(directory.lead)}</p>
            // On a phone the filters fold behind one button (open when some are in use);
            // from 48rem they are always shown (style/main.css).
            <details class="filters-fold" open=move || query.with(DirectoryQuery::has_filters)>
                <summary data-testid="filters-button"><Icon icon=Icon::Search/>{tr!(directory.filters)}</summary>
                <Filters query/>
            </details>
            <Transition fallback=|| view! { <p>{tr!(directory.loading)}</p> }>
                {move || Suspend::new(async move {
                    match results.await {
                        Ok(page) => {
                            let q = query.get_untracked();
                            view! {
                                <p class="muted" data-testid="directory-total">{tr!(directory.total, count = page.total).to_string()}</p>
                                <div class="cards">
                                    {page.cards.into_iter().map(|card| view! { <ExpertCard card/> }).collect_view()}
                                </div>
                                <nav class="pagination" aria-label=tr!(directory.pages_label)>
                                    {(page.page > 1).then(|| view! { <a href=q.href(page.page - 1) rel="prev">{tr!(directory.previous)}</a> })}
                                    <span>{tr!(directory.page_of, page = page.page, pages = page.pages.max(1)).to_string()}</span>
                                    {(page.page < page.pages).then(|| view! { <a href=q.href(page.page + 1) rel="next" data-testid="next-page">{tr!(directory.next)}</a> })}
                                </nav>
                            }.into_any()
                        }
                        Err(err) => view! { <ErrorNotice message=err.to_string()/> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn Filters(query: Memo<DirectoryQuery>) -> impl IntoView {
    let choices = Resource::new(|| (), |_| directory_filters());
    view! {
        <Form method="GET" action="/experts" on_form_data=crate::ui::components::form::only_filled() attr:class="filters">
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    let FilterChoices { domains, departements } = choices.await.unwrap_or_default();
                    let q = query.get_untracked();
                    let lang = current_lang();
                    let selected = |current: Option<String>, value: &str| current.as_deref() == Some(value);
                    view! {
                        <label>{tr!(directory.filter_domain)}
                            <select name="domaine">
                                <option value="">{tr!(directory.all_m)}</option>
                                {domains.into_iter().map(|(slug, label)| {
                                    let sel = selected(q.domain.clone(), &slug);
                                    view! { <option value=slug selected=sel>{label}</option> }
                                }).collect_view()}
                            </select>
                        </label>
                        <label>{tr!(directory.filter_departement)}
                            <select name="departement">
                                <option value="">{tr!(directory.all_m)}</option>
                                {departements.into_iter().map(|(code, label)| {
                                    let sel = selected(q.departement.as_ref().map(|d| d.to_string()), &code);
                                    // Place names: not translated.
                                    view! { <option value=code selected=sel translate="no">{label}</option> }
                                }).collect_view()}
                            </select>
                        </label>
                        <label>{tr!(directory.filter_language)}
                            <select name="langue">
                                <option value="">{tr!(directory.all_f)}</option>
                                {languages(lang).into_iter().map(|(code, name)| {
                                    let sel = selected(q.language.clone(), code);
                                    view! { <option value=code selected=sel>{name}</option> }
                                }).collect_view()}
                            </select>
                        </label>
                        <label>{tr!(directory.filter_level)}
                            <select name="niveau">
                                <option value="">{tr!(directory.all_m)}</option>
                                {ProfileLevel::ALL.iter().map(|level| {
                                    let sel = q.level == Some(*level);
                                    view! { <option value=level.slug() selected=sel>{level_label(lang, *level)}</option> }
                                }).collect_view()}
                            </select>
                        </label>
                    }
                })}
            </Transition>
            <button type="submit" class="button">{tr!(directory.filter)}</button>
        </Form>
    }
}

#[component]
pub fn ExpertCardPage() -> impl IntoView {
    let params = use_params_map();
    let card = Resource::new(
        move || params.read().get("id").unwrap_or_default(),
        directory_card,
    );
    view! {
        <section class="container narrow">
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match card.await {
                        Ok(card) => view! {
                            <Title text=tr!(directory.card_title, name = &card.first_name).to_string()/>
                            <Meta name="description" content=tr!(
                                directory.card_description,
                                name = &card.first_name,
                                domains = card.domains.join(tr!(projects.list_separator)),
                            ).to_string()/>
                            <ExpertCard card full=true/>
                            <aside class="card" data-testid="card-cta">
                                <h2>{tr!(directory.cta_title)}</h2>
                                <p>{tr!(directory.cta_body)}</p>
                                <a class="button button--accent" href="/inscription?profil=entreprise">{tr!(directory.cta_action)}</a>
                            </aside>
                        }.into_any(),
                        Err(err) => view! { <ErrorNotice message=err.to_string()/> }.into_any(),
                    }
                })}
            </Transition>
            <a class="back-link" href="/experts"><Icon icon=Icon::ChevronLeft/>{tr!(directory.back)}</a>
        </section>
    }
}
