//! The kept totals: `score` rows and the `score_dirty` notes that say which of
//! them a change has moved (see migration 3).

use crate::domain::scoring::{Breakdown, Tally};
use rusqlite::{params, Connection, OptionalExtension};
use std::collections::HashMap;

/// Scores a change has touched: `(period, member)`, where `None` means all.
pub type DirtyNote = (Option<String>, Option<i64>);

/// Whether every score of the branch is up to date (no notes left, and the table exists).
pub fn ready(conn: &Connection, branch: i64) -> bool {
    conn.prepare_cached("SELECT 1 FROM score_dirty WHERE branch_id = ?1 LIMIT 1")
        .and_then(|mut st| st.query_row([branch], |_| Ok(())).optional())
        .is_ok_and(|found| found.is_none())
}

/// Branches with notes waiting.
pub fn dirty_branches(conn: &Connection) -> rusqlite::Result<Vec<i64>> {
    let mut st = conn.prepare_cached("SELECT DISTINCT branch_id FROM score_dirty")?;
    let rows = st.query_map([], |r| r.get(0))?;
    rows.collect()
}

/// Take (read and delete) the branch's notes, without duplicates.
pub fn take_dirty(conn: &Connection, branch: i64) -> rusqlite::Result<Vec<DirtyNote>> {
    let notes: Vec<DirtyNote> = {
        let mut st = conn.prepare_cached(
            "SELECT DISTINCT period, member_id FROM score_dirty WHERE branch_id = ?1",
        )?;
        let rows = st.query_map([branch], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    if !notes.is_empty() {
        conn.prepare_cached("DELETE FROM score_dirty WHERE branch_id = ?1")?
            .execute([branch])?;
    }
    Ok(notes)
}

/// One member's tallies in each of several periods, in their order.
pub type PerPeriod = Vec<Vec<Tally>>;

/// Approved tallies of one member in each given period, and the member's
/// corrections there summed by item (both in the order of `periods`).
pub fn member_tallies(
    conn: &Connection,
    branch: i64,
    periods: &[String],
    member: i64,
) -> rusqlite::Result<(PerPeriod, PerPeriod)> {
    let mut out = Vec::with_capacity(periods.len());
    let mut corr = Vec::with_capacity(periods.len());
    let mut st = conn.prepare_cached(
        "SELECT item, points, count FROM tally WHERE branch_id = ?1 AND period = ?2 AND member_id = ?3",
    )?;
    let mut cst = conn.prepare_cached(
        "SELECT item, SUM(points), count(*) FROM correction
         WHERE branch_id = ?1 AND period = ?2 AND member_id = ?3 GROUP BY item",
    )?;
    let tally = |r: &rusqlite::Row| {
        Ok(Tally {
            item: r.get(0)?,
            points: r.get(1)?,
            count: r.get(2)?,
        })
    };
    for p in periods {
        out.push(
            st.query_map(params![branch, p, member], tally)?
                .collect::<rusqlite::Result<_>>()?,
        );
        corr.push(
            cst.query_map(params![branch, p, member], tally)?
                .collect::<rusqlite::Result<_>>()?,
        );
    }
    Ok((out, corr))
}

/// Tier of each member of the branch.
pub fn tiers(conn: &Connection, branch: i64) -> rusqlite::Result<HashMap<i64, Option<i64>>> {
    let mut st = conn.prepare_cached("SELECT id, tier FROM member WHERE branch_id = ?1")?;
    let rows = st.query_map([branch], |r| Ok((r.get(0)?, r.get(1)?)))?;
    rows.collect()
}

/// Tier of one member.
pub fn tier(conn: &Connection, member: i64) -> rusqlite::Result<Option<i64>> {
    Ok(conn
        .prepare_cached("SELECT tier FROM member WHERE id = ?1")?
        .query_row([member], |r| r.get(0))
        .optional()?
        .flatten())
}

/// Statements that write and remove one kept score.
const PUT_SCORE: &str = "INSERT OR REPLACE INTO score (branch_id, period, member_id, total, parts, forced_grade, actions, vetoed)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
const REMOVE_SCORE: &str =
    "DELETE FROM score WHERE branch_id = ?1 AND period = ?2 AND member_id = ?3";

/// Run the `PUT_SCORE` statement for one member's score in a period.
fn put_with(
    st: &mut rusqlite::Statement,
    branch: i64,
    period: &str,
    member: i64,
    row: &ScoreRow,
) -> rusqlite::Result<()> {
    st.execute(params![
        branch,
        period,
        member,
        row.total,
        row.parts,
        row.forced_grade,
        row.actions,
        row.vetoed
    ])?;
    Ok(())
}

/// Write one member's score in a period.
pub fn put(
    conn: &Connection,
    branch: i64,
    period: &str,
    member: i64,
    b: &Breakdown,
) -> rusqlite::Result<()> {
    let mut row = ScoreRow::default();
    row.set(b);
    let mut st = conn.prepare_cached(PUT_SCORE)?;
    put_with(&mut st, branch, period, member, &row)
}

/// Write one member's score in a period from its stored form.
pub fn put_row(
    conn: &Connection,
    branch: i64,
    period: &str,
    member: i64,
    row: &ScoreRow,
) -> rusqlite::Result<()> {
    let mut st = conn.prepare_cached(PUT_SCORE)?;
    put_with(&mut st, branch, period, member, row)
}

/// Delete every `score_dirty` note (after a full re-score); returns how many.
pub fn clear_all_notes(conn: &Connection) -> rusqlite::Result<usize> {
    conn.execute("DELETE FROM score_dirty", [])
}

/// A score as the `score` table stores it: the breakdown's columns in their
/// text form, so a kept row and a fresh score compare without decoding.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ScoreRow {
    pub total: f64,
    pub parts: String,
    pub forced_grade: Option<String>,
    pub actions: Option<String>,
    pub vetoed: bool,
}

impl ScoreRow {
    /// Take a breakdown's values, reusing this row's buffers.
    pub fn set(&mut self, b: &Breakdown) {
        self.total = b.total;
        encode_parts_into(&mut self.parts, &b.parts);
        set_opt(&mut self.forced_grade, b.forced_grade.as_deref());
        if b.item_actions.is_empty() {
            self.actions = None;
        } else {
            let s = self.actions.get_or_insert_with(String::new);
            s.clear();
            for (i, a) in b.item_actions.iter().enumerate() {
                if i > 0 {
                    s.push(';');
                }
                s.push_str(a);
            }
        }
        self.vetoed = b.vetoed;
    }

    /// Read the columns `total, parts, forced_grade, actions, vetoed` from
    /// `first` on, reusing this row's buffers.
    pub fn read(&mut self, r: &rusqlite::Row, first: usize) -> rusqlite::Result<()> {
        self.total = r.get(first)?;
        self.parts.clear();
        self.parts.push_str(r.get_ref(first + 1)?.as_str()?);
        set_opt(
            &mut self.forced_grade,
            r.get_ref(first + 2)?.as_str_or_null()?,
        );
        set_opt(&mut self.actions, r.get_ref(first + 3)?.as_str_or_null()?);
        self.vetoed = r.get(first + 4)?;
        Ok(())
    }
}

fn set_opt(slot: &mut Option<String>, v: Option<&str>) {
    match (slot.as_mut(), v) {
        (_, None) => *slot = None,
        (Some(s), Some(v)) => {
            s.clear();
            s.push_str(v);
        }
        (None, Some(v)) => *slot = Some(v.to_string()),
    }
}

/// Remove one member's score in a period (no entries left: the base score applies).
pub fn remove(conn: &Connection, branch: i64, period: &str, member: i64) -> rusqlite::Result<()> {
    conn.prepare_cached(REMOVE_SCORE)?
        .execute(params![branch, period, member])?;
    Ok(())
}

/// Remove every score of a period.
pub fn clear_period(conn: &Connection, branch: i64, period: &str) -> rusqlite::Result<()> {
    conn.prepare_cached("DELETE FROM score WHERE branch_id = ?1 AND period = ?2")?
        .execute(params![branch, period])?;
    Ok(())
}

/// One member's kept score in a period.
pub fn member_score(
    conn: &Connection,
    branch: i64,
    period: &str,
    member: i64,
) -> rusqlite::Result<Option<Breakdown>> {
    conn.prepare_cached(
        "SELECT total, parts, forced_grade, actions, vetoed FROM score
         WHERE branch_id = ?1 AND period = ?2 AND member_id = ?3",
    )?
    .query_row(params![branch, period, member], |r| {
        breakdown_from(
            r.get(0)?,
            r.get_ref(1)?.as_str()?,
            r.get(2)?,
            r.get(3)?,
            r.get(4)?,
        )
    })
    .optional()
}

fn breakdown_from(
    total: f64,
    parts: &str,
    forced_grade: Option<String>,
    actions: Option<String>,
    vetoed: bool,
) -> rusqlite::Result<Breakdown> {
    Ok(Breakdown {
        total,
        parts: decode_parts(parts),
        forced_grade,
        item_actions: actions
            .map(|a| a.split(';').map(String::from).collect())
            .unwrap_or_default(),
        vetoed,
    })
}

/// Every kept score of a period, in member id order. Only named parts are
/// kept (the implicit part is the total before the floor and cap).
pub fn period_scores(
    conn: &Connection,
    branch: i64,
    period: &str,
) -> rusqlite::Result<Vec<(i64, Breakdown)>> {
    let mut st = conn.prepare_cached(
        "SELECT member_id, total, parts, forced_grade, actions, vetoed FROM score
         WHERE branch_id = ?1 AND period = ?2 ORDER BY member_id",
    )?;
    let mut out = Vec::new();
    let mut rows = st.query(params![branch, period])?;
    while let Some(r) = rows.next()? {
        out.push((
            r.get(0)?,
            breakdown_from(
                r.get(1)?,
                r.get_ref(2)?.as_str()?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            )?,
        ));
    }
    Ok(out)
}

fn encode_parts_into(s: &mut String, parts: &[(String, f64)]) {
    use std::fmt::Write;
    s.clear();
    for (i, (id, v)) in parts.iter().filter(|(id, _)| !id.is_empty()).enumerate() {
        if i > 0 {
            s.push(';');
        }
        s.push_str(id);
        s.push('=');
        // `{:?}` prints the shortest text that reads back as the same f64.
        let _ = write!(s, "{v:?}");
    }
}

fn decode_parts(s: &str) -> Vec<(String, f64)> {
    s.split(';')
        .filter(|p| !p.is_empty())
        .filter_map(|p| {
            let (id, v) = p.rsplit_once('=')?;
            Some((id.to_string(), v.parse().ok()?))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_read_back_exactly() {
        let parts = vec![
            ("common".to_string(), 0.1 + 0.2),
            (String::new(), -3.5),
            ("x".to_string(), 1e-7),
        ];
        let named: Vec<_> = parts.iter().filter(|p| !p.0.is_empty()).cloned().collect();
        let mut text = String::from("stale");
        encode_parts_into(&mut text, &parts);
        assert_eq!(decode_parts(&text), named);
        assert!(decode_parts("").is_empty());
    }
}
