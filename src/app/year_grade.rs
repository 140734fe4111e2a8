//! The year close's final grades (评定等次): beside each member's points
//! grade (the highest the points and the quota allow) and the year's
//! appraisal grade, the grade the branch records (seed 001: "组织开展民主
//! 测评, 并进行综合研判, 研究确定每名党员的评定等次"). A final grade may be at
//! most what the points allow; until one is recorded the scheme's default
//! stands. Once the period that ends the year is final, none changes.
//! A grade recorded when the points allowed it and above them since (a
//! correction, an upheld appeal, a late verdict) is flagged, and the lock
//! and the year close of the period that ends the year refuse it.

use super::{Ledger, RankScope, Ranking, Result};
use crate::domain::model::{PeriodId, PeriodKind, PeriodState};
use crate::domain::scheme::{Feeds, FinalDefault, Scheme};
use crate::domain::scoring::final_grade as rule;
use crate::store::events::Event;
use crate::store::year_grade as rows;
use serde::Serialize;
use std::collections::HashMap;

/// A grade as the refusals name it: its code and its names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GradeName {
    pub code: String,
    pub name: String,
    pub name_zh: String,
}

impl GradeName {
    /// The scheme's grade `code` by its names (the code itself if unknown).
    pub fn of(scheme: &Scheme, code: &str) -> GradeName {
        let band = scheme.grade(code);
        GradeName {
            code: code.to_string(),
            name: band.map_or(code, |b| b.name_in(false)).to_string(),
            name_zh: band.map_or(code, |b| b.name_in(true)).to_string(),
        }
    }
}

/// A final grade that cannot be recorded. Nothing is written when one is refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{self:?}")]
pub enum YearGradeError {
    /// A grade the scheme does not have (`known`: those it has).
    UnknownGrade {
        grade: String,
        known: Vec<GradeName>,
    },
    /// A grade above what the member's points allow.
    AboveAllowed {
        member: String,
        year: i32,
        asked: GradeName,
        allowed: GradeName,
    },
    /// The member has no points grade this year (exempt, or no score).
    NoGrade { member: String, year: i32 },
    /// The period that ends the year is final: the year's grades are fixed.
    YearFinal { year: i32, period: String },
    /// The period that ends `year` cannot be sealed (locked, or made
    /// final) while recorded final grades are above what the points allow now.
    AboveAtSeal {
        year: i32,
        period: String,
        faults: Vec<GradeFault>,
    },
}

/// A recorded final grade above what the member's points allow now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GradeFault {
    pub member: String,
    /// The final grade recorded.
    pub grade: GradeName,
    /// The highest grade the points allow now (`None`: no points grade any more).
    pub allowed: Option<GradeName>,
}

/// Whether `asked` may be a member's final grade of `year` when the points
/// (and the quota) allow `allowed` (`asked: None`: the scheme's default):
/// the one rule the recording, the year screen's flag and the seal share.
fn may_grade(
    scheme: &Scheme,
    member: &str,
    year: i32,
    allowed: Option<&str>,
    asked: Option<&str>,
) -> Result<()> {
    let Some(allowed) = allowed else {
        return Err(YearGradeError::NoGrade {
            member: member.to_string(),
            year,
        }
        .into());
    };
    match asked {
        Some(g) if !rule::within(scheme, allowed, g) => Err(YearGradeError::AboveAllowed {
            member: member.to_string(),
            year,
            asked: GradeName::of(scheme, g),
            allowed: GradeName::of(scheme, allowed),
        }
        .into()),
        _ => Ok(()),
    }
}

