//! The sentences of a match: each criterion's name and facts, and why an expert is not
//! proposed. The facts come from [`crate::domain::matching`]; only their wording is here.

use crate::domain::lang::Lang;
use crate::domain::matching::{Criterion, Explanation, PlaceFit, Rejection};
use crate::domain::profile::LanguageLevel;
use crate::ui::format::{date_in, money_in};
use crate::ui::text::directory::{language_level_label, language_name, level_label};

pub fn criterion_label(lang: Lang, criterion: Criterion) -> &'static str {
    match criterion {
        Criterion::Skills => tr_in!(lang, matching.criterion_skills),
        Criterion::Level => tr_in!(lang, matching.criterion_level),
        Criterion::Languages => tr_in!(lang, matching.criterion_languages),
        Criterion::Place => tr_in!(lang, matching.criterion_place),
        Criterion::Availability => tr_in!(lang, matching.criterion_availability),
        Criterion::Rate => tr_in!(lang, matching.criterion_rate),
    }
}

/// `65000` → « 650 € », `65050` → « 650,50 € », thousands with a narrow space.
fn euros(lang: Lang, cents: u32) -> String {
    let amount = money_in(
        lang,
        crate::domain::money::Euros::from_cents(i64::from(cents)),
    );
    tr_in!(lang, matching.euros, amount = amount).to_string()
}

/// A short sentence for the facts of one criterion.
pub fn explanation(lang: Lang, detail: &Explanation) -> String {
    let date = |d: &chrono::NaiveDate| date_in(lang, *d);
    match detail {
        Explanation::NotRequested { criterion } => match criterion {
            Criterion::Skills => tr_in!(lang, matching.unstated_skills),
            Criterion::Level => tr_in!(lang, matching.unstated_level),
            Criterion::Languages => tr_in!(lang, matching.unstated_languages),
            Criterion::Rate => tr_in!(lang, matching.unstated_rate),
            Criterion::Place | Criterion::Availability => tr_in!(lang, matching.unstated),
        }
        .to_string(),
        Explanation::Skills {
            required_covered,
            required_total,
            optional_covered,
            optional_total,
            ..
        } => {
            let mut parts = Vec::new();
            if *required_total > 0 {
                parts.push(
                    tr_in!(
                        lang,
                        matching.skills_required,
                        covered = required_covered,
                        total = required_total
                    )
                    .to_string(),
                );
            }
            if *optional_total > 0 {
                parts.push(
                    tr_in!(
                        lang,
                        matching.skills_optional,
                        covered = optional_covered,
                        total = optional_total
                    )
                    .to_string(),
                );
            }
            let parts = parts.join(tr_in!(lang, projects.list_separator));
            tr_in!(lang, matching.skills, parts = parts).to_string()
        }
        Explanation::SkillsUnknown { .. } => tr_in!(lang, matching.skills_unknown).to_string(),
        Explanation::Level {
            expert,
            years,
            wanted,
        } => {
            let (expert, wanted) = (level_label(lang, *expert), level_label(lang, *wanted));
            if *years > 1 {
                tr_in!(
                    lang,
                    matching.level_fit_years,
                    expert = expert,
                    years = years,
                    wanted = wanted
                )
                .to_string()
            } else {
                tr_in!(
                    lang,
                    matching.level_fit_year,
                    expert = expert,
                    years = years,
                    wanted = wanted
                )
                .to_string()
            }
        }
        Explanation::Languages { languages } => languages
            .iter()
            .map(|l| {
                let have = l
                    .have
                    .map_or(tr_in!(lang, matching.language_undeclared), |h| {
                        language_level_label(lang, h)
                    });
                let (language, min) = (
                    language_name(lang, &l.code),
                    language_level_label(lang, l.min),
                );
                tr_in!(
                    lang,
                    matching.language_fit,
                    language = language,
                    have = have,
                    min = min
                )
                .to_string()
            })
            .collect::<Vec<_>>()
            .join(tr_in!(lang, matching.languages_separator)),
        Explanation::Place { fit } => match fit {
            PlaceFit::Home { departement } => {
                tr_in!(lang, matching.place_home, code = departement).to_string()
            }
            PlaceFit::Mobility { departement } => {
                tr_in!(lang, matching.place_mobility, code = departement).to_string()
            }
            PlaceFit::Remote => tr_in!(lang, matching.place_remote).to_string(),
            PlaceFit::RemoteNotAccepted => {
                tr_in!(lang, matching.place_remote_not_accepted).to_string()
            }
            PlaceFit::Outside => tr_in!(lang, matching.place_outside).to_string(),
        },
        Explanation::Availability { from, start, now } => {
            let from_text = date(from);
            let when = if *now {
                tr_in!(lang, matching.available_now, date = from_text).to_string()
            } else {
                tr_in!(lang, matching.available_from, date = from_text).to_string()
            };
            let start_text = date(start);
            if from <= start {
                tr_in!(
                    lang,
                    matching.availability_start,
                    when = when,
                    start = start_text
                )
                .to_string()
            } else {
                tr_in!(
                    lang,
                    matching.availability_late,
                    when = when,
                    start = start_text
                )
                .to_string()
            }
        }
        Explanation::AvailabilityUnknown { start } => {
            let start = date(start);
            tr_in!(lang, matching.availability_unknown, start = start).to_string()
        }
        Explanation::Rate {
            rate_cents,
            max_cents,
        } => {
            let (rate, max) = (euros(lang, *rate_cents), euros(lang, *max_cents));
            if rate_cents > max_cents {
                tr_in!(lang, matching.rate_over, rate = rate, max = max).to_string()
            } else {
                tr_in!(lang, matching.rate, rate = rate, max = max).to_string()
            }
        }
        Explanation::RateUnknown { max_cents } => {
            let max = euros(lang, *max_cents);
            tr_in!(lang, matching.rate_unknown, max = max).to_string()
        }
    }
}

/// Why an expert is not proposed, in one line.
pub fn rejection(lang: Lang, rejection: &Rejection) -> String {
    let date = |d: &chrono::NaiveDate| date_in(lang, *d);
    match rejection {
        Rejection::NotPublished => tr_in!(lang, matching.rejected_not_published).to_string(),
        Rejection::NoAttestation => tr_in!(lang, matching.rejected_no_attestation).to_string(),
        Rejection::AttestationInFuture => {
            tr_in!(lang, matching.rejected_attestation_in_future).to_string()
        }
        Rejection::AttestationExpired { since } => {
            let since = date(since);
            tr_in!(lang, matching.rejected_attestation_expired, date = since).to_string()
        }
        Rejection::DomainMissing => tr_in!(lang, matching.rejected_domain_missing).to_string(),
        Rejection::Language { code, min, have } => {
            let have = have_label(lang, *have);
            let (language, min) = (language_name(lang, code), language_level_label(lang, *min));
            tr_in!(
                lang,
                matching.rejected_language,
                language = language,
                min = min,
                have = have
            )
            .to_string()
        }
        Rejection::NotAvailable { from, start } => {
            let (from, start) = (date(from), date(start));
            tr_in!(
                lang,
                matching.rejected_not_available,
                from = from,
                start = start
            )
            .to_string()
        }
        Rejection::OutOfArea => tr_in!(lang, matching.rejected_out_of_area).to_string(),
    }
}

fn have_label(lang: Lang, have: Option<LanguageLevel>) -> String {
    match have {
        Some(l) => {
            let level = language_level_label(lang, l);
            tr_in!(lang, matching.rejected_language_level, level = level).to_string()
        }
        None => tr_in!(lang, matching.rejected_language_missing).to_string(),
    }
}

#[cfg(test)]
mod tests;
