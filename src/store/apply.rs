//! Applying journal events to the current-state tables. The same code runs for
//! live changes and for `verify`'s replay, so both give the same tables.

use super::claim_rows::{self, StoredClaim};
use super::events::{Event, NewClaim};
use crate::domain::model::{AppealOutcome, AppealStage, ClaimStatus, PeriodState};
use rusqlite::{params, Connection};

/// Write the effect of `ev` (journalled at `at`, with hash `hash`) to the state tables.
pub fn apply(conn: &Connection, ev: &Event, at: &str, hash: &str) -> rusqlite::Result<()> {
    match ev {
        Event::BranchInit {
            branch_id,
            name,
            scheme_id,
            scheme_toml,
        } => {
            conn.execute(
                "INSERT INTO branch (id, name, scheme_id, scheme_toml) VALUES (?1, ?2, ?3, ?4)",
                params![branch_id, name, scheme_id, scheme_toml],
            )?;
        }
        Event::SettingSet {
            branch_id,
            key,
            value,
        } => {
            conn.execute(
                "UPDATE branch SET settings = json_set(settings, '$.' || ?2, json(?3)) WHERE id = ?1",
                params![branch_id, key, value.to_string()],
            )?;
        }
        Event::MembersAdd { branch_id, members } => {
            let mut st = conn.prepare_cached(
                "INSERT INTO member (id, branch_id, name, category, tier, grp, status, joined)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?;
            for m in members {
                st.execute(params![
                    m.id, branch_id, m.name, m.category, m.tier, m.group, m.status, at
                ])?;
            }
        }
        Event::MemberUpdate { member: m } => {
            conn.execute(
                "UPDATE member SET name = ?2, category = ?3, tier = ?4, grp = ?5, status = ?6 WHERE id = ?1",
                params![m.id, m.name, m.category, m.tier, m.group, m.status],
            )?;
        }
        Event::PeriodOpen { branch_id, period } => {
            conn.execute(
                "INSERT INTO period (branch_id, id, state, opened_at) VALUES (?1, ?2, ?4, ?3)",
                params![branch_id, period, at, PeriodState::Open],
            )?;
        }
        Event::PeriodState {
            branch_id,
            period,
            state,
            window_end,
        } => {
            conn.execute(
                "UPDATE period SET state = ?3, window_end = COALESCE(?4, window_end) WHERE branch_id = ?1 AND id = ?2",
                params![branch_id, period, state, window_end],
            )?;
        }
        Event::ClaimsAdd { branch_id, claims } => {
            let rows = stored_of(claims)?;
            insert_claims(conn, *branch_id, rows.len(), at, |insert| {
                rows.chunks(ROWS_PER_INSERT).try_for_each(insert)
            })?
        }
        // A bulk import; `packed` (an older jifen stored large ones apart)
        // changes nothing: every claim is a claim row. Its lines are read a
        // statement's worth at a time, borrowed.
        Event::ClaimsBatch {
            branch_id,
            first_id,
            rows,
            ..
        } => {
            let n = claim_rows::count(rows)?;
            insert_claims(conn, *branch_id, n, at, |insert| {
                claim_rows::decode_by(*first_id, rows, ROWS_PER_INSERT, insert)
            })?
        }
        Event::Verdict {
            claim,
            status,
            points,
            reason,
            by,
            ..
        } => {
            let decided = (*status != ClaimStatus::Pending).then_some(at);
            let by = (*status != ClaimStatus::Pending).then_some(by.as_str());
            set_claim(
                conn,
                *claim,
                *status,
                *points,
                reason.as_deref(),
                decided,
                by,
            )?;
        }
        Event::ClaimWithdraw { claim } => {
            let (points,): (f64,) =
                conn.query_row("SELECT points FROM claim WHERE id = ?1", [claim], |r| {
                    Ok((r.get(0)?,))
                })?;
            set_claim(
                conn,
                *claim,
                ClaimStatus::Withdrawn,
                points,
                None,
                None,
                None,
            )?;
        }
        Event::ClaimsWithdraw {
            branch_id,
            first_id,
            count,
        } => {
            conn.prepare_cached(
                "UPDATE claim SET status = ?4, reason = NULL, decided_at = NULL, decided_by = NULL
                 WHERE branch_id = ?1 AND id >= ?2 AND id < ?2 + ?3",
            )?
            .execute(params![branch_id, first_id, count, ClaimStatus::Withdrawn])?;
        }
        Event::Confirm {
            branch_id,
            period,
            member_id,
            state,
            text,
            ..
        } => match state {
            Some(s) => {
                conn.execute(
                    "INSERT INTO confirmation (branch_id, period, member_id, state, text, at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                     ON CONFLICT (branch_id, period, member_id)
                     DO UPDATE SET state = excluded.state, text = excluded.text, at = excluded.at",
                    params![branch_id, period, member_id, s, text, at],
                )?;
            }
            None => {
                conn.execute(
                    "DELETE FROM confirmation WHERE branch_id = ?1 AND period = ?2 AND member_id = ?3",
                    params![branch_id, period, member_id],
                )?;
            }
        },
        Event::ConfirmVoid {
            branch_id,
            period,
            member_id,
            ..
        } => {
            conn.execute(
                "UPDATE confirmation SET state = ?4, at = ?5
                 WHERE branch_id = ?1 AND period = ?2 AND member_id = ?3",
                params![branch_id, period, member_id, super::signing::VOIDED, at],
            )?;
        }
        // A fact for the record (the minutes read it from the journal).
        Event::QuorumNoted { .. } => {}
        Event::Attendance {
            branch_id,
            period,
            member_id,
            mark,
            ..
        } => match mark {
            Some(m) => {
                conn.execute(
                    "INSERT INTO attendance (branch_id, period, member_id, mark) VALUES (?1, ?2, ?3, ?4)
                     ON CONFLICT (branch_id, period, member_id) DO UPDATE SET mark = excluded.mark",
                    params![branch_id, period, member_id, m],
                )?;
            }
            None => {
                conn.execute(
                    "DELETE FROM attendance WHERE branch_id = ?1 AND period = ?2 AND member_id = ?3",
                    params![branch_id, period, member_id],
                )?;
            }
        },
        Event::Lock {
            branch_id,
            period,
            totals,
            ..
        } => {
            let mut st = conn.prepare_cached(
                "INSERT INTO lock_total (branch_id, period, member_id, score, rank, grade, stars, confirmed)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?;
            for t in totals {
                st.execute(params![
                    branch_id,
                    period,
                    t.member_id,
                    t.score,
                    t.rank,
                    t.grade,
                    t.stars,
                    t.confirmed
                ])?;
            }
            conn.execute(
                "UPDATE period SET state = ?5, locked_at = ?3, seal = ?4 WHERE branch_id = ?1 AND id = ?2",
                params![
                    branch_id,
                    period,
                    at,
                    super::seal::seal_of(hash),
                    PeriodState::Locked
                ],
            )?;
        }
        Event::AppealFile {
            id,
            branch_id,
            period,
            member_id,
            items,
            text,
            reply_due,
        } => {
            conn.execute(
                "INSERT INTO appeal (id, branch_id, period, member_id, items, text, filed_at, reply_due, stage)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    id,
                    branch_id,
                    period,
                    member_id,
                    items,
                    text,
                    at,
                    reply_due,
                    AppealStage::Branch
                ],
            )?;
        }
        Event::AppealReply {
            id,
            outcome,
            reply,
            next_due,
            correction,
        } => {
            if *outcome == AppealOutcome::Reconsider {
                conn.execute(
                    "UPDATE appeal SET stage = ?5, reply = ?2, reply_due = ?3, replied_at = ?4 WHERE id = ?1",
                    params![id, reply, next_due, at, AppealStage::Higher],
                )?;
            } else {
                conn.execute(
                    "UPDATE appeal SET outcome = ?2, reply = ?3, replied_at = ?4 WHERE id = ?1",
                    params![id, outcome, reply, at],
                )?;
            }
            if let Some(c) = correction {
                conn.execute(
                    "INSERT INTO correction (id, branch_id, period, member_id, item, points, reason, appeal_id)
                     SELECT ?2, branch_id, period, member_id, ?3, ?4, ?5, id FROM appeal WHERE id = ?1",
                    params![id, c.id, c.item, c.points, c.reason],
                )?;
            }
        }
        Event::ReviewDecision {
            branch_id,
            period,
            member_id,
            review,
            outcome,
            decision,
            committee_head,
            seal,
            file_sha256,
            correction,
            appeal,
            reason,
        } => {
            conn.execute(
                "INSERT INTO review_received (decision, branch_id, period, member_id, review, outcome,
                                              seal, committee_head, correction_id, file_sha256, at, appeal)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                params![
                    decision,
                    branch_id,
                    period,
                    member_id,
                    review,
                    outcome,
                    seal,
                    committee_head,
                    correction.as_ref().map(|c| c.id),
                    file_sha256,
                    at,
                    appeal
                ],
            )?;
            if let Some(a) = appeal {
                conn.execute(
                    "UPDATE appeal SET outcome = ?2, reply = ?3, replied_at = ?4 WHERE id = ?1",
                    params![a, outcome, reason.as_deref().unwrap_or(""), at],
                )?;
            }
            if let Some(c) = correction {
                conn.execute(
                    "INSERT INTO correction (id, branch_id, period, member_id, item, points, reason, appeal_id)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                    params![c.id, branch_id, period, member_id, c.item, c.points, c.reason, appeal],
                )?;
            }
        }
        Event::FollowUpDone {
            branch_id,
            scope,
            member_id,
            action,
            note,
        } => {
            conn.execute(
                "INSERT INTO follow_up (branch_id, scope, member_id, action, done_at, note)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (branch_id, scope, member_id, action)
                 DO UPDATE SET done_at = excluded.done_at, note = excluded.note",
                params![branch_id, scope, member_id, action, at, note],
            )?;
        }
        Event::FollowUpReopen {
            branch_id,
            scope,
            member_id,
            action,
        } => {
            conn.execute(
                "DELETE FROM follow_up
                 WHERE branch_id = ?1 AND scope = ?2 AND member_id = ?3 AND action = ?4",
                params![branch_id, scope, member_id, action],
            )?;
        }
        Event::Redeem { .. } | Event::RedeemCancel { .. } => {
            super::redemptions::apply(conn, ev, at)?
        }
        Event::MeetingSet { .. } => super::meeting::apply(conn, ev, at)?,
        Event::YearGrade { .. } => super::year_grade::apply(conn, ev, at)?,
        Event::AppraisalOpen { .. }
        | Event::AppraisalBallots { .. }
        | Event::AppraisalVotes { .. }
        | Event::AppraisalScores { .. }
        | Event::AppraisalPoints { .. }
        | Event::AppraisalClose { .. } => super::appraisal::apply(conn, ev, at)?,
        Event::Undo { restore, .. } => apply(conn, restore, at, hash)?,
    }
    Ok(())
}

