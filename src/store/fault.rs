//! What an SQLite failure means for a person, told by its error code (never
//! by its message text, which no person should read).

use rusqlite::ErrorCode;

/// The kinds of storage failure a message can explain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// Another program holds the database (`SQLITE_BUSY`, `SQLITE_LOCKED`).
    Busy,
    /// The file or its folder cannot be written.
    ReadOnly,
    /// A record with the same key exists (a UNIQUE or PRIMARY KEY clash).
    Duplicate,
    /// The disk is full.
    DiskFull,
    /// The file is damaged or not a database.
    Corrupt,
    /// A rule of the ledger refused the change (a trigger: a locked period,
    /// the append-only journal).
    Refused,
}

/// SQLite's extended error code of `e`, if SQLite gave one (words name
/// a failure by it, never by SQLite's own English).
pub fn sql_code(e: &rusqlite::Error) -> Option<i32> {
    match e {
        rusqlite::Error::SqliteFailure(f, _) => Some(f.extended_code),
        _ => None,
    }
}

/// The kind of `e`, if it is one a person can act on.
pub fn fault(e: &rusqlite::Error) -> Option<Fault> {
    let err = e.sqlite_error()?;
    Some(match err.code {
        ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => Fault::Busy,
        ErrorCode::ReadOnly => Fault::ReadOnly,
        ErrorCode::DiskFull => Fault::DiskFull,
        ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase => Fault::Corrupt,
        ErrorCode::ConstraintViolation => match err.extended_code {
            rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE
            | rusqlite::ffi::SQLITE_CONSTRAINT_PRIMARYKEY => Fault::Duplicate,
            rusqlite::ffi::SQLITE_CONSTRAINT_TRIGGER => Fault::Refused,
            _ => return None,
        },
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::Connection;

    #[test]
    fn codes_not_words_tell_the_kind() {
        let c = Connection::open_in_memory().expect("memory db");
        c.execute_batch(
            "CREATE TABLE t (k TEXT PRIMARY KEY, u TEXT UNIQUE);
             INSERT INTO t VALUES ('a', 'x');
             CREATE TRIGGER no BEFORE DELETE ON t BEGIN SELECT RAISE(ABORT, 'no'); END;",
        )
        .expect("schema");
        let dup = c
            .execute("INSERT INTO t VALUES ('b', 'x')", [])
            .unwrap_err();
        assert_eq!(fault(&dup), Some(Fault::Duplicate));
        let key = c
            .execute("INSERT INTO t VALUES ('a', 'y')", [])
            .unwrap_err();
        assert_eq!(fault(&key), Some(Fault::Duplicate));
        let refused = c.execute("DELETE FROM t", []).unwrap_err();
        assert_eq!(fault(&refused), Some(Fault::Refused));
        let syntax = c.execute("SELEC 1", []).unwrap_err();
        assert_eq!(fault(&syntax), None);
    }

    #[test]
    fn a_held_database_is_busy() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("b.sqlite");
        let a = Connection::open(&path).expect("open a");
        a.execute_batch("CREATE TABLE t (x); BEGIN EXCLUSIVE; INSERT INTO t VALUES (1);")
            .expect("hold");
        let b = Connection::open(&path).expect("open b");
        b.busy_timeout(std::time::Duration::ZERO).expect("no wait");
        let e = b.execute("INSERT INTO t VALUES (2)", []).unwrap_err();
        assert_eq!(fault(&e), Some(Fault::Busy));
    }
}
