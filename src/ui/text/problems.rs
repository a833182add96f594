//! The texts of [`Problem`] and [`AppError`], from `locales/*/problems.json` and
//! `locales/*/errors.json`.

use chrono::NaiveDate;

use crate::domain::lang::Lang;
use crate::domain::problem::Problem;
use crate::domain::upload::UploadSlot;
use crate::error::AppError;

impl AppError {
    pub fn text(&self, lang: Lang) -> String {
        match self {
            AppError::Validation(p) | AppError::BadRequest(p) | AppError::TooLarge(p) => {
                p.text(lang)
            }
            AppError::RequestTimeout => tr_in!(lang, errors.request_timeout).into(),
            AppError::Unauthorized => tr_in!(lang, errors.unauthorized).into(),
            AppError::BadCredentials => tr_in!(lang, errors.bad_credentials).into(),
            AppError::InvalidLink => tr_in!(lang, errors.invalid_link).into(),
            AppError::Forbidden => tr_in!(lang, errors.forbidden).into(),
            AppError::NotFound => tr_in!(lang, errors.not_found).into(),
            AppError::RateLimited => tr_in!(lang, errors.rate_limited).into(),
            AppError::Unavailable => tr_in!(lang, errors.unavailable).into(),
            AppError::Internal => tr_in!(lang, errors.internal).into(),
        }
    }
}

