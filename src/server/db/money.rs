//! `Euros` as PostgreSQL `numeric`: the amount columns are `numeric(_, 2)`, so a stored
//! value always has its two decimals; one with more is a decode error, never rounded.

use rust_decimal::Decimal;
use sqlx::encode::IsNull;
use sqlx::error::BoxDynError;
use sqlx::postgres::{PgArgumentBuffer, PgTypeInfo, PgValueRef};
use sqlx::{Decode, Encode, Postgres, Type};

use crate::domain::money::Euros;

impl Type<Postgres> for Euros {
    fn type_info() -> PgTypeInfo {
        <Decimal as Type<Postgres>>::type_info()
    }

    fn compatible(ty: &PgTypeInfo) -> bool {
        <Decimal as Type<Postgres>>::compatible(ty)
    }
}

impl Encode<'_, Postgres> for Euros {
    fn encode_by_ref(&self, buf: &mut PgArgumentBuffer) -> Result<IsNull, BoxDynError> {
        <Decimal as Encode<Postgres>>::encode(self.as_decimal(), buf)
    }
}

impl<'r> Decode<'r, Postgres> for Euros {
    fn decode(value: PgValueRef<'r>) -> Result<Self, BoxDynError> {
        let amount = <Decimal as Decode<Postgres>>::decode(value)?;
        Euros::new(amount).map_err(|err| format!("stored amount {amount}: {err}").into())
    }
}
