//! The console lease: one writing console per database. A row with the
//! holder, when it took the lease, and a heartbeat; a lease whose heartbeat is
//! older than the stale limit belongs to a console that died and may be taken.

use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior};

/// Who holds the console lease.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeaseRow {
    pub holder: String,
    pub pid: i64,
    pub since: String,
    pub heartbeat: String,
}

/// The current lease row, if any.
pub fn read(conn: &Connection) -> rusqlite::Result<Option<LeaseRow>> {
    conn.query_row(
        "SELECT holder, pid, since, heartbeat FROM console_lease WHERE id = 1",
        [],
        |r| {
            Ok(LeaseRow {
                holder: r.get(0)?,
                pid: r.get(1)?,
                since: r.get(2)?,
                heartbeat: r.get(3)?,
            })
        },
    )
    .optional()
}

/// Take the lease unless `is_live` says the current holder (not us) is alive;
/// returns that holder when the lease could not be taken.
pub fn take(
    conn: &Connection,
    holder: &str,
    pid: i64,
    now: &str,
    is_live: impl Fn(&LeaseRow) -> bool,
) -> rusqlite::Result<Option<LeaseRow>> {
    let tx = Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
    if let Some(row) = read(&tx)? {
        let ours = row.holder == holder && row.pid == pid;
        if !ours && is_live(&row) {
            return Ok(Some(row));
        }
    }
    tx.execute(
        "INSERT OR REPLACE INTO console_lease (id, holder, pid, since, heartbeat) VALUES (1, ?1, ?2, ?3, ?3)",
        rusqlite::params![holder, pid, now],
    )?;
    tx.commit()?;
    Ok(None)
}

/// Refresh our heartbeat; false when the lease is no longer ours.
pub fn beat(conn: &Connection, holder: &str, pid: i64, now: &str) -> rusqlite::Result<bool> {
    let n = conn.execute(
        "UPDATE console_lease SET heartbeat = ?3 WHERE id = 1 AND holder = ?1 AND pid = ?2",
        rusqlite::params![holder, pid, now],
    )?;
    Ok(n == 1)
}

/// Give the lease back if it is ours.
pub fn release(conn: &Connection, holder: &str, pid: i64) -> rusqlite::Result<()> {
    conn.execute(
        "DELETE FROM console_lease WHERE id = 1 AND holder = ?1 AND pid = ?2",
        rusqlite::params![holder, pid],
    )?;
    Ok(())
}
