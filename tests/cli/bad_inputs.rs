//! A corpus of bad inputs, each through the real binary: exit code 1 (2 for
//! bad arguments), a message naming the place (file:line and the column or
//! field), and the database unchanged, byte for byte and by `verify`.
//!
//! Big inputs (100,000 columns, a 50 MB field) are generated at test time.

use crate::common;
use common::cli::{jifen, ok};

use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

/// A branch with two members, an open period and one claim, written once
/// through the CLI (so the WAL is checkpointed and the file is complete).
fn template() -> &'static Path {
    static T: OnceLock<PathBuf> = OnceLock::new();
    T.get_or_init(|| {
        let dir = tempfile::tempdir().expect("tmp").keep();
        let db = dir.join("template.sqlite");
        ok(
            &db,
            &["init", "--branch", "第一支部", "--scheme", "bureau-80"],
        );
        ok(&db, &["member", "add", "张伟"]);
        ok(&db, &["member", "add", "李娜"]);
        ok(&db, &["period", "open", "2026Q4"]);
        ok(&db, &["claim", "add", "张伟", "other.blood"]);
        db
    })
}

/// A private copy of the template in its own folder.
pub(crate) struct Case {
    pub(crate) dir: tempfile::TempDir,
    pub(crate) db: PathBuf,
}

impl Case {
    pub(crate) fn new() -> Case {
        let dir = tempfile::tempdir().expect("tmp");
        let db = dir.path().join("branch.sqlite");
        std::fs::copy(template(), &db).expect("copy template");
        Case { dir, db }
    }

    pub(crate) fn file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let p = self.dir.path().join(name);
        std::fs::write(&p, bytes).expect("write input");
        p
    }

    /// Run a command that must fail with `code`, naming every `needle`, and
    /// leave the database as it was.
    pub(crate) fn refuse(&self, args: &[&str], code: i32, needles: &[&str]) -> String {
        let before = fingerprint(&self.db);
        let o = jifen(&self.db, args);
        let err = String::from_utf8_lossy(&o.stderr).into_owned();
        assert_eq!(
            o.status.code(),
            Some(code),
            "jifen {args:?} exit code; stderr: {}",
            clip(&err)
        );
        for n in needles {
            assert!(
                err.contains(n),
                "jifen {args:?}: message lacks {n:?}: {}",
                clip(&err)
            );
        }
        assert!(
            !err.contains("panicked"),
            "jifen {args:?} panicked: {}",
            clip(&err)
        );
        assert!(
            err.len() < 4096,
            "jifen {args:?}: a {} byte message is not a clear one: {}",
            err.len(),
            clip(&err)
        );
        assert_eq!(
            fingerprint(&self.db),
            before,
            "jifen {args:?} changed the db"
        );
        jifen::app::verify(&self.db, None).expect("verify after a refused input");
        err
    }
}

