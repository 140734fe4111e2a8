//! The democratic appraisal at the assembly (民主测评): open it with the
//! ballots the roll call gives, record counts (never who voted what), close
//! it posting the results. Every act is one journal event (or a few) in one
//! IMMEDIATE write; a refusal writes nothing.

use super::appraisal_view::{AppraisalView, Ballots, BLANK};
use super::{AppraisalError, CoreError, Ledger, Result};
use crate::domain::appraisal::{self as rule, AppraisalState};
use crate::domain::model::{Category, ClaimSource, ClaimStatus, MemberStatus, Outcome, PeriodId};
use crate::domain::scheme::{AppraisalKind, Feeds};
use crate::store::appraisal as rows;
use crate::store::queries::{self, Numbered};
use crate::store::{AppraisalResult, Event};
use std::collections::BTreeMap;

/// The most ballots an appraisal may issue (a branch's members and guests).
pub const MAX_BALLOTS: i64 = 100_000;

/// A member's counts as given: choice code or title (or `blank`), count.
pub type VoteCounts = [(String, i64)];

impl Ledger {
    /// The open appraisal of `period`, refusing a sealed period, a scheme
    /// without one, none opened, or one closed.
    fn open_row(&self, period: &PeriodId) -> Result<rows::AppraisalRow> {
        self.writable_period(period)?;
        self.appraisal_section()?;
        let p = period.to_string();
        let row = rows::appraisal(self.conn(), self.branch.id, &p)?
            .ok_or_else(|| AppraisalError::NotOpen { period: p.clone() })?;
        if row.state == AppraisalState::Closed {
            return Err(AppraisalError::Closed { period: p }.into());
        }
        Ok(row)
    }

    /// A member the appraisal covers (on the roll and not exempt), by id: its name.
    fn appraised(&self, member_id: i64) -> Result<String> {
        let roster = self.roster()?;
        match roster.iter().find(|m| m.id == member_id) {
            Some(m) if m.status == MemberStatus::Active => Ok(m.name.to_string()),
            Some(m) => Err(AppraisalError::NotAppraised {
                member: m.name.to_string(),
            }
            .into()),
            None => Err(CoreError::NoMemberId(member_id)),
        }
    }

    /// The ballots an open of `period` would issue and how many of them are
    /// for representatives (as `open_appraisal` counts them, which see);
    /// refused when that is none (the console asks with it first).
    pub fn planned_ballots(
        &self,
        period: &PeriodId,
        ballots: Option<i64>,
        representatives: Option<i64>,
    ) -> Result<(i64, i64)> {
        let a = self.appraisal_section()?;
        let members = self
            .roster()?
            .iter()
            .filter(|m| m.status == MemberStatus::Active && m.category != Category::Activist)
            .count();
        let reps = representatives.unwrap_or_else(|| {
            a.representatives
                .map_or(0, |s| rule::representatives(s, members) as i64)
        });
        let issued = match ballots {
            Some(b) => b,
            None => self.quorum(period)?.present as i64 + reps,
        };
        if issued == 0 {
            let period = period.to_string();
            return Err(AppraisalError::NoBallots { period }.into());
        }
        Ok((issued, reps.min(issued)))
    }

    /// Open `period`'s appraisal. Ballots: `ballots` when given, else the
    /// voting members marked present plus the representatives; those are
    /// `representatives` when given, else the scheme's share of the
    /// members (seed 003: about 20%), else none.
    pub fn open_appraisal(
        &mut self,
        period: &PeriodId,
        ballots: Option<i64>,
        representatives: Option<i64>,
    ) -> Result<Ballots> {
        for (field, v) in [("ballots", ballots), ("representatives", representatives)] {
            if let Some(v) = v.filter(|v| !(0..=MAX_BALLOTS).contains(v)) {
                return Err(CoreError::OutOfRange {
                    field,
                    value: v,
                    min: 0,
                    max: MAX_BALLOTS,
                });
            }
        }
        self.write(|l| {
            l.writable_period(period)?;
            let a = l.appraisal_section()?.clone();
            let p = period.to_string();
            if rows::appraisal(l.conn(), l.branch.id, &p)?.is_some() {
                return Err(AppraisalError::AlreadyOpen { period: p }.into());
            }
            let (issued, reps) = l.planned_ballots(period, ballots, representatives)?;
            l.journal(&[Event::AppraisalOpen {
                branch_id: l.branch.id,
                period: p,
                ballot: a.kind.code().to_string(),
                issued,
                representatives: reps,
            }])?;
            Ok(Ballots {
                issued,
                representatives: reps,
                returned: issued,
                spoiled: 0,
                valid: issued,
            })
        })
    }

