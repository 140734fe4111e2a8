//! Large additions of claims: each claim is written as its journal line the
//! moment it is checked, and the lines are journalled in batches, numbered in
//! the order given.

use super::{CoreError, Ledger, Result};
use crate::store::claim_rows::{Line, LineWriter};
use crate::store::queries::{self, Numbered};
use crate::store::{Event, NewClaim};

/// Claims per journal event in a bulk addition.
pub(crate) const BATCH_CLAIMS: usize = 50_000;

/// Claims collected as journal lines, in the order given.
#[derive(Default)]
pub(crate) struct BulkClaims {
    lines: LineWriter,
    /// Where each line ends in `lines`.
    ends: Vec<usize>,
}

impl BulkClaims {
    /// Add a checked claim.
    pub fn push_checked(&mut self, c: &Line) {
        let end = self.lines.write(c);
        self.ends.push(end);
    }

    /// Add a claim already in the ledger's form.
    pub fn push_new(&mut self, c: &NewClaim) -> Result<()> {
        self.push_checked(&Line::of(c).map_err(damaged)?);
        Ok(())
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Cut the claims, numbered from `first_id` in the order given, into
    /// journal events of at most `BATCH_CLAIMS` claims.
    fn into_events(self, branch_id: i64, first_id: i64) -> Result<Vec<Event>> {
        let text = String::from_utf8(self.lines.into_text()).map_err(|e| damaged(e.to_string()))?;
        let mut events = Vec::with_capacity(self.ends.len().div_ceil(BATCH_CLAIMS));
        let mut start = 0;
        for (k, chunk) in self.ends.chunks(BATCH_CLAIMS).enumerate() {
            let end = chunk.last().copied().unwrap_or(start);
            let rows = text
                .get(start..end)
                .ok_or_else(|| damaged(format!("claim line at byte {start} is cut")))?;
            events.push(Event::ClaimsBatch {
                branch_id,
                first_id: first_id + (k * BATCH_CLAIMS) as i64,
                rows: rows.to_string(),
                packed: false,
            });
            start = end;
        }
        Ok(events)
    }
}

impl Ledger {
    /// Journal collected claims in one write; returns their numbers in the
    /// order given.
    pub(crate) fn add_bulk(&mut self, bulk: BulkClaims) -> Result<Vec<i64>> {
        self.write(|l| {
            for p in bulk.lines.periods() {
                l.writable_period(&p)?;
            }
            let first = queries::next_id(l.conn(), Numbered::Claim)?;
            let n = bulk.len() as i64;
            let events = bulk.into_events(l.branch.id, first)?;
            l.journal(&events)?;
            Ok((first..first + n).collect())
        })
    }
}

/// Claim rows that do not read back as written: a fault in jifen.
fn damaged(what: String) -> CoreError {
    CoreError::Damaged { what }
}
