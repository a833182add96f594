use super::*;
use proptest::prelude::*;

fn euros(s: &str) -> Euros {
    Euros::parse(s).unwrap()
}

fn ht(budget: &str) -> Euros {
    Schedule::standard().commission(euros(budget)).ht
}

#[test]
fn standard_is_exact_at_every_bracket_boundary() {
    // 3 % of 10 000 €.
    assert_eq!(ht("10000"), euros("300.00"));
    // 300 € + 2 % of 0,01 € = 300,0002 €: continuous, no cliff to 200 €.
    assert_eq!(ht("10000.01"), euros("300.00"));
    // 300 € + 2 % of 40 000 €.
    assert_eq!(ht("50000"), euros("1100.00"));
    assert_eq!(ht("50000.01"), euros("1100.00"));
    // 1 100 € + 1 % of 50 000 €.
    assert_eq!(ht("100000"), euros("1600.00"));
    // 3 % of 15 000 € would be 450 €; marginally 300 + 100.
    assert_eq!(ht("15000"), euros("400.00"));
}

#[test]
fn the_minimum_prevails_below_about_1633_euros() {
    let standard = Schedule::standard();
    // 1 633,33 × 3 % = 48,9999 → 49,00 by the brackets themselves.
    let c = standard.commission(euros("1633.33"));
    assert_eq!((c.by_brackets, c.ht), (euros("49.00"), euros("49.00")));
    // 1 633,34 × 3 % = 49,0002 → 49,00.
    assert_eq!(ht("1633.34"), euros("49.00"));
    // 1 633,67 × 3 % = 49,0101 → 49,01: the first budget above the minimum.
    let c = standard.commission(euros("1633.67"));
    assert_eq!(c.ht, euros("49.01"));
    assert!(!c.minimum_applied);

    let c = standard.commission(euros("1000"));
    assert_eq!(c.by_brackets, euros("30.00"));
    assert!(c.minimum_applied);
    assert_eq!(c.ht, euros("49.00"));
    assert_eq!(c.effective_rate, Decimal::new(490, 2));
}

#[test]
fn a_commission_shows_its_shares_vat_and_effective_rate() {
    let c = Schedule::standard().commission(euros("15000"));
    assert_eq!(c.schedule_version, "2026-12");
    assert_eq!(c.shares.len(), 2);
    assert_eq!(c.shares[0].from, Euros::ZERO);
    assert_eq!(c.shares[0].to, Some(euros("10000")));
    assert_eq!(c.shares[0].base, euros("10000"));
    assert_eq!(c.shares[1].from, euros("10000"));
    assert_eq!(c.shares[1].base, euros("5000"));
    assert_eq!(c.shares[1].amount, Decimal::from(100));
    assert_eq!(c.vat, euros("80.00"));
    assert_eq!(c.ttc, euros("480.00"));
    // 400 / 15 000 = 2,666… %.
    assert_eq!(c.effective_rate, Decimal::new(267, 2));
    // A budget exactly at a threshold does not reach the next bracket.
    assert_eq!(
        Schedule::standard().commission(euros("10000")).shares.len(),
        1
    );
    let c = Schedule::standard().commission(euros("120000"));
    assert_eq!(c.shares.len(), 3);
    assert_eq!(c.shares[2].to, None);
    assert_eq!(c.shares[2].base, euros("70000"));
}

#[test]
fn a_zero_budget_pays_the_minimum_at_no_rate() {
    let c = Schedule::standard().commission(Euros::ZERO);
    assert!(c.shares.is_empty());
    assert_eq!(c.ht, euros("49"));
    assert_eq!(c.effective_rate, Decimal::ZERO);
}

#[test]
fn the_commission_rounds_once_half_away_from_zero() {
    // 3 % of 0,50 € above 1 633,33 is irrelevant here: use a schedule without minimum.
    let s = Schedule::new(
        "test".into(),
        vec![Bracket {
            up_to: None,
            rate: Decimal::new(3, 2),
        }],
        Euros::ZERO,
    )
    .unwrap();
    // 3 % of 0,50 € = 0,015 → 0,02.
    assert_eq!(s.commission(euros("0.50")).ht, euros("0.02"));
    // 3 % of 0,49 € = 0,0147 → 0,01.
    assert_eq!(s.commission(euros("0.49")).ht, euros("0.01"));
}

