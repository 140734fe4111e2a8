//! The appraisal's view model (民主测评): the ballots, and per member the
//! counts so far, whether they are complete, the grade or means they give
//! and the points. The console's counting screen, the board's live count
//! (唱票), the CLI and the papers all draw this one struct.

use super::{AppraisalError, Ledger, Result};
use crate::domain::appraisal::{self as rule, AppraisalState};
use crate::domain::model::{MemberStatus, PeriodId};
use crate::domain::scheme::{Appraisal, AppraisalChoice, AppraisalKind, Feeds, RatedPart};
use crate::store::appraisal as rows;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// The ballots of an appraisal: issued, returned, spoiled and valid.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Ballots {
    /// Issued (发出): voting members present plus representatives, or as given.
    pub issued: i64,
    /// Of the issued, those for invited mass representatives (群众代表).
    pub representatives: i64,
    /// Returned (收回).
    pub returned: i64,
    /// Spoiled (废票).
    pub spoiled: i64,
    /// Valid (有效票): returned less spoiled.
    pub valid: i64,
}

impl Ballots {
    /// The ballots of an appraisal as stored.
    pub(super) fn of(r: &rows::AppraisalRow) -> Ballots {
        Ballots {
            issued: r.issued,
            representatives: r.representatives,
            returned: r.returned,
            spoiled: r.spoiled,
            valid: r.returned - r.spoiled,
        }
    }
}

/// One member's line of the appraisal.
#[derive(Debug, Clone, PartialEq)]
pub struct AppraisalLine {
    pub member_id: i64,
    pub member: String,
    /// Votes per choice, in the scheme's order from the top (votes only).
    pub votes: Vec<i64>,
    /// Valid ballots that left the member unmarked (votes only).
    pub blank: i64,
    /// Ballots counted for the member: votes and blanks, or score ballots.
    pub counted: i64,
    /// Whether every valid ballot is counted for the member.
    pub complete: bool,
    /// Each rated part's mean so far (scores only), in the scheme's order.
    pub means: Vec<Option<f64>>,
    /// The grade the counts give: its index among the choices (votes only).
    pub grade: Option<usize>,
    /// The points the result gives (the grade's, or the parts' means
    /// added); `None` where it gives none.
    pub points: Option<f64>,
    /// Whether the branch chose the points (else the grade's default).
    pub chosen: bool,
}

/// A period's appraisal as it stands.
#[derive(Debug, Clone, PartialEq)]
pub struct AppraisalView {
    pub period: String,
    pub kind: AppraisalKind,
    pub feeds: Feeds,
    pub state: AppraisalState,
    pub ballots: Ballots,
    /// The choices a vote ballot offers, from the top (empty for scores).
    pub choices: Vec<AppraisalChoice>,
    /// The parts a score ballot rates (empty for votes).
    pub parts: Vec<RatedPart>,
    /// One line per member appraised, in roster order.
    pub lines: Vec<AppraisalLine>,
}

impl AppraisalView {
    /// The code of a line's grade, if it has one.
    pub fn grade_code(&self, line: &AppraisalLine) -> Option<&str> {
        line.grade
            .and_then(|g| self.choices.get(g))
            .map(|c| c.code.as_str())
    }

    /// How many members' counts are complete, of how many.
    pub fn progress(&self) -> (usize, usize) {
        let done = self.lines.iter().filter(|l| l.complete).count();
        (done, self.lines.len())
    }
}

impl Ledger {
    /// The scheme's appraisal section, or why there is none.
    pub fn appraisal_section(&self) -> std::result::Result<&Appraisal, AppraisalError> {
        self.scheme()
            .appraisal
            .as_ref()
            .ok_or_else(|| AppraisalError::NoSection {
                scheme: self.scheme().id.clone(),
            })
    }

    /// The members an appraisal covers: every member on the roll who is
    /// not exempt, in roster order.
    pub fn appraised_members(&self) -> Result<Vec<crate::domain::model::Member>> {
        Ok(self
            .roster()?
            .iter()
            .filter(|m| m.status == MemberStatus::Active)
            .cloned()
            .collect())
    }

    /// The ballots of `period`'s appraisal, if one was opened (the minutes
    /// record ballots issued, returned and valid).
    pub fn appraisal_ballots(&self, period: &PeriodId) -> Result<Option<Ballots>> {
        let row = rows::appraisal(self.conn(), self.branch.id, &period.to_string())?;
        Ok(row.as_ref().map(Ballots::of))
    }

    /// Each member's appraisal grade of `year` (the latest closed
    /// appraisal's), to show beside the points grade at the year close.
    pub fn year_appraisal_grades(&self, year: i32) -> Result<HashMap<i64, String>> {
        Ok(rows::year_grades(self.conn(), self.branch.id, year)?
            .into_iter()
            .map(|(m, _, g)| (m, g))
            .collect())
    }

