use super::*;
use crate::domain::money::Euros;
use chrono::NaiveDate;
use proptest::prelude::*;
use rust_decimal::Decimal;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn line(description: &str, quantity: &str, price: &str, vat: VatRate) -> LineForm {
    LineForm {
        description: description.into(),
        quantity: quantity.into(),
        unit: QuoteUnit::Day.as_str().into(),
        unit_price: price.into(),
        vat: vat.as_str().into(),
    }
}

fn form(lines: Vec<LineForm>) -> QuoteForm {
    QuoteForm {
        lines,
        franchise: None,
        start_date: "2027-01-04".into(),
        duration_days: "20".into(),
        terms_basis: "after_service".into(),
        terms_days: "30".into(),
        valid_until: "2026-12-31".into(),
    }
}

fn today() -> NaiveDate {
    day(2026, 12, 3)
}

#[test]
fn vat_is_computed_once_per_rate_on_the_sum_of_its_lines() {
    // Three lines at 20 % of 0,33 € each: 0,066 € of VAT each would round to 0,07 ×
    // 3 = 0,21 line by line; on the sum (0,99 €) it is 0,198 → 0,20.
    let draft = form(vec![
        line("Atelier A", "1", "0,33", VatRate::Standard),
        line("Atelier B", "1", "0,33", VatRate::Standard),
        line("Atelier C", "1", "0,33", VatRate::Standard),
        line("Support", "2,5", "100", VatRate::Reduced),
    ])
    .parse(today())
    .unwrap();
    let totals = Totals::of(&draft.lines);
    assert_eq!(totals.by_rate.len(), 2);
    assert_eq!(totals.by_rate[0].rate, VatRate::Standard);
    assert_eq!(totals.by_rate[0].base, Euros::from_cents(99));
    assert_eq!(totals.by_rate[0].vat, Euros::from_cents(20));
    // 250 € at 5,5 %: 13,75 €.
    assert_eq!(totals.by_rate[1].vat, Euros::from_cents(1375));
    assert_eq!(totals.ht, Euros::from_cents(25099));
    assert_eq!(totals.vat, Euros::from_cents(1395));
    assert_eq!(totals.ttc, Euros::from_cents(26494));
}

#[test]
fn a_half_cent_rounds_away_from_zero_once() {
    // 0,5 day at 0,01 € is 0,005 €: one cent.
    let draft = form(vec![line("Relecture", "0,5", "0,01", VatRate::Zero)])
        .parse(today())
        .unwrap();
    assert_eq!(draft.lines[0].total(), Euros::from_cents(1));
    // 10 % of 0,05 € is 0,005 €: one cent too.
    let draft = form(vec![line("Note", "1", "0,05", VatRate::Intermediate)])
        .parse(today())
        .unwrap();
    assert_eq!(Totals::of(&draft.lines).vat, Euros::from_cents(1));
}

#[test]
fn blank_lines_are_skipped_and_each_problem_names_its_line() {
    let mut lines = vec![
        LineForm::default(),
        line("Audit", "3", "650", VatRate::Standard),
    ];
    lines.push(line("", "1", "10", VatRate::Standard));
    assert_eq!(
        form(lines).parse(today()),
        Err(Problem::QuoteLineDescription { line: 3, max: 300 })
    );
    assert_eq!(
        form(vec![LineForm::default()]).parse(today()),
        Err(Problem::QuoteLinesRequired)
    );
    assert_eq!(
        form(vec![line("Audit", "0", "650", VatRate::Standard)]).parse(today()),
        Err(Problem::QuoteLineQuantity { line: 1, max: 1000 })
    );
    assert_eq!(
        form(vec![line("Audit", "1,255", "650", VatRate::Standard)]).parse(today()),
        Err(Problem::QuoteLineQuantity { line: 1, max: 1000 })
    );
    assert_eq!(
        form(vec![line("Audit", "1", "0", VatRate::Standard)]).parse(today()),
        Err(Problem::QuoteLinePrice {
            line: 1,
            max: 100_000
        })
    );
    let many = vec![line("Jour", "1", "500", VatRate::Standard); LINES_MAX + 1];
    assert_eq!(
        form(many).parse(today()),
        Err(Problem::QuoteLinesTooMany { max: LINES_MAX })
    );
}

#[test]
fn under_the_franchise_every_line_is_at_zero() {
    let mut f = form(vec![line("Audit", "3", "650", VatRate::Standard)]);
    f.franchise = Some("on".into());
    assert_eq!(
        f.parse(today()),
        Err(Problem::QuoteFranchiseVat { line: 1 })
    );
    f.lines[0].vat = VatRate::Zero.as_str().into();
    let draft = f.parse(today()).unwrap();
    assert!(draft.franchise);
    assert_eq!(Totals::of(&draft.lines).ttc, Euros::from_cents(195_000));
}

#[test]
fn payment_terms_beyond_the_legal_ceiling_are_refused() {
    let mut f = form(vec![line("Audit", "3", "650", VatRate::Standard)]);
    f.terms_days = "61".into();
    assert_eq!(
        f.parse(today()),
        Err(Problem::PaymentTermsTooLong {
            basis: TermsBasis::AfterService,
            max_days: 60
        })
    );
    f.terms_basis = "end_of_month".into();
    f.terms_days = "46".into();
    assert_eq!(
        f.parse(today()),
        Err(Problem::PaymentTermsTooLong {
            basis: TermsBasis::EndOfMonth,
            max_days: 45
        })
    );
    f.terms_days = "45".into();
    assert!(f.parse(today()).is_ok());
    f.terms_days = "trente".into();
    assert_eq!(f.parse(today()), Err(Problem::PaymentTermsInvalid));
}

