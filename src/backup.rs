//! Online backups with the SQLite backup API, kept in rotation beside the database.

use crate::core::Ledger;
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
    crate::store::db::copy_database(ledger.path(), dest).map_err(|e| format!("backup failed: {e}"))
}

/// Take an automatic backup (before a lock, at the start of a session) and rotate old ones.
pub fn auto_backup(ledger: &Ledger, reason: &str) -> Result<PathBuf, String> {
    let dir = backup_dir(ledger.path());
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S%.3f");
    let dest = dir.join(format!("{stamp}-{reason}.sqlite"));
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

/// Restore `src` over `db` after checking that the backup verifies.
pub fn restore(src: &Path, db: &Path) -> Result<(), String> {
    crate::core::verify(src, None)
        .map_err(|e| format!("backup {} does not verify: {e}", src.display()))?;
    let from = rusqlite::Connection::open(src).map_err(|e| format!("{}: {e}", src.display()))?;
    let mut to = rusqlite::Connection::open(db).map_err(|e| format!("{}: {e}", db.display()))?;
    let b = rusqlite::backup::Backup::new(&from, &mut to)
        .map_err(|e| format!("{}: {e}", db.display()))?;
    b.run_to_completion(256, std::time::Duration::from_millis(0), None)
        .map_err(|e| format!("{}: restore failed: {e}", db.display()))?;
    Ok(())
}
