//! A branch receives the committee's decision file (`filing receive` on the
//! branch's database): checked, then journalled as one `review_decision`
//! event that posts an upheld decision's correction in the locked period.
//! The lock and its seal stay as they were; the same decision twice is
//! reported and ignored; a decision for another branch or answering a seal
//! the branch never made is refused with nothing written.

use super::{DecisionFault, DecisionFile, ReviewError, FORMAT, VERSION};
use crate::app::{CoreError, Ledger, Result};
use crate::domain::model::{AppealOutcome, PeriodId};
use crate::store::committee::{self as rows, CommitteeEvent};
use crate::store::Event;
use std::path::{Path, PathBuf};

/// What became of one decision file.
#[derive(Debug, Clone, PartialEq)]
pub enum DecisionReceipt {
    /// Posted: the decision, and the member's score in the period before and after.
    Posted {
        review: i64,
        period: String,
        member: String,
        outcome: AppealOutcome,
        before: f64,
        after: f64,
    },
    /// Received before (known by the committee's decision event): ignored.
    Again { review: i64, period: String },
}

/// One file's outcome.
#[derive(Debug)]
pub struct DecisionReceived {
    pub file: PathBuf,
    pub outcome: std::result::Result<DecisionReceipt, CoreError>,
}

/// Receive each decision file into the branch ledger `l`, each on its own.
pub fn receive_decisions(l: &mut Ledger, files: &[PathBuf]) -> Vec<DecisionReceived> {
    files
        .iter()
        .map(|f| DecisionReceived {
            file: f.clone(),
            outcome: receive_one(l, f),
        })
        .collect()
}

/// Read and check a decision file's text (`name` for the messages).
pub fn check_decision(name: &str, text: &str) -> Result<DecisionFile> {
    let bad = |fault| -> CoreError { ReviewError::file(name, fault).into() };
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        bad(if e.is_eof() {
            DecisionFault::Truncated
        } else {
            DecisionFault::NotJson {
                line: e.line(),
                column: e.column(),
            }
        })
    })?;
    match value.get("format").and_then(|f| f.as_str()) {
        Some(FORMAT) => {}
        Some(crate::app::filing::FORMAT) => return Err(bad(DecisionFault::IsFiling)),
        _ => return Err(bad(DecisionFault::NotDecision)),
    }
    match value.get("version").and_then(|v| v.as_u64()) {
        Some(v) if v == u64::from(VERSION) => {}
        found => {
            return Err(bad(DecisionFault::Version {
                found: found.unwrap_or(0),
            }))
        }
    }
    let d: DecisionFile = serde_json::from_value(value).map_err(|e| {
        bad(DecisionFault::Malformed {
            detail: e.to_string(),
        })
    })?;
    let ev = &d.decision_event;
    if ev.computed_hash() != ev.hash || !crate::store::journal::is_compact(&ev.payload) {
        return Err(bad(DecisionFault::EventEdited));
    }
    let Ok(CommitteeEvent::ReviewDecide {
        id,
        outcome,
        item,
        points,
        reason,
        decided_on,
        appeal,
    }) = serde_json::from_str::<CommitteeEvent>(&ev.payload)
    else {
        return Err(bad(DecisionFault::EventEdited));
    };
    let r = &d.review;
    let same = [
        ("review.id", id == r.id),
        ("review.outcome", outcome == r.outcome),
        ("review.item", item.is_none() || item == r.item),
        ("review.points", points == r.points),
        ("review.reason", reason == r.reason),
        ("review.decided_on", decided_on == r.decided_on),
        ("review.appeal", appeal == r.appeal),
        ("decision_event.kind", ev.kind == "review_decide"),
        ("committee.seq", d.committee.seq >= ev.seq),
    ];
    if let Some((field, _)) = same.iter().find(|(_, ok)| !ok) {
        return Err(bad(DecisionFault::Differs { field }));
    }
    if r.outcome == AppealOutcome::Upheld && (r.item.is_none() || r.points.is_none()) {
        return Err(bad(DecisionFault::Differs {
            field: "review.points",
        }));
    }
    Ok(d)
}

