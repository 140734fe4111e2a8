//! `jifen year grade`: the branch's final grade of a member at the year
//! close (评定等次), at most what the year's points allow.

use crate::app::year_grade::{grade_key, GradeName, YearGradeError};
use crate::app::{CoreError, Ledger};
use crate::domain::text::printable;
use crate::i18n::Lang;
use clap::Subcommand;
use std::path::Path;

/// The year close (年终评定).
#[derive(Debug, Subcommand)]
pub enum YearCmd {
    /// Record a member's final grade of the year (评定等次): a grade's key or
    /// name (excellent, 合格...), at most what the points allow; `default`
    /// takes the recorded grade back. Refused once the year is final.
    Grade {
        /// Member's name or id.
        member: String,
        /// The grade: key, English or Chinese name, or `default`.
        grade: String,
        /// The year, e.g. 2026 (default: the current period's).
        #[arg(long)]
        year: Option<i32>,
    },
}

/// Run a `jifen year` command.
pub fn run(db: &Path, branch: Option<&str>, cmd: YearCmd, lang: Lang) -> Result<(), CoreError> {
    let YearCmd::Grade {
        member,
        grade,
        year,
    } = cmd;
    let mut l = Ledger::open(db, branch)?;
    let year = match year {
        Some(y) => y,
        None => l.default_year(crate::domain::calendar::today())?,
    };
    let m = l.find_member(&member)?;
    let scheme = l.scheme();
    let key = if grade.trim() == "default" {
        None
    } else {
        match grade_key(scheme, &grade) {
            Some(k) => Some(k.to_string()),
            None => {
                let known = scheme.grades.iter().map(|g| GradeName::of(scheme, &g.key));
                return Err(YearGradeError::UnknownGrade {
                    grade,
                    known: known.collect(),
                }
                .into());
            }
        }
    };
    let done = l.set_final_grade(year, m.id, key.as_deref())?;
    let (w, zh) = (lang.words().year_close, lang.is_zh());
    let name = |g: Option<&str>| {
        g.and_then(|k| l.scheme().grade(k))
            .map(|b| b.name_in(zh).to_string())
            .unwrap_or_default()
    };
    let who = printable(&m.name);
    let line = match key {
        Some(_) => (w.recorded)(
            &who,
            year,
            &name(done.final_grade.as_deref()),
            &name(done.points_grade.as_deref()),
        ),
        None => (w.cleared)(&who, year, &name(done.final_grade.as_deref())),
    };
    println!("{line}");
    Ok(())
}

/// One row of `rank --year Y --format json`: the ranking's fields, and the
/// year close's appraisal and final grades (null where none).
#[derive(serde::Serialize)]
struct YearRow<'a> {
    #[serde(flatten)]
    row: &'a crate::app::RankRow,
    appraisal_grade: Option<&'a str>,
    final_grade: Option<&'a str>,
    /// Whether the branch recorded the final grade (else the scheme's default).
    final_recorded: bool,
    /// Whether the final grade is at most what the points allow now (false:
    /// recorded when they did, and they fell since; the lock refuses it).
    final_grade_allowed: bool,
}

/// `rank --year Y --format json`: every row with its appraisal and final grade.
pub fn rank_json(l: &Ledger, r: &crate::app::Ranking, year: i32) -> Result<(), CoreError> {
    let grades = l.year_grades_of(year, r)?;
    let rows: Vec<YearRow> = r
        .rows
        .iter()
        .map(|row| {
            let g = grades.of(row.member_id);
            YearRow {
                row,
                appraisal_grade: g.and_then(|g| g.appraisal_grade.as_deref()),
                final_grade: g.and_then(|g| g.final_grade.as_deref()),
                final_recorded: g.is_some_and(|g| g.recorded),
                final_grade_allowed: g.is_none_or(|g| g.final_allowed),
            }
        })
        .collect();
    super::output::json(&rows)
}
