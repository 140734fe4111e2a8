//! The appraisal in the ledger (民主测评): ballots from the roll call, counts
//! refused above the valid ballots with nothing written, the close posting
//! points x50% into the right quarter, the lock sealing them, verify
//! replaying and comparing the appraisal tables.

use crate::common::{en, ledger, member, q, score};
use jifen::app::{verify, AppraisalError, CoreError, Ledger};
use jifen::domain::model::{Attendance, Category, PeriodId};
use rusqlite::Connection;

fn pid(s: &str) -> PeriodId {
    s.parse().expect("period")
}

fn votes(e: i64, q: i64, b: i64, u: i64) -> Vec<(String, i64)> {
    [
        ("excellent", e),
        ("qualified", q),
        ("basic", b),
        ("unqualified", u),
    ]
    .iter()
    .map(|(k, n)| (k.to_string(), *n))
    .collect()
}

/// A pipeline branch of 12 full members and one probationary, all present
/// at the 2026Q2 assembly (before 七一): 12 ballots.
fn pipeline() -> (tempfile::TempDir, std::path::PathBuf, Ledger, Vec<i64>) {
    let (d, p, mut l) = ledger("pipeline-75-25");
    let names = [
        "欧阳娜娜",
        "张伟",
        "王芳",
        "李娜",
        "刘洋",
        "陈静",
        "杨磊",
        "赵敏",
        "黄强",
        "周杰",
        "吴刚",
        "徐丽",
    ];
    let mut ids: Vec<i64> = names
        .iter()
        .map(|n| member(&mut l, n, Category::Full, None))
        .collect();
    ids.push(member(&mut l, "郑预备", Category::Probationary, None));
    l.open_period("2026Q1").expect("open Q1");
    l.open_period("2026Q2").expect("open Q2");
    for m in &ids {
        l.mark_attendance(*m, &pid("2026Q2"), Attendance::Present)
            .expect("present");
    }
    (d, p, l, ids)
}

#[test]
fn ballots_are_the_voting_members_present() {
    let (_d, _p, mut l, _) = pipeline();
    // The probationary member has no vote: 12 ballots, not 13.
    let b = l.open_appraisal(&pid("2026Q2"), None, None).expect("open");
    assert_eq!(
        (b.issued, b.returned, b.valid, b.representatives),
        (12, 12, 12, 0)
    );
    let again = l.open_appraisal(&pid("2026Q2"), None, None).unwrap_err();
    assert!(matches!(
        again,
        CoreError::Appraisal(AppraisalError::AlreadyOpen { .. })
    ));
    // Nobody marked present in Q1: no ballots unless given.
    let none = l.open_appraisal(&pid("2026Q1"), None, None).unwrap_err();
    assert!(
        matches!(none, CoreError::Appraisal(AppraisalError::NoBallots { .. })),
        "{none:?}"
    );
    let given = l
        .open_appraisal(&pid("2026Q1"), Some(9), Some(2))
        .expect("given");
    assert_eq!((given.issued, given.representatives), (9, 2));
}

#[test]
fn counts_above_the_valid_ballots_are_refused_and_nothing_changes() {
    let (_d, _p, mut l, ids) = pipeline();
    let q2 = pid("2026Q2");
    l.open_appraisal(&q2, None, None).expect("open");
    l.appraisal_returned(&q2, 12, 1).expect("one spoiled");
    let head = l.journal_head().expect("head");
    // 11 valid ballots: 8 + 3 + 1 = 12 is one too many.
    let e = l.record_votes(&q2, ids[0], &votes(8, 3, 1, 0)).unwrap_err();
    assert!(
        matches!(
            &e,
            CoreError::Appraisal(AppraisalError::OverBallots {
                counted: 12,
                valid: 11,
                ..
            })
        ),
        "{e:?}"
    );
    assert!(en(&e).contains("欧阳娜娜"), "{}", en(&e));
    assert_eq!(l.journal_head().expect("head"), head, "nothing journalled");
    let v = l.appraisal_view(&q2).expect("view");
    assert_eq!(v.lines[0].counted, 0);
    // Blanks count too: 8 + 3 + blank 1 = 12 > 11.
    let mut with_blank = votes(8, 3, 0, 0);
    with_blank.push(("blank".into(), 1));
    assert!(l.record_votes(&q2, ids[0], &with_blank).is_err());
    // Exactly the valid ballots is complete.
    let v = l
        .record_votes(&q2, ids[0], &votes(8, 3, 0, 0))
        .expect("11 of 11");
    assert!(v.lines[0].complete);
    assert_eq!(v.grade_code(&v.lines[0]), Some("excellent"));
    // And fewer returned than counted is refused.
    let back = l.appraisal_returned(&q2, 11, 1).unwrap_err();
    assert!(matches!(
        back,
        CoreError::Appraisal(AppraisalError::OverBallots { .. })
    ));
}

