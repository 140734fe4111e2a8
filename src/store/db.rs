//! Opening the database: the one place that sets pragmas and runs migrations.

use rusqlite::{Connection, OpenFlags};
use std::path::Path;
use std::time::Duration;

/// The connection every layer above holds: only `store` works with it.
pub type Db = Connection;
/// What SQLite answers when a statement fails.
pub type SqlError = rusqlite::Error;

/// Prepared statements kept per connection.
const STATEMENT_CACHE: usize = 128;

/// Schema version this build writes.
pub const SCHEMA_VERSION: i64 = 18;

const MIGRATIONS: &[&str] = &[
    include_str!("migrations/001.sql"),
    include_str!("migrations/002.sql"),
    include_str!("migrations/003.sql"),
    include_str!("migrations/004.sql"),
    include_str!("migrations/005.sql"),
    include_str!("migrations/006.sql"),
    include_str!("migrations/007.sql"),
    include_str!("migrations/008.sql"),
    include_str!("migrations/009.sql"),
    include_str!("migrations/010.sql"),
    include_str!("migrations/011.sql"),
    include_str!("migrations/012.sql"),
    include_str!("migrations/013.sql"),
    include_str!("migrations/014.sql"),
    include_str!("migrations/015.sql"),
    include_str!("migrations/016.sql"),
    include_str!("migrations/017.sql"),
    include_str!("migrations/018.sql"),
];

/// Work a migration does in Rust before its SQL, by the version it brings.
fn before_migration(conn: &Connection, version: usize) -> rusqlite::Result<()> {
    if version == 7 {
        super::fold_packs::fold(conn)?;
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
    set_up_sqlite();
    let conn = Connection::open(path).map_err(sq(path))?;
    // A bulk import writing with a rollback journal blocks reads while it
    // commits: wait for it as `configure` will.
    conn.busy_timeout(WRITER_WAIT).map_err(sq(path))?;
    // Another program's database is left exactly as it is (not even switched to WAL).
    refuse_foreign(&conn, path)?;
    configure(&conn, path, false)?;
    migrate(&conn, path)?;
    Ok(conn)
}

/// Whether this process may write the database file and create its journal
/// files beside it (a read-only folder, a file of mode 444, a CD: no).
pub fn can_write(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let w = |p: &Path| {
            std::ffi::CString::new(p.as_os_str().as_bytes())
                // SAFETY: `c` is a NUL-terminated path that outlives the call.
                .is_ok_and(|c| unsafe { libc::access(c.as_ptr(), libc::W_OK) } == 0)
        };
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        w(path) && w(dir)
    }
    #[cfg(not(unix))]
    {
        std::fs::metadata(path).is_ok_and(|m| !m.permissions().readonly())
    }
}

/// Open an existing database read-only (the room display).
pub fn open_ro(path: &Path) -> Result<Connection, OpenError> {
    set_up_sqlite();
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(read_uri(path), flags | OpenFlags::SQLITE_OPEN_URI)
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
    set_up_sqlite();
    let conn = open_ro(path)?;
    conn.execute_batch("PRAGMA mmap_size = 17179869184; PRAGMA cache_size = -262144;")
        .map_err(sq(path))?;
    Ok(conn)
}

/// Whether no writer can change the file: its folder can be written by no
/// one (no mode bit, or a read-only mount) and no WAL journal lies beside it.
fn nobody_can_write(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        let mut wal = path.as_os_str().to_owned();
        wal.push("-wal");
        if Path::new(&wal).exists() || can_write(dir) {
            return false;
        }
        let no_write_bits =
            std::fs::metadata(dir).is_ok_and(|m| m.permissions().mode() & 0o222 == 0);
        no_write_bits || read_only_mount(dir)
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        false
    }
}

/// Whether the file system holding `dir` is mounted read-only.
#[cfg(any(target_os = "linux", target_os = "android"))]
fn read_only_mount(dir: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    let Ok(c) = std::ffi::CString::new(dir.as_os_str().as_bytes()) else {
        return false;
    };
    // SAFETY: `c` is a NUL-terminated path and `st` a zeroed struct that
    // both outlive the call.
    unsafe {
        let mut st: libc::statvfs = std::mem::zeroed();
        libc::statvfs(c.as_ptr(), &mut st) == 0 && st.f_flag & libc::ST_RDONLY != 0
    }
}

