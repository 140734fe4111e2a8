//! The papers' titles name the period as a Chinese reader says it
//! (2026年第三季度, 2026年度; Q3 2026 in English) in every format, and the
//! year's papers (the year notice, the year cards) carry the year close's
//! three grades: 积分等次, 测评等次 and the 评定等次 the branch recorded, with
//! what a 不合格 brings where the scheme states it (seed 000).

use super::papers_posted::csv_records;
use super::papers_print::quarter;
use crate::common::{ledger, member};
use calamine::{open_workbook_auto, Reader};
use jifen::app::{ClaimDraft, Ledger, RankScope};
use jifen::domain::model::{Category, Outcome};
use jifen::export::{appraisal_ballots, build, export, Cell, Paper, PaperFormat};

/// The first text of every sheet of a workbook (its title row).
fn sheet_titles(f: &std::path::Path) -> Vec<String> {
    let mut wb = open_workbook_auto(f).expect("open");
    let names = wb.sheet_names().to_vec();
    names
        .iter()
        .map(|n| {
            let r = wb.worksheet_range(n).expect("sheet");
            r.get((0, 0)).map(|c| c.to_string()).unwrap_or_default()
        })
        .collect()
}

#[test]
fn every_chinese_paper_names_the_quarter_in_words_in_every_format() {
    let q = quarter();
    for paper in [
        Paper::Notice,
        Paper::Cards,
        Paper::Summary,
        Paper::Filing,
        Paper::Minutes,
        Paper::Redemptions,
    ] {
        let code = paper.code();
        let csv = csv_records(&q.write(paper, PaperFormat::Csv, true));
        // The title is the first row after the table's blank row.
        let blank = csv
            .iter()
            .position(|r| r.iter().all(|c| c.is_empty()))
            .unwrap_or_else(|| panic!("{code}: a blank row"));
        let title = csv[blank + 1].join(" ");
        assert!(title.contains("2026年第三季度"), "{code} csv: {title}");
        for r in &csv {
            // The seal row keeps the period's code, as scripts read it.
            if r.first().map(String::as_str) != Some("封存码") {
                assert!(r.iter().all(|c| !c.contains("2026Q3")), "{code} csv: {r:?}");
            }
        }
        for t in sheet_titles(&q.write(paper, PaperFormat::Xlsx, true)) {
            assert!(t.contains("2026年第三季度"), "{code} xlsx: {t}");
        }
        let html = std::fs::read_to_string(q.write(paper, PaperFormat::Html, true)).expect("html");
        for h in html.split("<h1>").skip(1) {
            let h = &h[..h.find("</h1>").expect("end")];
            assert!(h.contains("2026年第三季度"), "{code} html: {h}");
        }
        let t = &html[html.find("<title>").expect("title")..html.find("</title>").expect("end")];
        assert!(t.contains("2026年第三季度") && !t.contains("2026Q3"), "{t}");
        let en = build(&q.l, paper, &RankScope::Period(q.p), false).expect("en");
        assert!(en.title.contains("Q3 2026"), "{code} en: {}", en.title);
    }
    let ballots = appraisal_ballots(&q.l, &q.p, true).expect("ballots");
    assert!(
        ballots.title.contains("2026年第三季度"),
        "{}",
        ballots.title
    );
    let meta = &ballots.pages[0].meta[0].1;
    assert!(meta.contains("2026年第三季度"), "{meta}");
}

/// Bureau-80, 2026Q1: 欧阳娜娜 95, 张伟 90, 陈静 79.5 (基本合格 by points,
/// recorded 不合格 at the year close).
fn year_branch() -> (tempfile::TempDir, Ledger) {
    let (dir, _path, mut l) = ledger("bureau-80");
    l.open_period("2026Q1").expect("open");
    let add = |l: &mut Ledger, m, item: &str, count: i64, points: Option<f64>| {
        let mut d = ClaimDraft::new(m, item);
        d.count = count;
        d.points = points;
        d.date = Some("2026-02-10".into());
        d.period = Some("2026Q1".into());
        let id = l.add_claim(&d).expect("claim");
        l.verdict(id, Outcome::Approved, None, None)
            .expect("approve");
    };
    let ou = member(&mut l, "欧阳娜娜", Category::Full, None);
    add(&mut l, ou, "work.major-task", 3, Some(15.0));
    let zw = member(&mut l, "张伟", Category::Full, None);
    add(&mut l, zw, "work.major-task", 2, Some(10.0));
    let cj = member(&mut l, "陈静", Category::Full, None);
    add(&mut l, cj, "purpose.service", 1, None);
    add(&mut l, cj, "work.major-task", 1, Some(1.5));
    l.set_final_grade(2026, cj, Some("unqualified"))
        .expect("final grade");
    (dir, l)
}

