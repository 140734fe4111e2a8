//! Undo: the last action is put back by new journal events, never by a delete.

use super::{user, Ledger, Result};
use crate::store::{queries, Event};
use std::collections::HashSet;

impl Ledger {
    /// Undo the most recent action that can be undone; returns what was undone.
    pub fn undo_last(&mut self) -> Result<String> {
        // Bulk imports are not undone (and not parsed): their payload comes back empty.
        let recent = queries::recent_events(self.conn(), 500, 64 * 1024)?;
        let mut undone: HashSet<i64> = HashSet::new();
        let mut parsed = Vec::new();
        for (seq, at, payload) in recent {
            if payload.is_empty() {
                break;
            }
            let ev: Event = serde_json::from_str(&payload).map_err(|e| {
                super::CoreError::User(format!("journal event {seq} unreadable: {e}"))
            })?;
            if let Event::Undo { of, .. } = &ev {
                undone.insert(*of);
                continue;
            }
            parsed.push((seq, at, ev));
        }
        let mut target_at: Option<String> = None;
        let mut restores: Vec<(i64, Event)> = Vec::new();
        let mut what = Vec::new();
        for (seq, at, ev) in parsed {
            if undone.contains(&seq) {
                continue;
            }
            if let Some(t) = &target_at {
                if *t != at {
                    break;
                }
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
                    target_at = Some(at.clone());
                    continue;
                }
                Event::Lock { period, .. } => {
                    if target_at.is_none() {
                        return user(format!("nothing to undo: period {period} is locked"));
                    }
                    break;
                }
                Event::PeriodOpen { .. }
                | Event::BranchInit { .. }
                | Event::ClaimsAdd { .. }
                | Event::ClaimsBatch { .. } => {
                    if target_at.is_none() {
                        return user("nothing to undo");
                    }
                    break;
                }
                _ => None,
            };
            if let Some(r) = restore {
                restores.push((seq, r));
                target_at = Some(at.clone());
            }
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
        self.journal(&events)?;
        Ok(what.join(", "))
    }
}
