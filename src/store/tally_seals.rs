//! Sealed tallies: when a period is locked its tallies can no longer change,
//! and they move from `tally` (one row per member and item) into one
//! `tally_seal` row per period. Ten years of a county's history then read as
//! tens of thousands of rows instead of millions (`jifen retotal`).
//!
//! A seal holds the period's item codes once and its tallies in member, then
//! item order, encoded with `postcard` (member ids as differences from the row
//! before, so most take one byte).

use crate::scoring::Tally;
use rusqlite::{params, Connection, OptionalExtension, Statement};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The stored form of one period's tallies.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct SealedTallies<'a> {
    /// Item codes, each once.
    #[serde(borrow)]
    pub items: Vec<&'a str>,
    /// `(member id less the previous row's, index into items, points, count)`
    /// in member, then item order.
    rows: Vec<(u64, u32, f64, i64)>,
}

/// One tally of a seal.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SealedTally {
    pub member: i64,
    /// Index into [`SealedTallies::items`].
    pub item: usize,
    pub points: f64,
    pub count: i64,
}

impl<'a> SealedTallies<'a> {
    /// Read a seal's bytes; a damaged seal is an error naming the period.
    pub fn decode(bytes: &'a [u8], branch: i64, period: &str) -> rusqlite::Result<Self> {
        let s: SealedTallies<'a> = postcard::from_bytes(bytes).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(
                0,
                rusqlite::types::Type::Blob,
                format!("sealed tallies of branch {branch}, period {period}: {e}").into(),
            )
        })?;
        if let Some(bad) = s.rows.iter().find(|r| r.1 as usize >= s.items.len()) {
            return Err(rusqlite::Error::FromSqlConversionFailure(
                0,
                rusqlite::types::Type::Blob,
                format!(
                    "sealed tallies of branch {branch}, period {period}: item {} of {}",
                    bad.1,
                    s.items.len()
                )
                .into(),
            ));
        }
        Ok(s)
    }

    /// The tallies in member, then item order.
    pub fn iter(&self) -> impl Iterator<Item = SealedTally> + '_ {
        let mut member = 0i64;
        self.rows.iter().map(move |&(step, item, points, count)| {
            member = member.wrapping_add(step as i64);
            SealedTally {
                member,
                item: item as usize,
                points,
                count,
            }
        })
    }

    /// How many tallies the seal holds.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether the seal holds no tallies.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Tallies of each member, as the `tally` table would give them.
    pub fn by_member(&self) -> HashMap<i64, Vec<Tally>> {
        let mut out: HashMap<i64, Vec<Tally>> = HashMap::new();
        for t in self.iter() {
            out.entry(t.member).or_default().push(self.tally(&t));
        }
        out
    }

    /// The tallies of one member.
    pub fn of_member(&self, member: i64) -> Vec<Tally> {
        self.iter()
            .skip_while(|t| t.member < member)
            .take_while(|t| t.member == member)
            .map(|t| self.tally(&t))
            .collect()
    }

    fn tally(&self, t: &SealedTally) -> Tally {
        Tally {
            item: self.items[t.item].to_string(),
            points: t.points,
            count: t.count,
        }
    }
}

/// Encode tallies given as `(member, item, points, count)` in member, then
/// item order.
fn encode<'a>(rows: impl Iterator<Item = (i64, &'a str, f64, i64)>) -> rusqlite::Result<Vec<u8>> {
    let mut seal = SealedTallies::default();
    let mut index: HashMap<&'a str, u32> = HashMap::new();
    let mut last = 0i64;
    for (member, item, points, count) in rows {
        let next = index.len() as u32;
        let at = *index.entry(item).or_insert_with(|| {
            seal.items.push(item);
            next
        });
        seal.rows
            .push((member.wrapping_sub(last) as u64, at, points, count));
        last = member;
    }
    postcard::to_stdvec(&seal).map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))
}

