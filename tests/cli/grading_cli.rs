//! Grading through the real binary: the excellent quota's tie, the tie
//! setting, rankings by category, the lock summary, a year without data.

use crate::common;
use common::cli::{jifen, ok};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// Bureau-80, 2026Q1: ten members at 95, 90, 90, 88, 85 ... 80 (one of them
/// probationary) and two activists at 99 and 81.
fn branch(dir: &Path) -> PathBuf {
    let db = dir.join("branch.sqlite");
    ok(
        &db,
        &["init", "--branch", "第一党支部", "--scheme", "bureau-80"],
    );
    ok(&db, &["period", "open", "2026Q1"]);
    let members = dir.join("members.csv");
    let plan: [(&str, &str, u32); 12] = [
        ("欧阳娜娜", "full", 15),
        ("张伟", "full", 10),
        ("李强", "probationary", 10),
        ("王芳", "full", 8),
        ("刘洋", "full", 5),
        ("陈静", "full", 4),
        ("赵磊", "full", 3),
        ("孙丽", "full", 2),
        ("周杰", "full", 1),
        ("吴敏", "full", 0),
        ("司马光明", "activist", 19),
        ("郑好", "activist", 1),
    ];
    let mut m = String::from("name,category,tier,group\n");
    let mut c = String::from("member,item,level,count,points,date,note,period,verdict,reason\n");
    for (name, cat, bonus) in plan {
        m.push_str(&format!("{name},{cat},,\n"));
        if bonus > 0 {
            let count = bonus.div_ceil(5);
            c.push_str(&format!(
                "{name},work.major-task,,{count},{bonus},2026-02-10,,2026Q1,approved,\n"
            ));
        }
    }
    std::fs::write(&members, m).expect("write");
    ok(&db, &["member", "import", members.to_str().expect("path")]);
    let claims = dir.join("claims.csv");
    std::fs::write(&claims, c).expect("write");
    ok(&db, &["claim", "import", claims.to_str().expect("path")]);
    db
}

fn rank_json(db: &Path, extra: &[&str]) -> Vec<Value> {
    let mut args = vec!["rank", "--period", "2026Q1", "--format", "json"];
    args.extend(extra);
    serde_json::from_str(&ok(db, &args)).expect("json")
}

/// (member, score, rank, grade) of each row.
fn lines(rows: &[Value]) -> Vec<(String, f64, u64, String)> {
    rows.iter()
        .map(|r| {
            (
                r["member"].as_str().unwrap_or_default().to_string(),
                r["score"].as_f64().unwrap_or(-1.0),
                r["rank"].as_u64().unwrap_or(0),
                r["grade"].as_str().unwrap_or("-").to_string(),
            )
        })
        .collect()
}

