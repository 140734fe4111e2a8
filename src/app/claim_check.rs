//! Checking a claim before it is written: one set of rules for a claim typed
//! at the console, added on the command line, or read from an import file.
//! The checker borrows the claim's text and remembers periods and dates it has
//! already read, so that a million imported claims copy nothing to be checked.

use super::{ClaimDraft, ClaimError};
use crate::domain::model::{ClaimSource, Member, MemberStatus, Outcome, PeriodId};
use crate::domain::scheme::Scheme;
use crate::store::{claim_rows::Line, NewClaim};
use foldhash::{HashMap, HashMapExt};

/// A claim's fields as given, borrowed.
#[derive(Debug, Clone, Copy)]
pub struct ClaimFields<'a> {
    pub member_id: i64,
    pub item: &'a str,
    pub level: Option<&'a str>,
    pub count: i64,
    pub points: Option<f64>,
    pub date: Option<&'a str>,
    pub note: Option<&'a str>,
    pub evidence: Option<&'a str>,
    pub period: Option<&'a str>,
    pub source: ClaimSource,
    /// Already decided (history): approved or rejected.
    pub verdict: Option<Outcome>,
    pub reason: Option<&'a str>,
}

impl ClaimDraft {
    /// The draft's fields, borrowed.
    pub fn fields(&self) -> ClaimFields<'_> {
        ClaimFields {
            member_id: self.member_id,
            item: &self.item,
            level: self.level.as_deref(),
            count: self.count,
            points: self.points,
            date: self.date.as_deref(),
            note: self.note.as_deref(),
            evidence: self.evidence.as_deref(),
            period: self.period.as_deref(),
            source: self.source,
            verdict: self.verdict,
            reason: self.reason.as_deref(),
        }
    }
}

/// A claim that passed the checks: priced, its period known, text trimmed.
#[derive(Debug, Clone, Copy)]
pub struct CheckedClaim<'a> {
    pub member_id: i64,
    pub period: PeriodId,
    pub item: &'a str,
    pub level: Option<&'a str>,
    pub count: i64,
    pub points: f64,
    pub date: Option<&'a str>,
    pub note: Option<&'a str>,
    pub evidence: Option<&'a str>,
    pub source: ClaimSource,
    pub verdict: Option<Outcome>,
    pub reason: Option<&'a str>,
}

/// Trimmed, and `None` when nothing is left.
fn clean(s: Option<&str>) -> Option<&str> {
    s.map(str::trim).filter(|v| !v.is_empty())
}

impl<'a> CheckedClaim<'a> {
    /// The claim's journal line; `period` is its period written out.
    pub fn line<'b>(&self, period: &'b str) -> Line<'b>
    where
        'a: 'b,
    {
        Line {
            member_id: self.member_id,
            period,
            item: self.item,
            level: self.level,
            count: self.count,
            points: self.points,
            date: self.date,
            note: self.note,
            evidence: self.evidence,
            source: self.source.code(),
            verdict: self.verdict.map(|o| o.status().code()),
            reason: self.reason,
        }
    }

    /// The claim in the ledger's owned form (id not yet given).
    pub fn to_new_claim(&self) -> NewClaim {
        let owned = |s: Option<&str>| s.map(String::from);
        NewClaim {
            id: 0,
            member_id: self.member_id,
            period: self.period.to_string(),
            item: self.item.to_string(),
            level: owned(self.level),
            count: self.count,
            points: self.points,
            date: owned(self.date),
            note: owned(self.note),
            evidence: owned(self.evidence),
            source: self.source,
            verdict: self.verdict.map(Outcome::status),
            reason: owned(self.reason),
        }
    }
}

/// Checks claims against one scheme and roster. It holds no database, so
/// that an import can check on several threads.
pub struct ClaimChecker<'l> {
    scheme: &'l Scheme,
    /// Ordered by id (as `Ledger::members` gives them).
    members: &'l [Member],
    /// Where claims without a period go.
    current: Option<PeriodId>,
    periods: HashMap<String, PeriodId>,
    dates: HashMap<String, chrono::NaiveDate>,
}

impl<'l> ClaimChecker<'l> {
    pub fn new(scheme: &'l Scheme, members: &'l [Member], current: Option<PeriodId>) -> Self {
        ClaimChecker {
            scheme,
            members,
            current,
            periods: HashMap::new(),
            dates: HashMap::new(),
        }
    }

    /// Check one claim; the error says what is wrong and in which field.
    /// The item may be given by its code or its title (无偿献血), the level
    /// by its code or Chinese name (省级): the claim keeps the codes.
    pub fn check<'a>(&mut self, d: &ClaimFields<'a>) -> Result<CheckedClaim<'a>, ClaimError>
    where
        'l: 'a,
    {
        let members = self.members;
        let m = members
            .binary_search_by_key(&d.member_id, |m| m.id)
            .ok()
            .map(|i| &members[i])
            .or_else(|| members.iter().find(|m| m.id == d.member_id))
            .ok_or(ClaimError::NoMember(d.member_id))?;
        if m.status == MemberStatus::Exempt {
            return Err(ClaimError::Exempt(m.name.to_string()));
        }
        let period = match clean(d.period) {
            Some(p) => self.period(p)?,
            None => self.current.ok_or(ClaimError::NoPeriod)?,
        };
        if let Some(date) = clean(d.date) {
            let day = self.date(date)?;
            let (first, last) = period.bounds();
            if day < first || day > last {
                return Err(ClaimError::DateOutside {
                    date: date.to_string(),
                    period: period.to_string(),
                    first: first.to_string(),
                    last: last.to_string(),
                });
            }
        }
        let scheme: &'a Scheme = self.scheme;
        let item = scheme.item_code(d.item);
        let level = clean(d.level).map(crate::domain::model::level_code);
        let points = scheme.price_claim(item, level, d.count, d.points)?;
        if let Some(Outcome::Adjusted) = d.verdict {
            return Err(ClaimError::ImportedAdjusted);
        }
        if d.verdict == Some(Outcome::Rejected) && clean(d.reason).is_none() {
            return Err(ClaimError::RejectedNeedsReason);
        }
        Ok(CheckedClaim {
            member_id: d.member_id,
            period,
            item,
            level,
            count: d.count,
            points,
            date: clean(d.date),
            note: clean(d.note),
            evidence: clean(d.evidence),
            source: d.source,
            verdict: d.verdict,
            reason: clean(d.reason),
        })
    }

    fn period(&mut self, p: &str) -> Result<PeriodId, ClaimError> {
        if let Some(id) = self.periods.get(p) {
            return Ok(*id);
        }
        let id: PeriodId = p.parse().map_err(ClaimError::BadPeriod)?;
        self.periods.insert(p.to_string(), id);
        Ok(id)
    }

    fn date(&mut self, date: &str) -> Result<chrono::NaiveDate, ClaimError> {
        if let Some(day) = self.dates.get(date) {
            return Ok(*day);
        }
        let day = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d")
            .map_err(|_| ClaimError::BadDate(date.to_string()))?;
        self.dates.insert(date.to_string(), day);
        Ok(day)
    }
}
