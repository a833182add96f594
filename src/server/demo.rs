//! Demonstration data for the embedded database: clearly marked (`is_demo`, "Démo" on
//! every card, `.demo` e-mail addresses) and loaded only into an empty embedded database.

use sqlx::PgPool;

use crate::domain::account::Role;
use crate::domain::id::{AccountId, ExpertId};
use crate::domain::profile::LanguageLevel;
use crate::domain::review::ExpertStatus;
use crate::error::AppError;

/// The platform as a development server's contracts name it, until `PLATFORM_*` say
/// otherwise (see the configuration in the README).
/// A well-formed IBAN (the French banks' documentation example): development only.
pub const DEMO_IBAN: &str = "FR76 3000 6000 0112 3456 7890 189";
pub const DEMO_BIC: &str = "AGRIFRPP";

pub fn demo_platform() -> crate::domain::contract::ContractParty {
    crate::domain::contract::ContractParty {
        name: "B2BiZen".into(),
        legal_form: "SAS".into(),
        registration: "000 000 000".into(),
        address: "10 rue de la République, 69001 Lyon".into(),
        signatory: "La direction de B2BiZen".into(),
        signatory_role: "Président".into(),
    }
}

const FIRST_NAMES: [&str; 40] = [
    "Camille", "Léa", "Manon", "Chloé", "Inès", "Sarah", "Jade", "Louise", "Emma", "Alice", "Zoé",
    "Juliette", "Anaïs", "Clara", "Margaux", "Lucie", "Nora", "Élodie", "Amandine", "Pauline",
    "Lucas", "Hugo", "Louis", "Gabriel", "Arthur", "Jules", "Nathan", "Théo", "Raphaël", "Maxime",
    "Antoine", "Thomas", "Julien", "Karim", "Mehdi", "Nicolas", "Olivier", "Pierre", "Romain",
    "Yanis",
];
const LAST_NAMES: [&str; 20] = [
    "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy",
    "Moreau", "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux",
    "Vincent", "Fournier",
];
const EDUCATION: [&str; 10] = [
    "Master en management, IAE de Lyon",
    "Diplôme d'ingénieur, INSA Toulouse",
    "Master finance, Université Paris-Dauphine",
    "DSCG",
    "Master droit des affaires, Université de Bordeaux",
    "École de commerce (programme Grande École)",
    "BTS puis licence professionnelle",
    "Doctorat en informatique, Université de Rennes",
    "Master ressources humaines, Université de Lille",
    "Diplôme d'architecte, ENSA Nantes",
];
const OTHER_LANGUAGES: [&str; 6] = ["en", "de", "es", "it", "pt", "ar"];
const LEVELS: [LanguageLevel; 4] = [
    LanguageLevel::B1,
    LanguageLevel::B2,
    LanguageLevel::C1,
    LanguageLevel::C2,
];

/// A small deterministic generator: the same demo data on every machine.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

/// Loads `count` published demo experts when there are no experts at all.
pub async fn seed_if_empty(pool: &PgPool, count: usize) -> Result<usize, AppError> {
    let any: bool = sqlx::query_scalar!(r#"SELECT EXISTS (SELECT 1 FROM experts) AS "any!""#)
        .fetch_one(pool)
        .await?;
    if any {
        return Ok(0);
    }
    let departements: Vec<String> =
        sqlx::query_scalar!("SELECT code FROM departements ORDER BY code")
            .fetch_all(pool)
            .await?;
    let domains: Vec<i16> = sqlx::query_scalar!("SELECT id FROM domains ORDER BY position")
        .fetch_all(pool)
        .await?;
    let mut rng = Lcg(0x0B2B_12E2);
    let mut tx = pool.begin().await?;
    for i in 0..count {
        let first = FIRST_NAMES[rng.next(FIRST_NAMES.len())];
        let last = LAST_NAMES[rng.next(LAST_NAMES.len())];
        // Big cities weigh more, but every département appears.
        let dep = if i < departements.len() {
            departements[i].clone()
        } else {
            ["75", "69", "13", "31", "33", "59", "44", "67", "92", "35"][rng.next(10)].to_string()
        };
        let years = rng.next(31) as i16;
        let rate = 350 + rng.next(85) * 10;
        let id = sqlx::query_scalar!(
            r#"INSERT INTO experts (first_name, last_name, email, departement_code, status, published_at,
                 years_experience, education, daily_rate, available_from, attestation_issued_on, is_demo)
             VALUES ($1, $2, $3, $4, $9, now() - make_interval(days => $5), $6, $7, $8,
                     current_date + $5, current_date - ($5 % 150), true)
             RETURNING id AS "id: ExpertId""#,
            first,
            last,
            format!("{}.{}.{i}@exemple.demo", first.to_lowercase(), last.to_lowercase()),
            &dep,
            i as i32 % 90,
            years,
            &[EDUCATION[rng.next(EDUCATION.len())].to_string()],
            rust_decimal::Decimal::from(rate),
            ExpertStatus::Published as ExpertStatus,
        )
        .fetch_one(&mut *tx)
        .await?;
        let first_domain = rng.next(domains.len());
        let extra = rng.next(3);
        for k in 0..=extra {
            sqlx::query!(
                "INSERT INTO expert_domains (expert_id, domain_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                id as ExpertId,
                domains[(first_domain + k * 5) % domains.len()],
            )
            .execute(&mut *tx)
            .await?;
        }
        sqlx::query!(
            "INSERT INTO expert_skills (expert_id, skill_id, years)
             SELECT $1, id, $2 FROM skills WHERE domain_id = $3 ORDER BY id LIMIT 2",
            id as ExpertId,
            (years / 2).max(1),
            domains[first_domain],
        )
        .execute(&mut *tx)
        .await?;
        sqlx::query!(
            "UPDATE experts SET remote_ok = $2 WHERE id = $1",
            id as ExpertId,
            rng.next(2) == 0,
        )
        .execute(&mut *tx)
        .await?;
        sqlx::query!(
            "INSERT INTO expert_languages (expert_id, code, level) VALUES ($1, 'fr', $4), ($1, $2, $3)",
            id as ExpertId,
            OTHER_LANGUAGES[rng.next(OTHER_LANGUAGES.len())],
            LEVELS[rng.next(LEVELS.len())] as LanguageLevel,
            LanguageLevel::Native as LanguageLevel,
        )
        .execute(&mut *tx)
        .await?;
    }
    for (company, contact) in DEMO_CLIENTS {
        let email = format!(
            "contact@{}.demo",
            crate::domain::reference::slugify(company).unwrap_or_default()
        );
        // No password can match '!': demo clients are shown, never signed in to.
        let account = sqlx::query_scalar!(
            r#"INSERT INTO accounts (email, password_hash, role, display_name, email_verified_at)
             VALUES ($1, '!', $3, $2, now()) RETURNING id AS "id: AccountId""#,
            &email,
            company,
            Role::Client as Role,
        )
        .fetch_one(&mut *tx)
        .await?;
        sqlx::query!(
            "INSERT INTO clients (account_id, company_name, siret, contact_first_name, contact_last_name)
             VALUES ($1, $2, '73282932000074', $3, 'Démo')",
            account as AccountId,
            company,
            contact,
        )
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(count)
}

/// Demo client companies (fictitious, marked by their `.demo` addresses).
const DEMO_CLIENTS: [(&str, &str); 5] = [
    ("Démo Industries du Rhône", "Claire"),
    ("Démo Logistique Atlantique", "Bruno"),
    ("Démo Conseil Occitanie", "Sofia"),
    ("Démo Énergies Nouvelles", "Marc"),
    ("Démo Santé Numérique", "Inès"),
];