fn date(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

impl Problem {
    /// What to tell the user, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        use Problem as P;
        let l = lang;
        match self {
            P::NameRequired { field } => {
                tr_in!(l, problems.name_required, field = name_field(*field, l)).to_string()
            }
            P::NameTooLong { field, max } => tr_in!(
                l,
                problems.name_too_long,
                field = name_field(*field, l),
                max = *max
            )
            .to_string(),
            P::NameMarkup { field } => tr_in!(
                l,
                problems.name_markup,
                field = name_field(*field, l),
                lt = "<",
                gt = ">"
            )
            .to_string(),
            P::NameHiddenCharacter { field } => tr_in!(
                l,
                problems.name_hidden_character,
                field = name_field(*field, l)
            )
            .to_string(),
            P::ProviderKindUnknown => tr_in!(l, problems.provider_kind_unknown).into(),
            P::EmailRequired => tr_in!(l, problems.email_required).into(),
            P::EmailInvalid => tr_in!(l, problems.email_invalid).into(),
            P::SiretLength => tr_in!(l, problems.siret_length).into(),
            P::SiretInvalid => tr_in!(l, problems.siret_invalid).into(),
            P::PasswordTooShort { min } => {
                tr_in!(l, problems.password_too_short, min = *min).to_string()
            }
            P::PasswordTooLong { max } => {
                tr_in!(l, problems.password_too_long, max = *max).to_string()
            }
            P::PasswordCommon => tr_in!(l, problems.password_common).into(),
            P::AccountExists => tr_in!(l, problems.account_exists).into(),
            P::EmailUnverified => tr_in!(l, problems.email_unverified).into(),
            P::SearchTooLong { max } => tr_in!(l, problems.search_too_long, max = *max).to_string(),
            P::CannotDisableSelf => tr_in!(l, problems.cannot_disable_self).into(),
            P::CurrentPasswordWrong => tr_in!(l, problems.current_password_wrong).into(),
            P::SkillRequiredAndOptional => tr_in!(l, problems.skill_required_and_optional).into(),
            P::SkillNoLongerOffered => tr_in!(l, problems.skill_no_longer_offered).into(),
            P::LangUnknown => tr_in!(l, problems.lang_unknown).into(),
            P::YearsRange => tr_in!(l, problems.years_range).into(),
            P::RateRange => tr_in!(l, problems.rate_range).into(),
            P::RateTooPrecise => tr_in!(l, problems.rate_too_precise).into(),
            P::RateInvalid => tr_in!(l, problems.rate_invalid).into(),
            P::BudgetRange => tr_in!(l, problems.budget_range).into(),
            P::BudgetInvalid => tr_in!(l, problems.budget_invalid).into(),
            P::DateInvalid => tr_in!(l, problems.date_invalid).into(),
            P::PhoneInvalid => tr_in!(l, problems.phone_invalid).into(),
            P::VatInvalid => tr_in!(l, problems.vat_invalid).into(),
            P::VatKey => tr_in!(l, problems.vat_key).into(),
            P::Departement { input } => {
                tr_in!(l, problems.departement, input = input.as_str()).to_string()
            }
            P::DaysRange => tr_in!(l, problems.days_range).into(),
            P::TooLong { max } => tr_in!(l, problems.too_long, max = *max).to_string(),
            P::VatSirenMismatch => tr_in!(l, problems.vat_siren_mismatch).into(),
            P::Attestation { status } => attestation(*status, l),
            P::DomainUnknown { slug } => {
                tr_in!(l, problems.domain_unknown, slug = slug.as_str()).to_string()
            }
            P::LanguageRequired => tr_in!(l, problems.language_required).into(),
            P::LanguageRepeated => tr_in!(l, problems.language_repeated).into(),
            P::LanguageLevelRequired => tr_in!(l, problems.language_level_required).into(),
            P::SkillRequired => tr_in!(l, problems.skill_required).into(),
            P::SkillOutsideDomains => tr_in!(l, problems.skill_outside_domains).into(),
            P::ExperienceTitleAndSector => tr_in!(l, problems.experience_title_and_sector).into(),
            P::ExperienceStart { problem } => {
                tr_in!(l, problems.experience_start, problem = problem.text(l)).to_string()
            }
            P::ExperienceEnd { problem } => {
                tr_in!(l, problems.experience_end, problem = problem.text(l)).to_string()
            }
            P::ExperienceEndsBeforeStart => tr_in!(l, problems.experience_ends_before_start).into(),
            P::ReferenceNameAndContact => tr_in!(l, problems.reference_name_and_contact).into(),
            P::TooLongToStore { field, max } => tr_in!(
                l,
                problems.too_long_to_store,
                field = any_field(*field, l),
                max = *max
            )
            .to_string(),
            P::TooManyEntries { field, max } => tr_in!(
                l,
                problems.too_many_entries,
                field = any_field(*field, l),
                max = *max
            )
            .to_string(),
            P::DossierIncomplete { missing, first } => dossier_incomplete(missing, first, l),
            P::DossierNotSaved => tr_in!(l, problems.dossier_not_saved).into(),
            P::DossierAlreadyPending => tr_in!(l, problems.dossier_already_pending).into(),
            P::EmailUnverifiedForUpload => tr_in!(l, problems.email_unverified_for_upload).into(),
            P::SaveTimeout => tr_in!(l, problems.save_timeout).into(),
            P::FileEmpty => tr_in!(l, problems.file_empty).into(),
            P::FileTooLarge { max_mb } => {
                tr_in!(l, problems.file_too_large, max_mb = *max_mb).to_string()
            }
            P::FileWrongType { slot } => {
                let expected = match slot {
                    UploadSlot::Photo => tr_in!(l, problems.expected_image),
                    UploadSlot::Cv | UploadSlot::Attestation => tr_in!(l, problems.expected_pdf),
                };
                tr_in!(l, problems.file_wrong_type, expected = expected).to_string()
            }
            P::PdfInvalid => tr_in!(l, problems.pdf_invalid).into(),
            P::PdfIncomplete => tr_in!(l, problems.pdf_incomplete).into(),
            P::PendingFilesQuota { max_mb } => {
                tr_in!(l, problems.pending_files_quota, max_mb = *max_mb).to_string()
            }
            P::UploadInterrupted { max_mb } => {
                tr_in!(l, problems.upload_interrupted, max_mb = *max_mb).to_string()
            }
            P::NoFile => tr_in!(l, problems.no_file).into(),
            P::PhotoTooManyPixels {
                width,
                height,
                megapixels,
                max_megapixels,
                max_side,
            } => tr_in!(
                l,
                problems.photo_too_many_pixels,
                width = *width,
                height = *height,
                megapixels = *megapixels,
                max_megapixels = *max_megapixels,
                max_side = *max_side
            )
            .to_string(),
            P::PhotoTooHeavy { mb, max_mb } => {
                tr_in!(l, problems.photo_too_heavy, mb = *mb, max_mb = *max_mb).to_string()
            }
            P::PhotoUnreadableOrTooLarge => {
                tr_in!(l, problems.photo_unreadable_or_too_large).into()
            }
            P::PhotoUnreadable => tr_in!(l, problems.photo_unreadable).into(),
            P::DecisionMessageTooLong { max } => {
                tr_in!(l, problems.decision_message_too_long, max = *max).to_string()
            }
            P::DecisionMessageRequired => tr_in!(l, problems.decision_message_required).into(),
            P::DecisionUnknown => tr_in!(l, problems.decision_unknown).into(),
            P::AlreadyDecided => tr_in!(l, problems.already_decided).into(),
            P::SnapshotInvalid { field } => tr_in!(
                l,
                problems.snapshot_invalid,
                field = snapshot_field(*field, l)
            )
            .to_string(),
            P::AttestationExpiredAtReview { since } => tr_in!(
                l,
                problems.attestation_expired_at_review,
                since = date(*since)
            )
            .to_string(),
            P::LabelTooShort { lang } => {
                tr_in!(l, problems.label_too_short, label = label_lang(*lang, l)).to_string()
            }
            P::LabelTooLong { lang } => {
                tr_in!(l, problems.label_too_long, label = label_lang(*lang, l)).to_string()
            }
            P::LabelWithoutLetters => tr_in!(l, problems.label_without_letters).into(),
            P::LabelTaken => tr_in!(l, problems.label_taken).into(),
            P::RenameTargetUnknown => tr_in!(l, problems.rename_target_unknown).into(),
            P::ProjectTitle => tr_in!(l, problems.project_title).into(),
            P::ProjectDescription => tr_in!(l, problems.project_description).into(),
            P::ProjectDomain => tr_in!(l, problems.project_domain).into(),
            P::RequiredSkillMissing => tr_in!(l, problems.required_skill_missing).into(),
            P::SkillsOutsideDomain => tr_in!(l, problems.skills_outside_domain).into(),
            P::LevelUnknown => tr_in!(l, problems.level_unknown).into(),
            P::ProjectLanguages => tr_in!(l, problems.project_languages).into(),
            P::PlacesRequired => tr_in!(l, problems.places_required).into(),
            P::StartDatePast => tr_in!(l, problems.start_date_past).into(),
            P::BilledDaysOverDuration { duration } => {
                tr_in!(l, problems.billed_days_over_duration, duration = *duration).to_string()
            }
            P::ContactFormatRequired => tr_in!(l, problems.contact_format_required).into(),
            P::ProjectAlreadyPublished => tr_in!(l, problems.project_already_published).into(),
            P::TooManyProjectDrafts { max } => {
                tr_in!(l, problems.too_many_project_drafts, max = *max).to_string()
            }
            P::EmailUnverifiedForProject => tr_in!(l, problems.email_unverified_for_project).into(),
            P::ProjectIncomplete { step, problem } => tr_in!(
                l,
                problems.project_incomplete,
                step = step_label(*step, l),
                problem = problem.text(l)
            )
            .to_string(),
            P::ProfileNotPublished => tr_in!(l, problems.profile_not_published).into(),
            P::ApplicationLength => tr_in!(l, problems.application_length).into(),
            P::AlreadyApplied => tr_in!(l, problems.already_applied).into(),
            P::ProposalCount => tr_in!(l, problems.proposal_count).into(),
            P::NotProposable { refused } => {
                let list: Vec<String> = refused.iter().map(|r| refusal(r, l)).collect();
                let list = list.join(tr_in!(l, problems.refused_separator));
                tr_in!(l, problems.not_proposable, refused = list).to_string()
            }
            P::TransitionImpossible { from, event } => tr_in!(
                l,
                problems.transition_impossible,
                event = crate::ui::text::selection::event_label(l, *event),
                state = proposal_state(*from, l)
            )
            .to_string(),
            P::ProjectNotOpen { status } => match status {
                crate::domain::project::ProjectStatus::Closed => {
                    tr_in!(l, problems.project_closed).into()
                }
                crate::domain::project::ProjectStatus::Cancelled => {
                    tr_in!(l, problems.project_cancelled).into()
                }
                _ => tr_in!(l, problems.project_not_open).into(),
            },
            P::EventNotForParty { .. } => tr_in!(l, problems.event_not_for_party).into(),
            P::EndReasonRequired => tr_in!(l, problems.end_reason_required).into(),
            P::ProjectEditUnderWay => tr_in!(l, problems.project_edit_under_way).into(),
            P::ProjectEndReasonRequired => tr_in!(l, problems.project_end_reason_required).into(),
            P::ProjectEndCommentTooLong { max } => {
                tr_in!(l, problems.project_end_comment_too_long, max = *max).to_string()
            }
            P::ChatMessageEmpty => tr_in!(l, problems.chat_message_empty).into(),
            P::ChatMessageTooLong { max } => {
                tr_in!(l, problems.chat_message_too_long, max = *max).to_string()
            }
            P::ChatClosed => tr_in!(l, problems.chat_closed).into(),
            P::SlotUnreadable => tr_in!(l, problems.slot_unreadable).into(),
            P::SlotSkippedByDaylightSaving => {
                tr_in!(l, problems.slot_skipped_by_daylight_saving).into()
            }
            P::SlotTooSoon { hours } => {
                tr_in!(l, problems.slot_too_soon, hours = *hours).to_string()
            }
            P::SlotTooFar { days } => tr_in!(l, problems.slot_too_far, days = *days).to_string(),
            P::SlotCount { min, max } => {
                tr_in!(l, problems.slot_count, min = *min, max = *max).to_string()
            }
            P::SlotNotOffered => tr_in!(l, problems.slot_not_offered).into(),
            P::StepDurationOutOfRange { min, max } => tr_in!(
                l,
                problems.step_duration_out_of_range,
                min = *min,
                max = *max
            )
            .to_string(),
            P::MeetingLinkNotHttps => tr_in!(l, problems.meeting_link_not_https).into(),
            P::MeetingAddressRequired => tr_in!(l, problems.meeting_address_required).into(),
            P::MeetingAddressTooLong { max } => {
                tr_in!(l, problems.meeting_address_too_long, max = *max).to_string()
            }
            P::StepActionImpossible => tr_in!(l, problems.step_action_impossible).into(),
            P::StepNotHeldYet => tr_in!(l, problems.step_not_held_yet).into(),
            P::StepsClosed => tr_in!(l, problems.steps_closed).into(),
            P::QuoteLinesRequired
            | P::QuoteLinesTooMany { .. }
            | P::QuoteLineDescription { .. }
            | P::QuoteLineQuantity { .. }
            | P::QuoteLinePrice { .. }
            | P::QuoteFranchiseVat { .. }
            | P::PaymentTermsInvalid
            | P::PaymentTermsTooLong { .. }
            | P::QuoteValidity { .. }
            | P::QuoteNotExpected
            | P::QuoteFrozen
            | P::QuoteVersionStale
            | P::QuoteExpired { .. }
            | P::RevisionCommentRequired
            | P::RevisionCommentTooLong { .. } => quote::text(self, l),
            P::ContractLegalForm { .. }
            | P::ContractAddress { .. }
            | P::ContractSignatory { .. }
            | P::ContractSignatoryRole { .. }
            | P::ContractNotOpened
            | P::SignatureConsentRequired
            | P::SignatureCodeFormat { .. }
            | P::SignatureCodeWrong { .. }
            | P::SignatureCodeLocked
            | P::SignatureCodeExpired { .. }
            | P::SignatureCodeMissing
            | P::ContractNotToSign
            | P::MissionNotExpected
            | P::MissionDateFuture
            | P::NoMissionReasonRequired
            | P::NotAPdf => contract::text(self, l),
            P::ScheduleInvalid
            | P::ScheduleVersionTaken
            | P::MissionInvoiceNotExpected
            | P::MissionInvoiceNumber { .. }
            | P::MissionInvoiceDuplicate
            | P::MissionInvoiceDates
            | P::MissionInvoiceAmount
            | P::MissionInvoiceFileRequired
            | P::MissionInvoiceDueDate
            | P::PaymentDate
            | P::PaymentAlreadyConfirmed
            | P::PaymentAmount
            | P::StatementUnreadable
            | P::StatementAlreadyImported
            | P::RefundNotDue => billing::text(self, l),
            P::RequestMalformed => tr_in!(l, problems.request_malformed).into(),
            P::RequestInterrupted => tr_in!(l, problems.request_interrupted).into(),
            P::RequestTooLarge { max_mb } => {
                tr_in!(l, problems.request_too_large, max_mb = *max_mb).to_string()
            }
        }
    }
}

mod billing;
mod contract;
mod dossier;
mod labels;
mod quote;
pub use dossier::attestation;
use dossier::dossier_incomplete;
pub use labels::field_label;
use labels::{
    any_field, label_lang, name_field, proposal_state, refusal, snapshot_field, step_label,
};

#[cfg(test)]
mod tests;
