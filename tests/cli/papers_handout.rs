//! The papers a secretary hands out, read back as they print: each member's
//! card (告知卡) numbered on its own pages with the member's name at the
//! foot, its signatures never alone under a repeated header on a page of
//! their own, each card its own page in HTML; the redemption list's
//! 领取人签字 rows tall enough to sign.

use super::papers_print::{attr, part, tags};
use crate::common::cli::ok;
use crate::common::{ledger, member};
use calamine::{open_workbook_auto, Data, Reader};
use jifen::app::{ClaimDraft, Ledger, RankScope};
use jifen::domain::model::{Category, Outcome, PeriodId};
use jifen::export::{export, Paper, PaperFormat};
use std::path::Path;

/// Members with 6 to 40 items each in 2026Q3: one of them has a card whose
/// items end just where a page does, whatever the page holds.
fn many_items() -> (tempfile::TempDir, Ledger, PeriodId) {
    let (dir, _path, mut l) = ledger("bureau-80");
    l.open_period("2026Q3").expect("open");
    for n in 6..=40 {
        let m = member(&mut l, &format!("党员{n:02}"), Category::Full, None);
        for i in 0..n {
            let mut d = ClaimDraft::new(m, "work.speech");
            d.level = Some("city".into());
            d.date = Some(format!("2026-07-{:02}", 1 + i % 28));
            d.period = Some("2026Q3".into());
            let id = l.add_claim(&d).expect("claim");
            l.verdict(id, Outcome::Approved, None, None)
                .expect("approve");
        }
    }
    (dir, l, "2026Q3".parse().expect("period"))
}

/// Rows (zero-based) that begin a printed page.
fn breaks(xml: &str) -> Vec<usize> {
    tags(xml, "brk")
        .iter()
        .filter_map(|t| attr(t, "id")?.parse().ok())
        .collect()
}

/// The text of a sheet's `<oddFooter>`.
fn footer(xml: &str) -> String {
    let from = xml.find("<oddFooter>").expect("a footer") + "<oddFooter>".len();
    let to = xml[from..].find("</oddFooter>").expect("footer end");
    xml[from..from + to].replace("&amp;", "&")
}

#[test]
fn every_card_prints_its_signatures_under_its_own_last_items_and_counts_its_own_pages() {
    let (dir, l, p) = many_items();
    let f = export(
        &l,
        Paper::Cards,
        &RankScope::Period(p),
        PaperFormat::Xlsx,
        dir.path(),
        true,
    )
    .expect("cards");
    let mut wb = open_workbook_auto(&f).expect("open");
    let names = wb.sheet_names().to_vec();
    assert_eq!(names.len(), 35, "a sheet per member");
    let mut ran_over = 0;
    for (i, name) in names.iter().enumerate() {
        let range = wb.worksheet_range(name).expect("sheet");
        let xml = part(&f, &format!("xl/worksheets/sheet{}.xml", i + 1));
        let sign = (0..range.height())
            .find(|&r| {
                range
                    .get((r, 0))
                    .is_some_and(|c| c.to_string().starts_with("本人签字"))
            })
            .expect("a line to sign");
        let bs = breaks(&xml);
        let pages = bs.len() + 1;
        if let Some(&last) = bs.iter().rev().find(|&&b| b <= sign) {
            ran_over += 1;
            // The page the signatures are on carries some of the card's items.
            let items = (last..sign)
                .filter(|&r| matches!(range.get((r, 0)), Some(Data::DateTime(_))))
                .count();
            assert!(
                items >= 2,
                "{name}: the signatures at row {sign} are on a page (from row {last}) with {items} items"
            );
        }
        // Numbered on its own, and it says whose card it is.
        let foot = footer(&xml);
        let member = name.split_once(' ').expect("id and name").1;
        assert!(foot.contains(member), "{name}: {foot}");
        assert!(
            foot.contains(&format!("第 &P 页 共 {pages} 页")),
            "{name}: {foot}"
        );
        assert!(!foot.contains("&N"), "not counted over every card: {foot}");
        let setup = tags(&xml, "pageSetup")[0];
        // Page 1 is the default first number: written as useFirstPageNumber alone.
        assert!(
            matches!(attr(setup, "firstPageNumber").as_deref(), None | Some("1")),
            "{setup}"
        );
        assert_eq!(
            attr(setup, "useFirstPageNumber").as_deref(),
            Some("1"),
            "{setup}"
        );
    }
    assert!(ran_over >= 10, "some cards run over a page: {ran_over}");
}

