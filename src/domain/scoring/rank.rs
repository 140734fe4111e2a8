//! Ranking with shared ranks, then grades, stars and actions.
//!
//! Full and probationary members are ranked together and activists apart
//! (分类排名, seed 001): ranks, quotas and the bottom share are counted inside
//! each ranking group, so an activist never takes a member's place. Every
//! quota is filled by the one rule in [`super::quota`].

use super::quota::{self, Fill, TieRule};
use super::Breakdown;
use crate::domain::model::{Category, RankGroup};
use crate::domain::scheme::{Direction, On, Scheme};
use serde::Serialize;

/// Whether a ranking is of one period or of a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Period,
    Year,
}

/// One scored member going into a ranking (borrowing its breakdown, so a
/// ranking of kept totals copies nothing).
#[derive(Debug, Clone)]
pub struct Entrant<'a> {
    pub member_id: i64,
    pub category: Category,
    pub breakdown: &'a Breakdown,
    /// Stars of each period of the year (year scope; used by "every quarter" conditions).
    pub period_stars: Vec<Option<u8>>,
    /// Grades of the member's earlier periods, oldest first (for repeat rules).
    pub grade_history: Vec<Option<String>>,
    /// Where the member goes among equal scores (lower first); distinct per entrant.
    pub tie_break: u32,
}

/// A member's place in a ranking; grade and action keys borrow from the
/// scheme and the entrants.
#[derive(Debug, Clone, PartialEq)]
pub struct Standing<'a> {
    pub member_id: i64,
    /// Position of the member in the entrants given to `rank`.
    pub entrant: usize,
    /// The ranking the member is placed in (rank counts within it).
    pub group: RankGroup,
    pub score: f64,
    pub rank: u32,
    pub grade: Option<&'a str>,
    pub stars: Option<u8>,
    pub actions: Vec<&'a str>,
}

/// Which quota a note is about.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Quota {
    /// A grade with a quota (the excellent quota).
    Grade(String),
    /// A star band with a share.
    Stars(u8),
    /// An action on the bottom share.
    Action(String),
}

/// A quota that ties took over its count, for the branch to decide at the
/// appraisal ("优秀 7, quota 5: tie at 88").
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuotaNote {
    pub group: RankGroup,
    pub quota: Quota,
    /// Members who hold the place.
    pub granted: usize,
    /// Places the quota allows.
    pub limit: usize,
    /// Score of the tied group at the quota's edge.
    pub tie_score: f64,
}

/// Standings in ranking order with the notes of quotas ties went over.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome<'a> {
    pub standings: Vec<Standing<'a>>,
    pub notes: Vec<QuotaNote>,
}

const EPS: f64 = 1e-6;

/// A score as a whole number of `EPS` steps, signed so that better sorts
/// first: scores within rounding noise share a key, and keys are a total
/// order (comparing with a tolerance is not, and sorting needs one).
fn tie_key(direction: Direction, total: f64) -> i64 {
    let steps = (total / EPS).round() as i64;
    match direction {
        Direction::Higher => steps.saturating_neg(),
        Direction::Lower => steps,
    }
}

/// An entrant in ranking order, with what the passes below read copied out,
/// so they walk one compact list instead of chasing pointers.
struct Ranked<'a, 'e> {
    group: RankGroup,
    key: i64,
    tie_break: u32,
    total: f64,
    forced_grade: Option<&'a str>,
    item_actions: &'a [String],
    member_id: i64,
    category: Category,
    entrant: usize,
    e: &'e Entrant<'a>,
}

