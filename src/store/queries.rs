//! Reading the current-state tables.

use crate::domain::model::{
    Attendance, Claim, ClaimStatus, ConfirmState, Member, PeriodState, ShortText,
};
use crate::domain::scoring::Tally;
use rusqlite::{params, Connection, OptionalExtension};
use std::collections::HashMap;

/// A branch row.
#[derive(Debug, Clone)]
pub struct BranchRow {
    pub id: i64,
    pub name: String,
    pub scheme_id: String,
    pub scheme_toml: String,
    pub settings: serde_json::Value,
}

/// A period row.
#[derive(Debug, Clone, PartialEq)]
pub struct PeriodRow {
    pub id: String,
    pub state: PeriodState,
    pub opened_at: String,
    pub locked_at: Option<String>,
    pub seal: Option<String>,
    pub window_end: Option<String>,
}

fn branch_from(r: &rusqlite::Row) -> rusqlite::Result<BranchRow> {
    Ok(BranchRow {
        id: r.get(0)?,
        name: r.get(1)?,
        scheme_id: r.get(2)?,
        scheme_toml: r.get(3)?,
        settings: serde_json::from_str(r.get_ref(4)?.as_str()?).unwrap_or(serde_json::Value::Null),
    })
}

pub fn branches(conn: &Connection) -> rusqlite::Result<Vec<BranchRow>> {
    let mut st = conn.prepare_cached(
        "SELECT id, name, scheme_id, scheme_toml, settings FROM branch ORDER BY id",
    )?;
    let rows = st.query_map([], branch_from)?;
    rows.collect()
}

/// Ids and names of every branch, without their schemes.
pub fn branch_names(conn: &Connection) -> rusqlite::Result<Vec<(i64, String)>> {
    let mut st = conn.prepare_cached("SELECT id, name FROM branch ORDER BY id")?;
    let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    rows.collect()
}

/// One branch with its scheme.
pub fn branch(conn: &Connection, id: i64) -> rusqlite::Result<Option<BranchRow>> {
    conn.prepare_cached(
        "SELECT id, name, scheme_id, scheme_toml, settings FROM branch WHERE id = ?1",
    )?
    .query_row([id], branch_from)
    .optional()
}

fn member_from(r: &rusqlite::Row) -> rusqlite::Result<Member> {
    Ok(Member {
        id: r.get(0)?,
        name: r.get_ref(1)?.as_str()?.into(),
        category: r.get(2)?,
        tier: r.get(3)?,
        group: r.get_ref(4)?.as_str_or_null()?.map(ShortText::from),
        status: r.get(5)?,
    })
}

pub fn members(conn: &Connection, branch: i64) -> rusqlite::Result<Vec<Member>> {
    let mut st = conn.prepare_cached(
        "SELECT id, name, category, tier, grp, status FROM member WHERE branch_id = ?1 ORDER BY id",
    )?;
    let rows = st.query_map([branch], member_from)?;
    rows.collect()
}

/// The tables whose rows are numbered by jifen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Numbered {
    Branch,
    Member,
    Claim,
    Appeal,
    Correction,
}

/// The next free id of a numbered table. Take it inside the write
/// transaction that inserts the row, so no other writer can take it too.
pub fn next_id(conn: &Connection, table: Numbered) -> rusqlite::Result<i64> {
    let sql = match table {
        Numbered::Branch => "SELECT COALESCE(MAX(id), 0) + 1 FROM branch",
        Numbered::Member => "SELECT COALESCE(MAX(id), 0) + 1 FROM member",
        Numbered::Claim => "SELECT COALESCE(MAX(id), 0) + 1 FROM claim",
        Numbered::Appeal => "SELECT COALESCE(MAX(id), 0) + 1 FROM appeal",
        Numbered::Correction => "SELECT COALESCE(MAX(id), 0) + 1 FROM correction",
    };
    conn.prepare_cached(sql)?.query_row([], |r| r.get(0))
}

