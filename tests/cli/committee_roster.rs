//! The committee's roster of branches (`filing roster import|list`): a
//! branch on it that never filed is expected like one that filed before, a
//! bad roster file is refused naming its line and column with the database
//! left byte for byte as it was, a new roster replaces the old one whole, and
//! a branch's database refuses the roster.
//! The county is `common::committee`'s: 第1..第5党支部 filed 2026Q3, all
//! but 第2党支部 filed 2099Q4.

use crate::common::cli::{jifen, ok};
use crate::common::committee::committee;
use crate::filing::{digest, json};
use std::path::{Path, PathBuf};

fn s(p: &Path) -> String {
    p.display().to_string()
}

/// A roster file `name` in `dir` holding `text`.
fn roster_file(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).expect("write roster");
    p
}

/// `filing list --period 2099Q4 --missing --format json` as (branch, last filed).
fn missing(c: &Path) -> Vec<(String, Option<String>)> {
    let args = [
        "filing",
        "list",
        "--period",
        "2099Q4",
        "--missing",
        "--format",
        "json",
    ];
    json(c, &args)
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| {
            (
                r["branch"].as_str().expect("branch").to_string(),
                r["last_filed"].as_str().map(String::from),
            )
        })
        .collect()
}

#[test]
fn a_roster_branch_that_never_filed_is_listed_missing_beside_one_that_filed_before() {
    let dir = tempfile::tempdir().expect("dir");
    let c = committee(dir.path());
    assert_eq!(
        missing(&c),
        [("第2党支部".to_string(), Some("2026Q3".into()))]
    );

    // A spreadsheet's CSV: a byte-order mark, the scheme given for some.
    let file = roster_file(
        dir.path(),
        "roster.csv",
        "\u{feff}branch,scheme\n第1党支部,bureau-80\n第6党支部,\n第7党支部,village-quarterly\n",
    );
    let out = ok(&c, &["filing", "roster", "import", &s(&file)]);
    assert_eq!(out.lines().count(), 1, "one line: {out}");
    assert!(
        out.contains("3 branches") && out.contains("2 of them never filed"),
        "{out}"
    );

    assert_eq!(
        missing(&c),
        [
            ("第2党支部".to_string(), Some("2026Q3".into())),
            ("第6党支部".to_string(), None),
            ("第7党支部".to_string(), None),
        ]
    );
    let table = ok(&c, &["filing", "list", "--period", "2099Q4"]);
    assert!(
        table.contains("not filed for 2099Q4: 第2党支部, 第6党支部, 第7党支部"),
        "{table}"
    );
    let text = ok(&c, &["filing", "list", "--period", "2099Q4", "--missing"]);
    let line = text
        .lines()
        .find(|l| l.contains("第6党支部"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(line.contains("never filed"), "{line}");

    // The roster as imported, in its order, each with the last period filed.
    let listed = json(&c, &["filing", "roster", "list", "--format", "json"]);
    assert_eq!(
        listed,
        serde_json::json!([
            {"branch": "第1党支部", "scheme": "bureau-80", "last_filed": "2099Q4"},
            {"branch": "第6党支部", "scheme": null, "last_filed": null},
            {"branch": "第7党支部", "scheme": "village-quarterly", "last_filed": null},
        ])
    );

    // The desk's and the board's counts: seven expected, four filed; after
    // the due day (2100-01-14) three missing, before it three awaited.
    let day = |d: &str| d.parse().expect("day");
    let v =
        jifen::app::committee_view::filings_view(&c, "2099Q4", day("2100-01-20")).expect("view");
    assert_eq!((v.expected, v.filed, v.missing, v.awaited), (7, 4, 3, 0));
    let six = v
        .lines
        .iter()
        .find(|l| l.branch == "第6党支部")
        .expect("第6党支部 is expected");
    assert_eq!(six.code(), "missing");
    assert_eq!(six.last_filed, None);
    let v =
        jifen::app::committee_view::filings_view(&c, "2099Q4", day("2100-01-05")).expect("view");
    assert_eq!((v.expected, v.missing, v.awaited), (7, 0, 3));

    // The roster is a fact of the committee's journal: verify replays it,
    // and a roster row changed outside jifen is found.
    ok(&c, &["verify"]);
    let conn = rusqlite::Connection::open(&c).expect("open");
    conn.execute("DELETE FROM roster WHERE branch = '第6党支部'", [])
        .expect("edit");
    drop(conn);
    let o = jifen(&c, &["verify"]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("roster") && err.contains("第6党支部"), "{err}");
}

#[test]
fn a_bad_roster_is_refused_naming_its_line_and_column_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let c = committee(dir.path());
    let good = roster_file(dir.path(), "good.csv", "branch\n第6党支部\n");
    ok(&c, &["filing", "roster", "import", &s(&good)]);
    let before = digest(&c);
    for (name, text, wants) in [
        (
            "dup.csv",
            "branch,scheme\n第6党支部,\n第7党支部,\n第6党支部,bureau-80\n",
            "dup.csv:4: column 'branch': duplicate branch '第6党支部' (also on line 2)",
        ),
        (
            "empty.csv",
            "branch,scheme\n第7党支部,\n  ,bureau-80\n",
            "empty.csv:3: column 'branch': must not be empty",
        ),
        (
            "columns.csv",
            "branch,notes,secretary\n第7党支部,x,y\n",
            "columns.csv:1: column 'notes': unknown columns 'notes', 'secretary'",
        ),
        (
            "scheme.csv",
            "branch,scheme\n第7党支部,bureau-80\n第8党支部,bureau-90\n",
            "scheme.csv:3: column 'scheme': no scheme 'bureau-90'",
        ),
        (
            "header.csv",
            "scheme\nbureau-80\n",
            "header.csv:1: wrong header 'scheme'",
        ),
    ] {
        let file = roster_file(dir.path(), name, text);
        let o = jifen(&c, &["filing", "roster", "import", &s(&file)]);
        assert_eq!(o.status.code(), Some(1), "{name}");
        let err = String::from_utf8_lossy(&o.stderr);
        let wants = format!("{}{wants}", s(dir.path()) + "/");
        assert!(err.contains(&wants), "{name}: {err}");
        assert!(err.contains("nothing was imported"), "{name}: {err}");
        assert_eq!(digest(&c), before, "{name}: the database is unchanged");
    }
    // The Chinese words name the line and the column too.
    let file = roster_file(dir.path(), "dup-zh.csv", "branch\n第7党支部\n第7党支部\n");
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_jifen"));
    let o = cmd
        .args(["--db", &s(&c), "--lang", "zh", "filing", "roster", "import"])
        .arg(&file)
        .output()
        .expect("run");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("第 3 行 「branch」列: 支部「第7党支部」重复 (第 2 行也有)"),
        "{err}"
    );
    assert_eq!(digest(&c), before);
    let listed = json(&c, &["filing", "roster", "list", "--format", "json"]);
    assert_eq!(
        listed,
        serde_json::json!([{"branch": "第6党支部", "scheme": null, "last_filed": null}])
    );

    // A bad roster for a database not made yet makes none.
    let fresh = dir.path().join("fresh.sqlite");
    let bad = roster_file(dir.path(), "bad.csv", "branch,scheme\n第1党支部,nope\n");
    assert_eq!(
        jifen(&fresh, &["filing", "roster", "import", &s(&bad)])
            .status
            .code(),
        Some(1)
    );
    assert!(!fresh.exists(), "no database made for a refused roster");
    let out = ok(&fresh, &["filing", "roster", "import", &s(&good)]);
    assert!(out.contains("made the committee database"), "{out}");
}

