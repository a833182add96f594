//! Why an input or a request is refused, as data: the rules here say what is wrong, the
//! texts for users (French, English) are rendered outside the domain, from
//! `locales/*/problems.json` (see `crate::ui::text::problems`).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::eligibility::AttestationStatus;
use super::lang::Lang;
use super::profile::FieldId;
use super::project::Step;
use super::selection::{ProposalEvent, ProposalState};
use super::upload::UploadSlot;

/// Externally tagged on the wire, like [`crate::error::AppError`] and for the same reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Problem {
    // Accounts.
    NameRequired {
        field: NameField,
    },
    NameTooLong {
        field: NameField,
        max: usize,
    },
    NameMarkup {
        field: NameField,
    },
    NameHiddenCharacter {
        field: NameField,
    },
    ProviderKindUnknown,
    EmailRequired,
    EmailInvalid,
    SiretLength,
    SiretInvalid,
    PasswordTooShort {
        min: usize,
    },
    PasswordTooLong {
        max: usize,
    },
    PasswordCommon,
    AccountExists,
    EmailUnverified,
    SearchTooLong {
        max: usize,
    },
    CannotDisableSelf,
    CurrentPasswordWrong,
    LangUnknown,

    // What users type (see `domain::parse`).
    YearsRange,
    RateRange,
    RateTooPrecise,
    RateInvalid,
    BudgetRange,
    BudgetInvalid,
    DateInvalid,
    PhoneInvalid,
    VatInvalid,
    VatKey,
    Departement {
        input: String,
    },
    DaysRange,
    TooLong {
        max: usize,
    },

    // The dossier.
    VatSirenMismatch,
    Attestation {
        status: AttestationStatus,
    },
    DomainUnknown {
        slug: String,
    },
    LanguageRequired,
    LanguageRepeated,
    LanguageLevelRequired,
    SkillRequired,
    SkillOutsideDomains,
    ExperienceTitleAndSector,
    ExperienceStart {
        problem: Box<Problem>,
    },
    ExperienceEnd {
        problem: Box<Problem>,
    },
    ExperienceEndsBeforeStart,
    ReferenceNameAndContact,
    /// A text or a list far beyond what a form produces: not stored at all.
    TooLongToStore {
        field: Field,
        max: usize,
    },
    TooManyEntries {
        field: Field,
        max: usize,
    },
    /// What blocks a submission: required fields still empty, and the first problem.
    DossierIncomplete {
        missing: Vec<FieldId>,
        first: Option<(FieldId, Box<Problem>)>,
    },
    DossierNotSaved,
    /// A project skill ticked both as required and as optional.
    SkillRequiredAndOptional,
    /// A skill admins hid, added by a request no form makes.
    SkillNoLongerOffered,
    DossierAlreadyPending,
    EmailUnverifiedForUpload,
    SaveTimeout,

    // Uploads.
    FileEmpty,
    FileTooLarge {
        max_mb: usize,
    },
    FileWrongType {
        slot: UploadSlot,
    },
    PdfInvalid,
    PdfIncomplete,
    PendingFilesQuota {
        max_mb: u64,
    },
    UploadInterrupted {
        max_mb: usize,
    },
    NoFile,
    PhotoTooManyPixels {
        width: u32,
        height: u32,
        megapixels: u64,
        max_megapixels: u64,
        max_side: u32,
    },
    PhotoTooHeavy {
        mb: u64,
        max_mb: u64,
    },
    PhotoUnreadableOrTooLarge,
    PhotoUnreadable,

    // Reviews.
    DecisionMessageTooLong {
        max: usize,
    },
    DecisionMessageRequired,
    DecisionUnknown,
    AlreadyDecided,
    /// An approved snapshot with a value that does not parse (never expected).
    SnapshotInvalid {
        field: FieldId,
    },
    AttestationExpiredAtReview {
        since: NaiveDate,
    },

    // Reference data.
    LabelTooShort {
        lang: Lang,
    },
    LabelTooLong {
        lang: Lang,
    },
    LabelWithoutLetters,
    LabelTaken,
    RenameTargetUnknown,

    // The project wizard.
    ProjectTitle,
    ProjectDescription,
    ProjectDomain,
    RequiredSkillMissing,
    SkillsOutsideDomain,
    LevelUnknown,
    ProjectLanguages,
    PlacesRequired,
    StartDatePast,
    BilledDaysOverDuration {
        duration: u32,
    },
    ContactFormatRequired,
    ProjectAlreadyPublished,
    TooManyProjectDrafts {
        max: i64,
    },
    EmailUnverifiedForProject,
    ProjectIncomplete {
        step: Step,
        problem: Box<Problem>,
    },

    // Selection.
    ProfileNotPublished,
    ApplicationLength,
    AlreadyApplied,
    ProposalCount,
    NotProposable {
        refused: Vec<Refusal>,
    },
    TransitionImpossible {
        from: ProposalState,
        event: ProposalEvent,
    },
    /// This party does not fire this event (an expert shortlisting, a client withdrawing).
    EventNotForParty {
        event: ProposalEvent,
    },
    /// An end (decline, not kept, withdrawn) needs a reason of its list.
    EndReasonRequired,
    /// The project is no longer open: it cannot be edited, ended or proposed for.
    ProjectNotOpen {
        status: super::project::ProjectStatus,
    },
    ProjectEndReasonRequired,
    /// Another tab started an edit of the same project.
    ProjectEditUnderWay,
    ProjectEndCommentTooLong {
        max: usize,
    },

    // Conversations.
    ChatMessageEmpty,
    ChatMessageTooLong {
        max: usize,
    },
    /// The path is over (declined, not kept, withdrawn): its conversation is read-only.
    ChatClosed,

    // Selection steps.
    SlotUnreadable,
    /// The hour skipped when France moves to summer time.
    SlotSkippedByDaylightSaving,
    SlotTooSoon {
        hours: i64,
    },
    SlotTooFar {
        days: i64,
    },
    SlotCount {
        min: usize,
        max: usize,
    },
    /// The slot picked is not one of those offered.
    SlotNotOffered,
    StepDurationOutOfRange {
        min: i32,
        max: i32,
    },
    MeetingLinkNotHttps,
    MeetingAddressRequired,
    MeetingAddressTooLong {
        max: usize,
    },
    StepActionImpossible,
    /// An outcome is recorded once the step has taken place.
    StepNotHeldYet,
    /// Steps are for shortlisted experts, before the choice.
    StepsClosed,

    // Quotes.
    QuoteLinesRequired,
    QuoteLinesTooMany {
        max: usize,
    },
    QuoteLineDescription {
        line: usize,
        max: usize,
    },
    QuoteLineQuantity {
        line: usize,
        max: u32,
    },
    QuoteLinePrice {
        line: usize,
        max: u32,
    },
    /// A VAT rate other than 0 % on a quote under the VAT franchise.
    QuoteFranchiseVat {
        line: usize,
    },
    PaymentTermsInvalid,
    /// Beyond what art. L441-10 du Code de commerce allows.
    PaymentTermsTooLong {
        basis: super::quote::TermsBasis,
        max_days: u16,
    },
    QuoteValidity {
        max_days: i64,
    },
    /// No quote is expected now: the expert is not (or no longer) the client's choice,
    /// or the latest version waits for the expert.
    QuoteNotExpected,
    /// The accepted version is frozen: any change needs a new contract.
    QuoteFrozen,
    /// The answer is to a version that is no longer the latest.
    QuoteVersionStale,
    QuoteExpired {
        valid_until: NaiveDate,
    },
    RevisionCommentRequired,
    RevisionCommentTooLong {
        max: usize,
    },

    // Contracts and signatures.
    ContractLegalForm {
        max: usize,
    },
    ContractAddress {
        max: usize,
    },
    ContractSignatory {
        max: usize,
    },
    ContractSignatoryRole {
        max: usize,
    },
    /// The signer must open the document before asking for a code.
    ContractNotOpened,
    SignatureConsentRequired,
    SignatureCodeFormat {
        digits: usize,
    },
    SignatureCodeWrong {
        left: i32,
    },
    SignatureCodeLocked,
    SignatureCodeExpired {
        minutes: i64,
    },
    /// No code was asked for (or it was used).
    SignatureCodeMissing,
    /// Signed already, or no longer to sign (a newer version, a path ended).
    ContractNotToSign,
    /// The mission contract is declared once the intermediation contract is signed, once.
    MissionNotExpected,
    MissionDateFuture,
    NoMissionReasonRequired,
    /// What was given to the verification page is not a PDF.
    NotAPdf,

    // Billing.
    ScheduleInvalid,
    ScheduleVersionTaken,
    /// Invoices are deposited once the mission contract is signed.
    MissionInvoiceNotExpected,
    MissionInvoiceNumber {
        max: usize,
    },
    MissionInvoiceDuplicate,
    /// Dates that do not follow: the service after the invoice, or either in the future.
    MissionInvoiceDates,
    MissionInvoiceAmount,
    MissionInvoiceFileRequired,
    MissionInvoiceDueDate,
    /// A payment date in the future, or before the invoice.
    PaymentDate,
    PaymentAlreadyConfirmed,
    PaymentAmount,
    StatementUnreadable,
    StatementAlreadyImported,
    /// Nothing is to be paid back on this credit note, or it already was.
    RefundNotDue,

    // Requests.
    RequestMalformed,
    RequestInterrupted,
    RequestTooLarge {
        max_mb: usize,
    },
}

mod details;

pub use details::{AccountInput, Field, NameField, ProjectField, Refusal, Unproposable};
