//! Reads for one sweep over a range of branches (`jifen retotal`): tallies and
//! kept scores streamed in key order without allocating per row, and the small
//! tables (branches, periods, tiers, corrections) read whole.

use super::totals::ScoreRow;
use rusqlite::{params, Connection, Rows, Statement};
use std::collections::{BTreeMap, HashMap};

/// Branch ids `lo..=hi`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BranchRange {
    pub lo: i64,
    pub hi: i64,
}

impl BranchRange {
    /// Every branch id.
    pub const ALL: BranchRange = BranchRange {
        lo: i64::MIN,
        hi: i64::MAX,
    };
}

/// Split the branch ids into at most `n` ranges of about as many branches
/// each; together they cover every id (rows of unknown branches included).
pub fn split_branches(conn: &Connection, n: usize) -> rusqlite::Result<Vec<BranchRange>> {
    let ids: Vec<i64> = {
        let mut st = conn.prepare("SELECT id FROM branch ORDER BY id")?;
        let rows = st.query_map([], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let n = n.clamp(1, ids.len().max(1));
    let mut out = Vec::with_capacity(n);
    let mut lo = i64::MIN;
    for k in 1..n {
        let cut = ids[k * ids.len() / n];
        if cut > lo {
            out.push(BranchRange { lo, hi: cut - 1 });
            lo = cut;
        }
    }
    out.push(BranchRange { lo, hi: i64::MAX });
    Ok(out)
}

/// A branch's id, name and scheme text.
pub type BranchScheme = (i64, String, String);

/// Branches of the range with their scheme text, in id order.
pub fn branch_schemes(conn: &Connection, r: BranchRange) -> rusqlite::Result<Vec<BranchScheme>> {
    let mut st = conn.prepare(
        "SELECT id, name, scheme_toml FROM branch WHERE id BETWEEN ?1 AND ?2 ORDER BY id",
    )?;
    let rows = st.query_map(params![r.lo, r.hi], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?))
    })?;
    rows.collect()
}

/// Period ids of the branches of the range: `(branch, period)` in key order.
pub fn periods(conn: &Connection, r: BranchRange) -> rusqlite::Result<Vec<(i64, String)>> {
    let mut st = conn.prepare(
        "SELECT branch_id, id FROM period WHERE branch_id BETWEEN ?1 AND ?2 ORDER BY branch_id, id",
    )?;
    let rows = st.query_map(params![r.lo, r.hi], |r| Ok((r.get(0)?, r.get(1)?)))?;
    rows.collect()
}

/// `(branch, tier)` of every member of the branches of the range, by member id.
pub fn tiers(
    conn: &Connection,
    r: BranchRange,
) -> rusqlite::Result<foldhash::HashMap<i64, (i64, Option<i64>)>> {
    let mut st =
        conn.prepare("SELECT id, branch_id, tier FROM member WHERE branch_id BETWEEN ?1 AND ?2")?;
    let rows = st.query_map(params![r.lo, r.hi], |r| {
        Ok((r.get(0)?, (r.get(1)?, r.get(2)?)))
    })?;
    rows.collect()
}

/// Corrections of one member in one period: `(item, sum of points, how many)`
/// in item order.
pub type Corrections = Vec<(String, f64, i64)>;

/// Corrections of the branches of the range, summed per item: by branch, then
/// period, then member.
pub type CorrectionsIn = HashMap<i64, HashMap<String, BTreeMap<i64, Corrections>>>;

/// Corrections of the branches of the range (few: one per granted appeal item).
pub fn corrections(conn: &Connection, r: BranchRange) -> rusqlite::Result<CorrectionsIn> {
    let mut st = conn.prepare(
        "SELECT branch_id, period, member_id, item, SUM(points), count(*) FROM correction
         WHERE branch_id BETWEEN ?1 AND ?2
         GROUP BY branch_id, period, member_id, item
         ORDER BY branch_id, period, member_id, item",
    )?;
    let mut out = CorrectionsIn::new();
    let mut rows = st.query(params![r.lo, r.hi])?;
    while let Some(r) = rows.next()? {
        out.entry(r.get(0)?)
            .or_default()
            .entry(r.get(1)?)
            .or_default()
            .entry(r.get(2)?)
            .or_default()
            .push((r.get(3)?, r.get(4)?, r.get(5)?));
    }
    Ok(out)
}

/// One tally row, its text columns in buffers reused from row to row.
#[derive(Debug, Default)]
pub struct TallyRow {
    pub branch: i64,
    pub period: String,
    pub member: i64,
    pub item: String,
    pub points: f64,
    pub count: i64,
}

/// The statement [`TallyCursor`] steps through.
pub fn tally_statement(conn: &Connection) -> rusqlite::Result<Statement<'_>> {
    conn.prepare(
        "SELECT branch_id, period, member_id, item, points, count FROM tally
         WHERE branch_id BETWEEN ?1 AND ?2
         ORDER BY branch_id, period, member_id, item",
    )
}

