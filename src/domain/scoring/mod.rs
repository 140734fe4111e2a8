//! Pure scoring: a scheme plus approved entries give scores, ranks, grades,
//! stars and actions. No I/O; the same functions serve the console, the board,
//! the CLI and `verify`.

pub mod final_grade;
mod quota;
mod rank;

pub use quota::{fill, runs, Fill, TieRule};
pub use rank::{rank, rank_with_notes, Entrant, Outcome, Quota, QuotaNote, Scope, Standing};

use crate::domain::scheme::{
    Direction, Item, ItemKind, Part, PartYear, Scheme, VetoEffect, YearRule,
};
use std::collections::BTreeMap;

/// Approved points of one item for one member in one window.
#[derive(Debug, Clone, PartialEq)]
pub struct Tally {
    pub item: String,
    /// Sum of the approved claims' points (positive magnitudes).
    pub points: f64,
    /// Number of approved claims.
    pub count: i64,
}

/// Approved points of one scheme item in one window: a tally resolved
/// against the scheme, which is what scoring reads.
#[derive(Debug, Clone, Copy)]
pub struct Entry<'s> {
    pub item: &'s Item,
    pub points: f64,
    pub count: i64,
}

/// The entries of tallies, in their order; items the scheme does not know score nothing.
fn resolve<'s>(scheme: &'s Scheme, tallies: &[Tally]) -> Vec<Entry<'s>> {
    tallies
        .iter()
        .filter_map(|t| {
            Some(Entry {
                item: scheme.item(&t.item)?,
                points: t.points,
                count: t.count,
            })
        })
        .collect()
}

/// A member's score in one window, with how it came about.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Breakdown {
    pub total: f64,
    /// Score of each part, in scheme order (the implicit part is `""`).
    pub parts: Vec<(String, f64)>,
    pub forced_grade: Option<String>,
    /// Actions triggered by approved items.
    pub item_actions: Vec<String>,
    pub vetoed: bool,
}

impl Breakdown {
    pub fn part(&self, id: &str) -> f64 {
        self.parts
            .iter()
            .find(|(p, _)| p == id)
            .map(|(_, v)| *v)
            .unwrap_or(0.0)
    }
}

fn sign(direction: Direction, kind: ItemKind) -> f64 {
    match (direction, kind) {
        (_, ItemKind::Veto) => 0.0,
        (Direction::Higher, ItemKind::Deduction) => -1.0,
        (Direction::Higher, _) => 1.0,
        (Direction::Lower, ItemKind::Deduction) => 1.0,
        (Direction::Lower, _) => -1.0,
    }
}

/// Score of one part from entries.
fn part_score(scheme: &Scheme, part_id: &str, entries: &[Entry]) -> f64 {
    let slot = scheme.part_ids().position(|id| id == part_id);
    part_score_at(
        scheme,
        slot.unwrap_or(usize::MAX),
        scheme.part(part_id),
        entries,
    )
}

/// What each kind of item brings to a score, as the total counts it: after
/// the items' weights and caps, the parts' caps and ceilings and the scheme's
/// floor and ceiling (magnitudes; a merit scheme's total is base + bonus -
/// deduction + offset, a demerit scheme's base + deduction - bonus - offset,
/// unless a veto sets it). The papers' 加分/减分 columns.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct KindSums {
    pub bonus: f64,
    pub deduction: f64,
    pub offset: f64,
}

impl KindSums {
    /// Take `clip` (negative: the score was lowered) off the kind that raises the score.
    fn clip(&mut self, direction: Direction, clip: f64) {
        match (direction, clip < 0.0) {
            (Direction::Higher, true) => self.bonus += clip,
            (Direction::Higher, false) => self.deduction -= clip,
            (Direction::Lower, true) => self.deduction += clip,
            (Direction::Lower, false) => self.bonus -= clip,
        }
    }
}