/// Rank entrants (1, 2, 2, 4), then give grades, stars and actions.
/// The result is in ranking order, members before activists; ties in
/// `tie_break` order, then input order.
pub fn rank<'a>(scheme: &'a Scheme, entrants: &[Entrant<'a>], scope: Scope) -> Vec<Standing<'a>> {
    rank_with_notes(scheme, entrants, scope).standings
}

/// [`rank`], with notes of the quotas that ties took over their count.
pub fn rank_with_notes<'a>(
    scheme: &'a Scheme,
    entrants: &[Entrant<'a>],
    scope: Scope,
) -> Outcome<'a> {
    let mut order: Vec<Ranked> = entrants
        .iter()
        .enumerate()
        .map(|(entrant, e)| Ranked {
            group: e.category.rank_group(),
            key: tie_key(scheme.direction, e.breakdown.total),
            tie_break: e.tie_break,
            total: e.breakdown.total,
            forced_grade: e.breakdown.forced_grade.as_deref(),
            item_actions: &e.breakdown.item_actions,
            member_id: e.member_id,
            category: e.category,
            entrant,
            e,
        })
        .collect();
    order.sort_unstable_by_key(|r| (r.group, r.key, r.tie_break, r.entrant));
    let mut out = Outcome {
        standings: Vec::with_capacity(order.len()),
        notes: Vec::new(),
    };
    let mut rest: &[Ranked] = &order;
    while let Some(first) = rest.first() {
        let len = rest.iter().take_while(|r| r.group == first.group).count();
        let (group, tail) = rest.split_at(len);
        rank_group(scheme, group, scope, &mut out);
        rest = tail;
    }
    out
}

/// Rank one ranking group (already in order) into `out`.
fn rank_group<'a>(
    scheme: &'a Scheme,
    order: &[Ranked<'a, '_>],
    scope: Scope,
    out: &mut Outcome<'a>,
) {
    let n = order.len();
    let mut ranks = vec![0u32; n];
    for pos in 0..n {
        ranks[pos] = if pos > 0 && order[pos - 1].key == order[pos].key {
            ranks[pos - 1]
        } else {
            pos as u32 + 1
        };
    }
    let rule = scheme.quota_ties;
    let stars = give_stars(scheme, order, rule, &mut out.notes);
    let grades = give_grades(scheme, order, &stars, scope, rule, &mut out.notes);
    // A member holding a top quota place is never in the bottom share.
    let top: Vec<bool> = (0..n)
        .map(|pos| {
            ranks[pos] == 1
                || grades[pos].is_some_and(|g| scheme.grade(g).is_some_and(|b| b.quota.is_some()))
                || (stars[pos].is_some() && star_quotas(scheme))
        })
        .collect();
    let bottom = bottom_shares(scheme, order, &top, scope, rule, &mut out.notes);
    for (pos, r) in order.iter().enumerate() {
        let at_bottom = |ai: usize| bottom.iter().any(|(i, set)| *i == ai && set[pos]);
        out.standings.push(Standing {
            member_id: r.member_id,
            entrant: r.entrant,
            group: r.group,
            score: r.total,
            rank: ranks[pos],
            grade: grades[pos],
            stars: stars[pos],
            actions: give_actions(scheme, r, grades[pos], stars[pos], scope, at_bottom),
        });
    }
}

/// Whether the scheme's stars are given by quotas (shares) rather than thresholds.
fn star_quotas(scheme: &Scheme) -> bool {
    scheme
        .stars
        .as_ref()
        .is_some_and(|st| st.bands.iter().any(|b| b.share.is_some()))
}

/// Fill a quota over the members at `picked` positions (in ranking order,
/// or reversed for the bottom): the positions in, and, when the tie at the
/// edge took the count over `limit`, the count and the edge group's score.
fn fill_at(
    order: &[Ranked],
    picked: &[usize],
    limit: usize,
    rule: TieRule,
) -> (Vec<usize>, Option<(usize, f64)>) {
    let sizes = quota::runs(picked.iter().map(|p| order[*p].key));
    let Fill { groups_in, granted } = quota::fill(&sizes, limit, rule);
    let members: usize = sizes[..groups_in].iter().sum();
    let over = (granted > limit).then(|| (granted, order[picked[members - 1]].total));
    (picked[..members].to_vec(), over)
}

