//! Packs: a large import keeps each member's claims of a period as one row of
//! journal lines (`claim_rows`, LZ4-compressed), numbered on from the pack's first id
//! (migration 5). Reading decodes them; the first change to one of a pack's
//! claims turns the whole pack back into claim rows with the same numbers.

use super::claim_rows::{self, ITEM, MEMBER, PERIOD, POINTS, VERDICT};
use super::events::NewClaim;
use crate::model::{Claim, ClaimSource, ClaimStatus};
use rusqlite::{params, Connection, OptionalExtension};

fn bad(line: usize, what: &str) -> rusqlite::Error {
    let msg = format!("claim line {line}: {what}");
    rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, msg.into())
}

/// One run of a member's claims in a period, being collected.
struct Run<'a> {
    member: i64,
    period: &'a [u8],
    first: usize,
    start: usize,
    pending: i64,
}

/// Store a packed batch (claims numbered from `first_id`, journalled at
/// `at`): one pack per run of a member's claims in a period. Decided claims
/// are returned as (period, member, item, points) for the tallies.
pub(super) fn insert<'a>(
    conn: &Connection,
    branch_id: i64,
    first_id: i64,
    rows: &'a str,
    at: &str,
) -> rusqlite::Result<Vec<(&'a str, i64, &'a str, f64)>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(rows.as_bytes());
    let mut rec = csv::ByteRecord::new();
    let mut put = conn.prepare_cached(
        "INSERT INTO claim_pack (first_id, branch_id, period, member_id, n, pending, at, rows)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    let mut flush = |run: &Run, end: usize, line: usize| -> rusqlite::Result<()> {
        let period = std::str::from_utf8(run.period).map_err(|_| bad(line, "bad period"))?;
        let lines = rows
            .as_bytes()
            .get(run.start..end)
            .ok_or_else(|| bad(line, "cut short"))?;
        put.execute(params![
            first_id + run.first as i64,
            branch_id,
            period,
            run.member,
            (line - run.first) as i64,
            run.pending,
            at,
            lz4_flex::compress_prepend_size(lines),
        ])?;
        Ok(())
    };
    let mut decided = Vec::new();
    let mut run: Option<Run> = None;
    let mut line = 0usize;
    loop {
        let start = reader.position().byte() as usize;
        match reader.read_byte_record(&mut rec) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => return Err(bad(line + 1, &e.to_string())),
        }
        if rec.len() != claim_rows::COLUMNS {
            return Err(bad(line + 1, "wrong number of fields"));
        }
        // The key fields come first and are never quoted, so they are slices
        // of `rows` (each earlier field is followed by one comma).
        let key = |i: usize| -> rusqlite::Result<&'a str> {
            let r = rec.range(i).ok_or_else(|| bad(line + 1, "missing field"))?;
            rows.get(start + r.start + i..start + r.end + i)
                .filter(|s| s.as_bytes() == &rec[i])
                .ok_or_else(|| bad(line + 1, "quoted key field"))
        };
        let text = |i: usize| std::str::from_utf8(&rec[i]).map_err(|_| bad(line + 1, "not UTF-8"));
        let member: i64 = key(MEMBER)?
            .parse()
            .map_err(|_| bad(line + 1, "bad member"))?;
        let period = key(PERIOD)?;
        let same = run
            .as_ref()
            .is_some_and(|r| r.member == member && r.period == period.as_bytes());
        if !same {
            if let Some(r) = run.take() {
                flush(&r, start, line)?;
            }
            run = Some(Run {
                member,
                period: period.as_bytes(),
                first: line,
                start,
                pending: 0,
            });
        }
        let verdict = text(VERDICT)?;
        if verdict.is_empty() || verdict == "pending" {
            if let Some(r) = run.as_mut() {
                r.pending += 1;
            }
        } else if verdict == "approved" || verdict == "adjusted" {
            let points: f64 = text(POINTS)?
                .parse()
                .map_err(|_| bad(line + 1, "bad points"))?;
            decided.push((period, member, key(ITEM)?, points));
        }
        line += 1;
    }
    if let Some(r) = run.take() {
        flush(&r, rows.len(), line)?;
    }
    Ok(decided)
}

/// A stored pack.
struct Pack {
    first_id: i64,
    branch_id: i64,
    at: String,
    /// The lines, compressed.
    rows: Vec<u8>,
    member: String,
}

impl Pack {
    fn claims(&self) -> rusqlite::Result<Vec<NewClaim>> {
        let bad = |e: String| {
            rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Blob, e.into())
        };
        let bytes = lz4_flex::decompress_size_prepended(&self.rows)
            .map_err(|e| bad(format!("pack {}: {e}", self.first_id)))?;
        let text = String::from_utf8(bytes).map_err(|e| bad(e.to_string()))?;
        claim_rows::decode(self.first_id, &text).map_err(bad)
    }
}

const PACK_COLS: &str = "p.first_id, p.branch_id, p.at, p.rows, m.name";

fn pack_from(r: &rusqlite::Row) -> rusqlite::Result<Pack> {
    Ok(Pack {
        first_id: r.get(0)?,
        branch_id: r.get(1)?,
        at: r.get(2)?,
        rows: r.get(3)?,
        member: r.get(4)?,
    })
}

