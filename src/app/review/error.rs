//! What the committee's desk and a branch receiving a decision refuse,
//! typed: the words are in `i18n/review`.

/// A publication, reconsideration (复议) or decision file refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{self:?}")]
pub enum ReviewError {
    /// `filing publish` of a period of which no filing was received.
    NothingToPost { period: String },
    /// A number of publication days outside 1-60.
    BadDays { days: u32 },
    /// No reconsideration with this number.
    NoSuchReview { id: i64 },
    /// A reconsideration already decided (`outcome`: upheld or dismissed).
    Decided { id: i64, outcome: String },
    /// `review export` of a reconsideration not decided yet.
    NotDecided { id: i64 },
    /// A reconsideration request with no words.
    NeedsText,
    /// The member named is not in the branch's filing of the period.
    UnknownMember {
        branch: String,
        period: String,
        member: String,
    },
    /// An item code the branch's scheme does not have.
    UnknownItem { scheme: String, item: String },
    /// `uphold` needs `--points` (and an item) to correct the score.
    UpheldNeedsPoints,
    /// `--points` or `--item` given with `dismiss`.
    PointsOnlyUpheld,
    /// Zero points (or not a number): nothing to correct.
    PointsZero,
    /// `reconsider` is not a decision: the committee upholds or dismisses.
    NotADecision,
    /// A decision file that does not hold: which file, and what is wrong.
    File { file: String, fault: DecisionFault },
    /// A decision for a branch other than the database's.
    OtherBranch {
        file: String,
        for_branch: String,
        here: String,
    },
    /// A decision answering a seal this branch never made for the period.
    UnknownSeal {
        file: String,
        period: String,
        seal: String,
    },
    /// A decision about a member this branch does not have (id and name).
    NoSuchMember { file: String, member: String },
    /// `--appeal` not a number the branch gives its appeals (1 on).
    BadAppeal { appeal: i64 },
    /// A decision closing an appeal the branch does not have.
    NoSuchAppeal { file: String, appeal: i64 },
    /// A decision closing an appeal already closed (upheld or dismissed).
    AppealClosed {
        file: String,
        appeal: i64,
        status: crate::domain::model::AppealStatus,
    },
    /// A decision closing an appeal of another member or period than its own.
    AppealOther {
        file: String,
        appeal: i64,
        member: String,
        period: String,
    },
    /// A decision file given to a committee database (it goes to the branch).
    IntoCommittee { path: String },
}

/// What is wrong with a decision file.
#[derive(Debug, Clone, PartialEq)]
pub enum DecisionFault {
    /// The file ends before its JSON does.
    Truncated,
    /// Not JSON, at this line and column.
    NotJson { line: usize, column: usize },
    /// JSON, but not a jifen decision (no `format: "jifen-review-decision"`).
    NotDecision,
    /// A filing file, not a decision (a committee receives it, not a branch).
    IsFiling,
    /// A decision of a format version this jifen does not read.
    Version { found: u64 },
    /// A field missing or of the wrong shape.
    Malformed { detail: String },
    /// The committee's decision event does not match its hash (edited).
    EventEdited,
    /// The decision as written differs from the committee's event (`field`).
    Differs { field: &'static str },
}

impl ReviewError {
    /// A fault of `file`.
    pub fn file(file: &str, fault: DecisionFault) -> ReviewError {
        ReviewError::File {
            file: file.to_string(),
            fault,
        }
    }
}

impl From<ReviewError> for crate::app::CoreError {
    fn from(e: ReviewError) -> Self {
        crate::app::filing::FilingError::Review(e).into()
    }
}
