//! Member and claim imports from CSV or XLSX: all-or-nothing, with errors that
//! name the file, line and column.

mod kind;
mod repeat;
mod table;

use super::bulk::BulkClaims;
use super::claim_check::ClaimChecker;
use super::{Ledger, MemberDraft, MemberError, Result};
use crate::domain::model::{BadValue, ClaimSource, ClaimStatus, MemberStatus, Outcome};
use crate::store::imports;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::Path;
use table::{Cells, Table};

pub use kind::ImportKind;
pub use repeat::AlreadyImported;

/// Whether rows already imported may be imported again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Repeats {
    /// Refuse a file whose rows were all imported before (the default).
    #[default]
    Refuse,
    /// Import them again (`claim import --again`).
    Allow,
}

/// A bad import file: nothing was written. `line` 0 and `column` "" when
/// the fault is the file's as a whole.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub struct ImportError {
    pub file: String,
    pub line: usize,
    pub column: String,
    pub kind: Box<ImportKind>,
}

/// For logs only: people read the words of `i18n::imports`.
impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: {}: {:?}",
            self.file, self.line, self.column, self.kind
        )
    }
}

/// Header of a member import.
pub const MEMBER_HEADER: &[&str] = &["name", "category", "tier", "group"];
/// Header of a claim import (the last two columns are optional).
pub const CLAIM_HEADER: &[&str] = &[
    "member", "item", "level", "count", "points", "date", "note", "period", "verdict", "reason",
];

fn check_header(
    t: &Table,
    expected: &[&str],
    optional_tail: usize,
) -> std::result::Result<(), ImportError> {
    let n = t.header.len();
    let ok = n <= expected.len()
        && n >= expected.len() - optional_tail
        && t.header.iter().zip(expected).all(|(a, b)| a == b);
    if !ok {
        return Err(t.err(
            1,
            "",
            ImportKind::WrongHeader {
                got: shown_header(&t.header),
                expected: expected[..expected.len() - optional_tail].join(","),
            },
        ));
    }
    Ok(())
}

/// The header as the user wrote it, cut short when it is very long (a file
/// with 100,000 columns must not make a 700 KB error message).
fn shown_header(header: &[String]) -> String {
    let full = header.join(",");
    if full.chars().count() <= 120 {
        return full;
    }
    let short: String = full.chars().take(100).collect();
    format!("{short}… ({} columns)", header.len())
}

fn cell<'a>(t: &Table, cells: &Cells<'a>, name: &str) -> &'a str {
    t.column(name)
        .and_then(|i| cells.get(i))
        .map(|s| s.trim())
        .unwrap_or("")
}

/// Column positions of a claim import, looked up once.
struct ClaimColumns {
    member: Option<usize>,
    item: Option<usize>,
    level: Option<usize>,
    count: Option<usize>,
    points: Option<usize>,
    date: Option<usize>,
    note: Option<usize>,
    period: Option<usize>,
    verdict: Option<usize>,
    reason: Option<usize>,
}

impl ClaimColumns {
    fn of(t: &Table) -> Self {
        ClaimColumns {
            member: t.column("member"),
            item: t.column("item"),
            level: t.column("level"),
            count: t.column("count"),
            points: t.column("points"),
            date: t.column("date"),
            note: t.column("note"),
            period: t.column("period"),
            verdict: t.column("verdict"),
            reason: t.column("reason"),
        }
    }
}

/// The trimmed cell at `col`, or "" when the column is absent.
fn at<'a>(cells: &Cells<'a>, col: Option<usize>) -> &'a str {
    col.and_then(|i| cells.get(i)).map(str::trim).unwrap_or("")
}

/// `s`, or `None` when it is empty.
fn nonempty(s: &str) -> Option<&str> {
    (!s.is_empty()).then_some(s)
}

