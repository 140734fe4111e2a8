//! The rows of a claim file, checked one by one into claims, and the rows
//! given twice.

use super::table::{Cells, Table};
use super::{ImportError, ImportKind};
use crate::app::claim_check::ClaimChecker;
use crate::app::Result;
use crate::domain::model::{ClaimSource, ClaimStatus, Outcome};
use std::collections::HashSet;

/// Column positions of a claim import, looked up once.
struct ClaimColumns {
    member: Option<usize>,
    item: Option<usize>,
    level: Option<usize>,
    count: Option<usize>,
    points: Option<usize>,
    date: Option<usize>,
    note: Option<usize>,
    period: Option<usize>,
    verdict: Option<usize>,
    reason: Option<usize>,
}

impl ClaimColumns {
    fn of(t: &Table) -> Self {
        ClaimColumns {
            member: t.column("member"),
            item: t.column("item"),
            level: t.column("level"),
            count: t.column("count"),
            points: t.column("points"),
            date: t.column("date"),
            note: t.column("note"),
            period: t.column("period"),
            verdict: t.column("verdict"),
            reason: t.column("reason"),
        }
    }
}

/// The trimmed cell at `col`, or "" when the column is absent.
fn at<'a>(cells: &Cells<'a>, col: Option<usize>) -> &'a str {
    col.and_then(|i| cells.get(i)).map(str::trim).unwrap_or("")
}

/// `s`, or `None` when it is empty.
fn nonempty(s: &str) -> Option<&str> {
    (!s.is_empty()).then_some(s)
}

/// Reads the rows of a claim file into checked claims.
pub(super) struct ClaimRows<'a> {
    pub t: &'a Table,
    col: ClaimColumns,
    by_name: foldhash::HashMap<&'a str, Vec<i64>>,
    pub members: &'a [crate::domain::model::Member],
    pub scheme: &'a crate::domain::scheme::Scheme,
    pub current: Option<crate::domain::model::PeriodId>,
    default_period: Option<String>,
}

impl<'a> ClaimRows<'a> {
    pub fn new(
        t: &'a Table,
        members: &'a [crate::domain::model::Member],
        scheme: &'a crate::domain::scheme::Scheme,
        current: Option<crate::domain::model::PeriodId>,
    ) -> Self {
        let mut by_name: foldhash::HashMap<&str, Vec<i64>> = foldhash::HashMap::default();
        for m in members {
            by_name.entry(&*m.name).or_default().push(m.id);
        }
        ClaimRows {
            t,
            col: ClaimColumns::of(t),
            by_name,
            members,
            scheme,
            current,
            default_period: current.map(|p| p.to_string()),
        }
    }

    /// Check one row.
    pub fn row<'r, 'c: 'r>(
        &'r self,
        checker: &mut ClaimChecker<'c>,
        line: usize,
        cells: &Cells<'r>,
    ) -> Result<crate::store::claim_rows::Line<'r>> {
        let (t, col) = (self.t, &self.col);
        let who = at(cells, col.member);
        let member_id = match self.by_name.get(who).map(|v| v.as_slice()) {
            Some([one]) => *one,
            Some(_) => {
                let kind = ImportKind::AmbiguousMember {
                    name: who.to_string(),
                };
                return Err(t.err(line, "member", kind).into());
            }
            None => match who
                .parse::<i64>()
                .ok()
                .filter(|id| self.members.binary_search_by_key(id, |m| m.id).is_ok())
            {
                Some(id) => id,
                None => {
                    let kind = ImportKind::UnknownMember {
                        who: who.to_string(),
                    };
                    return Err(t.err(line, "member", kind).into());
                }
            },
        };
        let count_s = at(cells, col.count);
        let count = if count_s.is_empty() {
            1
        } else {
            count_s.parse::<i64>().map_err(|_| {
                let kind = ImportKind::NotWhole {
                    given: count_s.to_string(),
                };
                t.err(line, "count", kind)
            })?
        };
        let points_s = at(cells, col.points);
        let points = if points_s.is_empty() {
            None
        } else {
            // `inf`, `nan`, `1e400` read as numbers: the claim check refuses them.
            Some(points_s.parse::<f64>().map_err(|_| {
                let kind = ImportKind::NotNumber {
                    given: points_s.to_string(),
                };
                t.err(line, "points", kind)
            })?)
        };
        let verdict_s = at(cells, col.verdict);
        let verdict = if verdict_s.is_empty() || verdict_s == ClaimStatus::Pending.code() {
            None
        } else {
            let v = verdict_s.parse::<Outcome>();
            Some(v.map_err(|e| t.err(line, "verdict", e))?)
        };
        let draft = crate::app::ClaimDraft {
            member_id,
            item: at(cells, col.item),
            level: nonempty(at(cells, col.level)),
            count,
            points,
            date: nonempty(at(cells, col.date)),
            note: nonempty(at(cells, col.note)),
            evidence: None,
            period: nonempty(at(cells, col.period)).or(self.default_period.as_deref()),
            source: ClaimSource::Import,
            verdict,
            reason: nonempty(at(cells, col.reason)),
        };
        checker
            .check(&draft)
            .map_err(|e| t.err(line, e.field().column(), e).into())
    }
}

/// Every row's hash and line, to find a row given twice once all are read.
pub(super) struct RowHashes(pub Vec<(u64, usize)>);

impl RowHashes {
    /// The first row that repeats an earlier one, as (its line, the earlier
    /// line). Rows with equal hashes are compared cell by cell, so two
    /// different rows are never taken for each other.
    pub fn first_repeat(
        mut self,
        t: &Table,
    ) -> std::result::Result<Option<(usize, usize)>, ImportError> {
        self.0.sort_unstable();
        let groups: Vec<&[(u64, usize)]> = self
            .0
            .chunk_by(|a, b| a.0 == b.0)
            .filter(|g| g.len() > 1)
            .collect();
        if groups.is_empty() {
            return Ok(None);
        }
        let lines: HashSet<usize> = groups.iter().flat_map(|g| g.iter().map(|r| r.1)).collect();
        let cells = t.rows_at(&lines)?;
        let mut first: Option<(usize, usize)> = None;
        for g in groups {
            // Within a group the rows are in line order.
            for (k, later) in g.iter().enumerate().skip(1) {
                let same = |e: &&(u64, usize)| cells.get(&e.1) == cells.get(&later.1);
                if let Some(earlier) = g[..k].iter().find(same) {
                    if first.is_none_or(|f| later.1 < f.0) {
                        first = Some((later.1, earlier.1));
                    }
                    break;
                }
            }
        }
        Ok(first)
    }
}

#[cfg(test)]
mod tests {
    use super::super::table::table_of as table;
    use super::*;

    #[test]
    fn rows_with_equal_hashes_are_repeats_only_when_their_cells_are_equal() {
        let (_d, t) = table("a,b\n1,2\n1,3\n1,2\n");
        // Lines 2 and 3 differ although their (made-up) hashes are equal.
        let collided = RowHashes(vec![(7, 2), (7, 3)]);
        assert_eq!(collided.first_repeat(&t).expect("read"), None);
        let repeated = RowHashes(vec![(7, 2), (7, 3), (7, 4)]);
        assert_eq!(repeated.first_repeat(&t).expect("read"), Some((4, 2)));
    }

    #[test]
    fn the_earliest_repeat_is_named() {
        let (_d, t) = table("a\nx\ny\ny\nx\n");
        let hashes = RowHashes(vec![(1, 2), (2, 3), (2, 4), (1, 5)]);
        assert_eq!(hashes.first_repeat(&t).expect("read"), Some((4, 3)));
    }
}
