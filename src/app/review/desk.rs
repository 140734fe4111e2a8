//! The committee's side of a reconsideration: filed against a received
//! filing, decided, and written out as a decision file.

use super::{
    CommitteeHead, DecisionFile, FiledReview, ReviewError, ReviewView, DECIDE_DAYS, FORMAT, SUFFIX,
    VERSION,
};
use crate::app::committee::{damaged, Desk};
use crate::app::filing::{FilingError, FilingFile};
use crate::app::{CoreError, Result};
use crate::domain::model::AppealOutcome;
use crate::domain::scheme::Scheme;
use crate::store::committee::{self as rows, CommitteeEvent};
use crate::store::{filing as filings, Event};
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// The received filing of `branch`'s `period` (refused when none).
fn filing_of(conn: &crate::store::Db, branch: &str, period: &str) -> Result<filings::FilingRow> {
    filings::filing_of(conn, branch, period)?.ok_or_else(|| {
        let known = filings::filings(conn, Some(period))
            .map(|v| v.into_iter().map(|f| f.branch).collect())
            .unwrap_or_default();
        FilingError::NotReceived {
            branch: branch.to_string(),
            period: period.to_string(),
            known,
        }
        .into()
    })
}

/// The scheme the branch of a received filing scores by (its `branch_init`
/// event carries the scheme's text).
fn scheme_of(conn: &crate::store::Db, f: &filings::FilingRow) -> Result<Scheme> {
    let body = filings::body(conn, f.id)?;
    let filed: FilingFile = serde_json::from_str(&body).map_err(damaged)?;
    for ev in filed.events.iter().filter(|e| e.kind == "branch_init") {
        if let Ok(Event::BranchInit {
            name, scheme_toml, ..
        }) = serde_json::from_str::<Event>(&ev.payload)
        {
            if name == f.branch {
                return Ok(Scheme::parse(&f.scheme_id, &scheme_toml)?);
            }
        }
    }
    Err(damaged(format!(
        "filing {}: no branch_init of {}",
        f.id, f.branch
    )))
}

/// An item code of `scheme`, as `claim add` finds one (code or title).
fn item_in(scheme: &Scheme, key: &str) -> Result<String> {
    let code = scheme.item_code(key.trim());
    match scheme.item(code) {
        Some(_) => Ok(code.to_string()),
        None => Err(ReviewError::UnknownItem {
            scheme: scheme.id.clone(),
            item: key.trim().to_string(),
        }
        .into()),
    }
}

/// File a member's reconsideration request received on `on` against
/// `branch`'s received filing of `period`; `member` is a name or the
/// member's id at the branch, `item` the item objected to. Due in 3
/// working days of the committee's calendar.
pub fn file(
    db: &Path,
    branch: &str,
    period: &str,
    member: &str,
    item: Option<&str>,
    text: &str,
    on: NaiveDate,
) -> Result<ReviewView> {
    let request = Request {
        branch,
        period,
        member,
        item,
        text,
        appeal: None,
    };
    file_request(db, &request, on)
}

/// A member's reconsideration request (复议申请) as the committee receives it.
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    /// The branch's name and the period of its received filing.
    pub branch: &'a str,
    pub period: &'a str,
    /// The member: a name, or the member's id at the branch.
    pub member: &'a str,
    /// The item objected to: its code or title.
    pub item: Option<&'a str>,
    /// The member's words.
    pub text: &'a str,
    /// The branch's appeal (申诉) sent up, by its number at the branch: the
    /// decision, received there, closes it.
    pub appeal: Option<i64>,
}

/// File the reconsideration request `q` received on `on` (as [`file`],
/// naming the branch's appeal it answers when `q.appeal` is given).
pub fn file_request(db: &Path, q: &Request, on: NaiveDate) -> Result<ReviewView> {
    let Request {
        branch,
        period,
        member,
        item,
        text,
        appeal,
    } = *q;
    let text = text.trim();
    if text.is_empty() {
        return Err(ReviewError::NeedsText.into());
    }
    if let Some(a) = appeal.filter(|a| *a < 1) {
        return Err(ReviewError::BadAppeal { appeal: a }.into());
    }
    let mut desk = Desk::open(db)?;
    let due = desk.calendar()?.add_working_days(on, DECIDE_DAYS);
    let id = desk.write(|j| {
        let f = filing_of(j.tx, branch, period)?;
        let key = member.trim();
        let (member_id, name) = filings::members(j.tx, f.id)?
            .into_iter()
            .find(|(id, name)| name == key || id.to_string() == key)
            .ok_or_else(|| ReviewError::UnknownMember {
                branch: branch.to_string(),
                period: period.to_string(),
                member: key.to_string(),
            })?;
        let item = match item.map(str::trim).filter(|s| !s.is_empty()) {
            Some(k) => Some(item_in(&scheme_of(j.tx, &f)?, k)?),
            None => None,
        };
        let id = rows::next_review_id(j.tx)?;
        j.append(&CommitteeEvent::ReviewFile {
            id,
            filing_id: f.id,
            member_id,
            member: name,
            item,
            text: text.to_string(),
            filed_on: on.to_string(),
            due: due.to_string(),
            appeal,
        })?;
        Ok(id)
    })?;
    one(db, id, on)
}

/// The reconsideration `id` as of `today`.
fn one(db: &Path, id: i64, today: NaiveDate) -> Result<ReviewView> {
    super::reviews(db, None, today)?
        .into_iter()
        .find(|r| r.id == id)
        .ok_or_else(|| ReviewError::NoSuchReview { id }.into())
}

