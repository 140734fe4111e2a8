//! Fresh scores against kept ones, a period at a time. A period whose kept
//! digest equals the digest of its fresh scores is done without reading a
//! kept row (any write to a period's scores drops its digest); any other
//! period's kept rows are read and merge-joined with the fresh ones, and the
//! differences handed on, then the period's new digest.

use crate::core::Result;
use crate::scoring::Breakdown;
use crate::store::sweep::{self as reads, DigestCursor, KeptRow};
use crate::store::totals::ScoreRow;
use rusqlite::Statement;

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

/// What a sweep hands to the writer, in key order.
#[derive(Debug, Clone, PartialEq)]
pub enum Found {
    /// A kept score that differs.
    Change(Change),
    /// The digest of a period's scores, to keep once its changes are written.
    Digest {
        branch: i64,
        period: String,
        digest: i64,
    },
}

/// Rows seen by a [`Diff`].
#[derive(Debug, Clone, Copy, Default)]
pub struct DiffCounts {
    /// Fresh scores offered.
    pub fresh: usize,
    /// Kept rows read.
    pub kept: usize,
    /// Periods found equal by their digest alone.
    pub by_digest: usize,
}

/// Marks the digest's layout: another layout never matches a kept digest.
const DIGEST_LAYOUT: &[u8] = b"jifen score digest 1";

/// The digest of a period's fresh scores (member order), built in `buf`.
pub fn digest_of(buf: &mut Vec<u8>, fresh: &[(i64, Breakdown)]) -> i64 {
    fn text(buf: &mut Vec<u8>, s: &str) {
        buf.extend_from_slice(&(s.len() as u32).to_le_bytes());
        buf.extend_from_slice(s.as_bytes());
    }
    buf.clear();
    buf.extend_from_slice(DIGEST_LAYOUT);
    for (member, b) in fresh {
        buf.extend_from_slice(&member.to_le_bytes());
        buf.extend_from_slice(&b.total.to_bits().to_le_bytes());
        buf.extend_from_slice(&(b.parts.len() as u32).to_le_bytes());
        for (id, v) in &b.parts {
            text(buf, id);
            buf.extend_from_slice(&v.to_bits().to_le_bytes());
        }
        match &b.forced_grade {
            Some(g) => {
                buf.push(1);
                text(buf, g);
            }
            None => buf.push(0),
        }
        buf.extend_from_slice(&(b.item_actions.len() as u32).to_le_bytes());
        for a in &b.item_actions {
            text(buf, a);
        }
        buf.push(u8::from(b.vetoed));
    }
    xxhash_rust::xxh3::xxh3_64(buf) as i64
}

/// The comparer: fresh scores come in a period at a time, in key order.
pub(super) struct Diff<'s, 'f> {
    digests: DigestCursor<'s>,
    kept_st: Statement<'s>,
    kept: Vec<KeptRow>,
    fresh: ScoreRow,
    buf: Vec<u8>,
    sink: &'f mut dyn FnMut(Found) -> Result<()>,
    pub counts: DiffCounts,
}

impl<'s, 'f> Diff<'s, 'f> {
    pub fn new(
        digests: DigestCursor<'s>,
        kept_st: Statement<'s>,
        sink: &'f mut dyn FnMut(Found) -> Result<()>,
    ) -> Self {
        Diff {
            digests,
            kept_st,
            kept: Vec::new(),
            fresh: ScoreRow::default(),
            buf: Vec::new(),
            sink,
            counts: DiffCounts::default(),
        }
    }

    /// Compare the fresh scores of one period (in member order) with the
    /// kept ones.
    pub fn period(&mut self, branch: i64, period: &str, fresh: &[(i64, Breakdown)]) -> Result<()> {
        self.counts.fresh += fresh.len();
        let digest = digest_of(&mut self.buf, fresh);
        if self.digests.find(branch, period)? == Some(digest) {
            self.counts.by_digest += 1;
            return Ok(());
        }
        reads::kept_of_period(&mut self.kept_st, branch, period, &mut self.kept)?;
        self.counts.kept += self.kept.len();
        let Diff {
            kept,
            fresh: row,
            sink,
            ..
        } = self;
        let change = |member: i64, kind: ChangeKind| {
            Found::Change(Change {
                branch,
                period: period.to_string(),
                member,
                kind,
            })
        };
        let mut k = 0;
        for (member, b) in fresh {
            while k < kept.len() && kept[k].member < *member {
                sink(change(kept[k].member, ChangeKind::Bogus))?;
                k += 1;
            }
            row.set(b);
            if k < kept.len() && kept[k].member == *member {
                if kept[k].score != *row {
                    sink(change(
                        *member,
                        ChangeKind::Changed {
                            kept_total: kept[k].score.total,
                            fresh: row.clone(),
                        },
                    ))?;
                }
                k += 1;
            } else {
                sink(change(*member, ChangeKind::Missing(row.clone())))?;
            }
        }
        for gone in &kept[k..] {
            sink(change(gone.member, ChangeKind::Bogus))?;
        }
        sink(Found::Digest {
            branch,
            period: period.to_string(),
            digest,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn score(total: f64) -> Breakdown {
        Breakdown {
            total,
            parts: vec![(String::new(), total)],
            forced_grade: None,
            item_actions: vec![],
            vetoed: false,
        }
    }

    #[test]
    fn the_digest_follows_every_value_of_a_score() {
        let mut buf = Vec::new();
        let base = vec![(1, score(80.0)), (2, score(75.5))];
        let d = digest_of(&mut buf, &base);
        assert_eq!(d, digest_of(&mut buf, &base.clone()));
        let mut other = base.clone();
        other[1].1.total = 75.0;
        assert_ne!(d, digest_of(&mut buf, &other));
        let mut other = base.clone();
        other[0].0 = 3;
        assert_ne!(d, digest_of(&mut buf, &other));
        let mut other = base.clone();
        other[0].1.forced_grade = Some("不合格".into());
        assert_ne!(d, digest_of(&mut buf, &other));
        let mut other = base.clone();
        other[0].1.item_actions.push("talk".into());
        assert_ne!(d, digest_of(&mut buf, &other));
        let mut other = base.clone();
        other[1].1.vetoed = true;
        assert_ne!(d, digest_of(&mut buf, &other));
        assert_ne!(d, digest_of(&mut buf, &base[..1]));
    }
}
