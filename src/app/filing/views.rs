//! The committee's views over received filings: the list, the branches
//! missing a period, a branch's ranking as the branch ranked, and rankings
//! across branches by member category (seed 001 分类排名).

use super::error::FilingError;
use crate::app::views::RankRow;
use crate::app::{CoreError, Result};
use crate::store::{self, filing as rows};
use serde::Serialize;
use std::path::Path;

/// Open `db` read-only as a committee database (else refused).
pub(crate) fn committee_reader(db: &Path) -> Result<store::Db> {
    let not = || -> CoreError {
        FilingError::NotCommittee {
            path: db.display().to_string(),
        }
        .into()
    };
    if !db.exists() {
        return Err(not());
    }
    let conn = store::open_reader(db)?;
    let kind = rows::is_committee(&conn);
    if !kind.unwrap_or(false) {
        return Err(not());
    }
    if store::db::is_older(&conn, db)? {
        // Made by an older jifen: brought up to date first, as a receipt
        // would, so every view reads the tables it knows.
        drop(conn);
        drop(store::open_rw(db)?);
        return Ok(store::open_reader(db)?);
    }
    Ok(conn)
}

/// Whether the database at `db` is a committee's.
pub fn is_committee(db: &Path) -> bool {
    db.exists()
        && store::open_reader(db)
            .ok()
            .and_then(|c| rows::is_committee(&c).ok())
            .unwrap_or(false)
}

/// Every filing received (of `period` only, if given).
pub fn filings(db: &Path, period: Option<&str>) -> Result<Vec<rows::FilingRow>> {
    Ok(rows::filings(&committee_reader(db)?, period)?)
}

/// A branch the committee expects that has not filed a period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Missing {
    pub branch: String,
    pub period: String,
    /// The last period it did file (null: a branch of the roster that
    /// never filed).
    pub last_filed: Option<String>,
}

/// The branches the committee expects (its roster, and every branch that
/// filed some period) that have not filed `period`.
pub fn missing(db: &Path, period: &str) -> Result<Vec<Missing>> {
    Ok(rows::missing(&committee_reader(db)?, period)?
        .into_iter()
        .map(|(branch, last_filed)| Missing {
            branch,
            period: period.to_string(),
            last_filed,
        })
        .collect())
}

/// `branch`'s ranking of `period` as its filing gives it: the rows of
/// `rank --format json` at the branch.
pub fn branch_ranking(db: &Path, branch: &str, period: &str) -> Result<Vec<RankRow>> {
    let conn = committee_reader(db)?;
    let Some(f) = rows::filing_of(&conn, branch, period)? else {
        return Err(FilingError::NotReceived {
            branch: branch.to_string(),
            period: period.to_string(),
            known: rows::filings(&conn, Some(period))?
                .into_iter()
                .map(|f| f.branch)
                .collect(),
        }
        .into());
    };
    rows::result_rows(&conn, f.id)?
        .iter()
        .map(|r| {
            serde_json::from_str(r).map_err(|e| CoreError::Damaged {
                what: format!("filing {} result: {e}", f.id),
            })
        })
        .collect()
}

/// One member's place across branches in their category.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CategoryPlace {
    /// Scores of different schemes are not compared: each scheme ranks apart.
    pub scheme: String,
    pub category: String,
    /// Place among every branch's members of the category (ties share it).
    pub rank: u32,
    pub branch: String,
    pub member: String,
    pub score: f64,
    /// The member's rank at the branch.
    pub branch_rank: u32,
    pub grade: Option<String>,
}

/// Every active member of `period`'s filings ranked across branches, within
/// each scheme and member category, highest score first; ties share a place
/// (1, 2, 2, 4).
pub fn by_category(db: &Path, period: &str) -> Result<Vec<CategoryPlace>> {
    let mut all = rows::by_category(&committee_reader(db)?, period)?;
    // Places tied on a score list their branches as the desk does (第2 before
    // 第10), each branch's members in its own order.
    for tied in all.chunk_by_mut(|a, b| {
        a.scheme_id == b.scheme_id && a.category == b.category && a.score == b.score
    }) {
        tied.sort_by_cached_key(|r| crate::domain::text::natural_key(&r.branch));
    }
    let mut out: Vec<CategoryPlace> = Vec::with_capacity(all.len());
    let mut place = 0u32;
    for (i, r) in all.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| &all[j]);
        let same_group =
            prev.is_some_and(|p| p.scheme_id == r.scheme_id && p.category == r.category);
        if !same_group {
            place = 1;
        } else if prev.is_some_and(|p| (p.score - r.score).abs() > 1e-9) {
            place = out
                .iter()
                .rev()
                .take_while(|o| o.category == r.category && o.scheme == r.scheme_id)
                .count() as u32
                + 1;
        }
        out.push(CategoryPlace {
            scheme: r.scheme_id.clone(),
            category: r.category.clone(),
            rank: place,
            branch: r.branch.clone(),
            member: r.member.clone(),
            score: r.score,
            branch_rank: r.branch_rank,
            grade: r.grade.clone(),
        });
    }
    Ok(out)
}
