//! Recognising a claim import made before: the rows' digest as a set, and
//! the earlier import it matches.

use crate::store::claim_rows::Line;
use sha2::{Digest, Sha256};
use std::fmt::Write as _;

/// The digest of a set of checked claim rows: the wrapping sum of each row's
/// SHA-256 (its first 128 bits) over its checked fields (member id, period,
/// item code, level, count, points, date, note, verdict, reason). The same
/// rows give the same digest whatever the file's name, format (CSV or XLSX),
/// spelling (a title or a code, a name or an id) or order of rows. Stable
/// across versions: it is kept in the database.
#[derive(Debug, Default)]
pub(super) struct RowSet {
    sum: u128,
    rows: usize,
    buf: String,
}

/// The first 128 bits of the SHA-256 of `bytes`.
fn row_hash(bytes: &[u8]) -> u128 {
    let d = Sha256::digest(bytes);
    let mut first = [0u8; 16];
    first.copy_from_slice(&d[..16]);
    u128::from_be_bytes(first)
}

/// An optional cell as the row's digest spells it: U+0001 when absent,
/// U+0002 and the text when given.
fn push_opt(buf: &mut String, v: Option<&str>) {
    match v {
        None => buf.push('\u{1}'),
        Some(v) => {
            buf.push('\u{2}');
            buf.push_str(v);
        }
    }
}

impl RowSet {
    /// Add one checked row.
    pub fn add(&mut self, c: &Line) {
        let b = &mut self.buf;
        b.clear();
        // Writing into a String cannot fail.
        let _ = write!(b, "{}\u{1f}{}\u{1f}{}\u{1f}", c.member_id, c.period, c.item);
        push_opt(b, c.level);
        let _ = write!(
            b,
            "\u{1f}{}\u{1f}{:016x}\u{1f}",
            c.count,
            c.claimed.to_bits()
        );
        push_opt(b, c.date);
        b.push('\u{1f}');
        push_opt(b, c.note);
        b.push('\u{1f}');
        push_opt(b, c.verdict.map(|s| s.code()));
        b.push('\u{1f}');
        push_opt(b, c.reason);
        self.sum = self.sum.wrapping_add(row_hash(b.as_bytes()));
        self.rows += 1;
    }

    /// The digest as 32 hex digits.
    pub fn digest(&self) -> String {
        format!("{:032x}", self.sum)
    }

    pub fn rows(&self) -> usize {
        self.rows
    }
}

/// An import refused because the same rows were imported before (the CLI
/// says it with `i18n::imports::already_imported`).
#[derive(Debug, Clone, PartialEq)]
pub struct AlreadyImported {
    /// The file given now.
    pub file: String,
    /// The earlier import it matches.
    pub earlier: crate::store::imports::ImportRecord,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::ClaimSource;
    use crate::domain::model::ClaimStatus;

    /// The spelling digests were written with before `push_opt`: the import
    /// log of an older database must still recognise its files.
    fn spelled_as_before(c: &Line) -> String {
        let opt = |s: Option<&str>| s.map_or_else(|| "\u{1}".to_string(), |v| format!("\u{2}{v}"));
        format!(
            "{}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{:016x}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}",
            c.member_id,
            c.period,
            c.item,
            opt(c.level),
            c.count,
            c.claimed.to_bits(),
            opt(c.date),
            opt(c.note),
            opt(c.verdict.map(|s| s.code())),
            opt(c.reason),
        )
    }

    #[test]
    fn a_row_digests_as_it_did_whatever_cells_are_empty() {
        let period = "2026Q4".parse().expect("a period");
        let full = Line {
            member_id: 7,
            period,
            item: "bonus.contribution",
            level: Some("省级"),
            count: 2,
            claimed: 2.5,
            date: Some("2026-10-01"),
            note: Some("义务劳动"),
            evidence: None,
            source: ClaimSource::Import,
            verdict: Some(ClaimStatus::Approved),
            reason: Some("属实"),
        };
        let bare = Line {
            level: None,
            date: None,
            note: None,
            verdict: None,
            reason: None,
            ..full
        };
        for c in [&full, &bare] {
            let mut set = RowSet::default();
            set.add(c);
            assert_eq!(
                set.digest(),
                format!("{:032x}", row_hash(spelled_as_before(c).as_bytes()))
            );
        }
    }
}
