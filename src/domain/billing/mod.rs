//! Billing: the platform's degressive commission, its invoices and credit notes to the
//! experts, payments, and the late-payment rules of French law.
//!
//! Pure rules and documents only: the server numbers, stores and sends them. The XML
//! readers and writers (bank statements, Factur-X) run on the server alone, so they are
//! compiled with `ssr` and keep their XML parser out of the browser's bundle.

pub mod commission;
pub mod epc;
pub mod events;
pub mod invoice;
pub mod mission;
pub mod penalty;
pub mod views;

#[cfg(feature = "ssr")]
pub mod camt;
#[cfg(feature = "ssr")]
pub mod facturx;
