use leptos::prelude::*;

use crate::domain::profile::{language_name, PublicCard};

/// The partial card anyone may see.
#[component]
pub fn ExpertCard(card: PublicCard, #[prop(optional)] full: bool) -> impl IntoView {
    let initial = card.first_name.chars().next().unwrap_or('?').to_string();
    let href = format!("/experts/{}", card.id);
    view! {
        <article class="card expert-card" data-testid="expert-card">
            <div class="expert-card__head">
                {match card.photo_url.clone() {
                    Some(src) => view! { <img class="avatar" src=src alt=""/> }.into_any(),
                    None => view! { <span class="avatar avatar--initial" aria-hidden="true">{initial}</span> }.into_any(),
                }}
                <div>
                    <h3>
                        {if full {
                            view! { <span data-testid="card-name">{card.first_name.clone()}</span> }.into_any()
                        } else {
                            view! { <a href=href data-testid="card-name">{card.first_name.clone()}</a> }.into_any()
                        }}
                    </h3>
                    <p class="muted">
                        {card.departement.as_ref().map_or_else(
                            || tr!(profile.departement_unknown).to_string(),
                            |d| format!("Département {d}"),
                        )} " · " <span data-testid="card-level">{card.level.label_fr()}</span>
                    </p>
                </div>
                {card.demo.then(|| view! { <span class="tag tag--demo" title="Profil fictif de démonstration">"Démo"</span> })}
            </div>
            <ul class="tags">{card.domains.iter().map(|d| view! { <li class="tag">{d.clone()}</li> }).collect_view()}</ul>
            <p class="muted">
                {card.languages.iter().map(|l| format!("{} ({})", language_name(&l.code), l.level.label_fr())).collect::<Vec<_>>().join(" · ")}
            </p>
            {(full && !card.education.is_empty()).then(|| view! {
                <h4>"Formation"</h4>
                <ul>{card.education.iter().map(|e| view! { <li>{e.clone()}</li> }).collect_view()}</ul>
            })}
        </article>
    }
}
