//! A corpus of bad inputs, each through the real binary: exit code 1 (2 for
//! bad arguments), a message naming the place (file:line and the column or
//! field), and the database unchanged, byte for byte and by `verify`.
//!
//! Big inputs (100,000 columns, a 50 MB field) are generated at test time.

use crate::common;
use common::cli::{jifen, ok};

use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

use std::sync::OnceLock;

/// A branch with two members, an open period and one claim, written once
/// through the CLI (so the WAL is checkpointed and the file is complete).
pub(crate) fn template() -> &'static Path {
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
    /// leave the database as it was: byte for byte, but for SQLite's header
    /// counter after a claim file over 1 MiB (which is written once, see
    /// `store::db::write_once`).
    pub(crate) fn refuse(&self, args: &[&str], code: i32, needles: &[&str]) -> String {
        let large_claims = args.starts_with(&["claim", "import"])
            && args
                .last()
                .is_some_and(|f| std::fs::metadata(f).is_ok_and(|m| m.len() > 1 << 20));
        let fingerprint = if large_claims {
            fingerprint_beside_counter
        } else {
            fingerprint
        };
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

pub(crate) fn clip(s: &str) -> &str {
    match s.char_indices().nth(600) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// The database file's bytes and its journal head: equal means unchanged.
pub(crate) fn fingerprint(db: &Path) -> (String, i64, String, i64, i64) {
    fingerprint_of(db, false)
}

/// [`fingerprint`] but for the change counter in SQLite's file header
/// (bytes 24-27, and 92-95 that repeat it), which moves when a large import
/// switches to a rollback journal and back (`store::db::write_once`): every
/// other byte of the file must be as it was.
pub(crate) fn fingerprint_beside_counter(db: &Path) -> (String, i64, String, i64, i64) {
    fingerprint_of(db, true)
}

fn fingerprint_of(db: &Path, beside_counter: bool) -> (String, i64, String, i64, i64) {
    let bytes = std::fs::read(db).expect("read db");
    let mut hashed = bytes.clone();
    if beside_counter && hashed.len() >= 100 {
        hashed[24..28].fill(0);
        hashed[92..96].fill(0);
    }
    let hash = hex::encode(Sha256::digest(&hashed));
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

pub(crate) fn bad_import(kind: &str, name: &str, bytes: &[u8], needles: &[&str]) -> String {
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
