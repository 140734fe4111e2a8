//! `jifen retotal`: every kept score of every branch re-computed from the
//! claims, and only the rows that differ written (`--check`: none written,
//! the differences named).
//!
//! The write lock is taken first (`BEGIN IMMEDIATE`), so what is compared is
//! one committed state that no other writer can change until the rewrite ends.

use super::totals::{held_periods, score_period};
use super::Result;
use crate::domain::scheme::Scheme;
use crate::domain::scoring::Breakdown;
use crate::store::Db;
use crate::store::{self, queries, totals, totals::ScoreRow};
use std::path::Path;
use std::time::{Duration, Instant};

/// Differences kept in the report to show.
const SHOWN: usize = 10;

/// How a kept score differs from what the claims give.
#[derive(Debug, Clone, PartialEq)]
pub enum ChangeKind {
    /// No kept row: the fresh score is to be added.
    Missing(ScoreRow),
    /// The kept row holds other values (its total given).
    Changed { kept_total: f64, fresh: ScoreRow },
    /// A kept row no entries explain: to be removed.
    Bogus,
}

/// One kept score to add, replace or remove.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub branch: i64,
    pub period: String,
    pub member: i64,
    pub kind: ChangeKind,
}

/// What was looked at.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SweepStats {
    pub branches: usize,
    pub periods: usize,
    /// Fresh scores computed.
    pub scores: usize,
}

/// What a retotal checked and changed.
#[derive(Debug, Clone, Default)]
pub struct RetotalReport {
    pub stats: SweepStats,
    /// Scores added (no kept row), replaced (other values) and removed (no entries).
    pub added: usize,
    pub replaced: usize,
    pub removed: usize,
    /// The first differences, in key order.
    pub first: Vec<Change>,
    /// `score_dirty` notes cleared (none with `--check`).
    pub notes_cleared: usize,
    /// Whether the differences were written (not with `--check`).
    pub written: bool,
    pub elapsed: Duration,
}

impl RetotalReport {
    /// How many kept scores differ from the claims.
    pub fn changed(&self) -> usize {
        self.added + self.replaced + self.removed
    }

    fn count(&mut self, c: Change) {
        match c.kind {
            ChangeKind::Missing(_) => self.added += 1,
            ChangeKind::Changed { .. } => self.replaced += 1,
            ChangeKind::Bogus => self.removed += 1,
        }
        if self.first.len() < SHOWN {
            self.first.push(c);
        }
    }
}

/// Re-compute every score of the database at `path` and write the ones that
/// differ (with `check`, write nothing and only report them).
pub fn retotal_all(path: &Path, check: bool) -> Result<RetotalReport> {
    retotal_all_with(path, check, &mut |_, _| {})
}

/// `retotal_all`, telling `progress` (branches done, branches in all) as it goes.
pub fn retotal_all_with(
    path: &Path,
    check: bool,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<RetotalReport> {
    let start = Instant::now();
    let mut conn = store::open_rw(path)?;
    let mut report = RetotalReport::default();
    store::db::immediate(&mut conn, !check, |tx| -> Result<()> {
        sweep(tx, !check, &mut report, progress)?;
        if !check {
            report.notes_cleared = totals::clear_all_notes(tx)?;
        }
        Ok(())
    })?;
    report.written = !check;
    report.elapsed = start.elapsed();
    Ok(report)
}

/// Re-score every branch on one connection, write what differs and clear
/// every note (verify's replay).
pub(crate) fn retotal_on(conn: &Db) -> Result<SweepStats> {
    let mut report = RetotalReport::default();
    sweep(conn, true, &mut report, &mut |_, _| {})?;
    totals::clear_all_notes(conn)?;
    Ok(report.stats)
}

/// Compare (and with `write`, rewrite) every branch's kept scores.
fn sweep(
    conn: &Db,
    write: bool,
    report: &mut RetotalReport,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<()> {
    let branches = queries::branches(conn)?;
    for (done, b) in branches.iter().enumerate() {
        progress(done, branches.len());
        let scheme = Scheme::parse(&format!("scheme of branch {}", b.name), &b.scheme_toml)?;
        let held = held_periods(conn, b.id)?;
        let tiers = totals::tiers(conn, b.id)?;
        report.stats.branches += 1;
        for p in &held {
            let period = p.to_string();
            let fresh = score_period(conn, b.id, &scheme, p, &held, &tiers)?;
            let kept = totals::period_scores(conn, b.id, &period)?;
            report.stats.periods += 1;
            report.stats.scores += fresh.len();
            for change in differences(b.id, &period, fresh, kept) {
                if write {
                    match &change.kind {
                        ChangeKind::Missing(row) | ChangeKind::Changed { fresh: row, .. } => {
                            totals::put_row(conn, b.id, &period, change.member, row)?
                        }
                        ChangeKind::Bogus => totals::remove(conn, b.id, &period, change.member)?,
                    }
                }
                report.count(change);
            }
        }
    }
    progress(branches.len(), branches.len());
    Ok(())
}

/// The kept scores of one period that differ from the fresh ones, in member
/// order (both lists are in member order).
fn differences(
    branch: i64,
    period: &str,
    fresh: Vec<(i64, Breakdown)>,
    kept: Vec<(i64, Breakdown)>,
) -> Vec<Change> {
    let mut out = Vec::new();
    let change = |member: i64, kind: ChangeKind| Change {
        branch,
        period: period.to_string(),
        member,
        kind,
    };
    let row_of = |b: &Breakdown| {
        let mut row = ScoreRow::default();
        row.set(b);
        row
    };
    let (mut f, mut k) = (fresh.into_iter().peekable(), kept.into_iter().peekable());
    loop {
        match (f.peek(), k.peek()) {
            (None, None) => break,
            (Some((fm, _)), Some((km, _))) if fm == km => {
                let (m, fb) = f.next().expect("peeked");
                let (_, kb) = k.next().expect("peeked");
                let (fresh, kept) = (row_of(&fb), row_of(&kb));
                if fresh != kept {
                    let kind = ChangeKind::Changed {
                        kept_total: kept.total,
                        fresh,
                    };
                    out.push(change(m, kind));
                }
            }
            (Some((fm, _)), Some((km, _))) if km < fm => {
                let (m, _) = k.next().expect("peeked");
                out.push(change(m, ChangeKind::Bogus));
            }
            (Some(_), _) => {
                let (m, fb) = f.next().expect("peeked");
                out.push(change(m, ChangeKind::Missing(row_of(&fb))));
            }
            (None, Some(_)) => {
                let (m, _) = k.next().expect("peeked");
                out.push(change(m, ChangeKind::Bogus));
            }
        }
    }
    out
}
