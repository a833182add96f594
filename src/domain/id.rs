//! One id type per entity, so that an expert's id cannot be passed where an account's is
//! expected: the compiler refuses it, in Rust and in the checked queries (binds are written
//! `id as AccountId`, columns `AS "id: AccountId"`). On the wire and in the database they
//! are the bare UUID or integer, so URLs and stored rows do not change.
//!
//! Reference data (domains, skills) has no id type: the product names them by slug, and the
//! matching index keeps their small integers as its own compact encoding.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use uuid::Uuid;

macro_rules! entity_id {
    ($($(#[$doc:meta])* $name:ident($inner:ty);)+) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name($inner);

        impl $name {
            pub const fn new(raw: $inner) -> Self {
                Self(raw)
            }

            /// The stored value, for the few places that talk to something without types
            /// (hashing for the tie-break, log fields).
            pub const fn get(self) -> $inner {
                self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl FromStr for $name {
            type Err = <$inner as FromStr>::Err;

            /// Ids read from a URL or a form: surrounding blanks are not part of them.
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                s.trim().parse().map(Self)
            }
        }
    )+};
}

entity_id! {
    /// A person's account (expert, client or admin).
    AccountId(Uuid);
    /// An expert's published record: the card and the matching index use it, the profile
    /// editor works on the account's draft.
    ExpertId(Uuid);
    /// A project published by a client.
    ProjectId(Uuid);
    /// A selection step of one path.
    StepId(Uuid);
    /// One version of an intermediation contract.
    ContractId(Uuid);
    /// One of the platform's invoices or credit notes to an expert.
    InvoiceId(Uuid);
    /// An expert's invoice to their client, uploaded as a copy.
    MissionInvoiceId(Uuid);
    /// One imported bank statement (camt.053).
    StatementId(Uuid);
    /// One line of an imported bank statement.
    StatementLineId(i64);
    /// A project still in the client's wizard.
    ProjectDraftId(Uuid);
    /// One submission of a profile for review.
    SubmissionId(i64);
    /// One expert proposed on one project.
    ProposalId(i64);
    /// One notice in an account's notifications.
    NotificationId(i64);
    /// One mail of the outbox.
    MailId(i64);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_travel_as_their_bare_value() {
        let raw = Uuid::from_u128(0x1234);
        let id = AccountId::new(raw);
        assert_eq!(
            serde_json::to_string(&id).unwrap(),
            serde_json::to_string(&raw).unwrap()
        );
        assert_eq!(
            serde_json::from_str::<ExpertId>("\"00000000-0000-0000-0000-000000001234\"")
                .unwrap()
                .get(),
            raw
        );
        assert_eq!(serde_json::to_string(&SubmissionId::new(7)).unwrap(), "7");
        assert_eq!(id.to_string(), raw.to_string());
    }

    #[test]
    fn ids_read_from_a_url_ignore_surrounding_blanks_and_refuse_the_rest() {
        let id: ProjectId = " 00000000-0000-0000-0000-000000001234\n".parse().unwrap();
        assert_eq!(id.get(), Uuid::from_u128(0x1234));
        assert!("not-an-id".parse::<ProjectId>().is_err());
        assert!("12a".parse::<SubmissionId>().is_err());
    }
}
