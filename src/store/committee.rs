//! A committee database's own journal and desk (migration 15): the filings
//! it received, posted (公示) and the reconsiderations (复议) filed and
//! decided against them. Every change is a [`CommitteeEvent`] appended to the
//! database's `event` table (unstamped rows: a committee has no branch) and
//! applied to its state tables in the same transaction.

use super::journal::{head, stamped_hash};
use super::queries::{event_row, EVENT_COLUMNS};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

/// One change at a committee's desk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CommitteeEvent {
    /// A filing stored (its row is written beside the event): the journal
    /// holds what was received, so the chain head covers it.
    FilingReceived {
        filing_id: i64,
        branch: String,
        period: String,
        seal: String,
        file_sha256: String,
    },
    /// Received filings of a period posted from `posted_on` for `days`
    /// working days, to `window_end`.
    FilingsPosted {
        period: String,
        filings: Vec<i64>,
        posted_on: String,
        days: u32,
        window_end: String,
    },
    /// A member's reconsideration request against a received filing.
    ReviewFile {
        id: i64,
        filing_id: i64,
        member_id: i64,
        member: String,
        item: Option<String>,
        text: String,
        filed_on: String,
        due: String,
        /// The branch's appeal (申诉) it answers, when the branch sent one up.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        appeal: Option<i64>,
    },
    /// The committee's decision: `upheld` (moving the member's score by
    /// `points` on `item`) or `dismissed`.
    ReviewDecide {
        id: i64,
        outcome: crate::domain::model::AppealOutcome,
        item: Option<String>,
        points: Option<f64>,
        reason: Option<String>,
        decided_on: String,
        /// The branch's appeal the reconsideration answers (as filed).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        appeal: Option<i64>,
    },
    /// The committee's roster of branches, imported from `file` (its
    /// SHA-256 beside it): it replaces the roster before it, whole.
    RosterImported {
        file: String,
        file_sha256: String,
        branches: Vec<RosterBranch>,
    },
}

/// One branch of the committee's roster.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RosterBranch {
    /// The name exactly as its filings give it.
    pub branch: String,
    /// The scheme it is expected to score by, if the roster says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scheme: Option<String>,
}

impl CommitteeEvent {
    /// The journal's `kind` column.
    pub fn kind(&self) -> &'static str {
        match self {
            CommitteeEvent::FilingReceived { .. } => "filing_received",
            CommitteeEvent::FilingsPosted { .. } => "filings_posted",
            CommitteeEvent::ReviewFile { .. } => "review_file",
            CommitteeEvent::ReviewDecide { .. } => "review_decide",
            CommitteeEvent::RosterImported { .. } => "roster_imported",
        }
    }
}

/// One committee journal row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CommitteeRow {
    pub seq: i64,
    pub at: String,
    pub actor: String,
    pub kind: String,
    pub payload: String,
    pub prev_hash: String,
    pub hash: String,
}

impl CommitteeRow {
    /// The hash this row's fields give after `prev` (the chain's rule).
    pub fn computed_hash(&self) -> String {
        stamped_hash(
            &self.prev_hash,
            self.seq,
            &self.at,
            &self.actor,
            &self.kind,
            &self.payload,
            None,
        )
    }
}

/// Append `ev` to the committee's journal and apply it, inside the caller's
/// transaction; returns the row written.
pub fn append(
    conn: &Connection,
    actor: &str,
    ev: &CommitteeEvent,
    at: &str,
) -> rusqlite::Result<CommitteeRow> {
    let (last, prev) = head(conn)?;
    let payload = serde_json::to_string(ev)
        .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
    let mut row = CommitteeRow {
        seq: last + 1,
        at: at.to_string(),
        actor: actor.to_string(),
        kind: ev.kind().to_string(),
        payload,
        prev_hash: prev,
        hash: String::new(),
    };
    row.hash = row.computed_hash();
    conn.prepare_cached(
        "INSERT INTO event (seq, at, actor, kind, payload, prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        row.seq,
        row.at,
        row.actor,
        row.kind,
        row.payload,
        row.prev_hash,
        row.hash
    ])?;
    apply(conn, ev)?;
    Ok(row)
}