/// Score of the part in scoring position `slot` (`part` is `None` for the
/// implicit part) from entries.
fn part_score_at(scheme: &Scheme, slot: usize, part: Option<&Part>, entries: &[Entry]) -> f64 {
    part_terms_at(scheme, slot, part, entries).0
}

/// [`part_score_at`] with what each kind of item brought to it.
fn part_terms_at(
    scheme: &Scheme,
    slot: usize,
    part: Option<&Part>,
    entries: &[Entry],
) -> (f64, KindSums) {
    let mut gains = 0.0; // entries that raise the part's score (bonus in merit schemes, demerits in demerit schemes)
    let mut losses = 0.0;
    let mut offsets = 0.0;
    let mut kinds = KindSums::default();
    for t in entries {
        let item = t.item;
        if item.part_slot != slot {
            continue;
        }
        let mut v = t.points * item.weight.unwrap_or(1.0);
        if let Some(c) = item.cap {
            v = v.min(c);
        }
        match item.kind {
            ItemKind::Bonus => kinds.bonus += v,
            ItemKind::Deduction => kinds.deduction += v,
            ItemKind::Offset => kinds.offset += v,
            ItemKind::Veto => {}
        }
        match (scheme.direction, item.kind) {
            (_, ItemKind::Veto) => {}
            (Direction::Higher, ItemKind::Bonus) => gains += v,
            (Direction::Higher, ItemKind::Deduction) => losses += v,
            (Direction::Lower, ItemKind::Deduction) => gains += v,
            (_, _) => offsets += v * sign(scheme.direction, item.kind),
        }
    }
    let (base, bonus_cap, ded_cap, max) = match part {
        Some(p) => (p.base, p.bonus_cap, p.deduction_cap, p.max),
        None => (0.0, None, None, None),
    };
    let (gains, losses) = match scheme.direction {
        Direction::Higher => (
            bonus_cap.map_or(gains, |c| gains.min(c)),
            ded_cap.map_or(losses, |c| losses.min(c)),
        ),
        Direction::Lower => (ded_cap.map_or(gains, |c| gains.min(c)), losses),
    };
    match scheme.direction {
        Direction::Higher => (kinds.bonus, kinds.deduction) = (gains, losses),
        Direction::Lower => kinds.deduction = gains,
    }
    let raw = base + gains - losses + offsets;
    match max {
        Some(m) if raw > m => {
            kinds.clip(scheme.direction, m - raw);
            (m, kinds)
        }
        _ => (raw, kinds),
    }
}

/// What each kind of item brings to the score of a member of `tier` from
/// the approved tallies of one window: the same sums [`score_window`] adds.
pub fn kind_sums(scheme: &Scheme, tier: Option<i64>, tallies: &[Tally]) -> KindSums {
    let entries = resolve(scheme, tallies);
    let mut out = KindSums::default();
    let mut sum = -0.0;
    for (n, _) in scheme.part_ids().enumerate() {
        let (v, k) = part_terms_at(scheme, n, scheme.parts.get(n), &entries);
        sum += v;
        out.bonus += k.bonus;
        out.deduction += k.deduction;
        out.offset += k.offset;
    }
    let raw = scheme.base_for(tier) + sum;
    let clamped = clamp(scheme, raw);
    if clamped != raw {
        out.clip(scheme.direction, clamped - raw);
    }
    let r = crate::domain::model::round2;
    KindSums {
        bonus: r(out.bonus),
        deduction: r(out.deduction),
        offset: r(out.offset),
    }
}

