//! What the core refuses, grouped by what it is about. Each kind carries the
//! values its words need; the words are in `i18n::errors` (both languages),
//! and `Display` here is for logs only.

use crate::domain::model::{AppealStatus, PeriodState};
use crate::domain::scheme::Cycle;

/// A database or branch that cannot be used as asked.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{self:?}")]
pub enum LedgerError {
    /// No file at `path`; `for_board`: the room display asked for it.
    NoDatabase { path: String, for_board: bool },
    /// A file of no bytes where a database belongs.
    EmptyFile { path: String },
    /// A database with no branch in it yet.
    NoBranchYet { path: String },
    /// No branch of that name (`branches`: those there are).
    UnknownBranch {
        path: String,
        name: String,
        branches: Vec<String>,
    },
    /// Several branches and none chosen.
    BranchNeeded { path: String, branches: Vec<String> },
    /// A branch that went away while it was read.
    BranchVanished { path: String, id: i64 },
    /// `init` of a branch name that exists.
    BranchExists { path: String, name: String },
    /// A demo written over a file that holds something.
    DemoExists { path: String },
    /// `init` with an empty branch name.
    BranchNameEmpty,
    /// No built-in scheme with that id.
    UnknownScheme { id: String, builtin: Vec<String> },
}

/// A period that is not in the state the command needs.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{self:?}")]
pub enum PeriodError {
    /// The branch has no such period.
    NoSuchPeriod(String),
    /// No period was ever opened.
    NoPeriodYet,
    /// `period open` of one that exists.
    AlreadyOpen(String),
    /// A period of the other cycle (a quarter where the scheme runs by halves).
    WrongCycle { scheme: String, cycle: Cycle },
    /// Publish or finalize again.
    Already { period: String, state: PeriodState },
    /// Publish or finalize before the lock.
    LockFirst { period: String, state: PeriodState },
    /// Posted on a day before the lock.
    PostedBeforeLock {
        period: String,
        locked: String,
        posted: String,
    },
    /// Finalize while the publication window runs.
    WindowOpen { period: String, end: String },
    /// Finalize with appeals not yet replied.
    AppealsOpen { period: String, open: usize },
    /// Lock with claims undecided (`claims`: id, member, item code; the first ten).
    Undecided {
        period: String,
        count: usize,
        claims: Vec<(i64, String, String)>,
    },
}

/// An appeal, a reply or a correction that cannot be taken.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{self:?}")]
pub enum AppealError {
    /// An appeal without the member's words.
    NeedsWords,
    /// No appeal with that id in the branch.
    NoSuchAppeal { id: i64, branch: String },
    /// The period is final: appeals are closed.
    PeriodFinal(String),
    /// The period is not locked yet.
    BeforeLock { period: String, state: PeriodState },
    /// Filed on a day before the lock.
    BeforeLockDay {
        period: String,
        locked: String,
        filed: String,
    },
    /// Filed after the publication window.
    Late { period: String, end: String },
    /// An appeal naming an item that is neither a code, a title nor a claim id.
    UnknownItem { scheme: String, key: String },
    /// A reply without its text.
    ReplyNeedsText,
    /// A reply to an appeal already upheld or dismissed.
    Decided { id: i64, status: AppealStatus },
    /// Reconsideration asked twice.
    Reconsidered(i64),
    /// Reconsideration of an appeal that was not dismissed.
    ReconsiderNotDismissed { id: i64, status: AppealStatus },
    /// Upheld without a correction.
    UpheldNeedsCorrection,
    /// A correction with another outcome than upheld.
    CorrectionOnlyUpheld,
    /// A correction on an item the scheme does not have.
    CorrectionItem { scheme: String, item: String },
    /// A correction of zero (or not a number).
    CorrectionZero,
    /// A correction that takes a member's points on an item below zero.
    BelowZero {
        member: String,
        have: f64,
        item: String,
        period: String,
        points: f64,
    },
}

/// A member's record that does not pass the checks.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{self:?}")]
pub enum MemberError {
    /// An empty name.
    NameEmpty,
    /// A name longer than `max` characters.
    NameTooLong { max: usize },
    /// Control characters in a name or group (`field`: `name`, `group`).
    ControlChars { field: &'static str },
    /// A tier the scheme does not have.
    TierNotInScheme {
        tier: i64,
        scheme: String,
        tiers: Vec<i64>,
    },
}

impl MemberError {
    /// The field of the member's record it is about (an import's column).
    pub fn field(&self) -> &'static str {
        match self {
            MemberError::NameEmpty | MemberError::NameTooLong { .. } => "name",
            MemberError::ControlChars { field } => field,
            MemberError::TierNotInScheme { .. } => "tier",
        }
    }
}