#[test]
fn each_html_card_is_a_page_of_its_own_that_names_its_member_at_the_foot() {
    let (dir, l, p) = many_items();
    let f = export(
        &l,
        Paper::Cards,
        &RankScope::Period(p),
        PaperFormat::Html,
        dir.path(),
        true,
    )
    .expect("cards");
    let html = std::fs::read_to_string(f).expect("html");
    assert!(html.contains(".page.card { break-before: page;"), "{html}");
    // The signatures and the seal go over with the last item, never alone.
    assert!(html.contains(".page p.note, .page .close { break-before: avoid;"));
    assert!(html.contains(".page table:last-of-type tbody tr:last-child { break-before: avoid;"));
    let sections: Vec<&str> = html.split("<section ").skip(1).collect();
    assert_eq!(sections.len(), 35);
    for (i, s) in sections.iter().enumerate() {
        let page = format!("card-{}", i + 1);
        assert!(
            s.starts_with(&format!("class=\"page wide card\" style=\"page: {page}\""))
                || s.starts_with(&format!("class=\"page card\" style=\"page: {page}\"")),
            "{}",
            &s[..80]
        );
        // The cards come in rank order: the member's name opens the heading.
        let h1 = &s[s.find("<h1>").expect("heading") + 4..];
        let name = h1.split(' ').next().expect("name");
        assert!(name.starts_with("党员"), "{h1}");
        // Its named page's foot says whose card it is, and counts no one else's pages.
        let rule = html
            .find(&format!("@page {page} {{"))
            .map(|at| &html[at..at + html[at..].find('\n').expect("line")])
            .unwrap_or_else(|| panic!("@page {page}"));
        assert!(
            rule.contains(&format!("content: \"{name} 告知卡\"")),
            "{rule}"
        );
        assert!(!rule.contains("counter(pages)"), "{rule}");
    }
}

/// A bureau-80 branch where 张伟 redeemed three rolls of tissue in 2026Q4.
fn redeemed(dir: &Path) -> Ledger {
    let db = dir.join("r.sqlite");
    ok(
        &db,
        &["init", "--branch", "社区党支部", "--scheme", "bureau-80"],
    );
    ok(&db, &["member", "add", "张伟"]);
    ok(&db, &["period", "open", "2026Q4"]);
    for item in ["other.blood", "work.speech"] {
        let mut args = vec!["claim", "add", "张伟", item];
        if item == "work.speech" {
            args.extend(["--level", "province"]);
        }
        let id = ok(&db, &args).trim().to_string();
        ok(&db, &["verdict", &id, "approve"]);
    }
    // Earned 6 (blood 1, a provincial speech 5): three rolls of tissue at 2.
    for g in ["gift.tissue", "抽纸(一卷)", "gift.tissue"] {
        ok(&db, &["redeem", "张伟", g]);
    }
    Ledger::open_read_only(&db, None).expect("open")
}