    /// `period`'s appraisal as it stands: refused when the scheme has none
    /// or none was opened. A closed appraisal shows the results it posted.
    pub fn appraisal_view(&self, period: &PeriodId) -> Result<AppraisalView> {
        let a = self.appraisal_section()?;
        let p = period.to_string();
        let row = rows::appraisal(self.conn(), self.branch.id, &p)?
            .ok_or_else(|| AppraisalError::NotOpen { period: p.clone() })?;
        let ballots = Ballots::of(&row);
        let c = self.conn();
        let mut votes: HashMap<i64, BTreeMap<String, i64>> = HashMap::new();
        for (m, choice, n) in rows::votes(c, self.branch.id, &p)? {
            votes.entry(m).or_default().insert(choice, n);
        }
        let mut scores: HashMap<i64, Vec<(i64, String, f64)>> = HashMap::new();
        for (m, rater, part, s) in rows::scores(c, self.branch.id, &p)? {
            scores.entry(m).or_default().push((rater, part, s));
        }
        let picks: HashMap<i64, f64> = rows::picks(c, self.branch.id, &p)?.into_iter().collect();
        let posted = match row.state {
            AppraisalState::Closed => Some(rows::results(c, self.branch.id, &p)?),
            AppraisalState::Open => None,
        };
        let lines = self
            .appraised_members()?
            .iter()
            .map(|m| {
                let mut line = match a.kind {
                    AppraisalKind::Votes => {
                        vote_line(a, votes.get(&m.id), picks.get(&m.id), ballots.valid)
                    }
                    AppraisalKind::Scores => score_line(a, scores.get(&m.id), ballots.valid),
                };
                line.member_id = m.id;
                line.member = m.name.to_string();
                if let Some(results) = &posted {
                    let mine = results.iter().filter(|r| r.member_id == m.id);
                    let pts: Vec<f64> = mine.clone().filter_map(|r| r.points).collect();
                    line.points = (!pts.is_empty()).then(|| pts.iter().sum());
                    if a.kind == AppraisalKind::Votes {
                        line.grade = mine
                            .filter_map(|r| r.grade.as_deref())
                            .find_map(|g| a.choices.iter().position(|c| c.code == g));
                    }
                }
                line
            })
            .collect();
        Ok(AppraisalView {
            period: p,
            kind: a.kind,
            feeds: a.feeds,
            state: row.state,
            ballots,
            choices: a.choices.clone(),
            parts: a.parts.clone(),
            lines,
        })
    }
}

fn blank_line() -> AppraisalLine {
    AppraisalLine {
        member_id: 0,
        member: String::new(),
        votes: Vec::new(),
        blank: 0,
        counted: 0,
        complete: false,
        means: Vec::new(),
        grade: None,
        points: None,
        chosen: false,
    }
}

/// The code blank ballots are counted under.
pub const BLANK: &str = "blank";

/// A member's line from their vote counts (none yet: `None`).
fn vote_line(
    a: &Appraisal,
    counts: Option<&BTreeMap<String, i64>>,
    pick: Option<&f64>,
    valid: i64,
) -> AppraisalLine {
    let get = |code: &str| counts.and_then(|c| c.get(code)).copied().unwrap_or(0);
    let votes: Vec<i64> = a.choices.iter().map(|c| get(&c.code)).collect();
    let blank = get(BLANK);
    let counted = votes.iter().sum::<i64>() + blank;
    let as_u32 = |n: i64| u32::try_from(n.max(0)).unwrap_or(u32::MAX);
    let tally: Vec<u32> = votes.iter().map(|n| as_u32(*n)).collect();
    let grade = counts.and_then(|_| rule::grade(a.rule, &tally, as_u32(valid)));
    let chosen = grade.and_then(|g| a.choices.get(g)).map(|c| {
        let picked = pick.copied().filter(|p| {
            c.range()
                .is_some_and(|(lo, hi)| *p >= lo - 1e-9 && *p <= hi + 1e-9)
        });
        (rule::points_for(c, picked).ok().flatten(), picked.is_some())
    });
    AppraisalLine {
        votes,
        blank,
        counted,
        complete: counts.is_some() && counted == valid,
        grade,
        points: chosen.and_then(|c| c.0),
        chosen: chosen.is_some_and(|c| c.1),
        ..blank_line()
    }
}

/// A member's line from the score ballots counted for them.
fn score_line(
    a: &Appraisal,
    scores: Option<&Vec<(i64, String, f64)>>,
    valid: i64,
) -> AppraisalLine {
    let all = scores.map(Vec::as_slice).unwrap_or(&[]);
    let mut raters: Vec<i64> = all.iter().map(|s| s.0).collect();
    raters.sort_unstable();
    raters.dedup();
    let means: Vec<Option<f64>> = a
        .parts
        .iter()
        .map(|p| {
            let of: Vec<f64> = all.iter().filter(|s| s.1 == p.code).map(|s| s.2).collect();
            rule::mean(&of, a.drop_extremes).map(|m| m.min(p.max))
        })
        .collect();
    let points = match a.feeds {
        Feeds::Points if means.iter().any(Option::is_some) => {
            Some(means.iter().flatten().sum::<f64>())
        }
        _ => None,
    };
    let counted = raters.len() as i64;
    AppraisalLine {
        counted,
        complete: counted > 0 && counted == valid,
        means,
        points,
        ..blank_line()
    }
}
