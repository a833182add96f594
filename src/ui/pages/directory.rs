//! The public directory: filters in the address (linkable, works without JavaScript).

use leptos::prelude::*;

use crate::ui::components::form::ErrorNotice;
use leptos_meta::{Meta, Title};
use leptos_router::components::Form;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::directory::{directory_card, directory_filters, directory_search};
use crate::domain::profile::{DirectoryQuery, ProfileLevel, LANGUAGES};
use crate::ui::components::expert_card::ExpertCard;

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
        <Title text="Annuaire des experts"/>
        <section class="container">
            <h1>"Annuaire des experts"</h1>
            <p>"Cartes publiques des experts dont le dossier a été vérifié. Le reste de chaque profil n'est transmis qu'aux entreprises à qui il est proposé."</p>
            <Filters query/>
            <Transition fallback=|| view! { <p>"Chargement…"</p> }>
                {move || Suspend::new(async move {
                    match results.await {
                        Ok(page) => {
                            let q = query.get_untracked();
                            view! {
                                <p class="muted" data-testid="directory-total">{format!("{} expert(s)", page.total)}</p>
                                <div class="cards">
                                    {page.cards.into_iter().map(|card| view! { <ExpertCard card/> }).collect_view()}
                                </div>
                                <nav class="pagination" aria-label="Pages">
                                    {(page.page > 1).then(|| view! { <a href=q.href(page.page - 1) rel="prev">"← Précédente"</a> })}
                                    <span>{format!("Page {} sur {}", page.page, page.pages.max(1))}</span>
                                    {(page.page < page.pages).then(|| view! { <a href=q.href(page.page + 1) rel="next" data-testid="next-page">"Suivante →"</a> })}
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
                    let (domains, departements) = choices.await.unwrap_or_default();
                    let q = query.get_untracked();
                    let selected = |current: Option<String>, value: &str| current.as_deref() == Some(value);
                    view! {
                        <label>"Domaine"
                            <select name="domaine">
                                <option value="">"Tous"</option>
                                {domains.into_iter().map(|(slug, label)| {
                                    let sel = selected(q.domain.clone(), &slug);
                                    view! { <option value=slug selected=sel>{label}</option> }
                                }).collect_view()}
                            </select>
                        </label>
                        <label>"Département"
                            <select name="departement">
                                <option value="">"Tous"</option>
                                {departements.into_iter().map(|(code, label)| {
                                    let sel = selected(q.departement.as_ref().map(|d| d.to_string()), &code);
                                    view! { <option value=code selected=sel>{label}</option> }
                                }).collect_view()}
                            </select>
                        </label>
                        <label>"Langue"
                            <select name="langue">
                                <option value="">"Toutes"</option>
                                {LANGUAGES.iter().map(|(code, name)| {
                                    let sel = selected(q.language.clone(), code);
                                    view! { <option value=*code selected=sel>{*name}</option> }
                                }).collect_view()}
                            </select>
                        </label>
                        <label>"Niveau"
                            <select name="niveau">
                                <option value="">"Tous"</option>
                                {ProfileLevel::ALL.iter().map(|level| {
                                    let sel = q.level == Some(*level);
                                    view! { <option value=level.slug() selected=sel>{level.label_fr()}</option> }
                                }).collect_view()}
                            </select>
                        </label>
                    }
                })}
            </Transition>
            <button type="submit" class="button">"Filtrer"</button>
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
                            <Title text=format!("{} – expert", card.first_name)/>
                            <Meta name="description" content=format!(
                                "{}, expert en {} sur B2BiZen.",
                                card.first_name,
                                card.domains.join(", "),
                            )/>
                            <ExpertCard card full=true/>
                        }.into_any(),
                        Err(err) => view! { <ErrorNotice message=err.to_string()/> }.into_any(),
                    }
                })}
            </Transition>
            <p><a href="/experts">"← Retour à l'annuaire"</a></p>
        </section>
    }
}
