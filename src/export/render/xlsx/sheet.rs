//! One XLSX sheet written top to bottom: each row as tall as its text, a
//! table narrower than the sheet with its last column spanning to the right
//! edge (an agenda item, a reason, a note gets the room left), and the
//! printed pages broken by jifen ([`Flow`]): a caption never alone at a
//! page's foot, a last row never alone on a page, the seal with the
//! signatures. A sheet of one table repeats its header row as print titles;
//! a sheet of several tables has none (they would land above the other
//! tables) and writes each table's header again atop a page it runs onto.

use super::{excel_day, row_height, Styles, LINE, SIGN_HEIGHT};
use crate::export::render::flow::Flow;
use crate::export::render::{lines_in, Columns};
use crate::export::{Cell, Doc, Page, Table};
use rust_xlsxwriter::{Format, Worksheet, XlsxError};

type Res<T = ()> = std::result::Result<T, XlsxError>;

/// The height of an empty row between parts, and of the title row.
const GAP: f64 = LINE + 4.0;
const TITLE: f64 = 30.0;

/// The rows of a table kept with its caption and header on one page.
const KEEP_FIRST: usize = 2;

pub(super) struct Sheet<'a> {
    ws: &'a mut Worksheet,
    cols: Columns,
    row: u32,
    flow: Flow,
}

