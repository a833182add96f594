use super::*;
use proptest::prelude::*;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn euros(s: &str) -> Euros {
    Euros::parse(s).unwrap()
}

#[test]
fn thirty_days_late_in_2026() {
    // 1 000 × 12,15 % × 30 / 365 = 3 645 / 365 = 9,986… → 9,99 €.
    let p = late_penalty(euros("1000"), date(2026, 3, 1), date(2026, 3, 31)).unwrap();
    assert_eq!(p.days_late, 30);
    assert_eq!(p.rate, Decimal::new(1215, 2));
    assert_eq!(p.interest, euros("9.99"));
    assert_eq!(p.indemnity, euros("40.00"));
    assert_eq!(p.total, euros("49.99"));
    assert_eq!(p.periods.len(), 1);
    assert_eq!(
        (p.periods[0].from, p.periods[0].to, p.periods[0].days),
        (date(2026, 3, 2), date(2026, 3, 31), 30)
    );
}

#[test]
fn paid_on_time_is_not_late() {
    let due = date(2026, 3, 1);
    assert_eq!(late_penalty(euros("1000"), due, due), None);
    assert_eq!(late_penalty(euros("1000"), due, date(2026, 2, 10)), None);
    let p = late_penalty(euros("1000"), due, date(2026, 3, 2)).unwrap();
    assert_eq!(p.days_late, 1);
}

#[test]
fn a_delay_across_1_july_uses_both_rates() {
    // 21-30 June 2025 at 3,15 + 10 = 13,15 %, 1-10 July at 2,15 + 10 = 12,15 %:
    // 10 000 × (131,5 + 121,5) / 36 500 = 69,315… → 69,32 € (one rounding).
    let p = late_penalty(euros("10000"), date(2025, 6, 20), date(2025, 7, 10)).unwrap();
    assert_eq!(p.days_late, 20);
    assert_eq!(p.rate, Decimal::new(1315, 2));
    assert_eq!(p.periods.len(), 2);
    assert_eq!(
        (p.periods[0].to, p.periods[0].days, p.periods[0].rate),
        (date(2025, 6, 30), 10, Decimal::new(1315, 2))
    );
    assert_eq!(
        (p.periods[1].from, p.periods[1].days, p.periods[1].rate),
        (date(2025, 7, 1), 10, Decimal::new(1215, 2))
    );
    assert_eq!(p.interest, euros("69.32"));
    // Across a whole year: 2024 second half (14,25 %) into 2025 first half (13,15 %).
    let p = late_penalty(euros("1000"), date(2024, 12, 30), date(2025, 1, 2)).unwrap();
    // 1 000 × (14,25 × 1 + 13,15 × 2) / 36 500 = 1,1109… → 1,11 €.
    assert_eq!(p.periods.len(), 2);
    assert_eq!(p.interest, euros("1.11"));
}

#[test]
fn each_half_year_takes_the_rate_of_its_first_day() {
    assert_eq!(penalty_rate(date(2024, 1, 1)), Decimal::new(1450, 2));
    // The cut of 12 June 2024 counts only from 1 July.
    assert_eq!(penalty_rate(date(2024, 6, 30)), Decimal::new(1450, 2));
    assert_eq!(penalty_rate(date(2024, 7, 1)), Decimal::new(1425, 2));
    assert_eq!(penalty_rate(date(2025, 3, 1)), Decimal::new(1315, 2));
    assert_eq!(penalty_rate(date(2025, 7, 1)), Decimal::new(1215, 2));
    assert_eq!(penalty_rate(date(2026, 3, 1)), Decimal::new(1215, 2));
    assert_eq!(penalty_rate(date(2026, 12, 31)), Decimal::new(1215, 2));
    // Carried forward, and the first entry before the table.
    assert_eq!(penalty_rate(date(2031, 2, 1)), Decimal::new(1215, 2));
    assert_eq!(penalty_rate(date(2023, 5, 1)), Decimal::new(1450, 2));
}

#[test]
fn the_rate_table_has_one_entry_per_half_year() {
    for pair in ECB_RATES.windows(2) {
        let next = if pair[0].from.month() == 1 {
            date(pair[0].from.year(), 7, 1)
        } else {
            date(pair[0].from.year() + 1, 1, 1)
        };
        assert_eq!(pair[1].from, next);
    }
    for rate in ECB_RATES {
        assert_eq!(rate.from.day(), 1);
        assert!(matches!(rate.from.month(), 1 | 7));
        assert!(rate.ecb_refi >= Decimal::ZERO && rate.ecb_refi < Decimal::from(20));
    }
}

#[test]
fn the_default_term_is_30_days_after_the_service() {
    assert_eq!(
        due_date_after_service(date(2026, 3, 1), DEFAULT_TERM_DAYS),
        date(2026, 3, 31)
    );
    assert_eq!(
        due_date_after_service(date(2026, 12, 15), 30),
        date(2027, 1, 14)
    );
    assert_eq!(due_date_after_service(NaiveDate::MAX, 1), NaiveDate::MAX);
}

proptest! {
    #[test]
    fn periods_cover_every_late_day_once(
        due in 0i64..=1_500, late in 1i64..=800, cents in 1i64..=100_000_000,
    ) {
        let due_on = date(2024, 1, 1) + chrono::Duration::days(due);
        let paid = due_on + chrono::Duration::days(late);
        let p = late_penalty(Euros::from_cents(cents), due_on, paid).unwrap();
        prop_assert_eq!(p.days_late, late);
        prop_assert_eq!(p.periods.iter().map(|q| q.days).sum::<i64>(), late);
        prop_assert_eq!(p.periods[0].from, due_on.succ_opt().unwrap());
        prop_assert_eq!(p.periods.last().unwrap().to, paid);
        prop_assert_eq!(p.total, p.interest + p.indemnity);
        // One more day never costs less.
        let later = late_penalty(Euros::from_cents(cents), due_on, paid.succ_opt().unwrap());
        prop_assert!(later.unwrap().interest >= p.interest);
    }
}
