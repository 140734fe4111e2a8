//! Reading an import file's rows one at a time: CSV (UTF-8, with or without a
//! BOM) or the first sheet of a workbook. Nothing is copied per row: each row
//! is handed out borrowed from one reused record.

use super::{ImportError, ImportKind};
use csv::ByteRecord;
use std::path::Path;

/// The longest cell accepted, in bytes.
const MAX_FIELD: usize = 4096;

/// One row's cells, borrowed.
pub(super) struct Cells<'r> {
    text: &'r str,
    rec: &'r ByteRecord,
    /// Where the row ends in the file (0 in a workbook).
    end: usize,
}

impl<'r> Cells<'r> {
    /// The cell at `i`, untrimmed.
    pub fn get(&self, i: usize) -> Option<&'r str> {
        self.rec.range(i).and_then(|r| self.text.get(r))
    }

    pub fn len(&self) -> usize {
        self.rec.len()
    }

    /// Where the row ends in the file, in bytes (0 in a workbook).
    pub fn end(&self) -> usize {
        self.end
    }

    pub fn iter(&self) -> impl Iterator<Item = &'r str> + '_ {
        (0..self.len()).filter_map(|i| self.get(i))
    }

    fn is_blank(&self) -> bool {
        // Any ASCII letter, digit or mark settles it without trimming; the
        // whitespace test is `trim`'s own (it also takes a vertical tab).
        let plain = |b: &u8| b.is_ascii() && !char::from(*b).is_whitespace();
        !self.text.as_bytes().iter().any(plain) && self.iter().all(|c| c.trim().is_empty())
    }

    /// A 64-bit hash of the cells (for finding repeated rows).
    pub fn hash(&self) -> u64 {
        use std::hash::{BuildHasher, Hasher};
        let mut h = foldhash::quality::FixedState::with_seed(0x006a_6966_656e).build_hasher();
        h.write(self.text.as_bytes());
        for i in 0..self.len() {
            h.write_usize(self.rec.range(i).map_or(0, |r| r.end));
        }
        h.finish()
    }

    /// The cells, owned (for comparing rows).
    pub fn to_vec(&self) -> Vec<String> {
        self.iter().map(String::from).collect()
    }
}

enum Body {
    /// CSV text, its byte-order mark skipped.
    Text(Vec<u8>, usize),
    /// A sheet's rows with their row numbers.
    Sheet(Vec<(usize, ByteRecord)>),
}

/// An import file: its header and a way to walk the rows below it.
pub(super) struct Table {
    pub file: String,
    pub header: Vec<String>,
    body: Body,
}