/// One member's grades at the year close.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FinalGrade {
    pub member_id: i64,
    /// The highest grade the points (and the quota) allow.
    pub points_grade: Option<String>,
    /// The grade the year's democratic appraisal gave (where it feeds the year grade).
    pub appraisal_grade: Option<String>,
    /// The final grade: the one recorded, else the scheme's default.
    pub final_grade: Option<String>,
    /// Whether the branch recorded the final grade (else it is the default).
    pub recorded: bool,
    /// Whether the final grade is at most what the points allow now (false:
    /// recorded when they allowed it, and they fell since).
    pub final_allowed: bool,
    /// The scheme's default, the final grade when none is recorded.
    pub default_grade: Option<String>,
    /// The grades the branch may record, the best first.
    pub choices: Vec<String>,
}

/// The year close's grades, by member.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct YearGrades {
    pub year: i32,
    pub by_member: HashMap<i64, FinalGrade>,
    /// The period that made the year final, if it is.
    pub final_period: Option<String>,
}

impl YearGrades {
    /// A member's grades, if the member is ranked in the year.
    pub fn of(&self, member_id: i64) -> Option<&FinalGrade> {
        self.by_member.get(&member_id)
    }

    /// The final grades above what the points allow now, in the order of
    /// the year's ranking `r` (the one these grades were read from).
    pub fn faults(&self, scheme: &Scheme, r: &Ranking) -> Vec<GradeFault> {
        r.rows
            .iter()
            .filter_map(|row| {
                let g = self.of(row.member_id)?;
                let fin = g.final_grade.as_deref().filter(|_| !g.final_allowed)?;
                Some(GradeFault {
                    member: row.name.to_string(),
                    grade: GradeName::of(scheme, fin),
                    allowed: g.points_grade.as_deref().map(|a| GradeName::of(scheme, a)),
                })
            })
            .collect()
    }
}

impl Ledger {
    /// The year close's grades of every member ranked in `year`.
    pub fn year_grades(&self, year: i32) -> Result<YearGrades> {
        let r = self.ranking(&RankScope::Year(year))?;
        self.year_grades_of(year, &r)
    }

    /// The year close's grades from the year's ranking `r` (already read).
    pub fn year_grades_of(&self, year: i32, r: &Ranking) -> Result<YearGrades> {
        let scheme = self.scheme();
        let fed = scheme
            .appraisal
            .as_ref()
            .filter(|a| a.feeds == Feeds::YearGrade);
        let appraisal = match fed {
            Some(_) => self.year_appraisal_grades(year)?,
            None => HashMap::new(),
        };
        let rule_of = fed.map_or(FinalDefault::Points, |a| a.final_default);
        let recorded: HashMap<i64, String> = rows::final_grades(self.conn(), self.branch.id, year)?
            .into_iter()
            .map(|(m, g, _, _)| (m, g))
            .collect();
        let by_member = r
            .rows
            .iter()
            .map(|row| {
                let allowed = row.grade.as_deref();
                let appr = appraisal.get(&row.member_id).cloned();
                let mine = recorded.get(&row.member_id).cloned();
                let default = rule::default_grade(scheme, rule_of, allowed, appr.as_deref());
                let final_grade = mine.clone().or_else(|| default.map(str::to_string));
                let g = FinalGrade {
                    member_id: row.member_id,
                    points_grade: allowed.map(str::to_string),
                    appraisal_grade: appr,
                    recorded: mine.is_some(),
                    final_allowed: final_grade.is_none()
                        || may_grade(scheme, "", year, allowed, final_grade.as_deref()).is_ok(),
                    default_grade: default.map(str::to_string),
                    final_grade,
                    choices: allowed
                        .map(|a| {
                            rule::choices(scheme, a)
                                .into_iter()
                                .map(String::from)
                                .collect()
                        })
                        .unwrap_or_default(),
                };
                (row.member_id, g)
            })
            .collect();
        Ok(YearGrades {
            year,
            by_member,
            final_period: self.year_final(year)?,
        })
    }

    /// The period that ends `year` (Q4, H2 or the year), if it is final.
    pub(super) fn year_final(&self, year: i32) -> Result<Option<String>> {
        for kind in [
            PeriodKind::Quarter(4),
            PeriodKind::Half(2),
            PeriodKind::Year,
        ] {
            let p = PeriodId { year, kind };
            if self
                .period_row(&p)?
                .is_some_and(|row| row.state == PeriodState::Final)
            {
                return Ok(Some(p.to_string()));
            }
        }
        Ok(None)
    }