/// Set `out`'s actions and forced grade from the entries; returns the
/// strongest veto effect met.
fn vetoes_and_actions(entries: &[Entry], out: &mut Breakdown) -> Option<VetoEffect> {
    let mut effect = None;
    let mut grade: Option<&str> = None;
    let mut actions = 0;
    for t in entries.iter().filter(|t| t.count > 0) {
        let item = t.item;
        if let Some(a) = &item.action {
            if !out.item_actions[..actions].contains(a) {
                set_text_at(&mut out.item_actions, actions, a);
                actions += 1;
            }
        }
        if item.kind == ItemKind::Veto {
            match item.effect {
                Some(VetoEffect::Zero) => effect = Some(VetoEffect::Zero),
                Some(VetoEffect::Cap) if effect != Some(VetoEffect::Zero) => {
                    effect = Some(VetoEffect::Cap)
                }
                Some(VetoEffect::Grade) => {
                    grade = item.grade.as_deref();
                    effect.get_or_insert(VetoEffect::Grade);
                }
                _ => {}
            }
        }
    }
    out.item_actions.truncate(actions);
    match (grade, &mut out.forced_grade) {
        (None, slot) => *slot = None,
        (Some(g), Some(s)) => {
            s.clear();
            s.push_str(g);
        }
        (Some(g), slot) => *slot = Some(g.to_string()),
    }
    effect
}

/// Put `text` at `list[i]` (`i` at most the length), reusing the string there.
fn set_text_at(list: &mut Vec<String>, i: usize, text: &str) {
    match list.get_mut(i) {
        Some(s) => {
            s.clear();
            s.push_str(text);
        }
        None => list.push(text.to_string()),
    }
}

fn clamp(scheme: &Scheme, v: f64) -> f64 {
    let v = scheme.floor.map_or(v, |f| v.max(f));
    scheme.cap.map_or(v, |c| v.min(c))
}

/// The total from the raw sum of base and parts, after vetoes and clamps;
/// sets `out`'s total, actions, forced grade and veto mark.
fn finish(scheme: &Scheme, raw: f64, entries: &[Entry], out: &mut Breakdown) {
    let effect = vetoes_and_actions(entries, out);
    let mut total = clamp(scheme, raw);
    match effect {
        Some(VetoEffect::Zero) => total = 0.0,
        Some(VetoEffect::Cap) => total = scheme.cap.unwrap_or(total),
        _ => {}
    }
    out.total = crate::domain::model::round2(total);
    out.vetoed = effect.is_some();
}

/// Score of a member of `tier` from the approved tallies of one window.
pub fn score_window(scheme: &Scheme, tier: Option<i64>, tallies: &[Tally]) -> Breakdown {
    score_entries(scheme, tier, &resolve(scheme, tallies))
}

/// [`score_window`] from tallies already resolved against the scheme.
pub fn score_entries(scheme: &Scheme, tier: Option<i64>, entries: &[Entry]) -> Breakdown {
    let mut out = Breakdown::default();
    score_entries_into(scheme, tier, entries, &mut out);
    out
}

/// [`score_entries`] into a breakdown whose buffers are reused: the entry
/// point of scans that meet millions of tallies (`jifen retotal`).
pub fn score_entries_into(
    scheme: &Scheme,
    tier: Option<i64>,
    entries: &[Entry],
    out: &mut Breakdown,
) {
    // Parts are summed first, then added to the base.
    let mut sum = -0.0;
    let mut n = 0;
    for id in scheme.part_ids() {
        let v = part_score_at(scheme, n, scheme.parts.get(n), entries);
        sum += v;
        match out.parts.get_mut(n) {
            Some((have, slot)) => {
                // Part ids are short: compared in line, not through memcmp.
                if have.len() != id.len() || !have.bytes().eq(id.bytes()) {
                    have.clear();
                    have.push_str(id);
                }
                *slot = v;
            }
            None => out.parts.push((id.to_string(), v)),
        }
        n += 1;
    }
    out.parts.truncate(n);
    finish(scheme, scheme.base_for(tier) + sum, entries, out);
}

/// Add points and a count of `item` to a member's tallies.
pub fn add_to(tallies: &mut Vec<Tally>, item: String, points: f64, count: i64) {
    match tallies.iter_mut().find(|t| t.item == item) {
        Some(t) => {
            t.points += points;
            t.count += count;
        }
        None => tallies.push(Tally {
            item,
            points,
            count,
        }),
    }
}