impl Table {
    /// Read a file; the header is its first row that is not blank.
    pub fn read(path: &Path) -> Result<Table, ImportError> {
        let file = path.display().to_string();
        let fail = |line: usize, kind: ImportKind| ImportError {
            file: file.clone(),
            line,
            column: String::new(),
            kind: Box::new(kind),
        };
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_lowercase();
        let body = if ext == "xlsx" || ext == "xls" || ext == "ods" {
            Body::Sheet(read_sheet(path).map_err(|m| fail(0, m))?)
        } else {
            let bytes = std::fs::read(path).map_err(|e| {
                let detail = e.to_string();
                fail(0, ImportKind::Unreadable { detail })
            })?;
            let bom = if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
                3
            } else {
                0
            };
            if let Err(e) = std::str::from_utf8(&bytes[bom..]) {
                let line = bytes[bom..bom + e.valid_up_to()]
                    .iter()
                    .filter(|b| **b == b'\n')
                    .count()
                    + 1;
                return Err(fail(line, ImportKind::NotUtf8));
            }
            if bytes.len() > u32::MAX as usize {
                return Err(fail(0, ImportKind::TooLarge));
            }
            Body::Text(bytes, bom)
        };
        let mut t = Table {
            file: file.clone(),
            header: Vec::new(),
            body,
        };
        let mut header = None;
        t.walk(&mut |_, cells| {
            header = Some(cells.iter().map(|h| h.trim().to_lowercase()).collect());
            Ok(false)
        })?;
        t.header = header.ok_or_else(|| fail(0, ImportKind::EmptyFile))?;
        Ok(t)
    }

    /// The file's size in bytes (0 for a workbook): room to reserve.
    pub fn size(&self) -> usize {
        match &self.body {
            Body::Text(bytes, _) => bytes.len(),
            Body::Sheet(_) => 0,
        }
    }

    /// Position of a column by its header name.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| h == name)
    }

    pub fn err(&self, line: usize, column: &str, kind: impl Into<ImportKind>) -> ImportError {
        ImportError {
            file: self.file.clone(),
            line,
            column: column.to_string(),
            kind: Box::new(kind.into()),
        }
    }

    /// Call `f` with every row of the file that is not blank, the header
    /// included, until it returns `Ok(false)`. CSV is read in one pass by
    /// the `csv` crate, so a row is exactly what any CSV reader sees.
    fn walk<E: From<ImportError>>(
        &self,
        f: &mut dyn FnMut(usize, &Cells) -> Result<bool, E>,
    ) -> Result<(), E> {
        match &self.body {
            Body::Text(bytes, bom) => {
                let mut rdr = csv::ReaderBuilder::new()
                    .has_headers(false)
                    .flexible(true)
                    .from_reader(&bytes[*bom..]);
                let mut rec = ByteRecord::new();
                let mut lines = Lines::new(&bytes[*bom..]);
                loop {
                    match rdr.read_byte_record(&mut rec) {
                        Ok(true) => {}
                        Ok(false) => return Ok(()),
                        Err(e) => {
                            let line = e.position().map_or(0, |p| lines.at(p.byte()));
                            let kind = ImportKind::BadCsv {
                                detail: e.to_string(),
                            };
                            return Err(self.err(line, "", kind).into());
                        }
                    }
                    let line = rec.position().map_or(0, |p| lines.row_at(p.byte()));
                    // The whole file is UTF-8 and fields end at ASCII bytes.
                    let text = std::str::from_utf8(rec.as_slice())
                        .map_err(|_| self.err(line, "", ImportKind::NotUtf8))?;
                    let end = rdr.position().byte() as usize;
                    let cells = Cells {
                        text,
                        rec: &rec,
                        end,
                    };
                    if !cells.is_blank() && !f(line, &cells)? {
                        return Ok(());
                    }
                }
            }
            Body::Sheet(rows) => {
                for (line, rec) in rows {
                    let text = std::str::from_utf8(rec.as_slice())
                        .map_err(|_| self.err(*line, "", ImportKind::NotUtf8))?;
                    let cells = Cells { text, rec, end: 0 };
                    if !cells.is_blank() && !f(*line, &cells)? {
                        break;
                    }
                }
                Ok(())
            }
        }
    }

    /// Call `f` with every row below the header that is not blank, after
    /// checking it has the header's fields and no overlong cell; stops early
    /// when `f` returns `Ok(false)`.
    pub fn each_row<E: From<ImportError>>(
        &self,
        mut f: impl FnMut(usize, &Cells) -> Result<bool, E>,
    ) -> Result<(), E> {
        let mut header_seen = false;
        self.walk(&mut |line, cells| {
            if !header_seen {
                header_seen = true;
                return Ok(true);
            }
            if cells.len() != self.header.len() {
                let found = cells.len();
                let expected = self.header.len();
                let kind = ImportKind::FieldCount { expected, found };
                return Err(self.err(line, "", kind).into());
            }
            let long = cells.text.len() > MAX_FIELD;
            for (i, c) in cells.iter().enumerate().filter(|_| long) {
                if c.len() > MAX_FIELD {
                    let kind = ImportKind::FieldTooLong {
                        bytes: c.len(),
                        max: MAX_FIELD,
                    };
                    return Err(self.err(line, &self.header[i], kind).into());
                }
            }
            f(line, cells)
        })
    }

    /// The cells of the rows on the given lines, read in one pass.
    pub fn rows_at(
        &self,
        lines: &std::collections::HashSet<usize>,
    ) -> Result<std::collections::HashMap<usize, Vec<String>>, ImportError> {
        let mut found = std::collections::HashMap::new();
        let last = lines.iter().copied().max().unwrap_or(0);
        self.each_row(|l, cells| {
            if lines.contains(&l) {
                found.insert(l, cells.to_vec());
            }
            Ok::<bool, ImportError>(l < last)
        })?;
        Ok(found)
    }
}

/// The most cells, columns and rows an import sheet may use: a claim file
/// has about ten columns; a cell far beyond (a stray mark at XFD1048576)
/// would make the sheet's grid too large to hold.
const MAX_CELLS: usize = 4_000_000;
const MAX_COLUMNS: u32 = 64;
const MAX_ROWS: u32 = 1_100_000;

/// A cell as a person reads it: whole numbers without a fraction, dates as
/// YYYY-MM-DD.
fn cell_text(c: &calamine::Data) -> String {
    match c {
        calamine::Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        calamine::Data::DateTime(d) => {
            let (y, m, day, ..) = d.to_ymd_hms_milli();
            format!("{y:04}-{m:02}-{day:02}")
        }
        other => other.to_string(),
    }
}

