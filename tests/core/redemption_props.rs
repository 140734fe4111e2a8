//! Redemption as a property: whatever redemptions are asked, and whichever
//! are refused, no balance goes below zero and no score, rank, grade or
//! star moves.

use crate::common;
use common::*;
use jifen::domain::model::{Category, PeriodId};
use proptest::prelude::*;

const GIFTS: [&str; 4] = ["gift.tissue", "gift.soap", "gift.kettle", "gift.hair-dryer"];

/// A member's standing: id, score, rank, grade, stars.
type Standing = (i64, String, u32, Option<String>, Option<u8>);

fn standings(l: &jifen::app::Ledger) -> Vec<Standing> {
    l.ranking(&q("2026Q4"))
        .expect("ranking")
        .rows
        .into_iter()
        .map(|r| {
            (
                r.member_id,
                format!("{:.2}", r.score),
                r.rank,
                r.grade.map(|g| g.to_string()),
                r.stars,
            )
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn balances_stay_at_or_above_zero_and_scores_never_move(
        speeches in prop::collection::vec(0usize..4, 3),
        asks in prop::collection::vec((0usize..3, 0usize..4, 1i64..6), 1..14),
    ) {
        let (_d, _p, mut l) = ledger("bureau-80");
        l.open_period("2026Q4").expect("open");
        let period: PeriodId = "2026Q4".parse().expect("period");
        let names = ["张伟", "欧阳娜娜", "司马光明"];
        let ids: Vec<i64> = names.iter().map(|n| member(&mut l, n, Category::Full, None)).collect();
        for (m, n) in ids.iter().zip(&speeches) {
            for _ in 0..*n {
                approved(&mut l, *m, "2026Q4", "work.speech", Some("national"), None);
            }
            approved(&mut l, *m, "2026Q4", "discipline.dues", None, None);
        }
        let before = standings(&l);
        for (m, g, count) in asks {
            let id = ids[m];
            let was = l.balance_of(id, None).expect("balance");
            let head = l.journal_head().expect("head");
            match l.redeem(id, GIFTS[g], count, &period, true) {
                Ok(r) => {
                    prop_assert!(r.after.balance >= 0.0, "{r:?}");
                    prop_assert_eq!(r.before, was);
                    prop_assert!((r.before.balance - r.cost - r.after.balance).abs() < 1e-9);
                }
                Err(_) => {
                    prop_assert_eq!(l.balance_of(id, None).expect("balance"), was);
                    prop_assert_eq!(l.journal_head().expect("head"), head);
                }
            }
            for b in l.balances(None).expect("balances") {
                prop_assert!(b.balance.balance >= 0.0, "{b:?}");
            }
            for g in l.gift_rows().expect("gifts") {
                if let Some(stock) = g.gift.stock {
                    prop_assert!(g.given <= stock, "{g:?}");
                }
            }
        }
        prop_assert_eq!(standings(&l), before);
    }
}
