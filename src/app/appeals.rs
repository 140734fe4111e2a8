//! Appeals (申诉) against locked results, and reconsideration (复议) by the
//! higher committee.
//!
//! Paths: filed -> the branch replies `upheld` (posts a correction entry, the
//! locked totals stay sealed) or `dismissed`; the branch may instead send it
//! on (`reconsider`), and a dismissed appeal may be taken to reconsideration by
//! the member. At the higher committee the final reply is `upheld` or
//! `dismissed`. Branch replies are due `appeal_reply_days` working days after
//! filing, the higher committee's `reconsider_days` working days after the
//! appeal reached it. The history of replies is read from the journal.

pub use crate::store::appeal_queries::CorrectionRecord;

use super::publication::day_of;
use super::{AppealError, CoreError, Ledger, Result};
use crate::domain::model::{AppealStage, AppealStatus, PeriodId, PeriodState};
use crate::store::events::CorrectionEntry;
use crate::store::{appeal_queries, queries, Event};
use chrono::NaiveDate;
use serde::Serialize;

pub use crate::domain::model::AppealOutcome;

/// One reply in an appeal's history.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AppealStep {
    pub on: String,
    pub outcome: AppealOutcome,
    pub reply: String,
    pub next_due: Option<String>,
    /// The higher committee's reconsideration (复议) whose decision, received
    /// as its file, closed the appeal here; none for the branch's replies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review: Option<i64>,
}

/// An appeal as the console and the CLI show it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AppealRow {
    pub id: i64,
    pub member_id: i64,
    pub member: String,
    pub period: String,
    pub items: Option<String>,
    pub text: String,
    pub filed_on: String,
    /// `branch` or `higher` (reconsideration).
    pub stage: AppealStage,
    pub status: AppealStatus,
    /// Reply due date of the current stage (of the last stage when closed).
    pub due: String,
    pub open: bool,
    /// Open and past its due date: shown in red.
    pub overdue: bool,
    /// Working days left until the due date (negative when overdue); none when closed.
    pub days_left: Option<i64>,
    pub reply: Option<String>,
    /// The correction an upheld appeal posted, e.g. `discipline.absence -1`.
    pub correction: Option<String>,
    pub history: Vec<AppealStep>,
    /// Closed by the decision of the committee's reconsideration (复议) of
    /// this number, received from the committee.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub closed_by_review: Option<i64>,
}

fn fmt_date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

impl Ledger {
    /// Appeals of a period (or all) as of today.
    pub fn appeals(&self, period: Option<&PeriodId>) -> Result<Vec<AppealRow>> {
        self.appeals_on(period, crate::domain::calendar::today())
    }

    /// The corrections upheld appeals posted to a period, in the order posted.
    pub fn corrections(&self, p: &PeriodId) -> Result<Vec<CorrectionRecord>> {
        Ok(appeal_queries::corrections(
            self.conn(),
            self.branch.id,
            Some(&p.to_string()),
        )?)
    }

    /// Appeals of a period (or all) with due dates and overdue flags as of `today`.
    pub fn appeals_on(
        &self,
        period: Option<&PeriodId>,
        today: NaiveDate,
    ) -> Result<Vec<AppealRow>> {
        let p = period.map(|p| p.to_string());
        let recs = appeal_queries::appeals(self.conn(), self.branch.id, p.as_deref())?;
        if recs.is_empty() {
            return Ok(Vec::new());
        }
        let replies = appeal_queries::appeal_replies(self.conn())?;
        let corrections = appeal_queries::corrections(self.conn(), self.branch.id, p.as_deref())?;
        let cal = self.calendar()?;
        let mut out = Vec::with_capacity(recs.len());
        for r in recs {
            let steps = replies.get(&r.id).cloned().unwrap_or_default();
            let last = steps.last();
            let status = AppealStatus::after(last.map(|s| s.outcome));
            let open = status == AppealStatus::Open;
            let due = match last {
                Some(s) if s.outcome == AppealOutcome::Reconsider => {
                    s.next_due.clone().unwrap_or_else(|| r.reply_due.clone())
                }
                _ => r.reply_due.clone(),
            };
            let due_day = crate::domain::calendar::parse_date(&due)?;
            let overdue = open && today > due_day;
            let days_left = open.then(|| cal.working_days_between(today, due_day));
            let correction = corrections
                .iter()
                .filter(|c| c.appeal_id == Some(r.id))
                .map(|c| format!("{} {}", c.item, crate::domain::model::fmt_points(c.points)))
                .collect::<Vec<_>>();
            out.push(AppealRow {
                id: r.id,
                member_id: r.member_id,
                member: r.member.clone(),
                period: r.period.clone(),
                items: r.items.clone(),
                text: r.text.clone(),
                filed_on: day_of(&r.filed_at)
                    .map(fmt_date)
                    .unwrap_or_else(|| r.filed_at.clone()),
                stage: r.stage,
                status,
                due,
                open,
                overdue,
                days_left,
                reply: r.reply.clone(),
                correction: (!correction.is_empty()).then(|| correction.join("; ")),
                history: steps
                    .iter()
                    .map(|s| AppealStep {
                        on: day_of(&s.at).map(fmt_date).unwrap_or_else(|| s.at.clone()),
                        outcome: s.outcome,
                        reply: s.reply.clone(),
                        next_due: s.next_due.clone(),
                        review: s.review,
                    })
                    .collect(),
                closed_by_review: last.filter(|_| !open).and_then(|s| s.review),
            });
        }
        Ok(out)
    }

