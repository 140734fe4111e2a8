//! Large additions of claims: each claim is written as its journal line the
//! moment it is checked; the lines are then numbered member by member (the
//! given order kept within each member) and journalled as packed batches,
//! which the ledger stores as one pack per member and period.

use super::claim_check::CheckedClaim;
use super::{CoreError, Ledger, Result};
use crate::model::PeriodId;
use crate::store::claim_rows::{Line, LineWriter};
use crate::store::{queries, Event, NewClaim};
use foldhash::HashMap;

/// Additions of at least this many claims are packed; smaller ones keep the
/// given order for their numbers and are stored one row per claim.
pub(super) const PACKED_FROM: usize = 5_000;
/// Claims per journal event in a bulk addition.
const BATCH_CLAIMS: usize = 50_000;

/// Where one claim's line is, and what it is stored under.
struct Entry {
    period: u32,
    /// Position in the order the claims were given.
    given: u32,
    member_id: i64,
    /// Which text holds the line (`OWN`: this collection's own), and where.
    text: u32,
    start: u32,
    end: u32,
}

/// `Entry::text` of a line in the collection's own writer.
const OWN: u32 = u32::MAX;

/// Claims collected as journal lines, in the order given.
#[derive(Default)]
pub(crate) struct BulkClaims {
    lines: LineWriter,
    /// Texts of collections appended to this one, in order.
    appended: Vec<Vec<u8>>,
    entries: Vec<Entry>,
    /// Distinct periods in order of first use, written out.
    periods: Vec<(PeriodId, String)>,
    period_slot: HashMap<PeriodId, u32>,
}

impl BulkClaims {
    /// Room for about `bytes` of claim lines.
    pub fn with_capacity(bytes: usize) -> Self {
        BulkClaims {
            lines: LineWriter::with_capacity(bytes),
            entries: Vec::with_capacity(bytes / 40),
            ..Default::default()
        }
    }

    fn slot(&mut self, p: PeriodId) -> u32 {
        // Most lines are in the same period as the one before.
        if let Some(e) = self.entries.last() {
            if self
                .periods
                .get(e.period as usize)
                .is_some_and(|(q, _)| *q == p)
            {
                return e.period;
            }
        }
        if let Some(&i) = self.period_slot.get(&p) {
            return i;
        }
        let i = self.periods.len() as u32;
        self.periods.push((p, p.to_string()));
        self.period_slot.insert(p, i);
        i
    }

    fn push_line(&mut self, period: u32, line: &Line) {
        let start = self.lines.text().len() as u32;
        let end = self.lines.write(line) as u32;
        self.entries.push(Entry {
            period,
            given: self.entries.len() as u32,
            member_id: line.member_id,
            text: OWN,
            start,
            end,
        });
    }

    /// Add a checked claim.
    pub fn push_checked(&mut self, c: &CheckedClaim) {
        let slot = self.slot(c.period);
        let text = std::mem::take(&mut self.periods[slot as usize].1);
        self.push_line(slot, &c.line(&text));
        self.periods[slot as usize].1 = text;
    }

    /// Add a claim already in the ledger's form.
    pub fn push_new(&mut self, c: &NewClaim) -> Result<()> {
        let p: PeriodId = c.period.parse().map_err(CoreError::User)?;
        let slot = self.slot(p);
        self.push_line(slot, &Line::of(c));
        Ok(())
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Add the claims of `other` after these (their text is kept, not copied).
    pub fn append(&mut self, other: BulkClaims) {
        let slots: Vec<u32> = other.periods.iter().map(|(p, _)| self.slot(*p)).collect();
        let given = self.entries.len() as u32;
        // `other`'s own text first, then what was appended to it.
        let base = self.appended.len() as u32;
        let text_of = |t: u32| if t == OWN { base } else { base + 1 + t };
        self.entries
            .extend(other.entries.into_iter().map(|e| Entry {
                period: slots[e.period as usize],
                given: e.given + given,
                text: text_of(e.text),
                ..e
            }));
        self.appended.push(other.lines.into_text());
        self.appended.extend(other.appended);
    }

    /// Every text in order (own first) as UTF-8.
    fn texts(self) -> Result<(Vec<String>, Vec<Entry>)> {
        let utf8 = |t: Vec<u8>| String::from_utf8(t).map_err(|e| CoreError::User(e.to_string()));
        let mut texts = vec![utf8(self.lines.into_text())?];
        for t in self.appended {
            texts.push(utf8(t)?);
        }
        Ok((texts, self.entries))
    }

    /// One claim's line.
    fn line<'t>(texts: &'t [String], e: &Entry) -> Result<&'t str> {
        let text = if e.text == OWN {
            0
        } else {
            e.text as usize + 1
        };
        texts
            .get(text)
            .and_then(|t| t.get(e.start as usize..e.end as usize))
            .ok_or_else(|| CoreError::User(format!("claim line at byte {} is cut", e.start)))
    }

    /// The claims in the order given, in the ledger's form (ids not given).
    pub fn into_claims(self) -> Result<Vec<NewClaim>> {
        let (texts, _) = self.texts()?;
        let mut claims = Vec::new();
        for t in &texts {
            claims.extend(crate::store::claim_rows::decode(0, t).map_err(CoreError::User)?);
        }
        Ok(claims)
    }

    /// Number the claims from `first_id` member by member and cut them into
    /// packed journal events; also gives each claim's number in the order given.
    fn into_events(self, branch_id: i64, first_id: i64) -> Result<(Vec<Event>, Vec<i64>)> {
        let mut rank = vec![0u32; self.periods.len()];
        let mut by_period: Vec<usize> = (0..self.periods.len()).collect();
        by_period.sort_by_key(|&i| self.periods[i].0);
        for (r, &i) in by_period.iter().enumerate() {
            rank[i] = r as u32;
        }
        let (texts, mut entries) = self.texts()?;
        // The given order stays within each member (`given` is unique).
        entries.sort_unstable_by_key(|e| (rank[e.period as usize], e.member_id, e.given));
        let mut ids = vec![0i64; entries.len()];
        for (k, e) in entries.iter().enumerate() {
            ids[e.given as usize] = first_id + k as i64;
        }
        let mut events = Vec::with_capacity(entries.len().div_ceil(BATCH_CLAIMS));
        for (k, chunk) in entries.chunks(BATCH_CLAIMS).enumerate() {
            let size = chunk.iter().map(|e| (e.end - e.start) as usize).sum();
            let mut rows = String::with_capacity(size);
            for e in chunk {
                rows.push_str(Self::line(&texts, e)?);
            }
            events.push(Event::ClaimsBatch {
                branch_id,
                first_id: first_id + (k * BATCH_CLAIMS) as i64,
                rows,
                packed: true,
            });
        }
        Ok((events, ids))
    }
}

impl Ledger {
    /// Journal collected claims as packs; returns each claim's number in the
    /// order given.
    pub(crate) fn add_bulk(&mut self, bulk: BulkClaims) -> Result<Vec<i64>> {
        for (p, _) in &bulk.periods {
            self.writable_period(p)?;
        }
        let first = queries::next_id(self.conn(), "claim")?;
        let (events, ids) = bulk.into_events(self.branch.id, first)?;
        self.journal(&events)?;
        Ok(ids)
    }
}