pub fn periods(conn: &Connection, branch: i64) -> rusqlite::Result<Vec<PeriodRow>> {
    let mut st = conn.prepare_cached(
        "SELECT id, state, opened_at, locked_at, seal, window_end FROM period WHERE branch_id = ?1 ORDER BY id",
    )?;
    let rows = st.query_map([branch], |r| {
        Ok(PeriodRow {
            id: r.get(0)?,
            state: r.get(1)?,
            opened_at: r.get(2)?,
            locked_at: r.get(3)?,
            seal: r.get(4)?,
            window_end: r.get(5)?,
        })
    })?;
    rows.collect()
}

const CLAIM_COLS: &str =
    "c.id, c.member_id, m.name, c.period, c.item, c.level, c.count, c.claimed, c.points,
    c.act_date, c.note, c.evidence, c.source, c.status, c.reason";

fn claim_from(r: &rusqlite::Row) -> rusqlite::Result<Claim> {
    Ok(Claim {
        id: r.get(0)?,
        member_id: r.get(1)?,
        member: r.get(2)?,
        period: r.get(3)?,
        item: r.get(4)?,
        level: r.get(5)?,
        count: r.get(6)?,
        claimed: r.get(7)?,
        points: r.get(8)?,
        date: r.get(9)?,
        note: r.get(10)?,
        evidence: r.get(11)?,
        source: r.get(12)?,
        status: r.get(13)?,
        reason: r.get(14)?,
    })
}

pub fn claim(conn: &Connection, id: i64) -> rusqlite::Result<Option<Claim>> {
    conn.prepare_cached(&format!(
        "SELECT {CLAIM_COLS} FROM claim c JOIN member m ON m.id = c.member_id WHERE c.id = ?1"
    ))?
    .query_row([id], claim_from)
    .optional()
}

/// The condition on `?2` (period) and `?3` (member) of table `alias`, one
/// shape per filter so that each statement uses the table's index.
pub(super) fn period_member_filter(
    alias: &str,
    period: Option<&str>,
    member: Option<i64>,
) -> String {
    match (period.is_some(), member.is_some()) {
        (true, true) => format!("{alias}.period = ?2 AND {alias}.member_id = ?3"),
        (true, false) => format!("{alias}.period = ?2 AND ?3 IS NULL"),
        (false, true) => format!("?2 IS NULL AND {alias}.member_id = ?3"),
        (false, false) => "?2 IS NULL AND ?3 IS NULL".into(),
    }
}

/// Claims of a branch, optionally of one period and one member, in id order.
pub fn claims(
    conn: &Connection,
    branch: i64,
    period: Option<&str>,
    member: Option<i64>,
) -> rusqlite::Result<Vec<Claim>> {
    // One statement per filter shape, so that each uses the claim index.
    let filter = period_member_filter("c", period, member);
    let mut st = conn.prepare_cached(&format!(
        "SELECT {CLAIM_COLS} FROM claim c JOIN member m ON m.id = c.member_id
         WHERE c.branch_id = ?1 AND {filter} AND c.status <> ?4
         ORDER BY c.id"
    ))?;
    let rows = st.query_map(
        params![branch, period, member, ClaimStatus::Withdrawn],
        claim_from,
    )?;
    rows.collect()
}

/// Pending claim counts per member in a period.
pub fn pending_counts(
    conn: &Connection,
    branch: i64,
    period: &str,
) -> rusqlite::Result<HashMap<i64, usize>> {
    // The small index of pending claims (migration 3); an older database
    // opened read-only has only the full one. The partial index is only
    // usable with its own literal word (`ClaimStatus::Pending`), not a bound one.
    let mut st = conn
        .prepare_cached(
            "SELECT member_id, count(*) FROM claim INDEXED BY claim_pending
             WHERE branch_id = ?1 AND period = ?2 AND status = 'pending' GROUP BY member_id",
        )
        .or_else(|_| {
            conn.prepare_cached(
                "SELECT member_id, count(*) FROM claim
                 WHERE branch_id = ?1 AND period = ?2 AND status = 'pending' GROUP BY member_id",
            )
        })?;
    let rows = st.query_map(params![branch, period], |r| {
        Ok((r.get(0)?, r.get::<_, i64>(1)? as usize))
    })?;
    rows.collect()
}

