use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn dep(code: &str) -> DepartementCode {
    DepartementCode::parse(code).unwrap()
}

fn eid(n: u128) -> ExpertId {
    ExpertId::new(uuid::Uuid::from_u128(n))
}

fn pid(n: u128) -> ProjectId {
    ProjectId::new(uuid::Uuid::from_u128(n))
}

use crate::domain::money::Euros;

const TODAY: NaiveDate = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();

fn expert() -> ExpertFacts {
    ExpertFacts {
        id: eid(1),
        published: true,
        attestation_issued_on: Some(d(2026, 10, 1)),
        domains: vec![7],
        skills: vec![
            ExpertSkill {
                skill_id: 25,
                years: Some(5),
            },
            ExpertSkill {
                skill_id: 27,
                years: None,
            },
        ],
        languages: vec![
            Language {
                code: "fr".into(),
                level: LanguageLevel::Native,
            },
            Language {
                code: "en".into(),
                level: LanguageLevel::C1,
            },
        ],
        years_experience: 9,
        departement: dep("69"),
        mobility: vec![dep("42"), dep("38")],
        remote_ok: false,
        available_from: Some(d(2026, 12, 1)),
        daily_rate: Some(Euros::from_cents(65_000)),
    }
}

fn project() -> ProjectCriteria {
    ProjectCriteria {
        project_id: pid(99),
        domain_id: 7,
        required_skills: vec![25, 26, 27],
        optional_skills: vec![28, 27],
        level: Some(ProfileLevel::Confirme),
        languages: vec![LanguageRequirement {
            code: "en".into(),
            min_level: LanguageLevel::B2,
        }],
        places: vec![dep("38"), dep("69")],
        remote: false,
        start: d(2027, 1, 4),
        duration_days: Some(40),
        max_daily_rate: Some(Euros::from_cents(60_000)),
    }
}

fn criterion(s: &MatchScore, c: Criterion) -> &CriterionScore {
    s.criteria.iter().find(|x| x.criterion == c).unwrap()
}

#[test]
fn weights_sum_to_100_and_cover_every_criterion_once() {
    assert_eq!(WEIGHTS.iter().map(|(_, w)| u32::from(*w)).sum::<u32>(), 100);
    for c in Criterion::ALL {
        assert_eq!(WEIGHTS.iter().filter(|(x, _)| *x == c).count(), 1);
        assert!(c.weight() > 0);
    }
}

#[test]
fn skills_count_required_twice_and_ignore_duplicates() {
    let s = score(&expert(), &project(), TODAY);
    let skills = criterion(&s, Criterion::Skills);
    // Required 25, 26, 27 (2 units each), optional 28 (27 is already required).
    // Covered: 25 and 27 → 4 units of 7.
    assert_eq!(skills.score, Some(57));
    let Explanation::Skills {
        required_covered: 2,
        required_total: 3,
        optional_covered: 0,
        optional_total: 1,
        matched,
    } = &skills.detail
    else {
        panic!("{:?}", skills.detail)
    };
    assert_eq!(matched[0].years, Some(5));
    assert_eq!(matched[1].years, None);
    assert_eq!(skills_points(3, 3, 2, 2), 100);
    assert_eq!(skills_points(0, 3, 0, 0), 0);
}

#[test]
fn no_declared_skill_is_unknown_not_zero() {
    let mut e = expert();
    e.skills.clear();
    let s = score(&e, &project(), TODAY);
    let skills = criterion(&s, Criterion::Skills);
    assert_eq!(skills.score, None);
    assert!(matches!(skills.detail, Explanation::SkillsUnknown { .. }));
    assert!(s.known_share < 100);
}

#[test]
fn level_gap_table() {
    use ProfileLevel::*;
    let s = score(&expert(), &project(), TODAY);
    let level = criterion(&s, Criterion::Level);
    assert_eq!(level.score, Some(80)); // Senior for Confirmé.
    assert_eq!(
        level.detail,
        Explanation::Level {
            expert: Senior,
            years: 9,
            wanted: Confirme
        }
    );
    assert_eq!(level_points(Confirme, Confirme), 100);
    assert_eq!(level_points(Junior, Expert), 0);
    assert_eq!(level_points(Confirme, Senior), 40);
    assert_eq!(level_points(Expert, Junior), 40);
}

#[test]
fn languages_reward_levels_above_the_minimum() {
    let s = score(&expert(), &project(), TODAY);
    assert_eq!(criterion(&s, Criterion::Languages).score, Some(85)); // C1 for B2.
    assert_eq!(
        language_points(Some(LanguageLevel::B2), LanguageLevel::B2),
        70
    );
    assert_eq!(
        language_points(Some(LanguageLevel::Native), LanguageLevel::B1),
        100
    );
    assert_eq!(language_points(None, LanguageLevel::A1), 0);
    assert_eq!(mean_points(85 + 70, 2), 78);
}