/// What the committee decides.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    /// `upheld` or `dismissed`.
    pub outcome: AppealOutcome,
    /// Upheld: the item corrected (else the one the request named).
    pub item: Option<String>,
    /// Upheld: the points, as on a claim of the item (negative takes back).
    pub points: Option<f64>,
    pub reason: Option<String>,
}

/// Decide reconsideration `id` on `on`: once; an upheld one needs points
/// and an item of the branch's scheme, a dismissed one takes none.
pub fn decide(db: &Path, id: i64, d: &Decision, on: NaiveDate) -> Result<ReviewView> {
    let mut desk = Desk::open(db)?;
    desk.write(|j| {
        let r = rows::reviews(j.tx, None)?
            .into_iter()
            .find(|r| r.id == id)
            .ok_or(ReviewError::NoSuchReview { id })?;
        if let Some(outcome) = r.outcome {
            return Err(ReviewError::Decided { id, outcome }.into());
        }
        let (item, points) = match d.outcome {
            AppealOutcome::Reconsider => return Err(ReviewError::NotADecision.into()),
            AppealOutcome::Dismissed if d.points.is_some() || d.item.is_some() => {
                return Err(ReviewError::PointsOnlyUpheld.into())
            }
            AppealOutcome::Dismissed => (None, None),
            AppealOutcome::Upheld => {
                let points = d.points.ok_or(ReviewError::UpheldNeedsPoints)?;
                if !points.is_finite() || points.abs() < 1e-9 {
                    return Err(ReviewError::PointsZero.into());
                }
                let key = d
                    .item
                    .as_deref()
                    .or(r.item.as_deref())
                    .ok_or(ReviewError::UpheldNeedsPoints)?;
                let f = crate::store::filing::filings(j.tx, None)?
                    .into_iter()
                    .find(|f| f.id == r.filing_id)
                    .ok_or_else(|| damaged(format!("review {id}: filing {}", r.filing_id)))?;
                (Some(item_in(&scheme_of(j.tx, &f)?, key)?), Some(points))
            }
        };
        j.append(&CommitteeEvent::ReviewDecide {
            id,
            outcome: d.outcome,
            item,
            points,
            reason: d
                .reason
                .as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from),
            decided_on: on.to_string(),
            appeal: r.appeal,
        })?;
        Ok(())
    })?;
    one(db, id, on)
}

/// What `review export` wrote.
#[derive(Debug, Clone)]
pub struct ExportedDecision {
    pub path: PathBuf,
    pub file: DecisionFile,
}

/// Write the decision of reconsideration `id` to `out` (a file, or a folder
/// for the default name; `None`: the default name here).
pub fn export(db: &Path, id: i64, out: Option<&Path>) -> Result<ExportedDecision> {
    let conn = crate::app::filing::committee_reader(db)?;
    let r = rows::reviews(&conn, None)?
        .into_iter()
        .find(|r| r.id == id)
        .ok_or(ReviewError::NoSuchReview { id })?;
    let outcome: AppealOutcome = match &r.outcome {
        Some(o) => o.parse()?,
        None => return Err(ReviewError::NotDecided { id }.into()),
    };
    let hash = rows::decision_hash(&conn, id)?.ok_or(ReviewError::NotDecided { id })?;
    let event = rows::row_by_hash(&conn, &hash)?.ok_or(ReviewError::NotDecided { id })?;
    let (seq, head) = crate::store::journal::head(&conn)?;
    let f = crate::store::filing::filings(&conn, None)?
        .into_iter()
        .find(|f| f.id == r.filing_id)
        .ok_or_else(|| damaged(format!("review {id}: filing {}", r.filing_id)))?;
    let file = DecisionFile {
        format: FORMAT.to_string(),
        version: VERSION,
        generator: format!("jifen {}", env!("CARGO_PKG_VERSION")),
        exported_at: chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
        branch: f.branch.clone(),
        period: f.period.clone(),
        seal: f.seal.clone(),
        filing_sha256: f.file_sha256.clone(),
        review: FiledReview {
            id,
            member_id: r.member_id,
            member: r.member.clone(),
            text: r.text.clone(),
            filed_on: r.filed_on.clone(),
            due: r.due.clone(),
            outcome,
            item: r.item.clone(),
            points: r.points,
            reason: r.reason.clone(),
            decided_on: r.decided_on.clone(),
            appeal: r.appeal,
        },
        committee: CommitteeHead { seq, hash: head },
        decision_event: event,
    };
    let text = serde_json::to_string_pretty(&file).map_err(damaged)?;
    let name = default_name(&f.branch, &f.period, id);
    let path = match out {
        Some(o) if o.is_dir() => o.join(name),
        Some(o) => o.to_path_buf(),
        None => PathBuf::from(name),
    };
    let part = path.with_extension("part");
    std::fs::write(&part, &text).map_err(|e| CoreError::file(&part, &e))?;
    std::fs::rename(&part, &path).map_err(|e| CoreError::file(&path, &e))?;
    Ok(ExportedDecision { path, file })
}

/// The decision file's default name: the filing's name with the review's
/// number, e.g. `ShiZhiJiGuanDiYiDangZhiBu-2026Q4-review-1.jifen-decision.json`.
pub fn default_name(branch: &str, period: &str, id: i64) -> String {
    let filing = crate::app::filing::default_file_name(branch, period);
    let stem = filing
        .strip_suffix(crate::app::filing::SUFFIX)
        .unwrap_or(&filing);
    format!("{stem}-review-{id}{SUFFIX}")
}