#[test]
fn a_roster_imported_again_replaces_the_one_before_whole() {
    let dir = tempfile::tempdir().expect("dir");
    let c = committee(dir.path());
    let first = roster_file(dir.path(), "a.csv", "branch\n第6党支部\n第7党支部\n");
    ok(&c, &["filing", "roster", "import", &s(&first)]);
    let second = roster_file(dir.path(), "b.csv", "scheme,branch\nbureau-80,第8党支部\n");
    let out = ok(&c, &["filing", "roster", "import", &s(&second)]);
    assert!(out.contains("replacing the roster of 2"), "{out}");
    let listed = json(&c, &["filing", "roster", "list", "--format", "json"]);
    assert_eq!(
        listed,
        serde_json::json!([{"branch": "第8党支部", "scheme": "bureau-80", "last_filed": null}])
    );
    let names: Vec<String> = missing(&c).into_iter().map(|m| m.0).collect();
    assert_eq!(names, ["第2党支部", "第8党支部"]);
    let csv = ok(&c, &["filing", "roster", "list", "--format", "csv"]);
    assert_eq!(
        csv.lines().next(),
        Some("branch,scheme,last_filed"),
        "{csv}"
    );
    // Both imports are in the journal; the replay gives the second.
    ok(&c, &["verify"]);
}

