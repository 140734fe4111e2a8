//! Undo: the last action of this branch is put back by new journal events,
//! never by a delete. An action is everything one command journalled (an
//! import of any size is one); a plan says first what an undo will take back,
//! so that the console can ask.

use super::year_grade::{GradeName, YearGradeError};
use super::{CoreError, Ledger, Result};
use crate::store::journal::{self, RecentEvent};
use crate::store::{queries, Event};
use std::collections::HashSet;

/// Which actions an undo may take back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UndoScope {
    /// The branch's last action, whoever journalled it (`jifen undo`).
    Branch,
    /// The branch's last action only if it was journalled through this
    /// ledger (a console session's own).
    Own,
}

/// Events of one branch looked at for the last action.
const LOOK_BACK: i64 = 500;
/// Payloads read with the scan; longer ones (bulk imports) are read alone.
const SCAN_PAYLOAD: i64 = 64 * 1024;

/// One thing an undo takes back (names for the user's words).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UndoStep {
    Verdict {
        claim: i64,
        member: String,
    },
    Confirmation {
        member: String,
    },
    /// A follow-up action ticked done (`action` is the scheme's code).
    FollowUp {
        member: String,
        action: String,
    },
    /// A signature voided by the action is given back with it.
    SignatureBack {
        member: String,
    },
    Mark {
        member: String,
    },
    NewClaim {
        claim: i64,
        member: String,
    },
    /// A redemption of `count` of a gift (its titles as the scheme gives them).
    Redemption {
        member: String,
        count: i64,
        title: String,
        title_zh: Option<String>,
    },
    /// A whole import of claims, numbered `first` on.
    Import {
        first: i64,
        claims: usize,
    },
    /// A final grade of the year recorded (`undone: None`: taken back to the
    /// default), and the grade it gives back (`default`: the scheme's).
    YearGrade {
        member: String,
        year: i32,
        undone: Option<GradeName>,
        back: Option<GradeName>,
        default: bool,
    },
}

/// What an undo will do: the steps in words and the events that do them.
#[derive(Debug, Clone, PartialEq)]
pub struct UndoPlan {
    pub steps: Vec<UndoStep>,
    events: Vec<Event>,
}

impl UndoStep {
    /// The step in English (the command line's words).
    pub fn describe(&self) -> String {
        match self {
            UndoStep::Verdict { claim, .. } => format!("verdict on claim {claim}"),
            UndoStep::Confirmation { member } => format!("confirmation of {member}"),
            UndoStep::SignatureBack { member } => format!("signature of {member} given back"),
            UndoStep::Mark { member } => format!("roll-call mark of {member}"),
            UndoStep::NewClaim { claim, .. } => format!("new claim {claim}"),
            UndoStep::Import { claims, .. } => format!("import of {claims} claims"),
            UndoStep::FollowUp { member, action } => format!("follow-up {action} of {member} done"),
            UndoStep::Redemption {
                member,
                count,
                title,
                ..
            } => format!("redemption of {count} x {title} by {member}"),
            UndoStep::YearGrade {
                member,
                year,
                undone,
                back,
                ..
            } => {
                let code = |g: &Option<GradeName>| {
                    g.as_ref().map_or("default".to_string(), |g| g.code.clone())
                };
                format!(
                    "final grade {} of {member} for {year} (back to {})",
                    code(undone),
                    code(back)
                )
            }
        }
    }
}

impl Ledger {
    /// Undo the branch's most recent action that can be undone; returns what was undone.
    pub fn undo_last(&mut self) -> Result<String> {
        self.write(|l| {
            let plan = l.undo_plan(UndoScope::Branch)?;
            let what: Vec<String> = plan.steps.iter().map(UndoStep::describe).collect();
            l.undo(&plan, UndoScope::Branch)?;
            Ok(what.join(", "))
        })
    }

    /// Carry out a plan made by `undo_plan(scope)`, if it still is the last
    /// action (checked inside the write that journals it).
    pub fn undo(&mut self, plan: &UndoPlan, scope: UndoScope) -> Result<()> {
        self.write(|l| {
            if l.undo_plan(scope)? != *plan {
                return Err(CoreError::UndoStale);
            }
            l.journal(&plan.events)?;
            Ok(())
        })
    }

    /// From now on, only actions journalled through this ledger are its
    /// own (what `UndoScope::Own` may take back): a console session's start.
    pub fn begin_session(&self) {
        self.own_actions.borrow_mut().clear();
    }

    /// The journal's last sequence number.
    pub fn journal_head(&self) -> Result<i64> {
        Ok(journal::head(self.conn())?.0)
    }

