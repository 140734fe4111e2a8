//! `jifen retotal`: every kept score of every branch re-computed from the
//! tallies in one pass, and only the rows that differ written.
//!
//! Two reader connections sweep half the branches each on their own thread;
//! the main connection holds the write lock throughout and applies what they
//! find in one transaction.

mod diff;
mod sweep;
mod year;

pub use diff::{Change, ChangeKind, Found};
pub use sweep::SweepStats;

use super::{CoreError, Result};
use crate::store::{self, sweep::BranchRange, totals};
use rusqlite::{Connection, TransactionBehavior};
use std::path::Path;
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Reader threads (the machines this runs on have two cores or more).
const READERS: usize = 2;
/// Changes handed from a reader to the writer at a time.
const BATCH: usize = 4096;
/// Differences kept in the report to show.
const SHOWN: usize = 10;

/// What a retotal checked and changed.
#[derive(Debug, Clone, Default)]
pub struct RetotalReport {
    pub stats: SweepStats,
    /// Scores added (no kept row), replaced (other values) and removed (no entries).
    pub added: usize,
    pub replaced: usize,
    pub removed: usize,
    /// The first differences, in key order within each half.
    pub first: Vec<Change>,
    /// `score_dirty` notes cleared (none with `--check`).
    pub notes_cleared: usize,
    /// Whether the differences were written (not with `--check`).
    pub written: bool,
    pub elapsed: Duration,
}

impl RetotalReport {
    /// How many kept scores differ from the tallies.
    pub fn changed(&self) -> usize {
        self.added + self.replaced + self.removed
    }

    fn count(&mut self, c: &Change) {
        match c.kind {
            ChangeKind::Missing(_) => self.added += 1,
            ChangeKind::Changed { .. } => self.replaced += 1,
            ChangeKind::Bogus => self.removed += 1,
        }
        if self.first.len() < SHOWN {
            self.first.push(c.clone());
        }
    }
}

/// Re-compute every score of the database at `path` and write the ones that
/// differ (with `check`, write nothing and only report them).
///
/// Consistency: the write lock is taken first (`BEGIN IMMEDIATE`), so no
/// other connection can commit until this one ends; the readers' snapshots,
/// taken after that, all see the same committed state the writer does.
pub fn retotal_all(path: &Path, check: bool) -> Result<RetotalReport> {
    let start = Instant::now();
    let mut writer = store::open_rw(path)?;
    let tx = writer.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let ranges = store::sweep::split_branches(&tx, READERS)?;
    let mut report = RetotalReport::default();
    let (send, recv) = mpsc::sync_channel::<Vec<Found>>(64);
    let outcome = std::thread::scope(|s| {
        let readers: Vec<_> = ranges
            .iter()
            .map(|&range| {
                let send = send.clone();
                s.spawn(move || read_range(path, range, send))
            })
            .collect();
        drop(send);
        let applied = receive(&recv, &mut report, (!check).then_some(&*tx));
        // A failed write stops the readers: their next send fails.
        drop(recv);
        let mut stats = SweepStats::default();
        let mut failed = None;
        for r in readers {
            match r.join() {
                Ok(Ok(s)) => stats += s,
                Ok(Err(e)) => failed = failed.or(Some(e)),
                Err(_) => {
                    failed = failed.or(Some(CoreError::User("a retotal reader crashed".into())))
                }
            }
        }
        applied?;
        failed.map_or(Ok(stats), Err)
    });
    report.stats = outcome?;
    if !check {
        report.notes_cleared = store::sweep::clear_all_notes(&tx)?;
        tx.commit()?;
        report.written = true;
    }
    report.elapsed = start.elapsed();
    Ok(report)
}

/// Count the readers' changes and write them with the new digests (unless
/// `out` is `None`).
fn receive(
    recv: &mpsc::Receiver<Vec<Found>>,
    report: &mut RetotalReport,
    out: Option<&Connection>,
) -> Result<()> {
    let mut writer = out.map(totals::ScoreWriter::new).transpose()?;
    for batch in recv {
        for f in &batch {
            if let Found::Change(c) = f {
                report.count(c);
            }
            if let Some(w) = writer.as_mut() {
                apply(w, f)?;
            }
        }
    }
    Ok(())
}

/// One reader: its own connection, one read transaction, one sweep; changes
/// go to the writer in batches.
fn read_range(
    path: &Path,
    range: BranchRange,
    send: mpsc::SyncSender<Vec<Found>>,
) -> Result<SweepStats> {
    let conn = store::open_reader(path)?;
    let snapshot = conn.unchecked_transaction()?;
    let mut batch = Vec::new();
    let stopped = || CoreError::User("retotal stopped: the writer gave up".into());
    let stats = sweep::sweep(&snapshot, range, &mut |c| {
        batch.push(c);
        if batch.len() >= BATCH {
            send.send(std::mem::take(&mut batch))
                .map_err(|_| stopped())?;
        }
        Ok(())
    })?;
    if !batch.is_empty() {
        send.send(batch).map_err(|_| stopped())?;
    }
    Ok(stats)
}

/// Write one change or digest.
fn apply(out: &mut totals::ScoreWriter<'_>, f: &Found) -> Result<()> {
    match f {
        Found::Change(c) => match &c.kind {
            ChangeKind::Missing(row) | ChangeKind::Changed { fresh: row, .. } => {
                out.put(c.branch, &c.period, c.member, row)?
            }
            ChangeKind::Bogus => out.remove(c.branch, &c.period, c.member)?,
        },
        Found::Digest {
            branch,
            period,
            digest,
        } => out.digest(*branch, period, *digest)?,
    }
    Ok(())
}

/// Re-score every branch on one connection (no threads: an in-memory
/// database has no second connection) and clear every note.
pub(crate) fn retotal_on(conn: &Connection) -> Result<SweepStats> {
    let mut changes = Vec::new();
    let stats = sweep::sweep(conn, BranchRange::ALL, &mut |c| {
        changes.push(c);
        Ok(())
    })?;
    let mut out = totals::ScoreWriter::new(conn)?;
    for c in &changes {
        apply(&mut out, c)?;
    }
    drop(out);
    store::sweep::clear_all_notes(conn)?;
    Ok(stats)
}
