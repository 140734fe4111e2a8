//! The appraisal tables (民主测评): written as their events say, and read
//! back for the view. Counts per member only: no row says who voted what.

use super::events::{AppraisalResult, Event};
use crate::domain::appraisal::{kind_from_code, AppraisalState};
use crate::domain::scheme::AppraisalKind;
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use rusqlite::{params, Connection, OptionalExtension};

impl ToSql for AppraisalState {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::Borrowed(ValueRef::Text(
            self.code().as_bytes(),
        )))
    }
}

impl FromSql for AppraisalState {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let word = value.as_str()?;
        AppraisalState::from_code(word)
            .ok_or_else(|| FromSqlError::Other(format!("unknown appraisal state '{word}'").into()))
    }
}

/// Write an appraisal event (journalled at `at`) to the tables.
pub(super) fn apply(conn: &Connection, ev: &Event, at: &str) -> rusqlite::Result<()> {
    match ev {
        Event::AppraisalOpen {
            branch_id,
            period,
            ballot,
            issued,
            representatives,
        } => {
            conn.prepare_cached(
                "INSERT INTO appraisal (branch_id, period, kind, issued, representatives,
                                        returned, spoiled, state, opened_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?4, 0, ?6, ?7)",
            )?
            .execute(params![
                branch_id,
                period,
                ballot,
                issued,
                representatives,
                AppraisalState::Open,
                at
            ])?;
        }
        Event::AppraisalBallots {
            branch_id,
            period,
            returned,
            spoiled,
        } => {
            conn.prepare_cached(
                "UPDATE appraisal SET returned = ?3, spoiled = ?4 WHERE branch_id = ?1 AND period = ?2",
            )?
            .execute(params![branch_id, period, returned, spoiled])?;
        }
        Event::AppraisalVotes {
            branch_id,
            period,
            member_id,
            counts,
        } => {
            conn.prepare_cached(
                "DELETE FROM appraisal_vote WHERE branch_id = ?1 AND period = ?2 AND member_id = ?3",
            )?
            .execute(params![branch_id, period, member_id])?;
            let mut st = conn.prepare_cached(
                "INSERT INTO appraisal_vote (branch_id, period, member_id, choice, count)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            for (choice, n) in counts {
                st.execute(params![branch_id, period, member_id, choice, n])?;
            }
        }
        Event::AppraisalScores {
            branch_id,
            period,
            member_id,
            rater,
            scores,
        } => {
            conn.prepare_cached(
                "DELETE FROM appraisal_score
                  WHERE branch_id = ?1 AND period = ?2 AND member_id = ?3 AND rater = ?4",
            )?
            .execute(params![branch_id, period, member_id, rater])?;
            let mut st = conn.prepare_cached(
                "INSERT INTO appraisal_score (branch_id, period, member_id, rater, part, score)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?;
            for (part, score) in scores {
                st.execute(params![branch_id, period, member_id, rater, part, score])?;
            }
        }
        Event::AppraisalPoints {
            branch_id,
            period,
            member_id,
            points,
        } => {
            conn.prepare_cached(
                "DELETE FROM appraisal_pick WHERE branch_id = ?1 AND period = ?2 AND member_id = ?3",
            )?
            .execute(params![branch_id, period, member_id])?;
            if let Some(p) = points {
                conn.prepare_cached(
                    "INSERT INTO appraisal_pick (branch_id, period, member_id, points)
                     VALUES (?1, ?2, ?3, ?4)",
                )?
                .execute(params![branch_id, period, member_id, p])?;
            }
        }
        Event::AppraisalClose {
            branch_id,
            period,
            results,
        } => {
            let mut st = conn.prepare_cached(
                "INSERT INTO appraisal_result (branch_id, period, member_id, part, grade, points)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?;
            for r in results {
                st.execute(params![
                    branch_id,
                    period,
                    r.member_id,
                    r.part,
                    r.grade,
                    r.points
                ])?;
            }
            let closed = conn
                .prepare_cached(
                    "UPDATE appraisal SET state = ?3, closed_at = ?4
                      WHERE branch_id = ?1 AND period = ?2 AND state = ?5",
                )?
                .execute(params![
                    branch_id,
                    period,
                    AppraisalState::Closed,
                    at,
                    AppraisalState::Open
                ])?;
            if closed == 0 {
                return Err(rusqlite::Error::QueryReturnedNoRows);
            }
        }
        _ => {}
    }
    Ok(())
}

/// A period's appraisal as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct AppraisalRow {
    pub kind: AppraisalKind,
    pub issued: i64,
    pub representatives: i64,
    pub returned: i64,
    pub spoiled: i64,
    pub state: AppraisalState,
    pub opened_at: String,
    pub closed_at: Option<String>,
}

