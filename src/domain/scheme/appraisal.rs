//! A scheme's democratic appraisal (民主测评 / 民主评议) at the assembly: what
//! a ballot asks (grades to vote for, or scores per part) and how a result
//! feeds the scheme (points on an item, or a year grade shown beside the
//! points grade). Parsed from the `[appraisal]` section and checked here.

use super::reason::{Entry, SchemeReason};
use super::{Item, Scheme};
use serde::Deserialize;
use std::collections::HashSet;

/// What a ballot asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AppraisalKind {
    /// One grade per member (优秀/合格/基本合格/不合格).
    Votes,
    /// A score per part per member (seed 003: 共性分, 评星分).
    Scores,
}

impl AppraisalKind {
    /// The code the journal and the files use.
    pub fn code(self) -> &'static str {
        match self {
            AppraisalKind::Votes => "votes",
            AppraisalKind::Scores => "scores",
        }
    }
}

/// What a result feeds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Feeds {
    /// Points on the scheme's items, in the appraisal's period.
    Points,
    /// A grade shown beside the points grade at the year close.
    YearGrade,
}

/// What a member's final year grade (评定等次) is until the branch records one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum FinalDefault {
    /// The grade the points allow.
    #[default]
    Points,
    /// The grade the points allow, except a grade with a quota (优秀, which
    /// the points only make possible: 可评为) where the year's appraisal
    /// gave a lower grade: then the grade below it (seed 000: 未评为优秀的,
    /// 应评为合格). Only an appraisal that feeds the year grade counts.
    Appraisal,
}

/// How votes give a grade.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum ResultRule {
    /// The grade where the votes counted from the top first pass half of
    /// the valid ballots.
    #[default]
    Median,
}

/// The `[appraisal]` section.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Appraisal {
    pub kind: AppraisalKind,
    pub feeds: Feeds,
    #[serde(default)]
    pub rule: ResultRule,
    /// For votes: the choices from the top grade down.
    #[serde(default)]
    pub choices: Vec<AppraisalChoice>,
    /// For votes feeding points: the item the grade's points are posted on
    /// (its `weight` counts them into the score, x0.5 in seed 004).
    #[serde(default)]
    pub item: Option<String>,
    /// For scores: the parts rated.
    #[serde(default)]
    pub parts: Vec<RatedPart>,
    /// For scores: drop each part's highest and lowest score (3 raters or more).
    #[serde(default)]
    pub drop_extremes: bool,
    /// Mass representatives invited, as a share of the members (seed 003: 0.2).
    #[serde(default)]
    pub representatives: Option<f64>,
    /// The final year grade until the branch records one (a branch choice).
    #[serde(default)]
    pub final_default: FinalDefault,
}

/// One grade a ballot offers, with its points range where it feeds points.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct AppraisalChoice {
    pub code: String,
    pub title: String,
    #[serde(default)]
    pub title_zh: Option<String>,
    /// Lowest points the branch may give for the grade.
    #[serde(default)]
    pub min: Option<f64>,
    /// Highest points the branch may give for the grade.
    #[serde(default)]
    pub max: Option<f64>,
    /// Points given unless the branch chooses others (default: `max`).
    #[serde(default)]
    pub points: Option<f64>,
}

impl AppraisalChoice {
    /// Title in the requested language.
    pub fn title_in(&self, zh: bool) -> &str {
        match (&self.title_zh, zh) {
            (Some(t), true) => t,
            _ => &self.title,
        }
    }

    /// The points range `(min, max)`, when the grade gives points.
    pub fn range(&self) -> Option<(f64, f64)> {
        let max = self.max?;
        Some((self.min.unwrap_or(max), max))
    }

    /// The points given unless the branch chooses others: the top of the range.
    pub fn default_points(&self) -> Option<f64> {
        self.points.or(self.max)
    }
}

/// One part raters score, and the item its mean is posted on.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RatedPart {
    pub code: String,
    pub title: String,
    #[serde(default)]
    pub title_zh: Option<String>,
    /// The highest score a rater may give.
    pub max: f64,
    /// The item the mean is posted on (feeds = "points").
    #[serde(default)]
    pub item: Option<String>,
}

