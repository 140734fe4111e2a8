//! Scoring schemes: data files under `data/schemes/`, loaded and validated here.
//!
//! A scheme file is refused whole when anything in it is wrong; the error names
//! the file, the line and the field.

pub mod appraisal;
mod choices;
mod grading;
mod pricing;
mod reason;
pub mod redemption;
pub use appraisal::{
    Appraisal, AppraisalChoice, AppraisalKind, Feeds, FinalDefault, RatedPart, ResultRule,
};
pub use pricing::{ClaimField, PriceError, MAX_COUNT};
pub use redemption::{Gift, Redemption};
mod ties;
mod validate;

use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

pub use choices::Choice;
pub use grading::{ActionRule, GradeBand, On, PartMin, Repeat, StarBand, Stars};
pub use reason::{Entry, SchemeReason};
pub use ties::TieRule;
pub use validate::{SchemeError, MAX_FIGURE, MAX_PROCESS_DAYS};

/// Built-in scheme files, embedded in the binary.
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "bureau-80",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/schemes/bureau-80.toml"
        )),
    ),
    (
        "twelve-point",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/schemes/twelve-point.toml"
        )),
    ),
    (
        "star-rating",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/schemes/star-rating.toml"
        )),
    ),
    (
        "company-60-40",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/schemes/company-60-40.toml"
        )),
    ),
    (
        "pipeline-75-25",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/schemes/pipeline-75-25.toml"
        )),
    ),
    (
        "village-tiered",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/schemes/village-tiered.toml"
        )),
    ),
    (
        "village-quarterly",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/schemes/village-quarterly.toml"
        )),
    ),
];

/// Which way a better member's score goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Merit schemes: a higher score ranks higher.
    #[default]
    Higher,
    /// Demerit schemes: a lower score ranks higher.
    Lower,
}

/// How long one scoring period is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Cycle {
    #[default]
    Quarter,
    Half,
}

/// When a scheme's grades are given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum GradesOn {
    /// Every period and the year.
    #[default]
    Any,
    /// The year only: a period's grade is a projection, not a verdict.
    Year,
}

/// Which entries a period's score counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Window {
    /// Only the period's own entries (scores reset each period).
    #[default]
    Period,
    /// Everything from the start of the year to the end of the period.
    Ytd,
}

/// How the periods of a year add up to a year score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum YearRule {
    /// Every part over the whole year's entries, or averaged over periods when the part says so.
    Parts,
    /// Mean of the period scores of the periods held.
    Average,
    /// Sum of the period scores, divided by `divisor`.
    Sum,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Year {
    pub rule: YearRule,
    #[serde(default)]
    pub divisor: Option<f64>,
}

/// Sign class of an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ItemKind {
    Bonus,
    Deduction,
    Offset,
    Veto,
}

impl ItemKind {
    pub fn code(self) -> &'static str {
        match self {
            ItemKind::Bonus => "bonus",
            ItemKind::Deduction => "deduction",
            ItemKind::Offset => "offset",
            ItemKind::Veto => "veto",
        }
    }
}

/// What a veto item does to the score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum VetoEffect {
    /// The score becomes 0.
    Zero,
    /// The score becomes the scheme's cap (demerit schemes: "12 at once").
    Cap,
    /// The score stands but the grade is forced.
    Grade,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tier {
    pub id: i64,
    pub name: String,
    #[serde(default)]
    pub name_zh: Option<String>,
    pub base: f64,
}

/// How a part aggregates over a year under `YearRule::Parts`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum PartYear {
    #[default]
    Sum,
    Average,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Part {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub name_zh: Option<String>,
    #[serde(default)]
    pub base: f64,
    #[serde(default)]
    pub bonus_cap: Option<f64>,
    #[serde(default)]
    pub deduction_cap: Option<f64>,
    /// Upper bound of the part's score.
    #[serde(default)]
    pub max: Option<f64>,
    #[serde(default)]
    pub year: PartYear,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub code: String,
    pub title: String,
    #[serde(default)]
    pub title_zh: Option<String>,
    pub kind: ItemKind,
    #[serde(default)]
    pub part: Option<String>,
    /// Fixed points per occurrence.
    #[serde(default)]
    pub points: Option<f64>,
    /// Points per occurrence by level.
    #[serde(default)]
    pub levels: Option<BTreeMap<String, f64>>,
    /// Committee-decided points per occurrence: lower bound.
    #[serde(default)]
    pub min: Option<f64>,
    /// Committee-decided points per occurrence: upper bound.
    #[serde(default)]
    pub max: Option<f64>,
    /// Cap on the item's total within one window.
    #[serde(default)]
    pub cap: Option<f64>,
    /// Multiplier applied to the item's points (e.g. 0.5 for an appraisal counted at 50%).
    #[serde(default)]
    pub weight: Option<f64>,
    /// Veto effect, for `kind = "veto"`.
    #[serde(default)]
    pub effect: Option<VetoEffect>,
    /// Grade forced by a veto with `effect = "grade"`.
    #[serde(default)]
    pub grade: Option<String>,
    /// Action this item triggers when approved.
    #[serde(default)]
    pub action: Option<String>,
    /// Whether the item's title may appear on the room display.
    #[serde(default)]
    pub public: bool,
    /// Roll-call mark that turns into this claim (`leave` or `absent`).
    #[serde(default)]
    pub attendance: Option<String>,
    /// Position of the item's part in scoring order (`Scheme::part_ids`),
    /// built after loading; `usize::MAX` for a part the scheme lacks.
    #[serde(skip)]
    pub part_slot: usize,
}

