//! Ranking with shared ranks, then grades, stars and actions.

use super::Breakdown;
use crate::model::Category;
use crate::scheme::{Direction, On, Scheme};

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
    pub score: f64,
    pub rank: u32,
    pub grade: Option<&'a str>,
    pub stars: Option<u8>,
    pub actions: Vec<&'a str>,
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
/// The result is in ranking order; ties in `tie_break` order, then input order.
pub fn rank<'a>(scheme: &'a Scheme, entrants: &[Entrant<'a>], scope: Scope) -> Vec<Standing<'a>> {
    let mut order: Vec<Ranked> = entrants
        .iter()
        .enumerate()
        .map(|(entrant, e)| Ranked {
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
    order.sort_unstable_by_key(|r| (r.key, r.tie_break, r.entrant));
    let n = order.len();
    let mut ranks = vec![0u32; n];
    for pos in 0..n {
        ranks[pos] = if pos > 0 && order[pos - 1].key == order[pos].key {
            ranks[pos - 1]
        } else {
            pos as u32 + 1
        };
    }
    let stars = give_stars(scheme, &order, &ranks);
    let grades = give_grades(scheme, &order, &ranks, &stars, scope);
    order
        .iter()
        .enumerate()
        .map(|(pos, r)| Standing {
            member_id: r.member_id,
            entrant: r.entrant,
            score: r.total,
            rank: ranks[pos],
            grade: grades[pos],
            stars: stars[pos],
            actions: give_actions(scheme, r, ranks[pos], n, grades[pos], stars[pos], scope),
        })
        .collect()
}

fn give_stars(scheme: &Scheme, order: &[Ranked], ranks: &[u32]) -> Vec<Option<u8>> {
    let Some(st) = &scheme.stars else {
        return vec![None; order.len()];
    };
    let n = order.len() as f64;
    let eligible = |e: &Entrant| {
        st.min_total.is_none_or(|m| e.breakdown.total + EPS >= m)
            && st
                .require_part
                .as_ref()
                .is_none_or(|rp| e.breakdown.part(&rp.part) + EPS >= rp.min)
    };
    let by_share = st.bands.iter().any(|b| b.share.is_some());
    let mut out = vec![None; order.len()];
    if by_share {
        // Quotas: the top of the ranking among eligible members, band by band.
        let mut cumulative = Vec::new();
        let mut acc = 0usize;
        for b in &st.bands {
            acc += (b.share.unwrap_or(0.0) * n).round() as usize;
            cumulative.push((b.stars, acc));
        }
        let mut seen = 0usize;
        let mut group_start_seen = 0usize;
        for (pos, r) in order.iter().enumerate() {
            if !eligible(r.e) {
                continue;
            }
            if pos == 0 || ranks[pos] != ranks[pos - 1] {
                group_start_seen = seen;
            }
            out[pos] = cumulative
                .iter()
                .find(|(_, c)| group_start_seen < *c)
                .map(|(s, _)| *s);
            seen += 1;
        }
    } else {
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
    }
    out
}

fn give_grades<'a>(
    scheme: &'a Scheme,
    order: &[Ranked<'a, '_>],
    ranks: &[u32],
    stars: &[Option<u8>],
    scope: Scope,
) -> Vec<Option<&'a str>> {
    let n = order.len();
    let mut out: Vec<Option<&'a str>> = vec![None; n];
    if scheme.grades.is_empty() {
        return out;
    }
    // Ranks are positions (1-based) of a group's first member, so a group's
    // size is counted at its rank's index.
    let mut group_size = vec![0usize; n + 1];
    for r in ranks {
        group_size[*r as usize] += 1;
    }
    let mut granted = vec![0usize; scheme.grades.len()];
    let mut last_rank_granted: Vec<Option<u32>> = vec![None; scheme.grades.len()];
    for (pos, r) in order.iter().enumerate() {
        if let Some(g) = r.forced_grade {
            out[pos] = Some(g);
            continue;
        }
        let score = r.total;
        for (gi, g) in scheme.grades.iter().enumerate() {
            if g.min.is_some_and(|m| score + EPS < m) || g.below.is_some_and(|b| score + EPS >= b) {
                continue;
            }
            if let Some(ms) = g.min_stars {
                if stars[pos].unwrap_or(0) < ms {
                    continue;
                }
            }
            if let Some(ap) = g.all_periods_min_stars {
                let ok = match scope {
                    Scope::Year => {
                        !r.e.period_stars.is_empty()
                            && r.e.period_stars.iter().all(|s| s.unwrap_or(0) >= ap)
                    }
                    Scope::Period => stars[pos].unwrap_or(0) >= ap,
                };
                if !ok {
                    continue;
                }
            }
            if let Some(q) = g.quota {
                let limit =
                    ((q * n as f64 + EPS).floor() as usize).max(g.quota_min.unwrap_or(0) as usize);
                let continuing = last_rank_granted[gi] == Some(ranks[pos]);
                // A tie group gets the grade whole or not at all, so the quota
                // is never exceeded (except by a first group that ties).
                let group = group_size[ranks[pos] as usize].max(1);
                if !continuing && granted[gi] > 0 && granted[gi] + group > limit {
                    continue;
                }
                if !continuing && granted[gi] == 0 && limit == 0 {
                    continue;
                }
            }
            granted[gi] += 1;
            last_rank_granted[gi] = Some(ranks[pos]);
            out[pos] = Some(g.key.as_str());
            break;
        }
    }
    out
}

fn give_actions<'a>(
    scheme: &'a Scheme,
    r: &Ranked<'a, '_>,
    rank: u32,
    n: usize,
    grade: Option<&str>,
    stars: Option<u8>,
    scope: Scope,
) -> Vec<&'a str> {
    let mut out: Vec<&'a str> = r.item_actions.iter().map(String::as_str).collect();
    let score = r.total;
    let mut exclusive: Vec<(&str, &'a str)> = Vec::new();
    for a in &scheme.actions {
        let on_ok = matches!(
            (a.on, scope),
            (On::Any, _) | (On::Period, Scope::Period) | (On::Year, Scope::Year)
        );
        if !on_ok
            || a.min.is_some_and(|m| score + EPS < m)
            || a.below.is_some_and(|b| score + EPS >= b)
            || a.category.is_some_and(|c| c != r.category)
            || a.item.is_some()
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
        if let Some(share) = a.bottom_share {
            let k = ((share * n as f64).ceil() as usize).max(1);
            if (rank as usize) + k <= n {
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
