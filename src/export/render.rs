//! Writing a [`Doc`] as CSV (UTF-8 with BOM), XLSX or printable HTML.

use super::{Cell, Doc};
use crate::app::{CoreError, Result};
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, XlsxError};
use std::io::Write;
use std::path::Path;

fn io_err(path: &Path, e: impl Into<std::io::Error>) -> CoreError {
    CoreError::file(path, &e.into())
}

/// CSV: title, then per page its heading, meta (key, value), each table (caption,
/// header, rows) and notes; seals and footer last. Rows vary in length.
pub fn csv(doc: &Doc, path: &Path) -> Result<()> {
    let mut file = std::fs::File::create(path).map_err(|e| io_err(path, e))?;
    file.write_all("\u{FEFF}".as_bytes())
        .map_err(|e| io_err(path, e))?;
    let mut w = csv::WriterBuilder::new().flexible(true).from_writer(file);
    let e = |x: csv::Error| io_err(path, x);
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

/// XLSX: one worksheet per page, A4 portrait, fit to one page wide.
pub fn xlsx(doc: &Doc, path: &Path) -> Result<()> {
    let x = |e: XlsxError| match e {
        XlsxError::IoError(e) => io_err(path, e),
        other => io_err(path, std::io::Error::other(other.to_string())),
    };
    let mut wb = Workbook::new();
    let title = Format::new()
        .set_bold()
        .set_font_size(16)
        .set_align(FormatAlign::Center);
    let bold = Format::new().set_bold();
    let head = Format::new()
        .set_bold()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Center);
    let cell = Format::new().set_border(FormatBorder::Thin).set_text_wrap();
    let num = Format::new()
        .set_border(FormatBorder::Thin)
        .set_num_format("0.##");
    let mut used = Vec::new();
    for page in &doc.pages {
        let ws = wb.add_worksheet();
        ws.set_name(sheet_name(&page.sheet, &mut used)).map_err(x)?;
        ws.set_paper_size(9)
            .set_portrait()
            .set_print_fit_to_pages(1, 0);
        let width = page
            .tables
            .iter()
            .map(|t| t.header.len())
            .max()
            .unwrap_or(2)
            .max(2) as u16;
        let heading = if page.heading.is_empty() {
            &doc.title
        } else {
            &page.heading
        };
        ws.merge_range(0, 0, 0, width - 1, heading, &title)
            .map_err(x)?;
        let mut row: u32 = 1;
        for (k, v) in &page.meta {
            ws.write_string_with_format(row, 0, k, &bold).map_err(x)?;
            ws.write_string(row, 1, v).map_err(x)?;
            row += 1;
        }
        for t in &page.tables {
            row += 1;
            if let Some(c) = &t.caption {
                ws.write_string_with_format(row, 0, c, &bold).map_err(x)?;
                row += 1;
            }
            for (i, h) in t.header.iter().enumerate() {
                ws.write_string_with_format(row, i as u16, h, &head)
                    .map_err(x)?;
            }
            row += 1;
            for r in &t.rows {
                for (i, c) in r.iter().enumerate() {
                    let col = i as u16;
                    match c {
                        Cell::Num(v) => {
                            ws.write_number_with_format(row, col, *v, &num).map_err(x)?
                        }
                        Cell::Text(s) => {
                            ws.write_string_with_format(row, col, s, &cell).map_err(x)?
                        }
                        Cell::Empty => ws
                            .write_string_with_format(row, col, "", &cell)
                            .map_err(x)?,
                    };
                }
                row += 1;
            }
        }
        if !page.notes.is_empty() {
            row += 1;
        }
        for n in &page.notes {
            ws.write_string(row, 0, n).map_err(x)?;
            row += 1;
        }
        row += 1;
        for (p, s) in &doc.seals {
            let label = doc.words().seal;
            ws.write_string_with_format(row, 0, label, &bold)
                .map_err(x)?;
            ws.write_string(row, 1, p).map_err(x)?;
            ws.write_string(row, 2, s).map_err(x)?;
            row += 1;
        }
        for sig in &page.signatures {
            ws.write_string(row, 0, format!("{sig}：________________"))
                .map_err(x)?;
            row += 1;
        }
        for f in &doc.footer {
            ws.write_string(row, 0, f).map_err(x)?;
            row += 1;
        }
        for c in 0..width {
            ws.set_column_width(c, if c == 0 { 14 } else { 12 })
                .map_err(x)?;
        }
    }
    if doc.pages.is_empty() {
        let ws = wb.add_worksheet();
        ws.write_string(0, 0, &doc.title).map_err(x)?;
    }
    wb.save(path).map_err(x)?;
    Ok(())
}