    /// Record the ballots that came back and how many were spoiled; refused
    /// above the issued, or below what is already counted for a member.
    pub fn appraisal_returned(
        &mut self,
        period: &PeriodId,
        returned: i64,
        spoiled: i64,
    ) -> Result<Ballots> {
        self.write(|l| {
            let row = l.open_row(period)?;
            for (field, v) in [("returned", returned), ("spoiled", spoiled)] {
                if v < 0 {
                    return Err(AppraisalError::BadCount {
                        field: field.into(),
                        given: v.to_string(),
                    }
                    .into());
                }
            }
            if returned > row.issued {
                let issued = row.issued;
                return Err(AppraisalError::ReturnedAboveIssued { returned, issued }.into());
            }
            if spoiled > returned {
                return Err(AppraisalError::SpoiledAboveReturned { spoiled, returned }.into());
            }
            let valid = returned - spoiled;
            let view = l.appraisal_view(period)?;
            if let Some(line) = view.lines.iter().find(|x| x.counted > valid) {
                return Err(AppraisalError::OverBallots {
                    member: line.member.clone(),
                    counted: line.counted,
                    valid,
                }
                .into());
            }
            let top = rows::scores(l.conn(), l.branch.id, &period.to_string())?
                .iter()
                .map(|s| s.1)
                .max();
            if let Some(rater) = top.filter(|r| *r > valid) {
                return Err(AppraisalError::RaterRange { rater, valid }.into());
            }
            l.journal(&[Event::AppraisalBallots {
                branch_id: l.branch.id,
                period: period.to_string(),
                returned,
                spoiled,
            }])?;
            Ok(Ballots {
                returned,
                spoiled,
                valid,
                ..view.ballots
            })
        })
    }

    /// Check one member's vote counts against the ballot and the valid
    /// ballots: every choice of the scheme, in its order, then the blanks.
    pub(super) fn check_votes(
        &self,
        period: &PeriodId,
        member_id: i64,
        counts: &VoteCounts,
    ) -> Result<BTreeMap<String, i64>> {
        let row = self.open_row(period)?;
        let a = self.appraisal_section()?;
        if a.kind != AppraisalKind::Votes {
            return Err(AppraisalError::WrongBallot { kind: "scores" }.into());
        }
        let member = self.appraised(member_id)?;
        let mut out: BTreeMap<String, i64> =
            a.choices.iter().map(|c| (c.code.clone(), 0)).collect();
        out.insert(BLANK.to_string(), 0);
        for (key, n) in counts {
            let code = match a.choice(key) {
                Some((_, c)) => c.code.clone(),
                None if key.trim() == BLANK || key.trim() == "弃权" => BLANK.to_string(),
                None => {
                    let mut known: Vec<(String, String)> = a
                        .choices
                        .iter()
                        .map(|c| (c.code.clone(), c.title_in(true).to_string()))
                        .collect();
                    known.push((BLANK.into(), "弃权".into()));
                    return Err(AppraisalError::UnknownChoice {
                        key: key.trim().to_string(),
                        known,
                    }
                    .into());
                }
            };
            if *n < 0 || *n > MAX_BALLOTS {
                return Err(AppraisalError::BadCount {
                    field: code,
                    given: n.to_string(),
                }
                .into());
            }
            out.insert(code, *n);
        }
        let counted: i64 = out.values().sum();
        let valid = Ballots::of(&row).valid;
        if counted > valid {
            return Err(AppraisalError::OverBallots {
                member,
                counted,
                valid,
            }
            .into());
        }
        Ok(out)
    }

    /// Record one member's vote counts (they replace the earlier ones);
    /// refused, with nothing written, above the valid ballots.
    pub fn record_votes(
        &mut self,
        period: &PeriodId,
        member_id: i64,
        counts: &VoteCounts,
    ) -> Result<AppraisalView> {
        self.write(|l| {
            let counts = l.check_votes(period, member_id, counts)?;
            l.journal(&[Event::AppraisalVotes {
                branch_id: l.branch.id,
                period: period.to_string(),
                member_id,
                counts,
            }])?;
            l.appraisal_view(period)
        })
    }

