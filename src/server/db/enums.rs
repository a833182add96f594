//! The stored enums as PostgreSQL TEXT, through their one mapping in the domain
//! (`as_str` to write, `ALL` + `as_str` to read). The domain cannot depend on sqlx, so
//! the impls live here. Reading a value the mapping does not know is a decode error,
//! never a silent default.

use sqlx::encode::IsNull;
use sqlx::error::BoxDynError;
use sqlx::postgres::{PgArgumentBuffer, PgHasArrayType, PgTypeInfo, PgValueRef};
use sqlx::{Decode, Encode, Postgres, Type};

use crate::domain::account::{ProviderKind, Role, TokenPurpose};
use crate::domain::billing::events::{BillingChange, LineState, PaymentSource, UnmatchedWhy};
use crate::domain::billing::invoice::{InvoiceKind, Series};
use crate::domain::contract::{ContractChange, ContractState, EvidenceKind, NoMissionReason};
use crate::domain::lang::Lang;
use crate::domain::live::LiveKind;
use crate::domain::notification::NoticeKind;
use crate::domain::profile::{LanguageLevel, ProfileLevel};
use crate::domain::project::{ContactFormat, ProjectEndReason, ProjectStatus};
use crate::domain::quote::{QuoteChange, QuoteState, QuoteUnit, TermsBasis, VatRate};
use crate::domain::review::{Decision, ExpertStatus, ViewKind};
use crate::domain::selection::step::{StepChange, StepState};
use crate::domain::selection::{Party, ProposalEndReason, ProposalEvent, ProposalState};
use crate::domain::upload::UploadSlot;

/// `text_enum!(Type => mapping, ...)`: `mapping` is the enum's `fn(self) -> &'static str`.
macro_rules! text_enum {
    ($($ty:ty => $name:ident),+ $(,)?) => {$(
        impl Type<Postgres> for $ty {
            fn type_info() -> PgTypeInfo {
                <&str as Type<Postgres>>::type_info()
            }

            fn compatible(ty: &PgTypeInfo) -> bool {
                <&str as Type<Postgres>>::compatible(ty)
            }
        }

        impl PgHasArrayType for $ty {
            fn array_type_info() -> PgTypeInfo {
                <&str as PgHasArrayType>::array_type_info()
            }

            fn array_compatible(ty: &PgTypeInfo) -> bool {
                <&str as PgHasArrayType>::array_compatible(ty)
            }
        }

        impl Encode<'_, Postgres> for $ty {
            fn encode_by_ref(&self, buf: &mut PgArgumentBuffer) -> Result<IsNull, BoxDynError> {
                <&str as Encode<Postgres>>::encode(self.$name(), buf)
            }
        }

        impl<'r> Decode<'r, Postgres> for $ty {
            fn decode(value: PgValueRef<'r>) -> Result<Self, BoxDynError> {
                let s = <&str as Decode<Postgres>>::decode(value)?;
                <$ty>::ALL
                    .into_iter()
                    .find(|v| v.$name() == s)
                    .ok_or_else(|| format!("unknown {} {s:?}", stringify!($ty)).into())
            }
        }
    )+};
}

text_enum!(
    Role => as_str,
    ProviderKind => as_str,
    TokenPurpose => as_str,
    ExpertStatus => as_str,
    ProjectStatus => as_str,
    ProposalState => as_str,
    Decision => as_str,
    LanguageLevel => as_str,
    UploadSlot => as_str,
    ProfileLevel => slug,
    Lang => code,
    NoticeKind => as_str,
    ViewKind => as_str,
    ContactFormat => as_str,
    ProjectEndReason => as_str,
    ProposalEndReason => as_str,
    ProposalEvent => as_str,
    Party => as_str,
    LiveKind => as_str,
    StepState => as_str,
    StepChange => as_str,
    QuoteState => as_str,
    QuoteChange => as_str,
    QuoteUnit => as_str,
    VatRate => as_str,
    TermsBasis => as_str,
    ContractState => as_str,
    ContractChange => as_str,
    EvidenceKind => as_str,
    NoMissionReason => as_str,
    InvoiceKind => as_str,
    Series => as_str,
    BillingChange => as_str,
    LineState => as_str,
    UnmatchedWhy => as_str,
    PaymentSource => as_str,
);

#[cfg(test)]
mod tests {
    use super::*;

