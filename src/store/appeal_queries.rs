//! Reading appeals, their replies (from the journal), corrections and follow-ups.

use crate::domain::model::{AppealOutcome, AppealStage};
use rusqlite::{params, Connection};
use std::collections::HashMap;

/// An appeal row as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct AppealRecord {
    pub id: i64,
    pub period: String,
    pub member_id: i64,
    pub member: String,
    pub items: Option<String>,
    pub text: String,
    pub filed_at: String,
    pub reply_due: String,
    pub stage: AppealStage,
    pub reply: Option<String>,
    pub outcome: Option<AppealOutcome>,
    pub replied_at: Option<String>,
}

/// One reply to an appeal, as journalled.
#[derive(Debug, Clone, PartialEq)]
pub struct ReplyRecord {
    pub at: String,
    pub outcome: AppealOutcome,
    pub reply: String,
    pub next_due: Option<String>,
    /// The committee's reconsideration whose decision, received, this is.
    pub review: Option<i64>,
}

/// A correction row.
#[derive(Debug, Clone, PartialEq)]
pub struct CorrectionRecord {
    pub id: i64,
    pub period: String,
    pub member_id: i64,
    pub item: String,
    pub points: f64,
    pub reason: String,
    pub appeal_id: Option<i64>,
}

/// Appeals of a branch, optionally of one period, in id order.
pub fn appeals(
    conn: &Connection,
    branch: i64,
    period: Option<&str>,
) -> rusqlite::Result<Vec<AppealRecord>> {
    let mut st = conn.prepare_cached(
        "SELECT a.id, a.period, a.member_id, m.name, a.items, a.text, a.filed_at, a.reply_due, a.stage,
                a.reply, a.outcome, a.replied_at
         FROM appeal a JOIN member m ON m.id = a.member_id
         WHERE a.branch_id = ?1 AND (?2 IS NULL OR a.period = ?2) ORDER BY a.id",
    )?;
    let rows = st.query_map(params![branch, period], |r| {
        Ok(AppealRecord {
            id: r.get(0)?,
            period: r.get(1)?,
            member_id: r.get(2)?,
            member: r.get(3)?,
            items: r.get(4)?,
            text: r.get(5)?,
            filed_at: r.get(6)?,
            reply_due: r.get(7)?,
            stage: r.get(8)?,
            reply: r.get(9)?,
            outcome: r.get(10)?,
            replied_at: r.get(11)?,
        })
    })?;
    rows.collect()
}

/// Every journalled reply, by appeal id, in journal order: the branch's
/// replies, and the committee's decisions received that closed an appeal.
pub fn appeal_replies(conn: &Connection) -> rusqlite::Result<HashMap<i64, Vec<ReplyRecord>>> {
    let mut st = conn.prepare_cached(
        "SELECT json_extract(payload, '$.id'), at, json_extract(payload, '$.outcome'),
                json_extract(payload, '$.reply'), json_extract(payload, '$.next_due'), NULL, seq
         FROM event WHERE kind = 'appeal_reply'
         UNION ALL
         SELECT json_extract(payload, '$.appeal'), at, json_extract(payload, '$.outcome'),
                coalesce(json_extract(payload, '$.reason'), ''), NULL,
                json_extract(payload, '$.review'), seq
         FROM event WHERE kind = 'review_decision' AND json_extract(payload, '$.appeal') IS NOT NULL
         ORDER BY 7",
    )?;
    let rows = st.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            ReplyRecord {
                at: r.get(1)?,
                outcome: r.get(2)?,
                reply: r.get(3)?,
                next_due: r.get(4)?,
                review: r.get(5)?,
            },
        ))
    })?;
    let mut out: HashMap<i64, Vec<ReplyRecord>> = HashMap::new();
    for row in rows {
        let (id, rec) = row?;
        out.entry(id).or_default().push(rec);
    }
    Ok(out)
}

/// Corrections of a branch, optionally of one period.
pub fn corrections(
    conn: &Connection,
    branch: i64,
    period: Option<&str>,
) -> rusqlite::Result<Vec<CorrectionRecord>> {
    let mut st = conn.prepare_cached(
        "SELECT id, period, member_id, item, points, reason, appeal_id FROM correction
         WHERE branch_id = ?1 AND (?2 IS NULL OR period = ?2) ORDER BY id",
    )?;
    let rows = st.query_map(params![branch, period], |r| {
        Ok(CorrectionRecord {
            id: r.get(0)?,
            period: r.get(1)?,
            member_id: r.get(2)?,
            item: r.get(3)?,
            points: r.get(4)?,
            reason: r.get(5)?,
            appeal_id: r.get(6)?,
        })
    })?;
    rows.collect()
}

/// When a follow-up was done, and the note.
pub type FollowUpDone = (Option<String>, Option<String>);

/// Follow-ups recorded as done in a scope: (member, action) -> (done_at, note).
pub fn follow_ups(
    conn: &Connection,
    branch: i64,
    scope: &str,
) -> rusqlite::Result<HashMap<(i64, String), FollowUpDone>> {
    let mut st = conn.prepare_cached(
        "SELECT member_id, action, done_at, note FROM follow_up WHERE branch_id = ?1 AND scope = ?2",
    )?;
    let rows = st.query_map(params![branch, scope], |r| {
        Ok(((r.get(0)?, r.get(1)?), (r.get(2)?, r.get(3)?)))
    })?;
    rows.collect()
}