#[test]
fn points_land_in_the_appraisal_quarter_at_half() {
    let (_d, _p, mut l, ids) = pipeline();
    let (q1, q2) = (pid("2026Q1"), pid("2026Q2"));
    l.open_appraisal(&q2, None, None).expect("open");
    // 欧阳娜娜: 9 of 12 for 优秀 -> 优秀; the branch gives 24 (23-25): +12.
    l.record_votes(&q2, ids[0], &votes(9, 3, 0, 0))
        .expect("votes");
    // 张伟: 5 优秀, 4 合格 (9 > 6 at 合格) -> 合格, 22 by default: +11.
    l.record_votes(&q2, ids[1], &votes(5, 4, 2, 1))
        .expect("votes");
    // 王芳: 1, 2, 2, 7 -> 不合格 (5 of 12 until 不合格): 0, no claim.
    l.record_votes(&q2, ids[2], &votes(1, 2, 2, 7))
        .expect("votes");
    let before = score(&l, q("2026Q2"), ids[0]);
    let (v, posted) = l.close_appraisal(&q2, &[(ids[0], 24.0)]).expect("close");
    assert_eq!(posted, 2, "no claim for 0 points");
    assert_eq!(v.lines[0].points, Some(24.0));
    assert_eq!(v.lines[1].points, Some(22.0));
    assert_eq!(v.grade_code(&v.lines[2]), Some("unqualified"));
    assert_eq!(score(&l, q("2026Q2"), ids[0]) - before, 12.0);
    assert_eq!(score(&l, q("2026Q2"), ids[1]), 11.0);
    assert_eq!(score(&l, q("2026Q2"), ids[2]), 0.0);
    assert_eq!(score(&l, q("2026Q1"), ids[0]), 0.0, "not another quarter");
    // A member with no counts gets no result.
    assert_eq!(v.lines[3].points, None);
    // Closed: counts are fixed.
    let e = l
        .record_votes(&q2, ids[3], &votes(12, 0, 0, 0))
        .unwrap_err();
    assert!(matches!(
        e,
        CoreError::Appraisal(AppraisalError::Closed { .. })
    ));
    let _ = q1;
}

#[test]
fn points_outside_the_grade_range_are_refused() {
    let (_d, _p, mut l, ids) = pipeline();
    let q2 = pid("2026Q2");
    l.open_appraisal(&q2, None, None).expect("open");
    l.record_votes(&q2, ids[0], &votes(9, 3, 0, 0))
        .expect("votes");
    let e = l.appraisal_points(&q2, ids[0], Some(22.0)).unwrap_err();
    assert!(
        matches!(&e, CoreError::Appraisal(AppraisalError::PointsOutside { min, max, .. }) if *min == 23.0 && *max == 25.0),
        "{e:?}"
    );
    let e = l.appraisal_points(&q2, ids[1], Some(20.0)).unwrap_err();
    assert!(matches!(
        e,
        CoreError::Appraisal(AppraisalError::NoGradeYet { .. })
    ));
}