/// Pending claims of one member in a period.
pub fn pending_count(
    conn: &Connection,
    branch: i64,
    period: &str,
    member: i64,
) -> rusqlite::Result<usize> {
    conn.prepare_cached(
        "SELECT count(*) FROM claim WHERE branch_id = ?1 AND period = ?2 AND member_id = ?3 AND status = ?4",
    )?
    .query_row(params![branch, period, member, ClaimStatus::Pending], |r| {
        r.get::<_, i64>(0)
    })
    .map(|n| n as usize)
}

/// One member's confirmation in a period: (state, text).
pub fn confirmation(
    conn: &Connection,
    branch: i64,
    period: &str,
    member: i64,
) -> rusqlite::Result<Option<(ConfirmState, Option<String>)>> {
    conn.prepare_cached(
        "SELECT state, text FROM confirmation WHERE branch_id = ?1 AND period = ?2 AND member_id = ?3
         AND state <> 'voided'",
    )?
    .query_row(params![branch, period, member], |r| Ok((r.get(0)?, r.get(1)?)))
    .optional()
}

/// Confirmation state per member in a period: (state, text).
pub fn confirmations(
    conn: &Connection,
    branch: i64,
    period: &str,
) -> rusqlite::Result<HashMap<i64, (ConfirmState, Option<String>)>> {
    let mut st = conn.prepare_cached(
        "SELECT member_id, state, text FROM confirmation WHERE branch_id = ?1 AND period = ?2
         AND state <> 'voided'",
    )?;
    let rows = st.query_map(params![branch, period], |r| {
        Ok((r.get(0)?, (r.get(1)?, r.get(2)?)))
    })?;
    rows.collect()
}

pub fn attendance(
    conn: &Connection,
    branch: i64,
    period: &str,
) -> rusqlite::Result<HashMap<i64, Attendance>> {
    let mut st = conn.prepare_cached(
        "SELECT member_id, mark FROM attendance WHERE branch_id = ?1 AND period = ?2",
    )?;
    let rows = st.query_map(params![branch, period], |r| Ok((r.get(0)?, r.get(1)?)))?;
    rows.collect()
}

/// A journal row.
#[derive(Debug, Clone)]
pub struct EventRow {
    pub seq: i64,
    pub at: String,
    pub actor: String,
    pub kind: String,
    pub payload: String,
    pub prev_hash: String,
    pub hash: String,
    /// Its branch and action (`None`: journalled before events carried them).
    pub stamp: Option<super::journal::Stamp>,
}

/// The journal's columns that [`event_row`] reads, in its order.
pub const EVENT_COLUMNS: &str = "seq, at, actor, kind, payload, prev_hash, hash, branch_id, action";

/// One journal row read from a statement selecting [`EVENT_COLUMNS`].
pub fn event_row(r: &rusqlite::Row) -> rusqlite::Result<EventRow> {
    Ok(EventRow {
        seq: r.get(0)?,
        at: r.get(1)?,
        actor: r.get(2)?,
        kind: r.get(3)?,
        payload: r.get(4)?,
        prev_hash: r.get(5)?,
        hash: r.get(6)?,
        stamp: match (r.get::<_, Option<i64>>(7)?, r.get::<_, Option<i64>>(8)?) {
            (Some(branch), Some(action)) => Some(super::journal::Stamp { branch, action }),
            _ => None,
        },
    })
}

/// Walk the journal in order (of a database at the current schema version).
/// `f`'s own error type carries SQLite's failures too.
pub fn each_event<E: From<rusqlite::Error>>(
    conn: &Connection,
    mut f: impl FnMut(EventRow) -> Result<(), E>,
) -> Result<(), E> {
    let mut st = conn.prepare(&format!("SELECT {EVENT_COLUMNS} FROM event ORDER BY seq"))?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        let row = event_row(r)?;
        f(row)?;
    }
    Ok(())
}

/// Walk recent events, newest first (for undo), until `f` says stop (false)
/// or `limit` rows were seen. Payloads longer than `max_payload` bytes (bulk
/// imports) come back empty, without being read.
pub fn each_recent_event(
    conn: &Connection,
    limit: i64,
    max_payload: i64,
    mut f: impl FnMut(i64, String, &str) -> bool,
) -> rusqlite::Result<()> {
    let mut st = conn.prepare_cached(
        "SELECT seq, at, CASE WHEN octet_length(payload) <= ?2 THEN payload ELSE '' END
         FROM event ORDER BY seq DESC LIMIT ?1",
    )?;
    let mut rows = st.query([limit, max_payload])?;
    while let Some(r) = rows.next()? {
        if !f(r.get(0)?, r.get(1)?, r.get_ref(2)?.as_str()?) {
            break;
        }
    }
    Ok(())
}

