//! Recognising a claim import made before: the rows' digest as a set, and
//! the earlier import it matches.

use super::super::claim_check::CheckedClaim;
use std::fmt::Write as _;

/// The digest of a set of checked claim rows: the wrapping sum of each row's
/// 128-bit FNV-1a hash over its checked fields (member id, period, item code,
/// level, count, points, date, note, verdict, reason). The same rows give the
/// same digest whatever the file's name, format (CSV or XLSX), spelling
/// (a title or a code, a name or an id) or order of rows. Stable across
/// versions: it is kept in the database.
#[derive(Debug, Default)]
pub(super) struct RowSet {
    sum: u128,
    rows: usize,
    buf: String,
}

const FNV_OFFSET: u128 = 0x6c62272e07bb014262b821756295c58d;
const FNV_PRIME: u128 = 0x0000000001000000000000000000013B;

fn fnv1a(bytes: &[u8]) -> u128 {
    bytes.iter().fold(FNV_OFFSET, |h, b| {
        (h ^ u128::from(*b)).wrapping_mul(FNV_PRIME)
    })
}

impl RowSet {
    /// Add one checked row.
    pub fn add(&mut self, c: &CheckedClaim) {
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
            c.points.to_bits(),
            opt(c.date),
            opt(c.note),
            opt(c.verdict.map(|o| o.status().code())),
            opt(c.reason),
        );
        self.sum = self.sum.wrapping_add(fnv1a(self.buf.as_bytes()));
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