/// Move a period's tallies into its seal (when the period is locked). The
/// deletions note no scores to refresh: the scores stay what they are.
pub fn seal_period(conn: &Connection, branch: i64, period: &str) -> rusqlite::Result<usize> {
    let rows: Vec<(i64, String, f64, i64)> = {
        let mut st = conn.prepare_cached(
            "SELECT member_id, item, points, count FROM tally
             WHERE branch_id = ?1 AND period = ?2 ORDER BY member_id, item",
        )?;
        let rows = st.query_map(params![branch, period], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let bytes = encode(rows.iter().map(|(m, i, p, c)| (*m, i.as_str(), *p, *c)))?;
    conn.prepare_cached("INSERT INTO tally_seal (branch_id, period, rows) VALUES (?1, ?2, ?3)")?
        .execute(params![branch, period, bytes])?;
    // A whole-period note keeps the deletions from noting each member.
    let noted: bool = conn
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM score_dirty
             WHERE branch_id = ?1 AND period = ?2 AND member_id IS NULL)",
        )?
        .query_row(params![branch, period], |r| r.get(0))?;
    if !noted {
        conn.prepare_cached("INSERT INTO score_dirty VALUES (?1, ?2, NULL)")?
            .execute(params![branch, period])?;
    }
    conn.prepare_cached("DELETE FROM tally WHERE branch_id = ?1 AND period = ?2")?
        .execute(params![branch, period])?;
    if !noted {
        conn.prepare_cached(
            "DELETE FROM score_dirty WHERE branch_id = ?1 AND period = ?2 AND member_id IS NULL",
        )?
        .execute(params![branch, period])?;
    }
    Ok(rows.len())
}

/// Seal every locked period that still has tallies in rows (migration 6).
pub fn seal_locked(conn: &Connection) -> rusqlite::Result<usize> {
    let locked: Vec<(i64, String)> = {
        let mut st = conn.prepare(
            "SELECT branch_id, id FROM period WHERE state = 'locked'
             AND NOT EXISTS (SELECT 1 FROM tally_seal s WHERE s.branch_id = period.branch_id AND s.period = period.id)
             ORDER BY branch_id, id",
        )?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for (branch, period) in &locked {
        seal_period(conn, *branch, period)?;
    }
    Ok(locked.len())
}

/// The cached statement reading one seal; `None` on a database from before
/// migration 6 opened read-only (it has no seals).
fn statement(conn: &Connection) -> rusqlite::Result<Option<rusqlite::CachedStatement<'_>>> {
    match conn.prepare_cached("SELECT rows FROM tally_seal WHERE branch_id = ?1 AND period = ?2") {
        Ok(st) => Ok(Some(st)),
        Err(e) if e.to_string().contains("no such table: tally_seal") => Ok(None),
        Err(e) => Err(e),
    }
}

/// The seal of one period, if it is sealed.
pub fn seal_bytes(
    conn: &Connection,
    branch: i64,
    period: &str,
) -> rusqlite::Result<Option<Vec<u8>>> {
    let Some(mut st) = statement(conn)? else {
        return Ok(None);
    };
    st.query_row(params![branch, period], |r| r.get(0))
        .optional()
}

/// The statement [`SealCursor`] steps through.
pub fn seal_statement(conn: &Connection) -> rusqlite::Result<Statement<'_>> {
    conn.prepare(
        "SELECT branch_id, period, rows FROM tally_seal
         WHERE branch_id BETWEEN ?1 AND ?2 ORDER BY branch_id, period",
    )
}

/// One seal row, its buffers reused from row to row.
#[derive(Debug, Default)]
pub struct SealRow {
    pub branch: i64,
    pub period: String,
    pub bytes: Vec<u8>,
}

impl super::sweep::RowBuffer for SealRow {
    fn fill(&mut self, r: &rusqlite::Row) -> rusqlite::Result<()> {
        self.branch = r.get(0)?;
        self.period.clear();
        self.period.push_str(r.get_ref(1)?.as_str()?);
        self.bytes.clear();
        self.bytes.extend_from_slice(r.get_ref(2)?.as_blob()?);
        Ok(())
    }
}

/// The seals of a range of branches in key order.
pub type SealCursor<'s> = super::sweep::Cursor<'s, SealRow>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tallies_come_back_as_they_went_in() {
        let rows = [
            (3, "A1", 2.0, 1),
            (3, "B2", -1.5, 2),
            (7, "A1", 4.0, 2),
            (1_000_000, "C3", 0.25, 1),
        ];
        let bytes = encode(rows.iter().copied()).expect("encode");
        let seal = SealedTallies::decode(&bytes, 1, "2026Q1").expect("decode");
        let back: Vec<(i64, &str, f64, i64)> = seal
            .iter()
            .map(|t| (t.member, seal.items[t.item], t.points, t.count))
            .collect();
        assert_eq!(back, rows);
        assert_eq!(seal.items, ["A1", "B2", "C3"]);
        assert_eq!(seal.of_member(7).len(), 1);
        assert_eq!(seal.of_member(5).len(), 0);
        assert_eq!(seal.by_member()[&3].len(), 2);
    }

    #[test]
    fn a_damaged_seal_is_an_error_naming_the_period() {
        let bytes = encode([(3, "A1", 2.0, 1)].into_iter()).expect("encode");
        let err =
            SealedTallies::decode(&bytes[..bytes.len() - 3], 9, "2025Q2").expect_err("truncated");
        assert!(err.to_string().contains("branch 9, period 2025Q2"), "{err}");
    }
}
