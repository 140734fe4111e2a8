//! Fresh scores against kept ones: a merge-join of two key-ordered streams
//! that hands on only the rows that differ.

use crate::core::Result;
use crate::scoring::Breakdown;
use crate::store::sweep::KeptCursor;
use crate::store::totals::ScoreRow;

/// How a kept score differs from what the tallies give.
#[derive(Debug, Clone, PartialEq)]
pub enum ChangeKind {
    /// No kept row: the fresh score is to be added.
    Missing(ScoreRow),
    /// The kept row holds other values (its total given).
    Changed { kept_total: f64, fresh: ScoreRow },
    /// A kept row no entries explain: to be removed.
    Bogus,
}

/// One kept score to add, replace or remove.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub branch: i64,
    pub period: String,
    pub member: i64,
    pub kind: ChangeKind,
}

/// Rows seen by a [`Diff`].
#[derive(Debug, Clone, Copy, Default)]
pub struct DiffCounts {
    /// Fresh scores offered.
    pub fresh: usize,
    /// Kept rows read.
    pub kept: usize,
}

/// The merge-join: fresh scores come in key order through `offer`.
pub(super) struct Diff<'s, 'f> {
    kept: KeptCursor<'s>,
    fresh: ScoreRow,
    sink: &'f mut dyn FnMut(Change) -> Result<()>,
    pub counts: DiffCounts,
}

impl<'s, 'f> Diff<'s, 'f> {
    pub fn new(kept: KeptCursor<'s>, sink: &'f mut dyn FnMut(Change) -> Result<()>) -> Self {
        Diff {
            kept,
            fresh: ScoreRow::default(),
            sink,
            counts: DiffCounts::default(),
        }
    }

    /// Compare one fresh score with the kept row of its key, removing kept
    /// rows that come before it.
    pub fn offer(&mut self, branch: i64, period: &str, member: i64, b: &Breakdown) -> Result<()> {
        self.counts.fresh += 1;
        self.fresh.set(b);
        let key = (branch, period, member);
        loop {
            match self.kept.key() {
                Some(k) if k < key => self.remove_current()?,
                Some(k) if k == key => {
                    self.counts.kept += 1;
                    if self.kept.row.score != self.fresh {
                        (self.sink)(Change {
                            branch,
                            period: period.to_string(),
                            member,
                            kind: ChangeKind::Changed {
                                kept_total: self.kept.row.score.total,
                                fresh: self.fresh.clone(),
                            },
                        })?;
                    }
                    self.kept.advance()?;
                    return Ok(());
                }
                _ => {
                    return (self.sink)(Change {
                        branch,
                        period: period.to_string(),
                        member,
                        kind: ChangeKind::Missing(self.fresh.clone()),
                    })
                }
            }
        }
    }

    /// Remove every kept row left (after the last fresh score).
    pub fn finish(mut self) -> Result<DiffCounts> {
        while !self.kept.done {
            self.remove_current()?;
        }
        Ok(self.counts)
    }

    fn remove_current(&mut self) -> Result<()> {
        self.counts.kept += 1;
        (self.sink)(Change {
            branch: self.kept.row.branch,
            period: self.kept.row.period.clone(),
            member: self.kept.row.member,
            kind: ChangeKind::Bogus,
        })?;
        self.kept.advance()?;
        Ok(())
    }
}