/// The first sheet of a workbook as records with their row numbers, read
/// cell by cell within the caps above (an .xlsx); other workbooks whole.
fn read_sheet(path: &Path) -> Result<Vec<(usize, ByteRecord)>, ImportKind> {
    let bad = |sheet: Option<&str>| {
        let sheet = sheet.map(str::to_string);
        move |e: calamine::Error| ImportKind::BadWorkbook {
            sheet,
            detail: e.to_string(),
        }
    };
    use calamine::{open_workbook_auto, Reader, Xlsx};
    let is_xlsx = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    if is_xlsx {
        let mut wb: Xlsx<_> =
            calamine::open_workbook(path).map_err(|e| bad(None)(calamine::Error::Xlsx(e)))?;
        let sheet = wb
            .sheet_names()
            .first()
            .cloned()
            .ok_or(ImportKind::NoSheet)?;
        let mut reader = wb
            .worksheet_cells_reader(&sheet)
            .map_err(|e| bad(Some(&sheet))(calamine::Error::Xlsx(e)))?;
        let mut cells: Vec<((u32, u32), String)> = Vec::new();
        while let Some(cell) = reader
            .next_cell()
            .map_err(|e| bad(Some(&sheet))(calamine::Error::Xlsx(e)))?
        {
            let (row, col) = cell.get_position();
            if col >= MAX_COLUMNS || row >= MAX_ROWS || cells.len() >= MAX_CELLS {
                return Err(ImportKind::SheetTooBig {
                    sheet,
                    row: row + 1,
                    column: col + 1,
                    max_cells: MAX_CELLS,
                    max_columns: MAX_COLUMNS,
                    max_rows: MAX_ROWS,
                });
            }
            let text = cell_text(&calamine::Data::from(cell.get_value().clone()));
            if !text.is_empty() {
                cells.push(((row, col), text));
            }
        }
        cells.sort_unstable_by_key(|c| c.0);
        let width = cells.iter().map(|c| c.0 .1 + 1).max().unwrap_or(0) as usize;
        let mut rows: Vec<(usize, ByteRecord)> = Vec::new();
        for run in cells.chunk_by(|a, b| a.0 .0 == b.0 .0) {
            let mut fields = vec![""; width];
            for ((_, col), text) in run {
                fields[*col as usize] = text;
            }
            let mut rec = ByteRecord::new();
            for f in fields {
                rec.push_field(f.as_bytes());
            }
            rows.push((run[0].0 .0 as usize + 1, rec));
        }
        return Ok(rows);
    }
    let mut wb = open_workbook_auto(path).map_err(bad(None))?;
    let sheet = wb
        .sheet_names()
        .first()
        .cloned()
        .ok_or(ImportKind::NoSheet)?;
    let range = wb.worksheet_range(&sheet).map_err(bad(Some(&sheet)))?;
    let mut rows = Vec::new();
    for (i, row) in range.rows().enumerate() {
        let mut rec = ByteRecord::new();
        for c in row {
            rec.push_field(cell_text(c).as_bytes());
        }
        rows.push((i + 1, rec));
    }
    Ok(rows)
}

/// Line numbers as a person counts them in a text file: a line ends at
/// `\n`, `\r\n` or a lone `\r` (as older Mac spreadsheets save CSV), read
/// forward once as the rows are.
struct Lines<'a> {
    text: &'a [u8],
    pos: usize,
    line: usize,
}

impl<'a> Lines<'a> {
    fn new(text: &'a [u8]) -> Self {
        Lines {
            text,
            pos: 0,
            line: 1,
        }
    }

    /// The line of a row the `csv` crate says starts at `byte`: it gives a
    /// row's start before the line end it skipped over (the `\n` of a
    /// `\r\n`, the blank lines above the row), so those are passed first.
    fn row_at(&mut self, byte: u64) -> usize {
        let mut start = usize::try_from(byte)
            .unwrap_or(usize::MAX)
            .min(self.text.len());
        while matches!(self.text.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        self.at(start as u64)
    }

    /// The line that byte `byte` is on (bytes asked for in order).
    fn at(&mut self, byte: u64) -> usize {
        let end = usize::try_from(byte)
            .unwrap_or(usize::MAX)
            .min(self.text.len());
        while self.pos < end {
            match self.text[self.pos] {
                b'\n' => self.line += 1,
                b'\r' if self.text.get(self.pos + 1) != Some(&b'\n') => self.line += 1,
                _ => {}
            }
            self.pos += 1;
        }
        self.line
    }
}

/// A table read from `text` written to a file of its own (for tests).
#[cfg(test)]
pub(super) fn table_of(text: &str) -> (tempfile::TempDir, Table) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("t.csv");
    std::fs::write(&path, text).expect("write");
    let t = Table::read(&path).expect("read");
    (dir, t)
}
