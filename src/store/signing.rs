//! Signatures (签字确认) and the kept totals they were given for: what the
//! core reads to void a confirmation whose total has moved since.

use crate::domain::model::{ConfirmState, PeriodState};
use rusqlite::{params, Connection};
use std::collections::HashSet;

/// The stored state of a confirmation voided by a later change to the total.
pub const VOIDED: &str = "voided";

/// One standing signature in a period that can still change.
#[derive(Debug, Clone, PartialEq)]
pub struct Signed {
    pub period: String,
    pub member_id: i64,
    pub state: ConfirmState,
    pub text: Option<String>,
    /// The member's kept total (`None`: no entries, the base score).
    pub total: Option<f64>,
}

/// Every standing signature of the branch in open or in-session periods,
/// with the member's kept total now.
pub fn signed_totals(conn: &Connection, branch: i64) -> rusqlite::Result<Vec<Signed>> {
    let mut st = conn.prepare_cached(
        "SELECT c.period, c.member_id, c.state, c.text, s.total
         FROM confirmation c
         JOIN period p ON p.branch_id = c.branch_id AND p.id = c.period
                      AND p.state IN (?2, ?3)
         LEFT JOIN score s ON s.branch_id = c.branch_id AND s.period = c.period
                          AND s.member_id = c.member_id
         WHERE c.branch_id = ?1 AND c.state <> 'voided'",
    )?;
    let rows = st.query_map(
        params![branch, PeriodState::Open, PeriodState::InSession],
        |r| {
            Ok(Signed {
                period: r.get(0)?,
                member_id: r.get(1)?,
                state: r.get(2)?,
                text: r.get(3)?,
                total: r.get(4)?,
            })
        },
    )?;
    rows.collect()
}

/// A member's kept total in a period (`None`: no entries, the base score).
pub fn kept_total(
    conn: &Connection,
    branch: i64,
    period: &str,
    member: i64,
) -> rusqlite::Result<Option<f64>> {
    use rusqlite::OptionalExtension;
    conn.prepare_cached(
        "SELECT total FROM score WHERE branch_id = ?1 AND period = ?2 AND member_id = ?3",
    )?
    .query_row(params![branch, period, member], |r| r.get(0))
    .optional()
}

/// Members of a period whose signature was voided and who have not signed again.
pub fn voided(conn: &Connection, branch: i64, period: &str) -> rusqlite::Result<HashSet<i64>> {
    let mut st = conn.prepare_cached(
        "SELECT member_id FROM confirmation
         WHERE branch_id = ?1 AND period = ?2 AND state = 'voided'",
    )?;
    let rows = st.query_map(params![branch, period], |r| r.get(0))?;
    rows.collect()
}