#[test]
fn due_dates_follow_each_basis() {
    let service = day(2027, 1, 29);
    let invoice = day(2027, 1, 31);
    assert_eq!(
        PaymentTerms::default().due_date(service, invoice),
        day(2027, 2, 28)
    );
    let after_invoice = PaymentTerms::new(TermsBasis::AfterInvoice, 60).unwrap();
    assert_eq!(after_invoice.due_date(service, invoice), day(2027, 4, 1));
    // 45 days after 31 January is 17 March; end of month: 31 March.
    let eom = PaymentTerms::new(TermsBasis::EndOfMonth, 45).unwrap();
    assert_eq!(eom.due_date(service, invoice), day(2027, 3, 31));
    let december = PaymentTerms::new(TermsBasis::EndOfMonth, 10).unwrap();
    assert_eq!(
        december.due_date(service, day(2027, 12, 25)),
        day(2028, 1, 31)
    );
}

#[test]
fn dates_must_be_ahead_and_the_validity_short() {
    let mut f = form(vec![line("Audit", "3", "650", VatRate::Standard)]);
    f.start_date = "2026-12-02".into();
    assert_eq!(f.parse(today()), Err(Problem::StartDatePast));
    f.start_date = "2027-01-04".into();
    f.valid_until = "2027-03-04".into();
    assert_eq!(
        f.parse(today()),
        Err(Problem::QuoteValidity { max_days: 90 })
    );
    f.valid_until = "2026-12-02".into();
    assert_eq!(
        f.parse(today()),
        Err(Problem::QuoteValidity { max_days: 90 })
    );
}

#[test]
fn a_draft_comes_back_as_the_same_form() {
    let mut f = form(vec![
        line("Audit de sécurité", "2,5", "1 234,50", VatRate::Standard),
        line("Restitution", "1", "400", VatRate::Reduced),
    ]);
    f.terms_basis = "after_invoice".into();
    f.terms_days = "45".into();
    let draft = f.parse(today()).unwrap();
    let again = QuoteForm::from_draft(Some(&draft), today())
        .parse(today())
        .unwrap();
    assert_eq!(again, draft);
    // A first version starts from one empty line and the legal default terms.
    let blank = QuoteForm::from_draft(None, today());
    assert_eq!(blank.terms_days, "30");
    assert_eq!(blank.lines.len(), 1);
}

#[test]
fn only_the_selected_expert_sends_and_an_accepted_version_is_frozen() {
    use crate::domain::selection::ProposalState as S;
    assert_eq!(may_send(S::Selected, None), Ok(()));
    assert_eq!(may_send(S::Selected, Some(QuoteState::Sent)), Ok(()));
    assert_eq!(
        may_send(S::Selected, Some(QuoteState::RevisionRequested)),
        Ok(())
    );
    assert_eq!(
        may_send(S::Selected, Some(QuoteState::Accepted)),
        Err(Problem::QuoteFrozen)
    );
    assert_eq!(
        may_send(S::InSelection, None),
        Err(Problem::QuoteNotExpected)
    );
    assert_eq!(may_send(S::Withdrawn, None), Err(Problem::QuoteNotExpected));
}

#[test]
fn the_client_answers_the_latest_version_only_and_a_revision_says_why() {
    let until = day(2026, 12, 31);
    let today = today();
    let accept = QuoteAnswer::Accept;
    assert_eq!(
        answer(QuoteState::Sent, 2, 2, until, today, &accept),
        Ok(QuoteState::Accepted)
    );
    assert_eq!(
        answer(QuoteState::Sent, 2, 1, until, today, &accept),
        Err(Problem::QuoteVersionStale)
    );
    assert_eq!(
        answer(QuoteState::Accepted, 2, 2, until, today, &accept),
        Err(Problem::QuoteFrozen)
    );
    assert_eq!(
        answer(QuoteState::RevisionRequested, 2, 2, until, today, &accept),
        Err(Problem::QuoteNotExpected)
    );
    assert_eq!(
        answer(QuoteState::Sent, 1, 1, until, day(2027, 1, 1), &accept),
        Err(Problem::QuoteExpired { valid_until: until })
    );
    let blank = QuoteAnswer::AskRevision("  ".into());
    assert_eq!(
        answer(QuoteState::Sent, 1, 1, until, today, &blank),
        Err(Problem::RevisionCommentRequired)
    );
    let why = QuoteAnswer::AskRevision("Moins de jours, svp".into());
    assert_eq!(
        answer(QuoteState::Sent, 1, 1, until, today, &why),
        Ok(QuoteState::RevisionRequested)
    );
    assert_eq!(reference(42, 2), "DEV-000042-v2");
}

proptest! {
    /// Whatever the lines, TTC = HT + TVA, HT is the sum of the rounded lines, and each
    /// rate's VAT is within half a cent of the exact figure.
    #[test]
    fn totals_add_up(lines in prop::collection::vec(
        (1u32..=100_000, 1u32..=10_000_000, 0usize..4), 1..=LINES_MAX)
    ) {
        let lines: Vec<QuoteLine> = lines.into_iter().map(|(qty, cents, rate)| QuoteLine {
            description: "Ligne".into(),
            quantity: Decimal::new(i64::from(qty), 2),
            unit: QuoteUnit::Unit,
            unit_price: Euros::from_cents(i64::from(cents)),
            vat: VatRate::ALL[rate],
        }).collect();
        let t = Totals::of(&lines);
        prop_assert_eq!(t.ttc, t.ht + t.vat);
        prop_assert_eq!(t.ht, lines.iter().map(QuoteLine::total).sum::<Euros>());
        for r in &t.by_rate {
            let exact = r.base.as_decimal() * r.rate.percent() / Decimal::from(100);
            prop_assert!((r.vat.as_decimal() - exact).abs() <= Decimal::new(5, 3));
        }
    }
}
