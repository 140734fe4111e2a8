//! One pass over a range of branches on one connection: tallies read once in
//! key order (a locked period's from its seal), grouped by branch and year,
//! scored, and compared period by period with the kept scores (by digest, or
//! row by row where the digest is missing or differs).

use super::diff::{Diff, Found};
use super::year::{score_year, Held, Scratch, YearInputs, YearTallies};
use crate::core::Result;
use crate::model::PeriodId;
use crate::scheme::Scheme;
use crate::store::sweep::{self as reads, BranchRange, DigestCursor, TallyCursor};
use crate::store::tally_seals::{self, SealCursor};
use rusqlite::Connection;
use std::collections::HashMap;

/// What one sweep covered.
#[derive(Debug, Clone, Copy, Default)]
pub struct SweepStats {
    pub branches: usize,
    /// Held periods scored.
    pub periods: usize,
    /// Fresh scores computed.
    pub scores: usize,
    /// Kept rows read.
    pub kept: usize,
    /// Periods whose kept scores matched by their digest alone.
    pub by_digest: usize,
}

impl std::ops::AddAssign for SweepStats {
    fn add_assign(&mut self, o: SweepStats) {
        self.branches += o.branches;
        self.periods += o.periods;
        self.scores += o.scores;
        self.kept += o.kept;
        self.by_digest += o.by_digest;
    }
}

/// Re-score every score of the branches in `range` and hand each kept row
/// that differs to `sink`, in key order, each compared period's new digest
/// after its changes. Reads only; the caller keeps one
/// snapshot (a transaction) around it.
///
/// Periods are those of the `period` table with ids as jifen writes them
/// (`2026Q1`, `2026H2`, `2026`): a year's periods are then adjacent in key order.
pub fn sweep(
    conn: &Connection,
    range: BranchRange,
    sink: &mut dyn FnMut(Found) -> Result<()>,
) -> Result<SweepStats> {
    let branches = reads::branch_schemes(conn, range)?;
    let periods = reads::periods(conn, range)?;
    let tiers = reads::tiers(conn, range)?;
    let corrections = reads::corrections(conn, range)?;
    let mut tally_st = reads::tally_statement(conn)?;
    let mut tallies = TallyCursor::new(&mut tally_st, range)?;
    let mut seal_st = tally_seals::seal_statement(conn)?;
    let mut seals = SealCursor::new(&mut seal_st, range)?;
    let mut digest_st = reads::digest_statement(conn)?;
    let digests = DigestCursor::new(&mut digest_st, range)?;
    let mut diff = Diff::new(digests, reads::kept_of_period_statement(conn)?, sink);

    // Branches share a few schemes: each text is parsed once.
    let mut schemes: HashMap<&str, Scheme> = HashMap::new();
    for (_, name, toml) in &branches {
        if !schemes.contains_key(toml.as_str()) {
            let s = Scheme::parse(&format!("scheme of branch {name}"), toml)?;
            schemes.insert(toml.as_str(), s);
        }
    }
    let mut stats = SweepStats::default();
    let mut year = YearTallies::default();
    let mut scratch = Scratch::default();
    let mut next_period = 0;
    for (branch, _, toml) in &branches {
        let branch = *branch;
        let scheme = &schemes[toml.as_str()];
        // The branch's periods: those of unknown branches before it are skipped.
        while periods.get(next_period).is_some_and(|p| p.0 < branch) {
            next_period += 1;
        }
        let first = next_period;
        while periods.get(next_period).is_some_and(|p| p.0 == branch) {
            next_period += 1;
        }
        let held: Vec<Held<'_>> = periods[first..next_period]
            .iter()
            .filter_map(|(_, text)| {
                let id: PeriodId = text.parse().ok()?;
                Some(Held { text, id })
            })
            .collect();
        let mut held_ids: Vec<PeriodId> = held.iter().map(|h| h.id).collect();
        held_ids.sort();
        let tier = |m: i64| match tiers.get(&m) {
            Some((b, t)) if *b == branch => *t,
            _ => None,
        };
        let fixes = corrections.get(&branch);
        for one_year in held.chunk_by(|a, b| a.id.year == b.id.year) {
            year.fill(&mut tallies, &mut seals, scheme, branch, one_year)?;
            let inputs = YearInputs {
                scheme,
                held: &held_ids,
                periods: one_year,
                corrections: fixes,
                tier: &tier,
            };
            score_year(&year, &inputs, &mut scratch, |period, scores| {
                diff.period(branch, period, scores)
            })?;
        }
        stats.branches += 1;
        stats.periods += held.len();
    }
    let counts = diff.counts;
    stats.scores = counts.fresh;
    stats.kept = counts.kept;
    stats.by_digest = counts.by_digest;
    Ok(stats)
}
