//! The rules of selection steps, in France's time.

use super::*;

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

#[test]
fn paris_times_follow_daylight_saving() {
    // Winter: UTC+1; summer: UTC+2, from the last Sunday of March at 02:00.
    assert_eq!(
        paris_instant("2027-03-27T10:00").unwrap(),
        utc("2027-03-27T09:00:00Z")
    );
    assert_eq!(
        paris_instant("2027-03-29T10:00").unwrap(),
        utc("2027-03-29T08:00:00Z")
    );
    assert_eq!(
        paris_instant("2027-03-28T02:30"),
        Err(Problem::SlotSkippedByDaylightSaving)
    );
    // The last Sunday of October, 02:30 happens twice: the first is summer time.
    assert_eq!(
        paris_instant("2027-10-31T02:30").unwrap(),
        utc("2027-10-31T00:30:00Z")
    );
    assert_eq!(
        paris_instant("2027-11-02T10:00").unwrap(),
        utc("2027-11-02T09:00:00Z")
    );
    assert_eq!(
        paris_input_value(utc("2027-03-29T08:00:00Z")),
        "2027-03-29T10:00"
    );
    assert_eq!(paris_instant("demain"), Err(Problem::SlotUnreadable));
}

#[test]
fn slots_are_two_to_five_distinct_future_times() {
    let now = utc("2027-03-20T12:00:00Z");
    let s = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let ok = offered_slots(&s(&["2027-03-30T14:00", "2027-03-29T10:00", ""]), now).unwrap();
    assert_eq!(
        ok,
        [utc("2027-03-29T08:00:00Z"), utc("2027-03-30T12:00:00Z")]
    );
    let count = Err(Problem::SlotCount { min: 2, max: 5 });
    assert_eq!(
        offered_slots(&s(&["2027-03-29T10:00", "2027-03-29T10:00"]), now),
        count
    );
    let six: Vec<String> = (1..=6).map(|d| format!("2027-04-0{d}T10:00")).collect();
    assert_eq!(offered_slots(&six, now), count);
    assert_eq!(
        offered_slots(&s(&["2027-03-20T13:30", "2027-03-29T10:00"]), now),
        Err(Problem::SlotTooSoon { hours: 2 })
    );
    assert_eq!(
        offered_slots(&s(&["2027-10-01T10:00", "2027-03-29T10:00"]), now),
        Err(Problem::SlotTooFar { days: 183 })
    );
}

#[test]
fn each_side_answers_the_other_and_only_the_client_reschedules_or_records() {
    use StepAction as A;
    use StepState as S;
    let s = S::AwaitingExpert;
    assert_eq!(s.apply(A::Pick, Party::Expert), Ok(S::Confirmed));
    assert_eq!(s.apply(A::Offer, Party::Expert), Ok(S::AwaitingClient));
    assert!(
        s.apply(A::Pick, Party::Client).is_err(),
        "not their own offer"
    );
    assert_eq!(
        S::AwaitingClient.apply(A::Pick, Party::Client),
        Ok(S::Confirmed)
    );
    assert_eq!(
        S::Confirmed.apply(A::Offer, Party::Client),
        Ok(S::AwaitingExpert)
    );
    assert!(S::Confirmed.apply(A::Offer, Party::Expert).is_err());
    assert_eq!(S::Confirmed.apply(A::Record, Party::Client), Ok(S::Done));
    assert!(S::AwaitingExpert.apply(A::Record, Party::Client).is_err());
    for from in S::ALL {
        assert_eq!(from.apply(A::Cancel, Party::Expert).is_ok(), from.is_open());
        if !from.is_open() {
            for a in [A::Offer, A::Pick, A::Record] {
                assert!(from.apply(a, Party::Client).is_err());
            }
        }
    }
    assert_eq!(step_deadline(S::AwaitingExpert).unwrap().who, Party::Expert);
    assert!(step_deadline(S::Confirmed).is_none());
}

#[test]
fn a_video_call_needs_an_https_link_and_a_meeting_an_address() {
    assert!(step_place(ContactFormat::Video, "https://meet.exemple.fr/abc-def", "").is_ok());
    for bad in [
        "http://meet.exemple.fr/x",
        "javascript:alert(1)",
        "https://",
        "https://a b.fr",
    ] {
        assert_eq!(
            step_place(ContactFormat::Video, bad, ""),
            Err(Problem::MeetingLinkNotHttps),
            "{bad}"
        );
    }
    assert_eq!(
        step_place(ContactFormat::Meeting, "", " "),
        Err(Problem::MeetingAddressRequired)
    );
    let met = step_place(
        ContactFormat::Meeting,
        "https://x.fr",
        "12 rue de la Paix, Lyon",
    )
    .unwrap();
    assert_eq!(
        (met.link, met.address.as_deref()),
        (None, Some("12 rue de la Paix, Lyon"))
    );
    assert_eq!(step_place(ContactFormat::Phone, "", "").unwrap().link, None);
    assert!(step_duration(10).is_err() && step_duration(60).is_ok());
}
