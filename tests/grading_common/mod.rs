//! Ranking scored members straight through `scoring::rank`, for the grading tests.
#![allow(dead_code)]

use jifen::domain::model::Category;
use jifen::domain::scheme::{Scheme, TieRule};
use jifen::domain::scoring::{rank_with_notes, Breakdown, Entrant, QuotaNote, Scope};

/// One member's result, in the order the members were given.
#[derive(Debug, Clone, PartialEq)]
pub struct Got {
    pub score: f64,
    pub category: Category,
    pub rank: u32,
    pub grade: Option<String>,
    pub stars: Option<u8>,
    pub actions: Vec<String>,
}

/// A built-in scheme with the tie rule set.
pub fn scheme(id: &str, rule: TieRule) -> Scheme {
    let mut s = Scheme::builtin(id).expect("built-in scheme").0;
    s.quota_ties = rule;
    s
}

/// Rank breakdowns of the given categories; results in input order, and the notes.
pub fn rank_breakdowns(
    s: &Scheme,
    members: &[(Breakdown, Category)],
    scope: Scope,
) -> (Vec<Got>, Vec<QuotaNote>) {
    let entrants: Vec<Entrant> = members
        .iter()
        .enumerate()
        .map(|(i, (breakdown, category))| Entrant {
            member_id: i as i64,
            category: *category,
            breakdown,
            period_stars: vec![],
            grade_history: vec![],
            tie_break: i as u32,
        })
        .collect();
    let out = rank_with_notes(s, &entrants, scope);
    let mut got: Vec<Option<Got>> = vec![None; members.len()];
    for st in &out.standings {
        got[st.entrant] = Some(Got {
            score: st.score,
            category: members[st.entrant].1,
            rank: st.rank,
            grade: st.grade.map(str::to_string),
            stars: st.stars,
            actions: st.actions.iter().map(|a| a.to_string()).collect(),
        });
    }
    (got.into_iter().flatten().collect(), out.notes)
}

/// Rank plain totals (one part) of full members.
pub fn rank_totals(s: &Scheme, totals: &[f64]) -> (Vec<Got>, Vec<QuotaNote>) {
    let members: Vec<(Breakdown, Category)> =
        totals.iter().map(|t| (total(*t), Category::Full)).collect();
    rank_breakdowns(s, &members, Scope::Period)
}

/// A breakdown with only a total.
pub fn total(t: f64) -> Breakdown {
    Breakdown {
        total: t,
        ..Default::default()
    }
}

/// A star-rating breakdown from its two parts.
pub fn star_parts(common: f64, star: f64) -> Breakdown {
    Breakdown {
        total: common + star,
        parts: vec![("common".into(), common), ("star".into(), star)],
        ..Default::default()
    }
}
