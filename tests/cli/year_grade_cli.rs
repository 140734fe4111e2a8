//! `jifen year grade` and `rank --year --format json` through the real
//! binary: the final grade recorded up to what the points allow, refused
//! above with the database unchanged, the JSON's appraisal and final grades.

use crate::common;
use common::cli::{jifen, ok};
use serde_json::Value;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// Bureau-80, 2026Q1: five members at 95, 90, 85, 80 and 79.5. Two 优秀
/// places would be 20% of ten; of five it is one (at least one).
fn branch(dir: &Path) -> PathBuf {
    let db = dir.join("branch.sqlite");
    ok(
        &db,
        &["init", "--branch", "第一党支部", "--scheme", "bureau-80"],
    );
    ok(&db, &["period", "open", "2026Q1"]);
    let members = dir.join("members.csv");
    let mut m = String::from("name,category,tier,group\n");
    let mut c = String::from("member,item,level,count,points,date,note,period,verdict,reason\n");
    for (name, bonus) in [
        ("欧阳娜娜", 15.0),
        ("张伟", 10.0),
        ("王芳", 5.0),
        ("刘洋", 0.0),
        ("陈静", -0.5),
    ] {
        m.push_str(&format!("{name},full,,\n"));
        if bonus > 0.0 {
            let count = (bonus / 5.0_f64).ceil();
            c.push_str(&format!(
                "{name},work.major-task,,{count},{bonus},2026-02-10,,2026Q1,approved,\n"
            ));
        }
    }
    // 陈静: -2 for poor service, +1.5 for a major task: 79.5.
    c.push_str("陈静,purpose.service,,1,,2026-02-11,,2026Q1,approved,\n");
    c.push_str("陈静,work.major-task,,1,1.5,2026-02-12,,2026Q1,approved,\n");
    std::fs::write(&members, m).expect("write");
    ok(&db, &["member", "import", members.to_str().expect("path")]);
    let claims = dir.join("claims.csv");
    std::fs::write(&claims, c).expect("write");
    ok(&db, &["claim", "import", claims.to_str().expect("path")]);
    db
}

fn year_json(db: &Path) -> Vec<Value> {
    serde_json::from_str(&ok(db, &["rank", "--year", "2026", "--format", "json"])).expect("json")
}

fn field<'a>(rows: &'a [Value], member: &str, key: &str) -> &'a Value {
    let row = rows
        .iter()
        .find(|r| r["member"] == member)
        .unwrap_or_else(|| panic!("{member} ranked"));
    &row[key]
}

/// Run the binary as a Chinese reader would (the locale, no `--lang`).
fn zh(db: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_jifen"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("LANG", "zh_CN.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("run jifen")
}

fn sha(p: &Path) -> String {
    hex::encode(Sha256::digest(std::fs::read(p).expect("read")))
}

#[test]
fn year_ranking_json_carries_the_appraisal_and_final_grades() {
    let dir = tempfile::tempdir().expect("temp");
    let db = branch(dir.path());
    let rows = year_json(&db);
    for r in &rows {
        assert!(r["appraisal_grade"].is_null(), "no appraisal held: {r}");
        assert_eq!(
            r["final_grade"], r["grade"],
            "the default is the points grade"
        );
        assert_eq!(r["final_recorded"], false);
    }
    assert_eq!(field(&rows, "陈静", "score"), 79.5);
    assert_eq!(field(&rows, "陈静", "grade"), "basic");
    let done = zh(
        &db,
        &["year", "grade", "刘洋", "基本合格", "--year", "2026"],
    );
    assert!(done.status.success(), "{done:?}");
    let out = String::from_utf8_lossy(&done.stdout);
    assert!(
        out.contains("刘洋") && out.contains("基本合格") && out.contains("合格"),
        "{out}"
    );
    assert_eq!(out.lines().count(), 1, "one line saying what it did: {out}");
    let rows = year_json(&db);
    assert_eq!(field(&rows, "刘洋", "grade"), "qualified");
    assert_eq!(field(&rows, "刘洋", "final_grade"), "basic");
    assert_eq!(field(&rows, "刘洋", "final_recorded"), true);
    ok(&db, &["year", "grade", "刘洋", "default", "--year", "2026"]);
    assert_eq!(field(&year_json(&db), "刘洋", "final_grade"), "qualified");
    // A period's ranking is unchanged: no year-close fields there.
    let q1: Vec<Value> = serde_json::from_str(&ok(
        &db,
        &["rank", "--period", "2026Q1", "--format", "json"],
    ))
    .expect("json");
    assert!(q1[0].get("final_grade").is_none(), "{}", q1[0]);
    ok(&db, &["verify"]);
}

#[test]
fn a_grade_above_the_points_is_refused_with_the_database_unchanged() {
    let dir = tempfile::tempdir().expect("temp");
    let db = branch(dir.path());
    let before = sha(&db);
    // 张伟 at 90 has no quota place (one place, taken by 95): at most 合格.
    for (who, asked, allowed) in [
        ("张伟", "excellent", "Qualified"),
        ("陈静", "合格", "Basic"),
    ] {
        let out = jifen(&db, &["year", "grade", who, asked, "--year", "2026"]);
        assert_eq!(out.status.code(), Some(1));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(who) && err.contains(allowed), "{err}");
    }
    let out = zh(&db, &["year", "grade", "张伟", "优秀", "--year", "2026"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("张伟") && err.contains("「优秀」") && err.contains("「合格」"),
        "{err}"
    );
    let out = jifen(&db, &["year", "grade", "张伟", "gold", "--year", "2026"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("excellent"));
    assert_eq!(sha(&db), before, "nothing written");
}
