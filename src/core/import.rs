//! Member and claim imports from CSV or XLSX: all-or-nothing, with errors that
//! name the file, line and column.

use super::{ClaimDraft, Ledger, MemberDraft, Result};
use crate::model::{ClaimSource, MemberStatus, Outcome};
use csv::StringRecord;
use std::collections::HashMap;
use std::fmt;
use std::path::Path;

/// A bad import file: nothing was written.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub struct ImportError {
    pub file: String,
    pub line: usize,
    pub column: String,
    pub message: String,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if self.line > 0 {
            write!(f, ":{}", self.line)?;
        }
        if !self.column.is_empty() {
            write!(f, ": column '{}'", self.column)?;
        }
        write!(f, ": {} (nothing was imported)", self.message)
    }
}

/// Header of a member import.
pub const MEMBER_HEADER: &[&str] = &["name", "category", "tier", "group"];
/// Header of a claim import (the last two columns are optional).
pub const CLAIM_HEADER: &[&str] = &[
    "member", "item", "level", "count", "points", "date", "note", "period", "verdict", "reason",
];

const MAX_FIELD: usize = 4096;

struct Table {
    file: String,
    header: Vec<String>,
    /// (line, cells) of every row below the header that is not blank.
    rows: Vec<(usize, StringRecord)>,
}

impl Table {
    /// Position of a column by its header name.
    fn column(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| h == name)
    }

    fn err(&self, line: usize, column: &str, message: impl Into<String>) -> ImportError {
        ImportError {
            file: self.file.clone(),
            line,
            column: column.to_string(),
            message: message.into(),
        }
    }
}

fn read_table(path: &Path) -> std::result::Result<Table, ImportError> {
    let file = path.display().to_string();
    let fail = |line: usize, m: String| ImportError {
        file: file.clone(),
        line,
        column: String::new(),
        message: m,
    };
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_lowercase();
    let mut lines: Vec<(usize, StringRecord)> = Vec::new();
    if ext == "xlsx" || ext == "xls" || ext == "ods" {
        use calamine::{open_workbook_auto, Reader};
        let mut wb = open_workbook_auto(path)
            .map_err(|e| fail(0, format!("cannot read spreadsheet: {e}")))?;
        let sheet = wb
            .sheet_names()
            .first()
            .cloned()
            .ok_or_else(|| fail(0, "the workbook has no sheet".into()))?;
        let range = wb
            .worksheet_range(&sheet)
            .map_err(|e| fail(0, format!("cannot read sheet '{sheet}': {e}")))?;
        for (i, row) in range.rows().enumerate() {
            let cells: StringRecord = row
                .iter()
                .map(|c| match c {
                    calamine::Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => {
                        format!("{}", *f as i64)
                    }
                    calamine::Data::DateTime(d) => {
                        let (y, m, day, ..) = d.to_ymd_hms_milli();
                        format!("{y:04}-{m:02}-{day:02}")
                    }
                    other => other.to_string(),
                })
                .collect();
            lines.push((i + 1, cells));
        }
    } else {
        let bytes = std::fs::read(path).map_err(|e| fail(0, format!("cannot read: {e}")))?;
        let body = bytes
            .strip_prefix(&[0xEF, 0xBB, 0xBF][..])
            .unwrap_or(&bytes);
        if let Err(e) = std::str::from_utf8(body) {
            let line = body[..e.valid_up_to()]
                .iter()
                .filter(|b| **b == b'\n')
                .count()
                + 1;
            return Err(fail(
                line,
                "not UTF-8 text (a GBK/ANSI file? save it as \"CSV UTF-8\")".into(),
            ));
        }
        let mut rdr = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(body);
        let mut rec = StringRecord::new();
        loop {
            match rdr.read_record(&mut rec) {
                Ok(true) => {}
                Ok(false) => break,
                Err(e) => {
                    let line = e.position().map(|p| p.line() as usize).unwrap_or(0);
                    return Err(fail(line, format!("bad CSV: {e}")));
                }
            }
            let line = rec.position().map(|p| p.line() as usize).unwrap_or(0);
            lines.push((line, std::mem::take(&mut rec)));
        }
    }
    lines.retain(|(_, cells)| cells.iter().any(|c| !c.trim().is_empty()));
    let mut it = lines.into_iter();
    let (hline, header) = it
        .next()
        .ok_or_else(|| fail(0, "the file is empty".into()))?;
    let _ = hline;
    let header: Vec<String> = header.iter().map(|h| h.trim().to_lowercase()).collect();
    let rows: Vec<(usize, StringRecord)> = it.collect();
    let table = Table { file, header, rows };
    for (line, cells) in &table.rows {
        if cells.len() != table.header.len() {
            return Err(table.err(
                *line,
                "",
                format!(
                    "expected {} fields as in the header, found {}",
                    table.header.len(),
                    cells.len()
                ),
            ));
        }
        for (i, c) in cells.iter().enumerate() {
            if c.len() > MAX_FIELD {
                return Err(table.err(
                    *line,
                    &table.header[i],
                    format!("field is {} bytes long (at most {MAX_FIELD})", c.len()),
                ));
            }
        }
    }
    Ok(table)
}

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
            format!(
                "wrong header '{}' (expected '{}')",
                shown_header(&t.header),
                expected[..expected.len() - optional_tail].join(",")
            ),
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

