//! The hard bound on a wizard draft's size, checked before it is stored.

use super::ProjectDraft;
use crate::domain::problem::{Field, Problem, ProjectField as F};
use crate::domain::profile::LanguageEntry;

/// The longest stored value of a short field of the wizard (a date, an amount, a slug).
const SHORT: usize = 100;

impl ProjectDraft {
    /// Refuses, before it is stored, a draft with a text or a list far beyond anything
    /// the wizard produces (what is merely invalid is kept, for the client to fix).
    /// Every field is named here (the pattern is exhaustive), so that a field added to
    /// the draft cannot be left unbounded.
    pub fn check_size(&self) -> Result<(), Problem> {
        let ProjectDraft {
            title,
            description,
            domain,
            required_skills,
            optional_skills,
            level,
            languages,
            remote: _,
            places,
            start_date,
            duration_days,
            budget_mode: _,
            budget,
            daily_rate,
            days,
            contact_formats,
            confidential: _,
        } = self;
        let lists = [
            (F::Skills, required_skills.len() + optional_skills.len(), 60),
            (F::Languages, languages.len(), 20),
            (F::ContactFormats, contact_formats.len(), 8),
        ];
        if let Some((field, _, max)) = lists.into_iter().find(|(_, n, max)| n > max) {
            return Err(Problem::TooManyEntries {
                field: Field::Project(field),
                max,
            });
        }
        let mut texts: Vec<(F, &str, usize)> = vec![
            (F::Title, title, 1000),
            (F::Description, description, 20_000),
            (F::Domain, domain, SHORT),
            (F::Level, level, SHORT),
            (F::Places, places, 2000),
            (F::StartDate, start_date, SHORT),
            (F::Duration, duration_days, SHORT),
            (F::Budget, budget, SHORT),
            (F::DailyRate, daily_rate, SHORT),
            (F::Days, days, SHORT),
        ];
        texts.extend(
            required_skills
                .iter()
                .chain(optional_skills)
                .map(|s| (F::Skills, s.as_str(), SHORT)),
        );
        for LanguageEntry { code, level } in languages {
            texts.extend([
                (F::Languages, code.as_str(), SHORT),
                (F::Languages, level, SHORT),
            ]);
        }
        match texts
            .into_iter()
            .find(|(_, text, max)| text.chars().count() > *max)
        {
            Some((field, _, max)) => Err(Problem::TooLongToStore {
                field: Field::Project(field),
                max,
            }),
            None => Ok(()),
        }
    }
}