    /// What undoing the most recent action of this branch would do (with
    /// `UndoScope::Own`, only if this ledger journalled it).
    pub fn undo_plan(&self, scope: UndoScope) -> Result<UndoPlan> {
        let mut undone: HashSet<i64> = HashSet::new();
        let mut target: Option<i64> = None;
        let mut found: Vec<(i64, Event)> = Vec::new();
        let mut failure: Option<CoreError> = None;
        let branch = self.branch.id;
        journal::each_recent(self.conn(), branch, LOOK_BACK, SCAN_PAYLOAD, |row| {
            // An action's events are journalled together: once past the
            // target's first event, the action is whole.
            if target.is_some_and(|t| t != row.action()) {
                return false;
            }
            let ev = match self.read_event(&row) {
                Ok(ev) => ev,
                Err(e) => {
                    failure = Some(e);
                    return false;
                }
            };
            if row.stamp.is_none() && !self.names_branch(&ev) {
                return true;
            }
            if let Event::Undo { of, .. } = &ev {
                undone.insert(*of);
                return true;
            }
            if undone.contains(&row.seq) {
                return true;
            }
            // A session's undo stops at the first action it did not make.
            if target.is_none()
                && scope == UndoScope::Own
                && !self.own_actions.borrow().contains(&row.action())
            {
                return false;
            }
            match &ev {
                Event::Lock { period, .. } => {
                    if target.is_none() {
                        failure = Some(CoreError::UndoPastLock(period.clone()));
                    }
                    false
                }
                Event::PeriodOpen { .. } | Event::BranchInit { .. } => false,
                // An appraisal's acts are not taken back (counts are
                // recorded again), nor the claims its close posted.
                Event::AppraisalOpen { .. }
                | Event::AppraisalBallots { .. }
                | Event::AppraisalVotes { .. }
                | Event::AppraisalScores { .. }
                | Event::AppraisalPoints { .. }
                | Event::AppraisalClose { .. } => {
                    found.clear();
                    false
                }
                _ if !undoable(&ev) => true,
                _ => {
                    found.push((row.seq, ev));
                    target = Some(row.action());
                    true
                }
            }
        })?;
        if let Some(e) = failure {
            return Err(e);
        }
        let mut steps = Vec::new();
        let mut events = Vec::new();
        for (seq, ev) in found {
            for (step, restore) in self.restores(&ev)? {
                steps.push(step);
                events.push(Event::Undo {
                    of: seq,
                    restore: Box::new(restore),
                });
            }
        }
        if events.is_empty() {
            return Err(CoreError::NothingToUndo);
        }
        Ok(UndoPlan { steps, events })
    }

    /// The event of a journal row (a bulk import's long payload read on its own).
    fn read_event(&self, row: &RecentEvent) -> Result<Event> {
        let long;
        let payload = if row.payload.is_empty() {
            long = journal::payload(self.conn(), row.seq)?;
            &long
        } else {
            &row.payload
        };
        serde_json::from_str(payload).map_err(|e| CoreError::Damaged {
            what: format!("journal event {} ({}): {e}", row.seq, row.kind),
        })
    }

    /// Whether an event journalled before events carried their branch is
    /// about this branch (by the branch, claim or member it names).
    fn names_branch(&self, ev: &Event) -> bool {
        let branch = self.branch.id;
        let claim_here = |id: i64| {
            queries::claim(self.conn(), id)
                .ok()
                .flatten()
                .is_some_and(|c| {
                    self.roster()
                        .is_ok_and(|r| r.binary_search_by_key(&c.member_id, |m| m.id).is_ok())
                })
        };
        match ev {
            Event::Verdict { claim, .. } | Event::ClaimWithdraw { claim } => claim_here(*claim),
            Event::Undo { restore, .. } => self.names_branch(restore),
            Event::BranchInit { branch_id, .. }
            | Event::SettingSet { branch_id, .. }
            | Event::MembersAdd { branch_id, .. }
            | Event::PeriodOpen { branch_id, .. }
            | Event::PeriodState { branch_id, .. }
            | Event::ClaimsAdd { branch_id, .. }
            | Event::ClaimsBatch { branch_id, .. }
            | Event::ClaimsWithdraw { branch_id, .. }
            | Event::Confirm { branch_id, .. }
            | Event::ConfirmVoid { branch_id, .. }
            | Event::Attendance { branch_id, .. }
            | Event::QuorumNoted { branch_id, .. }
            | Event::Lock { branch_id, .. }
            | Event::AppealFile { branch_id, .. }
            | Event::FollowUpDone { branch_id, .. }
            | Event::FollowUpReopen { branch_id, .. }
            | Event::Redeem { branch_id, .. }
            | Event::MeetingSet { branch_id, .. }
            | Event::AppraisalOpen { branch_id, .. }
            | Event::AppraisalBallots { branch_id, .. }
            | Event::AppraisalVotes { branch_id, .. }
            | Event::AppraisalScores { branch_id, .. }
            | Event::AppraisalPoints { branch_id, .. }
            | Event::AppraisalClose { branch_id, .. }
            | Event::ReviewDecision { branch_id, .. }
            | Event::YearGrade { branch_id, .. } => *branch_id == branch,
            Event::RedeemCancel { .. } => false,
            Event::MemberUpdate { member } => self
                .roster()
                .is_ok_and(|r| r.binary_search_by_key(&member.id, |m| m.id).is_ok()),
            Event::AppealReply { .. } => false,
        }
    }

