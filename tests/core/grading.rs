//! Grading rules worked by hand from the seeds: ties at every quota, the
//! bottom share, seed 003's thresholds, rankings by category.

use crate::grading_common;
use grading_common::*;
use jifen::domain::model::{Category, RankGroup};
use jifen::domain::scheme::TieRule::{self, All, None as NoneIn};
use jifen::domain::scoring::{Quota, QuotaNote, Scope};

fn grades(got: &[Got]) -> Vec<&str> {
    got.iter()
        .map(|g| g.grade.as_deref().unwrap_or("-"))
        .collect()
}

fn has(g: &Got, action: &str) -> bool {
    g.actions.iter().any(|a| a == action)
}

#[test]
fn excellent_quota_takes_a_tie_at_its_edge_whole_or_not_at_all() {
    // (case, scores in ranking order, tie rule, how many from the top are excellent)
    let bureau10 = [95.0, 90.0, 90.0, 88.0, 85.0, 84.0, 83.0, 82.0, 81.0, 80.0];
    let notice10 = [89.0, 89.0, 89.0, 87.0, 87.0, 86.0, 85.0, 84.0, 83.0, 82.0];
    let cases: &[(&str, &[f64], TieRule, usize)] = &[
        // Bureau-80, 10 scored, quota 20% = 2: 95 and both 90s; 88 is not.
        ("bureau-80 95/90/90/88", &bureau10, All, 3),
        ("bureau-80 95/90/90/88", &bureau10, NoneIn, 1),
        // Year notice: three at 89 are in together, the 87s are not.
        ("notice 89x3/87x2", &notice10, All, 3),
        ("notice 89x3/87x2", &notice10, NoneIn, 0),
    ];
    for (case, scores, rule, top) in cases {
        let (got, _) = rank_totals(&scheme("bureau-80", *rule), scores);
        for (i, g) in got.iter().enumerate() {
            let want = if i < *top { "excellent" } else { "qualified" };
            assert_eq!(
                g.grade.as_deref(),
                Some(want),
                "{case} {rule:?} member {i} at {}",
                g.score
            );
        }
    }
}

#[test]
fn a_hundred_and_twenty_members_give_no_place_below_a_member_without_one() {
    // 120 scored, quota 24: 20 at 86, 5 at 85 (the edge: 25 > 24), 6 at 81, 89 at 80 or less.
    let mut scores = vec![86.0; 20];
    scores.extend([85.0; 5]);
    scores.extend([81.0; 6]);
    scores.extend((0..89).map(|i| 80.0 - (i % 20) as f64));
    for (rule, excellent) in [(All, 25), (NoneIn, 20)] {
        let (got, notes) = rank_totals(&scheme("bureau-80", rule), &scores);
        let ex: Vec<f64> = got
            .iter()
            .filter(|g| g.grade.as_deref() == Some("excellent"))
            .map(|g| g.score)
            .collect();
        assert_eq!(ex.len(), excellent, "{rule:?}");
        assert!(
            ex.iter().all(|s| *s >= 85.0),
            "{rule:?}: no 81 is excellent"
        );
        let over: Vec<&QuotaNote> = notes.iter().collect();
        match rule {
            All => assert_eq!(
                over,
                vec![&QuotaNote {
                    group: RankGroup::Members,
                    quota: Quota::Grade("excellent".into()),
                    granted: 25,
                    limit: 24,
                    tie_score: 85.0,
                }]
            ),
            NoneIn => assert!(over.is_empty(), "none of the tie: within the quota"),
        }
    }
}

#[test]
fn bottom_share_takes_everyone_tied_at_its_edge_by_shared_rank() {
    // (scores, tie rule, members with the bottom talk by position)
    let cases: &[(&[f64], TieRule, &[usize])] = &[
        // Bureau-80, 10% of 10 = 1: the two tied for last both get the talk.
        (
            &[95.0, 90.0, 88.0, 85.0, 83.0, 80.0, 79.0, 75.0, 60.0, 60.0],
            All,
            &[8, 9],
        ),
        (
            &[95.0, 90.0, 88.0, 85.0, 83.0, 80.0, 79.0, 75.0, 60.0, 60.0],
            NoneIn,
            &[],
        ),
        // No tie: the last alone.
        (
            &[95.0, 90.0, 88.0, 85.0, 83.0, 80.0, 79.0, 75.0, 70.0, 60.0],
            All,
            &[9],
        ),
        // A branch of one is top, never bottom.
        (&[95.0], All, &[]),
        // Everyone tied: nobody ranks behind anyone.
        (&[80.0, 80.0, 80.0, 80.0], All, &[]),
        // Two members: the second is the bottom 10% (at least one).
        (&[90.0, 85.0], All, &[1]),
    ];
    for (scores, rule, bottom) in cases {
        let (got, _) = rank_totals(&scheme("bureau-80", *rule), scores);
        let talk: Vec<usize> = (0..got.len()).filter(|i| has(&got[*i], "talk")).collect();
        assert_eq!(&talk, bottom, "{scores:?} {rule:?}");
    }
}

#[test]
fn a_branch_of_one_is_excellent_without_the_bottom_talk() {
    let (got, _) = rank_totals(&scheme("bureau-80", All), &[95.0]);
    assert_eq!(grades(&got), vec!["excellent"]);
    assert!(got[0].actions.is_empty(), "{:?}", got[0].actions);
}

