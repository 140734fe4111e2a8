//! Opening the database: the one place that sets pragmas and runs migrations.

use rusqlite::{Connection, OpenFlags};
use std::path::Path;
use std::time::Duration;

/// Prepared statements kept per connection.
const STATEMENT_CACHE: usize = 128;

/// Schema version this build writes.
pub const SCHEMA_VERSION: i64 = 6;

const MIGRATIONS: &[&str] = &[
    include_str!("schema.sql"),
    include_str!("migration_2.sql"),
    include_str!("migration_3.sql"),
    include_str!("migration_4.sql"),
    include_str!("migration_5.sql"),
    include_str!("migration_6.sql"),
];

/// Work a migration does in Rust after its SQL, by the version it brings.
fn after_migration(conn: &Connection, version: usize) -> rusqlite::Result<()> {
    if version == 6 {
        super::tally_seals::seal_locked(conn)?;
    }
    Ok(())
}

#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("{path}: {source}")]
    Sqlite {
        path: String,
        #[source]
        source: rusqlite::Error,
    },
    #[error("{path}: database schema version {found} is newer than this jifen understands ({SCHEMA_VERSION}); use a newer jifen")]
    TooNew { path: String, found: i64 },
    #[error("{path}: {what}")]
    Pragma { path: String, what: String },
    #[error("{path}: not a jifen database (run `jifen init` or `jifen demo` first)")]
    NotJifen { path: String },
}

fn sq(path: &Path) -> impl Fn(rusqlite::Error) -> OpenError + '_ {
    move |source| OpenError::Sqlite {
        path: path.display().to_string(),
        source,
    }
}

/// Open (and create or migrate) a database for reading and writing.
pub fn open_rw(path: &Path) -> Result<Connection, OpenError> {
    let conn = Connection::open(path).map_err(sq(path))?;
    configure(&conn, path, false)?;
    migrate(&conn, path)?;
    Ok(conn)
}

/// Open an existing database read-only (the room display).
pub fn open_ro(path: &Path) -> Result<Connection, OpenError> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(sq(path))?;
    configure(&conn, path, true)?;
    let v = user_version(&conn, path)?;
    if v == 0 {
        return Err(OpenError::NotJifen {
            path: path.display().to_string(),
        });
    }
    if v > SCHEMA_VERSION {
        return Err(OpenError::TooNew {
            path: path.display().to_string(),
            found: v,
        });
    }
    Ok(conn)
}

/// Open an existing database read-only for one long scan (`jifen retotal`):
/// the file is memory-mapped and a large page cache kept, so the scan copies
/// no page twice.
pub fn open_reader(path: &Path) -> Result<Connection, OpenError> {
    let conn = open_ro(path)?;
    conn.execute_batch("PRAGMA mmap_size = 17179869184; PRAGMA cache_size = -262144;")
        .map_err(sq(path))?;
    Ok(conn)
}

/// An in-memory database with the current schema (used by `verify` replays).
pub fn open_memory() -> Result<Connection, OpenError> {
    let p = Path::new(":memory:");
    let conn = Connection::open_in_memory().map_err(sq(p))?;
    conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    conn.execute_batch("PRAGMA foreign_keys = ON;")
        .map_err(sq(p))?;
    migrate(&conn, p)?;
    Ok(conn)
}

fn configure(conn: &Connection, path: &Path, read_only: bool) -> Result<(), OpenError> {
    // Every hot path uses a cached statement; keep them all (the default of
    // 16 made the console re-prepare several statements on every key press).
    conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    conn.busy_timeout(Duration::from_secs(10))
        .map_err(sq(path))?;
    if !read_only {
        let mode: String = conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
            .map_err(sq(path))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(OpenError::Pragma {
                path: path.display().to_string(),
                what: format!("cannot switch to WAL journal mode (got {mode})"),
            });
        }
    }
    conn.execute_batch("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA cache_size = -16384; PRAGMA temp_store = MEMORY;")
        .map_err(sq(path))?;
    let fk: i64 = conn
        .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
        .map_err(sq(path))?;
    let sync: i64 = conn
        .query_row("PRAGMA synchronous", [], |r| r.get(0))
        .map_err(sq(path))?;
    if fk != 1 || sync != 2 {
        return Err(OpenError::Pragma {
            path: path.display().to_string(),
            what: "foreign keys or synchronous=FULL could not be set".into(),
        });
    }
    Ok(())
}

fn user_version(conn: &Connection, path: &Path) -> Result<i64, OpenError> {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(sq(path))
}

fn migrate(conn: &Connection, path: &Path) -> Result<(), OpenError> {
    let v = user_version(conn, path)?;
    if v > SCHEMA_VERSION {
        return Err(OpenError::TooNew {
            path: path.display().to_string(),
            found: v,
        });
    }
    if v == 0 {
        let tables: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
                [],
                |r| r.get(0),
            )
            .map_err(sq(path))?;
        if tables > 0 {
            return Err(OpenError::NotJifen {
                path: path.display().to_string(),
            });
        }
    }
    for (i, m) in MIGRATIONS.iter().enumerate().skip(v as usize) {
        let tx = conn.unchecked_transaction().map_err(sq(path))?;
        tx.execute_batch(m).map_err(sq(path))?;
        after_migration(&tx, i + 1).map_err(sq(path))?;
        tx.execute_batch(&format!("PRAGMA user_version = {}", i + 1))
            .map_err(sq(path))?;
        tx.commit().map_err(sq(path))?;
    }
    Ok(())
}

/// Commit without waiting for the disk: only for `jifen gen`, whose data can
/// always be made again. Every other connection keeps `synchronous = FULL`.
pub fn skip_fsync(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch("PRAGMA synchronous = OFF")
}
