//! The filing's storage: a branch's lock event and the journal up to it (for
//! `filing export`), and a committee database's received filings.

use super::queries::EventRow;
use rusqlite::{params, Connection, OptionalExtension};

/// The database kind a committee database's `ledger_kind` row says.
pub const COMMITTEE: &str = "committee";

/// Whether the database is a committee's (migration 13's `ledger_kind`).
pub fn is_committee(conn: &Connection) -> rusqlite::Result<bool> {
    conn.prepare_cached("SELECT count(*) FROM ledger_kind WHERE kind = ?1")?
        .query_row([COMMITTEE], |r| r.get::<_, i64>(0))
        .map(|n| n > 0)
}

/// Mark the database as a committee's (once; the trigger refuses a second).
pub fn mark_committee(conn: &Connection, at: &str) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO ledger_kind (kind, made_at) VALUES (?1, ?2)",
        params![COMMITTEE, at],
    )?;
    Ok(())
}

/// How many branches the database holds.
pub fn branch_count(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("SELECT count(*) FROM branch", [], |r| r.get(0))
}

/// The (seq, hash) of the lock event of `branch`'s `period`, if it was locked.
pub fn lock_event(
    conn: &Connection,
    branch: i64,
    period: &str,
) -> rusqlite::Result<Option<(i64, String)>> {
    conn.prepare_cached(
        "SELECT seq, hash FROM event WHERE kind = 'lock'
           AND json_extract(payload, '$.branch_id') = ?1
           AND json_extract(payload, '$.period') = ?2
         ORDER BY seq DESC LIMIT 1",
    )?
    .query_row(params![branch, period], |r| Ok((r.get(0)?, r.get(1)?)))
    .optional()
}

/// Every journal row up to and including `last`, in order.
pub fn events_upto(conn: &Connection, last: i64) -> rusqlite::Result<Vec<EventRow>> {
    let mut st = conn.prepare(&format!(
        "SELECT {} FROM event WHERE seq <= ?1 ORDER BY seq",
        super::queries::EVENT_COLUMNS
    ))?;
    let rows = st.query_map([last], super::queries::event_row)?;
    rows.collect()
}

/// A received filing's row (its body and results aside).
#[derive(Debug, Clone, PartialEq)]
pub struct FilingRow {
    pub id: i64,
    pub branch: String,
    pub period: String,
    pub seal: String,
    pub scheme_id: String,
    pub state: String,
    pub members: i64,
    pub events: i64,
    pub file_name: String,
    pub file_sha256: String,
    pub received_at: String,
}

/// A filing to store: its row (the id aside) and its results.
#[derive(Debug, Clone)]
pub struct NewFiling<'a> {
    pub row: FilingRow,
    pub scheme_sha256: &'a str,
    pub body: &'a str,
    pub results: Vec<NewResult>,
}

/// One member's result of a filing to store.
#[derive(Debug, Clone)]
pub struct NewResult {
    pub member_id: i64,
    pub name: String,
    pub category: String,
    pub status: String,
    pub score: f64,
    pub rank: u32,
    pub grade: Option<String>,
    /// The member's ranking row as JSON (`rank --format json`'s object).
    pub row: String,
}

const FILING_COLUMNS: &str = "id, branch, period, seal, scheme_id, state, members, events, file_name, file_sha256, received_at";

fn filing_from(r: &rusqlite::Row) -> rusqlite::Result<FilingRow> {
    Ok(FilingRow {
        id: r.get(0)?,
        branch: r.get(1)?,
        period: r.get(2)?,
        seal: r.get(3)?,
        scheme_id: r.get(4)?,
        state: r.get(5)?,
        members: r.get(6)?,
        events: r.get(7)?,
        file_name: r.get(8)?,
        file_sha256: r.get(9)?,
        received_at: r.get(10)?,
    })
}

/// The filing received for `branch`'s `period`, if any.
pub fn filing_of(
    conn: &Connection,
    branch: &str,
    period: &str,
) -> rusqlite::Result<Option<FilingRow>> {
    conn.prepare_cached(&format!(
        "SELECT {FILING_COLUMNS} FROM filing WHERE branch = ?1 AND period = ?2"
    ))?
    .query_row(params![branch, period], filing_from)
    .optional()
}

/// Store a filing and its results, inside the caller's transaction.
pub fn insert(conn: &Connection, f: &NewFiling) -> rusqlite::Result<i64> {
    let r = &f.row;
    conn.prepare_cached(
        "INSERT INTO filing (branch, period, seal, scheme_id, scheme_sha256, state, members, events,
                             file_name, file_sha256, received_at, body)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?
    .execute(params![
        r.branch,
        r.period,
        r.seal,
        r.scheme_id,
        f.scheme_sha256,
        r.state,
        r.members,
        r.events,
        r.file_name,
        r.file_sha256,
        r.received_at,
        f.body
    ])?;
    let id = conn.last_insert_rowid();
    let mut st = conn.prepare_cached(
        "INSERT INTO filing_result (filing_id, position, member_id, name, category, status, score, rank, grade, row)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    for (i, m) in f.results.iter().enumerate() {
        st.execute(params![
            id,
            i as i64,
            m.member_id,
            m.name,
            m.category,
            m.status,
            m.score,
            m.rank,
            m.grade,
            m.row
        ])?;
    }
    Ok(id)
}

