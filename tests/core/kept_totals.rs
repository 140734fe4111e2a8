//! Totals kept up to date: every change re-scores what it moved, in its own
//! transaction, and the kept scores equal a fresh scoring from the tallies.

use crate::common;
use common::*;
use jifen::app::{verify, Ledger, MemberDraft, Ranking};
use jifen::domain::model::{Category::Full, MemberStatus, Outcome};
use rusqlite::Connection;
use std::path::Path;

/// Scores, ranks and grades of a ranking, by member.
fn table(r: &Ranking) -> Vec<(i64, f64, u32, Option<String>)> {
    let mut v: Vec<_> = r
        .rows
        .iter()
        .map(|x| {
            (
                x.member_id,
                x.score,
                x.rank,
                x.grade.as_deref().map(str::to_string),
            )
        })
        .collect();
    v.sort_by_key(|x| x.0);
    v
}

/// The period's ranking from the kept totals equals one scored afresh.
fn assert_kept_is_fresh(l: &Ledger, p: &Path, period: &str) {
    assert_eq!(
        table(&l.ranking(&q(period)).unwrap()),
        table(&fresh(p, &q(period))),
        "kept and fresh rankings of {period}"
    );
}

/// The same ranking scored afresh from the tallies: drop the kept scores,
/// note the branch as out of date and read it without writing.
fn fresh(path: &Path, scope: &jifen::app::RankScope) -> Ranking {
    let copy = copy_without_kept_scores(path);
    let l = Ledger::open_read_only(&copy, None).unwrap();
    let r = l.ranking(scope).unwrap();
    assert!(
        Connection::open(&copy)
            .unwrap()
            .query_row("SELECT count(*) FROM score", [], |r| r.get::<_, i64>(0))
            .unwrap()
            == 0,
        "the fresh ranking must come from tallies"
    );
    r
}