/// Apply one committee event to the state tables (a receipt's filing row is
/// written by [`super::filing::insert`] beside it).
pub fn apply(conn: &Connection, ev: &CommitteeEvent) -> rusqlite::Result<()> {
    match ev {
        CommitteeEvent::FilingReceived { .. } => {}
        CommitteeEvent::FilingsPosted {
            filings,
            posted_on,
            days,
            window_end,
            ..
        } => {
            let mut st = conn.prepare_cached(
                "INSERT INTO filing_posted (filing_id, posted_on, days, window_end)
                 VALUES (?1, ?2, ?3, ?4)",
            )?;
            for f in filings {
                st.execute(params![f, posted_on, days, window_end])?;
            }
        }
        CommitteeEvent::ReviewFile {
            id,
            filing_id,
            member_id,
            member,
            item,
            text,
            filed_on,
            due,
            appeal,
        } => {
            conn.prepare_cached(
                "INSERT INTO review (id, filing_id, member_id, member, item, text, filed_on, due, appeal)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?
            .execute(params![
                id, filing_id, member_id, member, item, text, filed_on, due, appeal
            ])?;
        }
        CommitteeEvent::ReviewDecide {
            id,
            outcome,
            item,
            points,
            reason,
            decided_on,
            ..
        } => {
            conn.prepare_cached(
                "UPDATE review SET outcome = ?2, item = coalesce(?3, item), points = ?4,
                        reason = ?5, decided_on = ?6
                 WHERE id = ?1",
            )?
            .execute(params![id, outcome, item, points, reason, decided_on])?;
        }
        CommitteeEvent::RosterImported { branches, .. } => {
            conn.prepare_cached("DELETE FROM roster")?.execute([])?;
            let mut st = conn.prepare_cached(
                "INSERT INTO roster (branch, scheme_id, position) VALUES (?1, ?2, ?3)",
            )?;
            for (i, b) in branches.iter().enumerate() {
                st.execute(params![b.branch, b.scheme, i as i64])?;
            }
        }
    }
    Ok(())
}

/// Whether the database has the roster's table: a committee database of
/// an older jifen has not until it is brought up to date (the views do that
/// first; `verify` reads the file as it is).
pub fn has_roster(conn: &Connection) -> rusqlite::Result<bool> {
    conn.prepare_cached(
        "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'roster'",
    )?
    .query_row([], |r| r.get(0))
}

/// The committee's roster, in the order it was imported (empty when none was).
pub fn roster(conn: &Connection) -> rusqlite::Result<Vec<RosterBranch>> {
    if !has_roster(conn)? {
        return Ok(Vec::new());
    }
    let mut st = conn.prepare_cached("SELECT branch, scheme_id FROM roster ORDER BY position")?;
    let rows = st.query_map([], |r| {
        Ok(RosterBranch {
            branch: r.get(0)?,
            scheme: r.get(1)?,
        })
    })?;
    rows.collect()
}

/// Every committee journal row, in order.
pub fn rows(conn: &Connection) -> rusqlite::Result<Vec<CommitteeRow>> {
    let mut st = conn.prepare(&format!("SELECT {EVENT_COLUMNS} FROM event ORDER BY seq"))?;
    let rows = st.query_map([], row_from)?;
    rows.collect()
}

/// A committee journal row: a journal row with no branch stamp.
fn row_from(r: &rusqlite::Row) -> rusqlite::Result<CommitteeRow> {
    let e = event_row(r)?;
    Ok(CommitteeRow {
        seq: e.seq,
        at: e.at,
        actor: e.actor,
        kind: e.kind,
        payload: e.payload,
        prev_hash: e.prev_hash,
        hash: e.hash,
    })
}

/// The journal row whose hash is `hash`, if any.
pub fn row_by_hash(conn: &Connection, hash: &str) -> rusqlite::Result<Option<CommitteeRow>> {
    conn.prepare_cached(&format!(
        "SELECT {EVENT_COLUMNS} FROM event WHERE hash = ?1"
    ))?
    .query_row([hash], row_from)
    .optional()
}

/// The ids of filings that no `filing_received` event names (received
/// before the committee journalled receipts), in order.
pub fn unjournalled_filings(conn: &Connection) -> rusqlite::Result<Vec<i64>> {
    let mut st = conn.prepare(
        "SELECT id FROM filing WHERE id NOT IN (
             SELECT json_extract(payload, '$.filing_id') FROM event
             WHERE kind = 'filing_received')
         ORDER BY id",
    )?;
    let rows = st.query_map([], |r| r.get(0))?;
    rows.collect()
}

