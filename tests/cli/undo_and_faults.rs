//! Through the real binary: `--branch A undo` takes back A's last action and
//! never B's; an import of any size is undone in one step; storage faults
//! (a read-only file, a busy or clashing database) reach a person as words in
//! their language, never as SQLite's own message.

use crate::common::cli::{jifen, ok};
use jifen::app::CoreError;
use jifen::i18n::meeting::core_error;
use jifen::i18n::Lang;
use std::path::Path;

/// SQLite's own words that must never reach a person.
const RAW: &[&str] = &[
    "attempt to write a readonly database",
    "database is locked",
    "UNIQUE constraint failed",
    "readonly",
];

fn assert_no_raw(msg: &str) {
    for raw in RAW {
        assert!(!msg.contains(raw), "SQLite's words reached a person: {msg}");
    }
}

/// A database with branches A and B, a member and an open 2026Q4 in each.
fn two_branches(db: &Path) {
    ok(db, &["--branch", "A", "init", "--scheme", "bureau-80"]);
    ok(db, &["--branch", "B", "init", "--scheme", "bureau-80"]);
    ok(db, &["--branch", "A", "member", "add", "张伟"]);
    ok(db, &["--branch", "B", "member", "add", "李娜"]);
    ok(db, &["--branch", "A", "period", "open", "2026Q4"]);
}

/// The statuses of a branch's claims, by id.
fn statuses(db: &Path, branch: &str) -> Vec<(i64, String)> {
    let out = ok(
        db,
        &["--branch", branch, "claim", "list", "--format", "json"],
    );
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    v.as_array()
        .expect("array")
        .iter()
        .map(|c| {
            (
                c["id"].as_i64().expect("id"),
                c["status"].as_str().expect("status").to_string(),
            )
        })
        .collect()
}

#[test]
fn undo_in_branch_a_never_touches_branch_b() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("two.sqlite");
    two_branches(&db);
    assert_eq!(
        ok(
            &db,
            &["--branch", "A", "claim", "add", "张伟", "other.blood"]
        )
        .trim(),
        "1"
    );
    ok(&db, &["--branch", "A", "verdict", "1", "approve"]);
    // B works after A: opens its period, adds and approves a claim.
    ok(&db, &["--branch", "B", "period", "open", "2026Q4"]);
    assert_eq!(
        ok(
            &db,
            &["--branch", "B", "claim", "add", "李娜", "other.blood"]
        )
        .trim(),
        "2"
    );
    ok(&db, &["--branch", "B", "verdict", "2", "approve"]);
    let out = ok(&db, &["--branch", "A", "undo"]);
    assert_eq!(out.trim(), "undone: verdict on claim #1 of 张伟");
    assert_eq!(statuses(&db, "A"), vec![(1, "pending".to_string())]);
    assert_eq!(statuses(&db, "B"), vec![(2, "approved".to_string())]);
    let out = ok(&db, &["--branch", "B", "undo"]);
    assert_eq!(out.trim(), "undone: verdict on claim #2 of 李娜");
    assert_eq!(statuses(&db, "A"), vec![(1, "pending".to_string())]);
    ok(&db, &["verify"]);
}

#[test]
fn an_import_of_30000_rows_is_undone_in_one_step() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("big.sqlite");
    two_branches(&db);
    ok(&db, &["--branch", "B", "period", "open", "2026Q4"]);
    assert_eq!(
        ok(
            &db,
            &["--branch", "B", "claim", "add", "李娜", "other.blood"]
        )
        .trim(),
        "1"
    );
    let mut text = String::from("member,item,level,count,points,date,note,period\n");
    for i in 0..30_000 {
        text.push_str(&format!(
            "张伟,other.blood,,1,,2026-11-0{},第{i}行,2026Q4\n",
            i % 9 + 1
        ));
    }
    let csv = dir.path().join("claims.csv");
    std::fs::write(&csv, text).expect("write");
    let out = ok(
        &db,
        &[
            "--branch",
            "A",
            "claim",
            "import",
            csv.to_str().expect("path"),
        ],
    );
    assert!(out.contains("30000"), "{out}");
    assert_eq!(statuses(&db, "A").len(), 30_000);
    let out = ok(&db, &["--branch", "A", "undo"]);
    assert_eq!(out.trim(), "undone: import of 30000 claims (#2 on)");
    assert!(
        statuses(&db, "A").is_empty(),
        "every imported claim is withdrawn"
    );
    assert_eq!(statuses(&db, "B"), vec![(1, "pending".to_string())]);
    // Nothing of A is left to undo before its import but its period's opening.
    let o = jifen(&db, &["--branch", "A", "undo"]);
    assert_eq!(o.status.code(), Some(1));
    ok(&db, &["verify"]);
}