fn kept_rows(path: &Path) -> i64 {
    Connection::open(path)
        .unwrap()
        .query_row("SELECT count(*) FROM score", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn year_to_date_scores_follow_verdicts_undo_and_new_periods() {
    let (_d, p, mut l) = ledger("twelve-point");
    l.open_period("2026Q1").unwrap();
    let a = member(&mut l, "欧阳娜娜", Full, None);
    let b = member(&mut l, "张伟", Full, None);
    approved(&mut l, a, "2026Q1", "life.absent", None, None);
    let late = claim(&mut l, b, "2026Q1", "life.absent", None, None);
    // A quarter opened later carries the year so far.
    l.open_period("2026Q2").unwrap();
    let q1 = score(&l, q("2026Q2"), a);
    assert!(q1 > 0.0, "Q2 shows Q1's demerits: {q1}");
    assert_kept_is_fresh(&l, &p, "2026Q2");
    // A verdict in Q1 moves Q2 as well.
    l.verdict(late, Outcome::Approved, None, None).unwrap();
    assert_eq!(score(&l, q("2026Q2"), b), score(&l, q("2026Q1"), b));
    assert!(score(&l, q("2026Q2"), b) > 0.0);
    for s in ["2026Q1", "2026Q2"] {
        assert_kept_is_fresh(&l, &p, s);
    }
    // Undo takes it back in both quarters.
    l.undo_last().unwrap();
    assert_eq!(score(&l, q("2026Q2"), b), 0.0);
    assert_kept_is_fresh(&l, &p, "2026Q2");
    drop(l);
    verify(&p, None).unwrap();
}

#[test]
fn a_tier_change_re_scores_every_period_of_the_member() {
    let (_d, p, mut l) = ledger("village-tiered");
    l.open_period("2026Q1").unwrap();
    let a = member(&mut l, "李强", Full, Some(1));
    approved(&mut l, a, "2026Q1", "basic.duty", None, Some(5.0));
    let base = score(&l, q("2026Q1"), a);
    l.update_member(
        a,
        &MemberDraft {
            name: "李强".into(),
            category: Full,
            tier: Some(3),
            group: None,
            status: MemberStatus::Active,
        },
    )
    .unwrap();
    let raised = score(&l, q("2026Q1"), a);
    assert!(
        raised > base,
        "tier 3 has a higher base: {base} -> {raised}"
    );
    assert_kept_is_fresh(&l, &p, "2026Q1");
    drop(l);
    verify(&p, None).unwrap();
}

#[test]
fn verify_names_an_edited_kept_score() {
    let (_d, p, mut l) = ledger("bureau-80");
    l.open_period("2026Q1").unwrap();
    let a = member(&mut l, "欧阳娜娜", Full, None);
    approved(&mut l, a, "2026Q1", "work.speech", Some("city"), None);
    drop(l);
    verify(&p, None).unwrap();
    Connection::open(&p)
        .unwrap()
        .execute("UPDATE score SET total = 99 WHERE member_id = ?1", [a])
        .unwrap();
    let e = crate::common::en(&verify(&p, None).unwrap_err());
    assert!(e.contains("table score"), "{e}");
}

#[test]
fn an_out_of_date_branch_is_scored_from_tallies_then_caught_up_on_open() {
    let (_d, p, mut l) = ledger("bureau-80");
    l.open_period("2026Q1").unwrap();
    let a = member(&mut l, "欧阳娜娜", Full, None);
    approved(&mut l, a, "2026Q1", "work.speech", Some("city"), None);
    let kept = score(&l, q("2026Q1"), a);
    drop(l);
    // As an older jifen leaves it: no kept scores, the branch noted.
    Connection::open(&p)
        .unwrap()
        .execute_batch("DELETE FROM score; INSERT INTO score_dirty VALUES (1, NULL, NULL);")
        .unwrap();
    let viewer = Ledger::open_read_only(&p, None).unwrap();
    assert_eq!(score(&viewer, q("2026Q1"), a), kept);
    assert_eq!(kept_rows(&p), 0, "a viewer writes nothing");
    let l = Ledger::open(&p, None).unwrap();
    assert_eq!(kept_rows(&p), 1);
    assert_eq!(score(&l, q("2026Q1"), a), kept);
    drop((l, viewer));
    verify(&p, None).unwrap();
}

#[test]
fn a_bulk_import_is_journalled_compactly_replays_and_is_undone_whole() {
    let (d, p, mut l) = ledger("village-quarterly");
    l.open_period("2026Q4").unwrap();
    let a = member(&mut l, "欧阳娜娜", Full, None);
    let b = member(&mut l, "张伟", Full, None);
    let csv = d.path().join("claims.csv");
    let mut text = String::from("member,item,level,count,points,date,note,period,verdict\n");
    for i in 0..120 {
        let (who, item, pts) = if i % 3 == 0 {
            ("张伟", "deduction.violation", 1)
        } else {
            ("欧阳娜娜", "bonus.contribution", 2)
        };
        text.push_str(&format!(
            "{who},{item},,1,{pts},2026-10-02,第{i}条,2026Q4,approved\n"
        ));
    }
    std::fs::write(&csv, text).unwrap();
    assert_eq!(l.import_claims(&csv).unwrap(), 120);
    let base = 100.0;
    assert_eq!(score(&l, q("2026Q4"), a), base + 80.0 * 2.0);
    assert_eq!(score(&l, q("2026Q4"), b), base - 40.0);
    let kinds: Vec<String> = {
        let c = jifen::store::open_ro(l.path()).expect("db");
        let mut st = c.prepare("SELECT kind FROM event ORDER BY seq").unwrap();
        st.query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    assert_eq!(kinds.last().map(String::as_str), Some("claims_batch"));
    let report = verify(&p, None).unwrap();
    assert!(report.events > 0);
    // The import is one action: one undo takes all 120 claims back.
    let what = l.undo_last().unwrap();
    assert!(what.contains("import of 120 claims"), "{what}");
    assert_eq!(score(&l, q("2026Q4"), a), base);
    assert_eq!(score(&l, q("2026Q4"), b), base);
    drop(l);
    verify(&p, None).unwrap();
}

/// Scores, ranks, pending counts and confirmations, by member.
fn board(r: &Ranking) -> Vec<(i64, f64, u32, usize, Option<String>)> {
    let mut v: Vec<_> = r
        .rows
        .iter()
        .map(|x| {
            (
                x.member_id,
                x.score,
                x.rank,
                x.pending,
                x.confirmation.map(|c| c.as_str().to_string()),
            )
        })
        .collect();
    v.sort_by_key(|x| x.0);
    v
}

#[test]
fn repeated_rankings_follow_this_console_and_other_writers() {
    let (_d, p, mut l) = ledger("bureau-80");
    l.open_period("2026Q1").unwrap();
    let a = member(&mut l, "欧阳娜娜", Full, None);
    let b = member(&mut l, "张伟", Full, None);
    let c1 = claim(&mut l, a, "2026Q1", "work.speech", Some("city"), None);
    let c2 = claim(&mut l, b, "2026Q1", "other.blood", None, None);
    let check = |l: &Ledger| {
        let kept = board(&l.ranking(&q("2026Q1")).unwrap());
        assert_eq!(kept, board(&fresh(&p, &q("2026Q1"))));
        kept
    };
    let start = check(&l);
    assert!(
        start.iter().all(|r| r.3 == 1),
        "one pending claim each: {start:?}"
    );
    l.verdict(c1, Outcome::Approved, None, None).unwrap();
    let after = check(&l);
    assert_eq!(after[0].3, 0);
    assert!(after[0].1 > start[0].1);
    l.confirm(a, &"2026Q1".parse().unwrap(), None).unwrap();
    assert_eq!(check(&l)[0].4.as_deref(), Some("confirmed"));
    l.undo_last().unwrap();
    l.undo_last().unwrap();
    assert_eq!(check(&l), start);
    // Another connection's verdict reaches this console's next ranking.
    let mut other = Ledger::open(&p, None).unwrap();
    other.verdict(c2, Outcome::Approved, None, None).unwrap();
    assert_eq!(check(&l)[1].3, 0);
}

#[test]
fn a_large_import_is_numbered_in_file_order() {
    let (d, p, mut l) = ledger("village-quarterly");
    l.open_period("2026Q4").unwrap();
    let names = ["欧阳娜娜", "张伟", "李强"];
    let ids: Vec<i64> = names
        .iter()
        .map(|n| member(&mut l, n, Full, None))
        .collect();
    let csv = d.path().join("claims.csv");
    let mut text = String::from("member,item,level,count,points,date,note,period,verdict\n");
    let n = 6000;
    for i in 0..n {
        let who = names[i % 3];
        let verdict = if i % 7 == 0 { "" } else { "approved" };
        text.push_str(&format!(
            "{who},bonus.contribution,,1,1,2026-10-02,第{i}条,2026Q4,{verdict}\n"
        ));
    }
    std::fs::write(&csv, text).unwrap();
    assert_eq!(l.import_claims(&csv).unwrap(), n);
    for (k, id) in ids.iter().enumerate() {
        let claims = l
            .claims(&jifen::app::ClaimFilter {
                member: Some(*id),
                ..Default::default()
            })
            .unwrap();
        assert_eq!(claims.len(), n / 3);
        // Numbers follow the file's lines.
        assert!(claims.windows(2).all(|w| w[1].id == w[0].id + 3));
        let lines: Vec<usize> = claims
            .iter()
            .map(|c| {
                let note = c.note.as_deref().unwrap_or_default();
                note.trim_start_matches('第')
                    .trim_end_matches('条')
                    .parse()
                    .unwrap()
            })
            .collect();
        let expected: Vec<usize> = (0..n).filter(|i| i % 3 == k).collect();
        assert_eq!(lines, expected, "{}", names[k]);
        let approved = expected.iter().filter(|i| *i % 7 != 0).count() as f64;
        assert_eq!(score(&l, q("2026Q4"), *id), 100.0 + approved);
    }
    drop(l);
    verify(&p, None).unwrap();
}
