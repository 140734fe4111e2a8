//! The committee's roster of branches (应报支部名册): the branches it
//! expects to file besides every branch that ever filed, so that a branch
//! that never filed is reported missing too. A roster is imported from a
//! file whole (`filing roster import`), all or nothing, and journalled as one
//! `roster_imported` event that replaces the roster before it.

use super::Desk;
use crate::app::filing::{self, committee_reader};
use crate::app::import::{read_rows, ImportError, ImportKind};
use crate::app::{CoreError, Result};
use crate::domain::scheme::BUILTIN;
use crate::store::committee::{self as rows, CommitteeEvent, RosterBranch};
use crate::store::filing as filings;
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// The columns a roster file may have: `branch` (required) and `scheme`.
pub const ROSTER_COLUMNS: &[&str] = &["branch", "scheme"];

/// What `filing roster import` did.
#[derive(Debug, Clone, PartialEq)]
pub struct RosterImport {
    pub file: String,
    /// Branches on the roster now.
    pub branches: usize,
    /// Branches on the roster it replaced.
    pub replaced: usize,
    /// Branches on the roster that never filed.
    pub never_filed: usize,
    /// Whether the committee database was made now.
    pub made: bool,
}

/// One branch of the roster as `filing roster list` gives it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RosterLine {
    pub branch: String,
    /// The scheme id the roster names, if any.
    pub scheme: Option<String>,
    /// The last period the branch filed (null: never).
    pub last_filed: Option<String>,
}

/// A roster file's branches, each with its line.
type Lines = Vec<(usize, RosterBranch)>;

/// A refusal of the roster file `file` at `line`, `column`.
fn refused(file: &Path, line: usize, column: &str, kind: ImportKind) -> CoreError {
    ImportError {
        file: file.display().to_string(),
        line,
        column: column.to_string(),
        kind: Box::new(kind),
    }
    .into()
}

/// Read a roster file: a header naming `branch` and, optionally, `scheme`
/// (no other column), then one branch per row, each once, none empty.
fn read_roster(file: &Path) -> Result<Lines> {
    let (header, lines) = read_rows(file)?;
    let allowed = || ROSTER_COLUMNS.iter().map(|c| c.to_string()).collect();
    let unknown: Vec<String> = header
        .iter()
        .filter(|h| !ROSTER_COLUMNS.contains(&h.as_str()))
        .cloned()
        .collect();
    if let Some(first) = unknown.first() {
        let kind = ImportKind::UnknownColumns {
            columns: unknown.clone(),
            allowed: allowed(),
        };
        return Err(refused(file, 1, first, kind));
    }
    let once = header.iter().collect::<HashSet<_>>().len() == header.len();
    if !once || !header.iter().any(|h| h == "branch") {
        let kind = ImportKind::WrongHeader {
            got: header.join(","),
            expected: ROSTER_COLUMNS.join(","),
        };
        return Err(refused(file, 1, "", kind));
    }
    if lines.is_empty() {
        return Err(refused(file, 0, "", ImportKind::NoRows));
    }
    let at = |name: &str| header.iter().position(|h| h == name);
    let (branch_at, scheme_at) = (at("branch"), at("scheme"));
    let mut first_line: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::with_capacity(lines.len());
    for (line, cells) in lines {
        let cell = |i: Option<usize>| i.and_then(|i| cells.get(i)).map_or("", |c| c.trim());
        let branch = cell(branch_at);
        if branch.is_empty() {
            return Err(refused(file, line, "branch", ImportKind::EmptyCell));
        }
        if let Some(&first) = first_line.get(branch) {
            let name = branch.to_string();
            let kind = ImportKind::DuplicateBranch { name, first };
            return Err(refused(file, line, "branch", kind));
        }
        first_line.insert(branch.to_string(), line);
        let scheme = Some(cell(scheme_at))
            .filter(|s| !s.is_empty())
            .map(String::from);
        out.push((
            line,
            RosterBranch {
                branch: branch.to_string(),
                scheme,
            },
        ));
    }
    Ok(out)
}

/// Refuse the first branch whose scheme is not among `known`.
fn check_schemes(file: &Path, lines: &Lines, known: &[String]) -> Result<()> {
    for (line, b) in lines {
        if let Some(id) = b.scheme.as_ref().filter(|id| !known.contains(id)) {
            let kind = ImportKind::UnknownScheme {
                id: id.clone(),
                known: known.to_vec(),
            };
            return Err(refused(file, *line, "scheme", kind));
        }
    }
    Ok(())
}

/// The scheme ids a roster may name: the built-in ones, and those the
/// filings received score by (a county's own scheme), in order.
fn known_schemes(filed: Vec<String>) -> Vec<String> {
    let mut ids: Vec<String> = BUILTIN.iter().map(|(k, _)| k.to_string()).collect();
    ids.extend(filed);
    ids.sort();
    ids.dedup();
    ids
}

/// Import the roster `file` into the committee database `db` (made if
/// missing, once the file is found good), replacing the roster before it.
/// A bad file is refused naming its line and column, and nothing changes.
pub fn import_roster(db: &Path, file: &Path) -> Result<RosterImport> {
    let lines = read_roster(file)?;
    let bytes = std::fs::read(file).map_err(|e| CoreError::file(file, &e))?;
    let digest = filing::sha256(&bytes);
    let missing = !db.exists() || std::fs::metadata(db).is_ok_and(|m| m.len() == 0);
    let (mut desk, made) = if missing {
        // No database yet: no filing, so only the built-in schemes are
        // known; a file naming another is refused before the file is made.
        check_schemes(file, &lines, &known_schemes(Vec::new()))?;
        let (conn, made) = filing::open_committee(db)?;
        (Desk::over(conn, db), made)
    } else {
        (Desk::open(db)?, false)
    };
    let name = file.display().to_string();
    desk.write(|j| {
        check_schemes(file, &lines, &known_schemes(filings::filed_schemes(j.tx)?))?;
        let replaced = rows::roster(j.tx)?.len();
        let filed: HashSet<String> = filings::last_filed(j.tx)?
            .into_iter()
            .map(|(b, _)| b)
            .collect();
        let branches: Vec<RosterBranch> = lines.iter().map(|(_, b)| b.clone()).collect();
        let never_filed = branches
            .iter()
            .filter(|b| !filed.contains(&b.branch))
            .count();
        j.append(&CommitteeEvent::RosterImported {
            file: file
                .file_name()
                .map_or_else(|| name.clone(), |n| n.to_string_lossy().into_owned()),
            file_sha256: digest.clone(),
            branches,
        })?;
        Ok(RosterImport {
            file: name.clone(),
            branches: lines.len(),
            replaced,
            never_filed,
            made,
        })
    })
}

/// The committee database `db`'s roster, in the file's order, each branch
/// with the last period it filed (empty when no roster was imported).
pub fn roster(db: &Path) -> Result<Vec<RosterLine>> {
    let conn = committee_reader(db)?;
    let last: HashMap<String, String> = filings::last_filed(&conn)?.into_iter().collect();
    Ok(rows::roster(&conn)?
        .into_iter()
        .map(|b| RosterLine {
            last_filed: last.get(&b.branch).cloned(),
            branch: b.branch,
            scheme: b.scheme,
        })
        .collect())
}
