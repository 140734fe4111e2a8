//! The meeting's acts through the real binary, as a script would drive them:
//! signing refused while claims are pending, voided by a later verdict,
//! adjustments kept to the scheme, act dates kept to the period, roll-call
//! corrections withdrawing the claim a mark made.

use crate::common;

use common::cli::{jifen, ok};
use std::path::{Path, PathBuf};

/// A bureau-80 branch with two members and 2026Q4 open.
fn branch() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("b.sqlite");
    ok(
        &db,
        &["--branch", "第一党支部", "init", "--scheme", "bureau-80"],
    );
    ok(&db, &["member", "add", "张伟"]);
    ok(&db, &["member", "add", "欧阳娜娜"]);
    ok(&db, &["period", "open", "2026Q4"]);
    (dir, db)
}

fn claim(db: &Path, args: &[&str]) -> String {
    let mut all = vec!["claim", "add"];
    all.extend_from_slice(args);
    ok(db, &all).trim().to_string()
}

fn statement(db: &Path, member: &str) -> serde_json::Value {
    let out = ok(db, &["statement", member, "--format", "json"]);
    serde_json::from_str(&out).expect("json")
}

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn confirm_exits_1_while_claims_are_pending_and_says_how_many() {
    let (_d, db) = branch();
    claim(&db, &["张伟", "other.blood", "--date", "2026-11-17"]);
    claim(
        &db,
        &[
            "张伟",
            "work.speech",
            "--level",
            "province",
            "--date",
            "2026-10-12",
        ],
    );
    let o = jifen(&db, &["confirm", "张伟"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("2 claim(s) still pending"),
        "{}",
        stderr(&o)
    );
    assert_eq!(
        statement(&db, "张伟")["confirmation"],
        serde_json::Value::Null
    );
    // A member with nothing pending signs.
    let out = ok(&db, &["confirm", "欧阳娜娜"]);
    assert!(!out.trim().is_empty(), "a write prints one line");
    assert_eq!(statement(&db, "欧阳娜娜")["confirmation"], "confirmed");
}

#[test]
fn a_later_verdict_voids_the_signature() {
    let (_d, db) = branch();
    let first = claim(
        &db,
        &[
            "张伟",
            "work.speech",
            "--level",
            "province",
            "--date",
            "2026-10-12",
        ],
    );
    ok(&db, &["verdict", &first, "approve"]);
    ok(&db, &["confirm", "张伟"]);
    assert_eq!(statement(&db, "张伟")["confirmation"], "confirmed");
    assert_eq!(statement(&db, "张伟")["row"]["score"], 85.0);

    // A new claim is pending: the signature stands (the total has not moved)
    // until the committee's verdict moves it.
    let second = claim(&db, &["张伟", "other.blood", "--date", "2026-11-17"]);
    assert_eq!(statement(&db, "张伟")["confirmation"], "confirmed");
    ok(&db, &["verdict", &second, "approve"]);
    let s = statement(&db, "张伟");
    assert_eq!(s["row"]["score"], 86.0);
    assert_eq!(s["confirmation"], serde_json::Value::Null, "voided: {s}");

    // The journal says so, and verify replays it to the same tables.
    ok(&db, &["verify"]);
    let conn = rusqlite::Connection::open(&db).expect("open");
    let voids: i64 = conn
        .query_row(
            "SELECT count(*) FROM event WHERE kind = 'confirm_void'",
            [],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(voids, 1);

    // Undoing that verdict puts the total back to what was signed, and the
    // signature with it.
    let out = ok(&db, &["undo"]);
    assert!(out.contains("signature of 张伟 given back"), "{out}");
    let s = statement(&db, "张伟");
    assert_eq!(s["row"]["score"], 85.0);
    assert_eq!(s["confirmation"], "confirmed");
    // Signed at 85, an adjustment by the committee voids it once more.
    ok(
        &db,
        &[
            "verdict",
            &first,
            "adjust",
            "--points",
            "3",
            "--reason",
            "按市级认定",
        ],
    );
    assert_eq!(
        statement(&db, "张伟")["confirmation"],
        serde_json::Value::Null
    );
}

#[test]
fn adjust_refuses_points_beyond_the_item_and_needs_a_reason() {
    let (_d, db) = branch();
    // Disaster relief: 3 points per occurrence.
    let id = claim(&db, &["张伟", "other.relief", "--date", "2026-11-02"]);
    let o = jifen(
        &db,
        &[
            "verdict",
            &id,
            "adjust",
            "--points",
            "32",
            "--reason",
            "按实际",
        ],
    );
    assert_eq!(o.status.code(), Some(1), "32 accepted?");
    assert!(stderr(&o).contains("0 to 3"), "{}", stderr(&o));
    let o = jifen(&db, &["verdict", &id, "adjust", "--points", "2"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("needs a reason"), "{}", stderr(&o));
    ok(
        &db,
        &[
            "verdict",
            &id,
            "adjust",
            "--points",
            "2",
            "--reason",
            "按实际",
        ],
    );
    assert_eq!(statement(&db, "张伟")["row"]["score"], 82.0);
    // A levelled item may be adjusted up to its highest level, not beyond.
    let sp = claim(
        &db,
        &[
            "张伟",
            "work.speech",
            "--level",
            "city",
            "--date",
            "2026-10-12",
        ],
    );
    ok(
        &db,
        &[
            "verdict",
            &sp,
            "adjust",
            "--points",
            "10",
            "--reason",
            "国家级",
        ],
    );
    let o = jifen(
        &db,
        &["verdict", &sp, "adjust", "--points", "11", "--reason", "x"],
    );
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn an_act_date_outside_the_period_is_refused_on_add_and_import() {
    let (dir, db) = branch();
    let o = jifen(
        &db,
        &[
            "claim",
            "add",
            "张伟",
            "other.blood",
            "--date",
            "2027-01-05",
            "--period",
            "2026Q4",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("outside period 2026Q4"),
        "{}",
        stderr(&o)
    );
    let csv = dir.path().join("claims.csv");
    std::fs::write(
        &csv,
        "member,item,level,count,points,date,note,period\n张伟,other.blood,,1,,2026-11-17,,2026Q4\n张伟,other.blood,,1,,2026-09-30,,2026Q4\n",
    )
    .expect("write");
    let o = jifen(&db, &["claim", "import", csv.to_str().expect("path")]);
    assert_eq!(o.status.code(), Some(1), "all or nothing");
    assert!(stderr(&o).contains("2026-09-30"), "{}", stderr(&o));
    let list = ok(&db, &["claim", "list", "--format", "json"]);
    assert_eq!(list.trim(), "[]", "nothing was imported");
}

#[test]
fn attend_correction_withdraws_the_absence_claim() {
    let (_d, db) = branch();
    let out = ok(&db, &["attend", "张伟", "absent"]);
    assert!(out.contains("pending"), "{out}");
    let pending = |db: &Path| -> Vec<serde_json::Value> {
        let out = ok(
            db,
            &["claim", "list", "--status", "pending", "--format", "json"],
        );
        serde_json::from_str(&out).expect("json")
    };
    let made = pending(&db);
    assert_eq!(made.len(), 1);
    assert_eq!(made[0]["item"], "discipline.absence");
    let out = ok(&db, &["attend", "张伟", "present"]);
    assert_eq!(out.lines().count(), 1, "one line: {out}");
    assert!(out.contains("withdrawn"), "{out}");
    assert!(pending(&db).is_empty(), "the absence claim is gone");
    // Absent again: a fresh claim, not the old one back twice.
    ok(&db, &["attend", "张伟", "absent"]);
    assert_eq!(pending(&db).len(), 1);
    ok(&db, &["attend", "张伟", "leave"]);
    assert!(pending(&db).is_empty());
}

#[test]
fn a_newcomer_is_told_what_to_run() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("demo.sqlite");
    let o = jifen(&db, &["demo", "--no-console"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let told = stderr(&o);
    assert!(
        told.contains(&format!("jifen board --db {}", db.display())),
        "the exact room display command: {told}"
    );
    let missing = dir.path().join("nothing-here.sqlite");
    let o = jifen(&missing, &["board"]);
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert!(e.contains("jifen demo --db"), "says how to create one: {e}");
    assert!(!e.contains("unable to open database file"), "{e}");
    assert!(!missing.exists(), "the board creates nothing");
}

#[test]
fn set_checks_keys_and_values_and_says_what_it_did() {
    let (_d, db) = branch();
    for (key, value) in [
        ("excellent_quota", "5"),
        ("excellent_quota", "0"),
        ("publication_days", "x"),
        ("publication_days", "2.5"),
        ("quorum", "1"),
    ] {
        let o = jifen(&db, &["set", key, value]);
        assert_eq!(o.status.code(), Some(1), "set {key} {value} accepted");
        assert!(stderr(&o).contains(key), "{}", stderr(&o));
    }
    let out = ok(&db, &["set", "excellent_quota", "0.3"]);
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.contains("excellent_quota"), "{out}");
    let help = ok(&db, &["set", "--help"]);
    for key in [
        "excellent_quota",
        "publication_days",
        "appeal_reply_days",
        "reconsider_days",
    ] {
        assert!(help.contains(key), "--help lists {key}: {help}");
    }
}

#[test]
fn writes_print_one_line() {
    let (_d, db) = branch();
    let id = claim(&db, &["张伟", "other.blood", "--date", "2026-11-17"]);
    for args in [
        vec!["verdict", id.as_str(), "reject", "--reason", "无献血证"],
        vec!["confirm", "张伟"],
        vec!["member", "rename", "欧阳娜娜", "欧阳娜"],
        vec!["attend", "欧阳娜", "present"],
    ] {
        let out = ok(&db, &args);
        assert_eq!(out.lines().count(), 1, "jifen {args:?} printed: {out:?}");
    }
    let v = ok(&db, &["claim", "list", "--format", "json"]);
    assert!(v.contains("rejected"), "{v}");
}

#[test]
fn chinese_level_names_and_item_titles_are_accepted() {
    let (_d, db) = branch();
    let id = claim(
        &db,
        &[
            "张伟",
            "工作在会议发言交流",
            "--level",
            "省级",
            "--date",
            "2026-10-12",
        ],
    );
    let list: Vec<serde_json::Value> =
        serde_json::from_str(&ok(&db, &["claim", "list", "--format", "json"])).expect("json");
    let c = list
        .iter()
        .find(|c| c["id"].as_i64().map(|n| n.to_string()).as_deref() == Some(id.as_str()))
        .expect("the claim");
    assert_eq!(c["item"], "work.speech");
    assert_eq!(c["level"], "province");
    assert_eq!(c["points"], 5.0, "priced at the province level: {c}");
}
