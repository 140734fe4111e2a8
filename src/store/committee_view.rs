//! The committee's desk and board: the few reads their screens need beyond
//! `store::filing` (which periods were filed at all).

use rusqlite::Connection;

/// Every period some branch filed, oldest first.
pub fn periods(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut st = conn.prepare_cached("SELECT DISTINCT period FROM filing ORDER BY period")?;
    let rows = st.query_map([], |r| r.get(0))?;
    rows.collect()
}
