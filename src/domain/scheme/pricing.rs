//! Pricing a claim against the item catalogue, and checking the points the
//! committee sets.

use super::{Item, ItemKind, Scheme};

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
    ) -> Result<f64, String> {
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
            format!(
                "unknown item '{code}' in scheme {} (allowed: {})",
                self.id,
                list.join(", ")
            )
        })?;
        if !(1..=MAX_COUNT).contains(&count) {
            return Err(format!("count must be from 1 to {MAX_COUNT}, got {count}"));
        }
        let n = count as f64;
        if let Some(levels) = &item.levels {
            let lv = level.filter(|l| !l.is_empty()).ok_or_else(|| {
                format!(
                    "item '{code}' needs a level ({})",
                    levels.keys().cloned().collect::<Vec<_>>().join(", ")
                )
            })?;
            let per = levels.get(lv).ok_or_else(|| {
                format!(
                    "item '{code}' has no level '{lv}' (allowed: {})",
                    levels
                        .iter()
                        .map(|(k, v)| format!("{k} = {}", crate::domain::model::fmt_points(*v)))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            })?;
            return check_given(code, points, per * n, item);
        }
        if let Some(l) = level.filter(|l| !l.is_empty()) {
            return Err(format!("item '{code}' has no levels, got level '{l}'"));
        }
        if let Some(p) = item.points {
            return check_given(code, points, p * n, item);
        }
        if item.kind == ItemKind::Veto {
            return Ok(0.0);
        }
        let p =
            points.ok_or_else(|| format!("item '{code}' needs --points ({})", item.allowed()))?;
        let lo = item.min.unwrap_or(0.0) * n;
        let hi = item.max.map(|m| m * n);
        if p < lo - 1e-9 || hi.is_some_and(|h| p > h + 1e-9) || p < 0.0 {
            return Err(format!(
                "points {} outside the bounds of '{code}' ({})",
                crate::domain::model::fmt_points(p),
                item.allowed()
            ));
        }
        Ok(p)
    }

    /// Check points the committee sets when adjusting a claim (a number, not
    /// negative); the item's bound is `Item::adjust_max`.
    pub fn check_adjusted(&self, code: &str, points: f64) -> Result<&Item, String> {
        let item = self
            .item(code)
            .ok_or_else(|| format!("unknown item '{code}'"))?;
        if points < 0.0 || !points.is_finite() {
            return Err(format!(
                "adjusted points must be zero or more, got {}",
                crate::domain::model::fmt_points(points)
            ));
        }
        Ok(item)
    }
}

fn check_given(code: &str, given: Option<f64>, expected: f64, item: &Item) -> Result<f64, String> {
    match given {
        Some(p) if !p.is_finite() || (p - expected).abs() > 1e-9 => Err(format!(
            "points {} do not match item '{code}' ({}): expected {}",
            crate::domain::model::fmt_points(p),
            item.allowed(),
            crate::domain::model::fmt_points(expected)
        )),
        _ => Ok(expected),
    }
}