#[test]
fn the_redemption_lists_rows_are_tall_enough_to_sign_and_date_their_redemptions() {
    let dir = tempfile::tempdir().expect("dir");
    let l = redeemed(dir.path());
    let q4 = RankScope::Period("2026Q4".parse().expect("p"));
    let f = export(
        &l,
        Paper::Redemptions,
        &q4,
        PaperFormat::Xlsx,
        dir.path(),
        true,
    )
    .expect("xlsx");
    let mut wb = open_workbook_auto(&f).expect("open");
    let name = wb.sheet_names()[0].clone();
    let range = wb.worksheet_range(&name).expect("sheet");
    let head = (0..range.height())
        .find(|&r| {
            range
                .get((r, 6))
                .is_some_and(|c| matches!(c, Data::String(s) if s == "领取人签字"))
        })
        .expect("the signature column");
    let xml = part(&f, "xl/worksheets/sheet1.xml");
    let height = |r: usize| {
        tags(&xml, "row")
            .iter()
            .find(|t| attr(t, "r").as_deref() == Some(&(r + 1).to_string()))
            .and_then(|t| attr(t, "ht"))
            .and_then(|h| h.parse::<f64>().ok())
            .unwrap_or(15.0)
    };
    for r in head + 1..=head + 3 {
        assert_eq!(
            range.get((r, 1)).map(|c| c.to_string()).as_deref(),
            Some("张伟")
        );
        assert!(
            height(r) >= 36.0,
            "row {r} is {} pt: no room to sign",
            height(r)
        );
        assert!(
            matches!(range.get((r, 5)), Some(Data::DateTime(_))),
            "the day is a date: {:?}",
            range.get((r, 5))
        );
        assert!(matches!(range.get((r, 3)), Some(Data::Float(x)) if *x == 1.0));
    }
    let html = std::fs::read_to_string(
        export(
            &l,
            Paper::Redemptions,
            &q4,
            PaperFormat::Html,
            dir.path(),
            true,
        )
        .expect("html"),
    )
    .expect("read");
    assert_eq!(html.matches("<td class=\"signbox\"></td>").count(), 3);
    assert!(html.contains("td.signbox { height: 12mm; }"));
}

#[test]
fn the_filing_names_an_upheld_appeals_correction_by_its_item_and_no_html_text_is_under_10_pt() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("a.sqlite");
    ok(
        &db,
        &["init", "--branch", "第一党支部", "--scheme", "bureau-80"],
    );
    ok(&db, &["member", "add", "赵敏"]);
    ok(&db, &["period", "open", "2026Q4"]);
    let id = ok(&db, &["claim", "add", "赵敏", "discipline.dues"]);
    ok(&db, &["verdict", id.trim(), "approve"]);
    ok(&db, &["lock", "2026Q4"]);
    ok(
        &db,
        &[
            "appeal",
            "file",
            "赵敏",
            "--period",
            "2026Q4",
            "--items",
            id.trim(),
            "--text",
            "党费已按时缴纳",
        ],
    );
    ok(
        &db,
        &[
            "appeal",
            "reply",
            "1",
            "upheld",
            "--reply",
            "属实",
            "--item",
            "discipline.dues",
            "--points",
            "1",
        ],
    );
    let l = Ledger::open_read_only(&db, None).expect("open");
    let q4 = RankScope::Period("2026Q4".parse().expect("p"));
    let doc = jifen::export::build(&l, Paper::Filing, &q4, true).expect("filing");
    let appeals = doc.pages[0]
        .tables
        .iter()
        .find(|t| t.caption.as_deref() == Some("申诉与复议"))
        .expect("the appeals");
    let at = appeals
        .header
        .iter()
        .position(|h| h == "更正")
        .expect("更正");
    assert_eq!(appeals.rows[0][at].text(), "未按时按标准缴纳党费 1");
    let html = std::fs::read_to_string(
        export(&l, Paper::Filing, &q4, PaperFormat::Html, dir.path(), true).expect("html"),
    )
    .expect("read");
    assert!(
        !html.contains("discipline.dues"),
        "no item code on a Chinese paper"
    );
    for (at, _) in html.match_indices("font-size: ") {
        let size: String = html[at + 11..]
            .chars()
            .take_while(|c| c.is_ascii_digit())
            .collect();
        let pt: u32 = size.parse().expect("a size in pt");
        assert!(pt >= 10, "text at {pt} pt: {}", &html[at..at + 20]);
    }
}
