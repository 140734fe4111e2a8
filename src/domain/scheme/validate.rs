//! Parsing and whole-file validation of scheme files.

use super::reason::{Entry, SchemeReason as R};
use super::{ItemKind, Scheme, VetoEffect, YearRule};
use crate::domain::toml_fault::TomlFault;
use std::collections::HashSet;
use std::fmt;

/// Level codes a scheme may use.
pub const LEVELS: &[&str] = &["unit", "city", "province", "national", "above"];

/// A scheme file that cannot be used, with the place of the fault.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub struct SchemeError {
    pub file: String,
    pub line: usize,
    pub field: String,
    pub reason: Box<R>,
}

/// For logs only: people read the words of `i18n::errors::scheme`.
impl fmt::Display for SchemeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: {}: {:?}",
            self.file, self.line, self.field, self.reason
        )
    }
}

fn line_of_offset(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// Line where `key = ` is set, searching after the line that mentions `anchor`.
fn line_of(text: &str, anchor: &str, key: &str) -> usize {
    let start = if anchor.is_empty() {
        0
    } else {
        text.find(&format!("\"{anchor}\"")).unwrap_or(0)
    };
    let rest = &text[start..];
    let pos = rest
        .lines()
        .scan(0usize, |off, l| {
            let here = *off;
            *off += l.len() + 1;
            Some((here, l))
        })
        .find(|(_, l)| {
            let t = l.trim_start();
            t.starts_with(key) && t[key.len()..].trim_start().starts_with('=')
        })
        .map(|(o, _)| start + o)
        .unwrap_or(start);
    line_of_offset(text, pos)
}

/// `line_of` within the part of the file from the first `section` header on.
fn line_in_section(text: &str, section: &str, anchor: &str, key: &str) -> usize {
    let from = text.find(section).unwrap_or(0);
    line_of_offset(text, from) + line_of(&text[from..], anchor, key) - 1
}

/// The first number in the file that is not finite (`inf`, `nan`): a scheme
/// never computes with one. Returns its key's dotted path.
fn non_finite(v: &toml::Value, path: &str) -> Option<String> {
    match v {
        toml::Value::Float(f) if !f.is_finite() => Some(path.to_string()),
        toml::Value::Table(t) => t.iter().find_map(|(k, v)| {
            let p = if path.is_empty() {
                k.clone()
            } else {
                format!("{path}.{k}")
            };
            non_finite(v, &p)
        }),
        toml::Value::Array(a) => a
            .iter()
            .enumerate()
            .find_map(|(i, v)| non_finite(v, &format!("{path}[{i}]"))),
        _ => None,
    }
}

/// The largest figure (points, caps, bases, shares) a scheme may set: a
/// quarter's score is of the order of a hundred points.
pub const MAX_FIGURE: f64 = 10_000.0;

/// The longest publication or appeal window, in days (as `jifen set` takes).
pub const MAX_PROCESS_DAYS: u32 = 60;

/// The first number in the file beyond `MAX_FIGURE` either way, with its
/// key's dotted path.
fn beyond_sense(v: &toml::Value, path: &str) -> Option<String> {
    match v {
        toml::Value::Float(f) if f.abs() > MAX_FIGURE => Some(path.to_string()),
        toml::Value::Integer(i) if i.unsigned_abs() > MAX_FIGURE as u64 => Some(path.to_string()),
        toml::Value::Table(t) => t.iter().find_map(|(k, v)| {
            let p = if path.is_empty() {
                k.clone()
            } else {
                format!("{path}.{k}")
            };
            beyond_sense(v, &p)
        }),
        toml::Value::Array(a) => a
            .iter()
            .enumerate()
            .find_map(|(i, v)| beyond_sense(v, &format!("{path}[{i}]"))),
        _ => None,
    }
}

/// The last key of a dotted path: `items[0].points` is `points`.
fn last_key(path: &str) -> &str {
    let key = path.rsplit('.').next().unwrap_or(path);
    key.split('[').next().unwrap_or(key)
}

/// The key set on the line where a TOML error's span starts (`-1` in
/// `publication_days = -1` is the value; the field is `publication_days`).
fn key_at(text: &str, span: std::ops::Range<usize>) -> Option<String> {
    let at = span.start.min(text.len());
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let line = text.get(start..end)?;
    let spanned = text.get(span)?;
    let key = match line.split_once('=') {
        Some((k, _)) => k,
        None => spanned.split('=').next().unwrap_or(spanned),
    };
    Some(key.trim().to_string()).filter(|s| !s.is_empty() && s.len() < 60 && !s.contains('\n'))
}

pub(super) fn parse(origin: &str, text: &str) -> Result<Scheme, SchemeError> {
    let table = text.parse::<toml::Table>().ok().map(toml::Value::Table);
    if let Some(path) = table.as_ref().and_then(|t| non_finite(t, "")) {
        return Err(SchemeError {
            file: origin.to_string(),
            line: line_of(text, "", last_key(&path)),
            field: path.clone(),
            reason: Box::new(R::NotFinite),
        });
    }
    let scheme: Scheme = toml::from_str(text).map_err(|e| {
        let fault = TomlFault::of(text, &e);
        let field = e.span().and_then(|s| key_at(text, s)).unwrap_or_default();
        SchemeError {
            file: origin.to_string(),
            line: fault.line,
            field,
            reason: Box::new(R::Toml(fault)),
        }
    })?;
    let mut scheme = scheme;
    check(origin, text, &scheme)?;
    if let Some(path) = table.as_ref().and_then(|t| beyond_sense(t, "")) {
        return Err(SchemeError {
            file: origin.to_string(),
            line: line_of(text, "", last_key(&path)),
            field: path,
            reason: Box::new(R::BeyondSense { max: MAX_FIGURE }),
        });
    }
    read_choices(origin, text, &mut scheme)?;
    Ok(scheme)
}

/// Read the figure each branch choice marks; refuses a mark that points at nothing.
fn read_choices(origin: &str, text: &str, s: &mut Scheme) -> Result<(), SchemeError> {
    if s.choices.is_empty() {
        return Ok(());
    }
    let root: toml::Value = toml::from_str(text).map_err(|e| {
        let fault = TomlFault::of(text, &e);
        SchemeError {
            file: origin.to_string(),
            line: fault.line,
            field: String::new(),
            reason: Box::new(R::Toml(fault)),
        }
    })?;
    for c in &mut s.choices {
        c.value = super::choices::value_at(&root, &c.at).ok_or_else(|| SchemeError {
            file: origin.to_string(),
            line: text
                .find(&format!("\"{}\"", c.at))
                .map_or(0, |o| line_of_offset(text, o)),
            field: "at".into(),
            reason: Box::new(R::ChoiceMarksNothing { at: c.at.clone() }),
        })?;
    }
    Ok(())
}

fn check(origin: &str, text: &str, s: &Scheme) -> Result<(), SchemeError> {
    let fail = |anchor: &str, key: &str, reason: R| SchemeError {
        file: origin.to_string(),
        line: line_of(text, anchor, key),
        field: key.to_string(),
        reason: Box::new(reason),
    };
    let dup = |entry, name: &str| R::Duplicate {
        entry,
        name: name.to_string(),
    };
    let undefined = |entry, name: &str| R::Undefined {
        entry,
        name: name.to_string(),
        known: None,
    };
    if s.id.trim().is_empty() {
        return Err(fail("", "id", R::Empty));
    }
    for (key, v) in [("base", Some(s.base)), ("floor", s.floor), ("cap", s.cap)] {
        if v.is_some_and(|v| v < 0.0) {
            return Err(fail("", key, R::Negative));
        }
    }
    let p = &s.process;
    for (key, days) in [
        ("publication_days", Some(p.publication_days)),
        ("appeal_reply_days", Some(p.appeal_reply_days)),
        ("reconsider_days", p.reconsider_days),
    ] {
        if days.is_some_and(|d| !(1..=MAX_PROCESS_DAYS).contains(&d)) {
            return Err(fail(
                "",
                key,
                R::DaysRange {
                    max: MAX_PROCESS_DAYS,
                },
            ));
        }
    }
    if let (Some(f), Some(c)) = (s.floor, s.cap) {
        if f > c {
            return Err(fail("", "floor", R::FloorAboveCap { floor: f, cap: c }));
        }
    }
    if s.year.rule == YearRule::Sum && s.year.divisor.is_some_and(|d| d <= 0.0) {
        return Err(fail("", "divisor", R::NotPositive));
    }
    let mut tiers = HashSet::new();
    for t in &s.tiers {
        if !tiers.insert(t.id) {
            return Err(fail("", "id", R::DuplicateTier(t.id)));
        }
    }
    let mut parts = HashSet::new();
    for p in &s.parts {
        if !parts.insert(p.id.as_str()) {
            return Err(fail(&p.id, "id", dup(Entry::Part, &p.id)));
        }
        for (key, v) in [
            ("bonus_cap", p.bonus_cap),
            ("deduction_cap", p.deduction_cap),
            ("max", p.max),
        ] {
            if v.is_some_and(|v| v < 0.0) {
                let reason = Box::new(R::Negative);
                return Err(fail(
                    &p.id,
                    key,
                    R::In {
                        entry: Entry::Part,
                        name: p.id.clone(),
                        reason,
                    },
                ));
            }
        }
    }
    let mut codes = HashSet::new();
    for it in &s.items {
        let here = |key: &str, reason: R| {
            let reason = Box::new(reason);
            let (entry, name) = (Entry::Item, it.code.clone());
            fail(
                &it.code,
                key,
                R::In {
                    entry,
                    name,
                    reason,
                },
            )
        };
        if !codes.insert(it.code.as_str()) {
            return Err(fail(&it.code, "code", dup(Entry::Item, &it.code)));
        }
        if let Some(p) = &it.part {
            if !parts.contains(p.as_str()) {
                let known = Some(s.parts.iter().map(|p| p.id.clone()).collect());
                return Err(here(
                    "part",
                    R::Undefined {
                        entry: Entry::Part,
                        name: p.clone(),
                        known,
                    },
                ));
            }
        }
        let ways = [
            it.points.is_some(),
            it.levels.is_some(),
            it.min.is_some() || it.max.is_some(),
        ]
        .iter()
        .filter(|b| **b)
        .count();
        if ways > 1 {
            return Err(here("points", R::OneWayOnly));
        }
        if it.points.is_some_and(|p| p < 0.0) {
            return Err(here("points", R::SignedPoints));
        }
        if let (Some(a), Some(b)) = (it.min, it.max) {
            if a > b {
                return Err(here("min", R::MinAboveMax { min: a, max: b }));
            }
        }
        if it.min.is_some_and(|m| m < 0.0) {
            return Err(here("min", R::Negative));
        }
        if it.cap.is_some_and(|c| c < 0.0) {
            return Err(here("cap", R::Negative));
        }
        if it.weight.is_some_and(|w| w <= 0.0) {
            return Err(here("weight", R::NotPositive));
        }
        if let Some(levels) = &it.levels {
            if levels.is_empty() {
                return Err(here("levels", R::NoLevels));
            }
            for (k, v) in levels {
                if !LEVELS.contains(&k.as_str()) {
                    return Err(here(
                        "levels",
                        R::UnknownLevel {
                            level: k.clone(),
                            allowed: LEVELS.to_vec(),
                        },
                    ));
                }
                if *v < 0.0 {
                    return Err(here("levels", R::NegativeLevel { level: k.clone() }));
                }
            }
        }
        match (it.kind, it.effect) {
            (ItemKind::Veto, None) => return Err(here("effect", R::VetoNeedsEffect)),
            (ItemKind::Veto, Some(VetoEffect::Grade)) => match &it.grade {
                Some(g) if s.grade(g).is_some() => {}
                Some(g) => return Err(here("grade", undefined(Entry::Grade, g))),
                None => return Err(here("grade", R::GradeNeeded)),
            },
            (ItemKind::Veto, Some(VetoEffect::Cap)) if s.cap.is_none() => {
                return Err(here("effect", R::CapNeeded))
            }
            (k, Some(_)) if k != ItemKind::Veto => return Err(here("effect", R::EffectOnlyVeto)),
            _ => {}
        }
        if let Some(a) = &it.action {
            if s.action(a).is_none() {
                return Err(here("action", undefined(Entry::Action, a)));
            }
        }
        if let Some(a) = &it.attendance {
            if a != "leave" && a != "absent" {
                return Err(here("attendance", R::Attendance));
            }
        }
    }
    let mut grades = HashSet::new();
    for g in &s.grades {
        if !grades.insert(g.key.as_str()) {
            return Err(fail(&g.key, "key", dup(Entry::Grade, &g.key)));
        }
        if let (Some(a), Some(b)) = (g.min, g.below) {
            if a >= b {
                let reason = Box::new(R::MinNotBelow { min: a, below: b });
                return Err(fail(
                    &g.key,
                    "min",
                    R::In {
                        entry: Entry::Grade,
                        name: g.key.clone(),
                        reason,
                    },
                ));
            }
        }
        if g.quota.is_some_and(|q| !(0.0..=1.0).contains(&q)) {
            return Err(fail(&g.key, "quota", R::Quota));
        }
    }
    if let Some(st) = &s.stars {
        for b in &st.bands {
            if !(1..=5).contains(&b.stars) {
                return Err(fail("", "stars", R::StarsRange(b.stars)));
            }
            if b.min.is_none() && b.share.is_none() {
                return Err(fail("", "stars", R::StarBand));
            }
        }
        if let Some(rp) = &st.require_part {
            if s.part(&rp.part).is_none() {
                return Err(fail("", "require_part", undefined(Entry::Part, &rp.part)));
            }
        }
    }
    if let Some(r) = &s.redemption {
        super::redemption::check(r).map_err(|(code, key, m)| fail(&code, key, m))?;
    }
    if let Some(a) = &s.appraisal {
        super::appraisal::check(a, s).map_err(|(code, key, reason)| SchemeError {
            file: origin.to_string(),
            line: line_in_section(text, "[appraisal", &code, key),
            field: key.to_string(),
            reason: Box::new(reason),
        })?;
    }
    let mut actions = HashSet::new();
    for a in &s.actions {
        if !actions.insert(a.key.as_str()) {
            return Err(fail(&a.key, "key", dup(Entry::Action, &a.key)));
        }
        for g in a
            .grade
            .iter()
            .flatten()
            .chain(a.repeat.iter().map(|r| &r.grade))
        {
            if s.grade(g).is_none() {
                let reason = Box::new(undefined(Entry::Grade, g));
                return Err(fail(
                    &a.key,
                    "grade",
                    R::In {
                        entry: Entry::Action,
                        name: a.key.clone(),
                        reason,
                    },
                ));
            }
        }
        if let Some(i) = &a.item {
            if !codes.contains(i.as_str()) {
                let reason = Box::new(undefined(Entry::Item, i));
                return Err(fail(
                    &a.key,
                    "item",
                    R::In {
                        entry: Entry::Action,
                        name: a.key.clone(),
                        reason,
                    },
                ));
            }
        }
    }
    Ok(())
}
