//! Ranking with shared ranks, then grades, stars and actions.

use super::Breakdown;
use crate::model::Category;
use crate::scheme::{Direction, On, Scheme};
use std::cmp::Ordering;

/// Whether a ranking is of one period or of a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Period,
    Year,
}

/// One scored member going into a ranking.
#[derive(Debug, Clone)]
pub struct Entrant {
    pub member_id: i64,
    pub category: Category,
    pub breakdown: Breakdown,
    /// Stars of each period of the year (year scope; used by "every quarter" conditions).
    pub period_stars: Vec<Option<u8>>,
    /// Grades of the member's earlier periods, oldest first (for repeat rules).
    pub grade_history: Vec<Option<String>>,
}

/// A member's place in a ranking.
#[derive(Debug, Clone, PartialEq)]
pub struct Standing {
    pub member_id: i64,
    /// Position of the member in the entrants given to `rank`.
    pub entrant: usize,
    pub score: f64,
    pub rank: u32,
    pub grade: Option<String>,
    pub stars: Option<u8>,
    pub actions: Vec<String>,
}

const EPS: f64 = 1e-6;

fn better(direction: Direction, a: f64, b: f64) -> Ordering {
    if (a - b).abs() < EPS {
        return Ordering::Equal;
    }
    match direction {
        Direction::Higher => b.partial_cmp(&a).unwrap_or(Ordering::Equal),
        Direction::Lower => a.partial_cmp(&b).unwrap_or(Ordering::Equal),
    }
}

/// Rank entrants (1, 2, 2, 4), then give grades, stars and actions.
/// The result is in ranking order; ties keep the input order.
pub fn rank(scheme: &Scheme, entrants: &[Entrant], scope: Scope) -> Vec<Standing> {
    let totals: Vec<f64> = entrants.iter().map(|e| e.breakdown.total).collect();
    let mut order: Vec<usize> = (0..entrants.len()).collect();
    order.sort_by(|&a, &b| better(scheme.direction, totals[a], totals[b]));
    let n = order.len();
    let mut ranks = vec![0u32; n];
    for (pos, &i) in order.iter().enumerate() {
        ranks[pos] = if pos > 0
            && better(scheme.direction, totals[order[pos - 1]], totals[i]) == Ordering::Equal
        {
            ranks[pos - 1]
        } else {
            pos as u32 + 1
        };
    }
    let stars = give_stars(scheme, entrants, &order, &ranks);
    let grades = give_grades(scheme, entrants, &order, &ranks, &stars, scope);
    order
        .iter()
        .enumerate()
        .map(|(pos, &i)| {
            let e = &entrants[i];
            Standing {
                member_id: e.member_id,
                entrant: i,
                score: e.breakdown.total,
                rank: ranks[pos],
                grade: grades[pos].clone(),
                stars: stars[pos],
                actions: give_actions(scheme, e, ranks[pos], n, &grades[pos], stars[pos], scope),
            }
        })
        .collect()
}

fn give_stars(
    scheme: &Scheme,
    entrants: &[Entrant],
    order: &[usize],
    ranks: &[u32],
) -> Vec<Option<u8>> {
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
        for (pos, &i) in order.iter().enumerate() {
            if !eligible(&entrants[i]) {
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
        for (pos, &i) in order.iter().enumerate() {
            let e = &entrants[i];
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

fn give_grades(
    scheme: &Scheme,
    entrants: &[Entrant],
    order: &[usize],
    ranks: &[u32],
    stars: &[Option<u8>],
    scope: Scope,
) -> Vec<Option<String>> {
    let n = order.len();
    let mut out: Vec<Option<String>> = vec![None; n];
    if scheme.grades.is_empty() {
        return out;
    }
    let mut group_size: std::collections::HashMap<u32, usize> = std::collections::HashMap::new();
    for r in ranks {
        *group_size.entry(*r).or_default() += 1;
    }
    let mut granted = vec![0usize; scheme.grades.len()];
    let mut last_rank_granted: Vec<Option<u32>> = vec![None; scheme.grades.len()];
    for (pos, &i) in order.iter().enumerate() {
        let e = &entrants[i];
        if let Some(g) = &e.breakdown.forced_grade {
            out[pos] = Some(g.clone());
            continue;
        }
        let score = e.breakdown.total;
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
                        !e.period_stars.is_empty()
                            && e.period_stars.iter().all(|s| s.unwrap_or(0) >= ap)
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
                let group = group_size.get(&ranks[pos]).copied().unwrap_or(1);
                if !continuing && granted[gi] > 0 && granted[gi] + group > limit {
                    continue;
                }
                if !continuing && granted[gi] == 0 && limit == 0 {
                    continue;
                }
            }
            granted[gi] += 1;
            last_rank_granted[gi] = Some(ranks[pos]);
            out[pos] = Some(g.key.clone());
            break;
        }
    }
    out
}

fn give_actions(
    scheme: &Scheme,
    e: &Entrant,
    rank: u32,
    n: usize,
    grade: &Option<String>,
    stars: Option<u8>,
    scope: Scope,
) -> Vec<String> {
    let mut out: Vec<String> = e.breakdown.item_actions.clone();
    let score = e.breakdown.total;
    let mut exclusive: Vec<(String, String)> = Vec::new();
    for a in &scheme.actions {
        let on_ok = matches!(
            (a.on, scope),
            (On::Any, _) | (On::Period, Scope::Period) | (On::Year, Scope::Year)
        );
        if !on_ok
            || a.min.is_some_and(|m| score + EPS < m)
            || a.below.is_some_and(|b| score + EPS >= b)
            || a.category.is_some_and(|c| c != e.category)
            || a.item.is_some()
        {
            continue;
        }
        if let Some(gs) = &a.grade {
            if !grade.as_ref().is_some_and(|g| gs.contains(g)) {
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
        if let Some(r) = &a.repeat {
            let mut history: Vec<bool> = e
                .grade_history
                .iter()
                .map(|g| g.as_deref() == Some(r.grade.as_str()))
                .collect();
            history.push(grade.as_deref() == Some(r.grade.as_str()));
            if !history.last().copied().unwrap_or(false) {
                continue;
            }
            let times = if r.consecutive {
                history.iter().rev().take_while(|b| **b).count()
            } else {
                history.iter().filter(|b| **b).count()
            };
            if (times as u32) < r.times {
                continue;
            }
        }
        match &a.exclusive {
            Some(group) => {
                exclusive.retain(|(g, _)| g != group);
                exclusive.push((group.clone(), a.key.clone()));
            }
            None => {
                if !out.contains(&a.key) {
                    out.push(a.key.clone())
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
