//! A large claim import into a database that no other connection holds is
//! written once: its write uses a rollback journal, so its pages go into the
//! file and not first into the WAL, and the database is in WAL mode again
//! after. With another connection open the import keeps WAL. Either way it is
//! all or nothing, and a `claim add` during it gets its own id.

use crate::bad_inputs::{fingerprint, fingerprint_beside_counter};
use crate::common::cli::{jifen, ok};
use crate::storage::{branch, claims_json};
use jifen::app::{verify, Ledger};
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

/// Rows enough for a file over the size that is written once (1 MiB).
const ROWS: usize = 24_000;

/// A claims file of `rows` rows for the 20 members of `storage::branch`; the
/// row `bad` (counted from 0), if any, names a member who is not there.
fn claims_file(dir: &Path, rows: usize, bad: Option<usize>) -> PathBuf {
    let mut text = String::from("member,item,level,count,points,date,note,period,verdict\n");
    for i in 0..rows {
        let who = if Some(i) == bad {
            "查无此人".to_string()
        } else {
            format!("成员{:02}", i % 20)
        };
        text.push_str(&format!(
            "{who},bonus.contribution,,1,{},2026-10-0{},第{i}条,2026Q4,approved\n",
            1 + i % 5,
            1 + i % 9
        ));
    }
    let p = dir.join("claims.csv");
    std::fs::write(&p, text).expect("write");
    assert!(std::fs::metadata(&p).expect("csv").len() > 1 << 20);
    p
}

/// Bytes in the database's WAL file (0 when there is none).
fn wal_len(db: &Path) -> u64 {
    let mut wal = db.as_os_str().to_owned();
    wal.push("-wal");
    std::fs::metadata(wal).map_or(0, |m| m.len())
}

/// The journal mode the database file is in, as a new connection finds it.
fn journal_mode(db: &Path) -> String {
    let c = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY).expect("open");
    c.query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .expect("journal_mode")
}

/// A reader holding the database open, as a board does.
fn holder(db: &Path) -> Connection {
    let c = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY).expect("open");
    let n: i64 = c
        .query_row("SELECT count(*) FROM claim", [], |r| r.get(0))
        .expect("count");
    assert_eq!(n, 0);
    c
}

#[test]
fn a_large_import_alone_is_written_once_and_leaves_the_database_in_wal() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("once.sqlite");
    branch(&db, "village-quarterly", 20);
    let csv = claims_file(dir.path(), ROWS, None);
    let before = std::fs::metadata(&db).expect("db").len();
    let mut l = Ledger::open(&db, None).expect("open");
    assert_eq!(l.import_claims(&csv).expect("import"), ROWS);
    // Still open: a WAL write would have left every new page in the WAL
    // until the connection closes.
    let grown = std::fs::metadata(&db).expect("db").len() - before;
    assert!(
        grown > (ROWS * 60) as u64,
        "the rows are in the file: {grown}"
    );
    assert!(
        wal_len(&db) < grown / 20,
        "not written through the WAL: {} of {grown}",
        wal_len(&db)
    );
    drop(l);
    assert_eq!(journal_mode(&db), "wal");
    assert_eq!(claims_json(&db).len(), ROWS);
    verify(&db, None).expect("verify");
}

#[test]
fn a_large_import_while_another_connection_holds_the_database_keeps_wal() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("held.sqlite");
    branch(&db, "village-quarterly", 20);
    let csv = claims_file(dir.path(), ROWS, None);
    let board = holder(&db);
    let before = std::fs::metadata(&db).expect("db").len();
    let mut l = Ledger::open(&db, None).expect("open");
    assert_eq!(l.import_claims(&csv).expect("import"), ROWS);
    let in_wal = wal_len(&db);
    assert!(
        in_wal > (ROWS * 60) as u64,
        "written through the WAL: {in_wal} (file grew {})",
        std::fs::metadata(&db).expect("db").len() - before
    );
    let seen: i64 = board
        .query_row("SELECT count(*) FROM claim", [], |r| r.get(0))
        .expect("count");
    assert_eq!(seen as usize, ROWS, "the reader sees the whole import");
    drop(l);
    drop(board);
    assert_eq!(journal_mode(&db), "wal");
    verify(&db, None).expect("verify");
}

#[test]
fn a_refused_large_import_keeps_nothing_in_either_mode() {
    for held in [false, true] {
        let dir = tempfile::tempdir().expect("dir");
        let db = dir.path().join("refused.sqlite");
        branch(&db, "village-quarterly", 20);
        let csv = claims_file(dir.path(), ROWS, Some(ROWS - 3));
        let board = held.then(|| holder(&db));
        let (before, before_beside) = (fingerprint(&db), fingerprint_beside_counter(&db));
        let o = jifen(&db, &["claim", "import", csv.to_str().expect("path")]);
        assert_eq!(o.status.code(), Some(1), "held {held}: {o:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains(&format!(":{}:", ROWS - 1)),
            "held {held}: {err}"
        );
        drop(board);
        if held {
            // WAL kept: the file is byte for byte as it was.
            assert_eq!(fingerprint(&db), before, "held: nothing was kept");
        } else {
            // Written once: only SQLite's header counter moved.
            assert_eq!(
                fingerprint_beside_counter(&db),
                before_beside,
                "alone: nothing was kept"
            );
        }
        assert_eq!(journal_mode(&db), "wal", "held {held}");
        verify(&db, None).expect("verify");
    }
}

#[test]
fn claim_add_during_a_large_import_written_once_gets_its_own_id() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("add.sqlite");
    branch(&db, "village-quarterly", 20);
    let rows = ROWS * 3;
    let csv = claims_file(dir.path(), rows, None);
    let import = std::process::Command::new(env!("CARGO_BIN_EXE_jifen"))
        .arg("--db")
        .arg(&db)
        .args(["--lang", "en", "claim", "import"])
        .arg(&csv)
        .spawn()
        .expect("spawn import");
    let mut ids = Vec::new();
    for k in 0..6 {
        let note = format!("会上补报{k}");
        let out = ok(
            &db,
            &[
                "claim",
                "add",
                "成员03",
                "bonus.contribution",
                "--points",
                "2",
                "--note",
                &note,
            ],
        );
        ids.push(out.trim().parse::<i64>().expect("id"));
    }
    assert!(import.wait_with_output().expect("import").status.success());
    let all = claims_json(&db);
    assert_eq!(all.len(), rows + ids.len());
    let mut every: Vec<i64> = all.iter().map(|c| c["id"].as_i64().expect("id")).collect();
    every.sort_unstable();
    every.dedup();
    assert_eq!(every.len(), rows + ids.len(), "every claim has its own id");
    assert_eq!(journal_mode(&db), "wal");
    verify(&db, None).expect("verify");
}