/// Above this many claims, an import marks whole periods for re-scoring
/// instead of one note per member.
const BULK: usize = 64;

/// Mark whole periods for re-scoring (a bulk change: one note per period
/// instead of one per member and item).
fn note_periods<'a>(
    conn: &Connection,
    branch_id: i64,
    periods: impl Iterator<Item = &'a str>,
) -> rusqlite::Result<()> {
    let mut periods: Vec<&str> = periods.collect();
    periods.sort_unstable();
    periods.dedup();
    let mut note = conn.prepare_cached("INSERT INTO score_dirty VALUES (?1, ?2, NULL)")?;
    for p in periods {
        note.execute(params![branch_id, p])?;
    }
    Ok(())
}

/// Insert `n` claims, which `each` hands to the function it is given at
/// most `ROWS_PER_INSERT` at a time (decided ones marked as decided at `at`
/// by the import).
fn insert_claims(
    conn: &Connection,
    branch_id: i64,
    n: usize,
    at: &str,
    each: impl FnOnce(&mut dyn FnMut(&[StoredClaim]) -> rusqlite::Result<()>) -> rusqlite::Result<()>,
) -> rusqlite::Result<()> {
    let mut insert = ChunkInsert::new(branch_id, at);
    if n <= BULK {
        return each(&mut |chunk| insert.run(conn, chunk));
    }
    // The per-row triggers' work is done once for the batch's periods.
    let mut periods: Vec<String> = Vec::new();
    super::bulk_schema::without_row_triggers(conn, || {
        each(&mut |chunk| {
            for c in chunk {
                if !periods.iter().any(|p| p == c.period) {
                    periods.push(c.period.to_string());
                }
            }
            insert.run(conn, chunk)
        })
    })?;
    let periods = || periods.iter().map(String::as_str);
    refuse_locked(conn, branch_id, periods())?;
    note_periods(conn, branch_id, periods())
}

