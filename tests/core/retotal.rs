//! `jifen retotal`: every kept score re-computed from the tallies in one pass;
//! `--check` names the rows that differ, a plain run rewrites exactly those.

use crate::common;
use common::cli::{jifen, ok};
use common::*;
use jifen::app::{retotal_all, verify, Ledger};
use jifen::domain::model::Category::Full;
use rusqlite::Connection;
use std::path::Path;

type Row = (
    i64,
    String,
    i64,
    f64,
    String,
    Option<String>,
    Option<String>,
    bool,
);

/// Every kept score, in key order.
fn kept(path: &Path) -> Vec<Row> {
    let c = Connection::open(path).unwrap();
    let mut st = c
        .prepare(
            "SELECT branch_id, period, member_id, total, parts, forced_grade, actions, vetoed
             FROM score ORDER BY branch_id, period, member_id",
        )
        .unwrap();
    let rows = st
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
                r.get(7)?,
            ))
        })
        .unwrap();
    rows.map(Result::unwrap).collect()
}

/// The scores as the change-by-change path gives them afresh: a copy with no
/// kept scores, every branch noted, each branch caught up on open.
fn fresh(path: &Path) -> Vec<Row> {
    let copy = copy_without_kept_scores(path);
    let c = Connection::open(&copy).unwrap();
    let names: Vec<String> = {
        let mut st = c.prepare("SELECT name FROM branch ORDER BY id").unwrap();
        let rows = st.query_map([], |r| r.get(0)).unwrap();
        rows.map(Result::unwrap).collect()
    };
    drop(c);
    for n in &names {
        drop(Ledger::open(&copy, Some(n)).unwrap());
    }
    kept(&copy)
}

fn sql(path: &Path, s: &str) {
    Connection::open(path).unwrap().execute_batch(s).unwrap();
}

/// Two branches on bureau-80 with two quarters of approved claims, through the binary.
fn two_branches(db: &Path) {
    for (branch, names) in [
        ("一支部", ["欧阳娜娜", "张伟"]),
        ("二支部", ["李强", "王芳"]),
    ] {
        ok(
            db,
            &[
                "init",
                "--branch",
                branch,
                "--scheme",
                "bureau-80",
                "--year",
                "2026",
            ],
        );
        for n in names {
            ok(db, &["--branch", branch, "member", "add", n]);
        }
        for p in ["2026Q1", "2026Q2"] {
            if p != "2026Q1" {
                ok(db, &["--branch", branch, "period", "open", p]);
            }
            for (n, item, level) in [
                (names[0], "work.speech", Some("city")),
                (names[1], "other.blood", None),
                (names[0], "other.blood", None),
            ] {
                let mut args = vec!["--branch", branch, "claim", "add", n, item, "--period", p];
                if let Some(l) = level {
                    args.extend(["--level", l]);
                }
                let id = ok(db, &args).trim().to_string();
                ok(db, &["--branch", branch, "verdict", &id, "approve"]);
            }
        }
    }
}

#[test]
fn check_names_edited_rows_and_retotal_rewrites_only_those() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("county.sqlite");
    two_branches(&db);
    let before = kept(&db);
    assert_eq!(before.len(), 8, "2 branches x 2 quarters x 2 members");
    assert_eq!(before, fresh(&db));
    let out = ok(&db, &["retotal", "--check"]);
    assert!(out.contains("8 scores checked, 0 differ"), "{out}");

    // Edit a total, drop a row, add a row no entries explain.
    let (b2, m2) = (before[6].0, before[6].2);
    sql(
        &db,
        &format!(
            "UPDATE score SET total = 99 WHERE branch_id = 1 AND period = '2026Q1' AND member_id = {};
             DELETE FROM score WHERE branch_id = 1 AND period = '2026Q2' AND member_id = {};
             INSERT INTO score VALUES ({b2}, '2026Q2', 999, 80.0, '', NULL, NULL, 0);
             UPDATE score SET actions = 'talk' WHERE branch_id = {b2} AND period = '2026Q2' AND member_id = {m2};",
            before[0].2, before[3].2
        ),
    );
    let o = jifen(&db, &["retotal", "--check"]);
    let out = String::from_utf8_lossy(&o.stdout);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{out}{err}");
    assert!(err.contains("4 kept scores differ"), "{err}");
    for line in [
        format!(
            "branch 1 period 2026Q1 member {}: kept 99 but tallies give",
            before[0].2
        ),
        format!("branch 1 period 2026Q2 member {}: missing", before[3].2),
        format!("branch {b2} period 2026Q2 member 999: kept but no entries explain it"),
        format!("branch {b2} period 2026Q2 member {m2}: kept"),
    ] {
        assert!(out.contains(&line), "{line} in:\n{out}");
    }
    assert_ne!(kept(&db), before, "--check writes nothing");

    let out = ok(&db, &["retotal"]);
    assert!(
        out.contains("4 changed (1 added, 2 replaced, 1 removed)"),
        "{out}"
    );
    assert_eq!(kept(&db), before);
    assert_eq!(kept(&db), fresh(&db));
    let out = ok(&db, &["retotal", "--check"]);
    assert!(out.contains("0 differ"), "{out}");
    ok(&db, &["verify"]);
}

