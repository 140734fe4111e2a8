//! `verify` on a committee database: every received filing checked again
//! from its stored text, and its stored rows held against that text, so a
//! database edited outside jifen (its triggers dropped) is found.

use super::check::{check_text_with, Schemes};
use super::error::{FileFault, FilingError};
use super::sha256;
use crate::app::{CoreError, Result};
use crate::store::{self, filing as rows};
use std::path::Path;

/// What `verify` found on a committee database.
#[derive(Debug, Clone, PartialEq)]
pub struct CommitteeVerified {
    /// Received filings, each checked again from its stored text.
    pub filings: usize,
    /// With `--seal`: the received filing whose seal it is (branch, period).
    pub seal_matched: Option<(String, String)>,
}

/// `verify` on the committee database `db`: its own chain and every
/// received filing (as [`verify_received`]); with `seal`, also that a
/// received filing has that whole seal (refused naming it when none has).
pub fn verify_committee(db: &Path, seal: Option<&str>) -> Result<CommitteeVerified> {
    let seal = match seal.map(|s| s.trim().to_lowercase()) {
        Some(s) if !store::is_whole_seal(&s) => {
            return Err(crate::app::VerifyError::SealNotWhole {
                given: s.chars().count(),
            }
            .into())
        }
        other => other,
    };
    let filings = verify_received(db)?;
    let seal_matched = match seal {
        None => None,
        Some(s) => {
            let conn = store::open_reader(db)?;
            match rows::filings(&conn, None)?
                .into_iter()
                .find(|f| f.seal == s)
            {
                Some(f) => Some((f.branch, f.period)),
                None => {
                    return Err(FilingError::SealNotReceived {
                        path: db.display().to_string(),
                        seal: s,
                    }
                    .into())
                }
            }
        }
    };
    Ok(CommitteeVerified {
        filings,
        seal_matched,
    })
}

/// Check every filing received into the committee database `db`; returns
/// how many. An error names the first filing that does not hold.
pub fn verify_received(db: &Path) -> Result<usize> {
    let conn = store::open_reader(db)?;
    let all = rows::filings(&conn, None)?;
    verify_desk(&conn, db, &all)?;
    let mut schemes = Schemes::default();
    for f in &all {
        let name = format!("{} ({} {})", f.file_name, f.branch, f.period);
        let bad = |fault| -> CoreError { FilingError::file(&name, fault).into() };
        let body = rows::body(&conn, f.id)?;
        if sha256(body.as_bytes()) != f.file_sha256 {
            return Err(bad(FileFault::StoredTextEdited));
        }
        let c = check_text_with(&name, &body, &mut schemes)?;
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

/// The committee's own journal: its chain from the first event, each event
/// replayed into a fresh database whose desk tables (postings,
/// reconsiderations, the roster) must be the file's, and one receipt per
/// received filing saying its branch, period, seal and digest.
fn verify_desk(conn: &store::Db, db: &Path, filed: &[rows::FilingRow]) -> Result<()> {
    use crate::app::{JournalFault, VerifyError};
    use crate::store::committee::{self as desk, CommitteeEvent};
    let mem = store::open_memory()?;
    let mut prev = store::journal::GENESIS.to_string();
    let mut receipts = Vec::new();
    for row in desk::rows(conn)? {
        let bad = |fault| -> CoreError {
            VerifyError::Journal {
                seq: row.seq,
                kind: row.kind.clone(),
                fault,
            }
            .into()
        };
        if row.prev_hash != prev {
            return Err(bad(JournalFault::ChainBroken));
        }
        if row.computed_hash() != row.hash {
            return Err(bad(JournalFault::Edited));
        }
        let ev: CommitteeEvent =
            serde_json::from_str(&row.payload).map_err(|_| bad(JournalFault::Unreadable))?;
        if !store::journal::is_compact(&row.payload) {
            return Err(bad(JournalFault::NotCompact));
        }
        if ev.kind() != row.kind {
            return Err(bad(JournalFault::KindMismatch {
                payload: ev.kind().to_string(),
            }));
        }
        desk::apply(&mem, &ev).map_err(|e| {
            bad(JournalFault::NoReplay {
                detail: e.to_string(),
            })
        })?;
        if matches!(ev, CommitteeEvent::FilingReceived { .. }) {
            receipts.push(ev);
        }
        prev = row.hash;
    }
    for f in filed {
        let held = receipts
            .iter()
            .filter(|r| **r == crate::app::committee::receipt(f))
            .count();
        if held != 1 {
            let name = format!("{} ({} {})", f.file_name, f.branch, f.period);
            return Err(FilingError::file(&name, FileFault::NoReceipt).into());
        }
    }
    if receipts.len() != filed.len() {
        return Err(FilingError::file(&db.display().to_string(), FileFault::NoReceipt).into());
    }
    // A committee database of an older jifen, verified as it is (not
    // brought up to date), has no roster table and no roster event.
    let tables: Vec<&'static str> = match desk::has_roster(conn)? {
        true => desk::STATE_TABLES.to_vec(),
        false => desk::STATE_TABLES
            .iter()
            .copied()
            .filter(|t| *t != "roster")
            .collect(),
    };
    if let Some(d) = store::compare::first_difference_in(&mem, db, &tables)? {
        return Err(VerifyError::Tampered {
            path: db.display().to_string(),
            table: d.table.to_string(),
            row: d.row.clone(),
            missing: d.missing_from_file,
        }
        .into());
    }
    Ok(())
}