    /// Every value the mapping writes is one the table's CHECK constraint accepts, and
    /// the reverse: the migrations and the enums list the same values.
    #[test]
    fn enums_match_the_check_constraints() {
        fn values<T: Copy>(all: &[T], f: fn(T) -> &'static str) -> Vec<&'static str> {
            all.iter().map(|v| f(*v)).collect()
        }
        let migrations: String = std::fs::read_dir("migrations")
            .unwrap()
            .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
            .collect();
        let cases: [(&str, Vec<&str>); 34] = [
            ("role", values(&Role::ALL, Role::as_str)),
            ("kind", values(&ProviderKind::ALL, ProviderKind::as_str)),
            ("purpose", values(&TokenPurpose::ALL, TokenPurpose::as_str)),
            ("status", values(&ExpertStatus::ALL, ExpertStatus::as_str)),
            ("status", values(&ProjectStatus::ALL, ProjectStatus::as_str)),
            ("state", values(&ProposalState::ALL, ProposalState::as_str)),
            ("decision", values(&Decision::ALL, Decision::as_str)),
            ("level", values(&LanguageLevel::ALL, LanguageLevel::as_str)),
            ("slot", values(&UploadSlot::ALL, UploadSlot::as_str)),
            ("language", values(&Lang::ALL, Lang::code)),
            ("kind", values(&NoticeKind::ALL, NoticeKind::as_str)),
            ("kind", values(&ViewKind::ALL, ViewKind::as_str)),
            (
                "end_reason",
                values(&ProjectEndReason::ALL, ProjectEndReason::as_str),
            ),
            (
                "end_reason",
                values(&ProposalEndReason::ALL, ProposalEndReason::as_str),
            ),
            ("event", values(&ProposalEvent::ALL, ProposalEvent::as_str)),
            ("party", values(&Party::ALL, Party::as_str)),
            ("kind", values(&LiveKind::ALL, LiveKind::as_str)),
            ("state", values(&StepState::ALL, StepState::as_str)),
            ("change", values(&StepChange::ALL, StepChange::as_str)),
            ("state", values(&QuoteState::ALL, QuoteState::as_str)),
            ("change", values(&QuoteChange::ALL, QuoteChange::as_str)),
            ("unit", values(&QuoteUnit::ALL, QuoteUnit::as_str)),
            ("vat_rate", values(&VatRate::ALL, VatRate::as_str)),
            ("terms_basis", values(&TermsBasis::ALL, TermsBasis::as_str)),
            ("state", values(&ContractState::ALL, ContractState::as_str)),
            (
                "change",
                values(&ContractChange::ALL, ContractChange::as_str),
            ),
            ("kind", values(&EvidenceKind::ALL, EvidenceKind::as_str)),
            (
                "no_mission_reason",
                values(&NoMissionReason::ALL, NoMissionReason::as_str),
            ),
            ("kind", values(&InvoiceKind::ALL, InvoiceKind::as_str)),
            ("series", values(&Series::ALL, Series::as_str)),
            ("change", values(&BillingChange::ALL, BillingChange::as_str)),
            ("state", values(&LineState::ALL, LineState::as_str)),
            ("why", values(&UnmatchedWhy::ALL, UnmatchedWhy::as_str)),
            ("source", values(&PaymentSource::ALL, PaymentSource::as_str)),
        ];
        for (column, values) in cases {
            let list = values
                .iter()
                .map(|v| format!("'{v}'"))
                .collect::<Vec<_>>()
                .join(", ");
            let check = format!("{column} IN ({list})");
            assert!(
                migrations.contains(&check),
                "no CHECK ({check}) in the migrations"
            );
        }
    }

    #[test]
    fn parse_inverts_as_str() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Some(r));
        }
        for k in ProviderKind::ALL {
            assert_eq!(ProviderKind::parse(k.as_str()), Ok(k));
        }
        for p in TokenPurpose::ALL {
            assert_eq!(TokenPurpose::parse(p.as_str()), Some(p));
        }
        for s in ExpertStatus::ALL {
            assert_eq!(ExpertStatus::parse(s.as_str()), Some(s));
        }
        for s in ProjectStatus::ALL {
            assert_eq!(ProjectStatus::parse(s.as_str()), Some(s));
        }
        for s in ProposalState::ALL {
            assert_eq!(ProposalState::parse(s.as_str()), Some(s));
        }
        for d in Decision::ALL {
            assert_eq!(Decision::parse(d.as_str()), Some(d));
        }
        for l in LanguageLevel::ALL {
            assert_eq!(LanguageLevel::parse(l.as_str()), Some(l));
        }
        for s in UploadSlot::ALL {
            assert_eq!(UploadSlot::parse(s.as_str()), Some(s));
        }
        for l in ProfileLevel::ALL {
            assert_eq!(ProfileLevel::parse(l.slug()), Some(l));
        }
    }
}
