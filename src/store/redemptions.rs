//! The `redemption` table (积分兑换): its rows as events write them, and the
//! sums a balance is made of.

use super::events::Event;
use crate::domain::model::ClaimStatus;
use rusqlite::{params, Connection};

/// Write a `redeem` or `redeem_cancel` event (journalled at `at`) to the table.
pub(super) fn apply(conn: &Connection, ev: &Event, at: &str) -> rusqlite::Result<()> {
    match ev {
        Event::Redeem {
            id,
            branch_id,
            period,
            member_id,
            gift,
            count,
            points,
        } => {
            conn.prepare_cached(
                "INSERT INTO redemption (id, branch_id, period, member_id, gift, count, points, at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?
            .execute(params![
                id, branch_id, period, member_id, gift, count, points, at
            ])?;
        }
        Event::RedeemCancel { id } => {
            let gone = conn
                .prepare_cached("DELETE FROM redemption WHERE id = ?1")?
                .execute([id])?;
            if gone == 0 {
                return Err(rusqlite::Error::QueryReturnedNoRows);
            }
        }
        _ => {}
    }
    Ok(())
}

/// The next redemption number never given before, even to a redemption
/// since undone (a slip's number names one redemption for good). Take it
/// inside the write that uses it.
pub fn next_id(conn: &Connection) -> rusqlite::Result<i64> {
    conn.prepare_cached(
        "SELECT MAX(
             (SELECT COALESCE(MAX(id), 0) FROM redemption),
             (SELECT COALESCE(MAX(CAST(json_extract(payload, '$.id') AS INTEGER)), 0)
                FROM event WHERE kind = 'redeem')) + 1",
    )?
    .query_row([], |r| r.get(0))
}

/// Per member, the points decided in their favour on the items `bonus`
/// names: approved or adjusted claims, and corrections of those items, in
/// every period up to and including `up_to` (all when `None`).
pub fn earned(
    conn: &Connection,
    branch: i64,
    bonus: &[&str],
    member: Option<i64>,
    up_to: Option<&str>,
) -> rusqlite::Result<Vec<(i64, f64)>> {
    let items = serde_json::Value::from(bonus.to_vec()).to_string();
    let mut st = conn.prepare_cached(
        "SELECT member_id, SUM(points) FROM (
             SELECT member_id, points FROM claim
              WHERE branch_id = ?1 AND status IN (?2, ?3)
                AND item IN (SELECT value FROM json_each(?4))
                AND (?5 IS NULL OR member_id = ?5) AND (?6 IS NULL OR period <= ?6)
             UNION ALL
             SELECT member_id, points FROM correction
              WHERE branch_id = ?1 AND item IN (SELECT value FROM json_each(?4))
                AND (?5 IS NULL OR member_id = ?5) AND (?6 IS NULL OR period <= ?6))
         GROUP BY member_id",
    )?;
    let rows = st.query_map(
        params![
            branch,
            ClaimStatus::Approved,
            ClaimStatus::Adjusted,
            items,
            member,
            up_to
        ],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    rows.collect()
}

/// Per member, the points spent on gifts up to and including `up_to`.
pub fn spent(
    conn: &Connection,
    branch: i64,
    member: Option<i64>,
    up_to: Option<&str>,
) -> rusqlite::Result<Vec<(i64, f64)>> {
    let mut st = conn.prepare_cached(
        "SELECT member_id, SUM(points) FROM redemption
          WHERE branch_id = ?1 AND (?2 IS NULL OR member_id = ?2) AND (?3 IS NULL OR period <= ?3)
          GROUP BY member_id",
    )?;
    let rows = st.query_map(params![branch, member, up_to], |r| {
        Ok((r.get(0)?, r.get(1)?))
    })?;
    rows.collect()
}

/// How many of each gift have been given out, by gift code.
pub fn given(conn: &Connection, branch: i64) -> rusqlite::Result<Vec<(String, i64)>> {
    let mut st = conn.prepare_cached(
        "SELECT gift, SUM(count) FROM redemption WHERE branch_id = ?1 GROUP BY gift",
    )?;
    let rows = st.query_map([branch], |r| Ok((r.get(0)?, r.get(1)?)))?;
    rows.collect()
}

/// One redemption as stored, with the member's name.
#[derive(Debug, Clone, PartialEq)]
pub struct RedemptionRow {
    pub id: i64,
    pub period: String,
    pub member_id: i64,
    pub member: String,
    pub gift: String,
    pub count: i64,
    pub points: f64,
    pub at: String,
}

/// The branch's redemptions in `period` (all when `None`), in the order made.
pub fn rows(
    conn: &Connection,
    branch: i64,
    period: Option<&str>,
) -> rusqlite::Result<Vec<RedemptionRow>> {
    let mut st = conn.prepare_cached(
        "SELECT r.id, r.period, r.member_id, m.name, r.gift, r.count, r.points, r.at
           FROM redemption r JOIN member m ON m.id = r.member_id
          WHERE r.branch_id = ?1 AND (?2 IS NULL OR r.period = ?2)
          ORDER BY r.id",
    )?;
    let rows = st.query_map(params![branch, period], |r| {
        Ok(RedemptionRow {
            id: r.get(0)?,
            period: r.get(1)?,
            member_id: r.get(2)?,
            member: r.get(3)?,
            gift: r.get(4)?,
            count: r.get(5)?,
            points: r.get(6)?,
            at: r.get(7)?,
        })
    })?;
    rows.collect()
}