/// `path` as an SQLite URI that opens it read-only (for a connection or an
/// `ATTACH`). A WAL database needs its `-shm` file beside it even to be
/// read; where no one can create it (a read-only share, a CD) and no journal
/// is left, the file cannot change and is read as immutable.
pub fn read_uri(path: &Path) -> String {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut uri = String::from(if cfg!(windows) { "file:/" } else { "file:" });
    for &b in abs.as_os_str().as_encoded_bytes() {
        if cfg!(windows) && b == b'\\' {
            uri.push('/');
        } else if b.is_ascii_alphanumeric() || b"/-._~:".contains(&b) {
            uri.push(b as char);
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri.push_str("?mode=ro");
    if nobody_can_write(path) {
        uri.push_str("&immutable=1");
    }
    uri
}

/// Elsewhere a read-only mount is known by its folder's mode bits alone.
#[cfg(all(unix, not(any(target_os = "linux", target_os = "android"))))]
fn read_only_mount(_dir: &Path) -> bool {
    false
}

/// An in-memory database with the current schema (used by `verify` replays).
/// The schema is copied page by page from a migrated template the thread
/// keeps: running the migrations took 18 ms, which was half of checking a
/// branch's filing (a committee receives 2,000 of them at once).
pub fn open_memory() -> Result<Connection, OpenError> {
    set_up_sqlite();
    let p = Path::new(":memory:");
    let mut conn = Connection::open_in_memory().map_err(sq(p))?;
    conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    TEMPLATE.with(|t| -> Result<(), OpenError> {
        let mut t = t.borrow_mut();
        if t.is_none() {
            let fresh = Connection::open_in_memory().map_err(sq(p))?;
            migrate(&fresh, p)?;
            *t = Some(fresh);
        }
        if let Some(template) = t.as_ref() {
            let b = rusqlite::backup::Backup::new(template, &mut conn).map_err(sq(p))?;
            b.step(-1).map_err(sq(p))?;
        }
        Ok(())
    })?;
    conn.execute_batch("PRAGMA foreign_keys = ON;")
        .map_err(sq(p))?;
    migrate(&conn, p)?;
    Ok(conn)
}

/// Configure SQLite once, before its first connection: no allocation
/// statistics (jifen reads none). Kept, SQLite counts every allocation under
/// one lock for the whole process, and filings checked on two threads spent
/// about a sixth of their time waiting for it (`benches/RESULTS.md`,
/// twelfth pass). After SQLite has started, the call is refused and changes
/// nothing.
fn set_up_sqlite() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        // SAFETY: SQLITE_CONFIG_MEMSTATUS takes one int. sqlite3_config must
        // not run beside SQLite's start-up on another thread: this runs
        // before the first connection jifen opens (every one is opened here,
        // in `store`), and `Once` keeps two threads from running it at once.
        // After start-up it returns SQLITE_MISUSE, ignored.
        unsafe {
            rusqlite::ffi::sqlite3_config(
                rusqlite::ffi::SQLITE_CONFIG_MEMSTATUS,
                std::ffi::c_int::from(0u8),
            );
        }
    });
}

thread_local! {
    /// A migrated, empty in-memory database that [`open_memory`] copies.
    static TEMPLATE: std::cell::RefCell<Option<Connection>> = const { std::cell::RefCell::new(None) };
    /// The thread's replay database between replays: empty, its schema read
    /// and its statements prepared (see [`replay_db`]).
    static REPLAY: std::cell::RefCell<Option<Connection>> = const { std::cell::RefCell::new(None) };
}

/// An empty in-memory database for one replay, inside a transaction that
/// [`keep_replay_db`] rolls back. The thread's last one is used again: a
/// fresh copy spent half of a filing's check reading the schema and
/// preparing statements anew, and a committee checks 2,000 filings at once
/// (`benches/RESULTS.md`, twelfth pass).
pub fn replay_db() -> Result<Connection, OpenError> {
    let conn = match REPLAY.with(|r| r.borrow_mut().take()) {
        Some(c) => c,
        None => open_memory()?,
    };
    conn.execute_batch("BEGIN")
        .map_err(sq(Path::new(":memory:")))?;
    Ok(conn)
}

/// Give back a database [`replay_db`] lent: everything the replay wrote is
/// rolled back, and the empty database kept for the thread's next replay
/// (dropped instead if it cannot be rolled back).
pub fn keep_replay_db(conn: Connection) {
    if conn.execute_batch("ROLLBACK").is_ok() && conn.is_autocommit() {
        REPLAY.with(|r| *r.borrow_mut() = Some(conn));
    }
}

