//! The papers' printed pages, read back from the XLSX: where jifen breaks
//! them (a page never opens on a table's row without that table's header,
//! no print titles on a sheet of several tables, a caption never alone at a
//! page's foot), the text columns of the narrower tables spanning to the
//! right edge (the minutes' agenda and resolutions), the seal whole and
//! wrapped and kept on the page of the signatures, the draft notice's contact.

use super::papers_print::{attr, part, quarter, tags};
use calamine::{open_workbook_auto, Data, Reader};
use jifen::app::{Ledger, RankScope};
use jifen::domain::model::PeriodId;
use jifen::export::{build, export, Doc, Paper, PaperFormat};
use std::path::Path;

/// The demo branch: forty members, 2026Q3 locked (the filing runs over pages).
fn demo() -> (tempfile::TempDir, Ledger, PeriodId) {
    let dir = tempfile::tempdir().expect("dir");
    let l = jifen::dev::demo::write_demo(&dir.path().join("demo.sqlite")).expect("demo");
    (dir, l, "2026Q3".parse().expect("period"))
}

/// Rows (zero-based) that begin a printed page, from `<rowBreaks>`.
fn breaks(xml: &str) -> Vec<usize> {
    tags(xml, "brk")
        .iter()
        .filter_map(|t| attr(t, "id")?.parse().ok())
        .collect()
}

/// The merged ranges of a sheet, as (first row, first col, last row, last col), zero-based.
fn merges(xml: &str) -> Vec<(usize, usize, usize, usize)> {
    let cell = |r: &str| {
        let col = r
            .chars()
            .take_while(char::is_ascii_uppercase)
            .fold(0, |n, c| n * 26 + (c as usize - 'A' as usize + 1))
            - 1;
        let row: usize = r
            .trim_start_matches(|c: char| c.is_ascii_uppercase())
            .parse()
            .expect("row");
        (row - 1, col)
    };
    tags(xml, "mergeCell")
        .iter()
        .filter_map(|t| {
            let r = attr(t, "ref")?;
            let (a, b) = r.split_once(':')?;
            let ((r1, c1), (r2, c2)) = (cell(a), cell(b));
            Some((r1, c1, r2, c2))
        })
        .collect()
}

/// Each column's width (zero-based index -> character units).
fn widths(xml: &str) -> Vec<f64> {
    let mut out = Vec::new();
    for t in tags(xml, "col") {
        let n = |k| {
            attr(t, k)
                .and_then(|v| v.parse::<usize>().ok())
                .unwrap_or(1)
        };
        let w: f64 = attr(t, "width").and_then(|v| v.parse().ok()).unwrap_or(0.0);
        for c in n("min")..=n("max") {
            if out.len() < c {
                out.resize(c, 0.0);
            }
            out[c - 1] = w;
        }
    }
    out
}

fn sheet_rows(f: &Path, n: usize) -> calamine::Range<Data> {
    let mut wb = open_workbook_auto(f).expect("open");
    let name = wb.sheet_names()[n].clone();
    wb.worksheet_range(&name).expect("sheet")
}

fn text(range: &calamine::Range<Data>, row: usize, col: usize) -> String {
    match range.get_value((row as u32, col as u32)) {
        Some(Data::String(s)) => s.clone(),
        Some(Data::Float(x)) => x.to_string(),
        _ => String::new(),
    }
}

