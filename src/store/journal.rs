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
