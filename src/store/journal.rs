//! The append-only journal with its SHA-256 hash chain.

use super::apply::apply;
use super::events::Event;
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use sha2::{Digest, Sha256};

/// Hash of the empty chain.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The branch an event belongs to and the action (one command) that wrote
/// it; the action's number is the seq of its first event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub branch: i64,
    pub action: i64,
}

/// Hash of one journal row written before events carried a stamp.
pub fn chain_hash(
    prev: &str,
    seq: i64,
    at: &str,
    actor: &str,
    kind: &str,
    payload: &str,
) -> String {
    stamped_hash(prev, seq, at, actor, kind, payload, None)
}

/// Hash of one journal row; a stamped row's hash covers its stamp too, an
/// unstamped row's is what it always was.
pub fn stamped_hash(
    prev: &str,
    seq: i64,
    at: &str,
    actor: &str,
    kind: &str,
    payload: &str,
    stamp: Option<Stamp>,
) -> String {
    let mut h = Sha256::new();
    for part in [prev, &seq.to_string(), at, actor, kind, payload] {
        h.update(part.as_bytes());
        h.update([0u8]);
    }
    if let Some(s) = stamp {
        for part in [s.branch, s.action] {
            h.update(part.to_string().as_bytes());
            h.update([0u8]);
        }
    }
    hex::encode(h.finalize())
}

/// Whether a payload is in the compact form `serde_json::to_string` writes:
/// no whitespace outside strings. Every payload jifen ever wrote is; a
/// hand-edited one with a whitespace tail (the cheap way to grind a hash
/// towards a chosen prefix) is not. Hashes stay over the stored text, so
/// older databases verify as they were written.
pub fn is_compact(payload: &str) -> bool {
    let (mut in_string, mut escaped) = (false, false);
    for b in payload.bytes() {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
        } else {
            match b {
                b'"' => in_string = true,
                b' ' | b'\t' | b'\n' | b'\r' => return false,
                _ => {}
            }
        }
    }
    !in_string
}

/// The stamp of the action that starts with the next event.
pub fn next_action(conn: &Connection, branch: i64) -> rusqlite::Result<Stamp> {
    Ok(Stamp {
        branch,
        action: head(conn)?.0 + 1,
    })
}

/// Last sequence number and hash of the journal.
pub fn head(conn: &Connection) -> rusqlite::Result<(i64, String)> {
    Ok(conn
        .prepare_cached("SELECT seq, hash FROM event ORDER BY seq DESC LIMIT 1")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?
        .unwrap_or((0, GENESIS.to_string())))
}

const INSERT: &str =
    "INSERT INTO event (seq, at, actor, kind, payload, prev_hash, hash, branch_id, action)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";

/// Append an event of the action `stamp` and apply it, inside the caller's
/// transaction. Returns (seq, hash).
pub fn append(
    conn: &Connection,
    actor: &str,
    ev: &Event,
    at: &str,
    stamp: Stamp,
) -> rusqlite::Result<(i64, String)> {
    let (last, prev) = head(conn)?;
    let seq = last + 1;
    let payload = serde_json::to_string(ev)
        .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
    let kind = ev.kind();
    let hash = stamped_hash(&prev, seq, at, actor, kind, &payload, Some(stamp));
    conn.prepare_cached(INSERT)?.execute(params![
        seq,
        at,
        actor,
        kind,
        payload,
        prev,
        hash,
        stamp.branch,
        stamp.action
    ])?;
    apply(conn, ev, at, &hash)?;
    Ok((seq, hash))
}

/// How many claims a bulk addition's batches hold (one line each; a note
/// holding a line break counts twice, which only errs towards a rebuild).
fn claims_in(events: &[Event]) -> usize {
    events
        .iter()
        .map(|e| match e {
            Event::ClaimsBatch { rows, .. } => rows.bytes().filter(|&b| b == b'\n').count(),
            _ => 0,
        })
        .sum()
}

