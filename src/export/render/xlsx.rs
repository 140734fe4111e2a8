//! A paper as an XLSX workbook a secretary prints without editing: one sheet
//! per page, A4 (landscape when the table is wide), fitted to the page width
//! at 10 pt or more, the table's header row repeated on every printed page,
//! "第 &P 页 共 &N 页" at the foot, rows as tall as their wrapped text, numbers
//! and dates as real cells, in 宋体 (SimSun).

use super::{io_err, lines_in, text_width, Columns};
use crate::app::Result;
use crate::export::{Cell, Doc, Page};
use chrono::Datelike;
use rust_xlsxwriter::{
    ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};
use std::path::Path;

/// The font every cell names: 宋体 by its Windows name, with the GB2312
/// character set so a reader without it falls back to a Chinese font, not a
/// Japanese one.
pub(crate) const FONT: &str = "SimSun";
const CHARSET_GB2312: u8 = 134;
/// Body text size; the title is larger.
const SIZE: f64 = 11.0;
/// Height of one printed line of 11 pt text, in points.
const LINE: f64 = 14.5;
/// A signature line's height: room to sign by hand.
const SIGN_HEIGHT: f64 = 36.0;
/// Number formats: points that are whole show as `89`, others as `89.5` or `89.25`.
pub(crate) const WHOLE: &str = "0";
pub(crate) const DECIMAL: &str = "0.0#";
pub(crate) const DAY: &str = "yyyy-mm-dd";

/// The formats of one workbook.
struct Styles {
    title: Format,
    key: Format,
    text: Format,
    head: Format,
    cell: Format,
    whole: Format,
    decimal: Format,
    day: Format,
    sign: Format,
}

fn font() -> Format {
    Format::new()
        .set_font_name(FONT)
        .set_font_charset(CHARSET_GB2312)
        .set_font_size(SIZE)
}

impl Styles {
    fn new() -> Styles {
        let boxed = || {
            font()
                .set_border(FormatBorder::Thin)
                .set_align(FormatAlign::VerticalCenter)
        };
        Styles {
            title: font()
                .set_bold()
                .set_font_size(16)
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_text_wrap(),
            key: font().set_bold().set_align(FormatAlign::Top),
            text: font().set_text_wrap().set_align(FormatAlign::Top),
            head: boxed()
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_text_wrap()
                .set_background_color("#EEEEEE"),
            cell: boxed().set_text_wrap(),
            whole: boxed().set_num_format(WHOLE),
            decimal: boxed().set_num_format(DECIMAL),
            day: boxed().set_num_format(DAY).set_align(FormatAlign::Center),
            sign: font().set_align(FormatAlign::Bottom),
        }
    }
}

/// A worksheet name Excel accepts: no `[]:*?/\` nor control characters, no
/// apostrophe at either end, at most 31 characters, unique.
fn sheet_name(want: &str, used: &mut Vec<String>) -> String {
    let clean: String = want
        .chars()
        .map(|c| {
            if "[]:*?/\\".contains(c) || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .take(28)
        .collect();
    // Excel refuses a name that starts or ends with an apostrophe (O'Brien').
    let clean = clean.trim_matches('\'').to_string();
    let clean = if clean.trim().is_empty() {
        "Sheet".to_string()
    } else if clean.eq_ignore_ascii_case("history") {
        // Reserved by Excel.
        format!("{clean}_")
    } else {
        clean
    };
    let mut name = clean.clone();
    let mut n = 2;
    while used.iter().any(|u| u.eq_ignore_ascii_case(&name)) {
        name = format!("{clean}~{n}");
        n += 1;
    }
    used.push(name.clone());
    name
}

/// A day as Excel's date, or `None` outside Excel's calendar (before 1900).
fn excel_day(d: chrono::NaiveDate) -> Option<ExcelDateTime> {
    let year = u16::try_from(d.year()).ok()?;
    ExcelDateTime::from_ymd(year, d.month() as u8, d.day() as u8).ok()
}

/// The height of a row whose cells wrap in columns of these widths.
fn row_height(lines: usize) -> f64 {
    (lines as f64 * LINE + 4.0).max(LINE + 4.0)
}

/// XLSX: one worksheet per page.
pub fn xlsx(doc: &Doc, path: &Path) -> Result<()> {
    let x = |e: XlsxError| match e {
        XlsxError::IoError(e) => io_err(path, e),
        other => io_err(path, std::io::Error::other(other.to_string())),
    };
    let mut wb = Workbook::new();
    // Every cell not otherwise formatted (and LibreOffice's default style) in 宋体.
    wb.set_default_format(&font(), 20, 64).map_err(x)?;
    let st = Styles::new();
    let footer = format!("&C{}", (doc.words().page_of)("&P", "&N"));
    let mut used = Vec::new();
    for page in &doc.pages {
        let ws = wb.add_worksheet();
        ws.set_name(sheet_name(&page.sheet, &mut used)).map_err(x)?;
        write_page(ws, doc, page, &st, &footer).map_err(x)?;
    }
    if doc.pages.is_empty() {
        let ws = wb.add_worksheet();
        ws.write_string_with_format(0, 0, &doc.title, &st.title)
            .map_err(x)?;
    }
    wb.save(path).map_err(x)?;
    Ok(())
}

/// Rows of a sheet written top to bottom, each as tall as its text.
struct Sheet<'a> {
    ws: &'a mut Worksheet,
    cols: Columns,
    row: u32,
}

impl Sheet<'_> {
    fn last(&self) -> u16 {
        (self.cols.widths.len().max(1) - 1) as u16
    }

    /// Text across columns `from..=last`, merged, wrapped, the row tall enough.
    fn span(&mut self, from: u16, text: &str, f: &Format) -> std::result::Result<(), XlsxError> {
        let last = self.last();
        if from >= last {
            self.ws.write_string_with_format(self.row, from, text, f)?;
        } else {
            self.ws
                .merge_range(self.row, from, self.row, last, text, f)?;
        }
        Ok(())
    }

    /// A key in the first column and its value across the rest.
    fn pair(&mut self, k: &str, v: &str, st: &Styles) -> std::result::Result<(), XlsxError> {
        self.ws.write_string_with_format(self.row, 0, k, &st.key)?;
        self.span(1, v, &st.text)?;
        let lines = lines_in(v, self.cols.span(1, self.last() as usize));
        self.ws.set_row_height(self.row, row_height(lines))?;
        self.row += 1;
        Ok(())
    }

    /// A line of text across the whole width.
    fn line(&mut self, text: &str, f: &Format) -> std::result::Result<(), XlsxError> {
        self.span(0, text, f)?;
        let lines = lines_in(text, self.cols.span(0, self.last() as usize));
        self.ws.set_row_height(self.row, row_height(lines))?;
        self.row += 1;
        Ok(())
    }
}