/// A cached statement on the pack table, or `None` in a database from before
/// migration 5 opened read-only: it has no packs.
fn statement<'c>(
    conn: &'c Connection,
    sql: &str,
) -> rusqlite::Result<Option<rusqlite::CachedStatement<'c>>> {
    match conn.prepare_cached(sql) {
        Ok(st) => Ok(Some(st)),
        Err(rusqlite::Error::SqliteFailure(_, Some(m)))
            if m.contains("no such table: claim_pack") =>
        {
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

/// A packed claim as the views see it.
fn claim_of(c: NewClaim, member: &str) -> Claim {
    Claim {
        id: c.id,
        member_id: c.member_id,
        member: member.to_string(),
        period: c.period,
        item: c.item,
        level: c.level,
        count: c.count,
        claimed: c.points,
        points: c.points,
        date: c.date,
        note: c.note,
        evidence: c.evidence,
        source: c.source.parse().unwrap_or(ClaimSource::Import),
        status: c
            .verdict
            .as_deref()
            .and_then(|v| v.parse().ok())
            .unwrap_or(ClaimStatus::Pending),
        reason: c.reason,
    }
}

/// The pack holding claim `id`, if any.
fn pack_of(conn: &Connection, id: i64) -> rusqlite::Result<Option<Pack>> {
    let sql = format!(
        "SELECT {PACK_COLS} FROM claim_pack p JOIN member m ON m.id = p.member_id
         WHERE p.first_id <= ?1 AND ?1 < p.first_id + p.n ORDER BY p.first_id DESC LIMIT 1"
    );
    match statement(conn, &sql)? {
        Some(mut st) => st.query_row([id], pack_from).optional(),
        None => Ok(None),
    }
}

/// A packed claim by id.
pub fn claim(conn: &Connection, id: i64) -> rusqlite::Result<Option<Claim>> {
    let Some(pack) = pack_of(conn, id)? else {
        return Ok(None);
    };
    let found = pack.claims()?.into_iter().find(|c| c.id == id);
    Ok(found.map(|c| claim_of(c, &pack.member)))
}

/// Packed claims of a branch, optionally of one period and one member, in id order.
pub fn claims(
    conn: &Connection,
    branch: i64,
    period: Option<&str>,
    member: Option<i64>,
) -> rusqlite::Result<Vec<Claim>> {
    let filter = super::queries::period_member_filter("p", period, member);
    let sql = format!(
        "SELECT {PACK_COLS} FROM claim_pack p JOIN member m ON m.id = p.member_id
         WHERE p.branch_id = ?1 AND {filter} ORDER BY p.first_id"
    );
    let Some(mut st) = statement(conn, &sql)? else {
        return Ok(Vec::new());
    };
    let packs = st.query_map(params![branch, period, member], pack_from)?;
    let mut out = Vec::new();
    for pack in packs {
        let pack = pack?;
        out.extend(
            pack.claims()?
                .into_iter()
                .map(|c| claim_of(c, &pack.member)),
        );
    }
    Ok(out)
}

/// Packed pending claims per member in a period.
pub fn pending_counts(
    conn: &Connection,
    branch: i64,
    period: &str,
) -> rusqlite::Result<Vec<(i64, usize)>> {
    let Some(mut st) = statement(
        conn,
        "SELECT member_id, sum(pending) FROM claim_pack
         WHERE branch_id = ?1 AND period = ?2 AND pending > 0 GROUP BY member_id",
    )?
    else {
        return Ok(Vec::new());
    };
    let rows = st.query_map(params![branch, period], |r| {
        Ok((r.get(0)?, r.get::<_, i64>(1)? as usize))
    })?;
    rows.collect()
}

/// Packed pending claims of one member in a period.
pub fn pending_count(
    conn: &Connection,
    branch: i64,
    period: &str,
    member: i64,
) -> rusqlite::Result<usize> {
    let sql = "SELECT COALESCE(sum(pending), 0) FROM claim_pack
         WHERE branch_id = ?1 AND period = ?2 AND member_id = ?3";
    match statement(conn, sql)? {
        Some(mut st) => st
            .query_row(params![branch, period, member], |r| r.get::<_, i64>(0))
            .map(|n| n as usize),
        None => Ok(0),
    }
}

/// Packed claims of a period (none of them is withdrawn: a withdrawal unpacks).
pub fn count(conn: &Connection, branch: i64, period: &str) -> rusqlite::Result<usize> {
    let sql = "SELECT COALESCE(sum(n), 0) FROM claim_pack WHERE branch_id = ?1 AND period = ?2";
    match statement(conn, sql)? {
        Some(mut st) => st
            .query_row(params![branch, period], |r| r.get::<_, i64>(0))
            .map(|n| n as usize),
        None => Ok(0),
    }
}

/// One past the highest packed claim id (1 when there are no packs).
pub fn next_id(conn: &Connection) -> rusqlite::Result<i64> {
    let sql = "SELECT first_id + n FROM claim_pack ORDER BY first_id DESC LIMIT 1";
    match statement(conn, sql)? {
        Some(mut st) => st
            .query_row([], |r| r.get(0))
            .optional()
            .map(|n| n.unwrap_or(1)),
        None => Ok(1),
    }
}

/// Turn the pack holding claim `id` (if any) back into claim rows with the
/// same numbers, before that claim changes. The tallies already count them.
pub(super) fn unpack(conn: &Connection, id: i64) -> rusqlite::Result<()> {
    let Some(pack) = pack_of(conn, id)? else {
        return Ok(());
    };
    let claims = pack.claims()?;
    conn.prepare_cached("DELETE FROM claim_pack WHERE first_id = ?1")?
        .execute([pack.first_id])?;
    super::apply::insert_claim_rows_all(conn, pack.branch_id, &claims, &pack.at)
}
