//! The iCalendar invitation of a selection step (RFC 5545, sent by mail as iMIP, RFC
//! 6047): one UID per step for its whole life, a SEQUENCE raised on every new time and on
//! cancellation, so calendars update the event instead of adding one. Times are written in
//! UTC (`…Z`): every calendar converts them, and no VTIMEZONE (which the crate does not
//! write) is needed; the mail gives the time in France next to it.

use chrono::{DateTime, Duration, Utc};
use icalendar::{
    Attendee, Calendar, Component, Event, EventLike, EventStatus, PartStat, Property, Role,
};

use crate::domain::id::StepId;
use crate::server::mail::Invitation;

/// The platform organises the steps; replies are not read, so none is asked for.
pub const ORGANIZER: &str = "rendez-vous@b2bizen.fr";

pub struct Meeting<'a> {
    pub step: StepId,
    pub sequence: i32,
    pub starts_at: DateTime<Utc>,
    pub minutes: i32,
    pub summary: &'a str,
    pub description: &'a str,
    pub location: Option<&'a str>,
    pub url: Option<&'a str>,
    /// (name, e-mail) of the client's contact and of the expert.
    pub attendees: [(&'a str, &'a str); 2],
    pub stamp: DateTime<Utc>,
}

pub fn uid(step: StepId) -> String {
    format!("step-{step}@b2bizen.fr")
}

/// A name as a parameter value: quoted by the crate, so it must hold no quote and no
/// control character (a line break would start a property of its own).
fn parameter_text(name: &str) -> String {
    name.chars()
        .filter(|c| *c != '"' && !c.is_control())
        .collect()
}

pub fn invitation(m: &Meeting<'_>, cancel: bool) -> Invitation {
    let mut event = Event::new();
    event
        .uid(&uid(m.step))
        .sequence(m.sequence.max(0) as u32)
        .timestamp(m.stamp)
        .starts(m.starts_at)
        .ends(m.starts_at + Duration::minutes(m.minutes.into()))
        .summary(m.summary)
        .description(m.description)
        .status(if cancel {
            EventStatus::Cancelled
        } else {
            EventStatus::Confirmed
        });
    let mut organizer = Property::new("ORGANIZER", format!("mailto:{ORGANIZER}"));
    organizer.add_parameter("CN", "B2BiZen");
    event.append_property(organizer.done());
    for (name, email) in m.attendees {
        event.attendee(
            Attendee::new(format!("mailto:{email}"))
                .cn(parameter_text(name))
                .role(Role::ReqParticipant)
                .partstat(PartStat::Accepted)
                .rsvp(false),
        );
    }
    if let Some(location) = m.location {
        event.location(location);
    }
    if let Some(url) = m.url {
        event.url(url);
    }
    let method = if cancel { "CANCEL" } else { "REQUEST" };
    let mut calendar = Calendar::empty();
    calendar
        .append_property(("VERSION", "2.0"))
        .append_property(("PRODID", "-//B2BiZen//Selection//FR"))
        .append_property(("CALSCALE", "GREGORIAN"))
        .append_property(("METHOD", method))
        .push(event.done());
    Invitation {
        method,
        ics: calendar.done().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn meeting(sequence: i32) -> Meeting<'static> {
        Meeting {
            step: "00000000-0000-0000-0000-00000000abcd".parse().unwrap(),
            sequence,
            starts_at: utc("2027-03-29T08:00:00Z"),
            minutes: 45,
            summary: "B2BiZen — Visioconférence : Audit, réseau; «SI»",
            description: "Échange entre Acme et Anne",
            location: None,
            url: Some("https://meet.exemple.fr/abc"),
            attendees: [
                ("Claire \"la cliente\"\r\nX-EVIL:1", "achats@acme.fr"),
                ("Anne", "anne@exemple.fr"),
            ],
            stamp: utc("2027-03-20T12:00:00Z"),
        }
    }

    #[test]
    fn a_request_parses_back_with_its_utc_times_uid_and_sequence() {
        let invite = invitation(&meeting(0), false);
        assert_eq!(invite.method, "REQUEST");
        assert!(invite.ics.contains("\r\n"), "CRLF line endings");
        let parsed: Calendar = invite.ics.parse().expect("valid iCalendar");
        assert_eq!(parsed.property_value("METHOD"), Some("REQUEST"));
        let event = parsed.components[0].as_event().unwrap();
        assert_eq!(
            event.get_uid(),
            Some("step-00000000-0000-0000-0000-00000000abcd@b2bizen.fr")
        );
        assert_eq!(event.get_sequence(), Some(0));
        assert!(
            invite.ics.contains("DTSTART:20270329T080000Z"),
            "{}",
            invite.ics
        );
        assert!(
            invite.ics.contains("DTEND:20270329T084500Z"),
            "{}",
            invite.ics
        );
        assert_eq!(
            event.get_summary(),
            Some("B2BiZen — Visioconférence : Audit, réseau; «SI»")
        );
        // A name cannot break out of its parameter.
        assert!(!invite.ics.contains("\r\nX-EVIL"), "{}", invite.ics);
        assert_eq!(event.get_attendees().len(), 2);
    }

    #[test]
    fn a_cancellation_keeps_the_uid_and_says_so() {
        let invite = invitation(&meeting(2), true);
        assert_eq!(invite.method, "CANCEL");
        let parsed: Calendar = invite.ics.parse().unwrap();
        assert_eq!(parsed.property_value("METHOD"), Some("CANCEL"));
        let event = parsed.components[0].as_event().unwrap();
        assert_eq!(event.get_sequence(), Some(2));
        assert_eq!(event.get_status(), Some(EventStatus::Cancelled));
    }
}