fn write_page(
    ws: &mut Worksheet,
    doc: &Doc,
    page: &Page,
    st: &Styles,
    footer: &str,
) -> std::result::Result<(), XlsxError> {
    let tables: Vec<_> = page.tables.iter().collect();
    // The first column also holds the keys of the lines above the table.
    let keys = page
        .meta
        .iter()
        .map(|(k, _)| text_width(k))
        .chain(std::iter::once(text_width(doc.words().seal)))
        .fold(0.0, f64::max);
    let cols = Columns::of(&tables, 3, (keys + 2.0).min(14.0));
    ws.set_paper_size(9)
        .set_print_fit_to_pages(1, 0)
        .set_print_center_horizontally(true)
        .set_margins(0.5, 0.5, 0.6, 0.7, 0.3, 0.3)
        .set_footer(footer);
    if cols.landscape {
        ws.set_landscape();
    } else {
        ws.set_portrait();
    }
    for (c, w) in cols.widths.iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    let mut s = Sheet { ws, cols, row: 0 };
    let heading = if page.heading.is_empty() {
        &doc.title
    } else {
        &page.heading
    };
    s.span(0, heading, &st.title)?;
    s.ws.set_row_height(0, 30)?;
    s.row = 1;
    for (k, v) in &page.meta {
        s.pair(k, v, st)?;
    }
    let mut repeat = None;
    for t in &page.tables {
        s.row += 1;
        if let Some(c) = &t.caption {
            s.line(c, &st.key)?;
        }
        let widths = s.cols.widths.clone();
        let head_lines = t
            .header
            .iter()
            .zip(&widths)
            .map(|(h, w)| lines_in(h, *w))
            .max()
            .unwrap_or(1);
        for (i, h) in t.header.iter().enumerate() {
            s.ws.write_string_with_format(s.row, i as u16, h, &st.head)?;
        }
        s.ws.set_row_height(s.row, row_height(head_lines))?;
        repeat.get_or_insert(s.row);
        s.row += 1;
        for r in &t.rows {
            let mut lines = 1;
            for (i, c) in r.iter().enumerate() {
                let col = i as u16;
                let row = s.row;
                match c {
                    Cell::Num(v) if v.fract() == 0.0 => {
                        s.ws.write_number_with_format(row, col, *v, &st.whole)?
                    }
                    Cell::Num(v) => s.ws.write_number_with_format(row, col, *v, &st.decimal)?,
                    Cell::Int(n) => {
                        s.ws.write_number_with_format(row, col, *n as f64, &st.whole)?
                    }
                    Cell::Date(d) => match excel_day(*d) {
                        Some(day) => s.ws.write_datetime_with_format(row, col, day, &st.day)?,
                        None => {
                            s.ws.write_string_with_format(row, col, c.text(), &st.cell)?
                        }
                    },
                    Cell::Text(t) => {
                        let w = widths.get(i).copied().unwrap_or(10.0);
                        lines = lines.max(lines_in(t, w));
                        s.ws.write_string_with_format(row, col, t, &st.cell)?
                    }
                    Cell::Empty => s.ws.write_blank(row, col, &st.cell)?,
                };
            }
            s.ws.set_row_height(s.row, row_height(lines))?;
            s.row += 1;
        }
    }
    if let Some(r) = repeat {
        s.ws.set_repeat_rows(r, r)?;
    }
    if !page.notes.is_empty() {
        s.row += 1;
    }
    for n in &page.notes {
        s.line(n, &st.text)?;
    }
    s.row += 1;
    for (p, seal) in &doc.seals {
        // The seal alone in its cell, for a committee to copy.
        s.ws.write_string_with_format(s.row, 0, doc.words().seal, &st.key)?;
        s.ws.write_string_with_format(s.row, 1, p, &st.text)?;
        s.span(2, seal, &st.text)?;
        s.row += 1;
    }
    for sig in &page.signatures {
        s.span(0, &format!("{sig}：________________"), &st.sign)?;
        s.ws.set_row_height(s.row, SIGN_HEIGHT)?;
        s.row += 1;
    }
    for f in &doc.footer {
        s.line(f, &st.text)?;
    }
    Ok(())
}
