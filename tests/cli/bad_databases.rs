//! Bad databases and bad environments, each through the real binary: a
//! newer or foreign file, a read-only or full disk, hostile counts and
//! names, broken holiday files: exit 1, a message naming the place, and
//! nothing changed.

use super::bad_inputs::*;
use crate::common;
use common::cli::{jifen, ok};
use std::path::Path;
use std::process::{Command, Output};

#[test]
fn a_database_from_a_newer_version() {
    let c = Case::new();
    {
        let conn = rusqlite::Connection::open(&c.db).expect("open");
        conn.execute_batch("PRAGMA user_version = 99")
            .expect("bump");
    }
    let before = fingerprint(&c.db);
    for args in [
        &["rank"][..],
        &["verdict", "1", "approve"],
        &["member", "add", "王五"],
    ] {
        let o = jifen(&c.db, args);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {err}");
        assert!(err.contains("branch.sqlite"), "{err}");
        assert!(err.contains("99") && err.contains("newer"), "{err}");
    }
    assert_eq!(fingerprint(&c.db), before);
}

#[test]
fn not_a_database() {
    let c = Case::new();
    let junk = c.file("notes.sqlite", b"this is not a database, just some notes\n");
    let o = jifen(&junk, &["rank"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("notes.sqlite"), "{err}");
    assert_eq!(
        std::fs::read(&junk).expect("read"),
        b"this is not a database, just some notes\n"
    );
}

/// The effective user id, without libc: the owner of a file we just made.
fn euid(dir: &Path) -> u32 {
    use std::os::unix::fs::MetadataExt;
    let p = dir.join(".whoami");
    std::fs::write(&p, b"").expect("probe");
    let uid = std::fs::metadata(&p).expect("probe").uid();
    let _ = std::fs::remove_file(&p);
    uid
}

#[test]
fn a_read_only_database_file() {
    use std::os::unix::fs::PermissionsExt;
    let c = Case::new();
    // The read-only view jifen itself exposes (the board): writes are refused.
    {
        let mut l = jifen::app::Ledger::open_read_only(&c.db, None).expect("ro");
        let e = l
            .verdict(1, jifen::domain::model::Outcome::Approved, None, None)
            .expect_err("read-only");
        assert!(e.to_string().contains("read-only"), "{e}");
    }
    // Root ignores file permissions; run the binary as `nobody` then. Where
    // that is not possible either, the case is skipped (said on stderr).
    let root = euid(c.dir.path()) == 0;
    let setpriv = Path::new("/usr/bin/setpriv");
    if root && !setpriv.exists() {
        eprintln!("skipped: running as root without setpriv, permissions cannot bite");
        return;
    }
    let before = fingerprint(&c.db);
    std::fs::set_permissions(&c.db, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    std::fs::set_permissions(c.dir.path(), std::fs::Permissions::from_mode(0o555))
        .expect("chmod dir");
    let run = |args: &[&str]| -> Output {
        let mut cmd = if root {
            let mut c = Command::new(setpriv);
            c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
                .arg(env!("CARGO_BIN_EXE_jifen"));
            c
        } else {
            Command::new(env!("CARGO_BIN_EXE_jifen"))
        };
        cmd.arg("--db")
            .arg(&c.db)
            .args(args)
            .env("LANG", "en_US.UTF-8")
            .env("HOME", "/nonexistent")
            .output()
            .expect("run jifen")
    };
    let o = run(&["verdict", "1", "approve"]);
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    std::fs::set_permissions(c.dir.path(), std::fs::Permissions::from_mode(0o755))
        .expect("chmod dir back");
    std::fs::set_permissions(&c.db, std::fs::Permissions::from_mode(0o644)).expect("chmod back");
    if root && err.contains("setpriv") {
        eprintln!("skipped: setpriv could not drop privileges here: {err}");
        return;
    }
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("branch.sqlite"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(fingerprint(&c.db), before);
    jifen::app::verify(&c.db, None).expect("verify");
}

/// A full disk, cheaply and honestly: the child may not grow any file past a
/// limit (RLIMIT_FSIZE via the shell's `ulimit -f`, with SIGXFSZ ignored so
/// the write fails with EFBIG as it would with ENOSPC). A large import then
/// runs out of room in the middle of its transaction.
#[test]
fn a_full_disk_during_an_import() {
    let c = Case::new();
    let size = std::fs::metadata(&c.db).expect("db").len();
    let mut text = String::from("name,category,tier,group\n");
    for i in 0..20_000 {
        text.push_str(&format!("成员{i:05},full,,第{}小组\n", i % 7));
    }
    let f = c.file("members.csv", text.as_bytes());
    let before = fingerprint(&c.db);
    // Blocks of 512 bytes: room for the database as it is and 64 KiB more.
    let blocks = size / 512 + 128;
    let script = format!(
        "ulimit -f {blocks} && trap '' XFSZ && exec \"$0\" --db \"$1\" member import \"$2\""
    );
    let o = Command::new("sh")
        .args(["-c", &script, env!("CARGO_BIN_EXE_jifen")])
        .arg(&c.db)
        .arg(&f)
        .env("LANG", "en_US.UTF-8")
        .output()
        .expect("sh");
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("branch.sqlite"), "names the database: {err}");
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(fingerprint(&c.db), before, "nothing of the import was kept");
    jifen::app::verify(&c.db, None).expect("verify");
    // With room again the same import goes through.
    ok(&c.db, &["member", "import", f.to_str().expect("path")]);
}

#[test]
fn a_count_beyond_any_quarter_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("n.sqlite");
    let mut l = jifen::app::Ledger::init(&db, "数字支部", "bureau-80", None).expect("init");
    l.open_period("2026Q4").expect("period");
    drop(l);
    common::cli::ok(&db, &["member", "add", "张伟"]);
    let before = std::fs::read(&db).expect("read");
    for count in ["9223372036854775807", "1001", "0"] {
        let out = common::cli::jifen(
            &db,
            &["claim", "add", "张伟", "other.blood", "--count", count],
        );
        assert_eq!(out.status.code(), Some(1), "count {count}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("count must be from 1 to 1000"),
            "{count}: {err}"
        );
    }
    assert_eq!(std::fs::read(&db).expect("read"), before);
    let listed = common::cli::ok(&db, &["claim", "list", "--format", "json"]);
    assert_eq!(listed.trim(), "[]");
}

#[test]
fn control_characters_never_enter_a_name_nor_reach_the_terminal() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("c.sqlite");
    let mut l = jifen::app::Ledger::init(&db, "文本支部", "bureau-80", None).expect("init");
    l.open_period("2026Q4").expect("period");
    drop(l);
    for name in [
        "张\u{1b}[2J伟",
        "李\u{7}强",
        "王\n芳",
        "钱\u{1b}]52;c;aGk=\u{7}",
    ] {
        let out = common::cli::jifen(&db, &["member", "add", name]);
        assert_eq!(out.status.code(), Some(1), "{name:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("control characters"), "{err}");
        assert!(!err.chars().any(|c| c.is_control() && c != '\n'), "{err:?}");
    }
    // A name given on the command line that matches nobody is echoed back
    // without its escapes.
    let out = common::cli::jifen(&db, &["claim", "add", "张\u{1b}[2J伟", "other.blood"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains('\u{1b}'), "{err:?}");
    let listed = common::cli::ok(&db, &["member", "list"]);
    assert!(!listed.contains('\u{1b}'));
}

#[test]
fn a_broken_holiday_file_refuses_the_lock_before_anything_is_locked() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("h.sqlite");
    let mut l = jifen::app::Ledger::init(&db, "日历支部", "bureau-80", None).expect("init");
    l.open_period("2026Q4").expect("period");
    drop(l);
    common::cli::ok(&db, &["member", "add", "张伟"]);
    std::fs::write(dir.path().join("holidays.toml"), "[[[ not toml").expect("write");
    let out = common::cli::jifen(&db, &["lock", "2026Q4"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("holidays.toml"), "{err}");
    let l = jifen::app::Ledger::open(&db, None).expect("open");
    let p = l
        .period_row(&"2026Q4".parse().expect("p"))
        .expect("row")
        .expect("row");
    assert_eq!(
        p.state,
        jifen::domain::model::PeriodState::Open,
        "nothing was locked"
    );
}

#[test]
fn an_empty_file_is_not_turned_into_a_ledger() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("empty.sqlite");
    std::fs::write(&db, b"").expect("write");
    for args in [&["rank"][..], &["member", "add", "张伟"], &["verify"]] {
        let out = common::cli::jifen(&db, args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert_eq!(std::fs::metadata(&db).expect("meta").len(), 0, "{args:?}");
    }
}

/// The column of a claim error comes from the error's field, for every field.
#[test]
fn csv_errors_name_the_field_they_are_about() {
    let h = "member,item,level,count,points,date,note,period,verdict,reason";
    for (row, needles) in [
        (
            "张伟,other.blood,,1,,2026-13-01,,2026Q4,,",
            ["column 'date'", "2026-13-01"],
        ),
        (
            "张伟,other.blood,,1,,2026-01-05,,2026Q4,,",
            ["column 'date'", "outside"],
        ),
        (
            "张伟,other.blood,,1,,,,2026Q5,,",
            ["column 'period'", "2026Q5"],
        ),
        (
            "张伟,other.blood,,0,,,,2026Q4,,",
            ["column 'count'", "got 0"],
        ),
        (
            "张伟,work.speech,,1,,,,2026Q4,,",
            ["column 'level'", "needs a level"],
        ),
        (
            "张伟,other.blood,,1,,,,2026Q4,rejected,",
            ["column 'reason'", "reason"],
        ),
        (
            "张伟,other.blood,,1,,,,2026Q4,adjusted,多算",
            ["column 'verdict'", "approved or rejected"],
        ),
    ] {
        let mut all = vec!["claims.csv:2"];
        all.extend(needles);
        bad_import(
            "claim",
            "claims.csv",
            format!("{h}\n{row}\n").as_bytes(),
            &all,
        );
    }
}
