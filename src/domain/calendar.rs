//! Working days: weekends and listed public holidays are off, make-up working
//! days (调休上班) on a weekend are on. The holiday lists live in
//! `data/holidays/<year>.toml` (embedded at build time); a `holidays.toml` next
//! to the database adds to or replaces them without rebuilding.
//!
//! Deadline rule (documented, used by publication and appeals): a period of N
//! days starts the day after the starting date; N working days end on the Nth
//! working day after it; N calendar days end N days after it.

use crate::domain::model::{BadValue, ValueKind};
use crate::domain::toml_fault::TomlFault;
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The embedded holiday files, one per year.
pub const BUILTIN: &[(i32, &str)] = &[
    (
        2025,
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/holidays/2025.toml"
        )),
    ),
    (
        2026,
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/holidays/2026.toml"
        )),
    ),
    (
        2027,
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/holidays/2027.toml"
        )),
    ),
];

/// File name of the optional override next to the database.
pub const OVERRIDE_FILE: &str = "holidays.toml";

/// One holiday of a holiday file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HolidaySpec {
    pub name: String,
    #[serde(default)]
    pub name_en: Option<String>,
    pub from: String,
    pub to: String,
    /// Make-up working days (调休上班) that belong to this holiday.
    #[serde(default)]
    pub workdays: Vec<String>,
}

/// A holiday file: one year (built-in) or an override (any years).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HolidayFile {
    /// The year a built-in file covers.
    #[serde(default)]
    pub year: Option<i32>,
    /// Whether the days are an estimate awaiting the official notice.
    #[serde(default)]
    pub provisional: bool,
    /// Override files: years whose built-in days are dropped before these are added.
    #[serde(default)]
    pub replace_years: Vec<i32>,
    /// Override files: single days that are working days after all.
    #[serde(default)]
    pub not_holidays: Vec<String>,
    #[serde(default)]
    pub holiday: Vec<HolidaySpec>,
}

/// Holidays and make-up working days, by date.
#[derive(Debug, Clone, Default)]
pub struct Calendar {
    /// Day off -> holiday name.
    holidays: BTreeMap<NaiveDate, String>,
    /// Weekend days that are working days.
    workdays: BTreeSet<NaiveDate>,
    /// Years whose list is an estimate.
    provisional: BTreeSet<i32>,
    /// Years that have a list at all.
    years: BTreeSet<i32>,
}

/// A holiday file that cannot be used: the file, then what is wrong in it.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{file}: {kind:?}")]
pub struct CalendarError {
    pub file: String,
    pub kind: CalendarFault,
}

/// What is wrong in a holiday file.
#[derive(Debug, Clone, PartialEq)]
pub enum CalendarFault {
    /// The file could not be read (`detail`: the system's words).
    Unreadable { detail: String },
    /// Not a holiday list in TOML.
    Toml(TomlFault),
    /// A date that is not `YYYY-MM-DD`.
    BadDate { given: String },
    /// A holiday that ends before it starts or lasts over a month.
    BadRange {
        holiday: String,
        from: String,
        to: String,
    },
}

fn date(origin: &str, s: &str) -> Result<NaiveDate, CalendarError> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| CalendarError {
        file: origin.to_string(),
        kind: CalendarFault::BadDate {
            given: s.to_string(),
        },
    })
}

impl Calendar {
    /// A calendar with no holidays: only weekends are off.
    pub fn weekends_only() -> Calendar {
        Calendar::default()
    }

    /// The built-in holiday lists.
    pub fn builtin() -> Calendar {
        let mut c = Calendar::default();
        for (y, text) in BUILTIN {
            // The embedded files are checked by tests; a broken one is skipped.
            if let Ok(f) = toml::from_str::<HolidayFile>(text) {
                let _ = c.add_file(&format!("data/holidays/{y}.toml"), &f);
            }
        }
        c
    }