#[test]
fn a_locked_period_refuses_counts_and_the_seal_verifies() {
    let (_d, p, mut l, ids) = pipeline();
    let q2 = pid("2026Q2");
    l.open_appraisal(&q2, None, None).expect("open");
    l.record_votes(&q2, ids[0], &votes(12, 0, 0, 0))
        .expect("votes");
    // An open appraisal holds the lock back.
    let e = l.lock(&q2).unwrap_err();
    assert!(
        matches!(e, CoreError::Appraisal(AppraisalError::StillOpen { .. })),
        "{e:?}"
    );
    l.close_appraisal(&q2, &[]).expect("close");
    let sealed = l.lock(&q2).expect("lock");
    let e = l.record_votes(&q2, ids[1], &votes(1, 0, 0, 0)).unwrap_err();
    assert!(matches!(e, CoreError::PeriodClosed { .. }), "{e:?}");
    let e = l.appraisal_returned(&q2, 10, 0).unwrap_err();
    assert!(matches!(e, CoreError::PeriodClosed { .. }), "{e:?}");
    assert_eq!(score(&l, q("2026Q2"), ids[0]), 12.5, "25 x 50%");
    drop(l);
    let r = verify(&p, Some(&sealed.seal)).expect("verify --seal");
    assert_eq!(r.seal_matched.as_deref(), Some("2026Q2"));
}

#[test]
fn verify_replays_and_compares_the_appraisal_tables() {
    let (_d, p, mut l, ids) = pipeline();
    let q2 = pid("2026Q2");
    l.open_appraisal(&q2, None, None).expect("open");
    l.record_votes(&q2, ids[0], &votes(7, 5, 0, 0))
        .expect("votes");
    drop(l);
    verify(&p, None).expect("replays");
    let c = Connection::open(&p).expect("open");
    c.execute(
        "UPDATE appraisal_vote SET count = 8 WHERE choice = 'excellent'",
        [],
    )
    .expect("edit");
    let e = en(&verify(&p, None).unwrap_err());
    assert!(e.contains("appraisal_vote"), "{e}");
}

#[test]
fn star_rating_means_feed_the_common_and_star_parts() {
    // Seed 003: 10 members, 2 representatives (20%), 5 present: 7 ballots.
    let (_d, p, mut l) = ledger("star-rating");
    let ids: Vec<i64> = (0..10)
        .map(|i| member(&mut l, &format!("党员{i}"), Category::Full, None))
        .collect();
    let h1 = pid("2026H1");
    l.open_period("2026H1").expect("open");
    for m in &ids[..5] {
        l.mark_attendance(*m, &h1, Attendance::Present)
            .expect("present");
    }
    let b = l.open_appraisal(&h1, None, None).expect("open");
    assert_eq!((b.issued, b.representatives), (7, 2));
    let common = [52.0, 55.0, 58.0, 60.0, 50.0, 55.0, 55.0];
    let star = [30.0, 35.0, 40.0, 35.0, 35.0, 35.0, 35.0];
    for (i, (c, s)) in common.iter().zip(star).enumerate() {
        let scores = vec![("common".to_string(), *c), ("star".to_string(), s)];
        l.record_scores(&h1, ids[0], i as i64 + 1, &scores)
            .expect("scores");
    }
    let e = l
        .record_scores(&h1, ids[0], 8, &[("common".into(), 50.0)])
        .unwrap_err();
    assert!(matches!(
        e,
        CoreError::Appraisal(AppraisalError::RaterRange { rater: 8, valid: 7 })
    ));
    let e = l
        .record_scores(&h1, ids[1], 1, &[("star".into(), 41.0)])
        .unwrap_err();
    assert!(matches!(
        e,
        CoreError::Appraisal(AppraisalError::ScoreAbove { .. })
    ));
    let e = l
        .record_votes(&h1, ids[1], &[("excellent".into(), 1)])
        .unwrap_err();
    assert!(matches!(
        e,
        CoreError::Appraisal(AppraisalError::WrongBallot { kind: "scores" })
    ));
    let v = l.appraisal_view(&h1).expect("view");
    assert!(v.lines[0].complete);
    // 385 / 7 = 55; 245 / 7 = 35.
    assert_eq!(v.lines[0].means, vec![Some(55.0), Some(35.0)]);
    l.close_appraisal(&h1, &[]).expect("close");
    assert_eq!(score(&l, q("2026H1"), ids[0]), 90.0);
    drop(l);
    verify(&p, None).expect("verify");
}