#[test]
fn place_home_mobility_remote() {
    let mut c = project();
    let e = expert();
    let fit = |e: &ExpertFacts, c: &ProjectCriteria| place_fit(e, c);
    assert_eq!(
        fit(&e, &c),
        PlaceFit::Home {
            departement: dep("69")
        }
    );
    c.places = vec![dep("13"), dep("42")];
    assert_eq!(
        fit(&e, &c),
        PlaceFit::Mobility {
            departement: dep("42")
        }
    );
    let s = score(&e, &c, TODAY);
    assert_eq!(criterion(&s, Criterion::Place).score, Some(80));
    c.places = vec![dep("13")];
    assert_eq!(fit(&e, &c), PlaceFit::Outside);
    let mut remote = e.clone();
    remote.remote_ok = true;
    assert_eq!(
        fit(&remote, &c),
        PlaceFit::Outside,
        "an on-site mission needs the place, remote work or not"
    );
    c.remote = true;
    assert_eq!(fit(&remote, &c), PlaceFit::Remote);
    let s = score(&e, &c, TODAY);
    let place = criterion(&s, Criterion::Place);
    assert_eq!(fit(&e, &c), PlaceFit::RemoteNotAccepted);
    assert_eq!(place.score, Some(0), "an unticked box is an answer");
    assert_eq!(
        place.detail,
        Explanation::Place {
            fit: PlaceFit::RemoteNotAccepted
        }
    );
}

#[test]
fn availability_known_and_unknown() {
    let s = score(&expert(), &project(), TODAY);
    let a = criterion(&s, Criterion::Availability);
    assert_eq!(a.score, Some(100));
    assert_eq!(
        a.detail,
        Explanation::Availability {
            from: d(2026, 12, 1),
            start: d(2027, 1, 4),
            now: false
        }
    );
    let mut e = expert();
    e.available_from = None;
    let s = score(&e, &project(), TODAY);
    let a = criterion(&s, Criterion::Availability);
    assert_eq!(a.score, None);
    assert!(matches!(a.detail, Explanation::AvailabilityUnknown { .. }));
}

#[test]
fn rate_over_the_maximum_loses_points_and_unknown_rate_is_neutral() {
    let s = score(&expert(), &project(), TODAY);
    let r = criterion(&s, Criterion::Rate);
    // 650 € for 600 €: 8.3 % over → 83 ‰ / 4 = 20 points lost.
    assert_eq!(r.score, Some(80));
    assert_eq!(
        r.detail,
        Explanation::Rate {
            rate_cents: 65_000,
            max_cents: 60_000
        }
    );
    assert_eq!(rate_points(60_000, 60_000), 100);
    assert_eq!(rate_points(90_000, 60_000), 0);
    let mut e = expert();
    e.daily_rate = None;
    let s = score(&e, &project(), TODAY);
    let r = criterion(&s, Criterion::Rate);
    assert_eq!(r.score, None);
    assert_eq!(r.detail, Explanation::RateUnknown { max_cents: 60_000 });
    assert_eq!(to_cents(Euros::from_cents(12_346)), Some(12346));
    assert_eq!(to_cents(Euros::ZERO), None);
}

#[test]
fn unstated_criteria_do_not_count() {
    let mut c = project();
    c.required_skills.clear();
    c.optional_skills.clear();
    c.level = None;
    c.languages.clear();
    c.max_daily_rate = None;
    let s = score(&expert(), &c, TODAY);
    for k in [
        Criterion::Skills,
        Criterion::Level,
        Criterion::Languages,
        Criterion::Rate,
    ] {
        let x = criterion(&s, k);
        assert_eq!((x.weight, x.score), (0, None));
        assert!(matches!(x.detail, Explanation::NotRequested { .. }));
    }
    // Place 100 (home) and availability 100 are all that count.
    assert_eq!((s.total, s.known_share), (1000, 100));
}

#[test]
fn combination_is_a_mean_shrunk_toward_neutral() {
    let (total, share) = combine([(35, Some(100)), (15, None), (50, Some(80))]);
    // (35·100 + 15·50 + 50·80) / 100 = 82.5 → 825.
    assert_eq!((total, share), (825, 85));
    // All unknown: exactly neutral.
    assert_eq!(combine([(35, None), (65, None)]), (500, 0));
    // An expert with no data at all neither wins nor loses against a middling one.
    assert_eq!(combine([(50, Some(50)), (50, None)]).0, 500);
    let s = score(&expert(), &project(), TODAY);
    let manual = combine(s.criteria.iter().map(|c| (c.weight, c.score)));
    assert_eq!((s.total, s.known_share), manual);
}

#[test]
fn attestation_rule_is_the_platform_one() {
    // Six months from the issue date, the rule of `domain::eligibility`.
    let issued = d(2026, 5, 30);
    let until = attestation_valid_until(issued);
    let mut e = expert();
    e.attestation_issued_on = Some(issued);
    assert_eq!(passes_hard_filters(&e, &project(), until), Ok(()));
    let next = until.succ_opt().unwrap();
    let err = passes_hard_filters(&e, &project(), next).unwrap_err();
    assert_eq!(err, Rejection::AttestationExpired { since: next });
    e.attestation_issued_on = Some(TODAY.succ_opt().unwrap());
    assert_eq!(
        passes_hard_filters(&e, &project(), TODAY),
        Err(Rejection::AttestationInFuture)
    );
    e.attestation_issued_on = None;
    assert_eq!(
        passes_hard_filters(&e, &project(), TODAY),
        Err(Rejection::NoAttestation)
    );
}

/// Hard filters, normalisation, serialisation and ranking.
mod ranking;
