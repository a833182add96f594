use leptos::prelude::*;

use crate::domain::profile::PublicCard;
use crate::ui::text::current_lang;
use crate::ui::text::directory::{language_level_label, language_name, level_label};

/// The partial card anyone may see.
#[component]
pub fn ExpertCard(card: PublicCard, #[prop(optional)] full: bool) -> impl IntoView {
    let lang = current_lang();
    let initial = card.first_name.chars().next().unwrap_or('?').to_string();
    let departement = card.departement.as_ref().map_or_else(
        || tr!(directory.departement_unknown).to_string(),
        |d| tr!(directory.departement, code = d).to_string(),
    );
    let languages = card
        .languages
        .iter()
        .map(|l| {
            format!(
                "{} ({})",
                language_name(lang, &l.code),
                language_level_label(lang, l.level)
            )
        })
        .collect::<Vec<_>>()
        .join(" · ");
    view! {
        <article class="card expert-card" data-testid="expert-card">
            <div class="expert-card__head">
                {match card.photo_url.clone() {
                    Some(src) => view! { <img class="avatar" src=src alt=""/> }.into_any(),
                    None => view! { <span class="avatar avatar--initial" aria-hidden="true">{initial}</span> }.into_any(),
                }}
                <div>
                    <h3>
                        {match card.id.filter(|_| !full) {
                            Some(id) => view! { <a href=format!("/experts/{id}") data-testid="card-name" translate="no">{card.first_name.clone()}</a> }.into_any(),
                            None => view! { <span data-testid="card-name" translate="no">{card.first_name.clone()}</span> }.into_any(),
                        }}
                    </h3>
                    <p class="muted">
                        {departement} " · " <span data-testid="card-level">{level_label(lang, card.level)}</span>
                    </p>
                </div>
                {card.demo.then(|| view! { <span class="tag tag--demo" title=tr!(directory.demo_title)>{tr!(directory.demo)}</span> })}
            </div>
            <ul class="tags">{card.domains.iter().map(|d| view! { <li class="tag">{d.clone()}</li> }).collect_view()}</ul>
            <p class="muted">{languages}</p>
            {(full && !card.education.is_empty()).then(|| view! {
                <h4>{tr!(directory.education)}</h4>
                <ul translate="no">{card.education.iter().map(|e| view! { <li>{e.clone()}</li> }).collect_view()}</ul>
            })}
        </article>
    }
}