/// The board-state row of a branch, as JSON text.
pub fn board_state(conn: &Connection, branch: i64) -> rusqlite::Result<Option<String>> {
    conn.prepare_cached("SELECT state FROM board_state WHERE branch_id = ?1")?
        .query_row([branch], |r| r.get(0))
        .optional()
}

/// Write the board-state row (volatile, not journalled).
pub fn set_board_state(
    conn: &Connection,
    branch: i64,
    state: &str,
    at: &str,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO board_state (branch_id, state, updated_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (branch_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at",
        params![branch, state, at],
    )?;
    Ok(())
}

/// Locked totals of a period by member.
pub fn lock_totals(
    conn: &Connection,
    branch: i64,
    period: &str,
) -> rusqlite::Result<Vec<(i64, f64, i64)>> {
    let mut st = conn.prepare_cached(
        "SELECT member_id, score, rank FROM lock_total WHERE branch_id = ?1 AND period = ?2 ORDER BY rank, member_id",
    )?;
    let rows = st.query_map(params![branch, period], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?))
    })?;
    rows.collect()
}

/// Timestamp of the newest journal event.
pub fn last_event_at(conn: &Connection) -> rusqlite::Result<Option<String>> {
    conn.prepare_cached("SELECT at FROM event ORDER BY seq DESC LIMIT 1")?
        .query_row([], |r| r.get(0))
        .optional()
}

/// Approved tallies of each given period, by member, in the order of `periods`.
pub fn tallies_by_period(
    conn: &Connection,
    branch: i64,
    periods: &[String],
) -> rusqlite::Result<Vec<HashMap<i64, Vec<Tally>>>> {
    let mut out = Vec::with_capacity(periods.len());
    let mut st = conn.prepare_cached(
        "SELECT member_id, item, points, count FROM tally WHERE branch_id = ?1 AND period = ?2",
    )?;
    for p in periods {
        let mut by: HashMap<i64, Vec<Tally>> = HashMap::new();
        let mut rows = st.query(params![branch, p])?;
        while let Some(r) = rows.next()? {
            by.entry(r.get(0)?).or_default().push(Tally {
                item: r.get(1)?,
                points: r.get(2)?,
                count: r.get(3)?,
            });
        }
        out.push(by);
    }
    Ok(out)
}

/// The corrections of each given period summed by member and item, in the
/// order of `periods` (each as a tally: points and how many corrections).
pub fn corrections_by_period(
    conn: &Connection,
    branch: i64,
    periods: &[String],
) -> rusqlite::Result<Vec<HashMap<i64, Vec<Tally>>>> {
    let mut out = Vec::with_capacity(periods.len());
    let mut cst = conn.prepare_cached(
        "SELECT member_id, item, SUM(points), count(*) FROM correction
             WHERE branch_id = ?1 AND period = ?2 GROUP BY member_id, item",
    )?;
    for p in periods {
        let mut by: HashMap<i64, Vec<Tally>> = HashMap::new();
        let mut rows = cst.query(params![branch, p])?;
        while let Some(r) = rows.next()? {
            by.entry(r.get(0)?).or_default().push(Tally {
                item: r.get(1)?,
                points: r.get(2)?,
                count: r.get(3)?,
            });
        }
        out.push(by);
    }
    Ok(out)
}

/// (all claims, pending claims) of a period, not counting withdrawn ones.
pub fn claim_counts(
    conn: &Connection,
    branch: i64,
    period: &str,
) -> rusqlite::Result<(usize, usize)> {
    let all = conn
        .prepare_cached(
            "SELECT count(*) FROM claim WHERE branch_id = ?1 AND period = ?2 AND status <> ?3",
        )?
        .query_row(params![branch, period, ClaimStatus::Withdrawn], |r| {
            r.get::<_, i64>(0)
        })?;
    let all = all as usize;
    let pending: usize = pending_counts(conn, branch, period)?.values().sum();
    Ok((all, pending))
}