impl RatedPart {
    /// Title in the requested language.
    pub fn title_in(&self, zh: bool) -> &str {
        match (&self.title_zh, zh) {
            (Some(t), true) => t,
            _ => &self.title,
        }
    }
}

impl Appraisal {
    /// The choice `key` names: its code or its exact Chinese or English title.
    pub fn choice(&self, key: &str) -> Option<(usize, &AppraisalChoice)> {
        let key = key.trim();
        self.choices
            .iter()
            .enumerate()
            .find(|(_, c)| c.code == key || c.title == key || c.title_zh.as_deref() == Some(key))
    }

    /// The rated part `key` names: its code or its exact title.
    pub fn part(&self, key: &str) -> Option<(usize, &RatedPart)> {
        let key = key.trim();
        self.parts
            .iter()
            .enumerate()
            .find(|(_, p)| p.code == key || p.title == key || p.title_zh.as_deref() == Some(key))
    }
}

/// Codes a choice or a part may not take: the import files' other columns.
pub const RESERVED: &[&str] = &["member", "rater", "blank"];

/// A fault in the section: the code to find its line by, the field, the words.
pub(super) type Fault = (String, &'static str, SchemeReason);

/// Check the section against the scheme it is in.
pub(super) fn check(a: &Appraisal, s: &Scheme) -> Result<(), Fault> {
    let top = |key: &'static str, reason: SchemeReason| (String::new(), key, reason);
    if a.representatives.is_some_and(|r| !(0.0..=1.0).contains(&r)) {
        return Err(top("representatives", SchemeReason::Quota));
    }
    match a.kind {
        AppraisalKind::Votes => {
            if !a.parts.is_empty() {
                return Err(top("parts", SchemeReason::AppraisalOnly { kind: "scores" }));
            }
            if a.drop_extremes {
                return Err(top(
                    "drop_extremes",
                    SchemeReason::AppraisalOnly { kind: "scores" },
                ));
            }
            check_choices(a, s)
        }
        AppraisalKind::Scores => {
            if !a.choices.is_empty() {
                return Err(top(
                    "choices",
                    SchemeReason::AppraisalOnly { kind: "votes" },
                ));
            }
            if a.feeds == Feeds::YearGrade {
                return Err(top("feeds", SchemeReason::AppraisalOnly { kind: "votes" }));
            }
            if a.item.is_some() {
                return Err(top("item", SchemeReason::AppraisalOnly { kind: "votes" }));
            }
            check_parts(a, s)
        }
    }
}

/// The item `code` names, committee-decided (the appraisal gives its points).
fn fed_item<'s>(s: &'s Scheme, code: &str) -> Result<&'s Item, SchemeReason> {
    let item = s
        .items
        .iter()
        .find(|i| i.code == code)
        .ok_or_else(|| SchemeReason::Undefined {
            entry: Entry::Item,
            name: code.to_string(),
            known: None,
        })?;
    if !item.committee_decides() {
        return Err(SchemeReason::FixedItem {
            item: code.to_string(),
        });
    }
    Ok(item)
}

fn unique(seen: &mut HashSet<String>, entry: Entry, code: &str) -> Result<(), Fault> {
    if code.trim().is_empty() {
        let inside = SchemeReason::In {
            entry,
            name: code.to_string(),
            reason: Box::new(SchemeReason::Empty),
        };
        return Err((code.to_string(), "code", inside));
    }
    if RESERVED.contains(&code) || !seen.insert(code.to_string()) {
        let dup = SchemeReason::Duplicate {
            entry,
            name: code.to_string(),
        };
        return Err((code.to_string(), "code", dup));
    }
    Ok(())
}