/// [`merge`] for entries, into `out`: one entry per item in item code order,
/// each item's points summed in the order of `windows`.
pub fn merge_entries<'s>(windows: &[&[Entry<'s>]], out: &mut Vec<Entry<'s>>) {
    out.clear();
    for w in windows {
        out.extend_from_slice(w);
    }
    // Stable: an item's points add up window by window, as `merge` adds them.
    out.sort_by(|a, b| a.item.code.cmp(&b.item.code));
    let mut kept = 0;
    for i in 0..out.len() {
        let e = out[i];
        if kept > 0 && std::ptr::eq(out[kept - 1].item, e.item) {
            out[kept - 1].points += e.points;
            out[kept - 1].count += e.count;
        } else {
            out[kept] = Entry {
                item: e.item,
                points: 0.0 + e.points,
                count: e.count,
            };
            kept += 1;
        }
    }
    out.truncate(kept);
}

/// Merge tallies of several windows into one.
pub fn merge(windows: &[&[Tally]]) -> Vec<Tally> {
    let mut by: BTreeMap<&str, (f64, i64)> = BTreeMap::new();
    for w in windows {
        for t in w.iter() {
            let e = by.entry(t.item.as_str()).or_insert((0.0, 0));
            e.0 += t.points;
            e.1 += t.count;
        }
    }
    by.into_iter()
        .map(|(item, (points, count))| Tally {
            item: item.to_string(),
            points,
            count,
        })
        .collect()
}

/// Year score from the tallies of each period held in the year (own entries only,
/// in order) by the scheme's year rule.
pub fn score_year(scheme: &Scheme, tier: Option<i64>, periods: &[Vec<Tally>]) -> Breakdown {
    let refs: Vec<&[Tally]> = periods.iter().map(|v| v.as_slice()).collect();
    let year = resolve(scheme, &merge(&refs));
    let periods: Vec<Vec<Entry>> = periods.iter().map(|t| resolve(scheme, t)).collect();
    match scheme.year.rule {
        YearRule::Parts => {
            let parts: Vec<(String, f64)> = scheme
                .part_ids()
                .map(|p| {
                    let averaged = scheme.part(p).is_some_and(|x| x.year == PartYear::Average);
                    let v = if averaged {
                        if periods.is_empty() {
                            0.0
                        } else {
                            periods
                                .iter()
                                .map(|t| part_score(scheme, p, t))
                                .sum::<f64>()
                                / periods.len() as f64
                        }
                    } else {
                        part_score(scheme, p, &year)
                    };
                    (p.to_string(), v)
                })
                .collect();
            let raw = scheme.base_for(tier) + parts.iter().map(|(_, v)| v).sum::<f64>();
            let mut b = Breakdown {
                parts,
                ..Breakdown::default()
            };
            finish(scheme, raw, &year, &mut b);
            b
        }
        YearRule::Average | YearRule::Sum => {
            let scores: Vec<Breakdown> = periods
                .iter()
                .map(|t| score_entries(scheme, tier, t))
                .collect();
            let sum: f64 = scores.iter().map(|b| b.total).sum();
            let divisor = match scheme.year.rule {
                YearRule::Sum => scheme.year.divisor.unwrap_or(1.0),
                _ => scores.len().max(1) as f64,
            };
            let n = divisor;
            let parts = scheme
                .part_ids()
                .map(|p| {
                    let s: f64 = scores.iter().map(|b| b.part(p)).sum();
                    (p.to_string(), s / n)
                })
                .collect();
            // A veto in any period already zeroed or capped that period; the
            // year follows the same effect (`finish` applies it).
            let mut b = Breakdown {
                parts,
                ..Breakdown::default()
            };
            finish(scheme, sum / divisor, &year, &mut b);
            b
        }
    }
}
