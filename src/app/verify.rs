//! `verify`: recompute the hash chain, replay the journal into a fresh
//! database, compare every state table and every locked total.

use super::{CoreError, JournalFault, Ledger, LedgerError, RankScope, Result, VerifyError};
use crate::store::{self, apply::apply, journal::stamped_hash, queries, Event};
use std::path::Path;

/// What verify checked.
#[derive(Debug, Clone, Default)]
pub struct VerifyReport {
    pub events: i64,
    pub locks: Vec<(String, String)>,
    pub seal_matched: Option<String>,
}

/// Check one journal row against the chain's head `prev` (its link, its
/// hash, its payload's form and kind) and apply it to `mem`: the one step of
/// every replay (`verify`, and a filing's `export` and `verify`).
pub(crate) fn check_and_apply(
    mem: &store::Db,
    prev: &str,
    row: &queries::EventRow,
) -> std::result::Result<Event, JournalFault> {
    if row.prev_hash != prev {
        return Err(JournalFault::ChainBroken);
    }
    let h = stamped_hash(
        prev,
        row.seq,
        &row.at,
        &row.actor,
        &row.kind,
        &row.payload,
        row.stamp,
    );
    if h != row.hash {
        return Err(JournalFault::Edited);
    }
    let ev: Event = serde_json::from_str(&row.payload).map_err(|_| JournalFault::Unreadable)?;
    if !store::journal::is_compact(&row.payload) {
        return Err(JournalFault::NotCompact);
    }
    if ev.kind() != row.kind {
        return Err(JournalFault::KindMismatch {
            payload: ev.kind().to_string(),
        });
    }
    apply(mem, &ev, &row.at, &row.hash).map_err(|e| JournalFault::NoReplay {
        detail: e.to_string(),
    })?;
    Ok(ev)
}

/// Verify a database file; an error names the first bad event or row.
pub fn verify(path: &Path, seal: Option<&str>) -> Result<VerifyReport> {
    verify_with(path, seal, &mut |_, _| {})
}

/// `verify`, telling `progress` (events replayed, events in all) as it goes.
pub fn verify_with(
    path: &Path,
    seal: Option<&str>,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<VerifyReport> {
    if !path.exists() {
        return Err(LedgerError::NoDatabase {
            path: path.display().to_string(),
            for_board: false,
        }
        .into());
    }
    let file = store::open_ro(path)?;
    // An older database is compared as this jifen reads it: a migrated copy.
    let copy = match store::db::is_older(&file, path)? {
        true => Some(store::db::migrated_copy(&file, path)?),
        false => None,
    };
    let state_file: &Path = copy.as_deref().unwrap_or(path);
    // The journal is read as this build reads it too (the copy's columns).
    let journal = match &copy {
        Some(c) => store::open_ro(c)?,
        None => store::open_ro(path)?,
    };
    let total = store::compare::event_count(&file)? as u64;
    let mem = store::open_memory()?;
    let mut report = VerifyReport::default();
    let mut prev = store::journal::GENESIS.to_string();
    let mut locks: Vec<(i64, String, String, Vec<store::LockedTotal>)> = Vec::new();
    queries::each_event(&journal, |row| -> Result<()> {
        let ev = check_and_apply(&mem, &prev, &row).map_err(|fault| -> CoreError {
            VerifyError::Journal {
                seq: row.seq,
                kind: row.kind.clone(),
                fault,
            }
            .into()
        })?;
        if let Event::Lock {
            branch_id,
            period,
            totals,
            ..
        } = &ev
        {
            locks.push((*branch_id, period.clone(), row.hash.clone(), totals.clone()));
        }
        prev = row.hash.clone();
        report.events = row.seq;
        if row.seq.rem_euclid(1024) == 0 {
            progress(row.seq as u64, total);
        }
        Ok(())
    })?;
    progress(total, total);
    // Every state table is compared, the kept scores included, once the
    // replay has scored every change (a file scored by an older jifen is
    // first caught up, as opening it would).
    super::totals::refresh_all(&mem)?;
    if let Some(copy) = &copy {
        super::totals::refresh_all(&store::open_rw(copy)?)?;
    }
    if let Some(d) = store::compare::first_difference(&mem, state_file)? {
        return Err(VerifyError::Tampered {
            path: path.display().to_string(),
            table: d.table.to_string(),
            row: d.row.clone(),
            missing: d.missing_from_file,
        }
        .into());
    }
    // Every lock's totals must be what the replayed claims give.
    if !locks.is_empty() {
        let branches = queries::branches(&mem)?;
        let first = branches.first().map(|b| b.name.clone());
        let mut replay = Ledger::over(mem, path, first.as_deref())?;
        replay.corrections = false;
        for b in &branches {
            replay.switch_branch(&b.name)?;
            for (branch_id, period, hash, totals) in locks.iter().filter(|l| l.0 == b.id) {
                let _ = branch_id;
                let pid = period.parse()?;
                let ranking = replay.ranking(&RankScope::Period(pid))?;
                for t in totals {
                    let got = ranking
                        .rows
                        .iter()
                        .find(|r| r.member_id == t.member_id)
                        .map(|r| r.score);
                    if got.is_none_or(|g| (g - t.score).abs() > 1e-6) {
                        return Err(VerifyError::LockDiffers {
                            path: path.display().to_string(),
                            period: period.clone(),
                            member: t.member_id,
                            locked: t.score,
                            got,
                        }
                        .into());
                    }
                }
                report.locks.push((period.clone(), store::seal_of(hash)));
            }
        }
    }
    if let Some(s) = seal {
        let s = s.trim().to_lowercase();
        if !store::is_whole_seal(&s) {
            return Err(VerifyError::SealNotWhole {
                given: s.chars().count(),
            }
            .into());
        }
        match locks.iter().find(|l| l.2 == s) {
            Some(l) => report.seal_matched = Some(l.1.clone()),
            None => {
                return Err(VerifyError::SealUnmatched {
                    path: path.display().to_string(),
                    seal: s,
                }
                .into())
            }
        }
    }
    Ok(report)
}
