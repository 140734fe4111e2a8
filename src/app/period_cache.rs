//! What a period's ranking reads (kept scores, pending counts, confirmations),
//! held between rankings. The console re-ranks after every key press and most
//! presses change one member: that member is read again, not the whole period.
//! Another connection's commit (a new `data_version`) drops the cache.

use super::{Ledger, Result};
use crate::domain::model::ConfirmState;
use crate::domain::scheme::Window;
use crate::domain::scoring::Breakdown;
use crate::store::{queries, totals, Event};
use std::collections::HashMap;
use std::sync::Arc;

/// The database side of one period's ranking.
#[derive(Debug, Clone, Default)]
pub(crate) struct PeriodInputs {
    /// Kept scores in member id order (members without entries are absent).
    pub scores: Vec<(i64, Breakdown)>,
    pub pending: HashMap<i64, usize>,
    pub confirmations: HashMap<i64, (ConfirmState, Option<String>)>,
}

/// The inputs of the period last ranked, and when they were read.
#[derive(Debug)]
pub(crate) struct PeriodCache {
    branch: i64,
    period: String,
    version: i64,
    inputs: Arc<PeriodInputs>,
}

impl Ledger {
    /// The inputs of `period`'s ranking: from the cache when nothing changed since.
    pub(crate) fn period_inputs(&self, period: &str) -> Result<Arc<PeriodInputs>> {
        let version = self.data_version()?;
        if let Some(c) = self.period_cache.borrow().as_ref() {
            if c.branch == self.branch.id && c.period == period && c.version == version {
                return Ok(c.inputs.clone());
            }
        }
        let (conn, branch) = (self.conn(), self.branch.id);
        let inputs = Arc::new(PeriodInputs {
            scores: totals::period_scores(conn, branch, period)?,
            pending: queries::pending_counts(conn, branch, period)?,
            confirmations: queries::confirmations(conn, branch, period)?,
        });
        *self.period_cache.borrow_mut() = Some(PeriodCache {
            branch,
            period: period.to_string(),
            version,
            inputs: inputs.clone(),
        });
        Ok(inputs)
    }

    /// After this connection journalled `events`: read again the members they
    /// touched, or drop the cache when they may have moved more.
    pub(crate) fn update_period_cache(&self, events: &[Event]) {
        let Some(mut cache) = self.period_cache.borrow_mut().take() else {
            return;
        };
        if cache.branch != self.branch.id {
            return;
        }
        let mut touched = Vec::new();
        for ev in events {
            match self.touched_by(ev, &mut touched) {
                Ok(true) => {}
                _ => return,
            }
        }
        let ytd = self.scheme().window == Window::Ytd;
        for (period, member) in touched {
            if period != cache.period {
                if ytd {
                    return; // an earlier quarter's entries move this one too
                }
                continue;
            }
            if self
                .reread_member(Arc::make_mut(&mut cache.inputs), &period, member)
                .is_err()
            {
                return;
            }
        }
        *self.period_cache.borrow_mut() = Some(cache);
    }

    /// Add the (period, member) pairs `ev` changes; false when it may change more.
    fn touched_by(&self, ev: &Event, out: &mut Vec<(String, i64)>) -> Result<bool> {
        match ev {
            Event::Verdict { claim, .. } | Event::ClaimWithdraw { claim } => {
                match queries::claim(self.conn(), *claim)? {
                    Some(c) => out.push((c.period, c.member_id)),
                    None => return Ok(false),
                }
            }
            Event::ClaimsAdd { claims, .. } => {
                out.extend(claims.iter().map(|c| (c.period.clone(), c.member_id)))
            }
            Event::Confirm {
                period, member_id, ..
            }
            | Event::Attendance {
                period, member_id, ..
            } => out.push((period.clone(), *member_id)),
            Event::Undo { restore, .. } => return self.touched_by(restore, out),
            Event::SettingSet { .. }
            | Event::FollowUpDone { .. }
            | Event::AppealFile { .. }
            | Event::MeetingSet { .. } => {}
            _ => return Ok(false),
        }
        Ok(true)
    }

    fn reread_member(&self, inputs: &mut PeriodInputs, period: &str, member: i64) -> Result<()> {
        let (conn, branch) = (self.conn(), self.branch.id);
        let at = inputs.scores.binary_search_by_key(&member, |(id, _)| *id);
        match (totals::member_score(conn, branch, period, member)?, at) {
            (Some(b), Ok(i)) => inputs.scores[i].1 = b,
            (Some(b), Err(i)) => inputs.scores.insert(i, (member, b)),
            (None, Ok(i)) => {
                inputs.scores.remove(i);
            }
            (None, Err(_)) => {}
        }
        match queries::pending_count(conn, branch, period, member)? {
            0 => inputs.pending.remove(&member),
            n => inputs.pending.insert(member, n),
        };
        match queries::confirmation(conn, branch, period, member)? {
            Some(c) => inputs.confirmations.insert(member, c),
            None => inputs.confirmations.remove(&member),
        };
        Ok(())
    }
}
