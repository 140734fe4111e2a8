//! `filing verify`: a filing file checked with no database. The chain is
//! recomputed from the first event, the last event must be the period's lock
//! with the file's seal, and the events are replayed into an in-memory
//! database whose ranking must be the file's results, member by member.

use super::error::{FileFault, FilingError};
use super::{
    sha256, FiledAppraisal, FiledBranch, FiledEvent, FiledExempt, FiledMember, FilingFile, FORMAT,
    VERSION,
};
use crate::app::views::RankRow;
use crate::app::{CoreError, Ledger, RankScope, Result};
use crate::domain::model::{MemberStatus, PeriodId};
use crate::domain::scheme::Scheme;
use crate::store::{self, queries, Event};
use std::path::Path;

/// A filing file that holds: what it is, and its text's digest.
#[derive(Debug, Clone)]
pub struct Checked {
    pub filing: FilingFile,
    pub file_sha256: String,
}

/// Read and check the filing file at `path`.
pub fn check_file(path: &Path) -> Result<Checked> {
    let text = std::fs::read_to_string(path).map_err(|e| CoreError::file(path, &e))?;
    check_text(&path.display().to_string(), &text)
}

/// Check a filing's text (`name`: the file, for the messages).
pub fn check_text(name: &str, text: &str) -> Result<Checked> {
    check_text_with(name, text, &mut Schemes::default())
}

/// Scheme texts parsed once for many filings (a receipt's, a verify's): each
/// distinct text is parsed the first time a filing's replay needs it, and
/// each later filing scoring by the same text gets a copy of that parse.
#[derive(Default)]
pub(crate) struct Schemes {
    parsed: foldhash::HashMap<Box<str>, Scheme>,
}

impl Schemes {
    /// The scheme `text` (`origin` names it in a refusal), parsed once.
    pub(crate) fn get(&mut self, origin: &str, text: &str) -> Result<Scheme> {
        if let Some(s) = self.parsed.get(text) {
            return Ok(s.clone());
        }
        let s = Scheme::parse(origin, text)?;
        self.parsed.insert(text.into(), s.clone());
        Ok(s)
    }
}

/// [`check_text`], the schemes of its replay taken from `schemes`.
pub(crate) fn check_text_with(name: &str, text: &str, schemes: &mut Schemes) -> Result<Checked> {
    let bad = |fault| -> CoreError { FilingError::file(name, fault).into() };
    let filing = read(text).map_err(bad)?;
    let mem = replay(&filing.events).map_err(bad)?;
    let last = filing
        .events
        .last()
        .ok_or_else(|| bad(FileFault::NoEvents))?;
    let Some(locked_branch) = lock_of(last, &filing.period.id) else {
        return Err(bad(FileFault::NotSealEvent { seq: last.seq }));
    };
    if filing.seal != last.hash {
        return Err(bad(FileFault::SealMismatch {
            file_seal: filing.seal.clone(),
            head: last.hash.clone(),
        }));
    }
    let made = results_of(mem, name, &filing.branch.name, &filing.period.id, schemes).map_err(
        |e| match e {
            CoreError::Ledger(_) => bad(FileFault::BranchDiffers {
                field: "name",
                file_says: filing.branch.name.clone(),
                events_give: String::new(),
            }),
            other => other,
        },
    )?;
    if made.branch_id != locked_branch {
        return Err(bad(FileFault::NotSealEvent { seq: last.seq }));
    }
    let (branch, results, exempt) = (made.branch, made.results, made.exempt);
    compare_branch(&filing.branch, &branch).map_err(bad)?;
    compare_results(&filing.results, &results).map_err(bad)?;
    if filing.exempt != exempt {
        let who = exempt
            .iter()
            .find(|e| !filing.exempt.contains(e))
            .or_else(|| filing.exempt.iter().find(|e| !exempt.contains(e)));
        return Err(bad(FileFault::ResultDiffers {
            member: who.map(|e| e.member.clone()).unwrap_or_default(),
            field: "status",
            file_says: String::new(),
            events_give: String::new(),
        }));
    }
    Ok(Checked {
        filing,
        file_sha256: sha256(text.as_bytes()),
    })
}

