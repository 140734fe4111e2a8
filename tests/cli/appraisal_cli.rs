//! `jifen appraisal ...` (民主测评) driven as a script would, the vote count:
//! ballots from the roll call, counts refused above the ballots with the
//! database unchanged byte for byte, the close posting 优秀 at 24 as +12 in
//! that quarter (seed 004, x50%), the lock and `verify --seal`, an open
//! appraisal holding the lock. Every refusal is also asked in Chinese
//! (`common::cli::jifen`). Imports, score ballots and the papers are in
//! `appraisal_files_cli`, on the helpers here.

use crate::bad_inputs::fingerprint;
use crate::common::cli::{jifen, ok};
use serde_json::Value;
use std::path::{Path, PathBuf};

pub(crate) const NAMES: [&str; 5] = ["欧阳娜娜", "张伟", "王芳", "李娜", "刘洋"];

/// A pipeline branch: five full members, all present at the 2026Q2 assembly.
pub(crate) fn branch(dir: &Path) -> PathBuf {
    let db = dir.join("a.sqlite");
    ok(
        &db,
        &[
            "init",
            "--branch",
            "管道一支部",
            "--scheme",
            "pipeline-75-25",
        ],
    );
    for n in NAMES {
        ok(&db, &["member", "add", n]);
    }
    ok(&db, &["period", "open", "2026Q1"]);
    ok(&db, &["period", "open", "2026Q2"]);
    for n in NAMES {
        ok(&db, &["attend", n, "present", "--period", "2026Q2"]);
    }
    db
}

/// `appraisal record MEMBER --period PERIOD`, for the counts to follow.
pub(crate) fn record<'a>(member: &'a str, period: &'a str) -> Vec<&'a str> {
    vec!["appraisal", "record", member, "--period", period]
}

/// `appraisal record MEMBER --period PERIOD --votes VOTES` (`excellent=4,qualified=1`).
pub(crate) fn votes<'a>(member: &'a str, period: &'a str, votes: &'a str) -> Vec<&'a str> {
    let mut args = record(member, period);
    args.extend(["--votes", votes]);
    args
}

/// `appraisal show --period PERIOD --format json`, read.
pub(crate) fn shown(db: &Path, period: &str) -> Value {
    json(
        db,
        &["appraisal", "show", "--period", period, "--format", "json"],
    )
}

pub(crate) fn json(db: &Path, args: &[&str]) -> Value {
    serde_json::from_str(&ok(db, args)).expect("json")
}

/// The refusal of `args`: exit 1, `needle` in the English message, and the
/// database unchanged (after the English and the Chinese asking).
pub(crate) fn refused(db: &Path, args: &[&str], needle: &str) -> String {
    let before = fingerprint(db);
    let o = jifen(db, args);
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert_eq!(o.status.code(), Some(1), "{args:?}: {err}");
    assert!(err.contains(needle), "{args:?} lacks {needle:?}: {err}");
    assert_eq!(fingerprint(db), before, "{args:?} changed the database");
    err
}

/// Run `jifen --db DB ARGS…` in a Chinese locale (no `--lang`): exit
/// status, standard output, standard error.
pub(crate) fn zh(db: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_jifen"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("LANG", "zh_CN.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("run jifen");
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (o.status.code(), text(&o.stdout), text(&o.stderr))
}

pub(crate) fn score_of(rank: &Value, name: &str) -> f64 {
    rank.as_array()
        .and_then(|a| a.iter().find(|r| r["member"] == name))
        .and_then(|r| r["score"].as_f64())
        .unwrap_or(f64::NAN)
}