#[test]
fn both_members_tied_at_the_quota_edge_are_excellent_and_the_lock_says_so() {
    let dir = tempfile::tempdir().expect("temp");
    let db = branch(dir.path());
    let rows = rank_json(&db, &[]);
    for key in [
        "member", "score", "rank", "grade", "stars", "actions", "ranking",
    ] {
        assert!(rows[0].get(key).is_some(), "field {key}");
    }
    let got = lines(&rows);
    let excellent: Vec<(&str, f64)> = got
        .iter()
        .filter(|l| l.3 == "excellent")
        .map(|l| (l.0.as_str(), l.1))
        .collect();
    // Members: 95 and both 90s (one probationary) excellent, 88 not;
    // activists apart: 99 is theirs.
    assert_eq!(
        excellent,
        vec![
            ("欧阳娜娜", 95.0),
            ("张伟", 90.0),
            ("李强", 90.0),
            ("司马光明", 99.0)
        ]
    );
    let wang = got.iter().find(|l| l.0 == "王芳").expect("王芳");
    assert_eq!((wang.1, wang.2, wang.3.as_str()), (88.0, 4, "qualified"));
    // Categories apart: the activists' ranks start again at 1.
    let act: Vec<(u64, &str)> = rows
        .iter()
        .filter(|r| r["ranking"] == "activists")
        .map(|r| {
            (
                r["rank"].as_u64().unwrap_or(0),
                r["member"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(act, vec![(1, "司马光明"), (2, "郑好")]);
    // The table shows each ranking under its heading, and the tie over the quota.
    let table = ok(&db, &["rank", "--period", "2026Q1"]);
    let members_at = table
        .find("Members (full and probationary)")
        .expect("members heading");
    let activists_at = table.find("Activists").expect("activists heading");
    assert!(members_at < activists_at);
    assert!(table.contains("Excellent 3, quota 2: tie at 90"), "{table}");
    // The lock's summary names it for the appraisal.
    let out = ok(&db, &["lock", "2026Q1"]);
    assert!(out.contains("Excellent 3, quota 2: tie at 90"), "{out}");
}

#[test]
fn the_branch_may_give_none_of_the_tie_instead() {
    let dir = tempfile::tempdir().expect("temp");
    let db = branch(dir.path());
    let e = jifen(&db, &["set", "quota_ties", "some"]);
    assert_eq!(e.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&e.stderr).contains("'all'"));
    ok(&db, &["set", "quota_ties", "none"]);
    let got = lines(&rank_json(&db, &["--category", "full"]));
    let excellent: Vec<&str> = got
        .iter()
        .filter(|l| l.3 == "excellent")
        .map(|l| l.0.as_str())
        .collect();
    assert_eq!(excellent, vec!["欧阳娜娜"]);
    // `--category` shows one category with the places it holds among all members.
    assert!(got.iter().all(|l| l.0 != "李强" && l.0 != "司马光明"));
    let zhang = got.iter().find(|l| l.0 == "张伟").expect("张伟");
    assert_eq!((zhang.2, zhang.3.as_str()), (2, "qualified"));
    let prob = lines(&rank_json(&db, &["--category", "probationary"]));
    assert_eq!(
        prob,
        vec![("李强".to_string(), 90.0, 2, "qualified".to_string())]
    );
    // Within the quota: nothing to note.
    let table = ok(&db, &["rank", "--period", "2026Q1"]);
    assert!(!table.contains("quota 2"), "{table}");
}

#[test]
fn a_year_without_periods_has_no_ranking_and_no_grade() {
    let dir = tempfile::tempdir().expect("temp");
    let db = branch(dir.path());
    let rows: Vec<Value> =
        serde_json::from_str(&ok(&db, &["rank", "--year", "2025", "--format", "json"]))
            .expect("json");
    assert!(rows.is_empty(), "{rows:?}");
    let table = ok(&db, &["rank", "--year", "2025"]);
    assert!(table.contains("no periods held"), "{table}");
    // The year with data ranks and grades.
    let rows: Vec<Value> =
        serde_json::from_str(&ok(&db, &["rank", "--year", "2026", "--format", "json"]))
            .expect("json");
    assert_eq!(rows.len(), 12);
    assert!(rows.iter().all(|r| r["grade"].is_string()));
}

#[test]
fn schemes_id_lists_the_figures_its_seed_does_not_state() {
    let dir = tempfile::tempdir().expect("temp");
    let db = dir.path().join("none.sqlite");
    // (scheme, a choice it lists with its value)
    let cases = [
        ("bureau-80", "grades[excellent].quota", "0.2"),
        ("bureau-80", "actions[talk].bottom_share", "0.1"),
        ("bureau-80", "quota_ties", "all"),
        ("star-rating", "year.rule", "average"),
        ("star-rating", "process.publication_days", "3"),
        ("twelve-point", "items[offset.service].max", "12"),
        ("company-60-40", "items[general.bonus].max", "5"),
        ("village-tiered", "items[violation.conduct].max", "30"),
        ("village-quarterly", "items[deduction.violation].max", "40"),
    ];
    for (id, at, value) in cases {
        let out = ok(&db, &["schemes", id]);
        let line = out
            .lines()
            .find(|l| l.split_whitespace().next() == Some(at))
            .unwrap_or_else(|| panic!("{id}: no {at} in\n{out}"));
        assert_eq!(line.split_whitespace().nth(1), Some(value), "{id} {at}");
    }
    // What the seed states is not listed as a choice: bureau's 3 working days (seed 000).
    let out = ok(&db, &["schemes", "bureau-80"]);
    assert!(!out.contains("process.publication_days"), "{out}");
    let e = jifen(&db, &["schemes", "bureau-81"]);
    assert_eq!(e.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&e.stderr).contains("bureau-80"));
}
