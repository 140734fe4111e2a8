//! Publication (公示) after the lock, and the step to `final`.
//!
//! Life cycle: `lock` seals the period (state `locked`); `publish` records the
//! posting of the results with the window's last day (state `published`); the
//! window is `publication_days` days after the posting day (working days when
//! the scheme says so, see [`crate::domain::calendar`]). When the window has closed and
//! no appeal is open, `finalize` makes the period `final`. `check_publications`
//! does that for every period that is due (`jifen publish --check`, run by hand
//! or from cron). A locked period that was never published counts its window
//! from the lock day, so nothing is lost if the publish step was skipped.

use super::{Ledger, PeriodError, Result};
use crate::domain::calendar::Calendar;
use crate::domain::model::{PeriodId, PeriodState};
use crate::store::Event;
use chrono::NaiveDate;
use serde::Serialize;

/// The deadlines that apply to a branch: the scheme's, with branch settings laid over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ProcessDays {
    pub publication_days: u32,
    /// Whether publication counts working days (else calendar days).
    pub working_days: bool,
    /// Working days the branch has to answer an appeal.
    pub appeal_reply_days: u32,
    /// Working days the higher committee has to answer a reconsideration.
    pub reconsider_days: u32,
}

/// Where a period stands after its lock.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Publication {
    pub period: String,
    pub state: PeriodState,
    pub seal: Option<String>,
    /// Day of the lock.
    pub locked_on: Option<NaiveDate>,
    /// Last day of the publication window.
    pub window_end: Option<NaiveDate>,
    pub days: u32,
    pub working_days: bool,
    /// Whether the window is over (today is after its last day).
    pub closed: bool,
    pub open_appeals: usize,
    pub overdue_appeals: usize,
    /// Whether `finalize` would succeed today.
    pub can_finalize: bool,
    /// Whether the holiday list of the window's year is an estimate.
    pub provisional_calendar: bool,
}

pub(crate) fn day_of(ts: &str) -> Option<NaiveDate> {
    ts.get(..10)
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
}

impl Ledger {
    /// The working-day calendar of this database (built-in holidays plus `holidays.toml` next to it).
    pub fn calendar(&self) -> Result<Calendar> {
        Ok(Calendar::for_db(self.path())?)
    }

    /// Publication and appeal deadlines in force for this branch.
    pub fn process_days(&self) -> ProcessDays {
        let p = &self.scheme().process;
        let setting = |k: &str| {
            self.branch
                .setting_f64(k)
                .filter(|v| *v >= 0.0)
                .map(|v| v.round() as u32)
        };
        let appeal = setting("appeal_reply_days").unwrap_or(p.appeal_reply_days);
        ProcessDays {
            publication_days: setting("publication_days").unwrap_or(p.publication_days),
            working_days: p.working_days,
            appeal_reply_days: appeal,
            reconsider_days: setting("reconsider_days")
                .or(p.reconsider_days)
                .unwrap_or(appeal),
        }
    }

    /// The publication state of a period as of `today`.
    pub fn publication(&self, p: &PeriodId, today: NaiveDate) -> Result<Publication> {
        let row = self
            .period_row(p)?
            .ok_or_else(|| PeriodError::NoSuchPeriod(p.to_string()))?;
        let cal = self.calendar()?;
        let days = self.process_days();
        let locked_on = row.locked_at.as_deref().and_then(day_of);
        let window_end = match row.window_end.as_deref() {
            Some(w) => Some(crate::domain::calendar::parse_date(w)?),
            None => locked_on.map(|d| cal.deadline(d, days.publication_days, days.working_days)),
        };
        let appeals = self.appeals_on(Some(p), today)?;
        let open = appeals.iter().filter(|a| a.open).count();
        let overdue = appeals.iter().filter(|a| a.overdue).count();
        let closed = window_end.is_some_and(|w| today > w);
        Ok(Publication {
            period: row.id.clone(),
            state: row.state,
            seal: row.seal.clone(),
            locked_on,
            window_end,
            days: days.publication_days,
            working_days: days.working_days,
            closed,
            open_appeals: open,
            overdue_appeals: overdue,
            can_finalize: row.state.is_sealed()
                && row.state != PeriodState::Final
                && closed
                && open == 0,
            provisional_calendar: window_end
                .is_some_and(|w| cal.is_provisional(chrono::Datelike::year(&w))),
        })
    }

