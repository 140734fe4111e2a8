//! A scheme's gift catalogue for points redemption (积分兑换, seed 004's
//! community branch: gifts once a quarter, from a roll of tissue to a kettle).

use super::reason::{Entry, SchemeReason};
use serde::Deserialize;
use std::collections::HashSet;

/// The `[redemption]` section: the gifts a member may redeem points for.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Redemption {
    #[serde(default)]
    pub gifts: Vec<Gift>,
}

/// One gift of the catalogue (`[[redemption.gifts]]`).
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Gift {
    pub code: String,
    pub title: String,
    #[serde(default)]
    pub title_zh: Option<String>,
    /// Points one of it costs.
    pub points: f64,
    /// How many there are to give out in all; `None`: as many as asked.
    #[serde(default)]
    pub stock: Option<i64>,
}

impl Gift {
    /// Title in the requested language.
    pub fn title_in(&self, zh: bool) -> &str {
        match (&self.title_zh, zh) {
            (Some(t), true) => t,
            _ => &self.title,
        }
    }
}

impl Redemption {
    /// The gift `key` names: its code, its exact Chinese or English title,
    /// or the one title whose words before a bracket are `key` ("抽纸" for
    /// "抽纸(一卷)", as a secretary says it).
    pub fn gift(&self, key: &str) -> Option<&Gift> {
        let key = key.trim();
        let exact =
            |g: &&Gift| g.code == key || g.title_zh.as_deref() == Some(key) || g.title == key;
        if let Some(g) = self.gifts.iter().find(exact) {
            return Some(g);
        }
        let short = |t: &str| t.split(['(', '（']).next().unwrap_or(t).trim() == key;
        let mut named = self
            .gifts
            .iter()
            .filter(|g| g.title_zh.as_deref().is_some_and(short) || short(&g.title));
        match (named.next(), named.next()) {
            (Some(g), None) if !key.is_empty() => Some(g),
            _ => None,
        }
    }
}

/// A fault in the section: the gift code to find its line by, the field, the words.
pub(super) type Fault = (String, &'static str, SchemeReason);

/// Check the catalogue: codes present and unique, points above 0, stock a
/// whole number of 0 or more (finite numbers within bounds are checked for
/// the whole file).
pub(super) fn check(r: &Redemption) -> Result<(), Fault> {
    let mut codes = HashSet::new();
    for g in &r.gifts {
        let here = |key: &'static str, reason: SchemeReason| {
            let inside = SchemeReason::In {
                entry: Entry::Gift,
                name: g.code.clone(),
                reason: Box::new(reason),
            };
            (g.code.clone(), key, inside)
        };
        if g.code.trim().is_empty() {
            return Err(here("code", SchemeReason::Empty));
        }
        if !codes.insert(g.code.as_str()) {
            let dup = SchemeReason::Duplicate {
                entry: Entry::Gift,
                name: g.code.clone(),
            };
            return Err((g.code.clone(), "code", dup));
        }
        if g.title.trim().is_empty() {
            return Err(here("title", SchemeReason::Empty));
        }
        if g.points <= 0.0 {
            return Err(here("points", SchemeReason::NotPositive));
        }
        if g.stock.is_some_and(|s| s < 0) {
            return Err(here("stock", SchemeReason::Negative));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gift(code: &str, title: &str, zh: &str) -> Gift {
        Gift {
            code: code.into(),
            title: title.into(),
            title_zh: Some(zh.into()),
            points: 2.0,
            stock: None,
        }
    }

    #[test]
    fn a_gift_is_named_by_code_title_or_its_title_before_the_bracket() {
        let r = Redemption {
            gifts: vec![
                gift("gift.tissue", "Roll of tissue", "抽纸(一卷)"),
                gift("gift.soap", "Bar of soap", "香皂（一块）"),
                gift("gift.cup", "Cup (small)", "杯子(小)"),
                gift("gift.cup-l", "Cup (large)", "杯子(大)"),
            ],
        };
        let code = |k: &str| r.gift(k).map(|g| g.code.as_str());
        assert_eq!(code("gift.tissue"), Some("gift.tissue"));
        assert_eq!(code("抽纸(一卷)"), Some("gift.tissue"));
        assert_eq!(code("抽纸"), Some("gift.tissue"));
        assert_eq!(code(" 香皂 "), Some("gift.soap"));
        assert_eq!(code("Bar of soap"), Some("gift.soap"));
        // Two gifts share the words before their brackets: neither is meant.
        assert_eq!(code("杯子"), None);
        assert_eq!(code("Cup"), None);
        assert_eq!(code(""), None);
        assert_eq!(code("纸"), None);
    }
}