fn text(c: &Cell) -> String {
    c.text()
}

#[test]
fn the_year_notice_shows_the_points_appraisal_and_final_grades_and_what_unqualified_brings() {
    let (dir, l) = year_branch();
    let y = RankScope::Year(2026);
    let doc = build(&l, Paper::Notice, &y, true).expect("year notice");
    assert!(doc.title.contains("2026年度"), "{}", doc.title);
    let page = &doc.pages[0];
    let t = &page.tables[0];
    let col = |h: &str| {
        t.header
            .iter()
            .position(|x| x == h)
            .unwrap_or_else(|| panic!("{h} in {:?}", t.header))
    };
    let (points, appraisal, fin) = (col("积分等次"), col("测评等次"), col("评定等次"));
    assert_eq!((appraisal, fin), (points + 1, points + 2), "{:?}", t.header);
    assert!(t.header.iter().any(|h| h == "第一季度"), "{:?}", t.header);
    let row = |name: &str| {
        t.rows
            .iter()
            .find(|r| r.iter().any(|c| text(c) == name))
            .unwrap_or_else(|| panic!("{name}"))
    };
    assert_eq!(text(&row("陈静")[points]), "基本合格");
    assert_eq!(text(&row("陈静")[fin]), "不合格");
    assert_eq!(text(&row("陈静")[appraisal]), "", "no appraisal held");
    assert_eq!(text(&row("欧阳娜娜")[fin]), "优秀");
    assert_eq!(text(&row("张伟")[fin]), "合格");
    let consequence = "评定为不合格的：党支部立足教育帮助，促进转化提高";
    assert!(
        page.notes.iter().any(|n| n.starts_with(consequence)),
        "{:?}",
        page.notes
    );
    // Posted: still no 处置 column.
    assert!(!t.header.iter().any(|h| h == "处置"));
    // The XLSX reads back the same column.
    let f = export(&l, Paper::Notice, &y, PaperFormat::Xlsx, dir.path(), true).expect("xlsx");
    let mut wb = open_workbook_auto(&f).expect("open");
    let name = wb.sheet_names()[0].clone();
    let r = wb.worksheet_range(&name).expect("sheet");
    let cells: Vec<Vec<String>> = r
        .rows()
        .map(|x| x.iter().map(|c| c.to_string()).collect())
        .collect();
    let head = cells
        .iter()
        .position(|x| x.iter().any(|c| c == "评定等次"))
        .expect("header");
    let at = cells[head]
        .iter()
        .position(|c| c == "评定等次")
        .expect("col");
    let cj = cells
        .iter()
        .find(|x| x.iter().any(|c| c == "陈静"))
        .expect("row");
    assert_eq!(cj[at], "不合格");
}

#[test]
fn each_members_year_card_carries_the_final_grade_and_only_the_unqualified_card_its_consequence() {
    let (dir, l) = year_branch();
    let y = RankScope::Year(2026);
    let doc = build(&l, Paper::Cards, &y, true).expect("year cards");
    assert_eq!(doc.pages.len(), 3, "a card per member");
    let page = |name: &str| {
        doc.pages
            .iter()
            .find(|p| p.owner.as_deref() == Some(name))
            .unwrap_or_else(|| panic!("{name}'s card"))
    };
    let line = |name: &str, key: &str| {
        page(name)
            .meta
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
            .unwrap_or_else(|| panic!("{name}: {key}"))
    };
    assert_eq!(line("陈静", "评定等次"), "不合格");
    assert_eq!(line("陈静", "积分等次"), "基本合格");
    assert_eq!(line("陈静", "年度得分"), "79.5");
    assert_eq!(line("欧阳娜娜", "评定等次"), "优秀");
    assert!(
        page("陈静").heading.contains("2026年度"),
        "{}",
        page("陈静").heading
    );
    let brings = |name: &str| page(name).notes.iter().any(|n| n.contains("教育帮助"));
    assert!(brings("陈静"));
    assert!(!brings("张伟") && !brings("欧阳娜娜"));
    let q1 = &page("陈静").tables[0];
    assert_eq!(text(&q1.rows[0][0]), "2026年第一季度");
    assert_eq!(q1.rows[0][1], Cell::Num(79.5));
    // The command line writes them with the notice for a year.
    for f in [PaperFormat::Csv, PaperFormat::Xlsx, PaperFormat::Html] {
        let p = export(&l, Paper::Cards, &y, f, dir.path(), true).expect("write");
        assert!(
            p.ends_with(format!("cards-2026.{}", f.ext())),
            "{}",
            p.display()
        );
    }
}