/// Refuse claims for a period that is locked, as `claim_locked_insert` does
/// row by row.
fn refuse_locked<'a>(
    conn: &Connection,
    branch_id: i64,
    periods: impl Iterator<Item = &'a str>,
) -> rusqlite::Result<()> {
    let mut periods: Vec<&str> = periods.collect();
    periods.sort_unstable();
    periods.dedup();
    let mut locked = conn.prepare_cached(
        "SELECT 1 FROM period WHERE branch_id = ?1 AND id = ?2
         AND (state = 'locked' OR state = 'published' OR state = 'final')",
    )?;
    for p in periods {
        if locked.exists(params![branch_id, p])? {
            return Err(rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error {
                    code: rusqlite::ErrorCode::ConstraintViolation,
                    extended_code: rusqlite::ffi::SQLITE_CONSTRAINT_TRIGGER,
                },
                Some("period is locked".into()),
            ));
        }
    }
    Ok(())
}

/// Insert claim rows (decided ones marked as decided at `at` by the import).
pub(super) fn insert_claim_rows_all(
    conn: &Connection,
    branch_id: i64,
    claims: &[NewClaim],
    at: &str,
) -> rusqlite::Result<()> {
    let mut insert = ChunkInsert::new(branch_id, at);
    let rows = stored_of(claims)?;
    rows.chunks(ROWS_PER_INSERT)
        .try_for_each(|chunk| insert.run(conn, chunk))
}

