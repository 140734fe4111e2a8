//! Totals kept up to date: after every change, re-score exactly the member
//! scores it touched, inside the change's own transaction.

use super::Result;
use crate::domain::model::PeriodId;
use crate::domain::scheme::{Scheme, Window};
use crate::domain::scoring::{self, Tally};
use crate::store::Db;
use crate::store::{queries, totals};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Periods whose entries count toward period `p`'s score.
pub(crate) fn window_of(scheme: &Scheme, p: &PeriodId, held: &[PeriodId]) -> Vec<PeriodId> {
    match scheme.window {
        Window::Period => vec![*p],
        Window::Ytd => held
            .iter()
            .filter(|q| q.year == p.year && q.kind <= p.kind)
            .copied()
            .collect(),
    }
}

/// Periods whose score moves when entries of `p` change.
fn moved_by(scheme: &Scheme, p: &PeriodId, held: &[PeriodId]) -> Vec<PeriodId> {
    match scheme.window {
        Window::Period => vec![*p],
        Window::Ytd => held
            .iter()
            .filter(|q| q.year == p.year && q.kind >= p.kind)
            .copied()
            .chain(std::iter::once(*p))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect(),
    }
}

/// Approved tallies of each given period (same order), by member, with the
/// corrections of upheld appeals added in when `with_corrections`: the one
/// place claims and corrections meet.
pub(crate) fn window_tallies(
    conn: &Db,
    branch: i64,
    periods: &[String],
    with_corrections: bool,
) -> Result<Vec<HashMap<i64, Vec<Tally>>>> {
    let mut out = queries::tallies_by_period(conn, branch, periods)?;
    if with_corrections {
        let corr = queries::corrections_by_period(conn, branch, periods)?;
        for (by, corr) in out.iter_mut().zip(corr) {
            for (member, c) in corr {
                add_corrections(by.entry(member).or_default(), c);
            }
        }
    }
    Ok(out)
}

/// One member's tallies over a window that `window_tallies` read, merged.
pub(crate) fn merged_of(window: &[HashMap<i64, Vec<Tally>>], member: i64) -> Vec<Tally> {
    let parts: Vec<&[Tally]> = window
        .iter()
        .filter_map(|w| w.get(&member).map(Vec::as_slice))
        .collect();
    scoring::merge(&parts)
}

/// [`window_tallies`] of one member, with corrections.
fn member_window_tallies(
    conn: &Db,
    branch: i64,
    periods: &[String],
    member: i64,
) -> Result<Vec<Vec<Tally>>> {
    let (mut out, corr) = totals::member_tallies(conn, branch, periods, member)?;
    for (t, c) in out.iter_mut().zip(corr) {
        add_corrections(t, c);
    }
    Ok(out)
}

/// Add a member's corrections (summed by item) to their tallies of the same period.
fn add_corrections(tallies: &mut Vec<Tally>, corrections: Vec<Tally>) {
    for c in corrections {
        scoring::add_to(tallies, c.item, c.points, c.count);
    }
}

/// Periods of the branch, in order.
pub(crate) fn held_periods(conn: &Db, branch: i64) -> Result<Vec<PeriodId>> {
    let mut v: Vec<PeriodId> = queries::periods(conn, branch)?
        .iter()
        .filter_map(|p| p.id.parse().ok())
        .collect();
    v.sort();
    Ok(v)
}

/// Which members' scores to redo in one period (`None`: all of them).
type Todo = BTreeMap<PeriodId, Option<BTreeSet<i64>>>;

fn plan(scheme: &Scheme, notes: Vec<totals::DirtyNote>, held: &[PeriodId]) -> Todo {
    let mut todo: Todo = BTreeMap::new();
    for (period, member) in notes {
        let periods = match period.as_deref().map(str::parse::<PeriodId>) {
            None => held.to_vec(),
            Some(Ok(p)) => moved_by(scheme, &p, held),
            Some(Err(_)) => continue,
        };
        for p in periods {
            match member {
                None => {
                    todo.insert(p, None);
                }
                Some(m) => {
                    if let Some(set) = todo.entry(p).or_insert_with(|| Some(BTreeSet::new())) {
                        set.insert(m);
                    }
                }
            }
        }
    }
    // Many members of one period: one pass over the period is cheaper.
    for who in todo.values_mut() {
        if who.as_ref().is_some_and(|set| set.len() > WHOLE_PERIOD) {
            *who = None;
        }
    }
    todo
}