/// What `verify` found wrong in a database.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{self:?}")]
pub enum VerifyError {
    /// A row the journal does not give (`explained`: the journal has another).
    Tampered {
        path: String,
        table: String,
        row: Vec<String>,
        missing: bool,
    },
    /// A lock's total that the journal does not give.
    LockDiffers {
        path: String,
        period: String,
        member: i64,
        locked: f64,
        got: Option<f64>,
    },
    /// An event of the journal that does not hold (`seq`, its `kind`).
    Journal {
        seq: i64,
        kind: String,
        fault: JournalFault,
    },
    /// A seal that is not whole: `given` characters where a seal has 64 hex digits.
    SealNotWhole { given: usize },
    /// A seal that matches no lock of the file.
    SealUnmatched { path: String, seal: String },
}

/// What is wrong with one event of the journal.
#[derive(Debug, Clone, PartialEq)]
pub enum JournalFault {
    /// Its `prev_hash` is not the hash of the event before.
    ChainBroken,
    /// Its hash is not that of its content: edited outside jifen.
    Edited,
    /// Its payload does not read as an event.
    Unreadable,
    /// The kind column says another kind than the payload (`payload`).
    KindMismatch { payload: String },
    /// Its payload is not in the compact form jifen writes (whitespace
    /// outside strings): hand-edited, perhaps to grind a hash.
    NotCompact,
    /// It does not replay (`detail`: why, for the log).
    NoReplay { detail: String },
}

/// A backup or restore that did not happen.
#[derive(Debug, thiserror::Error)]
#[error("{self:?}")]
pub enum BackupError {
    /// The copy failed (`detail`: SQLite's or the system's words).
    CopyFailed { path: String, detail: String },
    /// The backup given does not pass `verify`.
    NotVerified {
        path: String,
        cause: Box<super::Error>,
    },
    /// A console holds the database.
    Held {
        path: String,
        holder: String,
        pid: i64,
    },
    /// Restoring would discard what the backup lacks (without `--force`).
    WouldDiscard {
        path: String,
        plan: super::backup::RestorePlan,
    },
}

/// A democratic appraisal (民主测评) act that cannot be taken. Nothing is
/// written when one is refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{self:?}")]
pub enum AppraisalError {
    /// The branch's scheme has no `[appraisal]` section.
    NoSection { scheme: String },
    /// No appraisal was opened for the period.
    NotOpen { period: String },
    /// An appraisal was opened for the period before.
    AlreadyOpen { period: String },
    /// The appraisal is closed: its results are posted, its counts fixed.
    Closed { period: String },
    /// Opening with no ballots: nobody marked present and no `--ballots`.
    NoBallots { period: String },
    /// More ballots counted for a member (votes and blanks, or score
    /// ballots) than valid ballots came back.
    OverBallots {
        member: String,
        counted: i64,
        valid: i64,
    },
    /// The close would post a member's points on an item that already
    /// holds a claim of theirs in the period (`claim`: its number): they
    /// would count twice.
    AlreadyOnItem {
        member: String,
        item: String,
        /// The item's Chinese title.
        title: String,
        claim: i64,
    },
    /// More ballots back than were issued.
    ReturnedAboveIssued { returned: i64, issued: i64 },
    /// More spoiled ballots than came back.
    SpoiledAboveReturned { spoiled: i64, returned: i64 },
    /// A choice the ballot does not offer (`known`: those it does, as
    /// code and Chinese title).
    UnknownChoice {
        key: String,
        known: Vec<(String, String)>,
    },
    /// A part the score ballot does not rate (`known`: those it does, as
    /// code and Chinese title).
    UnknownPart {
        key: String,
        known: Vec<(String, String)>,
    },
    /// Votes for a score appraisal, or scores for a vote appraisal
    /// (`kind`: the ballot the scheme has, `votes` or `scores`).
    WrongBallot { kind: &'static str },
    /// A count or score that is not a number of 0 or more (`field`: its key).
    BadCount { field: String, given: String },
    /// A score above the part's maximum (`title`: the part's Chinese title).
    ScoreAbove {
        part: String,
        title: String,
        score: f64,
        max: f64,
    },
    /// A score ballot number outside 1 to the valid ballots.
    RaterRange { rater: i64, valid: i64 },
    /// Points outside the range the member's grade allows.
    PointsOutside {
        member: String,
        grade: String,
        points: f64,
        min: f64,
        max: f64,
    },
    /// Points chosen for a member whose counts give no grade with points yet.
    NoGradeYet { member: String },
    /// A member the appraisal does not cover (not on the branch's roll, or exempt).
    NotAppraised { member: String },
    /// Locking while the period's appraisal is still open.
    StillOpen { period: String },
}