/// Every received filing (of `period` only, if given), by period then branch.
pub fn filings(conn: &Connection, period: Option<&str>) -> rusqlite::Result<Vec<FilingRow>> {
    let mut st = conn.prepare_cached(&format!(
        "SELECT {FILING_COLUMNS} FROM filing WHERE ?1 IS NULL OR period = ?1 ORDER BY period, branch"
    ))?;
    let rows = st.query_map([period], filing_from)?;
    rows.collect()
}

/// Branches the committee expects (on its roster, or any filing received)
/// with no filing for `period`, each with the last period it filed (none:
/// a roster branch that never filed).
pub fn missing(conn: &Connection, period: &str) -> rusqlite::Result<Vec<(String, Option<String>)>> {
    let mut st = conn.prepare_cached(
        "SELECT b.branch, (SELECT max(f.period) FROM filing f WHERE f.branch = b.branch)
         FROM (SELECT branch FROM filing UNION SELECT branch FROM roster) b
         WHERE b.branch NOT IN (SELECT branch FROM filing WHERE period = ?1)
         ORDER BY b.branch",
    )?;
    let rows = st.query_map([period], |r| Ok((r.get(0)?, r.get(1)?)))?;
    rows.collect()
}

/// Every branch that filed, with the last period it filed, by branch.
pub fn last_filed(conn: &Connection) -> rusqlite::Result<Vec<(String, String)>> {
    let mut st = conn
        .prepare_cached("SELECT branch, max(period) FROM filing GROUP BY branch ORDER BY branch")?;
    let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    rows.collect()
}

/// The scheme ids the received filings score by, in order.
pub fn filed_schemes(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut st = conn.prepare_cached("SELECT DISTINCT scheme_id FROM filing ORDER BY scheme_id")?;
    let rows = st.query_map([], |r| r.get(0))?;
    rows.collect()
}

/// A filing's ranking rows (JSON, as the branch ranked), in its order.
pub fn result_rows(conn: &Connection, filing: i64) -> rusqlite::Result<Vec<String>> {
    let mut st = conn
        .prepare_cached("SELECT row FROM filing_result WHERE filing_id = ?1 ORDER BY position")?;
    let rows = st.query_map([filing], |r| r.get(0))?;
    rows.collect()
}

/// One member's result across branches, for ranking by category.
#[derive(Debug, Clone, PartialEq)]
pub struct CategoryRow {
    pub scheme_id: String,
    pub category: String,
    pub branch: String,
    pub member: String,
    pub score: f64,
    pub branch_rank: u32,
    pub grade: Option<String>,
}

/// Every active member's result of `period` across branches, by scheme,
/// category and score (highest first).
pub fn by_category(conn: &Connection, period: &str) -> rusqlite::Result<Vec<CategoryRow>> {
    let mut st = conn.prepare_cached(
        "SELECT f.scheme_id, r.category, f.branch, r.name, r.score, r.rank, r.grade
         FROM filing_result r JOIN filing f ON f.id = r.filing_id
         WHERE f.period = ?1 AND r.status = 'active'
         ORDER BY f.scheme_id, r.category, r.score DESC, f.branch, r.position",
    )?;
    let rows = st.query_map([period], |r| {
        Ok(CategoryRow {
            scheme_id: r.get(0)?,
            category: r.get(1)?,
            branch: r.get(2)?,
            member: r.get(3)?,
            score: r.get(4)?,
            branch_rank: r.get(5)?,
            grade: r.get(6)?,
        })
    })?;
    rows.collect()
}

/// A received filing's stored text.
pub fn body(conn: &Connection, filing: i64) -> rusqlite::Result<String> {
    conn.prepare_cached("SELECT body FROM filing WHERE id = ?1")?
        .query_row([filing], |r| r.get(0))
}

/// The filing received whose file had this digest, if any.
pub fn filing_by_digest(conn: &Connection, sha256: &str) -> rusqlite::Result<Option<FilingRow>> {
    conn.prepare_cached(&format!(
        "SELECT {FILING_COLUMNS} FROM filing WHERE file_sha256 = ?1 LIMIT 1"
    ))?
    .query_row([sha256], filing_from)
    .optional()
}

/// A filing's ranked members: (member id at the branch, name), in its order.
pub fn members(conn: &Connection, filing: i64) -> rusqlite::Result<Vec<(i64, String)>> {
    let mut st = conn.prepare_cached(
        "SELECT member_id, name FROM filing_result WHERE filing_id = ?1 ORDER BY position",
    )?;
    let rows = st.query_map([filing], |r| Ok((r.get(0)?, r.get(1)?)))?;
    rows.collect()
}
