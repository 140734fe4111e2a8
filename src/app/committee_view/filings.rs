//! Which branches filed a period, as the committee's desk and board show
//! it: each expected branch's state (received, published until a day, final,
//! awaited, missing), whether it came late, its seal, when it came, its
//! member count and its open reconsiderations.

use crate::app::committee::{desk, DeskState};
use crate::app::{filing, Result};
use crate::domain::calendar::{parse_date, Calendar};
use crate::domain::model::{AppealStatus, PeriodId};
use crate::store::filing::FilingRow;
use chrono::NaiveDate;
use serde::Serialize;
use std::path::Path;

/// Working days after a period's last day by which a branch's filing is due
/// at the committee. No seed states it (seed 004 posts "每季度末", seed 000
/// files each quarter): the desk's default, said in the README.
pub const FILING_DAYS: u32 = 10;

/// The day `period`'s filings are due: [`FILING_DAYS`] working days of the
/// committee's calendar after the period's last day.
pub fn filing_due(cal: &Calendar, period: &PeriodId) -> NaiveDate {
    cal.add_working_days(period.bounds().1, FILING_DAYS)
}

/// Where a branch stands with a period's filing at the committee.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LineStatus {
    /// Filed: the committee's own state of it (received, published, final).
    Filed(DeskState),
    /// Not filed yet, and not due yet.
    Awaited,
    /// Not filed, and the day it was due has passed.
    Missing,
}

/// One expected branch for a period.
#[derive(Debug, Clone, PartialEq)]
pub struct FilingLine {
    pub branch: String,
    pub status: LineStatus,
    /// Received after the day it was due.
    pub late: bool,
    /// The filing as received (seal, received_at, members...), if filed.
    pub filing: Option<FilingRow>,
    /// The day it was received, if filed.
    pub received_on: Option<NaiveDate>,
    /// Not filed: the last period the branch did file (none: a branch of
    /// the roster that never filed).
    pub last_filed: Option<String>,
    /// Reconsiderations against the filing, and how many are still open.
    pub reviews: usize,
    pub open_reviews: usize,
    /// The roster's scheme for the branch where its filing scores by another.
    pub roster_scheme: Option<String>,
}

impl FilingLine {
    /// `received`, `published`, `final`, `awaited` or `missing`.
    pub fn code(&self) -> &'static str {
        match &self.status {
            LineStatus::Filed(s) => s.code(),
            LineStatus::Awaited => "awaited",
            LineStatus::Missing => "missing",
        }
    }
}

/// A period at the committee: every expected branch and the counts.
#[derive(Debug, Clone, PartialEq)]
pub struct FilingsView {
    pub period: String,
    /// The day the period's filings are due.
    pub due: NaiveDate,
    /// Filed branches first in name order, then the branches not filed.
    pub lines: Vec<FilingLine>,
    /// Branches the committee expects: its roster and every branch that has
    /// filed any period.
    pub expected: usize,
    pub filed: usize,
    pub late: usize,
    /// Not filed and past due.
    pub missing: usize,
    /// Not filed, not due yet.
    pub awaited: usize,
}

/// The day of a stored timestamp (`2026-12-01T09:30:00...`).
fn day_of(at: &str) -> Option<NaiveDate> {
    at.get(..10).and_then(|d| parse_date(d).ok())
}

/// `period` at the committee `db` as of `today`.
pub fn filings_view(db: &Path, period: &str, today: NaiveDate) -> Result<FilingsView> {
    let cal = Calendar::for_db(db)?;
    let id: PeriodId = period.parse()?;
    let due = filing_due(&cal, &id);
    let mut lines: Vec<FilingLine> = desk(db, Some(period), today)?
        .into_iter()
        .map(|d| {
            let received_on = day_of(&d.filing.received_at);
            FilingLine {
                branch: d.filing.branch.clone(),
                status: LineStatus::Filed(d.state),
                late: received_on.is_some_and(|r| r > due),
                received_on,
                filing: Some(d.filing),
                roster_scheme: d.roster_scheme,
                last_filed: None,
                reviews: d.reviews.len(),
                open_reviews: d
                    .reviews
                    .iter()
                    .filter(|r| r.status == AppealStatus::Open)
                    .count(),
            }
        })
        .collect();
    let filed = lines.len();
    let late = lines.iter().filter(|l| l.late).count();
    let overdue = today > due;
    let missing = filing::missing(db, period)?;
    let not_filed = missing.len();
    lines.extend(missing.into_iter().map(|m| FilingLine {
        branch: m.branch,
        status: if overdue {
            LineStatus::Missing
        } else {
            LineStatus::Awaited
        },
        late: false,
        filing: None,
        received_on: None,
        last_filed: m.last_filed,
        reviews: 0,
        open_reviews: 0,
        roster_scheme: None,
    }));
    Ok(FilingsView {
        period: period.to_string(),
        due,
        expected: lines.len(),
        filed,
        late,
        missing: if overdue { not_filed } else { 0 },
        awaited: if overdue { 0 } else { not_filed },
        lines,
    })
}

impl FilingsView {
    /// Filings received and not posted yet (what `filing publish` would post).
    pub fn unposted(&self) -> usize {
        self.lines
            .iter()
            .filter(|l| l.status == LineStatus::Filed(DeskState::Received))
            .count()
    }
}

/// The last day of a publication window posted on `on` for `days` working
/// days of the committee's calendar (what `filing publish` would post).
pub fn window_end(db: &Path, on: NaiveDate, days: u32) -> Result<NaiveDate> {
    Ok(Calendar::for_db(db)?.add_working_days(on, days))
}
