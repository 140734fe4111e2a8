//! The filing (备案): a locked period leaves the branch as one file (its
//! results, the journal that produced them and the seal), which anyone can
//! check with no database (`check`) and a committee's database receives
//! (`receive`), lists and ranks across branches (`views`).
//!
//! The file's format is [`FilingFile`], documented field by field in the
//! README ("The filing file"). A later format version changes [`VERSION`].

mod audit;
mod check;
mod error;
mod export;
mod receive;
mod views;

pub use audit::{verify_committee, verify_received, CommitteeVerified};
pub use check::{check_file, check_text, Checked};
pub use error::{FileFault, FilingError};
pub use export::{default_file_name, export, Exported};
pub use receive::open_committee;
pub use receive::{inbox_files, receive, Receipt, Received};
pub(crate) use views::committee_reader;
pub use views::{
    branch_ranking, by_category, filings, is_committee, missing, CategoryPlace, Missing,
};

use super::views::RankRow;
use crate::domain::model::MemberStatus;
use serde::{Deserialize, Serialize};

/// The `format` field of every filing file.
pub const FORMAT: &str = "jifen-filing";
/// The version of the format this jifen writes and reads.
pub const VERSION: u32 = 1;
/// How a filing file's name ends (a folder is received by it).
pub const SUFFIX: &str = ".jifen-filing.json";

/// One filing file: a branch's period, as it leaves the branch.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FilingFile {
    /// Always `jifen-filing`.
    pub format: String,
    /// The format's version: 1.
    pub version: u32,
    /// The jifen that wrote it, e.g. `jifen 0.1.0`.
    pub generator: String,
    /// When it was written (local time, RFC 3339).
    pub exported_at: String,
    pub branch: FiledBranch,
    pub period: FiledPeriod,
    /// The period's whole seal: the hash of its lock event, the last event.
    pub seal: String,
    /// Per member, in the branch's ranking order.
    pub results: Vec<FiledMember>,
    /// Members exempt from scoring in the period (not ranked).
    pub exempt: Vec<FiledExempt>,
    /// Every journal event of the database from the first up to and
    /// including the period's lock event.
    pub events: Vec<FiledEvent>,
}

/// The branch that files.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FiledBranch {
    /// The branch's name as the branch keeps it (Chinese).
    pub name: String,
    pub scheme_id: String,
    /// SHA-256 of the scheme file the branch scores by (its TOML text).
    pub scheme_sha256: String,
}

/// The period filed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FiledPeriod {
    /// e.g. `2026Q4`.
    pub id: String,
    /// The period's state when the file was written: locked, published or final.
    pub state: crate::domain::model::PeriodState,
    pub locked_at: Option<String>,
    /// The publication window's last day, once published.
    pub window_end: Option<String>,
}

/// One member's result: the member's `rank --format json` object at the
/// branch, with the member's status and appraisal result beside it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FiledMember {
    #[serde(flatten)]
    pub row: RankRow,
    pub status: MemberStatus,
    /// The democratic appraisal's result where the period had a closed
    /// one that gave the member a result; else null.
    pub appraisal: Option<FiledAppraisal>,
}

/// A member's result of the period's closed democratic appraisal (民主测评),
/// as its close posted it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FiledAppraisal {
    /// `votes` (a grade from vote counts) or `scores` (raters' means per part).
    pub kind: String,
    /// The grade's code (`votes`), e.g. `excellent`; null for `scores`.
    pub grade: Option<String>,
    /// The points the result gives (the grade's points, or the sum of the
    /// parts' means); null where it gives none.
    pub points: Option<f64>,
    /// Each rated part's mean, by part code (`scores`); empty for `votes`.
    pub parts: std::collections::BTreeMap<String, f64>,
}

/// A member exempt from scoring (免评).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FiledExempt {
    pub member_id: i64,
    pub member: String,
    pub category: crate::domain::model::Category,
}

/// One journal event as the branch's database holds it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FiledEvent {
    pub seq: i64,
    pub at: String,
    pub actor: String,
    pub kind: String,
    /// The branch (database id) and action stamped on the event; null on
    /// events journalled before events carried them.
    pub branch: Option<i64>,
    pub action: Option<i64>,
    pub prev_hash: String,
    pub hash: String,
    /// The event's JSON exactly as hashed (a string: its bytes matter).
    pub payload: String,
}

impl FiledEvent {
    fn of(r: &crate::store::queries::EventRow) -> FiledEvent {
        FiledEvent {
            seq: r.seq,
            at: r.at.clone(),
            actor: r.actor.clone(),
            kind: r.kind.clone(),
            branch: r.stamp.map(|s| s.branch),
            action: r.stamp.map(|s| s.action),
            prev_hash: r.prev_hash.clone(),
            hash: r.hash.clone(),
            payload: r.payload.clone(),
        }
    }

    fn row(&self) -> crate::store::queries::EventRow {
        crate::store::queries::EventRow {
            seq: self.seq,
            at: self.at.clone(),
            actor: self.actor.clone(),
            kind: self.kind.clone(),
            payload: self.payload.clone(),
            prev_hash: self.prev_hash.clone(),
            hash: self.hash.clone(),
            stamp: self
                .branch
                .zip(self.action)
                .map(|(branch, action)| crate::store::journal::Stamp { branch, action }),
        }
    }
}

/// SHA-256 of `bytes`, in hex.
pub(crate) fn sha256(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    hex::encode(Sha256::digest(bytes))
}
