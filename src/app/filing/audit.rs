//! `verify` on a committee database: every received filing checked again
//! from its stored text, and its stored rows held against that text, so a
//! database edited outside jifen (its triggers dropped) is found.

use super::check::check_text;
use super::error::{FileFault, FilingError};
use super::sha256;
use crate::app::{CoreError, Result};
use crate::store::{self, filing as rows};
use std::path::Path;

/// Check every filing received into the committee database `db`; returns
/// how many. An error names the first filing that does not hold.
pub fn verify_received(db: &Path) -> Result<usize> {
    let conn = store::open_reader(db)?;
    let all = rows::filings(&conn, None)?;
    for f in &all {
        let name = format!("{} ({} {})", f.file_name, f.branch, f.period);
        let bad = |fault| -> CoreError { FilingError::file(&name, fault).into() };
        let body = rows::body(&conn, f.id)?;
        if sha256(body.as_bytes()) != f.file_sha256 {
            return Err(bad(FileFault::StoredTextEdited));
        }
        let c = check_text(&name, &body)?;
        let filed = &c.filing;
        for (field, stored, text) in [
            ("name", &f.branch, &filed.branch.name),
            ("period", &f.period, &filed.period.id),
            ("seal", &f.seal, &filed.seal),
        ] {
            if stored != text {
                return Err(bad(FileFault::BranchDiffers {
                    field,
                    file_says: text.clone(),
                    events_give: stored.clone(),
                }));
            }
        }
        let stored = rows::result_rows(&conn, f.id)?;
        if stored.len() != filed.results.len() {
            return Err(bad(FileFault::StoredTextEdited));
        }
        for (text, m) in stored.iter().zip(&filed.results) {
            let row: crate::app::RankRow =
                serde_json::from_str(text).map_err(|_| bad(FileFault::StoredTextEdited))?;
            let kept = super::FiledMember {
                row,
                status: m.status,
                appraisal: m.appraisal.clone(),
            };
            // The file's text against the rows kept from it.
            if let Some((field, file_says, kept_says)) = super::check::first_difference(m, &kept) {
                return Err(bad(FileFault::StoredDiffers {
                    member: m.row.name.to_string(),
                    field,
                    file_says,
                    stored: kept_says,
                }));
            }
        }
    }
    Ok(all.len())
}
