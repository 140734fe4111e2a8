//! `filing export`: a locked period written as one filing file. Its results
//! are made by replaying the journal up to the lock (the same replay `filing
//! verify` makes), so a file that was written is a file that verifies.

use super::check::{replay, results_of, Schemes};
use super::error::{FileFault, FilingError};
use super::{FiledEvent, FiledPeriod, FilingFile, FORMAT, SUFFIX, VERSION};
use crate::app::{CoreError, Ledger, Result};
use crate::domain::model::{PeriodId, PeriodState};
use crate::store;
use std::path::{Path, PathBuf};

/// What `filing export` wrote.
#[derive(Debug, Clone)]
pub struct Exported {
    pub path: PathBuf,
    pub branch: String,
    pub period: String,
    pub seal: String,
    pub members: usize,
    pub events: usize,
}

/// Write the filing of `period` to `out` (a file, or a folder to put the
/// default name in; `None`: the default name in the current folder).
pub fn export(l: &Ledger, period: &PeriodId, out: Option<&Path>) -> Result<Exported> {
    let p = period.to_string();
    let row = l
        .period_row(period)?
        .ok_or_else(|| FilingError::NotLocked {
            period: p.clone(),
            state: PeriodState::Open,
        })?;
    if !matches!(
        row.state,
        PeriodState::Locked | PeriodState::Published | PeriodState::Final
    ) {
        return Err(FilingError::NotLocked {
            period: p,
            state: row.state,
        }
        .into());
    }
    let (seq, seal) = store::filing::lock_event(l.conn(), l.branch().id, &p)?
        .ok_or_else(|| FilingError::NoLockEvent { period: p.clone() })?;
    let events: Vec<FiledEvent> = store::filing::events_upto(l.conn(), seq)?
        .iter()
        .map(FiledEvent::of)
        .collect();
    let name = l.path().display().to_string();
    let mem = replay(&events).map_err(|fault| FilingError::file(&name, fault))?;
    let made = results_of(mem, &name, &l.branch().name, &p, &mut Schemes::default())?;
    let (branch, results, exempt) = (made.branch, made.results, made.exempt);
    let filing = FilingFile {
        format: FORMAT.to_string(),
        version: VERSION,
        generator: format!("jifen {}", env!("CARGO_PKG_VERSION")),
        exported_at: chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
        branch,
        period: FiledPeriod {
            id: p.clone(),
            state: row.state,
            locked_at: row.locked_at.clone(),
            window_end: row.window_end.clone(),
        },
        seal: seal.clone(),
        results,
        exempt,
        events,
    };
    let text = serde_json::to_string_pretty(&filing).map_err(|e| {
        FilingError::file(
            &name,
            FileFault::Malformed {
                detail: e.to_string(),
            },
        )
    })?;
    let path = match out {
        Some(o) if o.is_dir() => o.join(default_file_name(&l.branch().name, &p)),
        Some(o) => o.to_path_buf(),
        None => PathBuf::from(default_file_name(&l.branch().name, &p)),
    };
    write_whole(&path, &text)?;
    Ok(Exported {
        path,
        branch: l.branch().name.clone(),
        period: p,
        seal,
        members: filing.results.len(),
        events: filing.events.len(),
    })
}

/// Write `text` under a temporary name and rename it into place, so a
/// stick pulled out mid-write never holds half a filing under its name.
fn write_whole(path: &Path, text: &str) -> Result<()> {
    let part = path.with_extension("part");
    std::fs::write(&part, text).map_err(|e| CoreError::file(&part, &e))?;
    std::fs::rename(&part, path).map_err(|e| CoreError::file(path, &e))
}

/// The filing's default file name: the branch's name in pinyin (ASCII, for
/// USB sticks and mail), the period, and [`SUFFIX`], e.g.
/// `ShiZhiJiGuanDiYiDangZhiBu-2026Q4.jifen-filing.json`.
pub fn default_file_name(branch: &str, period: &str) -> String {
    use pinyin::ToPinyin;
    let mut name = String::new();
    for c in branch.chars() {
        if c.is_ascii_alphanumeric() {
            name.push(c);
        } else if let Some(py) = c.to_pinyin() {
            let plain = py.plain();
            let mut cs = plain.chars();
            if let Some(first) = cs.next() {
                name.push(first.to_ascii_uppercase());
                name.push_str(cs.as_str());
            }
        } else if !name.ends_with('-') && !name.is_empty() {
            name.push('-');
        }
    }
    let name = name.trim_end_matches('-');
    let name = if name.is_empty() { "branch" } else { name };
    format!("{name}-{period}{SUFFIX}")
}
