//! The committee's publication (公示) of received filings, and each
//! filing's state as of a day: received, published until its window's last
//! day, or final once that day has passed.

use super::{Desk, PUBLICATION_DAYS};
use crate::app::review::{ReviewError, ReviewView};
use crate::app::Result;
use crate::domain::calendar::parse_date;
use crate::store::{committee as rows, filing as filings};
use chrono::NaiveDate;
use serde::Serialize;
use std::path::Path;

/// What `filing publish` posted.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Posting {
    pub period: String,
    /// The branches whose filings were posted now.
    pub posted: Vec<String>,
    /// How many of the period's filings were posted before (left as they were).
    pub already: usize,
    pub posted_on: String,
    pub days: u32,
    /// The window's last day (the `days`th working day after `posted_on`).
    pub window_end: String,
}

/// Post every received filing of `period` not posted yet, on `on`, for
/// `days` working days of the committee's calendar (default 3).
pub fn publish(db: &Path, period: &str, days: Option<u32>, on: NaiveDate) -> Result<Posting> {
    let days = days.unwrap_or(PUBLICATION_DAYS);
    if !(1..=60).contains(&days) {
        return Err(ReviewError::BadDays { days }.into());
    }
    let mut desk = Desk::open(db)?;
    let end = desk.calendar()?.add_working_days(on, days);
    desk.write(|j| {
        let all = filings::filings(j.tx, Some(period))?;
        if all.is_empty() {
            return Err(ReviewError::NothingToPost {
                period: period.to_string(),
            }
            .into());
        }
        let posted_before: Vec<i64> = rows::postings(j.tx)?
            .into_iter()
            .map(|p| p.filing_id)
            .collect();
        let new: Vec<&filings::FilingRow> = all
            .iter()
            .filter(|f| !posted_before.contains(&f.id))
            .collect();
        let out = Posting {
            period: period.to_string(),
            posted: new.iter().map(|f| f.branch.clone()).collect(),
            already: all.len() - new.len(),
            posted_on: on.to_string(),
            days,
            window_end: end.to_string(),
        };
        if !new.is_empty() {
            j.append(&rows::CommitteeEvent::FilingsPosted {
                period: period.to_string(),
                filings: new.iter().map(|f| f.id).collect(),
                posted_on: out.posted_on.clone(),
                days,
                window_end: out.window_end.clone(),
            })?;
        }
        Ok(out)
    })
}

/// A received filing's state at the committee on a day.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DeskState {
    /// Received, not posted yet.
    Received,
    /// Posted; the window runs to its last day.
    Published { until: NaiveDate },
    /// The window closed on that day: the filing is final at the committee.
    Final { since: NaiveDate },
}

impl DeskState {
    /// `received`, `published` or `final`.
    pub fn code(&self) -> &'static str {
        match self {
            DeskState::Received => "received",
            DeskState::Published { .. } => "published",
            DeskState::Final { .. } => "final",
        }
    }

    /// The window's last day, once posted.
    pub fn window_end(&self) -> Option<NaiveDate> {
        match self {
            DeskState::Received => None,
            DeskState::Published { until } => Some(*until),
            DeskState::Final { since } => Some(*since),
        }
    }
}

/// One received filing at the desk: its row, its state, its reconsiderations.
#[derive(Debug, Clone)]
pub struct DeskRow {
    pub filing: filings::FilingRow,
    pub state: DeskState,
    pub reviews: Vec<ReviewView>,
    /// The scheme the committee's roster names for the branch, where the
    /// filing scores by another (its results then rank among that other
    /// scheme's): none where they agree or the roster names none.
    pub roster_scheme: Option<String>,
}

/// Every received filing (of `period`, if given) as of `today`.
pub fn desk(db: &Path, period: Option<&str>, today: NaiveDate) -> Result<Vec<DeskRow>> {
    let all = crate::app::filing::filings(db, period)?;
    let conn = crate::app::filing::committee_reader(db)?;
    let posted = rows::postings(&conn)?;
    let reviews = crate::app::review::views_of(&conn, db, today)?;
    let roster = rows::roster(&conn)?;
    all.into_iter()
        .map(|f| {
            let state = match posted.iter().find(|p| p.filing_id == f.id) {
                None => DeskState::Received,
                Some(p) => {
                    let end = parse_date(&p.window_end)?;
                    if today > end {
                        DeskState::Final { since: end }
                    } else {
                        DeskState::Published { until: end }
                    }
                }
            };
            let mine = reviews
                .iter()
                .filter(|r| r.filing_id == f.id)
                .cloned()
                .collect();
            let roster_scheme = roster
                .iter()
                .find(|r| r.branch == f.branch)
                .and_then(|r| r.scheme.clone())
                .filter(|s| *s != f.scheme_id);
            Ok(DeskRow {
                filing: f,
                state,
                reviews: mine,
                roster_scheme,
            })
        })
        .collect()
}