    /// Check one score ballot for a member: ballot number within the valid
    /// ballots, each part the scheme rates, each score from 0 to its max.
    pub(super) fn check_scores(
        &self,
        period: &PeriodId,
        member_id: i64,
        rater: i64,
        scores: &[(String, f64)],
    ) -> Result<BTreeMap<String, f64>> {
        let row = self.open_row(period)?;
        let a = self.appraisal_section()?;
        if a.kind != AppraisalKind::Scores {
            return Err(AppraisalError::WrongBallot { kind: "votes" }.into());
        }
        self.appraised(member_id)?;
        let valid = Ballots::of(&row).valid;
        if rater < 1 || rater > valid {
            return Err(AppraisalError::RaterRange { rater, valid }.into());
        }
        let mut out = BTreeMap::new();
        for (key, s) in scores {
            let Some((_, part)) = a.part(key) else {
                return Err(AppraisalError::UnknownPart {
                    key: key.trim().to_string(),
                    known: a
                        .parts
                        .iter()
                        .map(|p| (p.code.clone(), p.title_in(true).to_string()))
                        .collect(),
                }
                .into());
            };
            crate::domain::number::finite("score", *s)?;
            if *s < 0.0 {
                return Err(AppraisalError::BadCount {
                    field: part.code.clone(),
                    given: crate::domain::model::fmt_points(*s),
                }
                .into());
            }
            if *s > part.max + 1e-9 {
                return Err(AppraisalError::ScoreAbove {
                    part: part.code.clone(),
                    title: part.title_in(true).to_string(),
                    score: *s,
                    max: part.max,
                }
                .into());
            }
            out.insert(part.code.clone(), *s);
        }
        Ok(out)
    }

    /// Record what score ballot `rater` gave a member (it replaces that
    /// ballot's earlier scores for the member).
    pub fn record_scores(
        &mut self,
        period: &PeriodId,
        member_id: i64,
        rater: i64,
        scores: &[(String, f64)],
    ) -> Result<AppraisalView> {
        self.write(|l| {
            let scores = l.check_scores(period, member_id, rater, scores)?;
            l.journal(&[Event::AppraisalScores {
                branch_id: l.branch.id,
                period: period.to_string(),
                member_id,
                rater,
                scores,
            }])?;
            l.appraisal_view(period)
        })
    }

    /// What score ballot `rater` gave a member so far, part by part (none
    /// yet: empty); recorded again by `record_scores`, it is the undo of a
    /// later record of that ballot.
    pub fn ballot_scores(
        &self,
        period: &PeriodId,
        member_id: i64,
        rater: i64,
    ) -> Result<Vec<(String, f64)>> {
        let all = rows::scores(self.conn(), self.branch.id, &period.to_string())?;
        Ok(all
            .into_iter()
            .filter(|(m, r, _, _)| *m == member_id && *r == rater)
            .map(|(_, _, part, score)| (part, score))
            .collect())
    }

    /// Choose a member's points within the range of the grade their counts
    /// give (`None`: back to the grade's default, the top of the range).
    pub fn appraisal_points(
        &mut self,
        period: &PeriodId,
        member_id: i64,
        points: Option<f64>,
    ) -> Result<AppraisalView> {
        self.write(|l| {
            l.open_row(period)?;
            let member = l.appraised(member_id)?;
            if let Some(p) = points {
                crate::domain::number::finite("points", p)?;
                let view = l.appraisal_view(period)?;
                let line = view.lines.iter().find(|x| x.member_id == member_id);
                let choice = line
                    .and_then(|x| x.grade)
                    .and_then(|g| view.choices.get(g))
                    .filter(|c| c.range().is_some())
                    .ok_or(AppraisalError::NoGradeYet {
                        member: member.clone(),
                    })?;
                rule::points_for(choice, Some(p)).map_err(|o| AppraisalError::PointsOutside {
                    member,
                    grade: choice.title_in(true).to_string(),
                    points: o.points,
                    min: o.min,
                    max: o.max,
                })?;
            }
            l.journal(&[Event::AppraisalPoints {
                branch_id: l.branch.id,
                period: period.to_string(),
                member_id,
                points,
            }])?;
            l.appraisal_view(period)
        })
    }