fn check_choices(a: &Appraisal, s: &Scheme) -> Result<(), Fault> {
    if a.choices.len() < 2 {
        return Err((String::new(), "choices", SchemeReason::FewChoices));
    }
    let item = match (a.feeds, &a.item) {
        (Feeds::Points, None) => return Err((String::new(), "item", SchemeReason::Empty)),
        (Feeds::Points, Some(code)) => {
            Some(fed_item(s, code).map_err(|r| (code.clone(), "item", r))?)
        }
        (Feeds::YearGrade, Some(_)) => {
            let only = SchemeReason::AppraisalOnly { kind: "points" };
            return Err((String::new(), "item", only));
        }
        (Feeds::YearGrade, None) => None,
    };
    let mut seen = HashSet::new();
    for c in &a.choices {
        unique(&mut seen, Entry::Choice, &c.code)?;
        let here = |key: &'static str, reason: SchemeReason| {
            let inside = SchemeReason::In {
                entry: Entry::Choice,
                name: c.code.clone(),
                reason: Box::new(reason),
            };
            (c.code.clone(), key, inside)
        };
        if c.title.trim().is_empty() {
            return Err(here("title", SchemeReason::Empty));
        }
        if a.feeds == Feeds::YearGrade && s.grade(&c.code).is_none() {
            let undefined = SchemeReason::Undefined {
                entry: Entry::Grade,
                name: c.code.clone(),
                known: Some(s.grades.iter().map(|g| g.key.clone()).collect()),
            };
            return Err(here("code", undefined));
        }
        let Some(item) = item else {
            if c.min.is_some() || c.max.is_some() || c.points.is_some() {
                let only = SchemeReason::AppraisalOnly { kind: "points" };
                return Err(here("max", only));
            }
            continue;
        };
        let Some(max) = c.max else {
            return Err(here("max", SchemeReason::Empty));
        };
        let min = c.min.unwrap_or(max);
        if min < 0.0 {
            return Err(here("min", SchemeReason::Negative));
        }
        if min > max {
            return Err(here("min", SchemeReason::MinAboveMax { min, max }));
        }
        let (lo, hi) = (item.min.unwrap_or(0.0), item.max.unwrap_or(f64::INFINITY));
        if min < lo || max > hi {
            let outside = SchemeReason::OutsideRange {
                value: if min < lo { min } else { max },
                min: lo,
                max: item.max,
            };
            return Err(here(if min < lo { "min" } else { "max" }, outside));
        }
        if let Some(p) = c.points.filter(|p| *p < min || *p > max) {
            let outside = SchemeReason::OutsideRange {
                value: p,
                min,
                max: Some(max),
            };
            return Err(here("points", outside));
        }
    }
    Ok(())
}

