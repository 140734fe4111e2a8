//! `filing receive`: a committee's database takes in filing files. Each file
//! is checked first (as `filing verify` does) and stored whole in one
//! transaction, or not at all.

use super::check::{check_text_with, Schemes};
use super::error::FilingError;
use super::{Checked, SUFFIX};
use crate::app::{now, CoreError, Result};
use crate::store::{self, filing as rows};
use std::path::{Path, PathBuf};

/// What became of one file.
#[derive(Debug, Clone, PartialEq)]
pub enum Receipt {
    /// Stored: branch, period, seal; and the scheme the committee's roster
    /// names for the branch where the filing scores by another.
    Received {
        branch: String,
        period: String,
        seal: String,
        roster_scheme: Option<String>,
    },
    /// The same filing (same branch, period and seal) was there: ignored.
    Again {
        branch: String,
        period: String,
        seal: String,
    },
}

/// One file's outcome: where it was, and what became of it.
#[derive(Debug)]
pub struct Received {
    pub file: PathBuf,
    pub outcome: std::result::Result<Receipt, CoreError>,
}

/// The files `inputs` name: each file as given, each folder's
/// `*.jifen-filing.json` files in name order (a folder with none refused).
pub fn inbox_files(inputs: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for i in inputs {
        if i.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(i)
                .map_err(|e| CoreError::file(i, &e))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file() && p.to_string_lossy().ends_with(SUFFIX))
                .collect();
            if found.is_empty() {
                return Err(FilingError::NoFiles {
                    path: i.display().to_string(),
                }
                .into());
            }
            found.sort();
            out.extend(found);
        } else {
            out.push(i.clone());
        }
    }
    Ok(out)
}

/// Open `db` as a committee database, making it if missing; returns the
/// connection and whether it was made now. A branch's ledger is refused.
pub fn open_committee(db: &Path) -> Result<(store::Db, bool)> {
    let made = !db.exists() || std::fs::metadata(db).is_ok_and(|m| m.len() == 0);
    let conn = store::open_rw(db)?;
    if !rows::is_committee(&conn)? {
        if rows::branch_count(&conn)? > 0 {
            return Err(FilingError::BranchDatabase {
                path: db.display().to_string(),
            }
            .into());
        }
        rows::mark_committee(&conn, &now())?;
    }
    let mut conn = conn;
    store::journal::write(&mut conn, |tx| {
        crate::app::committee::journal_old_receipts(tx)
    })?;
    Ok((conn, made))
}

/// Receive every filing `inputs` name into the committee database `db`,
/// telling `progress` (files done, files in all) as it goes; returns each
/// file's outcome and whether the database was made now.
pub fn receive(
    db: &Path,
    inputs: &[PathBuf],
    progress: &mut dyn FnMut(u64, u64),
) -> Result<(Vec<Received>, bool)> {
    let files = inbox_files(inputs)?;
    progress(0, files.len() as u64);
    let (mut conn, made) = open_committee(db)?;
    let roster: foldhash::HashMap<String, String> = store::committee::roster(&conn)?
        .into_iter()
        .filter_map(|r| Some((r.branch, r.scheme?)))
        .collect();
    let mut out = Vec::with_capacity(files.len());
    // A county's branches mostly score by the same scheme: each distinct
    // text is parsed once per checking thread for the whole receipt.
    let mut schemes: Vec<Schemes> = (0..checkers()).map(|_| Schemes::default()).collect();
    // Files are committed a batch at a time (one sync to disk per batch, not
    // per file: a sync per file was nearly all of a county's receipt), each
    // file in a savepoint of its own, so one refused leaves nothing of itself.
    for batch in files.chunks(BATCH) {
        let mut tx = store::journal::begin(&mut conn)?;
        let pending = batch
            .iter()
            .map(|f| {
                let text = std::fs::read_to_string(f).map_err(|e| CoreError::file(f, &e))?;
                // The very same file again is known by its digest, unchecked.
                Ok(
                    match rows::filing_by_digest(&tx, &super::sha256(text.as_bytes()))? {
                        Some(old) => Pending::Again(Receipt::Again {
                            branch: old.branch,
                            period: old.period,
                            seal: old.seal,
                        }),
                        None => Pending::Check(text),
                    },
                )
            })
            .collect::<Vec<Result<Pending>>>();
        let checked = check_all(batch, &pending, &mut schemes);
        for ((f, pending), checked) in batch.iter().zip(pending).zip(checked) {
            let outcome = pending.and_then(|p| match (p, checked) {
                (Pending::Again(r), _) => Ok(r),
                (Pending::Check(text), Some(c)) => {
                    let c = c?;
                    let sp = tx.savepoint()?;
                    let expected = roster
                        .get(&c.filing.branch.name)
                        .filter(|s| **s != c.filing.branch.scheme_id);
                    let stored = store_one(&sp, f, &c, &text, expected)?;
                    sp.commit()?;
                    Ok(stored)
                }
                // Every file to check was checked (a checker's panic is
                // raised again above).
                (Pending::Check(_), None) => Err(CoreError::Damaged {
                    what: f.display().to_string(),
                }),
            });
            out.push(Received {
                file: f.clone(),
                outcome,
            });
            progress(out.len() as u64, files.len() as u64);
        }
        tx.commit()?;
    }
    Ok((out, made))
}

