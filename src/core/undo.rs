//! Undo: the last action is put back by new journal events, never by a delete.

use super::{user, Ledger, Result};
use crate::store::{queries, Event};
use std::collections::HashSet;

impl Ledger {
    /// Undo the most recent action that can be undone; returns what was undone.
    pub fn undo_last(&mut self) -> Result<String> {
        self.write(|l| {
            // Bulk imports are not undone (and not parsed): their payload comes back empty.
            let mut undone: HashSet<i64> = HashSet::new();
            let mut target_at: Option<String> = None;
            let mut restores: Vec<(i64, Event)> = Vec::new();
            let mut what = Vec::new();
            let mut failure: Option<super::CoreError> = None;
            queries::each_recent_event(l.conn(), 500, 64 * 1024, |seq, at, payload| {
                if payload.is_empty() {
                    return false;
                }
                // The action to undo is everything journalled at one instant.
                if target_at.as_ref().is_some_and(|t| *t != at) {
                    return false;
                }
                let ev: Event = match serde_json::from_str(payload) {
                    Ok(ev) => ev,
                    Err(e) => {
                        failure = Some(super::CoreError::User(format!(
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
                let restore = match &ev {
                    Event::Verdict {
                        claim,
                        prev: Some(p),
                        ..
                    } => {
                        what.push(format!("verdict on claim {claim}"));
                        Some((**p).clone())
                    }
                    Event::Confirm {
                        member_id,
                        prev: Some(p),
                        ..
                    } => {
                        what.push(format!("confirmation of member {member_id}"));
                        Some((**p).clone())
                    }
                    Event::Attendance {
                        member_id,
                        prev: Some(p),
                        ..
                    } => {
                        what.push(format!("roll-call mark of member {member_id}"));
                        Some((**p).clone())
                    }
                    Event::ClaimsAdd { claims, .. }
                        if claims.len() <= super::commands::UNDOABLE_CLAIMS =>
                    {
                        for c in claims.iter().rev() {
                            restores.push((seq, Event::ClaimWithdraw { claim: c.id }));
                            what.push(format!("new claim {}", c.id));
                        }
                        target_at = Some(at);
                        return true;
                    }
                    Event::Lock { period, .. } => {
                        if target_at.is_none() {
                            failure = Some(super::CoreError::User(format!(
                                "nothing to undo: period {period} is locked"
                            )));
                        }
                        return false;
                    }
                    Event::PeriodOpen { .. }
                    | Event::BranchInit { .. }
                    | Event::ClaimsAdd { .. }
                    | Event::ClaimsBatch { .. } => return false,
                    _ => None,
                };
                if let Some(r) = restore {
                    restores.push((seq, r));
                    target_at = Some(at);
                }
                true
            })?;
            if let Some(e) = failure {
                return Err(e);
            }
            if restores.is_empty() {
                return user("nothing to undo");
            }
            let events: Vec<Event> = restores
                .into_iter()
                .map(|(of, r)| Event::Undo {
                    of,
                    restore: Box::new(r),
                })
                .collect();
            l.journal(&events)?;
            Ok(what.join(", "))
        })
    }
}
