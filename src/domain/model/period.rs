//! Scoring periods: a quarter, a half-year or a year, and their ids.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// The kind of a scoring period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum PeriodKind {
    Quarter(u8),
    Half(u8),
    Year,
}

/// A period id such as `2026Q4`, `2026H2` or `2026`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PeriodId {
    pub year: i32,
    pub kind: PeriodKind,
}

impl PeriodId {
    /// First and last calendar day of the period.
    pub fn bounds(&self) -> (chrono::NaiveDate, chrono::NaiveDate) {
        use chrono::NaiveDate;
        let (m0, m1) = match self.kind {
            PeriodKind::Quarter(q) => (3 * (q as u32 - 1) + 1, 3 * q as u32),
            PeriodKind::Half(h) => (6 * (h as u32 - 1) + 1, 6 * h as u32),
            PeriodKind::Year => (1, 12),
        };
        let start = NaiveDate::from_ymd_opt(self.year, m0, 1).unwrap_or_default();
        let end = if m1 == 12 {
            NaiveDate::from_ymd_opt(self.year, 12, 31)
        } else {
            NaiveDate::from_ymd_opt(self.year, m1 + 1, 1).and_then(|d| d.pred_opt())
        }
        .unwrap_or_default();
        (start, end)
    }

    /// The period of the same kind that contains `date`.
    pub fn containing(&self, date: chrono::NaiveDate) -> PeriodId {
        use chrono::Datelike;
        let m = date.month() as u8;
        let kind = match self.kind {
            PeriodKind::Quarter(_) => PeriodKind::Quarter((m - 1) / 3 + 1),
            PeriodKind::Half(_) => PeriodKind::Half((m - 1) / 6 + 1),
            PeriodKind::Year => PeriodKind::Year,
        };
        PeriodId {
            year: date.year(),
            kind,
        }
    }

    /// Position of the period inside its year (1-based), used for ordering.
    pub fn index(&self) -> u8 {
        match self.kind {
            PeriodKind::Quarter(q) => q,
            PeriodKind::Half(h) => h,
            PeriodKind::Year => 1,
        }
    }
}

impl FromStr for PeriodId {
    type Err = super::BadValue;
    fn from_str(s: &str) -> Result<Self, super::BadValue> {
        let s = s.trim();
        let bad = || super::BadValue::new(super::ValueKind::Period, s);
        if s.len() < 4 {
            return Err(bad());
        }
        let (y, rest) = s.split_at(4);
        let year: i32 = y.parse().map_err(|_| bad())?;
        if !(1900..=2999).contains(&year) {
            return Err(bad());
        }
        let kind = match rest {
            "" => PeriodKind::Year,
            "Q1" | "q1" => PeriodKind::Quarter(1),
            "Q2" | "q2" => PeriodKind::Quarter(2),
            "Q3" | "q3" => PeriodKind::Quarter(3),
            "Q4" | "q4" => PeriodKind::Quarter(4),
            "H1" | "h1" => PeriodKind::Half(1),
            "H2" | "h2" => PeriodKind::Half(2),
            _ => return Err(bad()),
        };
        Ok(PeriodId { year, kind })
    }
}

impl fmt::Display for PeriodId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            PeriodKind::Quarter(q) => write!(f, "{}Q{}", self.year, q),
            PeriodKind::Half(h) => write!(f, "{}H{}", self.year, h),
            PeriodKind::Year => write!(f, "{}", self.year),
        }
    }
}
