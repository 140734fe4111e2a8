//! Queries and the lease the secretary's console needs beyond the shared views.

use super::{Ledger, Result, StatementLine};
use crate::domain::model::{ConfirmState, PeriodId};
use crate::store::{lease, queries};
use std::collections::HashMap;

/// Seconds without a heartbeat after which a console lease counts as abandoned.
pub const LEASE_STALE_SECS: i64 = 30;

/// Who holds the console of a database, for the "held by" message.
pub use crate::store::lease::LeaseRow as LeaseHolder;

/// A console's claim on a database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsoleLease {
    pub holder: String,
    pub pid: i64,
    /// The abandoned lease this one replaced, if any (to say why it could).
    pub took_over: Option<HeldLease>,
}

/// Whether a lease another console holds still binds, and why not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LeaseState {
    /// Its holder beat `silent_secs` seconds ago: that console is in use.
    Live { silent_secs: i64 },
    /// No heartbeat for `silent_secs` seconds (`None`: an unreadable one),
    /// at least the stale limit: its console died.
    Stale { silent_secs: Option<i64> },
    /// Held from this user and machine by a process that no longer runs.
    ProcessGone,
}

/// A lease held by another console, with its state when it was looked at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldLease {
    pub row: LeaseHolder,
    pub state: LeaseState,
}

/// The state of `row` for a console of `holder` at `now`.
fn state_of(row: &LeaseHolder, holder: &str, now: chrono::DateTime<chrono::Utc>) -> LeaseState {
    if gone_here(row, holder) {
        return LeaseState::ProcessGone;
    }
    let silent = chrono::DateTime::parse_from_rfc3339(&row.heartbeat)
        .ok()
        .map(|t| (now - t.with_timezone(&chrono::Utc)).num_seconds());
    match silent {
        Some(s) if s < LEASE_STALE_SECS => LeaseState::Live { silent_secs: s },
        s => LeaseState::Stale { silent_secs: s },
    }
}

fn utc_now() -> String {
    chrono::Utc::now().to_rfc3339()
}

/// Whether the lease was held from this user and machine by a process that
/// no longer runs (its terminal died): the database is free at once, without
/// waiting for the heartbeat to go stale.
fn gone_here(row: &LeaseHolder, holder: &str) -> bool {
    row.holder == holder && i64::from(std::process::id()) != row.pid && !process_alive(row.pid)
}

#[cfg(unix)]
fn process_alive(pid: i64) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    // SAFETY: signal 0 checks that the process exists and sends nothing.
    let r = unsafe { libc::kill(pid, 0) };
    r == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

#[cfg(not(unix))]
fn process_alive(_pid: i64) -> bool {
    true
}

impl Ledger {
    /// A member's claims in a period with item titles, without computing a ranking.
    pub fn member_lines(
        &self,
        member_id: i64,
        p: &PeriodId,
        zh: bool,
    ) -> Result<Vec<StatementLine>> {
        let claims = queries::claims(
            self.conn(),
            self.branch.id,
            Some(&p.to_string()),
            Some(member_id),
        )?;
        Ok(claims
            .into_iter()
            .map(|c| {
                let item = self.scheme().item(&c.item);
                StatementLine {
                    title: item
                        .map(|i| i.title_in(zh).to_string())
                        .unwrap_or_else(|| c.item.clone()),
                    kind: item.map(|i| i.kind.code().to_string()).unwrap_or_default(),
                    public: item.is_some_and(|i| i.public),
                    claim: c,
                }
            })
            .collect())
    }

