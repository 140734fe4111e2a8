//! Sealed tallies and score digests: locking a period moves its tallies into
//! one seal row, every score reads the same from it, and `retotal` compares a
//! period by the digest of its kept scores unless they changed.

mod common;
use common::cli::jifen;
use common::*;
use jifen::core::{retotal_all, verify, Ledger, RankScope};
use jifen::model::Category::Full;
use rusqlite::Connection;
use std::path::Path;

fn count(p: &Path, sql: &str) -> i64 {
    Connection::open(p)
        .unwrap()
        .query_row(sql, [], |r| r.get(0))
        .unwrap()
}

fn sql(p: &Path, s: &str) {
    Connection::open(p).unwrap().execute_batch(s).unwrap();
}

/// Every kept score as `(period, member, total, parts)`, in key order.
fn kept(p: &Path) -> Vec<(String, i64, f64, String)> {
    let c = Connection::open(p).unwrap();
    let mut st = c
        .prepare("SELECT period, member_id, total, parts FROM score ORDER BY 1, 2")
        .unwrap();
    let rows = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap();
    rows.map(Result::unwrap).collect()
}

/// The kept scores a database gets when every score is made afresh from
/// its tallies (and seals).
fn fresh(p: &Path) -> Vec<(String, i64, f64, String)> {
    let copy = copy_without_kept_scores(p);
    drop(Ledger::open(&copy, None).unwrap());
    kept(&copy)
}

fn scores(l: &Ledger, scope: RankScope) -> Vec<(i64, f64)> {
    let mut v: Vec<(i64, f64)> = l
        .ranking(&scope)
        .unwrap()
        .rows
        .iter()
        .map(|r| (r.member_id, r.score))
        .collect();
    v.sort_by_key(|r| r.0);
    v
}

/// Twelve-point (year-to-date windows): two members with deductions in Q1,
/// Q1 locked, then a deduction in Q2 whose window reaches the sealed Q1.
fn locked_first_quarter() -> (tempfile::TempDir, std::path::PathBuf, Ledger, i64, i64) {
    let (d, p, mut l) = ledger("twelve-point");
    l.open_period("2026Q1").unwrap();
    l.open_period("2026Q2").unwrap();
    let a = member(&mut l, "欧阳娜娜", Full, None);
    let b = member(&mut l, "张伟", Full, None);
    approved(&mut l, a, "2026Q1", "life.absent", None, None);
    approved(&mut l, a, "2026Q1", "style.talk", None, None);
    approved(&mut l, b, "2026Q1", "life.absent-leave", None, None);
    (d, p, l, a, b)
}

#[test]
fn locking_moves_the_tallies_into_one_seal_and_every_score_stays() {
    let (_d, p, mut l, a, b) = locked_first_quarter();
    let q1_before = scores(&l, q("2026Q1"));
    assert_eq!(q1_before.len(), 2);
    let tallies = count(&p, "SELECT count(*) FROM tally WHERE period = '2026Q1'");
    assert_eq!(tallies, 3);

    l.lock(&"2026Q1".parse().unwrap()).unwrap();
    assert_eq!(
        count(&p, "SELECT count(*) FROM tally WHERE period = '2026Q1'"),
        0
    );
    assert_eq!(count(&p, "SELECT count(*) FROM tally_seal"), 1);
    assert_eq!(scores(&l, q("2026Q1")), q1_before);

    // A Q2 verdict re-scores a's year-to-date window through the seal.
    let q2_before = score(&l, q("2026Q2"), a);
    approved(&mut l, a, "2026Q2", "life.absent", None, None);
    approved(&mut l, b, "2026Q2", "style.talk", None, None);
    let q2_after = score(&l, q("2026Q2"), a);
    assert_ne!(q2_after, q2_before, "the Q2 deduction counts");
    assert_eq!(
        q2_before,
        score(&l, q("2026Q1"), a),
        "Q2's window held Q1's deductions before its own"
    );
    let year = scores(&l, RankScope::Year(2026));
    drop(l);
    assert_eq!(
        kept(&p),
        fresh(&p),
        "kept scores equal scores from the seals"
    );
    let l = Ledger::open(&p, None).unwrap();
    assert_eq!(scores(&l, RankScope::Year(2026)), year);
    drop(l);
    verify(&p, None).unwrap();
    assert_eq!(retotal_all(&p, true).unwrap().changed(), 0);
}

