//! Roll call: marks, the claims a mark makes under the scheme, and the
//! withdrawal of such a claim when the mark is corrected.

use super::{Ledger, Result};
use crate::app::ClaimDraft;
use crate::domain::model::{Attendance, ClaimStatus, PeriodId};
use crate::store::queries::{self, Numbered};
use crate::store::Event;

/// What a roll-call mark did besides the mark: the claim it made, the claim
/// of the earlier mark it withdrew.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MarkOutcome {
    pub claim: Option<i64>,
    pub withdrawn: Option<i64>,
}

/// What the note of a claim made by a roll-call mark starts with.
const MARK_NOTE: &str = "roll call: ";

/// The note on a claim made by a roll-call mark (how the mark finds it again).
fn mark_note(mark: &str) -> String {
    format!("{MARK_NOTE}{mark}")
}

/// The mark a claim's note says made it (`roll call: absent`), so that a
/// front end can say it in its own language; `None` for a member's own note.
pub fn roll_call_mark(note: &str) -> Option<Attendance> {
    note.strip_prefix(MARK_NOTE)?.parse().ok()
}

impl Ledger {
    /// Mark attendance at roll call. Where the scheme has an item for the mark,
    /// a pending claim is added for the committee to confirm; a claim an
    /// earlier mark made is withdrawn when the mark changes. One write: the
    /// claim's id is taken inside it.
    pub fn mark_attendance(
        &mut self,
        member_id: i64,
        period: &PeriodId,
        mark: Attendance,
    ) -> Result<MarkOutcome> {
        self.write(|l| {
            l.writable_period(period)?;
            let p = period.to_string();
            let before = queries::attendance(l.conn(), l.branch.id, &p)?.remove(&member_id);
            let mut events = vec![Event::Attendance {
                branch_id: l.branch.id,
                period: p.clone(),
                member_id,
                mark: Some(mark),
                prev: Some(Box::new(Event::Attendance {
                    branch_id: l.branch.id,
                    period: p.clone(),
                    member_id,
                    mark: before,
                    prev: None,
                })),
            }];
            let mut out = MarkOutcome::default();
            if before == Some(mark) {
                l.journal(&events)?;
                return Ok(out);
            }
            if let Some(old) = before {
                if let Some(c) = l.claim_made_by_mark(member_id, &p, old.code())? {
                    out.withdrawn = Some(c.id);
                    events.push(Event::Verdict {
                        claim: c.id,
                        status: ClaimStatus::Withdrawn,
                        points: c.points,
                        reason: None,
                        by: l.actor.clone(),
                        prev: Some(Box::new(Event::Verdict {
                            claim: c.id,
                            status: c.status,
                            points: c.points,
                            reason: c.reason.clone(),
                            by: l.actor.clone(),
                            prev: None,
                        })),
                    });
                }
            }
            if let Some(code) = l.mark_item(mark.code()) {
                let members = l.members()?;
                let mut d = ClaimDraft::new(member_id, &code);
                d.period = Some(p.clone());
                d.note = Some(mark_note(mark.code()));
                let mut c = l.check_claim(&d, &members)?;
                c.id = queries::next_id(l.conn(), Numbered::Claim)?;
                out.claim = Some(c.id);
                events.push(Event::ClaimsAdd {
                    branch_id: l.branch.id,
                    claims: vec![c],
                });
            }
            l.journal(&events)?;
            Ok(out)
        })
    }

    /// The scheme's item a roll-call mark turns into, if any.
    fn mark_item(&self, mark: &str) -> Option<String> {
        self.scheme()
            .items
            .iter()
            .find(|i| i.attendance.as_deref() == Some(mark))
            .map(|i| i.code.clone())
    }

    /// The claim that roll-call mark `mark` made for a member, if it stands.
    fn claim_made_by_mark(
        &self,
        member_id: i64,
        period: &str,
        mark: &str,
    ) -> Result<Option<crate::domain::model::Claim>> {
        let Some(code) = self.mark_item(mark) else {
            return Ok(None);
        };
        let note = mark_note(mark);
        Ok(
            queries::claims(self.conn(), self.branch.id, Some(period), Some(member_id))?
                .into_iter()
                .filter(|c| c.item == code && c.note.as_deref() == Some(note.as_str()))
                .filter(|c| c.status != ClaimStatus::Withdrawn)
                .max_by_key(|c| c.id),
        )
    }
}
