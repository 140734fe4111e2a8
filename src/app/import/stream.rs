//! A claim file read on a second thread while the first stores it: the
//! reader checks the rows in one pass of the `csv` crate and sends them on in
//! chunks of journal lines; the writer journals each chunk as it comes, all in
//! one transaction. The reader alone decides whether the file is refused (a
//! bad row, a row given twice, no rows), so an import refuses exactly what it
//! refused when it read the whole file first; the writer then rolls back.

use super::repeat::RowSet;
use super::rows::{ClaimRows, RowHashes};
use super::{AlreadyImported, ImportKind, Repeats};
use crate::app::claim_check::ClaimChecker;
use crate::app::commands::writable;
use crate::app::{CoreError, Result};
use crate::domain::model::PeriodId;
use crate::store::claim_rows::LineWriter;
use crate::store::{imports, queries::PeriodRow, Db, Event};
use std::collections::VecDeque;
use std::sync::mpsc::{Receiver, SyncSender};

/// What the reader sends the writer.
pub(super) enum Msg {
    /// The next rows, checked.
    Rows(Chunk),
    /// The file is refused: nothing of it may be kept.
    Refused(CoreError),
    /// Every row was read and checked, and the file is sound.
    Done(Summary),
}

/// Checked rows as journal lines (`store::claim_rows`), in file order.
pub(super) struct Chunk {
    pub text: String,
    pub rows: usize,
    /// The periods of its rows, in order of first use.
    pub periods: Vec<PeriodId>,
    /// Where its last row ends in the file, in bytes (0 in a workbook).
    pub end: u64,
}

/// A whole sound file: its rows' digest as a set (`repeat::RowSet`) and count.
#[derive(Debug, Clone)]
pub(super) struct Summary {
    pub digest: String,
    pub rows: i64,
}

/// Read and check every row, sending them on in chunks of `chunk_rows`; ends
/// with `Done` or `Refused`, or early when the writer has gone.
pub(super) fn read(rows: &ClaimRows, chunk_rows: usize, out: SyncSender<Msg>) {
    let t = rows.t;
    let mut checker = ClaimChecker::new(rows.scheme, rows.members, rows.current);
    let mut hashes = RowHashes(Vec::with_capacity(t.size() / 80));
    let mut set = RowSet::default();
    let room = (t.size() / 2).min(chunk_rows * 128);
    let mut lines = LineWriter::with_capacity(room);
    let mut in_chunk = 0;
    let mut writer_gone = false;
    let parsed = t.each_row(|line, cells| -> Result<bool> {
        hashes.0.push((cells.hash(), line));
        let c = rows.row(&mut checker, line, cells)?;
        lines.write(&c);
        set.add(&c);
        in_chunk += 1;
        if in_chunk == chunk_rows {
            let full = std::mem::replace(&mut lines, LineWriter::with_capacity(room));
            let chunk = Chunk::of(full, in_chunk, cells.end() as u64)?;
            in_chunk = 0;
            if out.send(Msg::Rows(chunk)).is_err() {
                writer_gone = true;
                return Ok(false);
            }
        }
        Ok(true)
    });
    if writer_gone {
        return;
    }
    let last = match verdict(rows, parsed, hashes, &set) {
        Err(e) => Msg::Refused(e),
        Ok(()) => {
            if in_chunk > 0 {
                let chunk = match Chunk::of(lines, in_chunk, t.size() as u64) {
                    Ok(c) => c,
                    Err(e) => {
                        let _ = out.send(Msg::Refused(e));
                        return;
                    }
                };
                if out.send(Msg::Rows(chunk)).is_err() {
                    return;
                }
            }
            Msg::Done(Summary {
                digest: set.digest(),
                rows: set.rows() as i64,
            })
        }
    };
    // The writer may have gone; then there is no one left to tell.
    let _ = out.send(last);
}