    /// One appeal as of `today`.
    pub fn appeal_on(&self, id: i64, today: NaiveDate) -> Result<AppealRow> {
        self.appeals_on(None, today)?
            .into_iter()
            .find(|a| a.id == id)
            .ok_or_else(|| {
                AppealError::NoSuchAppeal {
                    id,
                    branch: self.branch.name.clone(),
                }
                .into()
            })
    }

    /// File an appeal received on `filed_on` against a locked period; returns its id.
    /// Refused before the lock, after the publication window, or on a final period.
    pub fn file_appeal(
        &mut self,
        member_id: i64,
        p: &PeriodId,
        items: Option<&str>,
        text: &str,
        filed_on: NaiveDate,
    ) -> Result<i64> {
        self.write(|l| {
            let text = text.trim();
            if text.is_empty() {
                return Err(AppealError::NeedsWords.into());
            }
            if !l.members()?.iter().any(|m| m.id == member_id) {
                return Err(CoreError::NoMemberId(member_id));
            }
            let pb = l.publication(p, filed_on)?;
            match pb.state {
                PeriodState::Locked | PeriodState::Published => {}
                PeriodState::Final => return Err(AppealError::PeriodFinal(p.to_string()).into()),
                state @ (PeriodState::Open | PeriodState::InSession) => {
                    return Err(AppealError::BeforeLock {
                        period: p.to_string(),
                        state,
                    }
                    .into())
                }
            }
            if let Some(l) = pb.locked_on {
                if filed_on < l {
                    return Err(AppealError::BeforeLockDay {
                        period: p.to_string(),
                        locked: l.to_string(),
                        filed: filed_on.to_string(),
                    }
                    .into());
                }
            }
            if let Some(end) = pb.window_end {
                if filed_on > end {
                    return Err(AppealError::Late {
                        period: p.to_string(),
                        end: end.to_string(),
                    }
                    .into());
                }
            }
            let items = match items.map(str::trim).filter(|s| !s.is_empty()) {
                Some(list) => Some(appeal_items(l.scheme(), list)?),
                None => None,
            };
            let days = l.process_days();
            let due = l
                .calendar()?
                .add_working_days(filed_on, days.appeal_reply_days);
            let id = queries::next_id(l.conn(), crate::store::queries::Numbered::Appeal)?;
            l.journal(&[Event::AppealFile {
                id,
                branch_id: l.branch.id,
                period: p.to_string(),
                member_id,
                items,
                text: text.to_string(),
                reply_due: fmt_date(due),
            }])?;
            Ok(id)
        })
    }