fn clip(s: &str) -> &str {
    match s.char_indices().nth(600) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// The database file's bytes and its journal head: equal means unchanged.
pub(crate) fn fingerprint(db: &Path) -> (String, i64, String, i64, i64) {
    let bytes = std::fs::read(db).expect("read db");
    let hash = hex::encode(Sha256::digest(&bytes));
    // Counted in a copy: a read-only connection to the file itself would
    // leave `-wal` and `-shm` files beside it.
    let copy = tempfile::tempdir().expect("tmp");
    let copied = copy.path().join("fingerprint.sqlite");
    std::fs::write(&copied, &bytes).expect("copy db");
    let c =
        rusqlite::Connection::open_with_flags(&copied, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .expect("open db");
    let (events, head): (i64, String) = c
        .query_row(
            "SELECT count(*), coalesce(max(hash), '') FROM event",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("events");
    let members: i64 = c
        .query_row("SELECT count(*) FROM member", [], |r| r.get(0))
        .expect("members");
    let claims: i64 = c
        .query_row("SELECT count(*) FROM claim", [], |r| r.get(0))
        .expect("claims");
    (hash, events, head, members, claims)
}

// ---- scheme files ----------------------------------------------------------

const SCHEME: &str = r#"id = "mine"
name = "Our branch"
base = 80
floor = 0

[year]
rule = "parts"

[process]
publication_days = 3
appeal_reply_days = 3

[[parts]]
id = "work"
name = "Work"
bonus_cap = 10

[[items]]
code = "work.good"
title = "Good work"
kind = "bonus"
part = "work"
points = 2

[[items]]
code = "late"
title = "Late"
kind = "deduction"
points = 1
"#;

fn bad_scheme(text: &str, needles: &[&str]) {
    let c = Case::new();
    let f = c.file("branch.toml", text.as_bytes());
    let f = f.to_str().expect("utf-8 path");
    let mut all = vec![f];
    all.extend_from_slice(needles);
    c.refuse(
        &["init", "--branch", "第二支部", "--scheme-file", f],
        1,
        &all,
    );
}

#[test]
fn the_good_scheme_file_is_accepted() {
    let c = Case::new();
    let f = c.file("branch.toml", SCHEME.as_bytes());
    ok(
        &c.db,
        &[
            "init",
            "--branch",
            "第二支部",
            "--scheme-file",
            f.to_str().expect("path"),
        ],
    );
}

#[test]
fn scheme_syntax_error() {
    bad_scheme(
        &SCHEME.replace("base = 80", "base = = 80"),
        &["branch.toml:3"],
    );
}

#[test]
fn scheme_unknown_field() {
    bad_scheme(
        &SCHEME.replace("points = 2", "pionts = 2"),
        &["branch.toml:23", "pionts"],
    );
}

#[test]
fn scheme_negative_cap() {
    bad_scheme(
        &SCHEME.replace("bonus_cap = 10", "bonus_cap = -10"),
        &["branch.toml:16", "bonus_cap"],
    );
}

#[test]
fn scheme_duplicate_code() {
    bad_scheme(
        &SCHEME.replace("code = \"late\"", "code = \"work.good\""),
        &["branch.toml:", "code", "duplicate"],
    );
}

#[test]
fn scheme_missing_part() {
    bad_scheme(
        &SCHEME.replace("part = \"work\"", "part = \"study\""),
        &["branch.toml:22", "part", "study"],
    );
}

#[test]
fn scheme_not_utf8_and_missing_file() {
    // "名称" in GBK.
    let mut gbk = SCHEME.replace("Our branch", "").into_bytes();
    let at = gbk.windows(4).position(|w| w == b"\"\"\nb").expect("name") + 1;
    gbk.splice(at..at, [0xC3, 0xFB, 0xB3, 0xC6]);
    let c = Case::new();
    let f = c.file("gbk.toml", &gbk);
    c.refuse(
        &[
            "init",
            "--branch",
            "第二支部",
            "--scheme-file",
            f.to_str().expect("path"),
        ],
        1,
        &["gbk.toml"],
    );
    let missing = c.dir.path().join("missing.toml");
    c.refuse(
        &[
            "init",
            "--branch",
            "第二支部",
            "--scheme-file",
            missing.to_str().expect("path"),
        ],
        1,
        &["missing.toml"],
    );
}

// ---- CSV imports -------------------------------------------------------------

fn bad_import(kind: &str, name: &str, bytes: &[u8], needles: &[&str]) -> String {
    let c = Case::new();
    let f = c.file(name, bytes);
    let f = f.to_str().expect("utf-8 path");
    c.refuse(&[kind, "import", f], 1, needles)
}

const CLAIMS_HEADER: &str = "member,item,level,count,points,date,note,period";

#[test]
fn a_good_claims_csv_is_accepted() {
    let c = Case::new();
    let f = c.file(
        "claims.csv",
        format!("{CLAIMS_HEADER}\n张伟,other.blood,,1,,2026-10-01,,2026Q4\n").as_bytes(),
    );
    ok(&c.db, &["claim", "import", f.to_str().expect("path")]);
}

#[test]
fn csv_wrong_header() {
    bad_import(
        "claim",
        "claims.csv",
        "name,item,points\n张伟,other.blood,1\n".as_bytes(),
        &["claims.csv:1", "wrong header", "member,item"],
    );
    bad_import(
        "member",
        "members.csv",
        "名字,类别\n张三,full\n".as_bytes(),
        &["members.csv:1", "wrong header", "name,category,tier,group"],
    );
}

#[test]
fn csv_gbk_bytes() {
    // "张三" in GBK on line 3.
    let mut bytes = b"name,category,tier,group\n".to_vec();
    bytes.extend_from_slice("赵六,full,,\n".as_bytes());
    bytes.extend_from_slice(&[0xD5, 0xC5, 0xC8, 0xFD]);
    bytes.extend_from_slice(b",full,,\n");
    bad_import(
        "member",
        "members.csv",
        &bytes,
        &["members.csv:3", "UTF-8", "GBK"],
    );
}

#[test]
fn csv_empty_name() {
    bad_import(
        "member",
        "members.csv",
        "name,category,tier,group\n赵六,full,,\n  ,full,,\n".as_bytes(),
        &["members.csv:3", "column 'name'", "empty"],
    );
}

#[test]
fn csv_unknown_member() {
    bad_import(
        "claim",
        "claims.csv",
        format!("{CLAIMS_HEADER}\n张伟,other.blood,,1,,,,2026Q4\n王五,other.blood,,1,,,,2026Q4\n")
            .as_bytes(),
        &["claims.csv:3", "column 'member'", "王五"],
    );
}

#[test]
fn csv_unknown_item() {
    bad_import(
        "claim",
        "claims.csv",
        format!("{CLAIMS_HEADER}\n张伟,other.nope,,1,,,,2026Q4\n").as_bytes(),
        &["claims.csv:2", "column 'item'", "other.nope"],
    );
}

#[test]
fn csv_points_out_of_bounds() {
    bad_import(
        "claim",
        "claims.csv",
        format!("{CLAIMS_HEADER}\n张伟,work.major-task,,1,9,,,2026Q4\n").as_bytes(),
        &["claims.csv:2", "column 'points'"],
    );
    bad_import(
        "claim",
        "claims.csv",
        format!("{CLAIMS_HEADER}\n张伟,work.major-task,,1,1e400,,,2026Q4\n").as_bytes(),
        &["claims.csv:2", "column 'points'"],
    );
}

#[test]
fn csv_duplicate_row() {
    bad_import(
        "claim",
        "claims.csv",
        format!(
            "{CLAIMS_HEADER}\n张伟,other.blood,,1,,,,2026Q4\n李娜,other.blood,,1,,,,2026Q4\n张伟,other.blood,,1,,,,2026Q4\n"
        )
        .as_bytes(),
        &["claims.csv:4", "duplicate row", "line 2"],
    );
    bad_import(
        "member",
        "members.csv",
        "name,category,tier,group\n赵六,full,,\n赵六,full,,\n".as_bytes(),
        &["members.csv:3", "column 'name'", "duplicate"],
    );
}

#[test]
fn csv_row_with_100000_columns() {
    let mut text = format!("{CLAIMS_HEADER}\n张伟,other.blood,,1,,,,2026Q4\n");
    text.push_str(&",".repeat(99_999));
    text.push_str("x\n");
    bad_import(
        "claim",
        "claims.csv",
        text.as_bytes(),
        &["claims.csv:3", "expected 8 fields", "found 100000"],
    );
    // The same width in the header line.
    let mut text = CLAIMS_HEADER.to_string();
    for i in 0..100_000 {
        text.push_str(&format!(",c{i}"));
    }
    let row = format!("\n张伟,other.blood,,1,,,,2026Q4{}\n", ",".repeat(100_000));
    text.push_str(&row);
    bad_import(
        "claim",
        "claims.csv",
        text.as_bytes(),
        &["claims.csv:1", "wrong header", "100008 columns"],
    );
    // One very long header cell.
    let text = format!(
        "member,item,{},count,points,date,note,period\n张伟,other.blood,,1,,,,2026Q4\n",
        "l".repeat(1 << 20)
    );
    bad_import(
        "claim",
        "claims.csv",
        text.as_bytes(),
        &["claims.csv:1", "wrong header", "member,item,lll"],
    );
}

#[test]
fn csv_50_mb_field() {
    let mut text = format!("{CLAIMS_HEADER}\n张伟,other.blood,,1,,,");
    text.push_str(&"备".repeat(50 * 1024 * 1024 / 3));
    text.push_str(",2026Q4\n");
    bad_import(
        "claim",
        "claims.csv",
        text.as_bytes(),
        &["claims.csv:2", "column 'note'", "bytes long"],
    );
}

// ---- XLSX --------------------------------------------------------------------

#[test]
fn xlsx_with_a_bad_row() {
    let c = Case::new();
    let path = c.dir.path().join("claims.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (col, h) in CLAIMS_HEADER.split(',').enumerate() {
        ws.write_string(0, col as u16, h).expect("header");
    }
    let rows: [[&str; 3]; 3] = [
        ["张伟", "other.blood", "2026Q4"],
        ["李娜", "other.blood", "2026Q4"],
        ["李娜", "work.nope", "2026Q4"],
    ];
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        ws.write_string(r, 0, row[0]).expect("member");
        ws.write_string(r, 1, row[1]).expect("item");
        ws.write_number(r, 3, 1.0).expect("count");
        ws.write_string(r, 7, row[2]).expect("period");
    }
    wb.save(&path).expect("save xlsx");
    c.refuse(
        &["claim", "import", path.to_str().expect("path")],
        1,
        &["claims.xlsx:4", "column 'item'", "work.nope"],
    );
    // Not a workbook at all.
    let fake = c.file("fake.xlsx", b"member,item\n");
    c.refuse(
        &["claim", "import", fake.to_str().expect("path")],
        1,
        &["fake.xlsx"],
    );
}

#[test]
fn xlsx_with_a_cell_far_away_is_refused_without_holding_its_grid() {
    let c = Case::new();
    let path = c.dir.path().join("far.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "member").expect("a1");
    ws.write_string(1_048_575, 16_383, "x").expect("xfd1048576");
    wb.save(&path).expect("save xlsx");
    // Reading the sheet's whole grid would take hundreds of GiB; the cells
    // are read one by one and the far one refused.
    c.refuse(
        &["claim", "import", path.to_str().expect("path")],
        1,
        &[
            "far.xlsx",
            "row 1048576, column 16384",
            "at most 64 columns",
        ],
    );
}

// ---- arguments -----------------------------------------------------------------

#[test]
fn bad_arguments_exit_2() {
    let c = Case::new();
    for args in [
        &["frobnicate"][..],
        &["verdict", "abc", "approve"],
        &["verdict", "1", "maybe"],
        &["verdict"],
        &["rank", "--format", "xml"],
        &["rank", "--period", "2026Q4", "--year", "2026"],
        &["claim", "add", "张伟"],
        &["member", "add", "王五", "--tier", "two"],
        &["init", "--branch", "x"],
    ] {
        c.refuse(args, 2, &[]);
    }
    // Well-formed arguments the ledger refuses: exit 1, naming what is wrong.
    c.refuse(&["verdict", "999", "approve"], 1, &["999"]);
    c.refuse(&["rank", "--period", "2026Q9"], 1, &["2026Q9"]);
    c.refuse(&["claim", "add", "王五", "other.blood"], 1, &["王五"]);
    c.refuse(
        &["member", "add", "王五", "--category", "boss"],
        1,
        &["boss"],
    );
}

// ---- the database itself -------------------------------------------------------

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
