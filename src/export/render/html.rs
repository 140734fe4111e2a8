//! A paper as a printable A4 HTML page.

use super::io_err;
use crate::app::Result;
use crate::export::{Cell, Doc};
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