/// Append events and apply them, inside the caller's transaction; returns
/// each one's (seq, hash). A run of bulk claim batches goes through
/// [`append_batches`].
pub fn append_all(
    conn: &Connection,
    actor: &str,
    events: &[Event],
    at: &str,
    stamp: Stamp,
) -> rusqlite::Result<Vec<(i64, String)>> {
    let bulk = events.len() > 1
        && events
            .iter()
            .all(|e| matches!(e, Event::ClaimsBatch { .. }));
    if bulk {
        let batches = events.iter().cloned().map(Ok::<Event, rusqlite::Error>);
        return append_batches(conn, actor, at, stamp, batches);
    }
    events
        .iter()
        .map(|ev| append(conn, actor, ev, at, stamp))
        .collect()
}

/// Append a run of bulk claim batches (which apply without their hash) as
/// `batches` gives them, inside the caller's transaction; returns each one's
/// (seq, hash). Each batch is applied as it comes and then hashed on a second
/// thread while this one applies the next: the hash chain of a million
/// imported claims costs as long as storing them. Once the claims given
/// outnumber those stored, the claim indexes are dropped and built once after
/// the last batch. The first error `batches` gives ends the run with it; the
/// caller's transaction must then roll back (the indexes may be dropped).
pub fn append_batches<E: From<rusqlite::Error>>(
    conn: &Connection,
    actor: &str,
    at: &str,
    stamp: Stamp,
    batches: impl Iterator<Item = Result<Event, E>>,
) -> Result<Vec<(i64, String)>, E> {
    let (last, prev) = head(conn)?;
    let stored = super::bulk_schema::stored_claims(conn)?;
    let (to_hasher, hasher_rx) = std::sync::mpsc::channel::<Event>();
    let hashed = std::thread::scope(|s| {
        let first_prev = prev.clone();
        let hasher = s.spawn(move || hash_run(hasher_rx, last, first_prev, at, actor, stamp));
        // `to_hasher` is dropped when the run ends, so the hasher ends too.
        let applied = apply_run(conn, at, stored, batches, to_hasher);
        let hashed = hasher.join().map_err(|_| {
            rusqlite::Error::ToSqlConversionFailure("the journal's hashing thread failed".into())
        });
        applied?;
        Ok::<_, E>(hashed?.map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?)
    })?;
    let mut put = conn.prepare_cached(INSERT)?;
    let mut prev = prev;
    let mut out = Vec::with_capacity(hashed.len());
    for (i, (kind, payload, hash)) in hashed.into_iter().enumerate() {
        let seq = last + 1 + i as i64;
        put.execute(params![
            seq,
            at,
            actor,
            kind,
            payload,
            prev,
            hash,
            stamp.branch,
            stamp.action
        ])?;
        prev.clone_from(&hash);
        out.push((seq, hash));
    }
    Ok(out)
}

/// Apply each batch as it comes and pass it on to the hasher; the claim
/// indexes go once the claims given outnumber the `stored` ones.
fn apply_run<E: From<rusqlite::Error>>(
    conn: &Connection,
    at: &str,
    stored: usize,
    batches: impl Iterator<Item = Result<Event, E>>,
    to_hasher: std::sync::mpsc::Sender<Event>,
) -> Result<(), E> {
    let mut indexes = None;
    let mut given = 0;
    for ev in batches {
        let ev = ev?;
        given += claims_in(std::slice::from_ref(&ev));
        if indexes.is_none() && given > stored {
            indexes = Some(super::bulk_schema::drop_claim_indexes(conn)?);
        }
        apply(conn, &ev, at, "")?;
        if to_hasher.send(ev).is_err() {
            break; // the hasher failed: its join says so
        }
    }
    if let Some(indexes) = indexes {
        indexes.restore(conn)?;
    }
    Ok(())
}

