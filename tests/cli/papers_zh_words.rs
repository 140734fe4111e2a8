//! Every paper in Chinese, in each format (CSV, the text of the HTML, the
//! cells and sheet names of the XLSX): no English word but item codes, ids,
//! seals, file names and the command that checks the seal (see
//! `common::zh_words`). The papers' refusals are Chinese too.

use crate::common::zh_words::{assert_chinese, english_words};
use crate::export_papers::{csv_rows, demo, q3, write, xlsx_cells};
use jifen::app::RankScope;
use jifen::export::{export, Paper, PaperFormat};

/// The text a reader sees in an HTML paper: no style sheet, no tags.
fn html_text(html: &str) -> String {
    let body = match (html.find("<style>"), html.find("</style>")) {
        (Some(a), Some(b)) => format!("{}{}", &html[..a], &html[b..]),
        _ => html.to_string(),
    };
    let mut out = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
}

/// Everything a reader sees in `paper` of `scope`, in each format.
fn all_formats(
    d: &crate::export_papers::Demo,
    paper: Paper,
    scope: &RankScope,
) -> Vec<(String, String)> {
    let what = format!("{} {scope}", paper.code());
    let csv = csv_rows(&write(d, paper, scope, PaperFormat::Csv))
        .iter()
        .map(|r| r.join(" | "))
        .collect::<Vec<_>>()
        .join("\n");
    let html = html_text(
        &std::fs::read_to_string(write(d, paper, scope, PaperFormat::Html)).expect("html"),
    );
    let xlsx = xlsx_cells(&write(d, paper, scope, PaperFormat::Xlsx))
        .into_iter()
        .map(|(sheet, rows)| {
            let cells: Vec<String> = rows.iter().map(|r| r.join(" | ")).collect();
            format!("{sheet}\n{}", cells.join("\n"))
        })
        .collect::<Vec<_>>()
        .join("\n");
    vec![
        (format!("{what} csv"), csv),
        (format!("{what} html"), html),
        (format!("{what} xlsx"), xlsx),
    ]
}

#[test]
fn every_paper_in_every_format_speaks_chinese() {
    let d = demo();
    let q3 = RankScope::Period(q3());
    let mut seen = 0;
    for paper in Paper::ALL {
        for (what, text) in all_formats(&d, paper, &q3) {
            assert!(
                text.contains("党"),
                "{what} is a paper of the branch:\n{text}"
            );
            assert_chinese(&what, &text);
            seen += 1;
        }
    }
    // A draft (the period not locked) and the year's notice say other things.
    let q4 = RankScope::Period("2026Q4".parse().expect("period"));
    for (paper, scope) in [
        (Paper::Notice, &q4),
        (Paper::Cards, &q4),
        (Paper::Minutes, &q4),
        (Paper::Notice, &RankScope::Year(2026)),
    ] {
        for (what, text) in all_formats(&d, paper, scope) {
            assert_chinese(&what, &text);
            seen += 1;
        }
    }
    assert_eq!(seen, 3 * (Paper::ALL.len() + 4));
}

#[test]
fn the_papers_refuse_in_chinese() {
    let d = demo();
    let q4 = RankScope::Period("2026Q4".parse().expect("period"));
    for (paper, scope) in [
        (Paper::Filing, &q4),
        (Paper::Summary, &q4),
        (Paper::Summary, &RankScope::Year(2026)),
        (Paper::Minutes, &RankScope::Year(2026)),
    ] {
        let e = export(&d.l, paper, scope, PaperFormat::Csv, &d.out, true)
            .expect_err("refused")
            .to_string();
        assert_chinese(&format!("{} {scope} refused", paper.code()), &e);
    }
}

#[test]
fn the_same_check_catches_an_english_paper() {
    let d = demo();
    let p = export(
        &d.l,
        Paper::Filing,
        &RankScope::Period(q3()),
        PaperFormat::Html,
        &d.out,
        false,
    )
    .expect("en");
    let text = html_text(&std::fs::read_to_string(p).expect("html"));
    assert!(english_words(&text).len() > 10, "{text}");
}
