//! Schema objects a large batch of claims stands in for inside its own
//! transaction: dropped, then put back from their own stored SQL. The drop is
//! part of the caller's transaction, so no other connection ever sees the
//! schema without them, and a batch that fails rolls the drop back with it.

use rusqlite::Connection;

/// Schema objects dropped for a batch, with the SQL that makes them again.
#[must_use = "dropped schema objects must be put back"]
pub struct Dropped(Vec<String>);

impl Dropped {
    /// Make every dropped object again, from its own SQL.
    pub fn restore(self, conn: &Connection) -> rusqlite::Result<()> {
        for sql in &self.0 {
            conn.execute_batch(sql)?;
        }
        Ok(())
    }
}

/// Drop the objects named in `names` that exist, keeping their SQL.
fn drop_named(
    conn: &Connection,
    names: &[(String, String)],
    kind: &str,
) -> rusqlite::Result<Dropped> {
    let mut saved = Vec::with_capacity(names.len());
    for (name, sql) in names {
        conn.execute_batch(&format!("DROP {kind} \"{name}\""))?;
        saved.push(sql.clone());
    }
    Ok(Dropped(saved))
}

/// The stored SQL of the `kind` objects named in `names` that exist.
fn stored_sql(
    conn: &Connection,
    kind: &str,
    names: &[&str],
) -> rusqlite::Result<Vec<(String, String)>> {
    let mut q = conn.prepare_cached(
        "SELECT name, sql FROM sqlite_master WHERE type = ?1 AND name = ?2 AND sql IS NOT NULL",
    )?;
    let mut out = Vec::new();
    for name in names {
        let found = q
            .query_map(rusqlite::params![kind, name], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?
            .collect::<rusqlite::Result<Vec<(String, String)>>>()?;
        out.extend(found);
    }
    Ok(out)
}

/// The per-row triggers a bulk insert of claims stands in for: the caller has
/// found the periods open and noted them whole for re-scoring just before.
const BULK_ROW_TRIGGERS: [&str; 2] = ["claim_locked_insert", "score_claim_insert"];

/// Run `f` with the claim table's per-row insert triggers dropped, and put
/// them back whatever `f` returns.
pub fn without_row_triggers<T>(
    conn: &Connection,
    f: impl FnOnce() -> rusqlite::Result<T>,
) -> rusqlite::Result<T> {
    let named = stored_sql(conn, "trigger", &BULK_ROW_TRIGGERS)?;
    let dropped = drop_named(conn, &named, "TRIGGER")?;
    let out = f();
    dropped.restore(conn)?;
    out
}

/// How many claims are stored, by their highest number: a batch that
/// outnumbers them builds the claim indexes after its rows
/// ([`drop_claim_indexes`]).
pub fn stored_claims(conn: &Connection) -> rusqlite::Result<usize> {
    let stored: i64 = conn.query_row("SELECT coalesce(max(id), 0) FROM claim", [], |r| r.get(0))?;
    Ok(usize::try_from(stored).unwrap_or(0))
}

/// Drop the claim table's indexes for a batch that outnumbers the claims
/// already stored: one sorted build after the batch costs less than as many
/// scattered inserts. Measured on 200,000 claims (`benches/RESULTS.md`,
/// eighth pass), the index upkeep was 0.7 s of the insert's 1.0 s of CPU; it
/// is what a one-off import of a branch's or a county's history waits for.
/// Smaller batches keep the indexes.
pub fn drop_claim_indexes(conn: &Connection) -> rusqlite::Result<Dropped> {
    let mut q = conn.prepare_cached(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'claim' AND sql IS NOT NULL",
    )?;
    let named = q
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<Vec<(String, String)>>>()?;
    drop_named(conn, &named, "INDEX")
}
