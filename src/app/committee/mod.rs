//! The committee's desk over the filings it received: its own journal (every
//! change an event, see `store::committee`), its publication window (公示,
//! seed 000: "由机关党委在一定范围内公示3个工作日") in working days of its own
//! calendar, and each filing's state beside its reconsiderations (复议).

mod publish;
mod roster;

pub use publish::{desk, publish, DeskRow, DeskState, Posting};
pub use roster::{import_roster, roster, RosterImport, RosterLine, ROSTER_COLUMNS};

use super::filing::FilingError;
use super::{now, CoreError, Result};
use crate::domain::calendar::Calendar;
use crate::store::{self, committee as rows, filing as filings};
use std::path::{Path, PathBuf};

/// Working days a committee posts a period's filings by default (seed 000).
pub const PUBLICATION_DAYS: u32 = 3;

/// A committee database opened to write: its connection, path and actor.
pub struct Desk {
    conn: store::Db,
    path: PathBuf,
    actor: String,
}

impl Desk {
    /// Open the committee database `db` to write (refused when it is not one).
    pub fn open(db: &Path) -> Result<Desk> {
        if !super::filing::is_committee(db) {
            return Err(FilingError::NotCommittee {
                path: db.display().to_string(),
            }
            .into());
        }
        let mut conn = store::open_rw(db)?;
        store::journal::write(&mut conn, |tx| journal_old_receipts(tx))?;
        Ok(Desk::over(conn, db))
    }

    /// A desk over a connection already open on a committee database.
    pub(crate) fn over(conn: store::Db, db: &Path) -> Desk {
        Desk {
            conn,
            path: db.to_path_buf(),
            actor: super::default_actor(),
        }
    }

    /// The connection, to read.
    pub fn conn(&self) -> &store::Db {
        &self.conn
    }

    /// The committee's working-day calendar: the built-in holidays and a
    /// `holidays.toml` next to its database, as a branch's.
    pub fn calendar(&self) -> Result<Calendar> {
        Ok(Calendar::for_db(&self.path)?)
    }

    /// Run `f` in one IMMEDIATE transaction; `f` journals through the
    /// [`Journal`] it is given.
    pub fn write<T>(&mut self, f: impl FnOnce(&Journal) -> Result<T>) -> Result<T> {
        let Desk { conn, actor, .. } = self;
        store::journal::write(conn, |tx| -> Result<T> {
            f(&Journal {
                tx,
                actor: actor.as_str(),
            })
        })
    }
}

/// The committee's journal inside one write.
pub struct Journal<'a> {
    pub tx: &'a store::Db,
    actor: &'a str,
}

impl Journal<'_> {
    /// Append and apply one committee event; returns its row.
    pub fn append(&self, ev: &rows::CommitteeEvent) -> Result<rows::CommitteeRow> {
        Ok(rows::append(self.tx, self.actor, ev, &now())?)
    }
}

/// Journal the receipt of every filing that has none (received before the
/// committee journalled receipts), inside the caller's transaction.
pub(crate) fn journal_old_receipts(conn: &store::Db) -> Result<()> {
    let missing = rows::unjournalled_filings(conn)?;
    if missing.is_empty() {
        return Ok(());
    }
    let all = filings::filings(conn, None)?;
    let actor = super::default_actor();
    for id in missing {
        if let Some(f) = all.iter().find(|f| f.id == id) {
            rows::append(conn, &actor, &receipt(f), &now())?;
        }
    }
    Ok(())
}

/// The receipt event of a stored filing.
pub(crate) fn receipt(f: &filings::FilingRow) -> rows::CommitteeEvent {
    rows::CommitteeEvent::FilingReceived {
        filing_id: f.id,
        branch: f.branch.clone(),
        period: f.period.clone(),
        seal: f.seal.clone(),
        file_sha256: f.file_sha256.clone(),
    }
}

/// A CoreError for a damaged stored value.
pub(crate) fn damaged(what: impl std::fmt::Display) -> CoreError {
    CoreError::Damaged {
        what: what.to_string(),
    }
}