fn give_stars(
    scheme: &Scheme,
    order: &[Ranked],
    rule: TieRule,
    notes: &mut Vec<QuotaNote>,
) -> Vec<Option<u8>> {
    let Some(st) = &scheme.stars else {
        return vec![None; order.len()];
    };
    let eligible = |e: &Entrant| {
        st.min_total.is_none_or(|m| e.breakdown.total + EPS >= m)
            && st
                .require_part
                .as_ref()
                .is_none_or(|rp| e.breakdown.part(&rp.part) + EPS >= rp.min)
    };
    let mut out = vec![None; order.len()];
    if !star_quotas(scheme) {
        for (pos, r) in order.iter().enumerate() {
            let e = r.e;
            if !eligible(e) {
                continue;
            }
            out[pos] = st
                .bands
                .iter()
                .find(|b| b.min.is_some_and(|m| e.breakdown.total + EPS >= m))
                .map(|b| b.stars);
        }
        return out;
    }
    // Quotas: band by band from the top, each band's places counted with
    // the bands above it, so a tie that spills over eats the next band's.
    let n = order.len() as f64;
    let picked: Vec<usize> = (0..order.len()).filter(|p| eligible(order[*p].e)).collect();
    let group = order.first().map_or(RankGroup::Members, |r| r.group);
    let mut cumulative = 0usize;
    let mut given = 0usize;
    for b in &st.bands {
        cumulative += (b.share.unwrap_or(0.0) * n).round() as usize;
        let own_limit = cumulative.saturating_sub(given);
        let (ins, over) = fill_at(order, &picked, cumulative, rule);
        let mut count = 0;
        for pos in ins {
            if out[pos].is_none() {
                out[pos] = Some(b.stars);
                count += 1;
            }
        }
        if let Some((_, tie_score)) = over.filter(|_| count > own_limit) {
            notes.push(QuotaNote {
                group,
                quota: Quota::Stars(b.stars),
                granted: count,
                limit: own_limit,
                tie_score,
            });
        }
        given += count;
    }
    out
}

fn give_grades<'a>(
    scheme: &'a Scheme,
    order: &[Ranked<'a, '_>],
    stars: &[Option<u8>],
    scope: Scope,
    rule: TieRule,
    notes: &mut Vec<QuotaNote>,
) -> Vec<Option<&'a str>> {
    let n = order.len();
    let mut out: Vec<Option<&'a str>> = order.iter().map(|r| r.forced_grade).collect();
    if scheme.grades.is_empty() {
        return out;
    }
    // Band by band: a band takes the members still without a grade who meet
    // its conditions; a band with a quota takes its places by the quota rule.
    let mut graded: Vec<bool> = out.iter().map(Option::is_some).collect();
    for g in &scheme.grades {
        let picked: Vec<usize> = (0..n)
            .filter(|pos| !graded[*pos] && meets(g, &order[*pos], stars[*pos], scope))
            .collect();
        let ins = match g.quota {
            Some(q) if !picked.is_empty() => {
                let limit =
                    ((q * n as f64 + EPS).floor() as usize).max(g.quota_min.unwrap_or(0) as usize);
                let (ins, over) = fill_at(order, &picked, limit, rule);
                if let Some((granted, tie_score)) = over {
                    notes.push(QuotaNote {
                        group: order[picked[0]].group,
                        quota: Quota::Grade(g.key.clone()),
                        granted,
                        limit,
                        tie_score,
                    });
                }
                ins
            }
            _ => picked,
        };
        for pos in ins {
            graded[pos] = true;
            out[pos] = Some(g.key.as_str());
        }
    }
    out
}

/// Whether a member meets a grade band's score and star conditions.
fn meets(
    g: &crate::domain::scheme::GradeBand,
    r: &Ranked,
    stars: Option<u8>,
    scope: Scope,
) -> bool {
    let score = r.total;
    if g.min.is_some_and(|m| score + EPS < m) || g.below.is_some_and(|b| score + EPS >= b) {
        return false;
    }
    if g.min_stars.is_some_and(|ms| stars.unwrap_or(0) < ms) {
        return false;
    }
    match (g.all_periods_min_stars, scope) {
        (None, _) => true,
        (Some(ap), Scope::Year) => {
            !r.e.period_stars.is_empty() && r.e.period_stars.iter().all(|s| s.unwrap_or(0) >= ap)
        }
        (Some(ap), Scope::Period) => stars.unwrap_or(0) >= ap,
    }
}

