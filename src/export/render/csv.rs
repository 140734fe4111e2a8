//! A paper as CSV (UTF-8 with BOM, for Excel and WPS).

use super::io_err;
use crate::app::Result;
use crate::export::{Cell, Doc};
use std::io::Write;
use std::path::Path;

/// CSV: title, then per page its heading, meta (key, value), each table (caption,
/// header, rows) and notes; seals and footer last. Rows vary in length.
pub fn csv(doc: &Doc, path: &Path) -> Result<()> {
    let mut file = std::fs::File::create(path).map_err(|e| io_err(path, e))?;
    file.write_all("\u{FEFF}".as_bytes())
        .map_err(|e| io_err(path, e))?;
    let mut w = ::csv::WriterBuilder::new().flexible(true).from_writer(file);
    let e = |x: ::csv::Error| io_err(path, x);
    w.write_record([doc.title.as_str()]).map_err(e)?;
    for page in &doc.pages {
        if !page.heading.is_empty() && page.heading != doc.title {
            w.write_record([page.heading.as_str()]).map_err(e)?;
        }
        for (k, v) in &page.meta {
            w.write_record([k.as_str(), v.as_str()]).map_err(e)?;
        }
        for t in &page.tables {
            if let Some(c) = &t.caption {
                w.write_record([c.as_str()]).map_err(e)?;
            }
            w.write_record(&t.header).map_err(e)?;
            for r in &t.rows {
                w.write_record(r.iter().map(Cell::text)).map_err(e)?;
            }
        }
        for n in &page.notes {
            w.write_record([n.as_str()]).map_err(e)?;
        }
    }
    for (p, s) in &doc.seals {
        let label = doc.words().seal_csv;
        w.write_record([label, p.as_str(), s.as_str()]).map_err(e)?;
    }
    for f in &doc.footer {
        w.write_record([f.as_str()]).map_err(e)?;
    }
    w.flush().map_err(|x| io_err(path, x))?;
    Ok(())
}