impl<'a> Sheet<'a> {
    pub(super) fn new(ws: &'a mut Worksheet, cols: Columns) -> Sheet<'a> {
        let flow = Flow::of(&cols);
        Sheet {
            ws,
            cols,
            row: 0,
            flow,
        }
    }

    fn last(&self) -> u16 {
        (self.cols.widths.len().max(1) - 1) as u16
    }

    /// The room of column `col` of a table of `n` columns: its last column
    /// spans to the sheet's last.
    fn room(&self, col: usize, n: usize) -> f64 {
        if col + 1 == n {
            self.cols.span(col, self.last() as usize)
        } else {
            self.cols.widths.get(col).copied().unwrap_or(10.0)
        }
    }

    /// The current row done, `h` points tall.
    fn end_row(&mut self, h: f64) -> Res {
        self.ws.set_row_height(self.row, h)?;
        self.flow.place(h);
        self.row += 1;
        Ok(())
    }

    /// An empty row between parts, left out at a page's top.
    fn gap(&mut self) -> Res {
        if self.flow.used > 0.0 {
            self.end_row(GAP)?;
        }
        Ok(())
    }

    /// Start a new page here unless `h` points more fit on this one.
    fn keep(&mut self, h: f64) -> bool {
        let row = self.row;
        if self.flow.keep(row, h) {
            self.ws.set_page_breaks(&self.flow.breaks).is_ok()
        } else {
            false
        }
    }

    /// Text across columns `from..=last`, merged, wrapped.
    fn span(&mut self, from: u16, text: &str, f: &Format) -> Res {
        let last = self.last();
        if from >= last {
            self.ws.write_string_with_format(self.row, from, text, f)?;
        } else {
            self.ws
                .merge_range(self.row, from, self.row, last, text, f)?;
        }
        Ok(())
    }

    fn span_height(&self, from: usize, text: &str) -> f64 {
        row_height(lines_in(text, self.cols.span(from, self.last() as usize)))
    }

    /// A key in the first column and its value across the rest.
    fn pair(&mut self, k: &str, v: &str, st: &Styles) -> Res {
        let h = self.span_height(1, v);
        self.ws.write_string_with_format(self.row, 0, k, &st.key)?;
        self.span(1, v, &st.text)?;
        self.end_row(h)
    }

    /// Two key-value pairs on one row: the first over the left half, the
    /// second over the right.
    fn two_pairs(&mut self, a: (&String, &String), b: (&String, &String), st: &Styles) -> Res {
        let last = self.last();
        let mid = (self.cols.widths.len() / 2) as u16;
        let (row, w) = (self.row, &self.cols);
        let h = [
            lines_in(a.1, w.span(1, mid as usize - 1)),
            lines_in(b.0, w.widths[mid as usize]),
            lines_in(b.1, w.span(mid as usize + 1, last as usize)),
        ]
        .into_iter()
        .max()
        .unwrap_or(1);
        self.ws.write_string_with_format(row, 0, a.0, &st.key)?;
        if mid > 2 {
            self.ws.merge_range(row, 1, row, mid - 1, a.1, &st.text)?;
        } else {
            self.ws.write_string_with_format(row, 1, a.1, &st.text)?;
        }
        self.ws
            .write_string_with_format(row, mid, b.0, &st.key_wrap)?;
        if last > mid + 1 {
            self.ws
                .merge_range(row, mid + 1, row, last, b.1, &st.text)?;
        } else {
            self.ws.write_string_with_format(row, last, b.1, &st.text)?;
        }
        self.end_row(row_height(h))
    }

    /// A line of text across the whole width.
    fn line(&mut self, text: &str, f: &Format) -> Res {
        let h = self.span_height(0, text);
        self.span(0, text, f)?;
        self.end_row(h)
    }

    /// The whole page: title, lines, tables, notes, then the seal, the
    /// signatures and the check kept together, and with the last table's
    /// last rows (a repeated header never lands above a lone signature
    /// block). Returns how many printed pages the sheet takes.
    pub(super) fn page(mut self, doc: &Doc, page: &Page, st: &Styles) -> Res<usize> {
        let heading = if page.heading.is_empty() {
            &doc.title
        } else {
            &page.heading
        };
        self.span(0, heading, &st.title)?;
        self.end_row(TITLE)?;
        if page.owner.is_some() && self.cols.widths.len() >= 6 {
            // A card's many short lines two to a row: it stays on one page.
            for two in page.meta.chunks(2) {
                match two {
                    [(k1, v1), (k2, v2)] => self.two_pairs((k1, v1), (k2, v2), st)?,
                    _ => {
                        for (k, v) in two {
                            self.pair(k, v, st)?;
                        }
                    }
                }
            }
        } else {
            for (k, v) in &page.meta {
                self.pair(k, v, st)?;
            }
        }
        let titles = page.tables.len() == 1;
        let last = page.tables.len().saturating_sub(1);
        for (i, t) in page.tables.iter().enumerate() {
            let tail = if i == last {
                self.tail_height(doc, page)
            } else {
                0.0
            };
            let head = self.table(t, st, titles, tail)?;
            if titles {
                self.ws.set_repeat_rows(head, head)?;
            }
        }
        if !page.notes.is_empty() {
            self.gap()?;
        }
        for n in &page.notes {
            self.line(n, &st.text)?;
        }
        self.close(doc, page, st)?;
        Ok(self.flow.breaks.len() + 1)
    }

    /// The height of what follows the last table: its notes, the seal, the
    /// signatures and the check.
    fn tail_height(&self, doc: &Doc, page: &Page) -> f64 {
        let notes: f64 = page.notes.iter().map(|n| self.span_height(0, n)).sum();
        let gap = if page.notes.is_empty() { 0.0 } else { GAP };
        gap + notes + self.close_height(doc, page)
    }

    /// The height of the seal, the signatures and the check, with the gap above them.
    fn close_height(&self, doc: &Doc, page: &Page) -> f64 {
        let seals: f64 = doc.seals.iter().map(|(_, s)| self.span_height(2, s)).sum();
        let foot: f64 = doc.footer.iter().map(|f| self.span_height(0, f)).sum();
        GAP + seals + SIGN_HEIGHT * self.sign_rows(page) as f64 + foot
    }

    /// Whether a page's signature lines go side by side on one row: a
    /// card's, where the sheet is wide enough, so the card stays on one page.
    fn side_by_side(&self, page: &Page) -> bool {
        page.owner.is_some() && self.cols.widths.len() >= 2 * page.signatures.len()
    }

    /// How many rows the signature lines take.
    fn sign_rows(&self, page: &Page) -> usize {
        if self.side_by_side(page) {
            page.signatures.len().min(1)
        } else {
            page.signatures.len()
        }
    }

    /// The seal (whole, wrapped in its cell), the signature lines, tall
    /// enough to sign, and the check: on one page.
    fn close(&mut self, doc: &Doc, page: &Page, st: &Styles) -> Res {
        let w = doc.words();
        let seal_h: Vec<f64> = doc
            .seals
            .iter()
            .map(|(_, s)| self.span_height(2, s))
            .collect();
        let foot_h: Vec<f64> = doc.footer.iter().map(|f| self.span_height(0, f)).collect();
        self.keep(self.close_height(doc, page));
        self.gap()?;
        for ((p, seal), h) in doc.seals.iter().zip(seal_h) {
            // The seal alone in its cell, for a committee to copy.
            self.ws
                .write_string_with_format(self.row, 0, w.seal, &st.key)?;
            self.ws.write_string_with_format(self.row, 1, p, &st.text)?;
            self.span(2, seal, &st.text)?;
            self.end_row(h)?;
        }
        if self.side_by_side(page) {
            let n = self.cols.widths.len();
            let k = page.signatures.len();
            for (i, sig) in page.signatures.iter().enumerate() {
                let (from, to) = ((i * n / k) as u16, ((i + 1) * n / k - 1) as u16);
                let text = format!("{sig}：________________");
                if to > from {
                    self.ws
                        .merge_range(self.row, from, self.row, to, &text, &st.sign)?;
                } else {
                    self.ws
                        .write_string_with_format(self.row, from, &text, &st.sign)?;
                }
            }
            self.end_row(SIGN_HEIGHT)?;
        } else {
            for sig in &page.signatures {
                self.span(0, &format!("{sig}：________________"), &st.sign)?;
                self.end_row(SIGN_HEIGHT)?;
            }
        }
        for (f, h) in doc.footer.iter().zip(foot_h) {
            self.span(0, f, &st.text)?;
            self.end_row(h)?;
        }
        Ok(())
    }

    /// The height of a row of `cells` in a table of `n` columns: a row with
    /// a box to sign in is as tall as a signature line.
    fn cells_height(&self, cells: &[Cell], n: usize) -> f64 {
        if cells.contains(&Cell::Sign) {
            return SIGN_HEIGHT;
        }
        let lines = cells
            .iter()
            .enumerate()
            .map(|(i, c)| match c {
                Cell::Text(t) => lines_in(t, self.room(i, n)),
                _ => 1,
            })
            .max()
            .unwrap_or(1);
        row_height(lines)
    }

    /// A table: its caption and header kept with its first rows, a lone last
    /// row never left for the next page, its last rows kept with the `tail`
    /// points that follow it (the signatures), the header again atop each
    /// page it runs onto (by print titles where `titles`, else written here).
    /// Returns the header's row.
    fn table(&mut self, t: &Table, st: &Styles, titles: bool, tail: f64) -> Res<u32> {
        let n = t.header.len().max(1);
        let head: Vec<Cell> = t.header.iter().map(|h| Cell::Text(h.clone())).collect();
        let head_h = self.cells_height(&head, n);
        let rows_h: Vec<f64> = t.rows.iter().map(|r| self.cells_height(r, n)).collect();
        let cap_h = t.caption.as_ref().map_or(0.0, |c| self.span_height(0, c));
        let short = t.rows.len() <= KEEP_FIRST + 1;
        let first = if short { t.rows.len() } else { KEEP_FIRST };
        // A short table goes over whole with what follows it.
        let with = if short { tail } else { 0.0 };
        self.keep(GAP + cap_h + head_h + rows_h.iter().take(first).sum::<f64>() + with);
        self.gap()?;
        if let Some(c) = &t.caption {
            self.line(c, &st.key)?;
        }
        let head_row = self.row;
        self.header(t, st, head_h)?;
        for (i, (r, h)) in t.rows.iter().zip(&rows_h).enumerate() {
            // The last two rows go over together (a row is never alone on a
            // page), with what follows the table.
            let need = if i + 2 == t.rows.len() {
                h + rows_h[i + 1] + tail
            } else if i + 1 == t.rows.len() {
                h + tail
            } else {
                *h
            };
            if i > 0 && self.keep(need) {
                if titles {
                    // The spreadsheet prints the header above this page.
                    self.flow.place(head_h);
                } else {
                    self.header(t, st, head_h)?;
                }
            }
            self.cells(r, n, st)?;
            self.end_row(*h)?;
        }
        Ok(head_row)
    }

    /// A table's header row.
    fn header(&mut self, t: &Table, st: &Styles, h: f64) -> Res {
        let n = t.header.len();
        for (i, text) in t.header.iter().enumerate() {
            self.put(i, n, &Cell::Text(text.clone()), &st.head)?;
        }
        self.end_row(h)
    }

    /// A data row's cells, each in its type's format.
    fn cells(&mut self, r: &[Cell], n: usize, st: &Styles) -> Res {
        for (i, c) in r.iter().enumerate() {
            let f = match c {
                Cell::Num(v) if v.fract() != 0.0 => &st.decimal,
                Cell::Num(_) | Cell::Int(_) => &st.whole,
                Cell::Date(d) if excel_day(*d).is_some() => &st.day,
                Cell::Mark => &st.mark,
                _ => &st.cell,
            };
            self.put(i, n.max(r.len()), c, f)?;
        }
        Ok(())
    }

    /// One cell in column `col` of a table of `n` columns; the last one
    /// merged to the sheet's right edge.
    fn put(&mut self, col: usize, n: usize, c: &Cell, f: &Format) -> Res {
        let (row, col16, last) = (self.row, col as u16, self.last());
        if col + 1 == n && col16 < last {
            self.ws.merge_range(row, col16, row, last, "", f)?;
        }
        match c {
            Cell::Num(v) => self.ws.write_number_with_format(row, col16, *v, f)?,
            Cell::Int(v) => self.ws.write_number_with_format(row, col16, *v as f64, f)?,
            Cell::Date(d) => match excel_day(*d) {
                Some(day) => self.ws.write_datetime_with_format(row, col16, day, f)?,
                None => self.ws.write_string_with_format(row, col16, c.text(), f)?,
            },
            Cell::Text(t) => self.ws.write_string_with_format(row, col16, t, f)?,
            Cell::Mark => self.ws.write_string_with_format(row, col16, c.text(), f)?,
            Cell::Empty | Cell::Sign => self.ws.write_blank(row, col16, f)?,
        };
        Ok(())
    }
}