#[test]
fn retotal_rebuilds_a_dropped_table_and_clears_the_notes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("county.sqlite");
    two_branches(&db);
    let before = kept(&db);
    // As an older jifen leaves a database: no kept scores, every branch noted.
    sql(
        &db,
        "DELETE FROM score; INSERT INTO score_dirty SELECT id, NULL, NULL FROM branch;",
    );
    let r = retotal_all(&db, false).unwrap();
    assert_eq!((r.added, r.replaced, r.removed), (8, 0, 0));
    assert_eq!(r.stats.branches, 2);
    assert_eq!(r.stats.periods, 4);
    assert_eq!(r.notes_cleared, 2);
    assert_eq!(kept(&db), before);
    let notes: i64 = Connection::open(&db)
        .unwrap()
        .query_row("SELECT count(*) FROM score_dirty", [], |r| r.get(0))
        .unwrap();
    assert_eq!(notes, 0);
    verify(&db, None).unwrap();
}

#[test]
fn year_to_date_windows_reach_back_within_the_year_only() {
    let (_d, p, mut l) = ledger("twelve-point");
    for period in ["2026Q1", "2026Q2", "2026Q3", "2027Q1", "2027Q2"] {
        l.open_period(period).unwrap();
    }
    let a = member(&mut l, "欧阳娜娜", Full, None);
    let b = member(&mut l, "张伟", Full, None);
    approved(&mut l, a, "2026Q1", "life.absent", None, None);
    approved(&mut l, a, "2026Q2", "life.absent", None, None);
    approved(&mut l, b, "2026Q2", "life.absent", None, None);
    approved(&mut l, a, "2027Q2", "life.absent", None, None);
    let q1 = score(&l, q("2026Q1"), a);
    assert!(q1 > 0.0);
    assert_eq!(score(&l, q("2026Q3"), a), 2.0 * q1, "Q3 carries Q1 and Q2");
    assert_eq!(score(&l, q("2027Q1"), a), 0.0, "a new year starts afresh");
    drop(l);
    let before = kept(&p);
    // Member a: Q1, Q2, Q3 of 2026 and Q2 of 2027; b: Q2 and Q3 of 2026.
    assert_eq!(before.len(), 6, "{before:?}");
    sql(&p, "DELETE FROM score WHERE period IN ('2026Q3', '2027Q2')");
    let r = retotal_all(&p, true).unwrap();
    assert_eq!((r.added, r.replaced, r.removed), (3, 0, 0));
    assert!(!r.written);
    assert_eq!(kept(&p).len(), 3, "--check writes nothing");
    let r = retotal_all(&p, false).unwrap();
    assert_eq!(r.changed(), 3);
    assert_eq!(kept(&p), before);
    assert_eq!(kept(&p), fresh(&p));
    verify(&p, None).unwrap();
}

#[test]
fn corrections_count_as_the_change_by_change_path_counts_them() {
    use jifen::app::appeals::AppealOutcome;
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("demo.sqlite");
    let mut l = jifen::dev::demo::write_demo(&p).unwrap();
    let q3: jifen::domain::model::PeriodId = "2026Q3".parse().unwrap();
    let locked = l
        .publication(&q3, jifen::domain::calendar::today())
        .unwrap()
        .locked_on
        .unwrap();
    let m = l.find_member("沈从文").unwrap().id;
    let id = l
        .file_appeal(m, &q3, Some("discipline.absence"), "有假条", locked)
        .unwrap();
    l.reply_appeal(
        id,
        AppealOutcome::Upheld,
        "撤销扣分",
        Some(("discipline.absence", -1.0)),
        locked,
    )
    .unwrap();
    drop(l);
    let before = kept(&p);
    assert_eq!(retotal_all(&p, true).unwrap().changed(), 0);
    sql(&p, "DELETE FROM score");
    let r = retotal_all(&p, false).unwrap();
    assert_eq!(r.added, before.len());
    assert_eq!(kept(&p), before);
    assert_eq!(kept(&p), fresh(&p));
}
