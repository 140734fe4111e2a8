//! Reconsideration (复议) at the higher committee: a member's request filed
//! against a received filing with its deadline (seed 000: "复议由上级党委在3个
//! 工作日内作出决定"), decided `upheld` (points on an item) or `dismissed`,
//! and sent back as a decision file ([`DecisionFile`], documented in the
//! README) that the branch receives as a correction through its journal.

mod desk;
mod error;
mod receive;

pub use desk::{decide, export, file, file_request, Decision, ExportedDecision, Request};
pub use error::{DecisionFault, ReviewError};
pub use receive::{check_decision, receive_decisions, DecisionReceipt, DecisionReceived};

use crate::app::Result;
use crate::domain::calendar::{parse_date, Calendar};
use crate::domain::model::{AppealOutcome, AppealStatus};
use crate::store::committee::{self as rows, CommitteeRow};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// Working days the committee has to decide (seed 000).
pub const DECIDE_DAYS: u32 = 3;

/// The `format` field of every decision file.
pub const FORMAT: &str = "jifen-review-decision";
/// The version of the decision format this jifen writes and reads.
pub const VERSION: u32 = 1;
/// How a decision file's name ends.
pub const SUFFIX: &str = ".jifen-decision.json";

/// A reconsideration as the committee shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReviewView {
    pub id: i64,
    #[serde(skip)]
    pub filing_id: i64,
    pub branch: String,
    pub period: String,
    /// The member's id at the branch, and name.
    pub member_id: i64,
    pub member: String,
    pub item: Option<String>,
    pub text: String,
    pub filed_on: String,
    /// The decision's deadline: 3 working days of the committee's calendar.
    pub due: String,
    pub status: AppealStatus,
    pub points: Option<f64>,
    pub reason: Option<String>,
    pub decided_on: Option<String>,
    /// The branch's appeal it answers, if the request named one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub appeal: Option<i64>,
    /// Open and past its due date.
    pub overdue: bool,
    /// Working days left to the due date while open (negative: overdue).
    pub days_left: Option<i64>,
}

/// Every reconsideration of the committee database `conn` (at `db`) as of `today`.
pub(crate) fn views_of(
    conn: &crate::store::Db,
    db: &Path,
    today: NaiveDate,
) -> Result<Vec<ReviewView>> {
    let all = rows::reviews(conn, None)?;
    if all.is_empty() {
        return Ok(Vec::new());
    }
    let filed = crate::store::filing::filings(conn, None)?;
    let cal = Calendar::for_db(db)?;
    all.into_iter()
        .map(|r| {
            let f = filed.iter().find(|f| f.id == r.filing_id);
            let due = parse_date(&r.due)?;
            let status = match r.outcome.as_deref() {
                None => AppealStatus::Open,
                Some(o) => AppealStatus::after(Some(o.parse().map_err(|_| {
                    crate::app::CoreError::Damaged {
                        what: format!("reconsideration {}: outcome {o}", r.id),
                    }
                })?)),
            };
            let open = status == AppealStatus::Open;
            Ok(ReviewView {
                id: r.id,
                filing_id: r.filing_id,
                branch: f.map(|f| f.branch.clone()).unwrap_or_default(),
                period: f.map(|f| f.period.clone()).unwrap_or_default(),
                member_id: r.member_id,
                member: r.member,
                item: r.item,
                text: r.text,
                filed_on: r.filed_on,
                due: r.due,
                status,
                points: r.points,
                reason: r.reason,
                decided_on: (!r.decided_on.is_empty()).then_some(r.decided_on),
                appeal: r.appeal,
                overdue: open && today > due,
                days_left: open.then(|| cal.working_days_between(today, due)),
            })
        })
        .collect()
}

/// Every reconsideration at the committee database `db` (of `period`, if
/// given) as of `today`.
pub fn reviews(db: &Path, period: Option<&str>, today: NaiveDate) -> Result<Vec<ReviewView>> {
    let conn = crate::app::filing::committee_reader(db)?;
    Ok(views_of(&conn, db, today)?
        .into_iter()
        .filter(|r| period.is_none_or(|p| r.period == p))
        .collect())
}

/// One decision file: the committee's decision on a reconsideration, as it
/// leaves the committee for the branch.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DecisionFile {
    /// Always `jifen-review-decision`.
    pub format: String,
    /// The format's version: 1.
    pub version: u32,
    pub generator: String,
    pub exported_at: String,
    /// The branch's name, the period and the filing's seal the decision answers.
    pub branch: String,
    pub period: String,
    pub seal: String,
    /// SHA-256 of the filing file the committee received.
    pub filing_sha256: String,
    pub review: FiledReview,
    /// The committee database's chain head when the file was written.
    pub committee: CommitteeHead,
    /// The committee's `review_decide` journal row, exactly as hashed.
    pub decision_event: CommitteeRow,
}

/// The committee's chain head: its last event's number and hash.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CommitteeHead {
    pub seq: i64,
    pub hash: String,
}

/// The reconsideration decided, as the decision file carries it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FiledReview {
    /// The committee's number for it.
    pub id: i64,
    /// The member's id at the branch, and name.
    pub member_id: i64,
    pub member: String,
    pub text: String,
    pub filed_on: String,
    pub due: String,
    /// `upheld` or `dismissed`.
    pub outcome: AppealOutcome,
    /// The item and points an upheld decision corrects (as on a claim).
    pub item: Option<String>,
    pub points: Option<f64>,
    pub reason: Option<String>,
    pub decided_on: String,
    /// The branch's appeal (申诉) the reconsideration answers, by its
    /// number at the branch: receiving the decision closes it. Absent: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appeal: Option<i64>,
}