#[test]
fn retotal_compares_by_digest_and_still_finds_an_edited_score() {
    let (_d, p, mut l, a, _) = locked_first_quarter();
    l.lock(&"2026Q1".parse().unwrap()).unwrap();
    approved(&mut l, a, "2026Q2", "life.absent", None, None);
    drop(l);
    assert_eq!(count(&p, "SELECT count(*) FROM score_digest"), 0);
    let r = retotal_all(&p, false).unwrap();
    assert_eq!((r.changed(), r.stats.periods, r.stats.by_digest), (0, 2, 0));
    assert_eq!(r.stats.kept, 4, "every kept row read once");
    assert_eq!(count(&p, "SELECT count(*) FROM score_digest"), 2);

    // Nothing changed: both periods match by digest, no kept row is read.
    let r = retotal_all(&p, true).unwrap();
    assert_eq!((r.changed(), r.stats.by_digest, r.stats.kept), (0, 2, 0));
    assert_eq!(r.stats.scores, 4);

    // An edit to a locked period's kept score drops its digest and is found.
    let good = kept(&p);
    sql(
        &p,
        &format!("UPDATE score SET total = 99 WHERE period = '2026Q1' AND member_id = {a}"),
    );
    assert_eq!(count(&p, "SELECT count(*) FROM score_digest"), 1);
    let r = retotal_all(&p, true).unwrap();
    assert_eq!((r.replaced, r.stats.by_digest), (1, 1));
    assert_eq!(r.first[0].member, a);
    let r = retotal_all(&p, false).unwrap();
    assert_eq!(r.replaced, 1);
    assert_eq!(kept(&p), good);
    assert_eq!(retotal_all(&p, true).unwrap().stats.by_digest, 2);

    // A wrong digest costs a row-by-row compare, never a wrong answer.
    sql(&p, "UPDATE score_digest SET digest = digest + 1");
    let r = retotal_all(&p, false).unwrap();
    assert_eq!((r.changed(), r.stats.by_digest, r.stats.kept), (0, 0, 4));
    assert_eq!(retotal_all(&p, true).unwrap().stats.by_digest, 2);
    verify(&p, None).unwrap();
}

#[test]
fn a_score_for_a_period_the_branch_lacks_is_refused() {
    let (_d, p, l, _, _) = locked_first_quarter();
    drop(l);
    let e = Connection::open(&p)
        .unwrap()
        .execute(
            "INSERT INTO score VALUES (1, '2030Q1', 1, 80.0, '', NULL, NULL, 0)",
            [],
        )
        .unwrap_err()
        .to_string();
    assert!(e.contains("period the branch does not have"), "{e}");
}

/// Turn a database back into what jifen wrote before seals: the locked
/// quarter's tallies back in rows, migration 6 undone.
fn back_before_seals(p: &Path, saved: &str) {
    let c = Connection::open(p).unwrap();
    let insert_guard: String = c
        .query_row(
            "SELECT sql FROM sqlite_master WHERE name = 'tally_locked_insert'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    c.execute_batch(&format!(
        "DROP TRIGGER tally_locked_insert;
         INSERT INTO tally SELECT * FROM {saved};
         {insert_guard};
         DROP TABLE {saved};"
    ))
    .unwrap();
    undo_migration_6(&c);
    c.execute_batch("PRAGMA user_version = 5;").unwrap();
}

#[test]
fn a_database_locked_before_seals_is_sealed_when_opened() {
    let (_d, p, mut l, _, _) = locked_first_quarter();
    sql(
        &p,
        "CREATE TABLE saved AS SELECT * FROM tally WHERE period = '2026Q1'",
    );
    l.lock(&"2026Q1".parse().unwrap()).unwrap();
    let q1 = scores(&l, q("2026Q1"));
    drop(l);
    back_before_seals(&p, "saved");
    assert_eq!(
        count(&p, "SELECT count(*) FROM tally WHERE period = '2026Q1'"),
        3
    );

    let l = Ledger::open(&p, None).unwrap();
    assert_eq!(scores(&l, q("2026Q1")), q1);
    drop(l);
    assert_eq!(
        count(&p, "SELECT count(*) FROM tally WHERE period = '2026Q1'"),
        0
    );
    assert_eq!(count(&p, "SELECT count(*) FROM tally_seal"), 1);
    assert_eq!(count(&p, "SELECT count(*) FROM score_dirty"), 0);
    assert_eq!(kept(&p), fresh(&p));
    verify(&p, None).unwrap();
}

#[test]
fn a_damaged_seal_is_named_and_nothing_is_written() {
    let (_d, p, mut l, _, _) = locked_first_quarter();
    l.lock(&"2026Q1".parse().unwrap()).unwrap();
    drop(l);
    sql(
        &p,
        "DROP TRIGGER tally_seal_locked_update; UPDATE tally_seal SET rows = x'0102'",
    );
    let before = kept(&p);
    let o = jifen(&p, &["retotal"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("sealed tallies of branch 1, period 2026Q1"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(kept(&p), before);
    let e = verify(&p, None).unwrap_err().to_string();
    assert!(e.contains("tally_seal"), "{e}");
}
