//! A branch's appeal (申诉) sent up to the committee and closed by its
//! reconsideration's (复议) decision: the branch files the member's appeal and
//! sends it on; the committee files the reconsideration naming the appeal,
//! upholds it with +2 and exports the decision; the branch receives it, and
//! in one step the correction is posted and the appeal is closed as upheld,
//! by the committee's decision. A decision naming an appeal the branch does
//! not have, or one already closed, is refused naming it, the database
//! unchanged to the byte.

use crate::common::cli::{jifen, ok};
use crate::filing::{digest, export, json, locked_branch, seal_of};
use std::path::{Path, PathBuf};

const BRANCH: &str = "社区党支部";

fn s(p: &Path) -> String {
    p.display().to_string()
}

fn score_of(db: &Path, member: &str) -> f64 {
    json(db, &["rank", "--period", "2026Q4", "--format", "json"])
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["member"] == member)
        .and_then(|r| r["score"].as_f64())
        .expect("member's score")
}

/// The branch's appeal `id` as `appeal list --format json` gives it.
fn appeal(db: &Path, id: i64) -> serde_json::Value {
    json(db, &["appeal", "list", "--format", "json"])
        .as_array()
        .expect("appeals")
        .iter()
        .find(|a| a["id"] == id)
        .cloned()
        .expect("the appeal")
}

/// The member's appeal filed at the branch against 2026Q4 and sent on to
/// the committee (reconsider); returns its number.
fn sent_up(b: &Path, member: &str) -> i64 {
    let id: i64 = ok(
        b,
        &[
            "appeal",
            "file",
            member,
            "--period",
            "2026Q4",
            "--text",
            "第二次献血未计分",
            "--items",
            "other.blood",
        ],
    )
    .trim()
    .parse()
    .expect("the appeal's number");
    ok(
        b,
        &[
            "appeal",
            "reply",
            &id.to_string(),
            "reconsider",
            "--reply",
            "报上级党委复议",
        ],
    );
    let a = appeal(b, id);
    assert_eq!(
        (a["stage"].as_str(), a["open"].as_bool()),
        (Some("higher"), Some(true))
    );
    id
}

/// At committee `c`: a reconsideration of `member` naming the branch's
/// `appeal`, decided (uphold `points` on other.blood, or dismiss) and
/// exported into `dir`; returns the decision file.
fn decided(c: &Path, member: &str, appeal: i64, points: Option<&str>, dir: &Path) -> PathBuf {
    let said = ok(
        c,
        &[
            "--branch",
            BRANCH,
            "review",
            "file",
            "--period",
            "2026Q4",
            member,
            "--text",
            "支部报来的申诉",
            "--item",
            "other.blood",
            "--appeal",
            &appeal.to_string(),
        ],
    );
    let id = said
        .split_whitespace()
        .nth(2)
        .expect("id")
        .trim_end_matches(':')
        .to_string();
    let mut args = vec!["review", "decide", &id];
    match points {
        Some(p) => args.extend(["uphold", "--points", p, "--reason", "证明属实"]),
        None => args.extend(["dismiss", "--reason", "无新证据"]),
    }
    ok(c, &args);
    let out = dir.join(format!("decision-{id}.jifen-decision.json"));
    ok(c, &["review", "export", &id, "--out", &s(&out)]);
    out
}

/// A locked branch with its filing received at a committee: (branch, committee).
fn filed(dir: &Path) -> (PathBuf, PathBuf) {
    let b = locked_branch(dir, "b.sqlite", false);
    let c = dir.join("c.sqlite");
    ok(&c, &["filing", "receive", &s(&export(&b, dir))]);
    (b, c)
}