fn opt(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

/// An import file as read: its header's names, then each row with its line.
pub type Rows = (Vec<String>, Vec<(usize, Vec<String>)>);

/// Every row of an import file below its header, with its line, as the
/// importers read them (for tools and the CSV reader's fuzz target).
pub fn read_rows(path: &Path) -> std::result::Result<Rows, ImportError> {
    let t = Table::read(path)?;
    let mut rows = Vec::new();
    t.each_row(|line, cells| {
        rows.push((line, cells.to_vec()));
        Ok::<bool, ImportError>(true)
    })?;
    Ok((t.header.clone(), rows))
}

impl Ledger {
    /// Import members from CSV or XLSX; returns how many were added.
    pub fn import_members(&mut self, path: &Path) -> Result<usize> {
        let t = Table::read(path)?;
        check_header(&t, MEMBER_HEADER, 0)?;
        let existing: HashMap<String, i64> = self
            .members()?
            .into_iter()
            .map(|m| (m.name.to_string(), m.id))
            .collect();
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut drafts = Vec::new();
        t.each_row(|line, cells| -> Result<bool> {
            let name = cell(&t, cells, "name");
            if name.is_empty() {
                return Err(t.err(line, "name", MemberError::NameEmpty).into());
            }
            if let Some(first) = seen.insert(name.to_string(), line) {
                return Err(t
                    .err(
                        line,
                        "name",
                        ImportKind::DuplicateMember {
                            name: name.to_string(),
                            first,
                        },
                    )
                    .into());
            }
            if existing.contains_key(name) {
                return Err(t
                    .err(
                        line,
                        "name",
                        ImportKind::OnRoster {
                            name: name.to_string(),
                        },
                    )
                    .into());
            }
            let raw_cat = cell(&t, cells, "category");
            let (category, status) = if raw_cat == MemberStatus::Exempt.code() {
                (crate::domain::model::Category::Full, MemberStatus::Exempt)
            } else {
                (
                    raw_cat
                        .parse()
                        .map_err(|e: BadValue| t.err(line, "category", e))?,
                    MemberStatus::Active,
                )
            };
            let tier_s = cell(&t, cells, "tier");
            let tier = if tier_s.is_empty() {
                None
            } else {
                Some(tier_s.parse::<i64>().map_err(|_| {
                    t.err(
                        line,
                        "tier",
                        ImportKind::NotWhole {
                            given: tier_s.to_string(),
                        },
                    )
                })?)
            };
            let d = MemberDraft {
                name: name.to_string(),
                category,
                tier,
                group: opt(cell(&t, cells, "group")),
                status,
            };
            self.check_member(&d)
                .map_err(|e| t.err(line, e.field(), e))?;
            drafts.push(d);
            Ok(true)
        })?;
        if drafts.is_empty() {
            return Err(t.err(0, "", ImportKind::NoRows).into());
        }
        let n = drafts.len();
        self.add_members(&drafts)?;
        Ok(n)
    }

    /// Import claims from CSV or XLSX, all or nothing; returns how many were added.
    pub fn import_claims(&mut self, path: &Path) -> Result<usize> {
        self.import_claims_with(path, &mut |_, _| {})
    }

    /// `import_claims`, telling `progress` (bytes read, bytes in all) as the
    /// rows of a CSV file are read.
    pub fn import_claims_with(
        &mut self,
        path: &Path,
        progress: &mut dyn FnMut(u64, u64),
    ) -> Result<usize> {
        self.import_claims_as(path, Repeats::Refuse, progress)
    }

    /// `import_claims_with`; a file whose rows (as a set, whatever their order,
    /// spelling or file format) are those of an earlier import still on record
    /// is refused naming it, unless `repeats` allows it.
    pub fn import_claims_as(
        &mut self,
        path: &Path,
        repeats: Repeats,
        progress: &mut dyn FnMut(u64, u64),
    ) -> Result<usize> {
        let t = Table::read(path)?;
        check_header(&t, CLAIM_HEADER, 2)?;
        let roster = self.roster()?;
        // Rows without a period go to the current one, looked up once.
        let current = self.current_period()?;
        let rows = ClaimRows::new(&t, &roster, self.scheme(), current);
        let mut checker = ClaimChecker::new(rows.scheme, rows.members, rows.current);
        let mut hashes = RowHashes(Vec::with_capacity(t.size() / 80));
        let mut bulk = BulkClaims::with_capacity(t.size() / 2);
        let mut set = repeat::RowSet::default();
        let size = t.size() as u64;
        let parsed = t.each_row(|line, cells| -> Result<bool> {
            hashes.0.push((cells.hash(), line));
            let c = rows.row(&mut checker, line, cells)?;
            bulk.push_checked(&c);
            set.add(&c);
            if bulk.len().is_multiple_of(4096) {
                progress(cells.end() as u64, size);
            }
            Ok(true)
        });
        progress(size, size);
        // A repeated row is reported when it comes before the first other error.
        let failed_at = match &parsed {
            Err(super::CoreError::Import(e)) => Some(e.line),
            Err(_) => Some(0),
            Ok(()) => None,
        };
        if let Some((line, first)) = hashes.first_repeat(&t)? {
            if failed_at.is_none_or(|f| line <= f) {
                return Err(t.err(line, "", ImportKind::DuplicateRow { first }).into());
            }
        }
        parsed?;
        let n = bulk.len();
        if n == 0 {
            return Err(t.err(0, "", ImportKind::NoRows).into());
        }
        let (digest, rows) = (set.digest(), set.rows() as i64);
        let file = t.file.clone();
        let large = n > LARGE_IMPORT;
        if large {
            crate::store::db::bulk_cache(self.conn(), true)?;
        }
        let written = self.write(|l| {
            // Looked up inside the write: two imports of one file at once
            // cannot both pass.
            let earlier = imports::find_live(l.conn(), l.branch.id, &digest, rows)?;
            if let (Some(earlier), Repeats::Refuse) = (earlier, repeats) {
                let e = AlreadyImported { file, earlier };
                return Err(super::CoreError::AlreadyImported(Box::new(e)));
            }
            let ids = if n > super::commands::UNDOABLE_CLAIMS {
                l.add_bulk(bulk)?
            } else {
                l.add_checked_claims(bulk.into_claims()?)?
            };
            let record = imports::ImportRecord {
                file,
                rows,
                first_claim: ids.first().copied().unwrap_or_default(),
                at: crate::store::queries::last_event_at(l.conn())?.unwrap_or_else(super::now),
            };
            imports::record(l.conn(), l.branch.id, &digest, &record)?;
            Ok(n)
        });
        if large {
            crate::store::db::bulk_cache(self.conn(), false)?;
        }
        written
    }
}

/// Claims above which an import writes with a large page cache (a
/// history's worth: far beyond a quarter of any branch).
const LARGE_IMPORT: usize = 50_000;

/// Reads the rows of a claim file into checked claims.
struct ClaimRows<'a> {
    t: &'a Table,
    col: ClaimColumns,
    by_name: foldhash::HashMap<&'a str, Vec<i64>>,
    members: &'a [crate::domain::model::Member],
    scheme: &'a crate::domain::scheme::Scheme,
    current: Option<crate::domain::model::PeriodId>,
    default_period: Option<String>,
}