    /// Record `member_id`'s final grade of `year` (`None`: back to the
    /// default). Refused above what the points allow, for a grade the
    /// scheme lacks, for a member without a points grade, and once the
    /// year is final.
    pub fn set_final_grade(
        &mut self,
        year: i32,
        member_id: i64,
        grade: Option<&str>,
    ) -> Result<FinalGrade> {
        self.write(|l| {
            if let Some(period) = l.year_final(year)? {
                return Err(YearGradeError::YearFinal { year, period }.into());
            }
            let scheme = l.scheme();
            if let Some(g) = grade {
                if scheme.grade(g).is_none() {
                    let known = scheme.grades.iter().map(|b| GradeName::of(scheme, &b.key));
                    return Err(YearGradeError::UnknownGrade {
                        grade: g.to_string(),
                        known: known.collect(),
                    }
                    .into());
                }
            }
            let r = l.ranking(&RankScope::Year(year))?;
            let member = l.roster()?.iter().find(|m| m.id == member_id).cloned();
            let name = member
                .map(|m| m.name.to_string())
                .ok_or(super::CoreError::NoMemberId(member_id))?;
            let allowed = r
                .rows
                .iter()
                .find(|x| x.member_id == member_id)
                .and_then(|x| x.grade.as_deref().map(str::to_string));
            may_grade(scheme, &name, year, allowed.as_deref(), grade)?;
            // What the member had before, for an undo to put back.
            let before = rows::final_grades(l.conn(), l.branch.id, year)?
                .into_iter()
                .find(|(m, ..)| *m == member_id);
            let prev = Event::YearGrade {
                branch_id: l.branch.id,
                year,
                member_id,
                grade: before.as_ref().map(|(_, g, _, _)| g.clone()),
                allowed: before.map(|(_, _, a, _)| a),
                prev: None,
            };
            l.journal(&[Event::YearGrade {
                branch_id: l.branch.id,
                year,
                member_id,
                grade: grade.map(str::to_string),
                allowed,
                prev: Some(Box::new(prev)),
            }])?;
            let all = l.year_grades_of(year, &r)?;
            all.of(member_id)
                .cloned()
                .ok_or(super::CoreError::NoMemberId(member_id))
        })
    }
}

impl Ledger {
    /// The recorded final grades of `year` above what the points allow now,
    /// in ranking order.
    pub fn year_grade_faults(&self, year: i32) -> Result<Vec<GradeFault>> {
        let r = self.ranking(&RankScope::Year(year))?;
        Ok(self.year_grades_of(year, &r)?.faults(self.scheme(), &r))
    }

    /// Refuse to seal `period` (lock it, or make it final) when it ends its
    /// year and a recorded final grade of the year is above what the points
    /// allow now.
    pub(super) fn refuse_year_grade_faults(&self, period: &PeriodId) -> Result<()> {
        let ends_year = matches!(
            period.kind,
            PeriodKind::Quarter(4) | PeriodKind::Half(2) | PeriodKind::Year
        );
        if !ends_year {
            return Ok(());
        }
        let faults = self.year_grade_faults(period.year)?;
        if faults.is_empty() {
            return Ok(());
        }
        Err(YearGradeError::AboveAtSeal {
            year: period.year,
            period: period.to_string(),
            faults,
        }
        .into())
    }
}

/// The scheme's grade a person typed: its key, English or Chinese name.
pub fn grade_key<'s>(scheme: &'s Scheme, given: &str) -> Option<&'s str> {
    let given = given.trim();
    scheme
        .grades
        .iter()
        .find(|g| {
            g.key == given
                || g.name.eq_ignore_ascii_case(given)
                || g.name_zh.as_deref() == Some(given)
        })
        .map(|g| g.key.as_str())
}