/// Whether the file as read is refused: a row given twice is named when it
/// comes before the first other fault.
fn verdict(rows: &ClaimRows, parsed: Result<()>, hashes: RowHashes, set: &RowSet) -> Result<()> {
    let t = rows.t;
    let failed_at = match &parsed {
        Err(CoreError::Import(e)) => Some(e.line),
        Err(_) => Some(0),
        Ok(()) => None,
    };
    if let Some((line, first)) = hashes.first_repeat(t)? {
        if failed_at.is_none_or(|f| line <= f) {
            return Err(t.err(line, "", ImportKind::DuplicateRow { first }).into());
        }
    }
    parsed?;
    if set.rows() == 0 {
        return Err(t.err(0, "", ImportKind::NoRows).into());
    }
    Ok(())
}

impl Chunk {
    fn of(lines: LineWriter, rows: usize, end: u64) -> Result<Chunk> {
        let periods = lines.periods().collect();
        let text = String::from_utf8(lines.into_text()).map_err(|e| CoreError::Damaged {
            what: format!("claim lines are not UTF-8: {e}"),
        })?;
        Ok(Chunk {
            text,
            rows,
            periods,
            end,
        })
    }
}

/// What reading ahead found.
pub(super) enum Ahead {
    /// The whole file: these few journal lines.
    Few(String, Summary),
    /// The whole file, more than a few rows: every chunk is read ahead.
    Whole(Summary),
    /// More rows than a few or than any earlier import still on record: the
    /// rest comes as it is read.
    Streaming,
}

/// The writer's end of the reader's chunks: each becomes one journal batch
/// of claims numbered on from the first, in a period open to claims.
pub(super) struct Feed<'p> {
    rx: Receiver<Msg>,
    /// Messages read ahead (to tell a small file from a large one).
    ahead: VecDeque<Msg>,
    file: String,
    /// The file's size in bytes, for `progress`.
    size: u64,
    repeats: Repeats,
    progress: &'p mut dyn FnMut(u64, u64),
    branch: i64,
    /// The branch's periods as read inside the write, and those checked.
    periods: Vec<PeriodRow>,
    checked: Vec<PeriodId>,
    next_id: i64,
    given: usize,
    /// Whether the connection was given the large page cache.
    pub large: bool,
    summary: Option<Summary>,
}

/// Claims above which an import writes with a large page cache (a
/// history's worth: far beyond a quarter of any branch).
const LARGE_IMPORT: usize = 50_000;

impl<'p> Feed<'p> {
    /// The writer's end of `rx`, for the file `file` of `size` bytes.
    pub fn new(
        rx: Receiver<Msg>,
        file: String,
        size: u64,
        repeats: Repeats,
        progress: &'p mut dyn FnMut(u64, u64),
    ) -> Self {
        Feed {
            rx,
            ahead: VecDeque::new(),
            file,
            size,
            repeats,
            progress,
            branch: 0,
            periods: Vec::new(),
            checked: Vec::new(),
            next_id: 0,
            given: 0,
            large: false,
            summary: None,
        }
    }

    /// Inside the write: the branch, its periods and the first claim's number.
    pub fn begin(&mut self, branch: i64, periods: Vec<PeriodRow>, first_id: i64) {
        (self.branch, self.periods, self.next_id) = (branch, periods, first_id);
    }

    /// The next message read ahead, else the reader's next.
    fn recv(&mut self) -> Msg {
        match self.ahead.pop_front() {
            Some(m) => m,
            None => self.reader_next(),
        }
    }

    fn reader_next(&self) -> Msg {
        self.rx.recv().unwrap_or_else(|_| {
            Msg::Refused(CoreError::Damaged {
                what: "the import's reading thread stopped".into(),
            })
        })
    }

