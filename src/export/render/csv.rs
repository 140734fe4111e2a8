//! A paper as CSV (UTF-8 with BOM, for Excel and WPS) that a spreadsheet can
//! sort: one header row, then the rows of the paper's table (every page's
//! table of the same columns, a card's with the member's name in front, a
//! ranking's groups named in a last column); then one blank row; then the
//! paper's title, each page's lines, its other tables, notes, the seal and
//! the check. A text cell that a spreadsheet would run as a formula (`=`,
//! `+`, `-`, `@`, tab, carriage return) is written with a leading `'`;
//! numbers stay numbers.

use super::io_err;
use crate::app::Result;
use crate::export::{Cell, Doc, Page, Table};
use std::borrow::Cow;
use std::io::Write;
use std::path::Path;

/// A text a spreadsheet takes as it reads, with a leading `'` where it would
/// otherwise run it as a formula.
pub fn neutral(s: &str) -> Cow<'_, str> {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// A cell as CSV text: numbers as numbers, text neutralised.
fn field(c: &Cell) -> String {
    match c {
        Cell::Text(s) => neutral(s).into_owned(),
        other => other.text(),
    }
}

/// The paper's table: the first table's columns and every table (of any page)
/// with the same header, with the page's name and the table's caption where
/// they tell rows apart.
struct Main<'a> {
    header: &'a [String],
    /// A page's first line (a card's 姓名) before each row, when several pages share the table.
    by_page: bool,
    /// The table's caption after each row, when the tables have several.
    by_caption: bool,
}

impl<'a> Main<'a> {
    fn of(doc: &'a Doc) -> Option<Main<'a>> {
        let first = doc.pages.iter().flat_map(|p| &p.tables).next()?;
        let header = &first.header;
        let pages = doc
            .pages
            .iter()
            .filter(|p| p.tables.iter().any(|t| t.header == *header))
            .count();
        let mut captions: Vec<&Option<String>> = doc
            .pages
            .iter()
            .flat_map(|p| &p.tables)
            .filter(|t| t.header == *header)
            .map(|t| &t.caption)
            .collect();
        captions.dedup();
        Some(Main {
            header,
            by_page: pages > 1 && doc.pages.iter().all(|p| !p.meta.is_empty()),
            by_caption: captions.len() > 1,
        })
    }

    fn holds(&self, t: &Table) -> bool {
        t.header == self.header
    }

    fn head(&self, doc: &Doc) -> Vec<String> {
        let mut h = Vec::new();
        if self.by_page {
            h.extend(
                doc.pages
                    .first()
                    .and_then(|p| p.meta.first())
                    .map(|m| m.0.clone()),
            );
        }
        h.extend(self.header.iter().map(|s| neutral(s).into_owned()));
        if self.by_caption {
            h.push(doc.words().csv_part.to_string());
        }
        h
    }

    fn rows(&self, page: &Page, t: &Table) -> Vec<Vec<String>> {
        t.rows
            .iter()
            .map(|r| {
                let mut out = Vec::with_capacity(r.len() + 2);
                if self.by_page {
                    out.extend(page.meta.first().map(|m| neutral(&m.1).into_owned()));
                }
                out.extend(r.iter().map(field));
                if self.by_caption {
                    out.push(
                        t.caption
                            .as_deref()
                            .map(neutral)
                            .unwrap_or_default()
                            .into_owned(),
                    );
                }
                out
            })
            .collect()
    }
}

/// CSV: the table, a blank row, then the paper's other lines (see the module).
pub fn csv(doc: &Doc, path: &Path) -> Result<()> {
    let mut file = std::fs::File::create(path).map_err(|e| io_err(path, e))?;
    file.write_all("\u{FEFF}".as_bytes())
        .map_err(|e| io_err(path, e))?;
    let mut w = ::csv::WriterBuilder::new().flexible(true).from_writer(file);
    let e = |x: ::csv::Error| io_err(path, x);
    let main = Main::of(doc);
    if let Some(m) = &main {
        w.write_record(m.head(doc)).map_err(e)?;
        for page in &doc.pages {
            for t in page.tables.iter().filter(|t| m.holds(t)) {
                for r in m.rows(page, t) {
                    w.write_record(r).map_err(e)?;
                }
            }
        }
        w.write_record([""]).map_err(e)?;
    }
    let n = |s: &str| neutral(s).into_owned();
    w.write_record([n(&doc.title)]).map_err(e)?;
    for page in &doc.pages {
        if !page.heading.is_empty() && page.heading != doc.title {
            w.write_record([n(&page.heading)]).map_err(e)?;
        }
        for (k, v) in &page.meta {
            w.write_record([n(k), n(v)]).map_err(e)?;
        }
        for t in &page.tables {
            if main.as_ref().is_some_and(|m| m.holds(t)) {
                continue;
            }
            if let Some(c) = &t.caption {
                w.write_record([n(c)]).map_err(e)?;
            }
            w.write_record(t.header.iter().map(|h| n(h))).map_err(e)?;
            for r in &t.rows {
                w.write_record(r.iter().map(field)).map_err(e)?;
            }
        }
        for note in &page.notes {
            w.write_record([n(note)]).map_err(e)?;
        }
    }
    for (p, s) in &doc.seals {
        let label = doc.words().seal_csv;
        w.write_record([label, p.as_str(), s.as_str()]).map_err(e)?;
    }
    for f in &doc.footer {
        w.write_record([n(f)]).map_err(e)?;
    }
    w.flush().map_err(|x| io_err(path, x))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::neutral;

    #[test]
    fn formulas_are_written_as_text() {
        for s in ["=1+2", "+86 138", "-5 分有误", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(neutral(s), format!("'{s}"));
        }
        assert_eq!(neutral("张伟"), "张伟");
        assert_eq!(neutral("5-3"), "5-3");
    }
}
