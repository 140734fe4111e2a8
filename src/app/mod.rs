//! The core: commands that validate and journal changes, and queries that
//! build the view models every front end draws. No terminal code here.

pub mod appeals;
mod appraisal;
mod appraisal_import;
pub mod appraisal_view;
pub mod backup;
pub mod board_state;
mod breakdown;
mod bulk;
pub mod claim_check;
mod commands;
pub mod committee;
pub mod committee_view;
pub mod console_support;
mod error;
pub mod filing;
pub mod find;
pub mod follow_ups;
pub mod import;
pub mod meeting;
mod period_cache;
pub mod publication;
mod quorum;
pub mod readiness;
pub mod redemption;
mod refusal;
pub mod retotal;
pub mod review;
mod roll_call;
pub mod roster;
pub mod settings;
mod signing;
mod totals;
pub mod undo;
mod verify;
mod views;
pub mod year_grade;

pub use commands::{ClaimDraft, LockReport, MemberDraft};
pub use error::{
    sql_code, ClaimError, Error, Error as CoreError, Fault, OpenError, Result, SqlError,
    SCHEMA_VERSION,
};
pub use quorum::{votes, Quorum};
pub use readiness::LockReadiness;
pub use refusal::{
    AppealError, AppraisalError, BackupError, JournalFault, LedgerError, MemberError, PeriodError,
    VerifyError,
};
pub use retotal::{retotal_all, RetotalReport};
pub use roll_call::{roll_call_mark, MarkOutcome};
pub use verify::{verify, verify_with, VerifyReport};
pub use views::{
    ClaimFilter, MeetingProgress, RankRow, RankScope, Ranking, Statement, StatementLine,
};

use crate::domain::model::{PeriodId, PeriodState};
use crate::domain::scheme::Scheme;
use crate::store::{self, queries, Db};
use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The branch a ledger works on.
#[derive(Debug, Clone)]
pub struct Branch {
    pub id: i64,
    pub name: String,
    pub scheme: Scheme,
    pub settings: serde_json::Value,
}

impl Branch {
    /// A branch setting as a number, if set.
    pub fn setting_f64(&self, key: &str) -> Option<f64> {
        self.settings.get(key).and_then(|v| v.as_f64())
    }
}

/// One branch's ledger over one database connection.
pub struct Ledger {
    conn: Db,
    path: PathBuf,
    branch: Branch,
    actor: String,
    read_only: bool,
    /// Whether appeal corrections count in scores (off for verify's replay of locks).
    corrections: bool,
    /// Whether a lock first copies the database to the backup folder (off for `jifen gen`).
    backups: bool,
    /// The branch's members as last read, with the `data_version` they were read at.
    roster: RefCell<Option<(i64, Arc<roster::Roster>)>>,
    /// The inputs of the period last ranked.
    period_cache: RefCell<Option<period_cache::PeriodCache>>,
    /// Whether a write transaction (`Ledger::write`) is open on `conn`.
    in_write: bool,
    /// The action the open write journals as (its first event's seq).
    action: Option<i64>,
    /// The actions journalled through this ledger, oldest first (a console
    /// session's own, which its `u` may take back).
    own_actions: RefCell<Vec<i64>>,
}

/// Current time as stored in the journal.
pub fn now() -> String {
    chrono::Local::now()
        .format("%Y-%m-%dT%H:%M:%S%.6f%:z")
        .to_string()
}

fn load_branch(conn: &Db, wanted: Option<&str>, path: &Path) -> Result<Branch> {
    load_branch_with(conn, wanted, path, &mut |origin, text| {
        Ok(Scheme::parse(origin, text)?)
    })
}

/// A scheme's text made a [`Scheme`]: `(origin for the messages, TOML)`.
pub(crate) type ParseScheme<'a> = dyn FnMut(&str, &str) -> Result<Scheme> + 'a;

