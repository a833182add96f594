//! The full dossier, for those allowed to see it (the expert, admins, clients to whom the
//! profile was proposed). Used by the editor's preview, the review page and clients.

use leptos::prelude::*;

use crate::domain::profile::{FieldId, FullDossier};
use crate::ui::components::expert_card::ExpertCard;
use crate::ui::labels::field_text;

fn row(field: FieldId, value: String) -> impl IntoView {
    let label = field_text(field).0;
    let empty = value.trim().is_empty();
    view! {
        <div class="dossier__row" data-field=field.slug()>
            <dt>{label}</dt>
            <dd class:muted=empty>{if empty { tr!(profile.dossier.not_given).to_string() } else { value }}</dd>
        </div>
    }
}

#[component]
pub fn DossierView(dossier: FullDossier) -> impl IntoView {
    let d = dossier;
    let rate = d
        .daily_rate
        .map(|r| {
            tr!(
                profile.dossier.rate,
                amount = crate::ui::format::money_fr(r)
            )
            .to_string()
        })
        .unwrap_or_default();
    let available = d
        .available_from
        .map(|a| a.format("%d/%m/%Y").to_string())
        .unwrap_or_default();
    let mut places = d.mobility.join(", ");
    if d.remote_ok {
        places = if places.is_empty() {
            tr!(profile.dossier.remote).to_string()
        } else {
            tr!(profile.dossier.places_and_remote, places = places).to_string()
        };
    }
    let issued = d
        .attestation_issued_on
        .map(|a| tr!(profile.dossier.issued_on, date = a.format("%d/%m/%Y")).to_string())
        .unwrap_or_default();
    view! {
        <div class="dossier" data-testid="dossier">
            <ExpertCard card=d.card.clone() full=true/>
            <dl class="dossier__fields">
                {row(FieldId::LastName, d.last_name.clone())}
                <div class="dossier__row" data-field="email"><dt>{tr!(profile.dossier.email)}</dt><dd>{d.email.clone()}</dd></div>
                {row(FieldId::Phone, d.phone.clone())}
                {row(FieldId::PostalAddress, d.postal_address.clone())}
                {row(FieldId::LegalForm, d.legal_form.clone())}
                {row(FieldId::Siret, d.siret.clone())}
                {row(FieldId::VatNumber, d.vat_number.clone())}
                {row(FieldId::YearsExperience, tr!(profile.dossier.years, years = d.years_experience).to_string())}
                {row(FieldId::DailyRate, rate)}
                {row(FieldId::AvailableFrom, available)}
                {row(FieldId::Mobility, places)}
            </dl>
            <h4>{field_text(FieldId::Skills).0}</h4>
            <ul class="tags" data-testid="dossier-skills">
                {d.skills.iter().map(|(label, years)| {
                    let years = years.map(|y| format!(" · {}", tr!(profile.dossier.years, years = y))).unwrap_or_default();
                    view! { <li class="tag">{format!("{label}{years}")}</li> }
                }).collect_view()}
            </ul>
            <h4>{field_text(FieldId::Experiences).0}</h4>
            <ul class="dossier__list">
                {d.experiences.iter().map(|e| view! {
                    <li>
                        <span translate="no"><strong>{e.title.clone()}</strong> " — " {e.sector.clone()}</span>
                        <span class="muted">{format!(" ({} → {})", e.started_on, if e.ended_on.is_empty() { tr!(profile.dossier.ongoing) } else { &e.ended_on })}</span>
                        <p translate="no">{e.description.clone()}</p>
                    </li>
                }).collect_view()}
            </ul>
            <h4>{field_text(FieldId::References).0}</h4>
            <ul class="dossier__list">
                {d.references.iter().map(|r| view! {
                    <li translate="no">{format!("{} ({}) — {}", r.name, r.company, r.contact)}</li>
                }).collect_view()}
            </ul>
            <h4>{tr!(profile.dossier.documents)}</h4>
            <ul class="dossier__list">
                <li>{tr!(profile.dossier.document, name = field_text(FieldId::Cv).0).to_string()}
                    {match d.cv_url.clone() {
                        Some(href) => view! { <a href=href target="_blank" data-testid="dossier-cv">{tr!(profile.dossier.open_pdf)}</a> }.into_any(),
                        None => view! { <span class="muted">{tr!(profile.dossier.cv_missing)}</span> }.into_any(),
                    }}
                </li>
                <li>{tr!(profile.dossier.document, name = field_text(FieldId::Attestation).0).to_string()}
                    {match d.attestation_url.clone() {
                        Some(href) => view! { <a href=href target="_blank" data-testid="dossier-attestation">{tr!(profile.dossier.open_pdf)}</a> }.into_any(),
                        None => view! { <span class="muted">{tr!(profile.dossier.attestation_missing)}</span> }.into_any(),
                    }}
                    " " {issued}
                </li>
            </ul>
        </div>
    }
}