/// How long a writer waits for another's lock, and a reader for a commit.
pub const WRITER_WAIT: Duration = Duration::from_secs(60);
const READER_WAIT: Duration = Duration::from_secs(10);

fn configure(conn: &Connection, path: &Path, read_only: bool) -> Result<(), OpenError> {
    // Every hot path uses a cached statement; keep them all (the default of
    // 16 made the console re-prepare several statements on every key press).
    conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    // A writer waits for another (an import of a large file can hold the
    // write lock for many seconds); readers never wait long in WAL mode.
    let wait = if read_only { READER_WAIT } else { WRITER_WAIT };
    conn.busy_timeout(wait).map_err(sq(path))?;
    if !read_only {
        // A bulk import may be writing with a rollback journal
        // (`write_once`): wait for it as for its write lock.
        back_to_wal(conn, wait).map_err(|e| match e {
            rusqlite::Error::ToSqlConversionFailure(what) => OpenError::Pragma {
                path: path.display().to_string(),
                what: what.to_string(),
            },
            e => sq(path)(e),
        })?;
    }
    conn.execute_batch("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA cache_size = -16384; PRAGMA temp_store = MEMORY;")
        // -16384: the everyday page cache (`EVERYDAY_CACHE_KIB`).
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

/// A database with tables but no jifen schema version is another program's.
fn refuse_foreign(conn: &Connection, path: &Path) -> Result<(), OpenError> {
    if user_version(conn, path)? != 0 {
        return Ok(());
    }
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
    Ok(())
}

/// Copy the database at `src` to `dest` with the backup API, through a
/// connection of its own: inside a caller's write transaction (which has
/// written nothing yet) the copy is exactly the state that write sees. The
/// copy is made under a temporary name and renamed into place, so an
/// interrupted backup never leaves a half-written file under `dest`.
pub fn copy_database(src: &Path, dest: &Path) -> Result<(), OpenError> {
    let from = open_ro(src)?;
    let part = partial_of(dest);
    let fail = |e: rusqlite::Error| OpenError::Sqlite {
        path: dest.display().to_string(),
        source: e,
    };
    let copied = (|| {
        let mut out = Connection::open(&part).map_err(fail)?;
        let b = rusqlite::backup::Backup::new(&from, &mut out).map_err(fail)?;
        b.run_to_completion(256, Duration::ZERO, None)
            .map_err(fail)?;
        drop(b);
        out.close().map_err(|(_, e)| fail(e))?;
        std::fs::rename(&part, dest).map_err(|e| OpenError::Pragma {
            path: dest.display().to_string(),
            what: format!("cannot put the copy in place: {e}"),
        })
    })();
    if copied.is_err() {
        remove_partial(&part);
    }
    copied
}

/// The name a copy to `dest` is written under until it is complete: hidden,
/// beside it, ending in `.partial` (never taken for a backup).
pub fn partial_of(dest: &Path) -> std::path::PathBuf {
    let name = dest
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    dest.with_file_name(format!(".{name}.partial"))
}

/// Remove a partial copy and any journal SQLite left beside it.
pub fn remove_partial(part: &Path) {
    for suffix in ["", "-journal", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", part.display()));
    }
}

/// Whether a database opened read-only is from an older jifen (not yet migrated).
pub fn is_older(conn: &Connection, path: &Path) -> Result<bool, OpenError> {
    Ok(user_version(conn, path)? < SCHEMA_VERSION)
}

/// A copy of an older database, migrated as this jifen would migrate it, in a
/// temporary file: read as this build reads, the original left untouched.
pub fn migrated_copy(conn: &Connection, path: &Path) -> Result<tempfile::TempPath, OpenError> {
    let tmp = tempfile::NamedTempFile::new()
        .map_err(|e| OpenError::Pragma {
            path: path.display().to_string(),
            what: format!("cannot make a temporary copy: {e}"),
        })?
        .into_temp_path();
    {
        let mut out = Connection::open(&tmp).map_err(sq(path))?;
        let b = rusqlite::backup::Backup::new(conn, &mut out).map_err(sq(path))?;
        b.run_to_completion(1024, Duration::ZERO, None)
            .map_err(sq(path))?;
    }
    let copy = Connection::open(&tmp).map_err(sq(path))?;
    migrate(&copy, path)?;
    Ok(tmp)
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
    refuse_foreign(conn, path)?;
    for (i, m) in MIGRATIONS.iter().enumerate().skip(v as usize) {
        let tx = conn.unchecked_transaction().map_err(sq(path))?;
        before_migration(&tx, i + 1).map_err(sq(path))?;
        tx.execute_batch(m).map_err(sq(path))?;
        tx.execute_batch(&format!("PRAGMA user_version = {}", i + 1))
            .map_err(sq(path))?;
        tx.commit().map_err(sq(path))?;
    }
    Ok(())
}

/// The page cache of a writer, in KiB: a branch's whole file fits many times.
const EVERYDAY_CACHE_KIB: i64 = 16 * 1024;

/// The page cache for one write of a history's worth of claims, in KiB. A
/// transaction that outgrows its cache spills pages into the WAL and reads
/// them back for the indexes and the re-scoring: on a million claims that
/// was a quarter of the import's time (`benches/RESULTS.md`, eighth pass).
const BULK_CACHE_KIB: i64 = 512 * 1024;

/// Give the connection a page cache large enough for a bulk write
/// (`large`), and a second thread for the sort that builds its indexes; or
/// the everyday cache and one thread again.
pub fn bulk_cache(conn: &Connection, large: bool) -> rusqlite::Result<()> {
    let (kib, threads) = if large {
        (BULK_CACHE_KIB, 2)
    } else {
        (EVERYDAY_CACHE_KIB, 0)
    };
    conn.execute_batch(&format!(
        "PRAGMA cache_size = -{kib}; PRAGMA threads = {threads};"
    ))
}

/// Whether SQLite answered that another connection holds the lock.
fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}