/// Escape text for HTML.
pub fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
}

const CSS: &str = "@page { size: A4 portrait; margin: 15mm 12mm; }
body { font-family: 'SimSun', 'Songti SC', 'Noto Serif CJK SC', serif; font-size: 11pt; color: #000; margin: 0; }
.page { page-break-after: always; break-after: page; padding: 4mm 0; }
.page:last-child { page-break-after: auto; break-after: auto; }
h1 { font-size: 18pt; text-align: center; margin: 0 0 4mm; }
h2 { font-size: 13pt; margin: 4mm 0 2mm; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 4mm; margin: 0 0 3mm; }
dl.meta dt { font-weight: bold; }
dl.meta dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; page-break-inside: auto; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; }
th, td { border: 0.6pt solid #000; padding: 1.2mm 1.6mm; vertical-align: top; }
th { background: #eee; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
p.note { margin: 1mm 0; }
.sign { margin-top: 8mm; display: flex; flex-wrap: wrap; gap: 4mm 16mm; }
.sign span { min-width: 60mm; }
.seal { margin-top: 6mm; border: 1pt solid #b00; color: #b00; padding: 2mm 3mm; display: inline-block; }
.footer { margin-top: 4mm; font-size: 9pt; color: #333; }
@media screen { body { max-width: 210mm; margin: 0 auto; padding: 0 8mm; } .page { border-bottom: 1px dashed #999; } }";

/// HTML: one printed A4 page per page, tables with repeated headers, the seal boxed.
pub fn html(doc: &Doc, path: &Path) -> Result<()> {
    let mut o = String::new();
    o.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\n{CSS}\n</style>\n</head>\n<body>\n",
        if doc.zh { "zh-CN" } else { "en" },
        esc(&doc.title)
    ));
    for page in &doc.pages {
        o.push_str("<section class=\"page\">\n");
        let heading = if page.heading.is_empty() {
            &doc.title
        } else {
            &page.heading
        };
        o.push_str(&format!("<h1>{}</h1>\n", esc(heading)));
        if !page.meta.is_empty() {
            o.push_str("<dl class=\"meta\">\n");
            for (k, v) in &page.meta {
                o.push_str(&format!("<dt>{}</dt><dd>{}</dd>\n", esc(k), esc(v)));
            }
            o.push_str("</dl>\n");
        }
        for t in &page.tables {
            if let Some(c) = &t.caption {
                o.push_str(&format!("<h2>{}</h2>\n", esc(c)));
            }
            o.push_str("<table>\n<thead><tr>");
            for h in &t.header {
                o.push_str(&format!("<th>{}</th>", esc(h)));
            }
            o.push_str("</tr></thead>\n<tbody>\n");
            for r in &t.rows {
                o.push_str("<tr>");
                for c in r {
                    match c {
                        Cell::Num(_) => {
                            o.push_str(&format!("<td class=\"num\">{}</td>", esc(&c.text())))
                        }
                        _ => o.push_str(&format!("<td>{}</td>", esc(&c.text()))),
                    }
                }
                o.push_str("</tr>\n");
            }
            o.push_str("</tbody>\n</table>\n");
        }
        for n in &page.notes {
            o.push_str(&format!("<p class=\"note\">{}</p>\n", esc(n)));
        }
        if !page.signatures.is_empty() {
            o.push_str("<div class=\"sign\">");
            for s in &page.signatures {
                o.push_str(&format!("<span>{}：________________</span>", esc(s)));
            }
            o.push_str("</div>\n");
        }
        for (p, s) in &doc.seals {
            let label = doc.words().seal;
            o.push_str(&format!(
                "<div class=\"seal\">{label} {} <code>{}</code></div>\n",
                esc(p),
                esc(s)
            ));
        }
        for f in &doc.footer {
            o.push_str(&format!("<p class=\"footer\">{}</p>\n", esc(f)));
        }
        o.push_str("</section>\n");
    }
    o.push_str("</body>\n</html>\n");
    std::fs::write(path, o).map_err(|e| io_err(path, e))
}
