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

impl RowSet {
    /// Add one checked row.
    pub fn add(&mut self, c: &Line) {
        self.buf.clear();
        let opt = |s: Option<&str>| s.map_or_else(|| "\u{1}".to_string(), |v| format!("\u{2}{v}"));
        // Writing into a String cannot fail.
        let _ = write!(
            self.buf,
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
        );
        self.sum = self.sum.wrapping_add(row_hash(self.buf.as_bytes()));
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