impl Item {
    /// The item's levels with their points, from the lowest level up as the
    /// scheme tables list them; empty when the item has no levels.
    pub fn levels_by_points(&self) -> Vec<(&str, f64)> {
        let mut v: Vec<(&str, f64)> = self
            .levels
            .iter()
            .flatten()
            .map(|(k, p)| (k.as_str(), *p))
            .collect();
        v.sort_by(|a, b| a.1.total_cmp(&b.1));
        v
    }

    /// Title in the requested language.
    pub fn title_in(&self, zh: bool) -> &str {
        match (&self.title_zh, zh) {
            (Some(t), true) => t,
            _ => &self.title,
        }
    }

    /// The most points an adjustment of `count` occurrences may give: the
    /// committee's upper bound, or the item's highest fixed or level points.
    pub fn adjust_max(&self, count: i64) -> Option<f64> {
        let n = count.max(1) as f64;
        let top = match (&self.levels, self.points) {
            (Some(levels), _) => levels.values().copied().reduce(f64::max),
            (None, Some(p)) => Some(p),
            (None, None) => self.max,
        };
        top.map(|m| m * n)
    }

    /// Whether the committee decides the points on each claim.
    pub fn committee_decides(&self) -> bool {
        self.points.is_none() && self.levels.is_none() && self.kind != ItemKind::Veto
    }

    /// The points this item allows, for error messages (`i18n::errors` words it).
    pub fn allowed(&self) -> Allowed {
        if let Some(levels) = &self.levels {
            return Allowed::Levels(levels.iter().map(|(k, v)| (k.clone(), *v)).collect());
        }
        if let Some(p) = self.points {
            return Allowed::Fixed(p);
        }
        if self.kind == ItemKind::Veto {
            return Allowed::Veto;
        }
        Allowed::Range {
            min: self.min.unwrap_or(0.0),
            max: self.max,
        }
    }
}

/// The points an item allows, as an error message names them.
#[derive(Debug, Clone, PartialEq)]
pub enum Allowed {
    /// Points per occurrence by level (level code, points).
    Levels(Vec<(String, f64)>),
    /// Fixed points per occurrence.
    Fixed(f64),
    /// A veto item: no points.
    Veto,
    /// Points per occurrence the committee decides, from `min` to `max` (no bound: `None`).
    Range { min: f64, max: Option<f64> },
}

/// Deadlines after the lock.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Process {
    pub publication_days: u32,
    /// `true`: publication counts working days; `false`: calendar days.
    #[serde(default = "yes")]
    pub working_days: bool,
    pub appeal_reply_days: u32,
    #[serde(default)]
    pub reconsider_days: Option<u32>,
}

fn yes() -> bool {
    true
}

/// A whole scheme, as loaded from its file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scheme {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub name_zh: Option<String>,
    #[serde(default)]
    pub seed: Option<String>,
    #[serde(default)]
    pub direction: Direction,
    #[serde(default)]
    pub cycle: Cycle,
    /// Whether grades are given for each period or only for the year.
    #[serde(default)]
    pub grades_on: GradesOn,
    #[serde(default)]
    pub window: Window,
    pub year: Year,
    #[serde(default)]
    pub base: f64,
    #[serde(default)]
    pub floor: Option<f64>,
    #[serde(default)]
    pub cap: Option<f64>,
    #[serde(default)]
    pub tiers: Vec<Tier>,
    #[serde(default)]
    pub parts: Vec<Part>,
    pub items: Vec<Item>,
    #[serde(default)]
    pub grades: Vec<GradeBand>,
    #[serde(default)]
    pub stars: Option<Stars>,
    #[serde(default)]
    pub actions: Vec<ActionRule>,
    pub process: Process,
    /// A tied group at the edge of a quota: all in (default) or none.
    #[serde(default)]
    pub quota_ties: TieRule,
    /// Figures the file sets that its seed does not state.
    #[serde(default)]
    pub choices: Vec<Choice>,
    /// The gift catalogue members redeem points for (积分兑换), if any.
    #[serde(default)]
    pub redemption: Option<Redemption>,
    /// The democratic appraisal held at the assembly (民主测评), if any.
    #[serde(default)]
    pub appraisal: Option<Appraisal>,
    /// Item positions by code, built after loading.
    #[serde(skip)]
    item_index: foldhash::HashMap<String, usize>,
    /// Whether some item has no part (scoring then adds the implicit part `""`).
    #[serde(skip)]
    implicit_part: bool,
}