impl<'a> ClaimRows<'a> {
    fn new(
        t: &'a Table,
        members: &'a [crate::domain::model::Member],
        scheme: &'a crate::domain::scheme::Scheme,
        current: Option<crate::domain::model::PeriodId>,
    ) -> Self {
        let mut by_name: foldhash::HashMap<&str, Vec<i64>> = foldhash::HashMap::default();
        for m in members {
            by_name.entry(&*m.name).or_default().push(m.id);
        }
        ClaimRows {
            t,
            col: ClaimColumns::of(t),
            by_name,
            members,
            scheme,
            current,
            default_period: current.map(|p| p.to_string()),
        }
    }

    /// Check one row.
    fn row<'r, 'c: 'r>(
        &'r self,
        checker: &mut ClaimChecker<'c>,
        line: usize,
        cells: &Cells<'r>,
    ) -> Result<crate::store::claim_rows::Line<'r>> {
        let (t, col) = (self.t, &self.col);
        let who = at(cells, col.member);
        let member_id = match self.by_name.get(who).map(|v| v.as_slice()) {
            Some([one]) => *one,
            Some(_) => {
                let kind = ImportKind::AmbiguousMember {
                    name: who.to_string(),
                };
                return Err(t.err(line, "member", kind).into());
            }
            None => match who
                .parse::<i64>()
                .ok()
                .filter(|id| self.members.binary_search_by_key(id, |m| m.id).is_ok())
            {
                Some(id) => id,
                None => {
                    let kind = ImportKind::UnknownMember {
                        who: who.to_string(),
                    };
                    return Err(t.err(line, "member", kind).into());
                }
            },
        };
        let count_s = at(cells, col.count);
        let count = if count_s.is_empty() {
            1
        } else {
            count_s.parse::<i64>().map_err(|_| {
                let kind = ImportKind::NotWhole {
                    given: count_s.to_string(),
                };
                t.err(line, "count", kind)
            })?
        };
        let points_s = at(cells, col.points);
        let points = if points_s.is_empty() {
            None
        } else {
            // `inf`, `nan`, `1e400` read as numbers: the claim check refuses them.
            Some(points_s.parse::<f64>().map_err(|_| {
                let kind = ImportKind::NotNumber {
                    given: points_s.to_string(),
                };
                t.err(line, "points", kind)
            })?)
        };
        let verdict_s = at(cells, col.verdict);
        let verdict = if verdict_s.is_empty() || verdict_s == ClaimStatus::Pending.code() {
            None
        } else {
            let v = verdict_s.parse::<Outcome>();
            Some(v.map_err(|e| t.err(line, "verdict", e))?)
        };
        let draft = super::ClaimDraft {
            member_id,
            item: at(cells, col.item),
            level: nonempty(at(cells, col.level)),
            count,
            points,
            date: nonempty(at(cells, col.date)),
            note: nonempty(at(cells, col.note)),
            evidence: None,
            period: nonempty(at(cells, col.period)).or(self.default_period.as_deref()),
            source: ClaimSource::Import,
            verdict,
            reason: nonempty(at(cells, col.reason)),
        };
        checker
            .check(&draft)
            .map_err(|e| t.err(line, e.field().column(), e).into())
    }
}

