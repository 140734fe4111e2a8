//! The `meeting` table (会议记录): a period's place, host, recorder, agenda
//! and resolutions as `meeting_set` events write them, and the journal's
//! times of the meeting (when the session started, the first roll-call mark).

use super::events::Event;
use rusqlite::{params, Connection, OptionalExtension};

/// A period's meeting record as stored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MeetingRow {
    pub place: Option<String>,
    pub host: Option<String>,
    pub recorder: Option<String>,
    pub agenda: Vec<String>,
    pub resolutions: Vec<String>,
    /// When the record was last changed.
    pub at: Option<String>,
}

fn json_list(v: &[String]) -> rusqlite::Result<String> {
    serde_json::to_string(v).map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))
}

/// Write a `meeting_set` event (journalled at `at`) to the table.
pub(super) fn apply(conn: &Connection, ev: &Event, at: &str) -> rusqlite::Result<()> {
    if let Event::MeetingSet {
        branch_id,
        period,
        place,
        host,
        recorder,
        agenda,
        resolutions,
    } = ev
    {
        conn.prepare_cached(
            "INSERT INTO meeting (branch_id, period, place, host, recorder, agenda, resolutions, at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
             ON CONFLICT (branch_id, period) DO UPDATE SET place = excluded.place,
                 host = excluded.host, recorder = excluded.recorder, agenda = excluded.agenda,
                 resolutions = excluded.resolutions, at = excluded.at",
        )?
        .execute(params![
            branch_id,
            period,
            place,
            host,
            recorder,
            json_list(agenda)?,
            json_list(resolutions)?,
            at
        ])?;
    }
    Ok(())
}

/// The period's meeting record, if one was written.
pub fn record(
    conn: &Connection,
    branch: i64,
    period: &str,
) -> rusqlite::Result<Option<MeetingRow>> {
    let row = conn
        .prepare_cached(
            "SELECT place, host, recorder, agenda, resolutions, at FROM meeting
             WHERE branch_id = ?1 AND period = ?2",
        )?
        .query_row(params![branch, period], |r| {
            Ok((
                r.get::<_, Option<String>>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
            ))
        })
        .optional()?;
    let list = |s: &str| -> rusqlite::Result<Vec<String>> {
        serde_json::from_str(s).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(3, rusqlite::types::Type::Text, Box::new(e))
        })
    };
    row.map(|(place, host, recorder, agenda, resolutions, at)| {
        Ok(MeetingRow {
            place,
            host,
            recorder,
            agenda: list(&agenda)?,
            resolutions: list(&resolutions)?,
            at: Some(at),
        })
    })
    .transpose()
}

/// When the period's assembly opened, as the journal has it: the earlier of
/// the session's start (`in-session`) and the first roll-call mark.
pub fn opened_at(conn: &Connection, branch: i64, period: &str) -> rusqlite::Result<Option<String>> {
    conn.prepare_cached(
        "SELECT MIN(at) FROM event
         WHERE COALESCE(branch_id, json_extract(payload, '$.branch_id')) = ?1
           AND json_extract(payload, '$.period') = ?2
           AND ((kind = 'period_state' AND json_extract(payload, '$.state') = 'in-session')
                OR kind = 'attendance')",
    )?
    .query_row(params![branch, period], |r| r.get(0))
}
