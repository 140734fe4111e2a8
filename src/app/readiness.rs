//! What a front end asks before it offers an act: whether a period can be
//! locked now, which period an appeal goes to, which year to show first.
//! The same rules the commands enforce, so that a screen never guesses.

use super::{Ledger, Result};
use crate::domain::model::{PeriodId, PeriodState};
use crate::store::queries;
use chrono::{Datelike, NaiveDate};

/// Whether `lock` would accept a period now, and if not, why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LockReadiness {
    /// Every claim decided and the period still open: the lock may go ahead.
    Ready,
    /// This many claims are still undecided.
    Pending(usize),
    /// The period is already locked, in publication or final.
    Sealed(PeriodState),
    /// The branch has no such period.
    Unknown,
}

impl LockReadiness {
    /// Whether the lock may go ahead.
    pub fn is_ready(self) -> bool {
        self == LockReadiness::Ready
    }
}

/// The state of a period row.
fn state_of(r: &queries::PeriodRow) -> PeriodState {
    r.state
}

impl Ledger {
    /// Whether period `p` can be locked now (what `lock` would say).
    pub fn lock_readiness(&self, p: &PeriodId) -> Result<LockReadiness> {
        let Some(row) = self.period_row(p)? else {
            return Ok(LockReadiness::Unknown);
        };
        let state = state_of(&row);
        if state.is_sealed() {
            return Ok(LockReadiness::Sealed(state));
        }
        let pending = self
            .claims(&super::ClaimFilter {
                period: Some(p.to_string()),
                pending_only: true,
                ..Default::default()
            })?
            .len();
        Ok(match pending {
            0 => LockReadiness::Ready,
            n => LockReadiness::Pending(n),
        })
    }

    /// The sealed periods that are not yet final (locked or in publication),
    /// oldest first: those whose publication and appeals are under way.
    pub fn periods_in_publication(&self) -> Result<Vec<PeriodId>> {
        let mut v: Vec<PeriodId> = self
            .periods()?
            .iter()
            .filter(|r| matches!(state_of(r), PeriodState::Locked | PeriodState::Published))
            .filter_map(|r| r.id.parse().ok())
            .collect();
        v.sort();
        Ok(v)
    }

    /// The period an appeal filed on `today` goes to by default: the latest
    /// one locked or in publication whose window has not closed by `today`.
    pub fn appealable_period(&self, today: NaiveDate) -> Result<Option<PeriodId>> {
        for p in self.periods_in_publication()?.into_iter().rev() {
            let pb = self.publication(&p, today)?;
            if pb.window_end.is_none_or(|end| today <= end) {
                return Ok(Some(p));
            }
        }
        Ok(None)
    }

    /// The year a year view opens on: the current period's year, else
    /// `today`'s year when the branch has no period yet.
    pub fn default_year(&self, today: NaiveDate) -> Result<i32> {
        Ok(self
            .current_period()?
            .map(|p| p.year)
            .unwrap_or_else(|| today.year()))
    }
}
