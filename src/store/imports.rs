//! The record of claim files imported (`import_log`, beside the ledger).

use rusqlite::{params, Connection, OptionalExtension};

/// An earlier claim import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportRecord {
    /// The file as it was named then.
    pub file: String,
    pub rows: i64,
    /// The first of its claims (ids run on from it).
    pub first_claim: i64,
    /// When it was journalled.
    pub at: String,
}

/// The latest import into `branch` of a row set with this digest and size
/// whose claims are still on record (not all withdrawn, as an undo leaves them).
pub fn find_live(
    conn: &Connection,
    branch: i64,
    digest: &str,
    rows: i64,
) -> rusqlite::Result<Option<ImportRecord>> {
    conn.prepare_cached(
        "SELECT i.file, i.rows, i.first_claim, i.at FROM import_log i
         WHERE i.branch_id = ?1 AND i.rows_digest = ?2 AND i.rows = ?3
           AND EXISTS (SELECT 1 FROM claim c
                       WHERE c.id >= i.first_claim AND c.id < i.first_claim + i.rows
                         AND c.status <> 'withdrawn')
         ORDER BY i.id DESC LIMIT 1",
    )?
    .query_row(params![branch, digest, rows], |r| {
        Ok(ImportRecord {
            file: r.get(0)?,
            rows: r.get(1)?,
            first_claim: r.get(2)?,
            at: r.get(3)?,
        })
    })
    .optional()
}

/// The most rows of an import into `branch` whose claims are still on
/// record: a file with more rows cannot repeat one (0 when there is none).
pub fn most_rows_live(conn: &Connection, branch: i64) -> rusqlite::Result<usize> {
    let most: Option<i64> = conn
        .prepare_cached(
            "SELECT max(i.rows) FROM import_log i
             WHERE i.branch_id = ?1
               AND EXISTS (SELECT 1 FROM claim c
                           WHERE c.id >= i.first_claim AND c.id < i.first_claim + i.rows
                             AND c.status <> 'withdrawn')",
        )?
        .query_row(params![branch], |r| r.get(0))?;
    Ok(most.map_or(0, |n| usize::try_from(n).unwrap_or(0)))
}

/// Note an import (inside the write that journalled its claims).
pub fn record(
    conn: &Connection,
    branch: i64,
    digest: &str,
    rec: &ImportRecord,
) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO import_log (branch_id, file, rows_digest, rows, first_claim, at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        branch,
        rec.file,
        digest,
        rec.rows,
        rec.first_claim,
        rec.at
    ])?;
    Ok(())
}
