use super::*;

fn refs() -> ReferenceData {
    crate::domain::reference::sample()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
}

#[test]
fn each_step_judges_what_was_typed_then_everything_when_leaving() {
    let draft = ProjectDraft {
        title: "Audit".into(),
        ..Default::default()
    };
    assert!(draft
        .problems(Step::Basics, &refs(), today(), false)
        .is_empty());
    let strict = draft.problems(Step::Basics, &refs(), today(), true);
    let fields: Vec<_> = strict.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(fields, ["description", "domain"]);
    let late = ProjectDraft {
        start_date: "2026-11-01".into(),
        ..Default::default()
    };
    assert_eq!(
        late.problems(Step::PlaceAndDates, &refs(), today(), false)[0].problem,
        Problem::StartDatePast
    );
}

#[test]
fn budget_rules() {
    let global = ProjectDraft {
        budget: "15 000".into(),
        duration_days: "20".into(),
        ..Default::default()
    };
    assert_eq!(global.total_budget(), Some("15000".parse().unwrap()));
    assert_eq!(global.max_daily_rate(), Some("750".parse().unwrap()));
    let daily = ProjectDraft {
        budget_mode: BudgetMode::Daily,
        daily_rate: "650,50".into(),
        days: "10".into(),
        ..Default::default()
    };
    assert_eq!(daily.total_budget(), Some("6505.00".parse().unwrap()));
    assert_eq!(daily.max_daily_rate(), Some("650.50".parse().unwrap()));
    // Billed days cannot exceed the mission's duration.
    let contradictory = ProjectDraft {
        duration_days: "20".into(),
        days: "200".into(),
        ..daily.clone()
    };
    let problems = contradictory.problems(Step::Budget, &refs(), today(), false);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].field, "days");
    assert_eq!(
        problems[0].problem,
        Problem::BilledDaysOverDuration { duration: 20 }
    );
    let fits = ProjectDraft {
        days: "20".into(),
        ..contradictory
    };
    assert!(fits
        .problems(Step::Budget, &refs(), today(), false)
        .is_empty());
}

#[test]
fn skills_must_belong_to_the_domain() {
    let draft = ProjectDraft {
        domain: "finance".into(),
        required_skills: vec!["rust".into()],
        ..Default::default()
    };
    assert_eq!(
        draft.problems(Step::Profile, &refs(), today(), true)[0].field,
        "required_skills"
    );
}

#[test]
fn a_skill_is_required_or_optional_not_both() {
    let draft = ProjectDraft {
        domain: "finance".into(),
        required_skills: vec!["tresorerie".into()],
        optional_skills: vec!["tresorerie".into()],
        ..Default::default()
    };
    let problems = draft.problems(Step::Profile, &refs(), today(), true);
    assert_eq!(
        problems.iter().map(|p| &p.problem).collect::<Vec<_>>(),
        vec![&Problem::SkillRequiredAndOptional]
    );
    let fixed = ProjectDraft {
        optional_skills: vec![],
        ..draft
    };
    assert_eq!(
        fixed.problems(Step::Profile, &refs(), today(), true),
        vec![]
    );
}

#[test]
fn every_field_is_bounded_before_it_is_stored() {
    assert!(ProjectDraft::default().check_size().is_ok());
    let huge = "x".repeat(200_000);
    let fields: [fn(&mut ProjectDraft, String); 6] = [
        |d, v| d.title = v,
        |d, v| d.budget = v,
        |d, v| d.start_date = v,
        |d, v| d.level = v,
        |d, v| d.required_skills = vec![v],
        |d, v| {
            d.languages = vec![LanguageEntry {
                code: "fr".into(),
                level: v,
            }]
        },
    ];
    for set in fields {
        let mut draft = ProjectDraft::default();
        set(&mut draft, huge.clone());
        assert!(
            matches!(draft.check_size(), Err(Problem::TooLongToStore { .. })),
            "{draft:?}"
        );
    }
    // Invalid but plausible input is kept for the client to fix.
    let typed = ProjectDraft {
        title: "x".repeat(250),
        budget: "beaucoup".into(),
        ..Default::default()
    };
    assert!(typed.check_size().is_ok());
    let many = ProjectDraft {
        contact_formats: vec![ContactFormat::Phone; 9],
        ..Default::default()
    };
    assert_eq!(
        many.check_size(),
        Err(Problem::TooManyEntries {
            field: crate::domain::problem::Field::Project(
                crate::domain::problem::ProjectField::ContactFormats
            ),
            max: 8
        })
    );
}

#[test]
fn drafts_saved_before_the_enums_read_the_same() {
    let mut stored = serde_json::to_value(ProjectDraft::default()).unwrap();
    stored["budget_mode"] = "daily".into();
    stored["contact_formats"] = serde_json::json!(["phone", "meeting"]);
    let draft: ProjectDraft = serde_json::from_value(stored.clone()).unwrap();
    assert_eq!(draft.budget_mode, BudgetMode::Daily);
    assert_eq!(
        draft.contact_formats,
        [ContactFormat::Phone, ContactFormat::Meeting]
    );
    // A code nobody offers is refused as a whole, not stored.
    stored["contact_formats"] = serde_json::json!(["fax"]);
    assert!(serde_json::from_value::<ProjectDraft>(stored).is_err());
}
