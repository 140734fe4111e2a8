//! The year's grades, stars and the action rules a scheme defines.

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GradeBand {
    pub key: String,
    pub name: String,
    #[serde(default)]
    pub name_zh: Option<String>,
    /// Lowest score in the band (inclusive).
    #[serde(default)]
    pub min: Option<f64>,
    /// Score the band stays below (exclusive).
    #[serde(default)]
    pub below: Option<f64>,
    /// Fewest stars in the band.
    #[serde(default)]
    pub min_stars: Option<u8>,
    /// Every period of the year must have at least this many stars (year grades).
    #[serde(default)]
    pub all_periods_min_stars: Option<u8>,
    /// Share of scored members that may hold this grade, taken from the top of the ranking.
    #[serde(default)]
    pub quota: Option<f64>,
    /// Fewest members the quota allows when anyone qualifies.
    #[serde(default)]
    pub quota_min: Option<u32>,
    /// What the scheme's document says follows a final grade of this band
    /// (seed 000: 不合格 → 教育帮助, 仍未转化的按规定处置), in English and Chinese.
    #[serde(default)]
    pub consequence: Option<String>,
    #[serde(default)]
    pub consequence_zh: Option<String>,
}

impl GradeBand {
    pub fn name_in(&self, zh: bool) -> &str {
        match (&self.name_zh, zh) {
            (Some(t), true) => t,
            _ => &self.name,
        }
    }

    /// The consequence of this final grade in the reader's language, if the scheme states one.
    pub fn consequence_in(&self, zh: bool) -> Option<&str> {
        match (&self.consequence_zh, zh) {
            (Some(t), true) => Some(t),
            _ => self.consequence.as_deref(),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StarBand {
    pub stars: u8,
    /// Lowest score for these stars (threshold schemes).
    #[serde(default)]
    pub min: Option<f64>,
    /// Share of scored members that may hold these stars (quota schemes).
    #[serde(default)]
    pub share: Option<f64>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartMin {
    pub part: String,
    pub min: f64,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stars {
    /// Lowest total for any star (quota schemes).
    #[serde(default)]
    pub min_total: Option<f64>,
    /// A part that must reach a score for any star.
    #[serde(default)]
    pub require_part: Option<PartMin>,
    pub bands: Vec<StarBand>,
}

/// Which scores an action rule looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum On {
    #[default]
    Any,
    Period,
    Year,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Repeat {
    pub grade: String,
    pub times: u32,
    #[serde(default)]
    pub consecutive: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionRule {
    pub key: String,
    pub name: String,
    #[serde(default)]
    pub name_zh: Option<String>,
    #[serde(default)]
    pub on: On,
    #[serde(default)]
    pub min: Option<f64>,
    #[serde(default)]
    pub below: Option<f64>,
    #[serde(default)]
    pub grade: Option<Vec<String>>,
    #[serde(default)]
    pub max_stars: Option<u8>,
    #[serde(default)]
    pub category: Option<crate::domain::model::Category>,
    /// Share of scored members at the bottom of the ranking (at least one).
    #[serde(default)]
    pub bottom_share: Option<f64>,
    #[serde(default)]
    pub item: Option<String>,
    #[serde(default)]
    pub repeat: Option<Repeat>,
    /// Rules sharing an `exclusive` group: only the last matching one applies.
    #[serde(default)]
    pub exclusive: Option<String>,
}

impl ActionRule {
    pub fn name_in(&self, zh: bool) -> &str {
        match (&self.name_zh, zh) {
            (Some(t), true) => t,
            _ => &self.name,
        }
    }
}
