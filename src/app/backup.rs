//! Online backups with the SQLite backup API, kept in rotation beside the database.

use crate::app::{BackupError, CoreError, Ledger, Result};
use std::path::{Path, PathBuf};

/// How many automatic backups are kept.
pub const KEEP: usize = 10;

/// Folder that holds a database's automatic backups.
pub fn backup_dir(db: &Path) -> PathBuf {
    let name = db
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| "jifen".into());
    db.with_file_name(format!("{name}.backups"))
}

/// Copy the live database to `dest` while others may keep writing.
pub fn backup_to(ledger: &Ledger, dest: &Path) -> Result<()> {
    crate::store::backup::copy(ledger.path(), dest).map_err(|e| copy_failed(dest, e))
}

/// A copy that failed, said without SQLite's own words (kept for the log).
fn copy_failed(dest: &Path, e: crate::store::OpenError) -> CoreError {
    match CoreError::from(e) {
        e @ CoreError::Storage { .. } => e,
        other => BackupError::CopyFailed {
            path: dest.display().to_string(),
            detail: other.to_string(),
        }
        .into(),
    }
}

/// Take an automatic backup (before a lock, at the start of a session) and rotate old ones.
pub fn auto_backup(ledger: &Ledger, reason: &str) -> Result<PathBuf> {
    let dir = backup_dir(ledger.path());
    std::fs::create_dir_all(&dir).map_err(|e| CoreError::file(&dir, &e))?;
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S%.3f");
    let dest = dir.join(format!("{stamp}-{reason}.sqlite"));
    sweep_partials(&dir);
    backup_to(ledger, &dest)?;
    let mut all: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| CoreError::file(&dir, &e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "sqlite"))
        .collect();
    all.sort();
    while all.len() > KEEP {
        let old = all.remove(0);
        let _ = std::fs::remove_file(old);
    }
    Ok(dest)
}

/// Remove copies an interrupted backup left half-written (`.NAME.partial`)
/// that nothing has written to for a minute; a backup under way elsewhere
/// keeps writing its own and is left alone.
pub fn sweep_partials(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let stale = std::time::Duration::from_secs(60);
    for e in entries.filter_map(|e| e.ok()) {
        let name = e.file_name().to_string_lossy().into_owned();
        let base = name
            .strip_suffix("-journal")
            .or_else(|| name.strip_suffix("-wal"))
            .or_else(|| name.strip_suffix("-shm"))
            .unwrap_or(&name);
        let old = e
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age >= stale);
        if name.starts_with('.') && base.ends_with(".partial") && old {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// What restoring a backup over a database would discard.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RestorePlan {
    /// Journal events of the database that the backup does not hold.
    pub lost_events: usize,
    /// The time of the newest of them.
    pub last_lost_at: Option<String>,
    /// Periods (branch, period, state now) that the backup has in another
    /// state or not at all.
    pub changed_periods: Vec<(String, String, String)>,
    /// The backup's journal is not the start of the database's (another ledger).
    pub diverged: bool,
}

/// Compare a backup with the database it would replace.
pub fn restore_plan(src: &Path, db: &Path) -> Result<RestorePlan> {
    use crate::store::{compare, open_ro};
    let from = open_ro(src)?;
    if !db.exists() {
        return Ok(RestorePlan::default());
    }
    let to = open_ro(db)?;
    let (old, now) = (compare::event_hashes(&from)?, compare::event_hashes(&to)?);
    let common = old.iter().zip(&now).take_while(|(a, b)| a.2 == b.2).count();
    let old_periods = compare::all_periods(&from)?;
    Ok(RestorePlan {
        lost_events: now.len() - common,
        last_lost_at: now
            .get(common..)
            .and_then(|l| l.last())
            .map(|e| e.1.clone()),
        changed_periods: compare::all_periods(&to)?
            .into_iter()
            .filter(|p| !old_periods.contains(p))
            .collect(),
        diverged: common < old.len(),
    })
}

/// Restore `src` over `db`: the backup must verify, no console may hold the
/// database, and one that holds events the backup lacks is replaced only
/// with `force`. The database replaced is kept among the backups first.
/// Returns what was discarded and where the replaced copy is.
pub fn restore(src: &Path, db: &Path, force: bool) -> Result<(RestorePlan, Option<PathBuf>)> {
    crate::app::verify(src, None).map_err(|e| BackupError::NotVerified {
        path: src.display().to_string(),
        cause: Box::new(e),
    })?;
    let plan = restore_plan(src, db)?;
    if db.exists() {
        let ledger = crate::app::Ledger::open_read_only(db, None).ok();
        if let Some(holder) = ledger.and_then(|l| l.console_holder().ok().flatten()) {
            return Err(BackupError::Held {
                path: db.display().to_string(),
                holder: holder.holder,
                pid: holder.pid,
            }
            .into());
        }
    }
    if (plan.lost_events > 0 || plan.diverged) && !force {
        return Err(BackupError::WouldDiscard {
            path: db.display().to_string(),
            plan,
        }
        .into());
    }
    let kept = match db.exists() {
        true => {
            let dir = backup_dir(db);
            std::fs::create_dir_all(&dir).map_err(|e| CoreError::file(&dir, &e))?;
            let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S%.3f");
            let dest = dir.join(format!("{stamp}-before-restore.sqlite"));
            crate::store::backup::copy(db, &dest).map_err(|e| copy_failed(&dest, e))?;
            Some(dest)
        }
        false => None,
    };
    crate::store::backup::overwrite(src, db).map_err(|e| copy_failed(db, e))?;
    Ok((plan, kept))
}