/// [`load_branch`], its scheme made by `parse` (a cache of parsed texts).
fn load_branch_with(
    conn: &Db,
    wanted: Option<&str>,
    path: &Path,
    parse: &mut ParseScheme,
) -> Result<Branch> {
    let all = queries::branch_names(conn)?;
    let names = |all: &[(i64, String)]| all.iter().map(|b| b.1.clone()).collect::<Vec<_>>();
    let at = path.display().to_string();
    let (id, _) = match wanted {
        Some(_) if all.is_empty() && store::filing::is_committee(conn)? => {
            return Err(filing::FilingError::CommitteeDatabase { path: at }.into())
        }
        Some(name) => all.iter().find(|b| b.1 == name).ok_or_else(|| {
            CoreError::from(LedgerError::UnknownBranch {
                path: at.clone(),
                name: name.to_string(),
                branches: names(&all),
            })
        })?,
        None => match all.as_slice() {
            [] if store::filing::is_committee(conn)? => {
                return Err(filing::FilingError::CommitteeDatabase { path: at }.into())
            }
            [] => return Err(LedgerError::NoBranchYet { path: at }.into()),
            [one] => one,
            many => {
                return Err(LedgerError::BranchNeeded {
                    path: at,
                    branches: names(many),
                }
                .into())
            }
        },
    };
    let row = queries::branch(conn, *id)?.ok_or_else(|| LedgerError::BranchVanished {
        path: path.display().to_string(),
        id: *id,
    })?;
    let scheme = parse(
        &format!("{} (scheme of branch {})", path.display(), row.name),
        &row.scheme_toml,
    )?;
    Ok(Branch {
        id: row.id,
        name: row.name.clone(),
        scheme,
        settings: row.settings.clone(),
    })
}

impl Ledger {
    /// Open an existing ledger for reading and writing.
    pub fn open(path: &Path, branch: Option<&str>) -> Result<Ledger> {
        if !path.exists() {
            return Err(LedgerError::NoDatabase {
                path: path.display().to_string(),
                for_board: false,
            }
            .into());
        }
        if std::fs::metadata(path).is_ok_and(|m| m.len() == 0) {
            return Err(LedgerError::EmptyFile {
                path: path.display().to_string(),
            }
            .into());
        }
        if !store::db::can_write(path) {
            // A read-only folder or file: reads work, every write is refused.
            return Self::open_read_only(path, branch);
        }
        let conn = store::open_rw(path)?;
        let branch = load_branch(&conn, branch, path)?;
        let mut ledger = Ledger {
            conn,
            path: path.to_path_buf(),
            branch,
            actor: default_actor(),
            read_only: false,
            corrections: true,
            backups: true,
            roster: RefCell::new(None),
            period_cache: RefCell::new(None),
            in_write: false,
            action: None,
            own_actions: RefCell::new(Vec::new()),
        };
        ledger.catch_up_totals()?;
        Ok(ledger)
    }

    /// Open an existing ledger read-only (the room display, viewers).
    pub fn open_read_only(path: &Path, branch: Option<&str>) -> Result<Ledger> {
        if !path.exists() {
            return Err(LedgerError::NoDatabase {
                path: path.display().to_string(),
                for_board: true,
            }
            .into());
        }
        let conn = store::open_ro(path)?;
        Self::over(conn, path, branch)
    }