/// A filing file's text read: straight into its fields when it is one of
/// this version; else read again as plain JSON, to say what it is instead.
fn read(text: &str) -> std::result::Result<FilingFile, FileFault> {
    if let Ok(f) = serde_json::from_str::<FilingFile>(text) {
        if f.format == FORMAT && f.version == VERSION {
            return Ok(f);
        }
    }
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        if e.is_eof() {
            FileFault::Truncated
        } else {
            FileFault::NotJson {
                line: e.line(),
                column: e.column(),
            }
        }
    })?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(FileFault::NotFiling);
    }
    match value.get("version").and_then(|v| v.as_u64()) {
        Some(v) if v == u64::from(VERSION) => {}
        found => {
            return Err(FileFault::Version {
                found: found.unwrap_or(0),
            })
        }
    }
    serde_json::from_value(value).map_err(|e| FileFault::Malformed {
        detail: e.to_string(),
    })
}

/// The branch (database id) whose lock of `period` the event `ev` is, if it is one.
fn lock_of(ev: &FiledEvent, period: &str) -> Option<i64> {
    match serde_json::from_str::<Event>(&ev.payload) {
        Ok(Event::Lock {
            branch_id,
            period: p,
            ..
        }) if ev.kind == "lock" && p == period => Some(branch_id),
        _ => None,
    }
}

/// What a replay gives for a branch's period.
pub(super) struct Made {
    /// The branch's id in the replayed database (the lock event names it).
    pub branch_id: i64,
    pub branch: FiledBranch,
    pub results: Vec<FiledMember>,
    pub exempt: Vec<FiledExempt>,
}

/// Replay `events` (from the first, numbered on by one) into an in-memory
/// database, checking each one's link and hash as `verify` does; the
/// database goes back with [`results_of`].
pub(super) fn replay(events: &[FiledEvent]) -> std::result::Result<store::Db, FileFault> {
    let mem = store::replay_db().map_err(|e| FileFault::Malformed {
        detail: e.to_string(),
    })?;
    let mut prev = store::journal::GENESIS.to_string();
    for (i, ev) in events.iter().enumerate() {
        let expected = i as i64 + 1;
        if ev.seq != expected {
            return Err(FileFault::Gap {
                seq: ev.seq,
                expected,
            });
        }
        crate::app::verify::check_and_apply(&mem, &prev, &ev.row()).map_err(|fault| {
            FileFault::Journal {
                seq: ev.seq,
                kind: ev.kind.clone(),
                fault,
            }
        })?;
        prev.clone_from(&ev.hash);
    }
    Ok(mem)
}

/// The branch, results and exempt members that a replayed database `mem`
/// gives for `branch`'s `period`: the one place a filing's results are made.
/// `mem` is given back for the thread's next replay.
pub(super) fn results_of(
    mem: store::Db,
    name: &str,
    branch: &str,
    period: &str,
    schemes: &mut Schemes,
) -> Result<Made> {
    let mut parse = |origin: &str, text: &str| schemes.get(origin, text);
    crate::app::totals::refresh_all_with(&mem, &mut parse)?;
    let l = Ledger::over_with(mem, Path::new(name), Some(branch), &mut parse)?;
    let pid: PeriodId = period.parse()?;
    let ranking = l.ranking(&RankScope::Period(pid))?;
    let members = l.members()?;
    let status = |id: i64| {
        members
            .iter()
            .find(|m| m.id == id)
            .map_or(MemberStatus::Active, |m| m.status)
    };
    let mut appraised = appraisals(&l, period)?;
    let results: Vec<FiledMember> = ranking
        .rows
        .into_iter()
        .map(|row| FiledMember {
            status: status(row.member_id),
            appraisal: appraised.remove(&row.member_id),
            row,
        })
        .collect();
    let exempt = members
        .iter()
        .filter(|m| m.status == MemberStatus::Exempt)
        .filter(|m| !results.iter().any(|r| r.row.member_id == m.id))
        .map(|m| FiledExempt {
            member_id: m.id,
            member: m.name.to_string(),
            category: m.category,
        })
        .collect();
    let toml = queries::branch(l.conn(), l.branch().id)?
        .map(|b| b.scheme_toml)
        .unwrap_or_default();
    let filed = FiledBranch {
        name: l.branch().name.clone(),
        scheme_id: l.scheme().id.clone(),
        scheme_sha256: sha256(toml.as_bytes()),
    };
    let made = Made {
        branch_id: l.branch().id,
        branch: filed,
        results,
        exempt,
    };
    store::keep_replay_db(l.into_conn());
    Ok(made)
}

