//! The append-only journal with its SHA-256 hash chain.

use super::apply::apply;
use super::events::Event;
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use sha2::{Digest, Sha256};

/// Hash of the empty chain.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Hash of one journal row.
pub fn chain_hash(
    prev: &str,
    seq: i64,
    at: &str,
    actor: &str,
    kind: &str,
    payload: &str,
) -> String {
    let mut h = Sha256::new();
    for part in [prev, &seq.to_string(), at, actor, kind, payload] {
        h.update(part.as_bytes());
        h.update([0u8]);
    }
    hex::encode(h.finalize())
}

/// Last sequence number and hash of the journal.
pub fn head(conn: &Connection) -> rusqlite::Result<(i64, String)> {
    Ok(conn
        .prepare_cached("SELECT seq, hash FROM event ORDER BY seq DESC LIMIT 1")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?
        .unwrap_or((0, GENESIS.to_string())))
}

/// Append an event and apply it, inside the caller's transaction. Returns (seq, hash).
pub fn append(
    conn: &Connection,
    actor: &str,
    ev: &Event,
    at: &str,
) -> rusqlite::Result<(i64, String)> {
    let (last, prev) = head(conn)?;
    let seq = last + 1;
    let payload = serde_json::to_string(ev)
        .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
    let kind = ev.kind();
    let hash = chain_hash(&prev, seq, at, actor, kind, &payload);
    conn.prepare_cached(
        "INSERT INTO event (seq, at, actor, kind, payload, prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![seq, at, actor, kind, payload, prev, hash])?;
    apply(conn, ev, at, &hash)?;
    Ok((seq, hash))
}

/// Append events and apply them, inside the caller's transaction; returns
/// each one's (seq, hash). A run of bulk claim batches (which apply without
/// their hash) is hashed on a second thread while the first applies it: the
/// hash chain of a million imported claims costs as long as storing them.
pub fn append_all(
    conn: &Connection,
    actor: &str,
    events: &[Event],
    at: &str,
) -> rusqlite::Result<Vec<(i64, String)>> {
    let bulk = events.len() > 1
        && events
            .iter()
            .all(|e| matches!(e, Event::ClaimsBatch { .. }));
    if !bulk {
        return events
            .iter()
            .map(|ev| append(conn, actor, ev, at))
            .collect();
    }
    let (last, prev) = head(conn)?;
    let hashed = std::thread::scope(|s| {
        let hasher = s.spawn(|| -> serde_json::Result<Vec<(String, String)>> {
            let mut prev = prev.clone();
            let mut out = Vec::with_capacity(events.len());
            for (i, ev) in events.iter().enumerate() {
                let payload = serde_json::to_string(ev)?;
                let hash = chain_hash(&prev, last + 1 + i as i64, at, actor, ev.kind(), &payload);
                prev.clone_from(&hash);
                out.push((payload, hash));
            }
            Ok(out)
        });
        let applied: rusqlite::Result<()> =
            events.iter().try_for_each(|ev| apply(conn, ev, at, ""));
        let hashed = hasher.join().map_err(|_| {
            rusqlite::Error::ToSqlConversionFailure("the journal's hashing thread failed".into())
        })?;
        applied?;
        hashed.map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))
    })?;
    let mut put = conn.prepare_cached(
        "INSERT INTO event (seq, at, actor, kind, payload, prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    let mut prev = prev;
    let mut out = Vec::with_capacity(events.len());
    for (i, (ev, (payload, hash))) in events.iter().zip(hashed).enumerate() {
        let seq = last + 1 + i as i64;
        put.execute(params![seq, at, actor, ev.kind(), payload, prev, hash])?;
        prev.clone_from(&hash);
        out.push((seq, hash));
    }
    Ok(out)
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