    /// Close `period`'s appraisal: the branch's chosen `points` first (as
    /// `appraisal_points`), then the results are posted with the close. A
    /// scheme whose appraisal feeds points gets, in the same write, an
    /// approved claim per member on the scheme's item (its weight counts it
    /// into the period's score); the lock then seals them with the period.
    /// Returns the closed view and how many claims were posted.
    pub fn close_appraisal(
        &mut self,
        period: &PeriodId,
        points: &[(i64, f64)],
    ) -> Result<(AppraisalView, usize)> {
        self.write(|l| {
            l.open_row(period)?;
            for (m, p) in points {
                l.appraisal_points(period, *m, Some(*p))?;
            }
            let a = l.appraisal_section()?.clone();
            let view = l.appraisal_view(period)?;
            if let Some(line) = view.lines.iter().find(|x| x.counted > view.ballots.valid) {
                return Err(AppraisalError::OverBallots {
                    member: line.member.clone(),
                    counted: line.counted,
                    valid: view.ballots.valid,
                }
                .into());
            }
            let mut results = Vec::new();
            let mut posts: Vec<(i64, String, f64)> = Vec::new();
            for line in &view.lines {
                match a.kind {
                    AppraisalKind::Votes => {
                        let Some(g) = line.grade.and_then(|g| a.choices.get(g)) else {
                            continue;
                        };
                        results.push(AppraisalResult {
                            member_id: line.member_id,
                            part: String::new(),
                            grade: Some(g.code.clone()),
                            points: line.points,
                        });
                        if let (Feeds::Points, Some(item), Some(p)) =
                            (a.feeds, &a.item, line.points)
                        {
                            posts.push((line.member_id, item.clone(), p));
                        }
                    }
                    AppraisalKind::Scores => {
                        for (part, mean) in a.parts.iter().zip(&line.means) {
                            let Some(m) = mean else { continue };
                            results.push(AppraisalResult {
                                member_id: line.member_id,
                                part: part.code.clone(),
                                grade: None,
                                points: Some(*m),
                            });
                            if let Some(item) = &part.item {
                                posts.push((line.member_id, item.clone(), *m));
                            }
                        }
                    }
                }
            }
            let mut events = vec![Event::AppraisalClose {
                branch_id: l.branch.id,
                period: period.to_string(),
                results,
            }];
            let mut posted = 0;
            if let Some((claims, n)) = l.appraisal_claims(period, &posts)? {
                events.push(claims);
                posted = n;
            }
            l.journal(&events)?;
            Ok((l.appraisal_view(period)?, posted))
        })
    }

    /// The approved claims that post an appraisal's points on their items
    /// (those above 0), checked like any claim, and how many; `None` when
    /// there are none.
    fn appraisal_claims(
        &self,
        period: &PeriodId,
        posts: &[(i64, String, f64)],
    ) -> Result<Option<(Event, usize)>> {
        let members = self.members()?;
        // Points the appraisal gives must not count twice: a claim already
        // on the item for the member in the period (entered by hand before
        // the appraisal was held) is rejected or withdrawn first.
        let existing = self.claims(&super::ClaimFilter {
            period: Some(period.to_string()),
            ..Default::default()
        })?;
        for (member_id, item, _) in posts.iter().filter(|x| x.2 > 0.0) {
            if let Some(c) = existing.iter().find(|c| {
                c.member_id == *member_id && &c.item == item && c.status != ClaimStatus::Rejected
            }) {
                let title = self.scheme().item(item).map(|i| i.title_in(true));
                return Err(AppraisalError::AlreadyOnItem {
                    member: c.member.clone(),
                    item: item.clone(),
                    title: title.unwrap_or(item).to_string(),
                    claim: c.id,
                }
                .into());
            }
        }
        let first = queries::next_id(self.conn(), Numbered::Claim)?;
        let mut claims = Vec::new();
        for (member_id, item, p) in posts.iter().filter(|x| x.2 > 0.0) {
            let mut draft = super::ClaimDraft::new(*member_id, item);
            draft.points = Some(*p);
            draft.period = Some(period.to_string());
            draft.source = ClaimSource::Secretary;
            draft.verdict = Some(Outcome::Approved);
            let mut c = self.check_claim(&draft, &members)?;
            c.id = first + claims.len() as i64;
            claims.push(c);
        }
        let n = claims.len();
        Ok((n > 0).then(|| {
            let branch_id = self.branch.id;
            (Event::ClaimsAdd { branch_id, claims }, n)
        }))
    }

    /// Refuse while `period`'s appraisal is open (before a lock: its counts
    /// would be sealed unposted).
    pub(super) fn refuse_open_appraisal(&self, period: &PeriodId) -> Result<()> {
        let p = period.to_string();
        match rows::appraisal(self.conn(), self.branch.id, &p)? {
            Some(r) if r.state == AppraisalState::Open => {
                Err(AppraisalError::StillOpen { period: p }.into())
            }
            _ => Ok(()),
        }
    }
}
