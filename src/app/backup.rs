//! Online backups with the SQLite backup API, kept in rotation beside the database.

use crate::app::Ledger;
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
pub fn backup_to(ledger: &Ledger, dest: &Path) -> Result<(), String> {
    crate::store::backup::copy(ledger.path(), dest).map_err(|e| format!("backup failed: {e}"))
}

/// Take an automatic backup (before a lock, at the start of a session) and rotate old ones.
pub fn auto_backup(ledger: &Ledger, reason: &str) -> Result<PathBuf, String> {
    let dir = backup_dir(ledger.path());
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S%.3f");
    let dest = dir.join(format!("{stamp}-{reason}.sqlite"));
    sweep_partials(&dir);
    backup_to(ledger, &dest)?;
    let mut all: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
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
pub fn restore_plan(src: &Path, db: &Path) -> Result<RestorePlan, String> {
    use crate::store::{compare, open_ro};
    let from = open_ro(src).map_err(|e| e.to_string())?;
    if !db.exists() {
        return Ok(RestorePlan::default());
    }
    let to = open_ro(db).map_err(|e| e.to_string())?;
    let sq = |e: crate::store::SqlError| e.to_string();
    let (old, now) = (
        compare::event_hashes(&from).map_err(sq)?,
        compare::event_hashes(&to).map_err(sq)?,
    );
    let common = old.iter().zip(&now).take_while(|(a, b)| a.2 == b.2).count();
    let old_periods = compare::all_periods(&from).map_err(sq)?;
    Ok(RestorePlan {
        lost_events: now.len() - common,
        last_lost_at: now
            .get(common..)
            .and_then(|l| l.last())
            .map(|e| e.1.clone()),
        changed_periods: compare::all_periods(&to)
            .map_err(sq)?
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
pub fn restore(
    src: &Path,
    db: &Path,
    force: bool,
) -> Result<(RestorePlan, Option<PathBuf>), String> {
    crate::app::verify(src, None)
        .map_err(|e| format!("backup {} does not verify: {e}", src.display()))?;
    let plan = restore_plan(src, db)?;
    if db.exists() {
        let ledger = crate::app::Ledger::open_read_only(db, None).ok();
        if let Some(holder) = ledger.and_then(|l| l.console_holder().ok().flatten()) {
            return Err(format!(
                "{}: a console ({}, process {}) holds the database; close it before restoring",
                db.display(),
                holder.holder,
                holder.pid
            ));
        }
    }
    if (plan.lost_events > 0 || plan.diverged) && !force {
        return Err(describe_loss(db, &plan));
    }
    let kept = match db.exists() {
        true => {
            let dir = backup_dir(db);
            std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S%.3f");
            let dest = dir.join(format!("{stamp}-before-restore.sqlite"));
            crate::store::backup::copy(db, &dest).map_err(|e| e.to_string())?;
            Some(dest)
        }
        false => None,
    };
    crate::store::backup::overwrite(src, db)?;
    Ok((plan, kept))
}

/// The refusal that says what a restore would discard.
fn describe_loss(db: &Path, plan: &RestorePlan) -> String {
    let periods: Vec<String> = plan
        .changed_periods
        .iter()
        .map(|(b, p, s)| format!("{b} {p} ({s})"))
        .collect();
    let mut msg = format!(
        "{}: restoring would discard {} journal event(s)",
        db.display(),
        plan.lost_events
    );
    if let Some(at) = &plan.last_lost_at {
        msg.push_str(&format!(", the last at {at}"));
    }
    if !periods.is_empty() {
        msg.push_str(&format!(
            "; periods changed since the backup: {}",
            periods.join(", ")
        ));
    }
    if plan.diverged {
        msg.push_str(
            "; the backup's journal is not the start of this database's (another ledger?)",
        );
    }
    msg.push_str(
        "; run again with --force to restore anyway (the database is kept among the backups first)",
    );
    msg
}
