//! What a problem names: the account form's inputs, the dossier's and the wizard's
//! fields, and why an expert cannot be proposed.

use serde::{Deserialize, Serialize};

use super::Problem;
use crate::domain::eligibility::AttestationStatus;
use crate::domain::matching::Rejection;
use crate::domain::profile::FieldId;

/// The input of an account form (sign-up, sign-in, account page) a problem is about, so
/// that the form shows it at that input rather than under the button.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccountInput {
    Kind,
    FirstName,
    LastName,
    CompanyName,
    Siret,
    Email,
    Password,
    CurrentPassword,
}

impl Problem {
    pub fn account_input(&self) -> Option<AccountInput> {
        use Problem::*;
        Some(match self {
            NameRequired { field }
            | NameTooLong { field, .. }
            | NameMarkup { field }
            | NameHiddenCharacter { field } => match field {
                NameField::FirstName => AccountInput::FirstName,
                NameField::LastName => AccountInput::LastName,
                NameField::CompanyName => AccountInput::CompanyName,
            },
            ProviderKindUnknown => AccountInput::Kind,
            EmailRequired | EmailInvalid | AccountExists => AccountInput::Email,
            SiretLength | SiretInvalid => AccountInput::Siret,
            PasswordTooShort { .. } | PasswordTooLong { .. } | PasswordCommon => {
                AccountInput::Password
            }
            CurrentPasswordWrong => AccountInput::CurrentPassword,
            _ => return None,
        })
    }
}

/// The name fields of sign-up and of the dossier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NameField {
    FirstName,
    LastName,
    CompanyName,
}

/// A field named in a size problem: the dossier's or the project wizard's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Dossier(FieldId),
    Project(ProjectField),
}

/// The fields of the project wizard, as named in size problems.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProjectField {
    Title,
    Description,
    Domain,
    Skills,
    Level,
    Languages,
    Places,
    StartDate,
    Duration,
    BudgetMode,
    Budget,
    DailyRate,
    Days,
    ContactFormats,
}

/// An expert an admin may not propose, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Refusal {
    /// `None`: no such expert.
    pub name: Option<String>,
    pub reason: Unproposable,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "reason", content = "data", rename_all = "snake_case")]
pub enum Unproposable {
    /// A demonstration profile: nobody behind it to tell or to contract with.
    Demo,
    AccountDisabled,
    NotPublished,
    NoAttestation,
    NotIndexed,
    Attestation(AttestationStatus),
    Criteria(Rejection),
}