/// Hash a run of events as they come, chained from `prev` after seq `last`:
/// each one's (kind, payload, hash).
fn hash_run(
    events: std::sync::mpsc::Receiver<Event>,
    last: i64,
    mut prev: String,
    at: &str,
    actor: &str,
    stamp: Stamp,
) -> serde_json::Result<Vec<(&'static str, String, String)>> {
    let mut out = Vec::new();
    for (i, ev) in events.into_iter().enumerate() {
        let payload = serde_json::to_string(&ev)?;
        let seq = last + 1 + i as i64;
        let hash = stamped_hash(&prev, seq, at, actor, ev.kind(), &payload, Some(stamp));
        prev.clone_from(&hash);
        out.push((ev.kind(), payload, hash));
    }
    Ok(out)
}

/// Begin an IMMEDIATE transaction on `conn` (the caller commits it).
pub fn begin(conn: &mut Connection) -> rusqlite::Result<rusqlite::Transaction<'_>> {
    conn.transaction_with_behavior(TransactionBehavior::Immediate)
}

/// Run `f` inside an IMMEDIATE write transaction.
pub fn write<T, E: From<rusqlite::Error>>(
    conn: &mut Connection,
    f: impl FnOnce(&rusqlite::Transaction) -> Result<T, E>,
) -> Result<T, E> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let out = f(&tx)?;
    tx.commit()?;
    Ok(out)
}

/// A journal row as undo reads it.
#[derive(Debug, Clone)]
pub struct RecentEvent {
    pub seq: i64,
    /// `None`: journalled before events carried a stamp.
    pub stamp: Option<Stamp>,
    pub kind: String,
    /// Empty when longer than the reader asked for (a bulk import).
    pub payload: String,
}

impl RecentEvent {
    /// The action the event belongs to: an unstamped event is one of its own.
    pub fn action(&self) -> i64 {
        self.stamp.map_or(self.seq, |s| s.action)
    }
}

/// Walk the events of `branch` (and the unstamped ones, which name their
/// branch inside) newest first, until `f` says stop (false) or `limit` rows
/// were seen. Payloads over `max_payload` bytes come back empty, unread.
/// Every unstamped event is older than every stamped one (a database is
/// migrated before it journals), so the branch's stamped events come first,
/// each read by the index on (branch_id, seq).
pub fn each_recent(
    conn: &Connection,
    branch: i64,
    limit: i64,
    max_payload: i64,
    mut f: impl FnMut(RecentEvent) -> bool,
) -> rusqlite::Result<()> {
    let mut seen = 0;
    for sql in [
        "SELECT seq, branch_id, action, kind,
                CASE WHEN octet_length(payload) <= ?3 THEN payload ELSE '' END
         FROM event WHERE branch_id = ?1 ORDER BY seq DESC LIMIT ?2",
        "SELECT seq, branch_id, action, kind,
                CASE WHEN octet_length(payload) <= ?3 THEN payload ELSE '' END
         FROM event WHERE branch_id IS NULL AND ?1 IS NOT NULL ORDER BY seq DESC LIMIT ?2",
    ] {
        let mut st = conn.prepare_cached(sql)?;
        let mut rows = st.query(params![branch, limit - seen, max_payload])?;
        while let Some(r) = rows.next()? {
            seen += 1;
            let stamp = match (r.get::<_, Option<i64>>(1)?, r.get::<_, Option<i64>>(2)?) {
                (Some(branch), Some(action)) => Some(Stamp { branch, action }),
                _ => None,
            };
            let ev = RecentEvent {
                seq: r.get(0)?,
                stamp,
                kind: r.get(3)?,
                payload: r.get(4)?,
            };
            if !f(ev) {
                return Ok(());
            }
        }
    }
    Ok(())
}

/// The payload of journal event `seq`, however long.
pub fn payload(conn: &Connection, seq: i64) -> rusqlite::Result<String> {
    conn.prepare_cached("SELECT payload FROM event WHERE seq = ?1")?
        .query_row([seq], |r| r.get(0))
}
