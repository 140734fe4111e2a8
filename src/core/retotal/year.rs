//! One branch-year of a sweep: its tallies buffered by period and member, and
//! every score of its periods computed from them with the scheme's window
//! (a year-to-date window only reaches back within the year).

use super::super::totals::window_of;
use crate::model::PeriodId;
use crate::scheme::Scheme;
use crate::scoring::{self, Breakdown, Entry};
use crate::store::sweep::{Corrections, TallyCursor};
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

/// A held period of the year being swept.
#[derive(Debug, Clone, Copy)]
pub(super) struct Held<'a> {
    pub text: &'a str,
    pub id: PeriodId,
}

/// The tallies of one branch-year as scheme entries; buffers are kept from
/// year to year.
#[derive(Default)]
pub(super) struct YearTallies<'s> {
    /// Per held period (in the order given to `fill`): `(member, entries)` in
    /// member order. A member whose items the scheme does not know has none.
    members: Vec<Vec<(i64, Range<usize>)>>,
    entries: Vec<Entry<'s>>,
}

impl<'s> YearTallies<'s> {
    /// Read the tallies of `periods` (held periods of one year of `branch`,
    /// in key order) from the cursor, skipping rows of anything before them
    /// (unknown branches, periods not held).
    pub fn fill(
        &mut self,
        rows: &mut TallyCursor<'_>,
        scheme: &'s Scheme,
        branch: i64,
        periods: &[Held<'_>],
    ) -> rusqlite::Result<()> {
        self.entries.clear();
        self.members.resize_with(periods.len(), Vec::new);
        self.members.truncate(periods.len());
        self.members.iter_mut().for_each(Vec::clear);
        let Some(last) = periods.last() else {
            return Ok(());
        };
        let mut k = 0;
        while !rows.done {
            let row = &rows.row;
            if row.branch > branch || (row.branch == branch && row.period.as_str() > last.text) {
                break;
            }
            if row.branch == branch {
                while periods[k].text < row.period.as_str() {
                    k += 1;
                }
                if periods[k].text == row.period {
                    let at = self.entries.len();
                    if let Some(item) = scheme.item(&row.item) {
                        self.entries.push(Entry {
                            item,
                            points: row.points,
                            count: row.count,
                        });
                    }
                    let end = self.entries.len();
                    let list = &mut self.members[k];
                    match list.last_mut() {
                        Some((m, r)) if *m == row.member => r.end = end,
                        _ => list.push((row.member, at..end)),
                    }
                }
            }
            rows.advance()?;
        }
        Ok(())
    }

    /// Entries of `member` in the `k`th period.
    fn of(&self, k: usize, member: i64) -> &[Entry<'s>] {
        let list = &self.members[k];
        match list.binary_search_by_key(&member, |(m, _)| *m) {
            Ok(i) => &self.entries[list[i].1.clone()],
            Err(_) => &[],
        }
    }
}

/// What scoring a branch-year needs besides its tallies.
pub(super) struct YearInputs<'a, 's> {
    pub scheme: &'s Scheme,
    /// Every held period of the branch, in period order (for the windows).
    pub held: &'a [PeriodId],
    /// The year's held periods, as given to `fill`.
    pub periods: &'a [Held<'a>],
    /// The branch's corrections by period text, then member.
    pub corrections: Option<&'a HashMap<String, BTreeMap<i64, Corrections>>>,
    /// Tier of a member of the branch.
    pub tier: &'a dyn Fn(i64) -> Option<i64>,
}

/// Reusable buffers of [`score_year`].
#[derive(Default)]
pub(super) struct Scratch<'s> {
    members: Vec<i64>,
    corrected: Vec<Vec<Entry<'s>>>,
    merged: Vec<Entry<'s>>,
}

/// Score every member with entries in the window of each of the year's
/// periods; `emit` gets them in key order (period text, then member).
pub(super) fn score_year<'s, E>(
    y: &YearTallies<'s>,
    inp: &YearInputs<'_, 's>,
    scratch: &mut Scratch<'s>,
    mut emit: E,
) -> crate::core::Result<()>
where
    E: FnMut(&str, i64, &Breakdown) -> crate::core::Result<()>,
{
    let Scratch {
        members,
        corrected,
        merged,
    } = scratch;
    for p in inp.periods {
        let window: Vec<usize> = window_of(inp.scheme, &p.id, inp.held)
            .iter()
            .filter_map(|w| inp.periods.iter().position(|q| q.id == *w))
            .collect();
        let fixes: Vec<Option<&BTreeMap<i64, Corrections>>> = window
            .iter()
            .map(|&k| inp.corrections.and_then(|c| c.get(inp.periods[k].text)))
            .collect();
        members.clear();
        for (&k, fix) in window.iter().zip(&fixes) {
            members.extend(y.members[k].iter().map(|(m, _)| *m));
            members.extend(fix.iter().flat_map(|f| f.keys().copied()));
        }
        if window.len() > 1 || fixes.iter().any(Option::is_some) {
            members.sort_unstable();
            members.dedup();
        }
        for &m in members.iter() {
            // Corrections add to the period's own tallies before the window
            // is merged, as `member_tallies` adds them.
            corrected.clear();
            for (&k, fix) in window.iter().zip(&fixes) {
                if let Some(c) = fix.and_then(|f| f.get(&m)) {
                    corrected.push(with_corrections(inp.scheme, y.of(k, m), c));
                }
            }
            let mut fixed = corrected.iter();
            let parts: Vec<&[Entry<'s>]> = window
                .iter()
                .zip(&fixes)
                .map(|(&k, fix)| match fix.and_then(|f| f.get(&m)) {
                    Some(_) => fixed.next().map_or(&[][..], Vec::as_slice),
                    None => y.of(k, m),
                })
                .collect();
            scoring::merge_entries(&parts, merged);
            let b = scoring::score_entries(inp.scheme, (inp.tier)(m), merged);
            emit(p.text, m, &b)?;
        }
    }
    Ok(())
}

/// A period's entries with the member's corrections added (`scoring::add_to`).
fn with_corrections<'s>(scheme: &'s Scheme, own: &[Entry<'s>], c: &Corrections) -> Vec<Entry<'s>> {
    let mut v = own.to_vec();
    for (code, points, count) in c {
        let Some(item) = scheme.item(code) else {
            continue;
        };
        match v.iter_mut().find(|e| std::ptr::eq(e.item, item)) {
            Some(e) => {
                e.points += points;
                e.count += count;
            }
            None => v.push(Entry {
                item,
                points: *points,
                count: *count,
            }),
        }
    }
    v
}
