//! Member and claim imports from CSV or XLSX: all-or-nothing, with errors that
//! name the file, line and column.

mod kind;
mod repeat;
mod rows;
mod stream;
mod table;

use super::bulk::BATCH_CLAIMS;
use super::{Ledger, MemberDraft, MemberError, Result};
use crate::domain::model::{BadValue, MemberStatus};
use crate::store::imports;
use crate::store::queries::Numbered;
use rows::ClaimRows;
use std::collections::HashMap;
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
        let scheme = self.scheme().clone();
        let rows = ClaimRows::new(&t, &roster, &scheme, current);
        let (file, size) = (t.file.clone(), t.size() as u64);
        // A large file is written once, into the database file, when no
        // other connection holds the database (`store::db::write_once`).
        let once = !self.read_only
            && !self.in_write
            && size > WRITE_ONCE_BYTES
            && crate::store::db::write_once(self.conn())?;
        let out = std::thread::scope(|s| {
            let (to_writer, from_reader) = std::sync::mpsc::sync_channel(CHUNKS_AHEAD);
            s.spawn(|| stream::read(&rows, BATCH_CLAIMS, to_writer));
            // The feed (and with it the channel) is dropped before the scope
            // waits for the reader, so a reader blocked on a full channel ends.
            let mut feed = stream::Feed::new(from_reader, file, size, repeats, progress);
            let written = self.write_claims(&mut feed);
            if feed.large {
                crate::store::db::bulk_cache(self.conn(), false)?;
            }
            written
        });
        if once {
            // Whatever the import's outcome; should another connection keep
            // the database past the wait, the next writer to open it switches
            // it back (`store::db::open_rw`), and the import stands.
            let _ = crate::store::db::back_to_wal(self.conn(), crate::store::db::WRITER_WAIT);
        }
        out
    }

    /// Journal the claims `feed` gives in one write, with the import's record.
    fn write_claims(&mut self, feed: &mut stream::Feed) -> Result<usize> {
        self.write(|l| {
            let first = crate::store::queries::next_id(l.conn(), Numbered::Claim)?;
            feed.begin(l.branch.id, l.periods()?, first);
            // A file that may repeat an earlier import is read whole first,
            // so that its refusal costs no write; any other streams.
            let held = match feed.repeats() {
                Repeats::Refuse => imports::most_rows_live(l.conn(), l.branch.id)?,
                Repeats::Allow => 0,
            };
            match feed.read_ahead(super::commands::UNDOABLE_CLAIMS, held)? {
                // A few claims are one undoable event.
                stream::Ahead::Few(text, summary) => {
                    feed.refuse_repeat(l.conn(), &summary)?;
                    let claims = crate::store::claim_rows::decode(0, &text)
                        .map_err(|what| super::CoreError::Damaged { what })?;
                    let ids = l.add_checked_claims(claims)?;
                    return l.record_import(feed, &summary, ids.first().copied());
                }
                stream::Ahead::Whole(summary) => feed.refuse_repeat(l.conn(), &summary)?,
                stream::Ahead::Streaming => {}
            }
            let written = l.journal_by(|conn, actor, at, stamp| {
                let batches = std::iter::from_fn(|| feed.next_batch(conn));
                crate::store::journal::append_batches(conn, actor, at, stamp, batches)
            });
            l.period_cache.take();
            written?;
            l.record_import(feed, &feed.summary()?, Some(first))
        })
    }

    /// Note the import of `summary`'s rows, the first numbered `first`.
    fn record_import(
        &mut self,
        feed: &stream::Feed,
        summary: &stream::Summary,
        first: Option<i64>,
    ) -> Result<usize> {
        let record = imports::ImportRecord {
            file: feed.file().to_string(),
            rows: summary.rows,
            first_claim: first.unwrap_or_default(),
            at: crate::store::queries::last_event_at(self.conn())?.unwrap_or_else(super::now),
        };
        imports::record(self.conn(), self.branch.id, &summary.digest, &record)?;
        Ok(summary.rows as usize)
    }
}

/// Files above this many bytes (some 15,000 claims) are written once
/// (`store::db::write_once`): their pages go into the database file, not
/// into the WAL and then again into the file (`benches/RESULTS.md`, tenth
/// pass).
const WRITE_ONCE_BYTES: u64 = 1 << 20;

/// Chunks of checked rows the reader may be ahead of the writer.
const CHUNKS_AHEAD: usize = 2;

#[cfg(test)]
mod tests {
    use super::*;
    use table::table_of as table;

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
}