/// A file read for a receipt: one already received (known by its digest),
/// or one to check.
enum Pending {
    Again(Receipt),
    Check(String),
}

/// Threads that check filings side by side: a check needs no database but
/// its own in-memory replay, so a receipt uses every core (2,000 filings:
/// 15.2 s on one core of the CI kind of machine; `benches/RESULTS.md`).
fn checkers() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get().min(8))
}

/// Check each pending file of `batch` on [`checkers`] threads (one scheme
/// cache each); in order, `None` where a file needs no check.
fn check_all(
    batch: &[PathBuf],
    pending: &[Result<Pending>],
    schemes: &mut [Schemes],
) -> Vec<Option<Result<Checked>>> {
    let work: Vec<(usize, &Path, &str)> = batch
        .iter()
        .zip(pending)
        .enumerate()
        .filter_map(|(i, (f, p))| match p {
            Ok(Pending::Check(text)) => Some((i, f.as_path(), text.as_str())),
            _ => None,
        })
        .collect();
    let mut out: Vec<Option<Result<Checked>>> = (0..batch.len()).map(|_| None).collect();
    let share = work.len().div_ceil(schemes.len().max(1)).max(1);
    let done: Vec<Vec<(usize, Result<Checked>)>> = std::thread::scope(|s| {
        let handles: Vec<_> = work
            .chunks(share)
            .zip(schemes.iter_mut())
            .map(|(part, cache)| {
                s.spawn(move || {
                    part.iter()
                        .map(|&(i, f, text)| {
                            (i, check_text_with(&f.display().to_string(), text, cache))
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    });
    for (i, c) in done.into_iter().flatten() {
        out[i] = Some(c);
    }
    out
}

/// Files received in one transaction.
const BATCH: usize = 500;

/// Store one checked filing, inside the caller's savepoint.
fn store_one(
    tx: &store::Db,
    path: &Path,
    c: &Checked,
    body: &str,
    roster_scheme: Option<&String>,
) -> Result<Receipt> {
    let f = &c.filing;
    let results = f
        .results
        .iter()
        .map(|m| {
            Ok(rows::NewResult {
                member_id: m.row.member_id,
                name: m.row.name.to_string(),
                category: code(&m.row.category),
                status: code(&m.status),
                score: m.row.score,
                rank: m.row.rank,
                grade: m.row.grade.as_ref().map(|g| g.to_string()),
                row: serde_json::to_string(&m.row).map_err(|e| CoreError::Damaged {
                    what: e.to_string(),
                })?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let new = rows::NewFiling {
        row: rows::FilingRow {
            id: 0,
            branch: f.branch.name.clone(),
            period: f.period.id.clone(),
            seal: f.seal.clone(),
            scheme_id: f.branch.scheme_id.clone(),
            state: code(&f.period.state),
            members: f.results.len() as i64,
            events: f.events.len() as i64,
            file_name: path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            file_sha256: c.file_sha256.clone(),
            received_at: now(),
        },
        scheme_sha256: &f.branch.scheme_sha256,
        body,
        results,
    };
    {
        let (branch, period, seal) = (f.branch.name.clone(), f.period.id.clone(), f.seal.clone());
        match rows::filing_of(tx, &branch, &period)? {
            Some(old) if old.seal == seal => Ok(Receipt::Again {
                branch,
                period,
                seal,
            }),
            Some(old) => Err(FilingError::Conflict {
                file: path.display().to_string(),
                branch,
                period,
                received: old.seal,
                offered: seal,
            }
            .into()),
            None => {
                let id = rows::insert(tx, &new)?;
                let stored = rows::FilingRow {
                    id,
                    ..new.row.clone()
                };
                let actor = crate::app::default_actor();
                let receipt = crate::app::committee::receipt(&stored);
                store::committee::append(tx, &actor, &receipt, &stored.received_at)?;
                Ok(Receipt::Received {
                    branch,
                    period,
                    seal,
                    roster_scheme: roster_scheme.cloned(),
                })
            }
        }
    }
}

/// A typed value's code as the file writes it.
fn code<T: serde::Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}