fn receive_one(l: &mut Ledger, path: &Path) -> Result<DecisionReceipt> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| CoreError::file(path, &e))?;
    let d = check_decision(&name, &text).map_err(|e| match e {
        CoreError::Filing(b)
            if matches!(
                &*b,
                crate::app::filing::FilingError::Review(ReviewError::File {
                    fault: DecisionFault::IsFiling,
                    ..
                })
            ) =>
        {
            crate::app::filing::FilingError::BranchDatabase {
                path: l.path().display().to_string(),
            }
            .into()
        }
        other => other,
    })?;
    if d.branch != l.branch().name {
        return Err(ReviewError::OtherBranch {
            file: name,
            for_branch: d.branch.clone(),
            here: l.branch().name.clone(),
        }
        .into());
    }
    let period: PeriodId = d.period.parse()?;
    let unknown_seal = || -> CoreError {
        ReviewError::UnknownSeal {
            file: name.clone(),
            period: d.period.clone(),
            seal: d.seal.clone(),
        }
        .into()
    };
    let sealed = crate::store::filing::lock_event(l.conn(), l.branch().id, &d.period)?;
    if sealed.is_none_or(|(_, hash)| hash != d.seal) {
        return Err(unknown_seal());
    }
    let r = &d.review;
    if !l
        .members()?
        .iter()
        .any(|m| m.id == r.member_id && *m.name == *r.member)
    {
        return Err(ReviewError::NoSuchMember {
            file: name,
            member: r.member.clone(),
        }
        .into());
    }
    let decision = d.decision_event.hash.clone();
    let score_now = |l: &Ledger| -> Result<f64> {
        Ok(l.ranking(&crate::app::RankScope::Period(period))?
            .rows
            .iter()
            .find(|x| x.member_id == r.member_id)
            .map_or(0.0, |x| x.score))
    };
    l.write(|l| {
        if let Some((p, review)) = rows::received_decision(l.conn(), &decision)? {
            return Ok(DecisionReceipt::Again { review, period: p });
        }
        if let Some(a) = r.appeal {
            closable(l, &name, a, r.member_id, &d.period)?;
        }
        let before = score_now(l)?;
        let correction = match (r.outcome, &r.item, r.points) {
            (AppealOutcome::Upheld, Some(item), Some(points)) => Some(l.check_correction(
                r.member_id,
                &r.member,
                &d.period,
                item,
                points,
                r.reason.as_deref().unwrap_or(""),
            )?),
            _ => None,
        };
        l.journal(&[Event::ReviewDecision {
            branch_id: l.branch().id,
            period: d.period.clone(),
            member_id: r.member_id,
            review: r.id,
            outcome: r.outcome,
            decision: decision.clone(),
            committee_head: d.committee.hash.clone(),
            seal: d.seal.clone(),
            file_sha256: crate::app::filing::sha256(text.as_bytes()),
            correction,
            appeal: r.appeal,
            reason: r.appeal.and(r.reason.clone()),
        }])?;
        Ok(DecisionReceipt::Posted {
            review: r.id,
            period: d.period.clone(),
            member: r.member.clone(),
            outcome: r.outcome,
            before,
            after: score_now(l)?,
        })
    })
}

/// Refuse closing the branch's appeal `id` by a decision (file `name`) about
/// `member_id`'s `period` unless it is open and that member's of that period.
fn closable(l: &Ledger, name: &str, id: i64, member_id: i64, period: &str) -> Result<()> {
    let today = crate::domain::calendar::today();
    let Some(a) = l.appeals_on(None, today)?.into_iter().find(|a| a.id == id) else {
        return Err(ReviewError::NoSuchAppeal {
            file: name.to_string(),
            appeal: id,
        }
        .into());
    };
    if !a.open {
        return Err(ReviewError::AppealClosed {
            file: name.to_string(),
            appeal: id,
            status: a.status,
        }
        .into());
    }
    if a.member_id != member_id || a.period != period {
        return Err(ReviewError::AppealOther {
            file: name.to_string(),
            appeal: id,
            member: a.member,
            period: a.period,
        }
        .into());
    }
    Ok(())
}
