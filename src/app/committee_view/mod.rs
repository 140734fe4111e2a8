//! The committee's read models for its desk (console) and its board: which
//! branches filed a period, which are late or missing, and the rankings
//! across branches by category (seed 001 分类排名). Built from the same app
//! functions `filing list`, `filing list --missing` and `rank --by-category`
//! use, so the screens and the command line say the same thing.

mod filings;
mod ranking;

pub use filings::{
    filing_due, filings_view, window_end, FilingLine, FilingsView, LineStatus, FILING_DAYS,
};
pub use ranking::{category_groups, scheme_names, CategoryGroup, SchemeNames};

use super::Result;
use crate::domain::model::PeriodId;
use crate::store;
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// Every period some branch filed at the committee `db`, oldest first; with
/// a roster, also the last period of each of its cycles ended by `today`
/// (what its branches file now), so that it shows, every branch awaited,
/// before the first filing of it comes.
pub fn periods(db: &Path, today: NaiveDate) -> Result<Vec<String>> {
    let conn = super::filing::committee_reader(db)?;
    let mut ps = store::committee_view::periods(&conn)?;
    for p in filed_now(&store::committee::roster(&conn)?, today) {
        if !ps.contains(&p) {
            ps.push(p);
        }
    }
    Ok(sorted(ps))
}

/// The last period ended by `today` of each cycle the roster's branches
/// score by (a scheme not built in, or none named: quarters).
fn filed_now(roster: &[store::committee::RosterBranch], today: NaiveDate) -> Vec<String> {
    use crate::domain::model::PeriodKind;
    use crate::domain::scheme::{Cycle, Scheme};
    let mut schemes: Vec<Option<&str>> = roster.iter().map(|r| r.scheme.as_deref()).collect();
    schemes.sort_unstable();
    schemes.dedup();
    let mut kinds: Vec<PeriodKind> = schemes
        .into_iter()
        .map(
            |id| match id.and_then(Scheme::builtin).map(|(s, _)| s.cycle) {
                Some(Cycle::Half) => PeriodKind::Half(1),
                _ => PeriodKind::Quarter(1),
            },
        )
        .collect();
    kinds.sort_unstable();
    kinds.dedup();
    kinds
        .into_iter()
        .filter_map(|kind| {
            let of = |day: NaiveDate| PeriodId { year: 0, kind }.containing(day);
            let ended = of(today).bounds().0.pred_opt()?;
            Some(of(ended).to_string())
        })
        .collect()
}

/// Periods in time order (`2026Q3` before `2026Q4`, a year after its parts);
/// an id that does not parse keeps its text order, last.
fn sorted(mut ps: Vec<String>) -> Vec<String> {
    use std::cmp::Reverse;
    // By last day; of two ending together the longer (the year) comes last.
    ps.sort_by_key(|p| match p.parse::<PeriodId>() {
        Ok(id) => (0, id.bounds().1, Reverse(id.bounds().0), p.clone()),
        Err(_) => (
            1,
            Default::default(),
            Reverse(Default::default()),
            p.clone(),
        ),
    });
    ps
}

/// A committee database held open to follow it live (the board, the desk):
/// a cheap change check, re-reads only after another connection committed.
pub struct Watch {
    path: PathBuf,
    conn: store::Db,
}

impl Watch {
    /// Open the committee database `db` to read (refused when it is not one).
    pub fn open(db: &Path) -> Result<Watch> {
        Ok(Watch {
            path: db.to_path_buf(),
            conn: super::filing::committee_reader(db)?,
        })
    }

    /// SQLite's data_version: changes whenever another connection commits.
    pub fn version(&self) -> Result<i64> {
        Ok(store::db::data_version(&self.conn)?)
    }

    /// Wait at most `wait` on a writer's lock before a read gives up.
    pub fn set_busy_timeout(&self, wait: std::time::Duration) -> Result<()> {
        Ok(store::db::busy_timeout(&self.conn, wait)?)
    }

    /// The database's path.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn periods_sort_in_time_order() {
        let got = super::sorted(vec![
            "2026".into(),
            "2026Q4".into(),
            "2026H1".into(),
            "2025Q4".into(),
            "2026Q1".into(),
        ]);
        assert_eq!(got, ["2025Q4", "2026Q1", "2026H1", "2026Q4", "2026"]);
    }
}