/// Makes a file unwritable even for root (`chattr +i`), undone on drop.
struct Unwritable<'a>(&'a Path, bool);

impl<'a> Unwritable<'a> {
    /// `None` where the file cannot be made unwritable here.
    fn make(p: &'a Path) -> Option<Unwritable<'a>> {
        let mut perm = std::fs::metadata(p).ok()?.permissions();
        perm.set_readonly(true);
        std::fs::set_permissions(p, perm).ok()?;
        if std::fs::OpenOptions::new().write(true).open(p).is_err() {
            return Some(Unwritable(p, false));
        }
        let immutable = std::process::Command::new("chattr")
            .arg("+i")
            .arg(p)
            .status()
            .is_ok_and(|s| s.success());
        let writable = std::fs::OpenOptions::new().write(true).open(p).is_ok();
        (immutable && !writable).then_some(Unwritable(p, true))
    }
}

impl Drop for Unwritable<'_> {
    fn drop(&mut self) {
        if self.1 {
            let _ = std::process::Command::new("chattr")
                .arg("-i")
                .arg(self.0)
                .status();
        }
    }
}

#[test]
fn a_read_only_database_is_said_in_words_in_both_languages() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("ro.sqlite");
    two_branches(&db);
    ok(
        &db,
        &["--branch", "A", "claim", "add", "张伟", "other.blood"],
    );
    let Some(_guard) = Unwritable::make(&db) else {
        eprintln!("skipped: this system cannot make a file read-only for this user");
        return;
    };
    let o = jifen(&db, &["--branch", "A", "verdict", "1", "approve"]);
    assert_eq!(o.status.code(), Some(1));
    let en = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(
        en.contains("ro.sqlite") && en.contains("cannot be written"),
        "{en}"
    );
    assert_no_raw(&en);
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_jifen"))
        .arg("--db")
        .arg(&db)
        .args(["--lang", "zh", "--branch", "A", "verdict", "1", "approve"])
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(1));
    let zh = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(zh.contains("ro.sqlite") && zh.contains("不能写入"), "{zh}");
    assert_no_raw(&zh);
}

/// The error a real SQLite failure becomes, in both languages.
fn words_of(e: rusqlite::Error) -> (CoreError, String, String) {
    let e = CoreError::from(e);
    let en = core_error(Lang::En, &e);
    let zh = core_error(Lang::Zh, &e);
    assert_no_raw(&en);
    assert_no_raw(&zh);
    (e, en, zh)
}

#[test]
fn a_busy_database_is_known_by_its_code_and_said_in_words() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("busy.sqlite");
    let holder = rusqlite::Connection::open(&path).expect("open");
    holder
        .execute_batch("CREATE TABLE t (x); BEGIN EXCLUSIVE; INSERT INTO t VALUES (1);")
        .expect("hold the database");
    let other = rusqlite::Connection::open(&path).expect("open");
    other
        .busy_timeout(std::time::Duration::ZERO)
        .expect("no wait");
    let raw = other.execute("INSERT INTO t VALUES (2)", []).unwrap_err();
    let (e, en, zh) = words_of(raw);
    assert!(e.is_busy(), "{e:?}");
    assert!(en.contains("busy"), "{en}");
    assert!(zh.contains("稍后再试"), "{zh}");
    let e = e.at_path(&path);
    assert!(core_error(Lang::En, &e).starts_with(&format!("{}: ", path.display())));
}

#[test]
fn a_key_clash_is_said_in_words() {
    let c = rusqlite::Connection::open_in_memory().expect("memory");
    c.execute_batch("CREATE TABLE branch (name TEXT UNIQUE); INSERT INTO branch VALUES ('A');")
        .expect("schema");
    let raw = c
        .execute("INSERT INTO branch VALUES ('A')", [])
        .unwrap_err();
    let (e, en, zh) = words_of(raw);
    assert!(!e.is_busy());
    assert!(en.contains("already exists"), "{en}");
    assert!(zh.contains("相同"), "{zh}");
}
