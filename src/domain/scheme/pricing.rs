//! Pricing a claim against the item catalogue, and checking the points the
//! committee sets.

use super::{Allowed, Item, ItemKind, Scheme};
use crate::domain::number::{finite, NotFinite};

/// Which of a claim's fields a check is about (an import names it as the column).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClaimField {
    Member,
    Item,
    Level,
    Count,
    Points,
    Date,
    Period,
    Verdict,
    Reason,
}

impl ClaimField {
    /// The column of a claim import that holds the field.
    pub fn column(self) -> &'static str {
        match self {
            ClaimField::Member => "member",
            ClaimField::Item => "item",
            ClaimField::Level => "level",
            ClaimField::Count => "count",
            ClaimField::Points => "points",
            ClaimField::Date => "date",
            ClaimField::Period => "period",
            ClaimField::Verdict => "verdict",
            ClaimField::Reason => "reason",
        }
    }
}

/// Why a claim does not fit the item catalogue, with what a message needs
/// (`i18n::errors` words it; `Display` is for logs).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{self:?}")]
pub enum PriceError {
    UnknownItem {
        code: String,
        scheme: String,
        allowed: Vec<String>,
    },
    CountOutOfRange {
        count: i64,
    },
    NeedsLevel {
        code: String,
        levels: Vec<String>,
    },
    NoSuchLevel {
        code: String,
        level: String,
        /// The item's levels and their points.
        allowed: Vec<(String, f64)>,
    },
    NoLevels {
        code: String,
        level: String,
    },
    NeedsPoints {
        code: String,
        allowed: Allowed,
    },
    OutOfBounds {
        code: String,
        points: f64,
        allowed: Allowed,
    },
    Mismatch {
        code: String,
        points: f64,
        allowed: Allowed,
        expected: f64,
    },
    NotInScheme {
        code: String,
    },
    NegativeAdjust {
        points: f64,
    },
    /// Points of `inf`, `nan` or `1e400`: no claim or verdict takes them.
    NotFinite(#[from] NotFinite),
}

impl PriceError {
    /// The claim field the error is about.
    pub fn field(&self) -> ClaimField {
        match self {
            PriceError::UnknownItem { .. } | PriceError::NotInScheme { .. } => ClaimField::Item,
            PriceError::CountOutOfRange { .. } => ClaimField::Count,
            PriceError::NeedsLevel { .. }
            | PriceError::NoSuchLevel { .. }
            | PriceError::NoLevels { .. } => ClaimField::Level,
            PriceError::NeedsPoints { .. }
            | PriceError::OutOfBounds { .. }
            | PriceError::Mismatch { .. }
            | PriceError::NegativeAdjust { .. }
            | PriceError::NotFinite(_) => ClaimField::Points,
        }
    }
}

/// The most occurrences one claim may count: a quarter's acts of one kind by
/// one member never come near it, and a larger count is a typing slip.
pub const MAX_COUNT: i64 = 1000;

impl Scheme {
    /// Check a claim against the item catalogue; returns the claim's points magnitude.
    pub fn price_claim(
        &self,
        code: &str,
        level: Option<&str>,
        count: i64,
        points: Option<f64>,
    ) -> Result<f64, PriceError> {
        let item = self.item(code).ok_or_else(|| {
            let near: Vec<&str> = self
                .items
                .iter()
                .map(|i| i.code.as_str())
                .filter(|c| {
                    let head = code.split('.').next().unwrap_or(code);
                    c.starts_with(head)
                })
                .collect();
            let list: Vec<&str> = if near.is_empty() {
                self.items.iter().map(|i| i.code.as_str()).collect()
            } else {
                near
            };
            PriceError::UnknownItem {
                code: code.to_string(),
                scheme: self.id.clone(),
                allowed: list.into_iter().map(String::from).collect(),
            }
        })?;
        if let Some(p) = points {
            finite("points", p)?;
        }
        if !(1..=MAX_COUNT).contains(&count) {
            return Err(PriceError::CountOutOfRange { count });
        }
        let n = count as f64;
        if let Some(levels) = &item.levels {
            let lv = level
                .filter(|l| !l.is_empty())
                .ok_or_else(|| PriceError::NeedsLevel {
                    code: code.to_string(),
                    levels: levels.keys().cloned().collect(),
                })?;
            let per = levels.get(lv).ok_or_else(|| PriceError::NoSuchLevel {
                code: code.to_string(),
                level: lv.to_string(),
                allowed: levels.iter().map(|(k, v)| (k.clone(), *v)).collect(),
            })?;
            return check_given(code, points, per * n, item);
        }
        if let Some(l) = level.filter(|l| !l.is_empty()) {
            return Err(PriceError::NoLevels {
                code: code.to_string(),
                level: l.to_string(),
            });
        }
        if let Some(p) = item.points {
            return check_given(code, points, p * n, item);
        }
        if item.kind == ItemKind::Veto {
            return Ok(0.0);
        }
        let p = points.ok_or_else(|| PriceError::NeedsPoints {
            code: code.to_string(),
            allowed: item.allowed(),
        })?;
        let lo = item.min.unwrap_or(0.0) * n;
        let hi = item.max.map(|m| m * n);
        if p < lo - 1e-9 || hi.is_some_and(|h| p > h + 1e-9) || p < 0.0 {
            return Err(PriceError::OutOfBounds {
                code: code.to_string(),
                points: p,
                allowed: item.allowed(),
            });
        }
        Ok(p)
    }

    /// Check points the committee sets when adjusting a claim (finite, not
    /// negative); the item's bound is `Item::adjust_max`.
    pub fn check_adjusted(&self, code: &str, points: f64) -> Result<&Item, PriceError> {
        let item = self.item(code).ok_or_else(|| PriceError::NotInScheme {
            code: code.to_string(),
        })?;
        finite("points", points)?;
        if points < 0.0 {
            return Err(PriceError::NegativeAdjust { points });
        }
        Ok(item)
    }
}

fn check_given(
    code: &str,
    given: Option<f64>,
    expected: f64,
    item: &Item,
) -> Result<f64, PriceError> {
    match given {
        Some(p) if !p.is_finite() || (p - expected).abs() > 1e-9 => Err(PriceError::Mismatch {
            code: code.to_string(),
            points: p,
            allowed: item.allowed(),
            expected,
        }),
        _ => Ok(expected),
    }
}
