//! The binary after the lock: lock publishes, appeals, finalize refusals, export, follow-ups.

use crate::common;
use common::cli::{jifen, ok};

#[test]
fn after_the_lock_through_the_binary() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("b.sqlite");
    ok(
        &db,
        &[
            "init",
            "--branch",
            "测试支部",
            "--scheme",
            "bureau-80",
            "--year",
            "2026",
        ],
    );
    ok(&db, &["member", "add", "甲"]);
    ok(&db, &["member", "add", "乙", "--category", "probationary"]);
    let c = ok(
        &db,
        &[
            "claim",
            "add",
            "甲",
            "discipline.dues",
            "--period",
            "2026Q1",
        ],
    );
    ok(&db, &["verdict", c.trim(), "approve"]);
    let c = ok(
        &db,
        &[
            "claim",
            "add",
            "乙",
            "discipline.dues",
            "--period",
            "2026Q1",
        ],
    );
    ok(&db, &["verdict", c.trim(), "approve"]);
    // Appeals wait for the lock.
    let e = jifen(
        &db,
        &["appeal", "file", "甲", "--period", "2026Q1", "--text", "x"],
    );
    assert_eq!(e.status.code(), Some(1));
    let out = ok(&db, &["lock", "2026Q1"]);
    assert!(out.contains("published until"), "{out}");
    let id = ok(
        &db,
        &[
            "appeal",
            "file",
            "甲",
            "--period",
            "2026Q1",
            "--items",
            "discipline.dues",
            "--text",
            "已按时缴纳",
        ],
    );
    assert_eq!(id.trim(), "1");
    let list = ok(&db, &["appeal", "list", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&list).expect("json");
    assert_eq!(v[0]["open"], true);
    assert_eq!(v[0]["overdue"], false);
    let late = ok(
        &db,
        &["appeal", "list", "--date", "2099-01-01", "--format", "json"],
    );
    let v: serde_json::Value = serde_json::from_str(&late).expect("json");
    assert_eq!(v[0]["overdue"], true);
    // Finalize is refused while the window runs and the appeal is open.
    assert_eq!(jifen(&db, &["finalize", "2026Q1"]).status.code(), Some(1));
    let e = jifen(&db, &["appeal", "reply", "1", "upheld", "--reply", "属实"]);
    assert_eq!(e.status.code(), Some(1), "upheld needs a correction");
    let out = ok(
        &db,
        &[
            "appeal",
            "reply",
            "1",
            "upheld",
            "--reply",
            "属实",
            "--item",
            "discipline.dues",
            "--points",
            "-1",
        ],
    );
    assert!(out.contains("upheld"), "{out}");
    let rank = ok(&db, &["rank", "--period", "2026Q1", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&rank).expect("json");
    let jia = v
        .as_array()
        .expect("array")
        .iter()
        .find(|r| r["member"] == "甲")
        .expect("甲");
    assert_eq!(
        jia["score"].as_f64(),
        Some(80.0),
        "corrected back to the base"
    );
    ok(&db, &["verify"]);
    let check = ok(&db, &["publish", "--check", "--today", "2099-01-01"]);
    assert!(check.contains("final now"), "{check}");
    let out = ok(
        &db,
        &[
            "export",
            "all",
            "--period",
            "2026Q1",
            "--format",
            "xlsx",
            "--out",
            dir.path().join("p").to_str().expect("utf8"),
        ],
    );
    assert_eq!(out.lines().count(), 5);
    let fu = ok(
        &db,
        &["follow-up", "list", "--year", "2026", "--format", "json"],
    );
    let v: serde_json::Value = serde_json::from_str(&fu).expect("json");
    let hold = v
        .as_array()
        .expect("array")
        .iter()
        .find(|r| r["action"] == "conversion-hold")
        .cloned()
        .expect("probationary 乙 below 80 is held");
    assert_eq!(hold["member"], "乙");
    assert_eq!(hold["done"], false);
    ok(
        &db,
        &[
            "follow-up",
            "done",
            "乙",
            "conversion-hold",
            "--year",
            "2026",
            "--note",
            "已谈话",
        ],
    );
    let fu = ok(
        &db,
        &["follow-up", "list", "--year", "2026", "--format", "json"],
    );
    let v: serde_json::Value = serde_json::from_str(&fu).expect("json");
    let hold = v
        .as_array()
        .expect("array")
        .iter()
        .find(|r| r["action"] == "conversion-hold")
        .expect("row");
    assert_eq!(hold["done"], true);
    assert_eq!(hold["note"], "已谈话");
    assert_eq!(
        jifen(&db, &["export", "memo", "--period", "2026Q1"])
            .status
            .code(),
        Some(1)
    );
    assert_eq!(
        jifen(
            &db,
            &["follow-up", "done", "甲", "no-such", "--period", "2026Q1"]
        )
        .status
        .code(),
        Some(1)
    );
}
