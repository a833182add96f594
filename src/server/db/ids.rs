//! The entity ids as their bare PostgreSQL values (uuid, bigint). Like the enums, the
//! impls live here because the domain cannot depend on sqlx.

use sqlx::encode::IsNull;
use sqlx::error::BoxDynError;
use sqlx::postgres::{PgArgumentBuffer, PgHasArrayType, PgTypeInfo, PgValueRef};
use sqlx::{Decode, Encode, Postgres, Type};
use uuid::Uuid;

use crate::domain::id::{
    AccountId, ContractId, ExpertId, InvoiceId, MailId, MissionInvoiceId, NotificationId,
    ProjectDraftId, ProjectId, ProposalId, StatementId, StatementLineId, StepId, SubmissionId,
};

macro_rules! stored_id {
    ($($ty:ty => $inner:ty),+ $(,)?) => {$(
        impl Type<Postgres> for $ty {
            fn type_info() -> PgTypeInfo {
                <$inner as Type<Postgres>>::type_info()
            }

            fn compatible(ty: &PgTypeInfo) -> bool {
                <$inner as Type<Postgres>>::compatible(ty)
            }
        }

        impl PgHasArrayType for $ty {
            fn array_type_info() -> PgTypeInfo {
                <$inner as PgHasArrayType>::array_type_info()
            }

            fn array_compatible(ty: &PgTypeInfo) -> bool {
                <$inner as PgHasArrayType>::array_compatible(ty)
            }
        }

        impl Encode<'_, Postgres> for $ty {
            fn encode_by_ref(&self, buf: &mut PgArgumentBuffer) -> Result<IsNull, BoxDynError> {
                <$inner as Encode<Postgres>>::encode(self.get(), buf)
            }
        }

        impl<'r> Decode<'r, Postgres> for $ty {
            fn decode(value: PgValueRef<'r>) -> Result<Self, BoxDynError> {
                <$inner as Decode<Postgres>>::decode(value).map(<$ty>::new)
            }
        }
    )+};
}

stored_id! {
    AccountId => Uuid,
    ExpertId => Uuid,
    ProjectId => Uuid,
    ProjectDraftId => Uuid,
    StepId => Uuid,
    ContractId => Uuid,
    InvoiceId => Uuid,
    MissionInvoiceId => Uuid,
    StatementId => Uuid,
    StatementLineId => i64,
    SubmissionId => i64,
    ProposalId => i64,
    NotificationId => i64,
    MailId => i64,
}
