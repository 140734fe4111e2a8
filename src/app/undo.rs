//! Undo: the last action is put back by new journal events, never by a delete.
//! A plan says first what an undo will take back, so that the console can ask.

use super::{CoreError, Ledger, Result};
use crate::store::{queries, Event};
use std::collections::HashSet;

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
            UndoStep::FollowUp { member, action } => format!("follow-up {action} of {member} done"),
        }
    }
}

impl Ledger {
    /// Undo the most recent action that can be undone; returns what was undone.
    pub fn undo_last(&mut self) -> Result<String> {
        self.write(|l| {
            let plan = l.undo_plan(None)?;
            let what: Vec<String> = plan.steps.iter().map(UndoStep::describe).collect();
            l.undo(&plan, None)?;
            Ok(what.join(", "))
        })
    }

    /// Carry out a plan made by `undo_plan(since)`, if it still is the last
    /// action (checked inside the write that journals it).
    pub fn undo(&mut self, plan: &UndoPlan, since: Option<i64>) -> Result<()> {
        self.write(|l| {
            if l.undo_plan(since)? != *plan {
                return Err(CoreError::UndoStale);
            }
            l.journal(&plan.events)?;
            Ok(())
        })
    }

    /// The journal's last sequence number: an undo limited to actions after it
    /// never reaches what was done before (a console session's start).
    pub fn journal_head(&self) -> Result<i64> {
        Ok(crate::store::journal::head(self.conn())?.0)
    }

    /// What undoing the most recent action of this branch would do; with
    /// `since`, only actions journalled after that sequence number count.
    pub fn undo_plan(&self, since: Option<i64>) -> Result<UndoPlan> {
        // Bulk imports are not undone (and not parsed): their payload comes back empty.
        let mut undone: HashSet<i64> = HashSet::new();
        let mut target_at: Option<String> = None;
        let mut found: Vec<(i64, Event)> = Vec::new();
        let mut failure: Option<CoreError> = None;
        queries::each_recent_event(self.conn(), 500, 64 * 1024, |seq, at, payload| {
            if payload.is_empty() || since.is_some_and(|s| seq <= s) {
                return false;
            }
            // The action to undo is everything journalled at one instant.
            if target_at.as_ref().is_some_and(|t| *t != at) {
                return false;
            }
            let ev: Event = match serde_json::from_str(payload) {
                Ok(ev) => ev,
                Err(e) => {
                    failure = Some(CoreError::User(format!(
                        "journal event {seq} unreadable: {e}"
                    )));
                    return false;
                }
            };
            if let Event::Undo { of, .. } = &ev {
                undone.insert(*of);
                return true;
            }
            if undone.contains(&seq) {
                return true;
            }
            match &ev {
                Event::Lock { period, .. } => {
                    if target_at.is_none() {
                        failure = Some(CoreError::UndoPastLock(period.clone()));
                    }
                    false
                }
                Event::PeriodOpen { .. } | Event::BranchInit { .. } | Event::ClaimsBatch { .. } => {
                    false
                }
                Event::ClaimsAdd { claims, .. }
                    if claims.len() > super::commands::UNDOABLE_CLAIMS =>
                {
                    false
                }
                _ if !self.undoable(&ev) => true,
                _ => {
                    found.push((seq, ev));
                    target_at = Some(at);
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

    /// Whether `ev` is an action of this branch that an undo can put back.
    fn undoable(&self, ev: &Event) -> bool {
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
            Event::Verdict { claim, prev, .. } => prev.is_some() && claim_here(*claim),
            Event::Confirm {
                branch_id, prev, ..
            }
            | Event::Attendance {
                branch_id, prev, ..
            } => *branch_id == branch && prev.is_some(),
            Event::ConfirmVoid { branch_id, .. }
            | Event::ClaimsAdd { branch_id, .. }
            | Event::FollowUpDone { branch_id, .. } => *branch_id == branch,
            _ => false,
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
                    state: Some(state.clone()),
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
            _ => Vec::new(),
        })
    }
}
