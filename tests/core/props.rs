//! Invariants of scoring, checked on generated inputs.

use crate::common;
use common::*;
use jifen::app::ClaimFilter;
use jifen::domain::model::{Category, ClaimStatus, Outcome};
use jifen::domain::scheme::Scheme;
use jifen::domain::scoring::{rank, score_window, Breakdown, Entrant, Scope, Tally};
use proptest::prelude::*;

fn tallies_for(s: &Scheme) -> impl Strategy<Value = Vec<Tally>> {
    let codes: Vec<String> = s.items.iter().map(|i| i.code.clone()).collect();
    prop::collection::vec((0..codes.len(), 0.0f64..40.0, 1i64..4), 0..12).prop_map(move |v| {
        v.into_iter()
            .map(|(i, p, c)| Tally {
                item: codes[i].clone(),
                points: (p * 2.0).round() / 2.0,
                count: c,
            })
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn floors_and_caps_hold(t in tallies_for(&Scheme::builtin("twelve-point").unwrap().0),
                            u in tallies_for(&Scheme::builtin("bureau-80").unwrap().0),
                            w in tallies_for(&Scheme::builtin("star-rating").unwrap().0)) {
        let tp = Scheme::builtin("twelve-point").unwrap().0;
        let s = score_window(&tp, None, &t).total;
        prop_assert!((0.0..=12.0).contains(&s), "twelve-point {s}");
        let b = Scheme::builtin("bureau-80").unwrap().0;
        prop_assert!(score_window(&b, None, &u).total >= 0.0);
        let st = Scheme::builtin("star-rating").unwrap().0;
        let x = score_window(&st, None, &w);
        prop_assert!(x.total <= 100.0 && x.part("common") <= 60.0 && x.part("star") <= 40.0);
    }

    #[test]
    fn ties_rank_equally_and_ranks_count_the_better(scores in prop::collection::vec(0u8..6, 1..30)) {
        let s = Scheme::builtin("company-60-40").unwrap().0;
        let breakdowns: Vec<Breakdown> = scores.iter()
            .map(|v| Breakdown { total: 60.0 + *v as f64 * 5.0, ..Default::default() })
            .collect();
        let entrants: Vec<Entrant> = breakdowns.iter().enumerate().map(|(i, breakdown)| Entrant {
            member_id: i as i64,
            category: Category::Full,
            breakdown,
            period_stars: vec![],
            grade_history: vec![],
            tie_break: i as u32,
        }).collect();
        let r = rank(&s, &entrants, Scope::Period);
        for a in &r {
            let better = r.iter().filter(|b| b.score > a.score).count() as u32;
            prop_assert_eq!(a.rank, better + 1);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    /// Verdicts in any order give the same totals; rejected and pending claims never count.
    #[test]
    fn approval_order_does_not_change_totals(order in Just((0..8usize).collect::<Vec<_>>()).prop_shuffle(),
                                             decisions in prop::collection::vec(0u8..3, 8)) {
        let (_d, _p, mut l) = ledger("bureau-80");
        l.open_period("2026Q1").unwrap();
        let a = member(&mut l, "甲", Category::Full, None);
        let b = member(&mut l, "乙", Category::Full, None);
        let items = [("work.speech", Some("city")), ("other.blood", None), ("discipline.dues", None), ("award.personal", Some("unit"))];
        let mut ids = Vec::new();
        for i in 0..8 {
            let (item, level) = items[i % 4];
            ids.push(claim(&mut l, if i % 2 == 0 { a } else { b }, "2026Q1", item, level, None));
        }
        let mut expect = [80.0f64, 80.0f64];
        for (i, id) in ids.iter().enumerate() {
            let c = l.claim(*id).unwrap();
            let sign = if c.item == "discipline.dues" { -1.0 } else { 1.0 };
            if decisions[i] == 1 { expect[i % 2] += sign * c.points; }
        }
        for &i in &order {
            match decisions[i] {
                1 => l.verdict(ids[i], Outcome::Approved, None, None).unwrap(),
                2 => l.verdict(ids[i], Outcome::Rejected, None, Some("不符合")).unwrap(),
                _ => {}
            }
        }
        prop_assert_eq!(score(&l, q("2026Q1"), a), expect[0]);
        prop_assert_eq!(score(&l, q("2026Q1"), b), expect[1]);
        let pending = l.claims(&ClaimFilter { pending_only: true, ..Default::default() }).unwrap();
        prop_assert!(pending.iter().all(|c| c.status == ClaimStatus::Pending));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(8))]

    /// Members with equal scores share a rank and are listed by name, then id
    /// (the same name twice included), whatever order they joined in.
    #[test]
    fn ties_are_listed_by_name_then_id(names in prop::collection::vec(prop::sample::select(vec!["王芳", "李强", "张伟", "刘洋", "陈静", "Ann", "欧阳娜娜"]), 2..12),
                                       approved in prop::collection::vec(any::<bool>(), 12)) {
        let (_d, _p, mut l) = ledger("bureau-80");
        l.open_period("2026Q1").unwrap();
        for (i, name) in names.iter().enumerate() {
            let id = member(&mut l, name, Category::Full, None);
            if approved[i] {
                let c = claim(&mut l, id, "2026Q1", "other.blood", None, None);
                l.verdict(c, Outcome::Approved, None, None).unwrap();
            }
        }
        let r = l.ranking(&q("2026Q1")).unwrap();
        prop_assert_eq!(r.rows.len(), names.len());
        for pair in r.rows.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            prop_assert!(a.score >= b.score);
            if a.score == b.score {
                prop_assert_eq!(a.rank, b.rank);
                prop_assert!((&*a.name, a.member_id) < (&*b.name, b.member_id),
                    "{} #{} listed before {} #{}", a.name, a.member_id, b.name, b.member_id);
            } else {
                prop_assert!(b.rank > a.rank);
            }
        }
    }
}