/// For each action rule on a bottom share that applies in `scope`: its
/// index and which positions are in the share. The share is taken from the
/// bottom among members not at the `top`, by the quota rule.
fn bottom_shares(
    scheme: &Scheme,
    order: &[Ranked],
    top: &[bool],
    scope: Scope,
    rule: TieRule,
    notes: &mut Vec<QuotaNote>,
) -> Vec<(usize, Vec<bool>)> {
    let n = order.len();
    let picked: Vec<usize> = (0..n).rev().filter(|p| !top[*p]).collect();
    let mut out = Vec::new();
    for (ai, a) in scheme.actions.iter().enumerate() {
        let Some(share) = a.bottom_share else {
            continue;
        };
        if !applies(a.on, scope) {
            continue;
        }
        let limit = ((share * n as f64 - EPS).ceil() as usize).max(1);
        let (ins, over) = fill_at(order, &picked, limit, rule);
        if let Some((granted, tie_score)) = over {
            notes.push(QuotaNote {
                group: order[0].group,
                quota: Quota::Action(a.key.clone()),
                granted,
                limit,
                tie_score,
            });
        }
        let mut set = vec![false; n];
        for pos in ins {
            set[pos] = true;
        }
        out.push((ai, set));
    }
    out
}

/// Whether an action rule looking at `on` applies to a ranking of `scope`.
fn applies(on: On, scope: Scope) -> bool {
    matches!(
        (on, scope),
        (On::Any, _) | (On::Period, Scope::Period) | (On::Year, Scope::Year)
    )
}

fn give_actions<'a>(
    scheme: &'a Scheme,
    r: &Ranked<'a, '_>,
    grade: Option<&str>,
    stars: Option<u8>,
    scope: Scope,
    at_bottom: impl Fn(usize) -> bool,
) -> Vec<&'a str> {
    let mut out: Vec<&'a str> = r.item_actions.iter().map(String::as_str).collect();
    let score = r.total;
    let mut exclusive: Vec<(&str, &'a str)> = Vec::new();
    for (ai, a) in scheme.actions.iter().enumerate() {
        if !applies(a.on, scope)
            || a.min.is_some_and(|m| score + EPS < m)
            || a.below.is_some_and(|b| score + EPS >= b)
            || a.category.is_some_and(|c| c != r.category)
            || a.item.is_some()
            || (a.bottom_share.is_some() && !at_bottom(ai))
        {
            continue;
        }
        if let Some(gs) = &a.grade {
            if !grade.is_some_and(|g| gs.iter().any(|x| x == g)) {
                continue;
            }
        }
        if let Some(ms) = a.max_stars {
            if stars.unwrap_or(0) > ms {
                continue;
            }
        }
        if let Some(rep) = &a.repeat {
            let mut history: Vec<bool> =
                r.e.grade_history
                    .iter()
                    .map(|g| g.as_deref() == Some(rep.grade.as_str()))
                    .collect();
            history.push(grade == Some(rep.grade.as_str()));
            if !history.last().copied().unwrap_or(false) {
                continue;
            }
            let times = if rep.consecutive {
                history.iter().rev().take_while(|b| **b).count()
            } else {
                history.iter().filter(|b| **b).count()
            };
            if (times as u32) < rep.times {
                continue;
            }
        }
        match &a.exclusive {
            Some(group) => {
                exclusive.retain(|(g, _)| g != group);
                exclusive.push((group.as_str(), a.key.as_str()));
            }
            None => {
                if !out.contains(&a.key.as_str()) {
                    out.push(a.key.as_str())
                }
            }
        }
    }
    for (_, key) in exclusive {
        if !out.contains(&key) {
            out.push(key);
        }
    }
    out
}
