//! The year's final grades (评定等次): written as their events say, read
//! back for the year close.

use super::events::Event;
use rusqlite::{params, Connection};

/// One recorded final grade: (member, grade, grade the points allowed, at).
pub type FinalRow = (i64, String, String, String);

/// Write a `year_grade` event (journalled at `at`) to the table.
pub(super) fn apply(conn: &Connection, ev: &Event, at: &str) -> rusqlite::Result<()> {
    let Event::YearGrade {
        branch_id,
        year,
        member_id,
        grade,
        allowed,
        ..
    } = ev
    else {
        return Ok(());
    };
    match grade {
        Some(g) => conn
            .prepare_cached(
                "INSERT INTO year_grade (branch_id, year, member_id, grade, allowed, at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (branch_id, year, member_id)
                 DO UPDATE SET grade = excluded.grade, allowed = excluded.allowed, at = excluded.at",
            )?
            .execute(params![
                branch_id,
                year,
                member_id,
                g,
                allowed.as_deref().unwrap_or(g),
                at
            ])?,
        None => conn
            .prepare_cached(
                "DELETE FROM year_grade WHERE branch_id = ?1 AND year = ?2 AND member_id = ?3",
            )?
            .execute(params![branch_id, year, member_id])?,
    };
    Ok(())
}

/// The final grades recorded for `year`, by member id.
pub fn final_grades(conn: &Connection, branch: i64, year: i32) -> rusqlite::Result<Vec<FinalRow>> {
    let mut st = conn.prepare_cached(
        "SELECT member_id, grade, allowed, at FROM year_grade
          WHERE branch_id = ?1 AND year = ?2 ORDER BY member_id",
    )?;
    let rows = st.query_map(params![branch, year], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
    })?;
    rows.collect()
}
