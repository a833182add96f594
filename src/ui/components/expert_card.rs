use leptos::prelude::*;

use crate::domain::profile::PublicCard;
use crate::ui::text::current_lang;
use crate::ui::text::directory::{language_level_label, language_name, level_label};

/// The partial card anyone may see.
#[component]
pub fn ExpertCard(card: PublicCard, #[prop(optional)] full: bool) -> impl IntoView {
    let lang = current_lang();
    let initial = card.first_name.chars().next().unwrap_or('?').to_string();
    // A département's name is a proper noun, the same in every language: marked so.
    let departement = card.departement.as_ref().map_or_else(
        || tr!(directory.departement_unknown).into_any(),
        |d| view! { <span translate="no">{tr!(directory.departement, code = d, name = d.name()).to_string()}</span> }.into_any(),
    );
    let languages = card
        .languages
        .iter()
        .map(|l| {
            format!(
                "{} · {}",
                language_name(lang, &l.code),
                language_level_label(lang, l.level)
            )
        })
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <article class="card expert-card" data-testid="expert-card">
            <div class="expert-card__head">
                {match card.photo_url.clone() {
                    Some(src) => view! { <img class="avatar" src=src alt="" width="56" height="56"/> }.into_any(),
                    None if card.demo => view! { <DemoPortrait seed=card.first_name.clone()/> }.into_any(),
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

/// A drawn portrait for a demonstration profile (they have no photo, and a wall of
/// initials reads as an empty product). Drawn, not photographic: with the demo badge it
/// cannot pass for a real person. The same name always gives the same drawing.
#[component]
fn DemoPortrait(seed: String) -> impl IntoView {
    const BACKGROUNDS: [&str; 6] = [
        "#d3e5f9", "#fde2c4", "#d8f0df", "#ead9f5", "#fbd5d5", "#e3e8ef",
    ];
    const SKINS: [&str; 5] = ["#f5d0b0", "#e8b48f", "#c98b62", "#a0663f", "#6f4429"];
    const HAIRS: [&str; 5] = ["#2b2118", "#5a3a22", "#a86b32", "#d9b26f", "#8c8c8c"];
    let hash = seed.bytes().fold(2_166_136_261u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(16_777_619)
    });
    let pick = |list: &[&'static str], shift: u32| list[(hash >> shift) as usize % list.len()];
    let (background, skin, hair) = (pick(&BACKGROUNDS, 0), pick(&SKINS, 8), pick(&HAIRS, 16));
    let long_hair = (hash >> 24) % 2 == 0;
    view! {
        <svg class="avatar avatar--demo" viewBox="0 0 56 56" width="56" height="56" aria-hidden="true" data-testid="demo-portrait">
            <rect width="56" height="56" fill=background/>
            {long_hair.then(|| view! { <path d="M14 30c0-12 6-19 14-19s14 7 14 19v14H14z" fill=hair/> })}
            <path d="M10 56c2-11 9-16 18-16s16 5 18 16z" fill="#0f5fa8"/>
            <rect x="24" y="31" width="8" height="10" rx="3" fill=skin/>
            <circle cx="28" cy="24" r="10" fill=skin/>
            <path d="M18 23c0-7 4-11 10-11s10 4 10 11c-3-4-7-6-10-6s-7 2-10 6z" fill=hair/>
        </svg>
    }
}
