//! The hard bound on a wizard draft's size, checked before it is stored.

use super::ProjectDraft;
use crate::domain::dossier::LanguageEntry;

/// The longest stored value of a short field of the wizard (a date, an amount, a slug).
const SHORT: usize = 100;

impl ProjectDraft {
    /// Refuses, before it is stored, a draft with a text or a list far beyond anything
    /// the wizard produces (what is merely invalid is kept, for the client to fix).
    /// `Err` is the French message. Every field is named here (the pattern is
    /// exhaustive), so that a field added to the draft cannot be left unbounded.
    pub fn check_size(&self) -> Result<(), String> {
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
            budget_mode,
            budget,
            daily_rate,
            days,
            contact_formats,
            confidential: _,
        } = self;
        let lists = [
            (
                "Compétences",
                required_skills.len() + optional_skills.len(),
                60,
            ),
            ("Langues", languages.len(), 20),
            ("Formats d'échange", contact_formats.len(), 8),
        ];
        if let Some((label, _, max)) = lists.into_iter().find(|(_, n, max)| n > max) {
            return Err(format!(
                "« {label} » compte trop d'entrées pour être enregistré : {max} au plus."
            ));
        }
        let mut texts: Vec<(&str, &str, usize)> = vec![
            ("Titre du projet", title, 1000),
            ("Description", description, 20_000),
            ("Domaine", domain, SHORT),
            ("Niveau attendu", level, SHORT),
            ("Départements du lieu de mission", places, 2000),
            ("Date de début", start_date, SHORT),
            ("Durée", duration_days, SHORT),
            ("Mode de budget", budget_mode, SHORT),
            ("Budget global", budget, SHORT),
            ("Tarif journalier", daily_rate, SHORT),
            ("Nombre de jours", days, SHORT),
        ];
        texts.extend(
            required_skills
                .iter()
                .chain(optional_skills)
                .map(|s| ("Compétences", s.as_str(), SHORT)),
        );
        for LanguageEntry { code, level } in languages {
            texts.extend([("Langues", code.as_str(), SHORT), ("Langues", level, SHORT)]);
        }
        texts.extend(
            contact_formats
                .iter()
                .map(|f| ("Formats d'échange", f.as_str(), SHORT)),
        );
        match texts
            .into_iter()
            .find(|(_, text, max)| text.chars().count() > *max)
        {
            Some((label, _, max)) => Err(format!(
                "« {label} » est trop long pour être enregistré : {max} caractères au plus."
            )),
            None => Ok(()),
        }
    }
}