/// The branch's appraisal for `period`, if one was opened.
pub fn appraisal(
    conn: &Connection,
    branch: i64,
    period: &str,
) -> rusqlite::Result<Option<AppraisalRow>> {
    conn.prepare_cached(
        "SELECT kind, issued, representatives, returned, spoiled, state, opened_at, closed_at
           FROM appraisal WHERE branch_id = ?1 AND period = ?2",
    )?
    .query_row(params![branch, period], |r| {
        let kind: String = r.get(0)?;
        let kind = kind_from_code(&kind).ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(
                0,
                rusqlite::types::Type::Text,
                format!("unknown appraisal kind '{kind}'").into(),
            )
        })?;
        Ok(AppraisalRow {
            kind,
            issued: r.get(1)?,
            representatives: r.get(2)?,
            returned: r.get(3)?,
            spoiled: r.get(4)?,
            state: r.get(5)?,
            opened_at: r.get(6)?,
            closed_at: r.get(7)?,
        })
    })
    .optional()
}

/// Every count of the period's appraisal: (member, choice, count).
pub fn votes(
    conn: &Connection,
    branch: i64,
    period: &str,
) -> rusqlite::Result<Vec<(i64, String, i64)>> {
    let mut st = conn.prepare_cached(
        "SELECT member_id, choice, count FROM appraisal_vote
          WHERE branch_id = ?1 AND period = ?2 ORDER BY member_id, choice",
    )?;
    let rows = st.query_map(params![branch, period], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?))
    })?;
    rows.collect()
}

/// Every score of the period's appraisal: (member, ballot number, part, score).
pub fn scores(
    conn: &Connection,
    branch: i64,
    period: &str,
) -> rusqlite::Result<Vec<(i64, i64, String, f64)>> {
    let mut st = conn.prepare_cached(
        "SELECT member_id, rater, part, score FROM appraisal_score
          WHERE branch_id = ?1 AND period = ?2 ORDER BY member_id, rater, part",
    )?;
    let rows = st.query_map(params![branch, period], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
    })?;
    rows.collect()
}

/// The points the branch chose, by member.
pub fn picks(conn: &Connection, branch: i64, period: &str) -> rusqlite::Result<Vec<(i64, f64)>> {
    let mut st = conn.prepare_cached(
        "SELECT member_id, points FROM appraisal_pick WHERE branch_id = ?1 AND period = ?2",
    )?;
    let rows = st.query_map(params![branch, period], |r| Ok((r.get(0)?, r.get(1)?)))?;
    rows.collect()
}

/// The results the close posted.
pub fn results(
    conn: &Connection,
    branch: i64,
    period: &str,
) -> rusqlite::Result<Vec<AppraisalResult>> {
    let mut st = conn.prepare_cached(
        "SELECT member_id, part, grade, points FROM appraisal_result
          WHERE branch_id = ?1 AND period = ?2 ORDER BY member_id, part",
    )?;
    let rows = st.query_map(params![branch, period], |r| {
        Ok(AppraisalResult {
            member_id: r.get(0)?,
            part: r.get(1)?,
            grade: r.get(2)?,
            points: r.get(3)?,
        })
    })?;
    rows.collect()
}

/// The grades closed appraisals of `year` gave, by member: (member, period,
/// grade), the latest period last.
pub fn year_grades(
    conn: &Connection,
    branch: i64,
    year: i32,
) -> rusqlite::Result<Vec<(i64, String, String)>> {
    let mut st = conn.prepare_cached(
        "SELECT member_id, period, grade FROM appraisal_result
          WHERE branch_id = ?1 AND substr(period, 1, 4) = ?2 AND part = '' AND grade IS NOT NULL
          ORDER BY period, member_id",
    )?;
    let rows = st.query_map(params![branch, year.to_string()], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?))
    })?;
    rows.collect()
}
