//! A paper as a printable A4 HTML page.

use super::{io_err, text_width, Columns};
use crate::app::Result;
use crate::export::{Cell, Doc, Page, Table};
use std::path::Path;

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

/// Tables of at most this many rows are never split over two pages.
const KEEP_WHOLE: usize = 12;

/// Cells no wider than this (in character units) never wrap: types, levels,
/// verdicts, categories, names.
const SHORT: f64 = 12.0;

/// The style sheet: A4 with page numbers at the foot (Chromium honours
/// `@page` margin boxes), landscape pages for wide tables, the seal kept
/// with the signatures.
fn css(doc: &Doc) -> String {
    let page_of = (doc.words().page_of)("\" counter(page) \"", "\" counter(pages) \"");
    let mut o = format!(
        "@page {{ size: A4 portrait; margin: 15mm 12mm 18mm; @bottom-center {{ content: \"{page_of}\"; font-size: 10pt; }} }}
@page wide {{ size: A4 landscape; margin: 12mm 12mm 18mm; }}
"
    );
    // A card is handed to its member: its own named page, whose foot says
    // whose card it is instead of a number counted over every member's card.
    for (i, page) in doc.pages.iter().enumerate() {
        if let Some(name) = &page.owner {
            let foot = css_string(&(doc.words().card_foot_name)(name));
            let size = if wide(page) { "landscape" } else { "portrait" };
            o.push_str(&format!(
                "@page {} {{ size: A4 {size}; margin: 15mm 12mm 18mm; @bottom-center {{ content: \"{foot}\"; font-size: 10pt; }} }}\n",
                card_page(i)
            ));
        }
    }
    o.push_str(BODY);
    o
}

/// The named page of the `i`th page of a paper that is someone's card.
fn card_page(i: usize) -> String {
    format!("card-{}", i + 1)
}

/// Text inside a CSS string: quotes and backslashes escaped, and no `<` that
/// could close the style element.
fn css_string(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\22 "),
            '\\' => o.push_str("\\5C "),
            '<' => o.push_str("\\3C "),
            '\n' | '\r' => o.push(' '),
            c => o.push(c),
        }
    }
    o
}

/// Whether a page's table needs A4 landscape.
fn wide(page: &Page) -> bool {
    page.tables
        .iter()
        .any(|t| Columns::of(&[t], 0, 0.0).landscape)
}