fn cell<'a>(t: &Table, cells: &'a StringRecord, name: &str) -> &'a str {
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
fn at(cells: &StringRecord, col: Option<usize>) -> &str {
    col.and_then(|i| cells.get(i)).map(str::trim).unwrap_or("")
}

fn opt(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

impl Ledger {
    /// Import members from CSV or XLSX; returns how many were added.
    pub fn import_members(&mut self, path: &Path) -> Result<usize> {
        let t = read_table(path)?;
        check_header(&t, MEMBER_HEADER, 0)?;
        let existing: HashMap<String, i64> = self
            .members()?
            .into_iter()
            .map(|m| (m.name.to_string(), m.id))
            .collect();
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut drafts = Vec::new();
        for (line, cells) in &t.rows {
            let name = cell(&t, cells, "name");
            if name.is_empty() {
                return Err(t.err(*line, "name", "name is empty").into());
            }
            if let Some(first) = seen.insert(name.to_string(), *line) {
                return Err(t
                    .err(
                        *line,
                        "name",
                        format!("duplicate member '{name}' (also on line {first})"),
                    )
                    .into());
            }
            if existing.contains_key(name) {
                return Err(t
                    .err(*line, "name", format!("'{name}' is already on the roster"))
                    .into());
            }
            let raw_cat = cell(&t, cells, "category");
            let (category, status) = if raw_cat == "exempt" {
                (crate::model::Category::Full, MemberStatus::Exempt)
            } else {
                (
                    raw_cat
                        .parse()
                        .map_err(|e: String| t.err(*line, "category", e))?,
                    MemberStatus::Active,
                )
            };
            let tier_s = cell(&t, cells, "tier");
            let tier = if tier_s.is_empty() {
                None
            } else {
                Some(tier_s.parse::<i64>().map_err(|_| {
                    t.err(
                        *line,
                        "tier",
                        format!("tier '{tier_s}' is not a whole number"),
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
            self.check_member(&d).map_err(|e| t.err(*line, "name", e))?;
            drafts.push(d);
        }
        if drafts.is_empty() {
            return Err(t.err(0, "", "no rows below the header").into());
        }
        let n = drafts.len();
        self.add_members(&drafts)?;
        Ok(n)
    }

    /// Import claims from CSV or XLSX; returns how many were added.
    pub fn import_claims(&mut self, path: &Path) -> Result<usize> {
        let t = read_table(path)?;
        check_header(&t, CLAIM_HEADER, 2)?;
        let col = ClaimColumns::of(&t);
        let roster = self.roster()?;
        let members: &[crate::model::Member] = &roster;
        let mut by_name: HashMap<&str, Vec<i64>> = HashMap::with_capacity(members.len());
        for m in members {
            by_name.entry(&*m.name).or_default().push(m.id);
        }
        // Rows without a period go to the current one, looked up once.
        let default_period = self.current_period()?.map(|p| p.to_string());
        let mut seen: HashMap<Vec<u8>, usize> = HashMap::with_capacity(t.rows.len());
        let mut key = Vec::new();
        let mut out = Vec::with_capacity(t.rows.len());
        for (line, cells) in &t.rows {
            key.clear();
            for c in cells.iter() {
                key.extend_from_slice(c.as_bytes());
                key.push(0x1f);
            }
            if let Some(first) = seen.get(&key) {
                return Err(t
                    .err(*line, "", format!("duplicate row (same as line {first})"))
                    .into());
            }
            seen.insert(key.clone(), *line);
            let who = at(cells, col.member);
            let member_id = match by_name.get(who).map(|v| v.as_slice()) {
                Some([one]) => *one,
                Some(_) => {
                    return Err(t
                        .err(
                            *line,
                            "member",
                            format!("several members are named '{who}'; use the id"),
                        )
                        .into())
                }
                None => match who
                    .parse::<i64>()
                    .ok()
                    .filter(|id| members.binary_search_by_key(id, |m| m.id).is_ok())
                {
                    Some(id) => id,
                    None => {
                        return Err(t
                            .err(*line, "member", format!("unknown member '{who}'"))
                            .into())
                    }
                },
            };
            let count_s = at(cells, col.count);
            let count = if count_s.is_empty() {
                1
            } else {
                count_s.parse::<i64>().map_err(|_| {
                    t.err(
                        *line,
                        "count",
                        format!("count '{count_s}' is not a whole number"),
                    )
                })?
            };
            let points_s = at(cells, col.points);
            let points = if points_s.is_empty() {
                None
            } else {
                Some(
                    points_s
                        .parse::<f64>()
                        .ok()
                        .filter(|p| p.is_finite())
                        .ok_or_else(|| {
                            t.err(
                                *line,
                                "points",
                                format!("points '{points_s}' is not a number"),
                            )
                        })?,
                )
            };
            let verdict_s = at(cells, col.verdict);
            let verdict = if verdict_s.is_empty() || verdict_s == "pending" {
                None
            } else {
                Some(
                    verdict_s
                        .parse::<Outcome>()
                        .map_err(|e| t.err(*line, "verdict", e))?,
                )
            };
            let d = ClaimDraft {
                member_id,
                item: at(cells, col.item).to_string(),
                level: opt(at(cells, col.level)),
                count,
                points,
                date: opt(at(cells, col.date)),
                note: opt(at(cells, col.note)),
                evidence: None,
                period: opt(at(cells, col.period)).or_else(|| default_period.clone()),
                source: ClaimSource::Import,
                verdict,
                reason: opt(at(cells, col.reason)),
            };
            let c = self.check_claim(&d, members).map_err(|e| {
                let col = if e.contains("item") && !e.contains("points") {
                    if e.contains("level") {
                        "level"
                    } else {
                        "item"
                    }
                } else if e.contains("points") {
                    "points"
                } else if e.contains("period") {
                    "period"
                } else if e.contains("date") {
                    "date"
                } else if e.contains("count") {
                    "count"
                } else if e.contains("reason") || e.contains("verdict") {
                    "verdict"
                } else {
                    "member"
                };
                t.err(*line, col, e)
            })?;
            out.push(c);
        }
        if out.is_empty() {
            return Err(t.err(0, "", "no rows below the header").into());
        }
        let n = out.len();
        self.add_checked_claims(out)?;
        Ok(n)
    }
}
