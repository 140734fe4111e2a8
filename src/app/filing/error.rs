//! What the filing refuses, typed: the words are in `i18n/filing`.

use crate::app::JournalFault;
use crate::domain::model::PeriodState;

/// A filing that cannot be written, checked or received as asked.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{self:?}")]
pub enum FilingError {
    /// `filing export` of a period that is not locked yet.
    NotLocked { period: String, state: PeriodState },
    /// A locked period whose lock event the journal lacks (a damaged database).
    NoLockEvent { period: String },
    /// A filing file that does not hold: which file, and what is wrong.
    File { file: String, fault: FileFault },
    /// A branch's command asked of a committee database.
    CommitteeDatabase { path: String },
    /// `filing receive` into a branch's database.
    BranchDatabase { path: String },
    /// A filing for a branch and period already received with another seal.
    Conflict {
        file: String,
        branch: String,
        period: String,
        received: String,
        offered: String,
    },
    /// A folder given to `filing receive` holds no filing files.
    NoFiles { path: String },
    /// A committee view asked of a database that is not a committee's.
    NotCommittee { path: String },
    /// No filing received for that branch and period (`known`: the branches that filed it).
    NotReceived {
        branch: String,
        period: String,
        known: Vec<String>,
    },
    /// Some of the files given were refused (each said already).
    SomeRefused { refused: usize, files: usize },
    /// `verify --seal` on a committee database: no received filing has this seal.
    SealNotReceived { path: String, seal: String },
    /// The committee's publication and reconsiderations, and their decisions.
    Review(crate::app::review::ReviewError),
}

/// What is wrong with a filing file.
#[derive(Debug, Clone, PartialEq)]
pub enum FileFault {
    /// The file ends before its JSON does (cut short on the way).
    Truncated,
    /// Not JSON at all, at this line and column.
    NotJson { line: usize, column: usize },
    /// JSON, but not a jifen filing (no `format: "jifen-filing"`).
    NotFiling,
    /// A filing of a format version this jifen does not read.
    Version { found: u64 },
    /// A filing missing a field or with a field of the wrong shape.
    Malformed { detail: String },
    /// No events: nothing to check the results against.
    NoEvents,
    /// The events do not run on by one: `expected` where `seq` stands.
    Gap { seq: i64, expected: i64 },
    /// An event of the journal that does not hold.
    Journal {
        seq: i64,
        kind: String,
        fault: JournalFault,
    },
    /// The last event is not the lock of the period filed.
    NotSealEvent { seq: i64 },
    /// The seal written in the file is not the lock event's hash.
    SealMismatch { file_seal: String, head: String },
    /// The branch as the file describes it is not the one the events make.
    BranchDiffers {
        field: &'static str,
        file_says: String,
        events_give: String,
    },
    /// A member's result is not what the events give.
    ResultDiffers {
        member: String,
        field: &'static str,
        file_says: String,
        events_give: String,
    },
    /// A member the events rank has no result in the file.
    MemberMissing { member: String },
    /// A result for a member the events do not rank.
    MemberExtra { member: String },
    /// A committee's stored filing no longer matches its text's digest or
    /// its rows: the committee database was edited outside jifen.
    StoredTextEdited,
    /// A received filing whose receipt the committee's journal lacks, or
    /// whose receipt says another branch, period, seal or digest.
    NoReceipt,
    /// A committee's stored row of a member is not what the stored file says.
    StoredDiffers {
        member: String,
        field: &'static str,
        file_says: String,
        stored: String,
    },
}

impl FilingError {
    /// A fault of `file`.
    pub fn file(file: &str, fault: FileFault) -> FilingError {
        FilingError::File {
            file: file.to_string(),
            fault,
        }
    }
}

impl From<FilingError> for crate::app::CoreError {
    fn from(e: FilingError) -> Self {
        crate::app::CoreError::Filing(Box::new(e))
    }
}
