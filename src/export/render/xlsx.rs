//! A paper as an XLSX workbook a secretary prints without editing: one sheet
//! per page, A4 (landscape when the table is wide), fitted to the page width
//! at 10 pt or more, the table's header row repeated on every printed page,
//! "第 &P 页 共 &N 页" at the foot, rows as tall as their wrapped text, numbers
//! and dates as real cells, in 宋体 (SimSun).

mod sheet;

use super::{io_err, text_width, Columns};
use crate::app::Result;
use crate::export::{Doc, Page};
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
pub(super) struct Styles {
    pub(super) title: Format,
    pub(super) key: Format,
    /// A key in the middle of a row of two pairs: wraps if its column is narrow.
    pub(super) key_wrap: Format,
    pub(super) text: Format,
    pub(super) head: Format,
    pub(super) cell: Format,
    pub(super) whole: Format,
    pub(super) decimal: Format,
    pub(super) day: Format,
    pub(super) sign: Format,
    /// A ballot's box to tick: centred, a size up.
    pub(super) mark: Format,
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
            key_wrap: font()
                .set_bold()
                .set_align(FormatAlign::Top)
                .set_text_wrap(),
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
            mark: boxed()
                .set_align(FormatAlign::Center)
                .set_font_size(SIZE + 4.0),
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
pub(super) fn excel_day(d: chrono::NaiveDate) -> Option<ExcelDateTime> {
    let year = u16::try_from(d.year()).ok()?;
    ExcelDateTime::from_ymd(year, d.month() as u8, d.day() as u8).ok()
}

/// The height of a row whose cells wrap in columns of these widths.
pub(super) fn row_height(lines: usize) -> f64 {
    (lines as f64 * LINE + 4.0).max(LINE + 4.0)
}

/// A narrow sheet (a year card's two columns, a ballot) widened to the page:
/// its lines and its seal would otherwise wrap into a column of a few
/// characters and run over pages.
fn fill_width(cols: &mut Columns) {
    use super::{PORTRAIT_UNITS, STORED_EXTRA};
    let n = cols.widths.len() as f64;
    let sum: f64 = cols.widths.iter().sum();
    let room = PORTRAIT_UNITS - n * STORED_EXTRA - 1.0;
    if cols.landscape || sum <= 0.0 || sum >= room * 0.8 {
        return;
    }
    // The first column holds the lines' keys: the others take the room.
    let rest: f64 = cols.widths.iter().skip(1).sum();
    if rest <= 0.0 {
        return;
    }
    let k = (room - (sum - rest)) / rest;
    for w in cols.widths.iter_mut().skip(1) {
        *w = (*w * k).floor();
    }
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
        let pages = write_page(ws, doc, page, &st, &footer).map_err(x)?;
        if let Some(name) = &page.owner {
            // A card is handed to its member: its pages are counted on their
            // own (jifen breaks them, so it knows how many) and say whose it is.
            let name = name.replace('&', "&&");
            let foot = (doc.words().card_foot)(&name, "&P", &pages.to_string());
            ws.set_footer(format!("&C{foot}"))
                .set_print_first_page_number(1);
        }
    }
    if doc.pages.is_empty() {
        let ws = wb.add_worksheet();
        ws.write_string_with_format(0, 0, &doc.title, &st.title)
            .map_err(x)?;
    }
    wb.save(path).map_err(x)?;
    Ok(())
}

fn write_page(
    ws: &mut Worksheet,
    doc: &Doc,
    page: &Page,
    st: &Styles,
    footer: &str,
) -> std::result::Result<usize, XlsxError> {
    let tables: Vec<_> = page.tables.iter().collect();
    // The first column also holds the keys of the lines above the table.
    let keys = page
        .meta
        .iter()
        .map(|(k, _)| text_width(k))
        .chain(std::iter::once(text_width(doc.words().seal)))
        .fold(0.0, f64::max);
    let mut cols = Columns::of(&tables, 3, (keys + 2.0).min(14.0));
    fill_width(&mut cols);
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
    sheet::Sheet::new(ws, cols).page(doc, page, st)
}
