//! Verify's table comparison: the state a replay of the journal gives against
//! the state a database file holds, table by table and row by row.

use rusqlite::Connection;
use std::path::Path;

/// Every table that holds the ledger's state (the journal itself, the room
/// display's row and the console's lease aside). The kept scores are among
/// them: a score row no claim explains is found like any other.
pub const STATE_TABLES: &[&str] = &[
    "branch",
    "member",
    "period",
    "claim",
    "confirmation",
    "attendance",
    "lock_total",
    "appeal",
    "correction",
    "review_received",
    "follow_up",
    "redemption",
    "meeting",
    "appraisal",
    "appraisal_vote",
    "appraisal_score",
    "appraisal_pick",
    "appraisal_result",
    "year_grade",
    "score",
    "score_dirty",
];

/// A row found in one state and not in the other.
#[derive(Debug, Clone, PartialEq)]
pub struct Difference {
    pub table: &'static str,
    /// The row's first values, as text.
    pub row: Vec<String>,
    /// The replay has the row and the file does not (else the other way).
    pub missing_from_file: bool,
}

/// The first row of any state table that differs between `replay` (on its
/// main database) and the database file at `file`.
pub fn first_difference(replay: &Connection, file: &Path) -> rusqlite::Result<Option<Difference>> {
    first_difference_in(replay, file, STATE_TABLES)
}

/// [`first_difference`] over the tables named (a committee's own).
pub fn first_difference_in(
    replay: &Connection,
    file: &Path,
    tables: &[&'static str],
) -> rusqlite::Result<Option<Difference>> {
    // Read-only: verify never writes the file it checks.
    replay.execute("ATTACH DATABASE ?1 AS orig", [super::db::read_uri(file)])?;
    let found = differing_row(replay, tables);
    replay.execute("DETACH DATABASE orig", [])?;
    found
}

fn differing_row(
    replay: &Connection,
    tables: &[&'static str],
) -> rusqlite::Result<Option<Difference>> {
    for &t in tables {
        for (a, b, missing_from_file) in [("main", "orig", true), ("orig", "main", false)] {
            let sql = format!("SELECT * FROM {a}.{t} EXCEPT SELECT * FROM {b}.{t} LIMIT 1");
            let mut st = replay.prepare(&sql)?;
            let n = st.column_count();
            let mut rows = st.query([])?;
            if let Some(r) = rows.next()? {
                let mut row = Vec::new();
                for i in 0..n.min(4) {
                    row.push(match r.get::<_, rusqlite::types::Value>(i)? {
                        rusqlite::types::Value::Null => "null".to_string(),
                        rusqlite::types::Value::Integer(i) => i.to_string(),
                        rusqlite::types::Value::Real(f) => f.to_string(),
                        rusqlite::types::Value::Text(s) => s,
                        rusqlite::types::Value::Blob(_) => "blob".into(),
                    });
                }
                return Ok(Some(Difference {
                    table: t,
                    row,
                    missing_from_file,
                }));
            }
        }
    }
    Ok(None)
}

/// How many journal events the file holds.
pub fn event_count(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("SELECT count(*) FROM event", [], |r| r.get(0))
}

/// Every period of every branch: (branch name, period, state).
pub fn all_periods(conn: &Connection) -> rusqlite::Result<Vec<(String, String, String)>> {
    let mut st = conn.prepare(
        "SELECT b.name, p.id, p.state FROM period p JOIN branch b ON b.id = p.branch_id ORDER BY b.id, p.id",
    )?;
    let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    rows.collect()
}

/// Every journal event's (seq, at, hash), in order.
pub fn event_hashes(conn: &Connection) -> rusqlite::Result<Vec<(i64, String, String)>> {
    let mut st = conn.prepare("SELECT seq, at, hash FROM event ORDER BY seq")?;
    let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    rows.collect()
}