#[test]
fn a_branch_database_refuses_the_roster() {
    let dir = tempfile::tempdir().expect("dir");
    let b = dir.path().join("b.sqlite");
    ok(
        &b,
        &["init", "--branch", "第一党支部", "--scheme", "bureau-80"],
    );
    let before = digest(&b);
    let file = roster_file(dir.path(), "roster.csv", "branch\n第一党支部\n");
    for args in [
        vec!["filing", "roster", "import", &s(&file)],
        vec!["filing", "roster", "list"],
    ] {
        let o = jifen(&b, &args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains("is not a committee database"),
            "{args:?}: {err}"
        );
    }
    assert_eq!(digest(&b), before, "the branch's database is unchanged");
    ok(&b, &["member", "add", "张伟"]);
}

/// A branch whose filing scores by another scheme than the roster names is
/// pointed out (its results rank among the other scheme's) in the list; a
/// branch scoring as the roster says, or one the roster names no scheme
/// for, is not. (The desk's details: `tests/console/desk_receive.rs`.)
#[test]
fn a_filing_by_another_scheme_than_the_rosters_is_pointed_out() {
    let dir = tempfile::tempdir().expect("dir");
    let c = committee(dir.path());
    let file = roster_file(
        dir.path(),
        "roster.csv",
        "branch,scheme\n第1党支部,twelve-point\n第2党支部,\n第3党支部,bureau-80\n第4党支部,\n第5党支部,\n",
    );
    ok(&c, &["filing", "roster", "import", &s(&file)]);
    let listed = json(
        &c,
        &["filing", "list", "--period", "2099Q4", "--format", "json"],
    );
    let flagged: Vec<(&str, Option<&str>)> = listed
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| {
            (
                r["branch"].as_str().expect("branch"),
                r["roster_scheme"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        flagged,
        [
            ("第1党支部", Some("twelve-point")),
            ("第3党支部", None),
            ("第4党支部", None),
            ("第5党支部", None),
        ]
    );
}

/// A roster kept as a workbook (the committee's list of branches in Excel)
/// is read from its first sheet as the CSV is, a bad line named the same.
#[test]
fn a_roster_workbook_is_read_as_its_csv_is() {
    let dir = tempfile::tempdir().expect("dir");
    let c = committee(dir.path());
    let book = |name: &str, rows: &[[&str; 2]]| -> PathBuf {
        let p = dir.path().join(name);
        let mut wb = rust_xlsxwriter::Workbook::new();
        let ws = wb.add_worksheet();
        for (r, row) in rows.iter().enumerate() {
            for (col, v) in row.iter().enumerate() {
                ws.write_string(r as u32, col as u16, *v).expect("cell");
            }
        }
        wb.save(&p).expect("save");
        p
    };
    let bad = book(
        "bad.xlsx",
        &[["branch", "scheme"], ["第1党支部", ""], ["第1党支部", ""]],
    );
    let before = digest(&c);
    let o = jifen(&c, &["filing", "roster", "import", &s(&bad)]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("bad.xlsx:3") && err.contains("'branch'"),
        "{err}"
    );
    assert_eq!(digest(&c), before, "nothing of a refused workbook is kept");
    let good = book(
        "roster.xlsx",
        &[
            ["scheme", "branch"],
            ["bureau-80", "第1党支部"],
            ["", "第7党支部"],
        ],
    );
    ok(&c, &["filing", "roster", "import", &s(&good)]);
    let listed = json(&c, &["filing", "roster", "list", "--format", "json"]);
    let names: Vec<&str> = listed
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| r["branch"].as_str().expect("branch"))
        .collect();
    assert_eq!(names, ["第1党支部", "第7党支部"]);
    assert_eq!(listed[0]["scheme"], "bureau-80");
    assert!(listed[1]["scheme"].is_null(), "{listed}");
}

/// The clerk receiving a filing that scores by another scheme than the
/// roster names hears so at once, under that filing's line.
#[test]
fn receiving_a_filing_by_another_scheme_than_the_rosters_says_so() {
    let dir = tempfile::tempdir().expect("dir");
    let c = dir.path().join("c.sqlite");
    let inbox = dir.path().join("inbox");
    crate::common::committee::filings(&inbox, 3, 2099, 4);
    let file = roster_file(
        dir.path(),
        "roster.csv",
        "branch,scheme\n第1党支部,twelve-point\n第2党支部,bureau-80\n第3党支部,\n",
    );
    ok(&c, &["filing", "roster", "import", &s(&file)]);
    let out = ok(&c, &["filing", "receive", &s(&inbox)]);
    let note = "the roster names scheme twelve-point";
    assert_eq!(out.matches("the roster names scheme").count(), 1, "{out}");
    let lines: Vec<&str> = out.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains(note))
        .expect("the note");
    assert!(lines[at - 1].contains("第1党支部"), "{out}");
}