#[test]
fn a_whole_appraisal_posts_points_into_its_quarter_and_the_seal_verifies() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = branch(dir.path());
    let q2 = "2026Q2";
    let open = ok(&db, &["appraisal", "open", "--period", q2]);
    assert_eq!(open.lines().count(), 1, "{open}");
    assert!(open.contains("5 ballots issued"), "{open}");
    // 欧阳娜娜: 4 of 5 for 优秀, the branch gives 24 (23-25).
    let mut with_points = votes("欧阳娜娜", q2, "excellent=4,qualified=1");
    with_points.extend(["--points", "24"]);
    let rec = ok(&db, &with_points);
    assert!(rec.contains("5 of 5"), "{rec}");
    // 张伟 by the Chinese titles: 1 优秀, 3 合格, 1 弃权 -> 合格, 22 by default.
    ok(&db, &votes("张伟", q2, "优秀=1,合格=3,blank=1"));
    // 6 votes of 5 ballots: refused, nothing changed.
    let err = refused(&db, &votes("王芳", q2, "excellent=5,qualified=1"), "王芳");
    assert!(
        err.contains("6 ballots counted") && err.contains("5 valid"),
        "{err}"
    );
    // Points outside 合格's 15-22: refused.
    let mut points = record("张伟", q2);
    points.extend(["--points", "23"]);
    refused(&db, &points, "15 to 22");
    let counts = shown(&db, q2);
    let rows = counts.as_array().expect("array");
    assert_eq!(rows.len(), 5);
    let a = &rows[0];
    assert_eq!(a["member"], "欧阳娜娜");
    assert_eq!(a["votes"]["excellent"], 4);
    assert_eq!(a["ballots"], 5);
    assert_eq!(a["result"], "excellent");
    assert_eq!(a["points"], 24.0);
    assert_eq!(rows[1]["votes"]["blank"], 1);
    assert_eq!(rows[1]["result"], "qualified");
    assert_eq!(rows[2]["result"], Value::Null);
    assert_eq!(rows[2]["points"], Value::Null);
    let closed = ok(&db, &["appraisal", "close", "--period", q2]);
    assert!(closed.contains("2 points entries posted"), "{closed}");
    let rank = json(&db, &["rank", "--period", "2026Q2", "--format", "json"]);
    assert_eq!(score_of(&rank, "欧阳娜娜"), 12.0, "24 x 50%");
    assert_eq!(score_of(&rank, "张伟"), 11.0, "22 x 50%");
    assert_eq!(score_of(&rank, "王芳"), 0.0);
    let q1 = json(&db, &["rank", "--period", "2026Q1", "--format", "json"]);
    assert_eq!(
        score_of(&q1, "欧阳娜娜"),
        0.0,
        "only the appraisal's quarter"
    );
    // The close is final; then the lock seals the posted points.
    refused(&db, &votes("李娜", q2, "excellent=1"), "closed");
    let locked = ok(&db, &["lock", "2026Q2"]);
    let seal = locked
        .lines()
        .find_map(|l| l.strip_prefix("seal "))
        .expect("seal line")
        .trim()
        .to_string();
    let v = ok(&db, &["verify", "--seal", &seal]);
    assert!(v.contains("2026Q2"), "{v}");
    // A locked period refuses new counts (and a new appraisal).
    refused(&db, &votes("李娜", q2, "excellent=1"), "cannot change");
}

#[test]
fn an_open_appraisal_holds_the_lock_and_a_scheme_without_one_refuses() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = branch(dir.path());
    ok(&db, &["appraisal", "open", "--period", "2026Q2"]);
    refused(&db, &["lock", "2026Q2"], "still open");
    refused(
        &db,
        &["appraisal", "open", "--period", "2026Q2"],
        "opened before",
    );
    refused(
        &db,
        &votes("张伟", "2026Q1", "excellent=1"),
        "no appraisal is open",
    );
    refused(&db, &votes("张伟", "2026Q2", "excellent=x"), "'x'");
    refused(&db, &votes("张伟", "2026Q2", "great=1"), "great");
    refused(&db, &votes("无此人", "2026Q2", "excellent=1"), "无此人");
    refused(
        &db,
        &["appraisal", "returned", "6", "--period", "2026Q2"],
        "more than the 5 issued",
    );
    let other = dir.path().join("t.sqlite");
    ok(
        &other,
        &["init", "--branch", "村支部", "--scheme", "twelve-point"],
    );
    ok(&other, &["period", "open", "2026Q1"]);
    let err = refused(
        &other,
        &["appraisal", "open", "--period", "2026Q1", "--ballots", "5"],
        "twelve-point",
    );
    assert!(err.contains("[appraisal]"), "{err}");
}

#[test]
fn the_messages_are_chinese_under_lang_zh() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = branch(dir.path());
    let (code, opened, _) = zh(&db, &["appraisal", "open", "--period", "2026Q2"]);
    assert_eq!(code, Some(0));
    assert!(
        opened.contains("民主测评开始") && opened.contains("有效票 5 张"),
        "{opened}"
    );
    let (code, _, err) = zh(&db, &votes("王芳", "2026Q2", "优秀=6"));
    assert_eq!(code, Some(1));
    assert!(err.contains("王芳 计了 6 张票, 超过有效票 5 张"), "{err}");
    let (_, _, err) = zh(&db, &votes("王芳", "2026Q2", "好=1"));
    assert!(
        err.contains("「优秀」「合格」「基本合格」「不合格」「弃权」"),
        "{err}"
    );
    let (_, shown, _) = zh(&db, &["appraisal", "show", "--period", "2026Q2"]);
    for w in ["优秀", "基本合格", "弃权", "测评等次", "已计完 0/5 人"] {
        assert!(shown.contains(w), "{w}: {shown}");
    }
}