/// A received filing's posting: (posted on, days, window end).
#[derive(Debug, Clone, PartialEq)]
pub struct Posted {
    pub filing_id: i64,
    pub posted_on: String,
    pub days: u32,
    pub window_end: String,
}

/// Every posting, by filing.
pub fn postings(conn: &Connection) -> rusqlite::Result<Vec<Posted>> {
    let mut st = conn.prepare_cached(
        "SELECT filing_id, posted_on, days, window_end FROM filing_posted ORDER BY filing_id",
    )?;
    let rows = st.query_map([], |r| {
        Ok(Posted {
            filing_id: r.get(0)?,
            posted_on: r.get(1)?,
            days: r.get(2)?,
            window_end: r.get(3)?,
        })
    })?;
    rows.collect()
}

/// A reconsideration as the committee keeps it.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewRow {
    pub id: i64,
    pub filing_id: i64,
    pub member_id: i64,
    pub member: String,
    pub item: Option<String>,
    pub text: String,
    pub filed_on: String,
    pub due: String,
    pub outcome: Option<String>,
    pub points: Option<f64>,
    pub reason: Option<String>,
    pub decided_on: String,
    /// The branch's appeal it answers, if named.
    pub appeal: Option<i64>,
}

/// Every reconsideration (of one filing, if given), by id.
pub fn reviews(conn: &Connection, filing: Option<i64>) -> rusqlite::Result<Vec<ReviewRow>> {
    let mut st = conn.prepare_cached(
        "SELECT id, filing_id, member_id, member, item, text, filed_on, due, outcome, points,
                reason, coalesce(decided_on, ''), appeal
         FROM review WHERE ?1 IS NULL OR filing_id = ?1 ORDER BY id",
    )?;
    let rows = st.query_map([filing], |r| {
        Ok(ReviewRow {
            id: r.get(0)?,
            filing_id: r.get(1)?,
            member_id: r.get(2)?,
            member: r.get(3)?,
            item: r.get(4)?,
            text: r.get(5)?,
            filed_on: r.get(6)?,
            due: r.get(7)?,
            outcome: r.get(8)?,
            points: r.get(9)?,
            reason: r.get(10)?,
            decided_on: r.get(11)?,
            appeal: r.get(12)?,
        })
    })?;
    rows.collect()
}

/// The next reconsideration's number.
pub fn next_review_id(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("SELECT coalesce(max(id), 0) + 1 FROM review", [], |r| {
        r.get(0)
    })
}

/// The hash of the `review_decide` event of reconsideration `id`, if decided.
pub fn decision_hash(conn: &Connection, id: i64) -> rusqlite::Result<Option<String>> {
    conn.prepare_cached(
        "SELECT hash FROM event WHERE kind = 'review_decide'
           AND json_extract(payload, '$.id') = ?1 ORDER BY seq DESC LIMIT 1",
    )?
    .query_row([id], |r| r.get(0))
    .optional()
}

/// The committee's state tables, compared by verify after a replay.
pub const STATE_TABLES: &[&str] = &["filing_posted", "review", "roster"];

/// Whether the branch already received the decision whose event hash is
/// `decision`: the period and review it answered.
pub fn received_decision(
    conn: &Connection,
    decision: &str,
) -> rusqlite::Result<Option<(String, i64)>> {
    conn.prepare_cached("SELECT period, review FROM review_received WHERE decision = ?1")?
        .query_row([decision], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()
}