/// For one bulk write into a database no other connection holds: switch
/// from WAL to a rollback journal, so that its pages are written once, into
/// the file, instead of into the WAL and then again by the checkpoint. The
/// write is as atomic and crash-safe as in WAL (pages past the file's old end
/// need no journal; a crash rolls back from the journal). Returns whether it
/// switched: with another connection open (a board, a console, another
/// process) WAL is kept. [`back_to_wal`] must follow the write.
pub fn write_once(conn: &Connection) -> rusqlite::Result<bool> {
    match conn.query_row("PRAGMA journal_mode = DELETE", [], |r| {
        r.get::<_, String>(0)
    }) {
        Ok(mode) => Ok(mode.eq_ignore_ascii_case("delete")),
        Err(e) if is_busy(&e) => Ok(false),
        Err(e) => Err(e),
    }
}

/// Switch back to WAL after [`write_once`], waiting up to `wait` for other
/// connections that opened meanwhile to let go.
pub fn back_to_wal(conn: &Connection, wait: Duration) -> rusqlite::Result<()> {
    let until = std::time::Instant::now() + wait;
    loop {
        match conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0)) {
            Ok(mode) if mode.eq_ignore_ascii_case("wal") => return Ok(()),
            Ok(_) if std::time::Instant::now() < until => {}
            Err(e) if is_busy(&e) && std::time::Instant::now() < until => {}
            Ok(mode) => {
                return Err(rusqlite::Error::ToSqlConversionFailure(
                    format!("cannot switch back to WAL journal mode (got {mode})").into(),
                ))
            }
            Err(e) => return Err(e),
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Commit without waiting for the disk: only for `jifen gen`, whose data can
/// always be made again. Every other connection keeps `synchronous = FULL`.
pub fn skip_fsync(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch("PRAGMA synchronous = OFF")
}

/// Open a write transaction that holds the write lock from its first statement.
pub fn begin_immediate(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch("BEGIN IMMEDIATE")
}

/// Commit the transaction `begin_immediate` opened.
pub fn commit(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch("COMMIT")
}

/// Roll back an open transaction, if one is still open (SQLite may have
/// rolled it back itself).
pub fn rollback(conn: &Connection) {
    if !conn.is_autocommit() {
        let _ = conn.execute_batch("ROLLBACK");
    }
}

/// SQLite's data_version: changes whenever another connection commits.
pub fn data_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.prepare_cached("PRAGMA data_version")?
        .query_row([], |r| r.get(0))
}

/// How long a statement waits for another connection's write lock.
pub fn busy_timeout(conn: &Connection, wait: Duration) -> rusqlite::Result<()> {
    conn.busy_timeout(wait)
}

/// Run `f` inside an IMMEDIATE transaction and commit it only if `keep`
/// (otherwise everything `f` wrote is rolled back).
pub fn immediate<T, E: From<rusqlite::Error>>(
    conn: &mut Connection,
    keep: bool,
    f: impl FnOnce(&rusqlite::Transaction) -> Result<T, E>,
) -> Result<T, E> {
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let out = f(&tx)?;
    if keep {
        tx.commit()?;
    }
    Ok(out)
}