/// Every row's hash and line, to find a row given twice once all are read.
struct RowHashes(Vec<(u64, usize)>);

impl RowHashes {
    /// The first row that repeats an earlier one, as (its line, the earlier
    /// line). Rows with equal hashes are compared cell by cell, so two
    /// different rows are never taken for each other.
    fn first_repeat(
        mut self,
        t: &Table,
    ) -> std::result::Result<Option<(usize, usize)>, ImportError> {
        self.0.sort_unstable();
        let groups: Vec<&[(u64, usize)]> = self
            .0
            .chunk_by(|a, b| a.0 == b.0)
            .filter(|g| g.len() > 1)
            .collect();
        if groups.is_empty() {
            return Ok(None);
        }
        let lines: HashSet<usize> = groups.iter().flat_map(|g| g.iter().map(|r| r.1)).collect();
        let cells = t.rows_at(&lines)?;
        let mut first: Option<(usize, usize)> = None;
        for g in groups {
            // Within a group the rows are in line order.
            for (k, later) in g.iter().enumerate().skip(1) {
                let same = |e: &&(u64, usize)| cells.get(&e.1) == cells.get(&later.1);
                if let Some(earlier) = g[..k].iter().find(same) {
                    if first.is_none_or(|f| later.1 < f.0) {
                        first = Some((later.1, earlier.1));
                    }
                    break;
                }
            }
        }
        Ok(first)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(text: &str) -> (tempfile::TempDir, Table) {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("t.csv");
        std::fs::write(&path, text).expect("write");
        let t = Table::read(&path).expect("read");
        (dir, t)
    }

    #[test]
    fn rows_with_equal_hashes_are_repeats_only_when_their_cells_are_equal() {
        let (_d, t) = table("a,b\n1,2\n1,3\n1,2\n");
        // Lines 2 and 3 differ although their (made-up) hashes are equal.
        let collided = RowHashes(vec![(7, 2), (7, 3)]);
        assert_eq!(collided.first_repeat(&t).expect("read"), None);
        let repeated = RowHashes(vec![(7, 2), (7, 3), (7, 4)]);
        assert_eq!(repeated.first_repeat(&t).expect("read"), Some((4, 2)));
    }

    /// Every row with its line, as the table gives them.
    fn rows_of(t: &Table) -> Vec<(usize, Vec<String>)> {
        let mut rows = Vec::new();
        t.each_row(|line, cells| {
            rows.push((line, cells.to_vec()));
            Ok::<bool, ImportError>(true)
        })
        .expect("read");
        rows
    }

    #[test]
    fn rows_are_what_a_csv_reader_reads_whatever_the_quote_marks() {
        // A literal quote mark in an unquoted field (12"), then quoted fields
        // that run over several lines, far enough apart that a reader which
        // cut the file by counting quote marks would cut inside a field.
        let mut text = String::from("a,b\n");
        text.push_str("1,屏幕 12\" 一台\n");
        for i in 0..4000 {
            text.push_str(&format!("{i},\"第{i}行\n\"\"引\"\",号\"\n"));
        }
        text.push_str("9999,末行\n");
        let (_d, t) = table(&text);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .from_reader(text.as_bytes());
        let expected: Vec<Vec<String>> = reader
            .records()
            .map(|r| r.expect("csv").iter().map(String::from).collect())
            .collect();
        let got: Vec<Vec<String>> = rows_of(&t).into_iter().map(|r| r.1).collect();
        assert_eq!(got.len(), 4002);
        assert_eq!(got[0], ["1", "屏幕 12\" 一台"]);
        assert_eq!(got[1], ["0", "第0行\n\"引\",号"]);
        assert_eq!(got, expected);
        // Lines are the file's own: row k (k >= 1) starts on line 3 + 2(k - 1).
        let lines: Vec<usize> = rows_of(&t).iter().map(|r| r.0).collect();
        assert_eq!(&lines[..3], &[2, 3, 5]);
    }

    #[test]
    fn the_earliest_repeat_is_named() {
        let (_d, t) = table("a\nx\ny\ny\nx\n");
        let hashes = RowHashes(vec![(1, 2), (2, 3), (2, 4), (1, 5)]);
        assert_eq!(hashes.first_repeat(&t).expect("read"), Some((4, 3)));
    }
}