/// Each member's result of `period`'s closed appraisal, if it had one.
fn appraisals(l: &Ledger, period: &str) -> Result<std::collections::HashMap<i64, FiledAppraisal>> {
    use crate::domain::appraisal::AppraisalState;
    let mut out = std::collections::HashMap::new();
    let branch = l.branch().id;
    let Some(a) = store::appraisal::appraisal(l.conn(), branch, period)? else {
        return Ok(out);
    };
    if a.state != AppraisalState::Closed {
        return Ok(out);
    }
    for r in store::appraisal::results(l.conn(), branch, period)? {
        let e = out.entry(r.member_id).or_insert_with(|| FiledAppraisal {
            kind: a.kind.code().to_string(),
            grade: None,
            points: None,
            parts: Default::default(),
        });
        if r.part.is_empty() {
            e.grade = r.grade;
            e.points = r.points;
        } else if let Some(mean) = r.points {
            e.parts.insert(r.part, mean);
            e.points = Some(e.points.unwrap_or(0.0) + mean);
        }
    }
    Ok(out)
}

fn compare_branch(file: &FiledBranch, events: &FiledBranch) -> std::result::Result<(), FileFault> {
    for (field, a, b) in [
        ("name", &file.name, &events.name),
        ("scheme_id", &file.scheme_id, &events.scheme_id),
        ("scheme_sha256", &file.scheme_sha256, &events.scheme_sha256),
    ] {
        if a != b {
            return Err(FileFault::BranchDiffers {
                field,
                file_says: a.clone(),
                events_give: b.clone(),
            });
        }
    }
    Ok(())
}

/// The first field of the first member whose result differs.
fn compare_results(
    file: &[FiledMember],
    events: &[FiledMember],
) -> std::result::Result<(), FileFault> {
    for e in events {
        let Some(f) = file.iter().find(|f| f.row.member_id == e.row.member_id) else {
            return Err(FileFault::MemberMissing {
                member: e.row.name.to_string(),
            });
        };
        if let Some((field, a, b)) = first_difference(f, e) {
            return Err(FileFault::ResultDiffers {
                member: e.row.name.to_string(),
                field,
                file_says: a,
                events_give: b,
            });
        }
    }
    if let Some(f) = file
        .iter()
        .find(|f| !events.iter().any(|e| e.row.member_id == f.row.member_id))
    {
        return Err(FileFault::MemberExtra {
            member: f.row.name.to_string(),
        });
    }
    let order = |v: &[FiledMember]| v.iter().map(|m| m.row.member_id).collect::<Vec<_>>();
    if order(file) != order(events) {
        return Err(FileFault::ResultDiffers {
            member: String::new(),
            field: "order",
            file_says: String::new(),
            events_give: String::new(),
        });
    }
    Ok(())
}

/// The first field (name, file's value, other's value) where two results differ.
pub(super) fn first_difference(
    f: &FiledMember,
    e: &FiledMember,
) -> Option<(&'static str, String, String)> {
    let (a, b): (&RankRow, &RankRow) = (&f.row, &e.row);
    let fields: [(&'static str, String, String); 11] = [
        ("member", a.name.to_string(), b.name.to_string()),
        ("category", show(&a.category), show(&b.category)),
        ("ranking", show(&a.ranking), show(&b.ranking)),
        (
            "score",
            crate::domain::model::fmt_points(a.score),
            crate::domain::model::fmt_points(b.score),
        ),
        ("rank", a.rank.to_string(), b.rank.to_string()),
        ("grade", show(&a.grade), show(&b.grade)),
        ("stars", show(&a.stars), show(&b.stars)),
        ("actions", a.actions.join(" "), b.actions.join(" ")),
        ("confirmation", show(&a.confirmation), show(&b.confirmation)),
        ("status", show(&f.status), show(&e.status)),
        ("appraisal", show(&f.appraisal), show(&e.appraisal)),
    ];
    if let Some(d) = fields.into_iter().find(|(_, x, y)| x != y) {
        return Some(d);
    }
    (f != e).then(|| ("result", show(&f.row.group), show(&e.row.group)))
}

/// A value shown as the file writes it (its JSON, quotes taken off).
fn show<T: serde::Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(serde_json::Value::Null) => "-".to_string(),
        Ok(v) => v.to_string(),
        Err(_) => String::new(),
    }
}
