//! The room display (full-screen, read-only).

use crate::cli::Lang;
use crate::core::CoreError;
use std::path::Path;

/// Run the board on a database.
pub fn run(_db: &Path, _branch: Option<&str>, _theme: &str, _lang: Lang) -> Result<(), CoreError> {
    Err(CoreError::User("the room display is not built yet".into()))
}
