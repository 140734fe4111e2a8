//! `verify`: recompute the hash chain, replay the journal into a fresh
//! database, compare every state table and every locked total.

use super::{user, Ledger, RankScope, Result};
use crate::store::{self, apply::apply, journal::chain_hash, queries, Event};
use std::path::Path;

/// What verify checked.
#[derive(Debug, Clone, Default)]
pub struct VerifyReport {
    pub events: i64,
    pub locks: Vec<(String, String)>,
    pub seal_matched: Option<String>,
}

const STATE_TABLES: &[&str] = &[
    "branch",
    "member",
    "period",
    "claim",
    "claim_pack",
    "tally",
    "tally_seal",
    "confirmation",
    "attendance",
    "lock_total",
    "appeal",
    "correction",
    "follow_up",
];

/// Verify a database file; an error names the first bad event or row.
pub fn verify(path: &Path, seal: Option<&str>) -> Result<VerifyReport> {
    if !path.exists() {
        return user(format!("{}: no such database", path.display()));
    }
    let file = store::open_ro(path)?;
    let mem = store::open_memory()?;
    let mut report = VerifyReport::default();
    let mut prev = store::journal::GENESIS.to_string();
    let mut locks: Vec<(i64, String, String, Vec<store::LockedTotal>)> = Vec::new();
    queries::each_event(&file, |row| {
        if row.prev_hash != prev {
            return Err(format!(
                "event {}: chain broken (prev_hash does not match event {})",
                row.seq,
                row.seq - 1
            ));
        }
        let h = chain_hash(&prev, row.seq, &row.at, &row.actor, &row.kind, &row.payload);
        if h != row.hash {
            return Err(format!(
                "event {} ({}): hash mismatch: the event was edited outside jifen",
                row.seq, row.kind
            ));
        }
        let ev: Event = serde_json::from_str(&row.payload)
            .map_err(|e| format!("event {} ({}): unreadable payload: {e}", row.seq, row.kind))?;
        if ev.kind() != row.kind {
            return Err(format!(
                "event {}: kind column says {} but payload is {}",
                row.seq,
                row.kind,
                ev.kind()
            ));
        }
        apply(&mem, &ev, &row.at, &row.hash)
            .map_err(|e| format!("event {} ({}): cannot be replayed: {e}", row.seq, row.kind))?;
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
        Ok(())
    })
    .map_err(super::CoreError::User)?;
    // The kept totals are compared too, once the file has scored every change.
    super::totals::refresh_all(&mem)?;
    let totals_kept = store::totals::dirty_branches(&file).is_ok_and(|b| b.is_empty());
    let tables = STATE_TABLES.iter().chain(totals_kept.then_some(&"score"));
    // Compare the replayed state with the file's state, table by table.
    mem.execute("ATTACH DATABASE ?1 AS orig", [path.to_string_lossy()])?;
    for t in tables {
        // A file from before the table existed (opened read-only, not migrated).
        let in_file: bool = mem.query_row(
            "SELECT count(*) > 0 FROM orig.sqlite_master WHERE type = 'table' AND name = ?1",
            [t],
            |r| r.get(0),
        )?;
        if !in_file {
            continue;
        }
        for (a, b, what) in [
            ("main", "orig", "missing from the file"),
            ("orig", "main", "not explained by the journal"),
        ] {
            let sql = format!("SELECT * FROM {a}.{t} EXCEPT SELECT * FROM {b}.{t} LIMIT 1");
            let mut st = mem.prepare(&sql)?;
            let n = st.column_count();
            let mut rows = st.query([])?;
            if let Some(r) = rows.next()? {
                let mut cols = Vec::new();
                for i in 0..n.min(4) {
                    let v: rusqlite::types::Value = r.get(i)?;
                    cols.push(match v {
                        rusqlite::types::Value::Null => "null".to_string(),
                        rusqlite::types::Value::Integer(i) => i.to_string(),
                        rusqlite::types::Value::Real(f) => f.to_string(),
                        rusqlite::types::Value::Text(s) => s,
                        rusqlite::types::Value::Blob(_) => "blob".into(),
                    });
                }
                return user(format!(
                    "{}: table {t}: row ({}) {what}: the database was changed outside jifen",
                    path.display(),
                    cols.join(", ")
                ));
            }
        }
    }
    mem.execute("DETACH DATABASE orig", [])?;
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
                let pid = period.parse().map_err(super::CoreError::User)?;
                let ranking = replay.ranking(&RankScope::Period(pid))?;
                for t in totals {
                    let got = ranking
                        .rows
                        .iter()
                        .find(|r| r.member_id == t.member_id)
                        .map(|r| r.score);
                    if got.is_none_or(|g| (g - t.score).abs() > 1e-6) {
                        return user(format!(
                            "{}: lock of {period}: member {} was locked at {} but the journal gives {}",
                            path.display(),
                            t.member_id,
                            t.score,
                            got.map(|g| g.to_string()).unwrap_or_else(|| "no score".into())
                        ));
                    }
                }
                report.locks.push((period.clone(), store::seal_of(hash)));
            }
        }
    }
    if let Some(s) = seal {
        let s = s.trim().to_lowercase();
        if s.len() < 8 {
            return user("a seal has at least 8 hex digits");
        }
        match locks.iter().find(|l| l.2.starts_with(&s)) {
            Some(l) => report.seal_matched = Some(l.1.clone()),
            None => {
                return user(format!(
                    "{}: seal {s} matches no lock in this file: the journal was rewritten or this is another ledger",
                    path.display()
                ))
            }
        }
    }
    Ok(report)
}