/// Above this many members, a period is re-scored whole.
const WHOLE_PERIOD: usize = 200;

/// The texts of the periods in `p`'s window.
fn window_texts(scheme: &Scheme, p: &PeriodId, held: &[PeriodId]) -> Vec<String> {
    window_of(scheme, p, held)
        .iter()
        .map(|q| q.to_string())
        .collect()
}

/// Every member's score in period `p` as the claims and corrections of its
/// window give it, in member order (members without entries are absent).
pub(crate) fn score_period(
    conn: &Db,
    branch: i64,
    scheme: &Scheme,
    p: &PeriodId,
    held: &[PeriodId],
    tiers: &HashMap<i64, Option<i64>>,
) -> Result<Vec<(i64, scoring::Breakdown)>> {
    let window = window_texts(scheme, p, held);
    let by_period = window_tallies(conn, branch, &window, true)?;
    let mut by_member: BTreeMap<i64, Vec<&[Tally]>> = BTreeMap::new();
    for w in &by_period {
        for (m, t) in w {
            by_member.entry(*m).or_default().push(t.as_slice());
        }
    }
    Ok(by_member
        .into_iter()
        .map(|(m, parts)| {
            let tier = tiers.get(&m).copied().flatten();
            (
                m,
                scoring::score_window(scheme, tier, &scoring::merge(&parts)),
            )
        })
        .collect())
}

/// Re-score what the branch's pending notes name, and clear the notes.
pub(crate) fn refresh(conn: &Db, branch: i64, scheme: &Scheme) -> Result<()> {
    let notes = totals::take_dirty(conn, branch)?;
    if notes.is_empty() {
        return Ok(());
    }
    let held = held_periods(conn, branch)?;
    let todo = plan(scheme, notes, &held);
    let mut all_tiers: Option<HashMap<i64, Option<i64>>> = None;
    for (p, who) in todo {
        let period = p.to_string();
        match who {
            None => {
                let tiers = match &all_tiers {
                    Some(t) => t,
                    None => all_tiers.insert(totals::tiers(conn, branch)?),
                };
                totals::clear_period(conn, branch, &period)?;
                for (m, b) in score_period(conn, branch, scheme, &p, &held, tiers)? {
                    totals::put(conn, branch, &period, m, &b)?;
                }
            }
            Some(members) => {
                let window = window_texts(scheme, &p, &held);
                for m in members {
                    let per = member_window_tallies(conn, branch, &window, m)?;
                    if per.iter().all(Vec::is_empty) {
                        totals::remove(conn, branch, &period, m)?;
                        continue;
                    }
                    let parts: Vec<&[Tally]> = per.iter().map(Vec::as_slice).collect();
                    let tier = totals::tier(conn, m)?;
                    let b = scoring::score_window(scheme, tier, &scoring::merge(&parts));
                    totals::put(conn, branch, &period, m, &b)?;
                }
            }
        }
    }
    Ok(())
}

/// Re-score every branch that has notes waiting (verify's replay, and databases
/// written by an older jifen). When most branches wait, one sweep over every
/// tally is cheaper than a branch at a time.
pub(crate) fn refresh_all(conn: &Db) -> Result<()> {
    refresh_all_with(conn, &mut |origin, text| Ok(Scheme::parse(origin, text)?))
}

/// [`refresh_all`], each branch's scheme made by `parse` (a cache of parsed texts).
pub(crate) fn refresh_all_with(conn: &Db, parse: &mut super::ParseScheme) -> Result<()> {
    let dirty = totals::dirty_branches(conn)?;
    if dirty.len() >= 2 && dirty.len() * 2 >= queries::branch_names(conn)?.len() {
        super::retotal::retotal_on(conn)?;
        return Ok(());
    }
    for id in dirty {
        let Some(row) = queries::branch(conn, id)? else {
            continue;
        };
        let scheme = parse(&format!("scheme of branch {}", row.name), &row.scheme_toml)?;
        refresh(conn, id, &scheme)?;
    }
    Ok(())
}