    /// Read ahead while the file could still be a few claims (at most `few`
    /// rows) or a repeat of an earlier import of at most `held` rows, which
    /// must be refused before anything is written.
    pub fn read_ahead(&mut self, few: usize, held: usize) -> Result<Ahead> {
        let mut rows = 0;
        loop {
            match self.reader_next() {
                Msg::Refused(e) => return Err(e),
                Msg::Done(s) if rows <= few => {
                    let mut text = String::new();
                    for m in self.ahead.drain(..) {
                        if let Msg::Rows(c) = m {
                            text.push_str(&c.text);
                        }
                    }
                    (self.progress)(self.size, self.size);
                    return Ok(Ahead::Few(text, s));
                }
                Msg::Done(s) => {
                    self.ahead.push_back(Msg::Done(s.clone()));
                    return Ok(Ahead::Whole(s));
                }
                Msg::Rows(c) => {
                    rows += c.rows;
                    self.ahead.push_back(Msg::Rows(c));
                    if rows > few.max(held) {
                        return Ok(Ahead::Streaming);
                    }
                }
            }
        }
    }

    /// The next journal batch, `None` once the whole sound file is given.
    /// A refusal ends the run: the reader's (the file's own fault) first,
    /// then a repeat of an earlier import, then a period closed to claims.
    pub fn next_batch(&mut self, conn: &Db) -> Option<Result<Event>> {
        match self.recv() {
            Msg::Rows(c) => Some(self.batch(conn, c).map_err(|e| self.refusal(conn, e))),
            Msg::Refused(e) => Some(Err(e)),
            Msg::Done(s) => {
                (self.progress)(self.size, self.size);
                if let Err(e) = self.refuse_repeat(conn, &s) {
                    return Some(Err(e));
                }
                self.summary = Some(s);
                None
            }
        }
    }

    fn batch(&mut self, conn: &Db, c: Chunk) -> Result<Event> {
        for p in &c.periods {
            if !self.checked.contains(p) {
                let id = p.to_string();
                writable(p, self.periods.iter().find(|r| r.id == id).cloned())?;
                self.checked.push(*p);
            }
        }
        self.given += c.rows;
        if !self.large && self.given > LARGE_IMPORT {
            crate::store::db::bulk_cache(conn, true)?;
            self.large = true;
        }
        (self.progress)(c.end, self.size);
        let first_id = self.next_id;
        self.next_id += c.rows as i64;
        Ok(Event::ClaimsBatch {
            branch_id: self.branch,
            first_id,
            rows: c.text,
            packed: false,
        })
    }

    /// The refusal to give for `e`, the writer's own: what the rest of the
    /// file says comes first (as when the file was read whole before any write).
    fn refusal(&mut self, conn: &Db, e: CoreError) -> CoreError {
        loop {
            match self.recv() {
                Msg::Rows(_) => {}
                Msg::Refused(file) => return file,
                Msg::Done(s) => return self.refuse_repeat(conn, &s).err().unwrap_or(e),
            }
        }
    }

    /// Refuse rows imported before and still on record, unless repeats are
    /// allowed (looked up inside the write: two imports of one file at once
    /// cannot both pass).
    pub fn refuse_repeat(&self, conn: &Db, s: &Summary) -> Result<()> {
        let earlier = imports::find_live(conn, self.branch, &s.digest, s.rows)?;
        if let (Some(earlier), Repeats::Refuse) = (earlier, self.repeats) {
            let file = self.file.clone();
            let e = AlreadyImported { file, earlier };
            return Err(CoreError::AlreadyImported(Box::new(e)));
        }
        Ok(())
    }

    /// Whether rows imported before may be imported again.
    pub fn repeats(&self) -> Repeats {
        self.repeats
    }

    /// The file's name as given.
    pub fn file(&self) -> &str {
        &self.file
    }

    /// The whole file's summary, once `next_batch` has given every batch.
    pub fn summary(&self) -> Result<Summary> {
        self.summary.clone().ok_or_else(|| CoreError::Damaged {
            what: "an import ended before its last row".into(),
        })
    }
}