    /// The steps and restoring events that take back one event.
    fn restores(&self, ev: &Event) -> Result<Vec<(UndoStep, Event)>> {
        let name = |id: i64| -> Result<String> {
            Ok(self
                .roster()?
                .iter()
                .find(|m| m.id == id)
                .map(|m| m.name.to_string())
                .unwrap_or_else(|| format!("#{id}")))
        };
        Ok(match ev {
            Event::Verdict {
                claim,
                prev: Some(p),
                ..
            } => {
                let member = name(self.claim(*claim)?.member_id)?;
                let step = UndoStep::Verdict {
                    claim: *claim,
                    member,
                };
                vec![(step, (**p).clone())]
            }
            Event::Confirm {
                member_id,
                prev: Some(p),
                ..
            } => {
                let step = UndoStep::Confirmation {
                    member: name(*member_id)?,
                };
                vec![(step, (**p).clone())]
            }
            Event::ConfirmVoid {
                branch_id,
                period,
                member_id,
                state,
                text,
                ..
            } => {
                let step = UndoStep::SignatureBack {
                    member: name(*member_id)?,
                };
                let back = Event::Confirm {
                    branch_id: *branch_id,
                    period: period.clone(),
                    member_id: *member_id,
                    state: Some(*state),
                    text: text.clone(),
                    prev: None,
                };
                vec![(step, back)]
            }
            Event::Attendance {
                member_id,
                prev: Some(p),
                ..
            } => {
                let step = UndoStep::Mark {
                    member: name(*member_id)?,
                };
                vec![(step, (**p).clone())]
            }
            Event::ClaimsBatch {
                branch_id,
                first_id,
                rows,
                ..
            } => {
                let claims = crate::store::claim_rows::decode(*first_id, rows)
                    .map_err(|what| CoreError::Damaged { what })?
                    .len();
                let step = UndoStep::Import {
                    first: *first_id,
                    claims,
                };
                let back = Event::ClaimsWithdraw {
                    branch_id: *branch_id,
                    first_id: *first_id,
                    count: claims as i64,
                };
                vec![(step, back)]
            }
            Event::ClaimsAdd { claims, .. } => {
                let mut v = Vec::new();
                for c in claims.iter().rev() {
                    let step = UndoStep::NewClaim {
                        claim: c.id,
                        member: name(c.member_id)?,
                    };
                    v.push((step, Event::ClaimWithdraw { claim: c.id }));
                }
                v
            }
            Event::FollowUpDone {
                branch_id,
                scope,
                member_id,
                action,
                ..
            } => {
                let step = UndoStep::FollowUp {
                    member: name(*member_id)?,
                    action: action.clone(),
                };
                let back = Event::FollowUpReopen {
                    branch_id: *branch_id,
                    scope: scope.clone(),
                    member_id: *member_id,
                    action: action.clone(),
                };
                vec![(step, back)]
            }
            Event::Redeem {
                id,
                member_id,
                gift,
                count,
                ..
            } => {
                let g = self.scheme().gifts().iter().find(|g| &g.code == gift);
                let step = UndoStep::Redemption {
                    member: name(*member_id)?,
                    count: *count,
                    title: g.map_or_else(|| gift.clone(), |g| g.title.clone()),
                    title_zh: g.and_then(|g| g.title_zh.clone()),
                };
                vec![(step, Event::RedeemCancel { id: *id })]
            }
            Event::YearGrade {
                year,
                member_id,
                grade,
                prev: Some(p),
                ..
            } => {
                if let Some(period) = self.year_final(*year)? {
                    return Err(YearGradeError::YearFinal {
                        year: *year,
                        period,
                    }
                    .into());
                }
                let scheme = self.scheme();
                let earlier = match &**p {
                    Event::YearGrade { grade, .. } => grade.clone(),
                    _ => None,
                };
                let back = match &earlier {
                    Some(g) => Some(g.clone()),
                    None => self
                        .year_grades(*year)?
                        .of(*member_id)
                        .and_then(|g| g.default_grade.clone()),
                };
                let step = UndoStep::YearGrade {
                    member: name(*member_id)?,
                    year: *year,
                    undone: grade.as_deref().map(|g| GradeName::of(scheme, g)),
                    back: back.as_deref().map(|g| GradeName::of(scheme, g)),
                    default: earlier.is_none(),
                };
                vec![(step, (**p).clone())]
            }
            _ => Vec::new(),
        })
    }
}

/// Whether an undo can put `ev` back (an action of the branch already known).
fn undoable(ev: &Event) -> bool {
    match ev {
        Event::Verdict { prev, .. }
        | Event::Confirm { prev, .. }
        | Event::Attendance { prev, .. }
        | Event::YearGrade { prev, .. } => prev.is_some(),
        Event::ConfirmVoid { .. }
        | Event::ClaimsAdd { .. }
        | Event::ClaimsBatch { .. }
        | Event::FollowUpDone { .. }
        | Event::Redeem { .. } => true,
        _ => false,
    }
}