const BODY: &str = "body { font-family: 'SimSun', '宋体', 'Songti SC', 'Noto Serif CJK SC', 'Source Han Serif SC', serif; font-size: 11pt; color: #000; margin: 0; }
.page { page-break-after: always; break-after: page; padding: 4mm 0; }
.page.wide { page: wide; }
.page:last-child { page-break-after: auto; break-after: auto; }
h1 { font-size: 18pt; text-align: center; margin: 0 0 4mm; }
h2 { font-size: 13pt; margin: 4mm 0 2mm; break-after: avoid; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 4mm; margin: 0 0 3mm; }
dl.meta dt { font-weight: bold; }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; page-break-inside: auto; table-layout: fixed; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; break-inside: avoid; }
table.keep { page-break-inside: avoid; break-inside: avoid; }
th, td { border: 0.6pt solid #000; padding: 1.2mm 1.6mm; vertical-align: top; overflow-wrap: anywhere; }
th { background: #eee; white-space: nowrap; overflow-wrap: normal; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.date, td.short { white-space: nowrap; overflow-wrap: normal; }
td.signbox { height: 12mm; }
td.mark { text-align: center; font-size: 14pt; line-height: 1; }
.page.card { break-before: page; page-break-before: always; }
.page.card:first-child { break-before: auto; page-break-before: auto; }
.page.card dl.meta { grid-template-columns: max-content 1fr max-content 1fr; gap: 0.5mm 4mm; }
.page p.note, .page .close { break-before: avoid; page-break-before: avoid; }
.page table:last-of-type tbody tr:last-child { break-before: avoid; page-break-before: avoid; }
.page.card { padding: 0; }
.page.card h1 { margin-bottom: 2mm; }
.page.card .sign { margin-top: 3mm; }
.page.card .seal { margin-top: 2mm; }
p.note { margin: 1mm 0; }
.close { break-inside: avoid; page-break-inside: avoid; }
.sign { margin-top: 8mm; display: flex; flex-wrap: wrap; gap: 10mm 16mm; }
.sign span { min-width: 60mm; line-height: 12mm; }
.seal { margin-top: 6mm; border: 1pt solid #b00; color: #b00; padding: 2mm 3mm; display: inline-block; max-width: 100%; box-sizing: border-box; }
.seal code, .footer { overflow-wrap: anywhere; word-break: break-all; }
.footer { margin-top: 4mm; font-size: 10pt; color: #333; }
@media screen { body { max-width: 210mm; margin: 0 auto; padding: 0 8mm; } .page { border-bottom: 1px dashed #999; } .page.wide { max-width: 297mm; } }";

/// A table's `<colgroup>`: each column's share of the width, as in the XLSX.
fn colgroup(t: &Table) -> String {
    let cols = Columns::of(&[t], 0, 0.0);
    let total: f64 = cols.widths.iter().sum::<f64>().max(1.0);
    let mut o = String::from("<colgroup>");
    for w in &cols.widths {
        o.push_str(&format!("<col style=\"width: {:.1}%\">", 100.0 * w / total));
    }
    o.push_str("</colgroup>");
    o
}

/// A table cell with its class: numbers right, dates and short words on one line.
fn td(c: &Cell) -> String {
    let class = match c {
        Cell::Num(_) | Cell::Int(_) => " class=\"num\"",
        Cell::Date(_) => " class=\"date\"",
        Cell::Sign => " class=\"signbox\"",
        Cell::Mark => " class=\"mark\"",
        Cell::Text(s) if text_width(s) <= SHORT && !s.contains(char::is_whitespace) => {
            " class=\"short\""
        }
        _ => "",
    };
    format!("<td{class}>{}</td>", esc(&c.text()))
}

/// HTML: one printed A4 page per page, tables with repeated headers, the seal boxed.
pub fn html(doc: &Doc, path: &Path) -> Result<()> {
    let mut o = String::new();
    o.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\n{}\n</style>\n</head>\n<body>\n",
        if doc.zh { "zh-CN" } else { "en" },
        esc(&doc.title),
        css(doc)
    ));
    for (i, page) in doc.pages.iter().enumerate() {
        let class = if wide(page) { "page wide" } else { "page" };
        if page.owner.is_some() {
            // Each card on a page of its own, under its own named page.
            o.push_str(&format!(
                "<section class=\"{class} card\" style=\"page: {}\">\n",
                card_page(i)
            ));
        } else {
            o.push_str(&format!("<section class=\"{class}\">\n"));
        }
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
            // A short table (the counts per grade, the agenda) stays on one page.
            let keep = if t.rows.len() <= KEEP_WHOLE {
                " class=\"keep\""
            } else {
                ""
            };
            o.push_str(&format!("<table{keep}>{}\n<thead><tr>", colgroup(t)));
            for h in &t.header {
                o.push_str(&format!("<th>{}</th>", esc(h)));
            }
            o.push_str("</tr></thead>\n<tbody>\n");
            for r in &t.rows {
                o.push_str("<tr>");
                for c in r {
                    o.push_str(&td(c));
                }
                o.push_str("</tr>\n");
            }
            o.push_str("</tbody>\n</table>\n");
        }
        for n in &page.notes {
            o.push_str(&format!("<p class=\"note\">{}</p>\n", esc(n)));
        }
        // The signatures, the seal and the check stay together on one page.
        o.push_str("<div class=\"close\">\n");
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
        o.push_str("</div>\n</section>\n");
    }
    o.push_str("</body>\n</html>\n");
    std::fs::write(path, o).map_err(|e| io_err(path, e))
}