fn check_parts(a: &Appraisal, s: &Scheme) -> Result<(), Fault> {
    if a.parts.is_empty() {
        return Err((String::new(), "parts", SchemeReason::Empty));
    }
    let mut seen = HashSet::new();
    for p in &a.parts {
        unique(&mut seen, Entry::Rated, &p.code)?;
        let here = |key: &'static str, reason: SchemeReason| {
            let inside = SchemeReason::In {
                entry: Entry::Rated,
                name: p.code.clone(),
                reason: Box::new(reason),
            };
            (p.code.clone(), key, inside)
        };
        if p.title.trim().is_empty() {
            return Err(here("title", SchemeReason::Empty));
        }
        if p.max <= 0.0 {
            return Err(here("max", SchemeReason::NotPositive));
        }
        match (&p.item, a.feeds) {
            (None, Feeds::Points) => return Err(here("item", SchemeReason::Empty)),
            (Some(code), Feeds::Points) => {
                let item = fed_item(s, code).map_err(|r| here("item", r))?;
                if item.max.is_some_and(|m| p.max > m) {
                    let outside = SchemeReason::OutsideRange {
                        value: p.max,
                        min: item.min.unwrap_or(0.0),
                        max: item.max,
                    };
                    return Err(here("max", outside));
                }
            }
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scheme_with(section: &str) -> Result<Scheme, crate::domain::scheme::SchemeError> {
        let (_, base) = crate::domain::scheme::BUILTIN
            .iter()
            .find(|(id, _)| *id == "pipeline-75-25")
            .copied()
            .unwrap_or(("", ""));
        let head = base.split("\n[appraisal]").next().unwrap_or(base);
        let cut = head.split("\n[[appraisal.").next().unwrap_or(head);
        Scheme::parse("test.toml", &format!("{cut}\n{section}"))
    }

    #[test]
    fn the_pipeline_scheme_appraises_by_votes_into_points() {
        let s = Scheme::builtin("pipeline-75-25").map(|x| x.0);
        let a = s.as_ref().and_then(|s| s.appraisal.as_ref());
        let a = a.expect("pipeline-75-25 has an [appraisal] section");
        assert_eq!((a.kind, a.feeds), (AppraisalKind::Votes, Feeds::Points));
        let codes: Vec<_> = a.choices.iter().map(|c| c.code.as_str()).collect();
        assert_eq!(codes, ["excellent", "qualified", "basic", "unqualified"]);
        let ranges: Vec<_> = a.choices.iter().map(|c| c.range()).collect();
        assert_eq!(
            ranges,
            [
                Some((23.0, 25.0)),
                Some((15.0, 22.0)),
                Some((0.0, 14.0)),
                Some((0.0, 0.0))
            ]
        );
        assert_eq!(a.choice("基本合格").map(|c| c.0), Some(2));
    }

    #[test]
    fn a_bad_section_is_refused_naming_its_line_and_field() {
        let bad = "[appraisal]\nkind = \"votes\"\nfeeds = \"points\"\nitem = \"appraisal\"\n\n\
                   [[appraisal.choices]]\ncode = \"excellent\"\ntitle = \"Excellent\"\nmin = 23\nmax = 30\n\n\
                   [[appraisal.choices]]\ncode = \"qualified\"\ntitle = \"Qualified\"\nmin = 15\nmax = 22\n";
        let e = scheme_with(bad).expect_err("30 is above the item's 25");
        assert_eq!(e.field, "max");
        let text = {
            let (_, base) = crate::domain::scheme::BUILTIN
                .iter()
                .find(|(id, _)| *id == "pipeline-75-25")
                .copied()
                .unwrap_or(("", ""));
            let head = base
                .split("\n[appraisal]")
                .next()
                .unwrap_or(base)
                .to_string();
            format!("{head}\n{bad}")
        };
        let line = text.lines().position(|l| l == "max = 30").map(|i| i + 1);
        assert_eq!(Some(e.line), line, "{e}");
        assert!(matches!(*e.reason, SchemeReason::In { .. }), "{e}");
    }

    #[test]
    fn votes_feeding_points_need_an_item_the_committee_prices() {
        let one = "[appraisal]\nkind = \"votes\"\nfeeds = \"points\"\nitem = \"reward.commend-group\"\n\n\
                   [[appraisal.choices]]\ncode = \"a\"\ntitle = \"A\"\nmax = 5\n\n\
                   [[appraisal.choices]]\ncode = \"b\"\ntitle = \"B\"\nmax = 0\n";
        let e = scheme_with(one).expect_err("fixed-points item");
        assert_eq!(e.field, "item");
        assert!(matches!(*e.reason, SchemeReason::FixedItem { .. }));
        let few = "[appraisal]\nkind = \"votes\"\nfeeds = \"points\"\nitem = \"appraisal\"\n\n\
                   [[appraisal.choices]]\ncode = \"a\"\ntitle = \"A\"\nmax = 5\n";
        let e = scheme_with(few).expect_err("one choice");
        assert_eq!(
            (e.field.as_str(), *e.reason),
            ("choices", SchemeReason::FewChoices)
        );
        let scores = "[appraisal]\nkind = \"scores\"\nfeeds = \"year_grade\"\n\n\
                      [[appraisal.parts]]\ncode = \"a\"\ntitle = \"A\"\nmax = 5\n";
        let e = scheme_with(scores).expect_err("scores give no grade");
        assert_eq!(e.field, "feeds");
        let reps = "[appraisal]\nkind = \"scores\"\nfeeds = \"points\"\nrepresentatives = 20\n\n\
                    [[appraisal.parts]]\ncode = \"a\"\ntitle = \"A\"\nmax = 5\nitem = \"appraisal\"\n";
        let e = scheme_with(reps).expect_err("a share, not a count");
        assert_eq!(
            (e.field.as_str(), *e.reason),
            ("representatives", SchemeReason::Quota)
        );
    }
}