/// Claims as stored, borrowed; refused when one's period is not one.
fn stored_of(claims: &[NewClaim]) -> rusqlite::Result<Vec<StoredClaim<'_>>> {
    Ok(claims
        .iter()
        .map(StoredClaim::of)
        .collect::<Result<_, claim_rows::BadLine>>()?)
}

/// The statement inserting `rows` claim rows.
fn insert_sql(rows: usize) -> String {
    let row = "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    format!("{CLAIM_INSERT}{}", vec![row; rows].join(","))
}

/// Claims inserted by one statement: a statement's fixed costs (its
/// statement journal, the trigger frames it opens) are paid once per chunk.
const ROWS_PER_INSERT: usize = 50;

/// Columns of a claim row as inserted.
const CLAIM_INSERT: &str = "INSERT INTO claim (id, branch_id, member_id, period, item, level, count,
    claimed, points, act_date, note, evidence, source, status, reason, decided_at, decided_by) VALUES ";

/// Inserts claim rows a chunk at a time; the statement text of a full chunk
/// is made once, not once per chunk.
struct ChunkInsert<'a> {
    branch_id: i64,
    at: &'a str,
    full: String,
}

impl<'a> ChunkInsert<'a> {
    fn new(branch_id: i64, at: &'a str) -> Self {
        ChunkInsert {
            branch_id,
            at,
            full: insert_sql(ROWS_PER_INSERT),
        }
    }

    /// Insert up to `ROWS_PER_INSERT` claims with one statement.
    fn run(&mut self, conn: &Connection, chunk: &[StoredClaim]) -> rusqlite::Result<()> {
        let sql = if chunk.len() == ROWS_PER_INSERT {
            std::borrow::Cow::Borrowed(self.full.as_str())
        } else {
            std::borrow::Cow::Owned(insert_sql(chunk.len()))
        };
        let status = |c: &StoredClaim| c.line.verdict.unwrap_or(ClaimStatus::Pending);
        let decided: Vec<(Option<&str>, Option<&str>)> = chunk
            .iter()
            .map(|c| match status(c) {
                ClaimStatus::Pending => (None, None),
                _ => (Some(self.at), Some("import")),
            })
            .collect();
        let statuses: Vec<ClaimStatus> = chunk.iter().map(status).collect();
        let mut values: Vec<&dyn rusqlite::ToSql> = Vec::with_capacity(chunk.len() * 17);
        for ((c, (decided_at, by)), status) in chunk.iter().zip(&decided).zip(&statuses) {
            let l = &c.line;
            values.extend([
                &c.id as &dyn rusqlite::ToSql,
                &self.branch_id,
                &l.member_id,
                &c.period,
                &l.item,
                &l.level,
                &l.count,
                &l.claimed,
                &l.claimed,
                &l.date,
                &l.note,
                &l.evidence,
                &l.source,
                status,
                &l.reason,
                decided_at,
                by,
            ]);
        }
        conn.prepare_cached(&sql)?
            .execute(rusqlite::params_from_iter(values))?;
        Ok(())
    }
}

fn set_claim(
    conn: &Connection,
    claim: i64,
    status: ClaimStatus,
    points: f64,
    reason: Option<&str>,
    decided_at: Option<&str>,
    by: Option<&str>,
) -> rusqlite::Result<()> {
    let changed = conn
        .prepare_cached(
            "UPDATE claim SET status = ?2, points = ?3, reason = ?4, decided_at = ?5, decided_by = ?6 WHERE id = ?1",
        )?
        .execute(params![claim, status, points, reason, decided_at, by])?;
    if changed == 0 {
        return Err(rusqlite::Error::QueryReturnedNoRows);
    }
    Ok(())
}