#[test]
fn the_committees_decision_closes_the_appeal_the_branch_sent_up() {
    let dir = tempfile::tempdir().expect("dir");
    let (b, c) = filed(dir.path());
    let seal = seal_of(&b);
    // 张伟 85 at the branch (80 + 5 + 1 - 1).
    assert_eq!(score_of(&b, "张伟"), 85.0);
    let id = sent_up(&b, "张伟");

    let decision = decided(&c, "张伟", id, Some("2"), dir.path());
    let listed = json(&c, &["review", "list", "--format", "json"]);
    assert_eq!(
        listed[0]["appeal"], id,
        "the committee keeps the appeal named"
    );
    let d: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&decision).expect("read")).expect("json");
    assert_eq!(d["review"]["appeal"], id);
    assert!(
        d["decision_event"]["payload"]
            .as_str()
            .is_some_and(|p| p.contains(&format!("\"appeal\":{id}"))),
        "the committee's hashed decision names the appeal: {}",
        d["decision_event"]
    );
    ok(&c, &["verify"]);

    let said = ok(&b, &["filing", "receive", &s(&decision)]);
    assert!(said.contains("85 -> 87"), "{said}");
    assert_eq!(score_of(&b, "张伟"), 87.0);
    let a = appeal(&b, id);
    assert_eq!(a["open"], false, "closed: {a}");
    assert_eq!(a["status"], "upheld");
    assert_eq!(a["closed_by_review"], 1);
    assert_eq!(
        a["correction"], "other.blood 2",
        "the correction is the appeal's"
    );
    assert_eq!(
        a["reply"], "证明属实",
        "the committee's reason is the reply"
    );
    let last = a["history"]
        .as_array()
        .and_then(|h| h.last())
        .expect("a step");
    assert_eq!(
        (last["outcome"].as_str(), last["review"].as_i64()),
        (Some("upheld"), Some(1))
    );
    let table = ok(&b, &["appeal", "list"]);
    assert!(table.contains("committee's reconsideration 1"), "{table}");
    assert!(
        json(&b, &["appeal", "list", "--open", "--format", "json"])
            .as_array()
            .is_some_and(|v| v.is_empty()),
        "no appeal left open"
    );
    // The branch cannot reply to it again: the committee decided.
    let o = jifen(
        &b,
        &[
            "appeal",
            "reply",
            &id.to_string(),
            "dismissed",
            "--reply",
            "x",
        ],
    );
    assert_eq!(o.status.code(), Some(1));

    ok(&b, &["verify"]);
    let v = ok(&b, &["verify", "--seal", &seal]);
    assert!(v.contains("seal matches the lock of 2026Q4"), "{v}");
}

#[test]
fn a_dismissal_closes_the_appeal_as_dismissed_and_the_score_stands() {
    let dir = tempfile::tempdir().expect("dir");
    let (b, c) = filed(dir.path());
    let id = sent_up(&b, "欧阳娜娜");
    let decision = decided(&c, "欧阳娜娜", id, None, dir.path());
    ok(&b, &["filing", "receive", &s(&decision)]);
    let a = appeal(&b, id);
    assert_eq!(
        (a["status"].as_str(), a["open"].as_bool()),
        (Some("dismissed"), Some(false))
    );
    assert_eq!(a["closed_by_review"], 1);
    assert!(a["correction"].is_null(), "{a}");
    assert_eq!(score_of(&b, "欧阳娜娜"), 80.0);
    ok(&b, &["verify"]);
}

#[test]
fn a_decision_naming_an_unknown_or_closed_appeal_is_refused_and_nothing_changes() {
    let dir = tempfile::tempdir().expect("dir");
    let (b, c) = filed(dir.path());
    let id = sent_up(&b, "张伟");

    // An appeal the branch does not have.
    let unknown = decided(&c, "张伟", 9, Some("2"), dir.path());
    let before = digest(&b);
    let o = jifen(&b, &["filing", "receive", &s(&unknown)]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("appeal 9") && err.contains("does not have"),
        "{err}"
    );
    assert_eq!(digest(&b), before, "db unchanged");

    // Another member's appeal: not this decision's to close.
    let other = decided(&c, "欧阳娜娜", id, None, dir.path());
    let o = jifen(&b, &["filing", "receive", &s(&other)]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains(&format!("appeal {id} is 张伟's")), "{err}");
    assert_eq!(digest(&b), before, "db unchanged");

    // The appeal's number edited in the decision file on the way: refused.
    let good = decided(&c, "张伟", id, Some("2"), dir.path());
    let text = std::fs::read_to_string(&good).expect("read");
    let forged = text.replace(&format!("\"appeal\": {id}"), "\"appeal\": 7");
    assert_ne!(forged, text);
    let fp = dir.path().join("forged.jifen-decision.json");
    std::fs::write(&fp, forged).expect("write");
    let o = jifen(&b, &["filing", "receive", &s(&fp)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("review.appeal differs"));
    assert_eq!(digest(&b), before, "db unchanged");

    // Closed by the good decision; a second decision naming it is refused.
    ok(&b, &["filing", "receive", &s(&good)]);
    assert_eq!(appeal(&b, id)["status"], "upheld");
    let second = decided(&c, "张伟", id, Some("1"), dir.path());
    let before = digest(&b);
    let o = jifen(&b, &["filing", "receive", &s(&second)]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains(&format!("appeal {id}")) && err.contains("closed already (upheld)"),
        "{err}"
    );
    assert_eq!(digest(&b), before, "db unchanged");
    assert_eq!(score_of(&b, "张伟"), 87.0, "+2 once, not +1 more");
    // The good decision again is reported and ignored, not refused.
    let said = ok(&b, &["filing", "receive", &s(&good)]);
    assert!(said.contains("received before; ignored"), "{said}");
    ok(&b, &["verify"]);
}