    /// Create a branch on a scheme (built-in id, or a scheme file's text).
    pub fn init(
        path: &Path,
        name: &str,
        scheme_id: &str,
        scheme_text: Option<(&str, &str)>,
    ) -> Result<Ledger> {
        let name = name.trim();
        if name.is_empty() {
            return Err(LedgerError::BranchNameEmpty.into());
        }
        let (scheme, text) = match scheme_text {
            Some((origin, text)) => (Scheme::parse(origin, text)?, text.to_string()),
            None => {
                let (s, t) = Scheme::builtin(scheme_id).ok_or_else(|| {
                    CoreError::from(LedgerError::UnknownScheme {
                        id: scheme_id.to_string(),
                        builtin: crate::domain::scheme::BUILTIN
                            .iter()
                            .map(|(k, _)| k.to_string())
                            .collect(),
                    })
                })?;
                (s, t.to_string())
            }
        };
        let mut conn = store::open_rw(path)?;
        let actor = default_actor();
        // The name and the id are read inside the write that takes them.
        store::journal::write(&mut conn, |tx| -> Result<()> {
            let existing = queries::branch_names(tx)?;
            if existing.iter().any(|b| b.1 == name) {
                return Err(LedgerError::BranchExists {
                    path: path.display().to_string(),
                    name: name.to_string(),
                }
                .into());
            }
            let branch_id = queries::next_id(tx, queries::Numbered::Branch)?;
            let ev = store::Event::BranchInit {
                branch_id,
                name: name.to_string(),
                scheme_id: scheme.id.clone(),
                scheme_toml: text,
            };
            let stamp = store::journal::next_action(tx, branch_id)?;
            store::journal::append(tx, &actor, &ev, &now(), stamp)?;
            Ok(())
        })?;
        Ledger::open(path, Some(name))
    }

    /// Wrap a connection (used by verify's replay).
    fn over(conn: Db, path: &Path, branch: Option<&str>) -> Result<Ledger> {
        Self::over_with(conn, path, branch, &mut |origin, text| {
            Ok(Scheme::parse(origin, text)?)
        })
    }

    /// A read-only ledger over `conn`, its branch's scheme made by `parse`.
    pub(crate) fn over_with(
        conn: Db,
        path: &Path,
        branch: Option<&str>,
        parse: &mut ParseScheme,
    ) -> Result<Ledger> {
        let branch = load_branch_with(&conn, branch, path, parse)?;
        Ok(Ledger {
            conn,
            path: path.to_path_buf(),
            branch,
            actor: default_actor(),
            read_only: true,
            corrections: true,
            backups: true,
            roster: RefCell::new(None),
            period_cache: RefCell::new(None),
            in_write: false,
            action: None,
            own_actions: RefCell::new(Vec::new()),
        })
    }

    /// The connection this ledger reads (a replay's, given back).
    pub(crate) fn into_conn(self) -> Db {
        self.conn
    }

    /// Work on another branch of the same database.
    pub fn switch_branch(&mut self, name: &str) -> Result<()> {
        self.branch = load_branch(&self.conn, Some(name), &self.path)?;
        self.roster.take();
        self.period_cache.take();
        if !self.read_only {
            self.catch_up_totals()?;
        }
        Ok(())
    }

    /// Score what is still noted as out of date for this branch (a database
    /// from an older jifen); until then its rankings are scored from tallies.
    fn catch_up_totals(&mut self) -> Result<()> {
        if store::totals::ready(&self.conn, self.branch.id) {
            return Ok(());
        }
        let (branch, scheme) = (self.branch.id, &self.branch.scheme);
        store::journal::write(&mut self.conn, |tx| totals::refresh(tx, branch, scheme))
    }

    /// Whether rankings may read the kept totals instead of scoring tallies.
    fn totals_kept(&self) -> bool {
        self.corrections && store::totals::ready(&self.conn, self.branch.id)
    }

    /// Names of every branch in the database.
    pub fn branch_names(&self) -> Result<Vec<String>> {
        Ok(queries::branch_names(&self.conn)?
            .into_iter()
            .map(|b| b.1)
            .collect())
    }

    pub fn branch(&self) -> &Branch {
        &self.branch
    }

