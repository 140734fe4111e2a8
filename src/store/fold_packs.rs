//! Migration 7's one step in Rust: the claims an older jifen kept in packs
//! (one row per member and period of a large import) become claim rows again.
//! Their text is taken from the journal's own batches, so nothing but the
//! journal is trusted and no pack encoding is needed to read them.

use super::events::Event;
use rusqlite::{params, Connection};

/// Insert a claim row for every claim still held in a pack, then forget the
/// packs. Runs inside the migration's transaction, before its SQL.
pub(super) fn fold(conn: &Connection) -> rusqlite::Result<()> {
    let has_packs: bool = conn.query_row(
        "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'claim_pack'",
        [],
        |r| r.get(0),
    )?;
    if !has_packs {
        return Ok(());
    }
    let packs: Vec<(i64, i64)> = {
        let mut st = conn.prepare("SELECT first_id, n FROM claim_pack ORDER BY first_id")?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    if packs.is_empty() {
        return Ok(());
    }
    let packed = |id: i64| {
        let i = packs.partition_point(|p| p.0 <= id);
        i > 0 && id < packs[i - 1].0 + packs[i - 1].1
    };
    // The lock trigger would refuse rows of locked periods; the migration's
    // SQL puts it back.
    conn.execute_batch("DROP TRIGGER IF EXISTS claim_locked_insert")?;
    let mut st = conn.prepare(
        "SELECT at, payload FROM event WHERE kind = 'claims_batch' AND payload LIKE '%\"packed\":true%' ORDER BY seq",
    )?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        let at: String = r.get(0)?;
        let payload: &str = r.get_ref(1)?.as_str()?;
        let Ok(Event::ClaimsBatch {
            branch_id,
            first_id,
            rows: lines,
            packed: true,
        }) = serde_json::from_str::<Event>(payload)
        else {
            continue;
        };
        let claims = super::claim_rows::decode(first_id, &lines).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, e.into())
        })?;
        let still: Vec<_> = claims.into_iter().filter(|c| packed(c.id)).collect();
        super::apply::insert_claim_rows_all(conn, branch_id, &still, &at)?;
    }
    let left: i64 = conn.query_row(
        "SELECT (SELECT COALESCE(SUM(n), 0) FROM claim_pack)
              - (SELECT count(*) FROM claim c WHERE EXISTS
                  (SELECT 1 FROM claim_pack p WHERE c.id >= p.first_id AND c.id < p.first_id + p.n))",
        params![],
        |r| r.get(0),
    )?;
    if left != 0 {
        return Err(rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            format!("{left} packed claims are not in the journal's batches").into(),
        ));
    }
    Ok(())
}