    /// The built-in lists with the override file next to `db` laid over them, if any.
    pub fn for_db(db: &Path) -> Result<Calendar, CalendarError> {
        let mut c = Calendar::builtin();
        let path = override_path(db);
        if path.exists() {
            let text = std::fs::read_to_string(&path).map_err(|e| CalendarError {
                file: path.display().to_string(),
                kind: CalendarFault::Unreadable {
                    detail: e.to_string(),
                },
            })?;
            c.apply_override(&path.display().to_string(), &text)?;
        }
        Ok(c)
    }

    /// Lay an override file's text over this calendar.
    pub fn apply_override(&mut self, origin: &str, text: &str) -> Result<(), CalendarError> {
        let f: HolidayFile = toml::from_str(text).map_err(|e| CalendarError {
            file: origin.to_string(),
            kind: CalendarFault::Toml(TomlFault::of(text, &e)),
        })?;
        for y in &f.replace_years {
            self.holidays.retain(|d, _| d.year() != *y);
            self.workdays.retain(|d| d.year() != *y);
            self.provisional.remove(y);
        }
        self.add_file(origin, &f)?;
        for s in &f.not_holidays {
            let d = date(origin, s)?;
            self.holidays.remove(&d);
        }
        Ok(())
    }

    fn add_file(&mut self, origin: &str, f: &HolidayFile) -> Result<(), CalendarError> {
        if let Some(y) = f.year {
            self.years.insert(y);
            if f.provisional {
                self.provisional.insert(y);
            }
        }
        for h in &f.holiday {
            let from = date(origin, &h.from)?;
            let to = date(origin, &h.to)?;
            if to < from || (to - from).num_days() > 31 {
                return Err(CalendarError {
                    file: origin.to_string(),
                    kind: CalendarFault::BadRange {
                        holiday: h.name.clone(),
                        from: h.from.clone(),
                        to: h.to.clone(),
                    },
                });
            }
            let mut d = from;
            while d <= to {
                self.holidays.insert(d, h.name.clone());
                self.years.insert(d.year());
                d += Duration::days(1);
            }
            for w in &h.workdays {
                let wd = date(origin, w)?;
                self.holidays.remove(&wd);
                self.workdays.insert(wd);
            }
        }
        Ok(())
    }

    /// Whether `d` is a working day.
    pub fn is_working_day(&self, d: NaiveDate) -> bool {
        if self.workdays.contains(&d) {
            return true;
        }
        if self.holidays.contains_key(&d) {
            return false;
        }
        !matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
    }

    /// The holiday name of `d`, if it is a listed holiday.
    pub fn holiday(&self, d: NaiveDate) -> Option<&str> {
        self.holidays.get(&d).map(String::as_str)
    }

    /// Whether the year's list is an estimate (or missing: only weekends known).
    pub fn is_provisional(&self, year: i32) -> bool {
        self.provisional.contains(&year) || !self.years.contains(&year)
    }

    /// The Nth working day after `start` (`start` itself not counted; N = 0 gives `start`).
    pub fn add_working_days(&self, start: NaiveDate, n: u32) -> NaiveDate {
        let mut d = start;
        let mut left = n;
        while left > 0 {
            d += Duration::days(1);
            if self.is_working_day(d) {
                left -= 1;
            }
        }
        d
    }

    /// The end of an N-day period starting after `start`, in working or calendar days.
    pub fn deadline(&self, start: NaiveDate, n: u32, working: bool) -> NaiveDate {
        if working {
            self.add_working_days(start, n)
        } else {
            start + Duration::days(i64::from(n))
        }
    }

    /// Working days from `from` (exclusive) to `to` (inclusive); negative when `to` is earlier.
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        let (a, b, sign) = if to >= from {
            (from, to, 1)
        } else {
            (to, from, -1)
        };
        let mut n = 0;
        let mut d = a;
        while d < b {
            d += Duration::days(1);
            if self.is_working_day(d) {
                n += 1;
            }
        }
        sign * n
    }
}

/// Where the override holiday file of a database lives.
pub fn override_path(db: &Path) -> PathBuf {
    db.with_file_name(OVERRIDE_FILE)
}

/// Today in local time.
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// Parse a `YYYY-MM-DD` date given by a user.
pub fn parse_date(s: &str) -> Result<NaiveDate, BadValue> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| BadValue::new(ValueKind::Date, s))
}