    /// Record the posting of a locked period's results; the window runs from
    /// `posted_on` (default: the lock day). Returns the new state.
    pub fn publish(&mut self, p: &PeriodId, posted_on: Option<NaiveDate>) -> Result<Publication> {
        self.write(|l| {
            let row = l
                .period_row(p)?
                .ok_or_else(|| PeriodError::NoSuchPeriod(p.to_string()))?;
            match row.state {
                PeriodState::Locked => {}
                state @ (PeriodState::Published | PeriodState::Final) => {
                    return Err(PeriodError::Already {
                        period: p.to_string(),
                        state,
                    }
                    .into())
                }
                state @ (PeriodState::Open | PeriodState::InSession) => {
                    return Err(PeriodError::LockFirst {
                        period: p.to_string(),
                        state,
                    }
                    .into())
                }
            }
            let locked_on = row.locked_at.as_deref().and_then(day_of);
            let start = match (posted_on, locked_on) {
                (Some(d), Some(l)) if d < l => {
                    return Err(PeriodError::PostedBeforeLock {
                        period: p.to_string(),
                        locked: l.to_string(),
                        posted: d.to_string(),
                    }
                    .into());
                }
                (Some(d), _) => d,
                (None, Some(l)) => l,
                (None, None) => crate::domain::calendar::today(),
            };
            let days = l.process_days();
            let end = l
                .calendar()?
                .deadline(start, days.publication_days, days.working_days);
            l.journal(&[Event::PeriodState {
                branch_id: l.branch.id,
                period: p.to_string(),
                state: PeriodState::Published,
                window_end: Some(end.format("%Y-%m-%d").to_string()),
            }])?;
            l.publication(p, start)
        })
    }

    /// Make a period final: its window has closed and no appeal is open.
    pub fn finalize(&mut self, p: &PeriodId, today: NaiveDate) -> Result<()> {
        self.write(|l| {
            let pb = l.publication(p, today)?;
            if pb.state == PeriodState::Final {
                return Err(PeriodError::Already {
                    period: p.to_string(),
                    state: PeriodState::Final,
                }
                .into());
            }
            if !pb.state.is_sealed() {
                return Err(PeriodError::LockFirst {
                    period: p.to_string(),
                    state: pb.state,
                }
                .into());
            }
            if !pb.closed {
                let end = pb.window_end.map(|d| d.to_string()).unwrap_or_default();
                return Err(PeriodError::WindowOpen {
                    period: p.to_string(),
                    end,
                }
                .into());
            }
            if pb.open_appeals > 0 {
                return Err(PeriodError::AppealsOpen {
                    period: p.to_string(),
                    open: pb.open_appeals,
                }
                .into());
            }
            l.refuse_year_grade_faults(p)?;
            l.journal(&[Event::PeriodState {
                branch_id: l.branch.id,
                period: p.to_string(),
                state: PeriodState::Final,
                window_end: None,
            }])?;
            Ok(())
        })
    }

    /// Finalize every period whose window has closed without open appeals;
    /// returns each sealed, not yet final period with what happened to it.
    pub fn check_publications(&mut self, today: NaiveDate) -> Result<Vec<(Publication, bool)>> {
        let mut out = Vec::new();
        let rows = self.periods()?;
        for r in rows
            .iter()
            .filter(|r| r.state.is_sealed() && r.state != PeriodState::Final)
        {
            let p: PeriodId = r.id.parse()?;
            let pb = self.publication(&p, today)?;
            let done = if pb.can_finalize {
                self.finalize(&p, today)?;
                true
            } else {
                false
            };
            out.push((pb, done));
        }
        Ok(out)
    }
}

/// What [`Ledger::lock_and_publish`] did: the seal, and the posting that followed it.
#[derive(Debug)]
pub struct LockPublished {
    pub report: super::LockReport,
    /// The publication window started by the lock. An error here leaves the
    /// period locked (its window then counts from the lock day).
    pub publication: Result<Publication>,
}

impl Ledger {
    /// Seal a period and post its results at once (the lock step of every
    /// front end): the publication window starts on the lock day.
    pub fn lock_and_publish(&mut self, p: &PeriodId) -> Result<LockPublished> {
        // What the publication needs is read before anything is written: a
        // broken holiday file refuses the lock instead of following it.
        self.calendar()?;
        let report = self.lock(p)?;
        let publication = self.publish(p, None);
        Ok(LockPublished {
            report,
            publication,
        })
    }

    /// The lock step after a roll call: the quorum noted (`waive`: even an
    /// inquorate one) and the period sealed in one write, so a lock refused
    /// leaves no note behind; the holiday file is read before either.
    pub fn lock_noting_quorum(
        &mut self,
        p: &PeriodId,
        waive: bool,
    ) -> Result<(super::Quorum, LockPublished)> {
        self.calendar()?;
        let (quorum, report) = self.write(|l| {
            let q = l.note_quorum(p, waive)?;
            Ok((q, l.lock(p)?))
        })?;
        let publication = self.publish(p, None);
        Ok((
            quorum,
            LockPublished {
                report,
                publication,
            },
        ))
    }
}
