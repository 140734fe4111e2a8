//! Checking a claim before it is written: one set of rules for a claim typed
//! at the console, added on the command line, or read from an import file.
//! The checker reads a `ClaimDraft` with borrowed text and gives the claim's
//! journal line (`store::claim_rows::Line`), borrowing the same text; it
//! remembers periods and dates it has already read, so that a million
//! imported claims copy nothing to be checked.

use super::{ClaimDraft, ClaimError};
use crate::domain::model::{Member, MemberStatus, Outcome, PeriodId};
use crate::domain::scheme::Scheme;
use crate::store::claim_rows::Line;
use foldhash::{HashMap, HashMapExt};

/// Trimmed, and `None` when nothing is left.
fn clean(s: Option<&str>) -> Option<&str> {
    s.map(str::trim).filter(|v| !v.is_empty())
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
    /// A checker for `scheme` and `members` (ordered by id); claims without
    /// a period go to `current`.
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
    pub fn check<'a>(&mut self, d: &ClaimDraft<&'a str>) -> Result<Line<'a>, ClaimError>
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
        Ok(Line {
            member_id: d.member_id,
            period,
            item,
            level,
            count: d.count,
            claimed: points,
            date: clean(d.date),
            note: clean(d.note),
            evidence: clean(d.evidence),
            source: d.source,
            verdict: d.verdict.map(Outcome::status),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::{Category, ClaimSource, ClaimStatus};

    fn member(id: i64, name: &str) -> Member {
        Member {
            id,
            name: name.into(),
            category: Category::Full,
            tier: None,
            group: None,
            status: MemberStatus::Active,
        }
    }

    #[test]
    fn a_typed_draft_and_an_import_row_check_into_the_same_line() {
        let (scheme, _) = Scheme::builtin("bureau-80").expect("scheme");
        let members = [member(1, "李秀英"), member(2, "马超")];
        let current = "2026Q4".parse().ok();
        let mut checker = ClaimChecker::new(&scheme, &members, current);
        // As the console or `claim add` gives it: owned text, a title and a
        // Chinese level name, padding.
        let mut typed = ClaimDraft::new(1, "工作在会议发言交流");
        typed.level = Some("省级".into());
        typed.note = Some("  在市委会议上发言 ".into());
        typed.period = Some("2026q4".into());
        typed.verdict = Some(Outcome::Approved);
        typed.source = ClaimSource::Import;
        // As an import row gives it: text borrowed from the file's cells.
        let row = ClaimDraft {
            member_id: 1,
            item: "work.speech",
            level: Some("province"),
            count: 1,
            points: None,
            date: None,
            note: Some("在市委会议上发言"),
            evidence: None,
            period: Some("2026Q4"),
            source: ClaimSource::Import,
            verdict: Some(Outcome::Approved),
            reason: None,
        };
        let a = checker.check(&typed.borrowed()).expect("typed");
        let b = checker.check(&row).expect("row");
        assert_eq!(a, b);
        // 工作在会议发言交流 at a provincial meeting: 5 points (bureau-80).
        assert_eq!(
            (a.item, a.level, a.claimed),
            ("work.speech", Some("province"), 5.0)
        );
        assert_eq!(a.period.to_string(), "2026Q4");
        assert_eq!(a.verdict, Some(ClaimStatus::Approved));
        // Stored and read back as a line, the claim is the same claim.
        let stored = a.to_new_claim();
        assert_eq!(stored.note.as_deref(), Some("在市委会议上发言"));
        assert_eq!(Line::of(&stored), Ok(a));
    }

    #[test]
    fn a_refused_claim_without_a_reason_is_not_checked() {
        let (scheme, _) = Scheme::builtin("bureau-80").expect("scheme");
        let members = [member(2, "马超")];
        let mut checker = ClaimChecker::new(&scheme, &members, "2026Q4".parse().ok());
        let mut d = ClaimDraft::new(2, "无偿献血");
        d.verdict = Some(Outcome::Rejected);
        d.reason = Some("   ".into());
        assert!(matches!(
            checker.check(&d.borrowed()),
            Err(ClaimError::RejectedNeedsReason)
        ));
    }
}