#[test]
fn a_year_grade_is_recorded_and_moves_no_score() {
    let (_d, _p, mut l) = ledger("bureau-80");
    let a = member(&mut l, "欧阳娜娜", Category::Full, None);
    l.open_period("2026Q4").expect("open");
    let q4 = pid("2026Q4");
    l.open_appraisal(&q4, Some(20), None).expect("open");
    // 8 + 5 = 13 of 20 pass half at 合格.
    l.record_votes(&q4, a, &votes(8, 5, 4, 3)).expect("votes");
    let before = score(&l, q("2026Q4"), a);
    let (v, posted) = l.close_appraisal(&q4, &[]).expect("close");
    assert_eq!(posted, 0);
    assert_eq!(v.grade_code(&v.lines[0]), Some("qualified"));
    assert_eq!(v.lines[0].points, None);
    assert_eq!(score(&l, q("2026Q4"), a), before);
    let year = l.year_appraisal_grades(2026).expect("year grades");
    assert_eq!(year.get(&a).map(String::as_str), Some("qualified"));
    assert!(l.year_appraisal_grades(2025).expect("none").is_empty());
}

#[test]
fn a_scheme_without_an_appraisal_refuses_one() {
    let (_d, _p, mut l) = ledger("twelve-point");
    l.open_period("2026Q1").expect("open");
    let e = l.open_appraisal(&pid("2026Q1"), Some(5), None).unwrap_err();
    assert!(matches!(
        e,
        CoreError::Appraisal(AppraisalError::NoSection { .. })
    ));
    let zh = jifen::i18n::meeting::core_error(jifen::i18n::Lang::Zh, &e);
    assert!(zh.contains("没有民主测评"), "{zh}");
    assert!(en(&e).contains("no democratic appraisal"), "{}", en(&e));
}

#[test]
fn undo_does_not_take_back_the_points_a_close_posted() {
    let (_d, _p, mut l, ids) = pipeline();
    let q2 = pid("2026Q2");
    l.open_appraisal(&q2, None, None).expect("open");
    l.record_votes(&q2, ids[0], &votes(12, 0, 0, 0))
        .expect("votes");
    l.close_appraisal(&q2, &[]).expect("close");
    let e = l
        .undo_plan(jifen::app::undo::UndoScope::Branch)
        .map(|p| p.steps.len())
        .unwrap_err();
    assert!(matches!(e, CoreError::NothingToUndo), "{e:?}");
    assert_eq!(score(&l, q("2026Q2"), ids[0]), 12.5);
}

#[test]
fn a_close_refuses_to_count_points_already_claimed_on_the_item() {
    let (_d, _p, mut l, ids) = pipeline();
    let q2 = pid("2026Q2");
    // The secretary had typed 张伟's appraisal points by hand before the
    // assembly held one.
    let mut d = jifen::app::ClaimDraft::new(ids[1], "appraisal");
    d.points = Some(20.0);
    d.period = Some("2026Q2".into());
    let hand = l.add_claim(&d).expect("hand claim");
    l.open_appraisal(&q2, None, None).expect("open");
    l.record_votes(&q2, ids[1], &votes(5, 4, 2, 1))
        .expect("votes");
    let before = score(&l, q("2026Q2"), ids[1]);
    let e = l.close_appraisal(&q2, &[]).unwrap_err();
    assert!(
        matches!(
            &e,
            CoreError::Appraisal(AppraisalError::AlreadyOnItem { claim, .. }) if *claim == hand
        ),
        "{e}"
    );
    let zh = jifen::i18n::errors::core(jifen::i18n::Lang::Zh, &e);
    assert!(
        zh.contains("张伟") && zh.contains("民主评议") && zh.contains("重复"),
        "{zh}"
    );
    assert_eq!(score(&l, q("2026Q2"), ids[1]), before, "nothing moved");
    // Rejected, the hand claim no longer counts and the close posts once.
    l.verdict(
        hand,
        jifen::domain::model::Outcome::Rejected,
        None,
        Some("以测评为准"),
    )
    .expect("reject");
    l.close_appraisal(&q2, &[]).expect("close");
    assert_eq!(score(&l, q("2026Q2"), ids[1]), 11.0, "22 x 50%, once");
}