    /// Record a reply given on `on`. `upheld` needs a correction (item code,
    /// points as on a claim; negative takes points back, e.g. `-1` on a
    /// deduction item removes a one-point deduction).
    pub fn reply_appeal(
        &mut self,
        id: i64,
        outcome: AppealOutcome,
        reply: &str,
        correction: Option<(&str, f64)>,
        on: NaiveDate,
    ) -> Result<AppealRow> {
        self.write(|l| {
            let reply = reply.trim();
            if reply.is_empty() {
                return Err(AppealError::ReplyNeedsText.into());
            }
            let a = l.appeal_on(id, on)?;
            let reconsidered = a
                .history
                .iter()
                .any(|s| s.outcome == AppealOutcome::Reconsider);
            let mut next_due = None;
            match outcome {
                AppealOutcome::Upheld | AppealOutcome::Dismissed if !a.open => {
                    return Err(AppealError::Decided {
                        id,
                        status: a.status,
                    }
                    .into());
                }
                AppealOutcome::Reconsider if reconsidered => {
                    return Err(AppealError::Reconsidered(id).into());
                }
                AppealOutcome::Reconsider if !a.open && a.status != AppealStatus::Dismissed => {
                    return Err(AppealError::ReconsiderNotDismissed {
                        id,
                        status: a.status,
                    }
                    .into());
                }
                AppealOutcome::Reconsider => {
                    let days = l.process_days();
                    next_due = Some(fmt_date(
                        l.calendar()?.add_working_days(on, days.reconsider_days),
                    ));
                }
                _ => {}
            }
            let entry = match (outcome, correction) {
                (AppealOutcome::Upheld, None) => {
                    return Err(AppealError::UpheldNeedsCorrection.into());
                }
                (AppealOutcome::Upheld, Some((item, points))) => Some(l.check_correction(
                    a.member_id,
                    &a.member,
                    &a.period,
                    item,
                    points,
                    reply,
                )?),
                (_, Some(_)) => return Err(AppealError::CorrectionOnlyUpheld.into()),
                (_, None) => None,
            };
            l.journal(&[Event::AppealReply {
                id,
                outcome,
                reply: reply.to_string(),
                next_due,
                correction: entry,
            }])?;
            l.appeal_on(id, on)
        })
    }

    /// A correction of `member`'s score in `period` by `points` on `item`,
    /// checked (a scheme item, not zero, no item total below zero) and numbered.
    pub(crate) fn check_correction(
        &self,
        member_id: i64,
        member: &str,
        period: &str,
        item: &str,
        points: f64,
        reason: &str,
    ) -> Result<CorrectionEntry> {
        let item = item.trim();
        if self.scheme().item(item).is_none() {
            return Err(AppealError::CorrectionItem {
                scheme: self.scheme().id.clone(),
                item: item.to_string(),
            }
            .into());
        }
        crate::domain::number::finite("points", points)?;
        if !points.is_finite() || points.abs() < 1e-9 {
            return Err(AppealError::CorrectionZero.into());
        }
        let t = super::totals::window_tallies(
            self.conn(),
            self.branch.id,
            &[period.to_string()],
            true,
        )?;
        let have: f64 = t
            .first()
            .and_then(|by| by.get(&member_id))
            .into_iter()
            .flatten()
            .filter(|x| x.item == item)
            .map(|x| x.points)
            .sum();
        if have + points < -1e-9 {
            return Err(AppealError::BelowZero {
                member: member.to_string(),
                have,
                item: item.to_string(),
                period: period.to_string(),
                points,
            }
            .into());
        }
        Ok(CorrectionEntry {
            id: queries::next_id(self.conn(), crate::store::queries::Numbered::Correction)?,
            item: item.to_string(),
            points,
            reason: reason.to_string(),
        })
    }
}

/// The items an appeal objects to, as item codes or claim ids joined by
/// commas: each may be given by its code, its title (无偿献血) or a claim id,
/// found as `claim add` finds an item.
fn appeal_items(scheme: &crate::domain::scheme::Scheme, list: &str) -> Result<String> {
    let mut codes = Vec::new();
    for key in split_items(list) {
        let code = scheme.item_code(key);
        if scheme.item(code).is_none() && code.parse::<i64>().is_err() {
            return Err(AppealError::UnknownItem {
                scheme: scheme.id.clone(),
                key: key.to_string(),
            }
            .into());
        }
        codes.push(code);
    }
    Ok(codes.join(","))
}

/// The entries of an appeal's item list as the member wrote them (commas,
/// spaces, full-width commas or 、 between them).
pub fn split_items(list: &str) -> impl Iterator<Item = &str> {
    list.split([',', ' ', '，', '、']).filter(|s| !s.is_empty())
}

impl AppealRow {
    /// The first scheme item the appeal names (not a claim id): where an
    /// upheld appeal's correction starts.
    pub fn first_item<'a>(&'a self, scheme: &crate::domain::scheme::Scheme) -> Option<&'a str> {
        self.items
            .as_deref()
            .and_then(|s| split_items(s).find(|c| scheme.item(c).is_some()))
    }
}
