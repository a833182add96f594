//! The parties as the contract names them. The client's signatory and company details
//! are given when the quote is accepted; the expert's come from their dossier; the
//! platform's from the configuration.

use serde::{Deserialize, Serialize};

use crate::domain::problem::Problem;

/// A party to the contract, frozen in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContractParty {
    /// The company (or the expert's trade name).
    pub name: String,
    pub legal_form: String,
    /// SIRET, or SIREN for the platform.
    pub registration: String,
    pub address: String,
    /// Who signs, and in what capacity.
    pub signatory: String,
    pub signatory_role: String,
}

/// What the client gives when accepting a quote, so that the contract can name them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClientSignatoryForm {
    #[serde(default)]
    pub legal_form: String,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub signatory: String,
    #[serde(default)]
    pub signatory_role: String,
}

pub const DETAIL_MAX_CHARS: usize = 160;
pub const ADDRESS_MAX_CHARS: usize = 300;

impl ClientSignatoryForm {
    /// The client's party, from their company and SIRET on the account and this form.
    pub fn parse(&self, company: &str, siret: &str) -> Result<ContractParty, Problem> {
        let field = |value: &str, max: usize, problem: Problem| {
            let value = value.trim();
            if value.is_empty() || value.chars().count() > max {
                Err(problem)
            } else {
                Ok(value.to_string())
            }
        };
        Ok(ContractParty {
            name: company.to_string(),
            legal_form: field(
                &self.legal_form,
                DETAIL_MAX_CHARS,
                Problem::ContractLegalForm {
                    max: DETAIL_MAX_CHARS,
                },
            )?,
            registration: siret.to_string(),
            address: field(
                &self.address,
                ADDRESS_MAX_CHARS,
                Problem::ContractAddress {
                    max: ADDRESS_MAX_CHARS,
                },
            )?,
            signatory: field(
                &self.signatory,
                DETAIL_MAX_CHARS,
                Problem::ContractSignatory {
                    max: DETAIL_MAX_CHARS,
                },
            )?,
            signatory_role: field(
                &self.signatory_role,
                DETAIL_MAX_CHARS,
                Problem::ContractSignatoryRole {
                    max: DETAIL_MAX_CHARS,
                },
            )?,
        })
    }
}
