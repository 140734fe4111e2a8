//! Properties of every quota under both tie rules: no place goes to a member
//! while a better one goes without, tied members share a grade and stars,
//! and the two rankings (members, activists) never share a quota.

use crate::grading_common;
use grading_common::*;
use jifen::domain::model::Category;
use jifen::domain::scheme::{Scheme, TieRule};
use jifen::domain::scoring::{Breakdown, Scope};
use proptest::prelude::*;

fn category() -> impl Strategy<Value = Category> {
    prop::sample::select(vec![
        Category::Full,
        Category::Full,
        Category::Probationary,
        Category::Activist,
    ])
}

fn rule() -> impl Strategy<Value = TieRule> {
    prop::sample::select(vec![TieRule::All, TieRule::None])
}

/// Bureau-80 totals in few steps, unevenly, so ties are common and a big
/// tie often sits between two small groups at the quota's edge.
fn bureau_members() -> impl Strategy<Value = Vec<(Breakdown, Category)>> {
    let levels = vec![
        94.0, 90.0, 90.0, 90.0, 86.0, 82.0, 78.0, 70.0, 66.0, 60.0, 60.0,
    ];
    prop::collection::vec((prop::sample::select(levels), category()), 1..40)
        .prop_map(|v| v.into_iter().map(|(s, c)| (total(s), c)).collect())
}

/// Star-rating members who all pass the common-part gate.
fn star_members() -> impl Strategy<Value = Vec<(Breakdown, Category)>> {
    let star = prop::sample::select(vec![40.0, 35.0, 35.0, 35.0, 30.0, 25.0, 20.0, 20.0, 10.0]);
    prop::collection::vec((0u8..3, star, category()), 1..40).prop_map(|v| {
        v.into_iter()
            .map(|(c, s, cat)| (star_parts(50.0 + 5.0 * c as f64, s), cat))
            .collect()
    })
}

fn same_ranking(a: &Got, b: &Got) -> bool {
    a.category.rank_group() == b.category.rank_group()
}

/// No member holds a place a better member of the same ranking lacks.
fn places_go_by_score(got: &[Got], place: impl Fn(&Got) -> u8) -> Result<(), TestCaseError> {
    for a in got {
        for b in got
            .iter()
            .filter(|b| same_ranking(a, b) && b.score > a.score)
        {
            prop_assert!(
                place(b) >= place(a),
                "{} at {} has {} but {} at {} has {}",
                a.rank,
                a.score,
                place(a),
                b.rank,
                b.score,
                place(b)
            );
        }
    }
    Ok(())
}

fn ties_share(got: &[Got]) -> Result<(), TestCaseError> {
    for a in got {
        for b in got
            .iter()
            .filter(|b| same_ranking(a, b) && b.score == a.score)
        {
            prop_assert_eq!(&a.grade, &b.grade);
            prop_assert_eq!(a.stars, b.stars);
            prop_assert_eq!(a.rank, b.rank);
            prop_assert_eq!(&a.actions, &b.actions);
        }
    }
    Ok(())
}

/// Ranking the members alone gives each member what ranking everyone gives.
fn rankings_apart(s: &Scheme, members: &[(Breakdown, Category)]) -> Result<(), TestCaseError> {
    let (all, _) = rank_breakdowns(s, members, Scope::Period);
    for group in [Category::Full, Category::Activist].map(Category::rank_group) {
        let alone: Vec<(Breakdown, Category)> = members
            .iter()
            .filter(|(_, c)| c.rank_group() == group)
            .cloned()
            .collect();
        let (got, _) = rank_breakdowns(s, &alone, Scope::Period);
        let want: Vec<&Got> = all
            .iter()
            .filter(|g| g.category.rank_group() == group)
            .collect();
        prop_assert_eq!(got.iter().collect::<Vec<_>>(), want);
    }
    Ok(())
}

fn excellent(g: &Got) -> u8 {
    u8::from(g.grade.as_deref() == Some("excellent"))
}

fn talk(g: &Got) -> u8 {
    // At the bottom is the lesser place: scored so that better is higher.
    u8::from(!g.actions.iter().any(|a| a == "talk"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn excellent_quota_goes_by_score(m in bureau_members(), r in rule()) {
        let (got, _) = rank_breakdowns(&scheme("bureau-80", r), &m, Scope::Period);
        places_go_by_score(&got, excellent)?;
    }

    #[test]
    fn bottom_share_goes_by_score(m in bureau_members(), r in rule()) {
        let (got, _) = rank_breakdowns(&scheme("bureau-80", r), &m, Scope::Period);
        places_go_by_score(&got, talk)?;
        // Never both at the top and at the bottom.
        for g in &got {
            prop_assert!(!(excellent(g) == 1 && talk(g) == 0), "{g:?}");
            prop_assert!(!(g.rank == 1 && talk(g) == 0), "{g:?}");
        }
    }

    #[test]
    fn star_quotas_go_by_score(m in star_members(), r in rule()) {
        let (got, _) = rank_breakdowns(&scheme("star-rating", r), &m, Scope::Period);
        places_go_by_score(&got, |g| g.stars.unwrap_or(0))?;
    }

    #[test]
    fn quotas_hold_unless_a_tie_is_noted(m in bureau_members(), r in rule()) {
        let s = scheme("bureau-80", r);
        let (got, notes) = rank_breakdowns(&s, &m, Scope::Period);
        for group in [Category::Full, Category::Activist].map(Category::rank_group) {
            let n = got.iter().filter(|g| g.category.rank_group() == group).count();
            let ex = got.iter().filter(|g| g.category.rank_group() == group && excellent(g) == 1).count();
            let limit = ((0.2 * n as f64 + 1e-6).floor() as usize).max(1);
            let noted = notes.iter().find(|x| x.group == group && x.quota == jifen::domain::scoring::Quota::Grade("excellent".into()));
            match noted {
                Some(x) => {
                    prop_assert_eq!(r, TieRule::All);
                    prop_assert_eq!((x.granted, x.limit), (ex, limit));
                    prop_assert!(ex > limit);
                }
                None => prop_assert!(ex <= limit, "{} excellent of {} with no note", ex, n),
            }
        }
    }

    #[test]
    fn tied_members_share_grade_stars_and_actions(b in bureau_members(), s in star_members(), r in rule()) {
        ties_share(&rank_breakdowns(&scheme("bureau-80", r), &b, Scope::Period).0)?;
        ties_share(&rank_breakdowns(&scheme("star-rating", r), &s, Scope::Period).0)?;
    }

    #[test]
    fn categories_never_share_a_quota(b in bureau_members(), s in star_members(), r in rule()) {
        rankings_apart(&scheme("bureau-80", r), &b)?;
        rankings_apart(&scheme("star-rating", r), &s)?;
    }
}