#[test]
fn bottom_share_over_its_count_is_noted() {
    let (_, notes) = rank_totals(
        &scheme("bureau-80", All),
        &[95.0, 90.0, 88.0, 85.0, 83.0, 80.0, 79.0, 75.0, 60.0, 60.0],
    );
    assert!(notes.contains(&QuotaNote {
        group: RankGroup::Members,
        quota: Quota::Action("talk".into()),
        granted: 2,
        limit: 1,
        tie_score: 60.0,
    }));
}

#[test]
fn star_quotas_follow_the_same_rule() {
    // Star rating, 20 members: 5 stars 10% = 2, 4 stars 15% = 3, 3 stars 20% = 4.
    // 100, then three at 95 (over the 5-star edge), then 90 down.
    let mut totals = vec![(60.0, 40.0), (60.0, 35.0), (60.0, 35.0), (60.0, 35.0)];
    totals.extend((0..16).map(|i| (60.0, 30.0 - i as f64)));
    let members: Vec<_> = totals
        .iter()
        .map(|(c, s)| (star_parts(*c, *s), Category::Full))
        .collect();
    // (rule, stars of the first eight)
    let cases = [
        (All, [5, 5, 5, 5, 4, 3, 3, 3]),
        (NoneIn, [5, 4, 4, 4, 4, 3, 3, 3]),
    ];
    for (rule, want) in cases {
        let (got, notes) = rank_breakdowns(&scheme("star-rating", rule), &members, Scope::Period);
        let stars: Vec<u8> = got.iter().take(8).map(|g| g.stars.unwrap_or(0)).collect();
        assert_eq!(stars, want, "{rule:?}");
        // 4+1+4 = 9 starred, cumulative 2+3+4 = 9 places.
        assert_eq!(
            got.iter().filter(|g| g.stars.is_some()).count(),
            9,
            "{rule:?}"
        );
        let over: Vec<&Quota> = notes.iter().map(|n| &n.quota).collect();
        match rule {
            All => assert_eq!(over, vec![&Quota::Stars(5)]),
            NoneIn => assert!(over.is_empty()),
        }
    }
}

#[test]
fn seed_003_every_total_under_60_gets_the_talk_under_50_the_double_warning_too() {
    // (common, star, talk, double warning)
    let cases = [
        (50.0, 10.0, false, false),
        (50.0, 9.5, true, false),
        (45.0, 10.0, true, false),
        (45.0, 4.5, true, true),
        (20.0, 0.0, true, true),
        (60.0, 40.0, false, false),
    ];
    let members: Vec<_> = cases
        .iter()
        .map(|(c, s, ..)| (star_parts(*c, *s), Category::Full))
        .collect();
    let (got, _) = rank_breakdowns(&scheme("star-rating", All), &members, Scope::Period);
    for (g, (c, s, talk, warn)) in got.iter().zip(cases) {
        assert_eq!(has(g, "talk"), talk, "{c}+{s}");
        assert_eq!(has(g, "double-warning"), warn, "{c}+{s}");
    }
}

#[test]
fn activists_are_ranked_apart_and_take_no_member_place() {
    use Category::{Activist, Full, Probationary};
    // Eight members (full and probationary together) and two activists at the top.
    let plan = [
        (99.0, Activist),
        (97.0, Activist),
        (95.0, Full),
        (92.0, Probationary),
        (90.0, Full),
        (88.0, Full),
        (86.0, Full),
        (84.0, Full),
        (82.0, Full),
        (60.0, Full),
    ];
    let members: Vec<_> = plan.iter().map(|(t, c)| (total(*t), *c)).collect();
    let (got, _) = rank_breakdowns(&scheme("bureau-80", All), &members, Scope::Period);
    let line: Vec<(u32, &str)> = got
        .iter()
        .map(|g| (g.rank, g.grade.as_deref().unwrap_or("-")))
        .collect();
    assert_eq!(
        line,
        vec![
            // Activists: 2 ranked, quota 20% of 2 at least one.
            (1, "excellent"),
            (2, "qualified"),
            // Members: 8 ranked, quota 20% of 8 = 1; probationary ranked among full.
            (1, "excellent"),
            (2, "qualified"),
            (3, "qualified"),
            (4, "qualified"),
            (5, "qualified"),
            (6, "qualified"),
            (7, "qualified"),
            (8, "unqualified"),
        ]
    );
    // The bottom share is counted in each ranking: the activist at 97 is
    // the bottom of two, the member at 60 the bottom of eight.
    let talk: Vec<f64> = got
        .iter()
        .filter(|g| has(g, "talk"))
        .map(|g| g.score)
        .collect();
    assert_eq!(talk, vec![97.0, 60.0]);
}

#[test]
fn tied_members_share_a_grade_even_at_the_quota_edge() {
    for rule in [All, NoneIn] {
        let (got, _) = rank_totals(&scheme("bureau-80", rule), &[90.0, 90.0, 90.0, 85.0, 85.0]);
        assert_eq!(got[0].grade, got[2].grade, "{rule:?}");
        assert_eq!(got[3].grade, got[4].grade, "{rule:?}");
        assert!(got.iter().all(|g| g.rank == 1 || g.rank == 4));
    }
}