#[test]
fn refund_keeps_the_management_fee() {
    let r = refund(euros("49.00"));
    assert_eq!(r.ht, euros("45.08"));
    // 45,08 × 20 % = 9,016 → 9,02.
    assert_eq!(r.vat, euros("9.02"));
    assert_eq!(r.ttc, euros("54.10"));
    assert_eq!(r.kept_ht, euros("3.92"));
    let r = refund(euros("2.00"));
    assert_eq!(
        (r.ht, r.vat, r.ttc),
        (Euros::ZERO, Euros::ZERO, Euros::ZERO)
    );
    assert_eq!(r.kept_ht, euros("2.00"));
    assert_eq!(
        Schedule::standard().commission(euros("1000")).refund,
        refund(euros("49"))
    );
}

#[test]
fn schedules_that_break_a_promise_are_refused() {
    let b = |up_to: Option<&str>, rate: i64, scale: u32| Bracket {
        up_to: up_to.map(euros),
        rate: Decimal::new(rate, scale),
    };
    let new = |brackets: Vec<Bracket>| Schedule::new("v1".into(), brackets, euros("49"));
    assert_eq!(new(vec![]), Err(ScheduleError::Empty));
    assert_eq!(
        new(vec![b(None, 31, 3)]),
        Err(ScheduleError::RateAboveMaximum)
    );
    assert_eq!(new(vec![b(None, -1, 2)]), Err(ScheduleError::NegativeRate));
    assert_eq!(new(vec![b(None, 1, 5)]), Err(ScheduleError::RateTooPrecise));
    assert_eq!(
        new(vec![b(Some("100"), 1, 2), b(None, 2, 2)]),
        Err(ScheduleError::RateIncreasing)
    );
    assert_eq!(
        new(vec![
            b(Some("100"), 3, 2),
            b(Some("100"), 2, 2),
            b(None, 1, 2)
        ]),
        Err(ScheduleError::ThresholdsNotAscending)
    );
    assert_eq!(
        new(vec![b(Some("0"), 3, 2), b(None, 1, 2)]),
        Err(ScheduleError::ThresholdsNotAscending)
    );
    assert_eq!(
        new(vec![b(None, 3, 2), b(None, 1, 2)]),
        Err(ScheduleError::ThresholdsNotAscending)
    );
    assert_eq!(
        new(vec![b(Some("100"), 3, 2)]),
        Err(ScheduleError::LastBracketBounded)
    );
    assert_eq!(
        Schedule::new(
            "v1".into(),
            vec![b(None, 3, 2)],
            Euros::round(Decimal::NEGATIVE_ONE)
        ),
        Err(ScheduleError::NegativeMinimum)
    );
    for version in ["", "2026 12", "é", &"x".repeat(41)] {
        assert_eq!(
            Schedule::new(version.into(), vec![b(None, 3, 2)], euros("49")),
            Err(ScheduleError::BadVersion)
        );
    }
    // 2,75 % is a percentage with two decimals.
    assert!(new(vec![b(None, 275, 4)]).is_ok());
}

#[test]
fn a_stored_schedule_is_checked_when_read_back() {
    let standard = Schedule::standard();
    let json = serde_json::to_string(&standard).unwrap();
    assert_eq!(serde_json::from_str::<Schedule>(&json).unwrap(), standard);
    let tampered = json.replace("\"0.03\"", "\"0.05\"");
    assert_ne!(tampered, json);
    assert!(serde_json::from_str::<Schedule>(&tampered).is_err());
}