    pub fn scheme(&self) -> &Scheme {
        &self.branch.scheme
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Who is recorded in the journal for changes made through this ledger.
    pub fn set_actor(&mut self, actor: &str) {
        self.actor = actor.to_string();
    }

    /// Turn the copy a lock makes to the backup folder on or off (generated data).
    pub fn set_backups(&mut self, on: bool) {
        self.backups = on;
    }

    /// The underlying connection, for the store functions the app calls.
    pub(crate) fn conn(&self) -> &Db {
        &self.conn
    }

    /// How long a read waits for a writer before it gives up (the room
    /// display polls again rather than wait).
    pub fn set_busy_timeout(&self, wait: std::time::Duration) -> Result<()> {
        Ok(store::db::busy_timeout(&self.conn, wait)?)
    }

    /// Commit without waiting for the disk: only for generated data (`jifen gen`).
    pub fn skip_fsync(&self) -> Result<()> {
        Ok(store::db::skip_fsync(&self.conn)?)
    }

    /// Run `f` as one write: inside a single IMMEDIATE transaction, so that
    /// every id it takes and every precondition it reads still hold when its
    /// events are journalled, and nothing is written unless all of it
    /// succeeds. Another writer is waited for, never failed on. Writes
    /// nested in `f` join its transaction.
    pub(crate) fn write<T>(&mut self, f: impl FnOnce(&mut Ledger) -> Result<T>) -> Result<T> {
        if self.read_only {
            return Err(CoreError::ReadOnly);
        }
        if self.in_write {
            return f(self);
        }
        store::db::begin_immediate(&self.conn)?;
        self.in_write = true;
        let out = f(self);
        self.in_write = false;
        let action = self.action.take();
        let out = out.and_then(|v| Ok(store::db::commit(&self.conn).map(|_| v)?));
        if let (Ok(_), Some(a)) = (&out, action) {
            self.own_actions.borrow_mut().push(a);
        }
        if out.is_err() {
            store::db::rollback(&self.conn);
            self.roster.take();
            self.period_cache.take();
        }
        out
    }

    /// Append events (inside the current write, or as one of their own) and
    /// re-score what they moved before the write commits.
    fn journal(&mut self, events: &[store::Event]) -> Result<Vec<(i64, String)>> {
        self.write(|l| l.journal_here(events))
    }

    /// `journal` inside a write.
    fn journal_here(&mut self, events: &[store::Event]) -> Result<Vec<(i64, String)>> {
        if events.iter().any(store::Event::touches_members) {
            self.roster.take();
        }
        let written = self.journal_by(|conn, actor, at, stamp| {
            Ok(store::journal::append_all(conn, actor, events, at, stamp)?)
        });
        match &written {
            Ok(_) => self.update_period_cache(events),
            Err(_) => {
                self.period_cache.take();
            }
        }
        written
    }

    /// Inside a write, journal what `append` appends (given the connection,
    /// the actor, the action's instant and stamp) as one action, and re-score
    /// what it moved before the write commits. The period cache is the
    /// caller's to update.
    fn journal_by(
        &mut self,
        append: impl FnOnce(&Db, &str, &str, store::journal::Stamp) -> Result<Vec<(i64, String)>>,
    ) -> Result<Vec<(i64, String)>> {
        let (branch, scheme) = (self.branch.id, &self.branch.scheme);
        // One action, one timestamp, strictly after the previous action's:
        // undo takes back everything journalled at the same instant.
        let last = store::queries::last_event_at(&self.conn)?;
        let mut at = now();
        let mut tries = 0;
        while last.as_deref().is_some_and(|l| at.as_str() <= l) && tries < 10_000 {
            std::thread::yield_now();
            at = now();
            tries += 1;
        }
        // Every event of one write is one action, numbered by its first event.
        let stamp = match self.action {
            Some(action) => store::journal::Stamp { branch, action },
            None => store::journal::next_action(&self.conn, branch)?,
        };
        self.action = Some(stamp.action);
        // The signatures standing before the change: those whose total it
        // moves are voided, at the change's instant, before the write commits.
        signing::standing(&self.conn, branch).and_then(|signed| {
            let out = append(&self.conn, &self.actor, &at, stamp)?;
            totals::refresh(&self.conn, branch, scheme)?;
            // An undo can reach another branch's events: its scores too are
            // right before the write commits.
            totals::refresh_all(&self.conn)?;
            signing::void_moved(&self.conn, &self.actor, &at, stamp, &signed)?;
            Ok(out)
        })
    }

    /// The period the assembly works on: the latest one that is not yet locked,
    /// else the latest one.
    pub fn current_period(&self) -> Result<Option<PeriodId>> {
        let ps = queries::periods(&self.conn, self.branch.id)?;
        let mut ids: Vec<(PeriodId, PeriodState)> = ps
            .iter()
            .filter_map(|p| p.id.parse().ok().map(|id| (id, p.state)))
            .collect();
        ids.sort_by_key(|(id, _)| *id);
        Ok(ids
            .iter()
            .rev()
            .find(|(_, s)| !s.is_sealed())
            .or(ids.last())
            .map(|(id, _)| *id))
    }

    /// A period given by the user, or the current one.
    pub fn period_or_current(&self, given: Option<&str>) -> Result<PeriodId> {
        match given {
            Some(p) => Ok(p.parse()?),
            None => self
                .current_period()?
                .ok_or_else(|| PeriodError::NoPeriodYet.into()),
        }
    }

    pub fn periods(&self) -> Result<Vec<queries::PeriodRow>> {
        Ok(queries::periods(&self.conn, self.branch.id)?)
    }

    pub fn period_row(&self, p: &PeriodId) -> Result<Option<queries::PeriodRow>> {
        let id = p.to_string();
        Ok(self.periods()?.into_iter().find(|r| r.id == id))
    }

    pub fn members(&self) -> Result<Vec<crate::domain::model::Member>> {
        Ok(self.roster()?.to_vec())
    }

    /// The branch's members, ordered by id; read again only after a change.
    pub fn roster(&self) -> Result<Arc<roster::Roster>> {
        let version = self.data_version()?;
        if let Some((v, members)) = self.roster.borrow().as_ref() {
            if *v == version {
                return Ok(members.clone());
            }
        }
        let members = Arc::new(roster::Roster::new(queries::members(
            &self.conn,
            self.branch.id,
        )?));
        *self.roster.borrow_mut() = Some((version, members.clone()));
        Ok(members)
    }

    /// A member by id or exact name.
    pub fn find_member(&self, key: &str) -> Result<crate::domain::model::Member> {
        let key = key.trim();
        let all = self.members()?;
        if let Ok(id) = key.parse::<i64>() {
            if let Some(m) = all.iter().find(|m| m.id == id) {
                return Ok(m.clone());
            }
        }
        let hits: Vec<_> = all.iter().filter(|m| &*m.name == key).collect();
        match hits.as_slice() {
            [one] => Ok((*one).clone()),
            [] => Err(CoreError::UnknownMember {
                key: key.to_string(),
                branch: self.branch.name.clone(),
            }),
            many => Err(CoreError::AmbiguousMember {
                key: key.to_string(),
                ids: many.iter().map(|m| m.id).collect(),
            }),
        }
    }

    pub fn claim(&self, id: i64) -> Result<crate::domain::model::Claim> {
        match queries::claim(&self.conn, id)? {
            Some(c) => Ok(c),
            None => Err(CoreError::UnknownClaim(id)),
        }
    }

    /// What the room display shows, as stored JSON text.
    pub fn board_state(&self) -> Result<Option<String>> {
        Ok(queries::board_state(&self.conn, self.branch.id)?)
    }

    /// Set what the room display shows (not journalled: it changes no record).
    pub fn set_board_state(&mut self, json: &str) -> Result<()> {
        if self.read_only {
            return Err(CoreError::ReadOnly);
        }
        let id = self.branch.id;
        let at = now();
        store::journal::write(&mut self.conn, |tx| -> Result<()> {
            queries::set_board_state(tx, id, json, &at)?;
            Ok(())
        })
    }

    /// SQLite's data_version: changes whenever another connection commits.
    pub fn data_version(&self) -> Result<i64> {
        Ok(store::db::data_version(&self.conn)?)
    }
}

pub(crate) fn default_actor() -> String {
    std::env::var("JIFEN_ACTOR")
        .or_else(|_| std::env::var("USER"))
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "secretary".into())
}