impl Scheme {
    /// Parse and validate a scheme file's text; `origin` names the file in errors.
    pub fn parse(origin: &str, text: &str) -> Result<Scheme, SchemeError> {
        let mut s = validate::parse(origin, text)?;
        s.build_index();
        Ok(s)
    }

    /// Load and validate a scheme file from disk.
    pub fn load(path: &Path) -> Result<(Scheme, String), SchemeError> {
        let origin = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| SchemeError {
            file: origin.clone(),
            line: 0,
            field: String::new(),
            reason: Box::new(SchemeReason::Unreadable {
                detail: e.to_string(),
            }),
        })?;
        let scheme = Self::parse(&origin, &text)?;
        Ok((scheme, text))
    }

    /// A built-in scheme by id.
    pub fn builtin(id: &str) -> Option<(Scheme, &'static str)> {
        BUILTIN
            .iter()
            .find(|(k, _)| *k == id)
            .and_then(|(k, text)| {
                Self::parse(&format!("data/schemes/{k}.toml"), text)
                    .ok()
                    .map(|s| (s, *text))
            })
    }

    /// The code of the item `key` names: its code, or its exact Chinese or
    /// English title (无偿献血 gives `other.blood`).
    pub fn item_code<'s>(&'s self, key: &'s str) -> &'s str {
        let key = key.trim();
        if self.item(key).is_some() {
            return key;
        }
        self.items
            .iter()
            .find(|i| i.title_zh.as_deref() == Some(key) || i.title == key)
            .map_or(key, |i| i.code.as_str())
    }

    pub fn item(&self, code: &str) -> Option<&Item> {
        match self.item_index.get(code) {
            Some(i) => self.items.get(*i),
            None if self.item_index.is_empty() => self.items.iter().find(|i| i.code == code),
            None => None,
        }
    }

    fn build_index(&mut self) {
        self.implicit_part = self.items.iter().any(|i| i.part.is_none());
        self.item_index = self
            .items
            .iter()
            .enumerate()
            .map(|(i, it)| (it.code.clone(), i))
            .collect();
        let slots: Vec<usize> = self
            .items
            .iter()
            .map(|it| {
                self.part_ids()
                    .position(|id| it.part.as_deref().unwrap_or("") == id)
                    .unwrap_or(usize::MAX)
            })
            .collect();
        for (it, slot) in self.items.iter_mut().zip(slots) {
            it.part_slot = slot;
        }
    }

    /// Ids of the parts in scoring order; items without a part fall in `""`,
    /// after the named parts.
    pub fn part_ids(&self) -> impl Iterator<Item = &str> {
        self.parts
            .iter()
            .map(|p| p.id.as_str())
            .chain(self.implicit_part.then_some(""))
    }

    /// The gifts of the catalogue (empty when the scheme has none).
    pub fn gifts(&self) -> &[Gift] {
        self.redemption.as_ref().map_or(&[], |r| r.gifts.as_slice())
    }

    pub fn part(&self, id: &str) -> Option<&Part> {
        self.parts.iter().find(|p| p.id == id)
    }

    pub fn name_in(&self, zh: bool) -> &str {
        match (&self.name_zh, zh) {
            (Some(t), true) => t,
            _ => &self.name,
        }
    }

    pub fn grade(&self, key: &str) -> Option<&GradeBand> {
        self.grades.iter().find(|g| g.key == key)
    }

    pub fn action(&self, key: &str) -> Option<&ActionRule> {
        self.actions.iter().find(|a| a.key == key)
    }

    /// Base score for a member of the given tier.
    pub fn base_for(&self, tier: Option<i64>) -> f64 {
        tier.and_then(|t| self.tiers.iter().find(|x| x.id == t))
            .map(|t| t.base)
            .unwrap_or(self.base)
    }
}
