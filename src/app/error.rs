//! The core's typed errors: each names the kind of trouble and carries the
//! values a message needs; the front ends turn them into words (`i18n`).

use super::refusal::{
    AppealError, AppraisalError, BackupError, LedgerError, MemberError, PeriodError, VerifyError,
};
use super::settings::SettingError;
use crate::domain::calendar::CalendarError;
use crate::domain::model::{fmt_points, BadValue, Outcome, PeriodState};
use crate::domain::scheme::{ClaimField, PriceError};
use crate::domain::theme_fault::ThemeError;
use crate::store;

/// Errors a user can act on; the CLI prints them and exits 1.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Words a front end (the CLI, the papers) has already put in the
    /// reader's language; the core itself never words an error.
    #[error("{0}")]
    User(String),
    /// A database or branch that cannot be used as asked.
    #[error(transparent)]
    Ledger(#[from] LedgerError),
    /// A period not in the state the command needs.
    #[error(transparent)]
    Period(#[from] PeriodError),
    /// An appeal, reply or correction refused.
    #[error(transparent)]
    Appeal(#[from] AppealError),
    /// A member's record refused.
    #[error(transparent)]
    Member(#[from] MemberError),
    /// A democratic appraisal act refused.
    #[error(transparent)]
    Appraisal(#[from] AppraisalError),
    /// A final year grade (评定等次) refused.
    #[error(transparent)]
    YearGrade(Box<super::year_grade::YearGradeError>),
    /// What `verify` found wrong.
    #[error(transparent)]
    Verify(#[from] VerifyError),
    /// A backup or restore that did not happen.
    #[error(transparent)]
    Backup(#[from] BackupError),
    /// A branch setting refused.
    #[error(transparent)]
    Setting(#[from] SettingError),
    /// A meeting record's value refused.
    #[error(transparent)]
    Meeting(#[from] super::meeting::MeetingError),
    /// A typed value (a period, a date, a category...) not among those allowed.
    #[error(transparent)]
    Value(#[from] BadValue),
    /// A holiday file that cannot be used.
    #[error(transparent)]
    Calendar(Box<CalendarError>),
    /// A theme (colours) that cannot be used.
    #[error(transparent)]
    Theme(Box<ThemeError>),
    /// A file the system would not read or write (`detail`: its words).
    #[error("{path}: {detail}")]
    File {
        path: String,
        kind: std::io::ErrorKind,
        detail: String,
    },
    /// The terminal failed (`detail`: the system's words).
    #[error("terminal: {detail}")]
    Terminal { detail: String },
    /// A record of the ledger that does not read back: a damaged file or a
    /// fault in jifen (`what`: which record, for the log).
    #[error("damaged record: {what}")]
    Damaged { what: String },
    /// No member with that id.
    #[error("no member {0}")]
    NoMemberId(i64),
    /// A follow-up action the scheme does not have.
    #[error("scheme {scheme} has no action '{action}'")]
    UnknownAction { scheme: String, action: String },
    /// A follow-up action the member is not due (`due`: those they are).
    #[error("{member} has no action '{action}' in {scope}")]
    NotDue {
        member: String,
        action: String,
        scope: String,
        due: Vec<String>,
    },
    /// An adjustment without its points.
    #[error("adjust needs --points")]
    AdjustNeedsPoints,
    #[error(transparent)]
    Open(store::OpenError),
    #[error(transparent)]
    Scheme(Box<crate::domain::scheme::SchemeError>),
    #[error(transparent)]
    Import(Box<super::import::ImportError>),
    /// A claim that does not pass the checks (the field says which value).
    #[error(transparent)]
    Claim(#[from] ClaimError),
    /// SQLite failed in a way a person can act on (`path`: the file, when known).
    #[error("{}{}", .path.as_deref().map(|p| format!("{p}: ")).unwrap_or_default(), fault_words(*.fault))]
    Storage { path: Option<String>, fault: Fault },
    /// Any other SQLite failure (a fault in jifen, not in what was asked).
    #[error("database: {0}")]
    Sqlite(store::SqlError),
    /// No member of the branch has that id or exact name.
    #[error("no member '{key}' in branch {branch} (give an id or an exact name)")]
    UnknownMember { key: String, branch: String },
    /// Several members share the name given.
    #[error("several members are named '{key}' (ids {}); give the id", .ids.iter().map(i64::to_string).collect::<Vec<_>>().join(", "))]
    AmbiguousMember { key: String, ids: Vec<i64> },
    /// No claim with that number.
    #[error("no claim {0}")]
    UnknownClaim(i64),
    /// A member asked to sign while claims of theirs are still undecided.
    #[error(
        "{member} cannot sign {period} yet: {pending} claim(s) still pending; decide them first"
    )]
    PendingClaims {
        member: String,
        period: String,
        pending: usize,
    },
    /// Adjusted points above what the scheme allows for the item.
    #[error("points {} outside what '{code}' allows (0 to {})", fmt_points(*.points), fmt_points(*.max))]
    AdjustOutOfBounds {
        code: String,
        item: String,
        points: f64,
        max: f64,
    },
    #[error("nothing to undo")]
    NothingToUndo,
    /// Locking a session where half or fewer of the voting members were present.
    #[error("{period}: {present} of {expected} voting members present, not more than half")]
    Inquorate {
        period: String,
        expected: usize,
        present: usize,
    },
    /// An adjustment or a rejection without its reason.
    #[error("{} needs a reason (--reason)", .0.verb())]
    ReasonNeeded(Outcome),
    /// A write through a read-only view (a second console, the room display).
    #[error("this view is read-only")]
    ReadOnly,
    /// A write into a period that was never opened.
    #[error("period {0} is not open; run `jifen period open {0}` first")]
    PeriodNotOpen(String),
    /// A write into a period past its session (locked, published, final).
    #[error("period {period} is {} and cannot change (appeals and corrections only)", .state.code())]
    PeriodClosed { period: String, state: PeriodState },
    /// A verdict on a claim that was withdrawn.
    #[error("claim {0} was withdrawn")]
    ClaimWithdrawn(i64),
    /// Approving with other points than the claimed ones.
    #[error("approve takes the claimed points; use adjust to change them")]
    ApproveChangesPoints,
    /// A dispute without the member's own words.
    #[error("a dispute needs the member's words")]
    DisputeNeedsWords,
    /// The journal moved between offering an undo and carrying it out.
    #[error("the journal changed since the undo was offered; press u again")]
    UndoStale,
    /// Undo would reach past a lock.
    #[error("nothing to undo: period {0} is locked")]
    UndoPastLock(String),
    /// A redemption refused (beyond the balance or the stock, no such gift).
    #[error(transparent)]
    Redeem(#[from] crate::domain::redemption::RedeemError),
    /// A filing (备案) refused: export, check, receive or a committee view.
    #[error(transparent)]
    Filing(Box<super::filing::FilingError>),
    /// A claim file whose rows were all imported before.
    #[error("{}: the same rows were imported before", .0.file)]
    AlreadyImported(Box<super::import::AlreadyImported>),
    /// A number that is not finite (`inf`, `nan`, `1e400`), naming its field.
    #[error(transparent)]
    NotFinite(#[from] crate::domain::number::NotFinite),
    /// A whole number outside the bounds that make sense for its field.
    #[error("{field}: {value} is out of range ({min} to {max})")]
    OutOfRange {
        field: &'static str,
        value: i64,
        min: i64,
        max: i64,
    },
}

/// The core's result.
pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    /// A file the system would not read or write.
    pub fn file(path: &std::path::Path, e: &std::io::Error) -> Error {
        Error::File {
            path: path.display().to_string(),
            kind: e.kind(),
            detail: e.to_string(),
        }
    }

    /// Whether another program holds the database (try again shortly).
    pub fn is_busy(&self) -> bool {
        matches!(
            self,
            Error::Storage {
                fault: Fault::Busy,
                ..
            }
        )
    }

    /// The same error, naming `path` where it names no file yet.
    pub fn at_path(self, path: &std::path::Path) -> Error {
        match self {
            Error::Storage { path: None, fault } => Error::Storage {
                path: Some(path.display().to_string()),
                fault,
            },
            other => other,
        }
    }
}

impl From<crate::domain::scheme::SchemeError> for Error {
    fn from(e: crate::domain::scheme::SchemeError) -> Error {
        Error::Scheme(Box::new(e))
    }
}

impl From<super::import::ImportError> for Error {
    fn from(e: super::import::ImportError) -> Error {
        Error::Import(Box::new(e))
    }
}

impl From<ThemeError> for Error {
    fn from(e: ThemeError) -> Error {
        Error::Theme(Box::new(e))
    }
}

impl From<CalendarError> for Error {
    fn from(e: CalendarError) -> Error {
        Error::Calendar(Box::new(e))
    }
}

impl From<store::SqlError> for Error {
    fn from(e: store::SqlError) -> Error {
        match store::fault(&e) {
            Some(fault) => Error::Storage { path: None, fault },
            None => Error::Sqlite(e),
        }
    }
}

impl From<store::OpenError> for Error {
    fn from(e: store::OpenError) -> Error {
        match e {
            store::OpenError::Sqlite { path, source } => match store::fault(&source) {
                Some(fault) => Error::Storage {
                    path: Some(path),
                    fault,
                },
                None => Error::Open(store::OpenError::Sqlite { path, source }),
            },
            other => Error::Open(other),
        }
    }
}

/// The English words for a storage fault (`i18n` has the Chinese).
fn fault_words(f: Fault) -> &'static str {
    match f {
        Fault::Busy => "the database is busy: another program is writing to it; try again in a moment",
        Fault::ReadOnly => "the database cannot be written (the file or its folder is read-only); copy it somewhere writable or ask for write access",
        Fault::Duplicate => "a record with the same key already exists; nothing was changed",
        Fault::DiskFull => "the disk is full; nothing was changed",
        Fault::Corrupt => "the file is damaged or not a jifen database",
        Fault::Refused => "the ledger refused the change (a locked period or the journal cannot change)",
    }
}

/// Why a claim was not taken, with the field it is about.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ClaimError {
    #[error(transparent)]
    Price(#[from] PriceError),
    #[error("no member {0}")]
    NoMember(i64),
    #[error("member {0} is exempt from scoring")]
    Exempt(String),
    #[error("no period open; give --period or open one")]
    NoPeriod,
    #[error(transparent)]
    BadPeriod(BadValue),
    #[error("bad date '{0}' (expected YYYY-MM-DD)")]
    BadDate(String),
    #[error("act date {date} is outside period {period} ({first} to {last})")]
    DateOutside {
        date: String,
        period: String,
        first: String,
        last: String,
    },
    #[error("imported verdicts are approved or rejected")]
    ImportedAdjusted,
    #[error("a rejected claim needs a reason")]
    RejectedNeedsReason,
}

impl ClaimError {
    /// The claim field the error is about.
    pub fn field(&self) -> ClaimField {
        match self {
            ClaimError::Price(p) => p.field(),
            ClaimError::NoMember(_) | ClaimError::Exempt(_) => ClaimField::Member,
            ClaimError::NoPeriod | ClaimError::BadPeriod(_) => ClaimField::Period,
            ClaimError::BadDate(_) | ClaimError::DateOutside { .. } => ClaimField::Date,
            ClaimError::ImportedAdjusted => ClaimField::Verdict,
            ClaimError::RejectedNeedsReason => ClaimField::Reason,
        }
    }
}

/// The newest database version this jifen reads.
pub use crate::store::db::SCHEMA_VERSION;
/// What went wrong in storage, and the database's own refusals, as the front
/// ends name them.
pub use crate::store::{sql_code, Fault, OpenError, SqlError};

impl From<super::year_grade::YearGradeError> for Error {
    fn from(e: super::year_grade::YearGradeError) -> Self {
        Error::YearGrade(Box::new(e))
    }
}