/// What may open a printed page: a table's caption or its header.
fn page_openers(doc: &Doc) -> Vec<String> {
    doc.pages
        .iter()
        .flat_map(|p| &p.tables)
        .flat_map(|t| {
            t.caption
                .iter()
                .cloned()
                .chain(t.header.first().cloned())
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn the_filings_second_page_repeats_its_own_header_and_no_print_titles_land_on_the_appeals() {
    let (dir, l, p) = demo();
    let scope = RankScope::Period(p);
    let f = export(
        &l,
        Paper::Filing,
        &scope,
        PaperFormat::Xlsx,
        dir.path(),
        true,
    )
    .expect("x");
    let doc = build(&l, Paper::Filing, &scope, true).expect("doc");
    let wb = part(&f, "xl/workbook.xml");
    assert!(
        !wb.contains("_xlnm.Print_Titles"),
        "print titles would print the ranking's header above the appeals"
    );
    let xml = part(&f, "xl/worksheets/sheet1.xml");
    let at = breaks(&xml);
    assert!(!at.is_empty(), "forty members run over a page: {xml}");
    let range = sheet_rows(&f, 0);
    let mut openers = page_openers(&doc);
    // The seal and the signatures go over together.
    openers.push(doc.words().seal.to_string());
    for b in &at {
        let first = text(&range, *b, 0);
        assert!(
            openers.contains(&first),
            "page at row {} opens on '{first}', not a caption or a header",
            b + 1
        );
        // A caption is never the last line of a page.
        let before = text(&range, b - 1, 0);
        let captions: Vec<&String> = doc.pages[0]
            .tables
            .iter()
            .filter_map(|t| t.caption.as_ref())
            .collect();
        assert!(
            !captions.contains(&&before),
            "'{before}' left alone at the foot of a page"
        );
    }
    // The ranking's header is written again where the ranking runs onto a page.
    let head = &doc.pages[0].tables[0].header[0];
    assert!(
        at.iter().any(|b| text(&range, *b, 0) == *head),
        "the ranking's header '{head}' atop its second page"
    );
}

#[test]
fn a_sheet_of_one_table_keeps_its_print_titles() {
    let (dir, l, p) = demo();
    let scope = RankScope::Period(p);
    let f = export(
        &l,
        Paper::Cards,
        &scope,
        PaperFormat::Xlsx,
        dir.path(),
        true,
    )
    .expect("x");
    let wb = part(&f, "xl/workbook.xml");
    assert!(wb.contains("_xlnm.Print_Titles"), "{wb}");
}

#[test]
fn the_minutes_agenda_and_resolutions_get_the_width_of_the_page() {
    let q = quarter();
    let mut l = q.l;
    // The record is kept before the lock; a fresh quarter for it.
    l.open_period("2026Q4").expect("open");
    let p4: PeriodId = "2026Q4".parse().expect("p");
    let long =
        "通报2026年第四季度党员积分申报及支部委员会初审情况，逐项审议党员个人申报的加分、减分事项";
    let rec = jifen::app::meeting::MeetingChange {
        place: Some("党员活动室".into()),
        agenda: Some(vec![long.into(), "签字确认".into()]),
        resolutions: Some(vec![long.into()]),
        ..Default::default()
    };
    l.set_meeting(&p4, rec).expect("meeting");
    let out = q.dir.path().join("m");
    let f = export(
        &l,
        Paper::Minutes,
        &RankScope::Period(p4),
        PaperFormat::Xlsx,
        &out,
        true,
    )
    .expect("minutes");
    let xml = part(&f, "xl/worksheets/sheet1.xml");
    let range = sheet_rows(&f, 0);
    let w = widths(&xml);
    let total: f64 = w.iter().sum();
    let (row, col) = range
        .cells()
        .find(|(_, _, c)| matches!(c, Data::String(s) if s == long))
        .map(|(r, c, _)| (r, c))
        .expect("agenda item");
    let m = merges(&xml)
        .into_iter()
        .find(|m| m.0 == row && m.1 == col)
        .expect("the agenda's text merged across the page");
    let room: f64 = w[m.1..=m.3].iter().sum();
    assert_eq!(m.3 + 1, w.len(), "spans to the last column");
    assert!(
        room >= 0.6 * total,
        "the agenda's text has {room} of {total} units"
    );
}

#[test]
fn the_seal_prints_whole_wrapped_and_on_the_page_of_the_signatures() {
    let (dir, l, p) = demo();
    let scope = RankScope::Period(p);
    let seal = l
        .period_row(&p)
        .expect("row")
        .expect("p")
        .seal
        .expect("seal");
    assert_eq!(seal.len(), 64);
    for paper in Paper::ALL {
        let f = export(&l, paper, &scope, PaperFormat::Xlsx, dir.path(), true).expect("x");
        let doc = build(&l, paper, &scope, true).expect("doc");
        let xml = part(&f, "xl/worksheets/sheet1.xml");
        let range = sheet_rows(&f, 0);
        let w = widths(&xml);
        let heights: Vec<(usize, f64)> = tags(&xml, "row")
            .iter()
            .filter_map(|t| {
                Some((
                    attr(t, "r")?.parse::<usize>().ok()? - 1,
                    attr(t, "ht")?.parse().ok()?,
                ))
            })
            .collect();
        let cells: Vec<(usize, usize)> = range
            .cells()
            .filter(|(_, _, c)| matches!(c, Data::String(s) if *s == seal))
            .map(|(r, c, _)| (r, c))
            .collect();
        assert!(
            !cells.is_empty(),
            "{paper:?}: the seal whole in a cell of its own"
        );
        for &(row, col) in &cells {
            let to = merges(&xml)
                .into_iter()
                .find(|m| m.0 == row && m.1 == col)
                .map_or(col, |m| m.3);
            let room: f64 = w[col..=to].iter().sum::<f64>() - 2.0;
            let lines = (64.0 / room).ceil();
            let h = heights
                .iter()
                .find(|(r, _)| *r == row)
                .map_or(15.0, |x| x.1);
            assert!(
                h >= lines * 14.5,
                "{paper:?}: the seal needs {lines} lines in {room} units, its row is {h} pt"
            );
        }
        // The seal beside the signatures is the last one.
        let (row, _) = cells[cells.len() - 1];
        // No page starts between the seal and the last signature.
        let sig = doc.pages[0].signatures.last().expect("signature");
        let (sig_row, _) = range
            .cells()
            .find(|(_, _, c)| matches!(c, Data::String(s) if s.starts_with(sig.as_str())))
            .map(|(r, c, _)| (r, c))
            .expect("signature row");
        assert!(
            !breaks(&xml).iter().any(|b| *b > row && *b <= sig_row),
            "{paper:?}: a page break between the seal and the signatures"
        );
    }
}

#[test]
fn a_draft_notice_names_who_takes_objections() {
    let (_dir, l, _) = demo();
    let q4: PeriodId = "2026Q4".parse().expect("p");
    for zh in [true, false] {
        let doc = build(&l, Paper::Notice, &RankScope::Period(q4), zh).expect("draft");
        let w = doc.words();
        assert!(
            doc.pages[0].notes.iter().any(|n| n == w.draft),
            "the 2026Q4 notice is a draft"
        );
        let contact = doc.pages[0]
            .meta
            .iter()
            .find(|(k, _)| k == w.contact)
            .map(|(_, v)| v.clone());
        assert_eq!(contact.as_deref(), Some(w.contact_fallback), "zh={zh}");
    }
}

#[test]
fn a_short_html_table_is_kept_on_one_page_and_a_long_one_runs_on() {
    let (dir, l, p) = demo();
    let scope = RankScope::Period(p);
    let f = export(
        &l,
        Paper::Filing,
        &scope,
        PaperFormat::Html,
        dir.path(),
        true,
    )
    .expect("h");
    let html = std::fs::read_to_string(f).expect("read");
    assert!(html.contains("table.keep { page-break-inside: avoid; break-inside: avoid; }"));
    // The ranking of forty members runs over pages; the counts per grade do not split.
    let tables: Vec<&str> = html.split("<table").skip(1).collect();
    assert!(
        !tables[0].starts_with(" class=\"keep\""),
        "the ranking runs on"
    );
    let grades = tables
        .iter()
        .find(|t| t.contains("<th>等次</th><th>人数</th>"))
        .expect("counts per grade");
    assert!(grades.starts_with(" class=\"keep\""), "{grades}");
}