    /// Take the console lease; `Ok(Err(held))` when another live console
    /// holds it. A stale lease or one whose process is gone is taken over,
    /// and the new lease says which it replaced.
    pub fn take_console_lease(
        &self,
        holder: &str,
    ) -> Result<std::result::Result<ConsoleLease, HeldLease>> {
        let pid = i64::from(std::process::id());
        let now = chrono::Utc::now();
        let seen: std::cell::RefCell<Option<HeldLease>> = std::cell::RefCell::new(None);
        let held = lease::take(self.conn(), holder, pid, &now.to_rfc3339(), |row| {
            let state = state_of(row, holder, now);
            *seen.borrow_mut() = Some(HeldLease {
                row: row.clone(),
                state,
            });
            matches!(state, LeaseState::Live { .. })
        })?;
        let seen = seen.into_inner();
        Ok(match (held, seen) {
            (Some(_), Some(h)) => Err(h),
            (Some(row), None) => Err(HeldLease {
                state: state_of(&row, holder, now),
                row,
            }),
            (None, took_over) => Ok(ConsoleLease {
                holder: holder.to_string(),
                pid,
                took_over,
            }),
        })
    }

    /// The console that holds this database now, if one does (a fresh lease
    /// whose process still runs).
    pub fn console_holder(&self) -> Result<Option<LeaseHolder>> {
        let now = chrono::Utc::now();
        Ok(lease::read(self.conn())?
            .filter(|row| matches!(state_of(row, &row.holder, now), LeaseState::Live { .. })))
    }

    /// Refresh the lease heartbeat; false when another console has taken it over.
    pub fn beat_console_lease(&self, l: &ConsoleLease) -> Result<bool> {
        Ok(lease::beat(self.conn(), &l.holder, l.pid, &utc_now())?)
    }

    /// Give the console lease back.
    pub fn release_console_lease(&self, l: &ConsoleLease) -> Result<()> {
        Ok(lease::release(self.conn(), &l.holder, l.pid)?)
    }
}

impl Ledger {
    /// The period's ranking rows in roster order, the order the review walks:
    /// a verdict moves a member's rank, never their place in the walk.
    pub fn review_rows(&self, p: &PeriodId) -> Result<Vec<super::RankRow>> {
        let mut rows = self.ranking(&super::RankScope::Period(*p))?.rows;
        rows.sort_by_key(|r| r.member_id);
        Ok(rows)
    }

    /// Members whose signature of a period was voided by a later change to
    /// their total and who have not signed again.
    pub fn voided_signatures(&self, p: &PeriodId) -> Result<std::collections::HashSet<i64>> {
        Ok(crate::store::signing::voided(
            self.conn(),
            self.branch.id,
            &p.to_string(),
        )?)
    }

    /// A member's confirmation of a period: (`confirmed`|`disputed`, their words).
    pub fn confirmation_of(
        &self,
        member_id: i64,
        p: &PeriodId,
    ) -> Result<Option<(ConfirmState, Option<String>)>> {
        Ok(self.confirmations(p)?.remove(&member_id))
    }

    /// Every standing confirmation of a period, by member: (state, their words).
    pub fn confirmations(
        &self,
        p: &PeriodId,
    ) -> Result<HashMap<i64, (ConfirmState, Option<String>)>> {
        Ok(queries::confirmations(
            self.conn(),
            self.branch.id,
            &p.to_string(),
        )?)
    }
}

/// The period after `p` of the same kind (2026Q4 -> 2027Q1).
pub fn next_period(p: &PeriodId) -> PeriodId {
    use crate::domain::model::PeriodKind;
    match p.kind {
        PeriodKind::Quarter(4) => PeriodId {
            year: p.year + 1,
            kind: PeriodKind::Quarter(1),
        },
        PeriodKind::Quarter(q) => PeriodId {
            year: p.year,
            kind: PeriodKind::Quarter(q + 1),
        },
        PeriodKind::Half(2) => PeriodId {
            year: p.year + 1,
            kind: PeriodKind::Half(1),
        },
        PeriodKind::Half(h) => PeriodId {
            year: p.year,
            kind: PeriodKind::Half(h + 1),
        },
        PeriodKind::Year => PeriodId {
            year: p.year + 1,
            kind: PeriodKind::Year,
        },
    }
}
