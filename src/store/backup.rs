//! The copying behind backups and restores, with SQLite's backup API. Where
//! backups go and when a restore is allowed is the app's policy (`app::backup`).

use super::db::{copy_database, OpenError};
use rusqlite::Connection;
use std::path::Path;

/// Copy the database at `src` to `dest` while others may keep writing.
pub fn copy(src: &Path, dest: &Path) -> Result<(), OpenError> {
    copy_database(src, dest)
}

/// Write the whole of `src` over the database at `db`, page by page, through
/// SQLite (so a reader of `db` never sees a torn file).
pub fn overwrite(src: &Path, db: &Path) -> Result<(), OpenError> {
    let at = |p: &Path| {
        let path = p.display().to_string();
        move |source| OpenError::Sqlite { path, source }
    };
    let from = Connection::open(src).map_err(at(src))?;
    let mut to = Connection::open(db).map_err(at(db))?;
    let b = rusqlite::backup::Backup::new(&from, &mut to).map_err(at(db))?;
    b.run_to_completion(256, std::time::Duration::from_millis(0), None)
        .map_err(at(db))
}