/// Valid schedules: 1 to 4 brackets, non-increasing rates in basis points up to 300,
/// ascending thresholds, a minimum up to 100 €.
fn schedules() -> impl Strategy<Value = Schedule> {
    (
        prop::collection::vec(0u32..=300, 1..=4),
        prop::collection::vec(1i64..=5_000_000, 3),
        0i64..=10_000,
    )
        .prop_map(|(mut rates, steps, minimum)| {
            rates.sort_unstable_by(|a, b| b.cmp(a));
            let mut bound = 0;
            let brackets = rates
                .iter()
                .enumerate()
                .map(|(i, &bp)| Bracket {
                    up_to: (i + 1 < rates.len()).then(|| {
                        bound += steps[i];
                        Euros::from_cents(bound)
                    }),
                    rate: Decimal::new(i64::from(bp), 4),
                })
                .collect();
            Schedule::new("random".into(), brackets, Euros::from_cents(minimum))
                .expect("generated schedules are valid")
        })
}

fn schedule_or_standard() -> impl Strategy<Value = Schedule> {
    prop_oneof![Just(Schedule::standard()), schedules()]
}

fn budget() -> impl Strategy<Value = Euros> {
    prop_oneof![
        (0i64..=100_000_000_000).prop_map(Euros::from_cents),
        (0i64..=20_000_000).prop_map(Euros::from_cents),
    ]
}

proptest! {
    #[test]
    fn commission_never_decreases_when_the_budget_grows(
        s in schedule_or_standard(), a in budget(), extra in 0i64..=10_000_000,
    ) {
        let b = a + Euros::from_cents(extra);
        let (ca, cb) = (s.commission(a), s.commission(b));
        prop_assert!(cb.ht >= ca.ht, "{a} → {}, {b} → {}", ca.ht, cb.ht);
        prop_assert!(cb.by_brackets >= ca.by_brackets);
    }

    #[test]
    fn commission_obeys_minimum_maximum_rate_and_totals(
        s in schedule_or_standard(), budget in budget(),
    ) {
        let c = s.commission(budget);
        prop_assert_eq!(c.ht, c.by_brackets.max(s.minimum));
        prop_assert_eq!(c.minimum_applied, c.by_brackets < s.minimum);
        prop_assert_eq!(c.vat, Euros::round(c.ht.as_decimal() * VAT_RATE));
        prop_assert_eq!(c.ttc, c.ht + c.vat);
        let exact: Decimal = c.shares.iter().map(|share| share.amount).sum();
        prop_assert_eq!(c.by_brackets, Euros::round(exact));
        // The brackets never take more than 3 % of the budget, cent rounding aside.
        prop_assert!(exact <= budget.as_decimal() * MAX_RATE);
        let bases: Euros = c.shares.iter().map(|share| share.base).sum();
        prop_assert_eq!(bases, budget);
        for share in &c.shares {
            prop_assert!(share.rate <= MAX_RATE && share.base.is_positive());
        }
    }

    #[test]
    fn the_standard_schedule_never_charges_below_49(budget in budget()) {
        let c = Schedule::standard().commission(budget);
        prop_assert!(c.ht >= euros("49.00"));
        if !c.minimum_applied {
            prop_assert!(c.effective_rate <= Decimal::from(3));
        }
    }

    #[test]
    fn no_marginal_rate_above_3_percent_is_accepted(bp in 301u32..=10_000) {
        let brackets = vec![Bracket { up_to: None, rate: Decimal::new(i64::from(bp), 4) }];
        prop_assert_eq!(
            Schedule::new("v".into(), brackets, Euros::ZERO),
            Err(ScheduleError::RateAboveMaximum)
        );
    }

    #[test]
    fn a_refund_is_never_negative_and_adds_up(cents in -10_000i64..=10_000_000) {
        let advance = Euros::from_cents(cents);
        let r = refund(advance);
        prop_assert!(!r.ht.as_decimal().is_sign_negative() || r.ht.as_decimal().is_zero());
        prop_assert!(r.kept_ht <= MANAGEMENT_FEE);
        prop_assert_eq!(r.ttc, r.ht + r.vat);
        if cents >= 0 {
            prop_assert_eq!(r.ht + r.kept_ht, advance);
        }
    }
}