/// A row a [`Cursor`] reads into, its text in buffers reused from row to row.
pub trait RowBuffer: Default {
    fn fill(&mut self, r: &rusqlite::Row) -> rusqlite::Result<()>;
}

/// Replace `buf`'s text with column `i` without a new allocation.
fn fill_text(buf: &mut String, r: &rusqlite::Row, i: usize) -> rusqlite::Result<()> {
    buf.clear();
    buf.push_str(r.get_ref(i)?.as_str()?);
    Ok(())
}

impl RowBuffer for TallyRow {
    fn fill(&mut self, r: &rusqlite::Row) -> rusqlite::Result<()> {
        self.branch = r.get(0)?;
        fill_text(&mut self.period, r, 1)?;
        self.member = r.get(2)?;
        fill_text(&mut self.item, r, 3)?;
        self.points = r.get(4)?;
        self.count = r.get(5)?;
        Ok(())
    }
}

/// The rows of a range of branches in key order, one at a time.
pub struct Cursor<'s, R> {
    rows: Rows<'s>,
    /// The current row; meaningless once `done`.
    pub row: R,
    pub done: bool,
}

impl<'s, R: RowBuffer> Cursor<'s, R> {
    /// Start on the first row of the range.
    pub fn new(st: &'s mut Statement<'_>, r: BranchRange) -> rusqlite::Result<Self> {
        let rows = st.query(params![r.lo, r.hi])?;
        let mut c = Cursor {
            rows,
            row: R::default(),
            done: false,
        };
        c.advance()?;
        Ok(c)
    }

    /// Step to the next row.
    pub fn advance(&mut self) -> rusqlite::Result<()> {
        match self.rows.next()? {
            None => self.done = true,
            Some(r) => self.row.fill(r)?,
        }
        Ok(())
    }
}

/// The tallies of a range of branches in key order.
pub type TallyCursor<'s> = Cursor<'s, TallyRow>;

/// The kept scores of one period, by member: read only for periods whose
/// digest is missing or differs.
pub fn kept_of_period_statement(conn: &Connection) -> rusqlite::Result<Statement<'_>> {
    conn.prepare(
        "SELECT member_id, total, parts, forced_grade, actions, vetoed
         FROM score WHERE branch_id = ?1 AND period = ?2 ORDER BY member_id",
    )
}

/// One kept score row of a period.
#[derive(Debug, Default, Clone)]
pub struct KeptRow {
    pub member: i64,
    pub score: ScoreRow,
}

/// Read the kept scores of one period into `out` (in member order),
/// reusing its rows' buffers.
pub fn kept_of_period(
    st: &mut Statement<'_>,
    branch: i64,
    period: &str,
    out: &mut Vec<KeptRow>,
) -> rusqlite::Result<()> {
    let mut rows = st.query(params![branch, period])?;
    let mut n = 0;
    while let Some(r) = rows.next()? {
        if n == out.len() {
            out.push(KeptRow::default());
        }
        out[n].member = r.get(0)?;
        out[n].score.read(r, 1)?;
        n += 1;
    }
    out.truncate(n);
    Ok(())
}

/// The statement [`DigestCursor`] steps through.
pub fn digest_statement(conn: &Connection) -> rusqlite::Result<Statement<'_>> {
    conn.prepare(
        "SELECT branch_id, period, digest FROM score_digest
         WHERE branch_id BETWEEN ?1 AND ?2 ORDER BY branch_id, period",
    )
}

/// One period's digest of its kept scores.
#[derive(Debug, Default)]
pub struct DigestRow {
    pub branch: i64,
    pub period: String,
    pub digest: i64,
}

impl RowBuffer for DigestRow {
    fn fill(&mut self, r: &rusqlite::Row) -> rusqlite::Result<()> {
        self.branch = r.get(0)?;
        fill_text(&mut self.period, r, 1)?;
        self.digest = r.get(2)?;
        Ok(())
    }
}

/// The digests of a range of branches in key order.
pub type DigestCursor<'s> = Cursor<'s, DigestRow>;

impl DigestCursor<'_> {
    /// The digest kept for a period, stepping past the ones before it (keys
    /// are asked for in increasing order).
    pub fn find(&mut self, branch: i64, period: &str) -> rusqlite::Result<Option<i64>> {
        while !self.done && (self.row.branch, self.row.period.as_str()) < (branch, period) {
            self.advance()?;
        }
        let here = !self.done && self.row.branch == branch && self.row.period == period;
        Ok(here.then_some(self.row.digest))
    }
}

/// Delete every `score_dirty` note (after a full re-score).
pub fn clear_all_notes(conn: &Connection) -> rusqlite::Result<usize> {
    conn.execute("DELETE FROM score_dirty", [])
}

/// How many `score_dirty` notes are waiting.
pub fn note_count(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("SELECT count(*) FROM score_dirty", [], |r| r.get(0))
}
