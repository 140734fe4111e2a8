//! One branch-year of a sweep: its tallies buffered by period and member, and
//! every score of its periods computed from them with the scheme's window
//! (a year-to-date window only reaches back within the year).

use super::super::totals::window_of;
use crate::model::PeriodId;
use crate::scheme::{Item, Scheme};
use crate::scoring::{self, Breakdown, Entry};
use crate::store::sweep::{Corrections, TallyCursor};
use crate::store::tally_seals::{SealCursor, SealRow, SealedTallies};
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
    /// Per held period: whether its tallies came from a seal.
    sealed: Vec<bool>,
}

impl<'s> YearTallies<'s> {
    /// Read the tallies of `periods` (held periods of one year of `branch`,
    /// in key order): a sealed period's from its seal, any other's from the
    /// rows; both cursors skip what comes before (unknown branches, periods
    /// not held).
    pub fn fill(
        &mut self,
        rows: &mut TallyCursor<'_>,
        seals: &mut SealCursor<'_>,
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
        self.sealed.clear();
        for (k, p) in periods.iter().enumerate() {
            while !seals.done && (seals.row.branch, seals.row.period.as_str()) < (branch, p.text) {
                seals.advance()?;
            }
            let here = !seals.done && seals.row.branch == branch && seals.row.period == p.text;
            self.sealed.push(here);
            if here {
                self.add_seal(k, &seals.row, scheme)?;
                seals.advance()?;
            }
        }
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
                // A sealed period has no rows (a trigger refuses them).
                if periods[k].text == row.period && !self.sealed[k] {
                    let item = scheme.item(&row.item);
                    self.push(k, row.member, item, row.points, row.count);
                }
            }
            rows.advance()?;
        }
        Ok(())
    }

    /// The tallies of the `k`th period from its seal.
    fn add_seal(&mut self, k: usize, seal: &SealRow, scheme: &'s Scheme) -> rusqlite::Result<()> {
        let tallies = SealedTallies::decode(&seal.bytes, seal.branch, &seal.period)?;
        let items: Vec<Option<&'s Item>> = tallies.items.iter().map(|c| scheme.item(c)).collect();
        for t in tallies.iter() {
            self.push(k, t.member, items[t.item], t.points, t.count);
        }
        Ok(())
    }

    /// One tally of the `k`th period (members come in order); an item the
    /// scheme does not know adds the member with no entry.
    fn push(&mut self, k: usize, member: i64, item: Option<&'s Item>, points: f64, count: i64) {
        let at = self.entries.len();
        if let Some(item) = item {
            self.entries.push(Entry {
                item,
                points,
                count,
            });
        }
        let end = self.entries.len();
        let list = &mut self.members[k];
        match list.last_mut() {
            Some((m, r)) if *m == member => r.end = end,
            _ => list.push((member, at..end)),
        }
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
    scored: Vec<(i64, Breakdown)>,
}

/// Score every member with entries in the window of each of the year's
/// periods; `emit` gets each period's scores in member order, periods in
/// order (a period with no scores too).
pub(super) fn score_year<'s, E>(
    y: &YearTallies<'s>,
    inp: &YearInputs<'_, 's>,
    scratch: &mut Scratch<'s>,
    mut emit: E,
) -> crate::core::Result<()>
where
    E: FnMut(&str, &[(i64, Breakdown)]) -> crate::core::Result<()>,
{
    let Scratch {
        members,
        corrected,
        merged,
        scored,
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
        // The breakdowns of earlier periods are overwritten in place.
        let mut n = 0;
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
            if n == scored.len() {
                scored.push((m, Breakdown::default()));
            }
            scored[n].0 = m;
            scoring::score_entries_into(inp.scheme, (inp.tier)(m), merged, &mut scored[n].1);
            n += 1;
        }
        emit(p.text, &scored[..n])?;
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
