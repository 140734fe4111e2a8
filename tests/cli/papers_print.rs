//! The papers as they print: every XLSX read back (calamine for the cell types,
//! the workbook's parts for row heights, page setup, print titles, footer,
//! number formats and font), the HTML's `@page` rule and print layout, what a
//! posted paper must not carry, and the CSV a spreadsheet sorts safely.

use super::papers_posted::csv_records;
use crate::common::{ledger, member};
use calamine::{open_workbook_auto, Data, Reader};
use jifen::app::{ClaimDraft, Ledger, RankScope};
use jifen::domain::model::{Category, Outcome, PeriodId};
use jifen::export::{export, Paper, PaperFormat};
use std::io::Read;
use std::path::{Path, PathBuf};

/// A reason long enough to wrap over several lines of its column.
pub(crate) const LONG_REASON: &str =
    "经支部委员会复核，该文章发表于市级内部刊物，按市级标准认定，原申报省级标准不符合积分办法第三条规定，予以调整";

/// A small locked quarter: 欧阳娜娜 with a provincial speech (5) and an
/// adjusted article (0.5, with a long reason), 张伟 with a unit award (1).
pub(crate) struct Quarter {
    pub(crate) dir: tempfile::TempDir,
    pub(crate) l: Ledger,
    pub(crate) p: PeriodId,
}

pub(crate) fn quarter() -> Quarter {
    let (dir, _path, mut l) = ledger("bureau-80");
    let p: PeriodId = "2026Q3".parse().expect("period");
    l.open_period("2026Q3").expect("open");
    let ou = member(&mut l, "欧阳娜娜", Category::Full, None);
    let zw = member(&mut l, "张伟", Category::Full, None);
    let add = |l: &mut Ledger, m, item: &str, level: &str, date: &str, note: Option<&str>| {
        let mut d = ClaimDraft::new(m, item);
        d.level = Some(level.into());
        d.date = Some(date.into());
        d.note = note.map(String::from);
        d.period = Some("2026Q3".into());
        l.add_claim(&d).expect("claim")
    };
    let a = add(
        &mut l,
        ou,
        "work.speech",
        "province",
        "2026-07-15",
        Some("=1+2 在省委宣讲"),
    );
    l.verdict(a, Outcome::Approved, None, None)
        .expect("approve");
    let b = add(&mut l, ou, "work.written", "province", "2026-08-02", None);
    l.verdict(b, Outcome::Adjusted, Some(0.5), Some(LONG_REASON))
        .expect("adjust");
    let c = add(&mut l, zw, "award.personal", "unit", "2026-09-01", None);
    l.verdict(c, Outcome::Approved, None, None)
        .expect("approve");
    l.confirm(ou, &p, None).expect("sign");
    l.confirm(zw, &p, Some("-5 分有误")).expect("dispute");
    l.lock(&p).expect("lock");
    Quarter { dir, l, p }
}

impl Quarter {
    pub(crate) fn write(&self, paper: Paper, f: PaperFormat, zh: bool) -> PathBuf {
        let out = self.dir.path().join(if zh { "zh" } else { "en" });
        export(&self.l, paper, &RankScope::Period(self.p), f, &out, zh).expect("export")
    }
}

/// One part of an XLSX (a zip of XML files), as text.
pub(crate) fn part(xlsx: &Path, name: &str) -> String {
    let f = std::fs::File::open(xlsx).expect("xlsx");
    let mut z = zip::ZipArchive::new(f).expect("zip");
    let mut s = String::new();
    z.by_name(name)
        .unwrap_or_else(|_| panic!("{name} in {}", xlsx.display()))
        .read_to_string(&mut s)
        .expect("read part");
    s
}

/// Every opening tag `<name ...>` in an XML text.
pub(crate) fn tags<'a>(xml: &'a str, name: &str) -> Vec<&'a str> {
    let open = format!("<{name}");
    xml.match_indices(&open)
        .filter(|(i, _)| {
            xml[i + open.len()..]
                .chars()
                .next()
                .is_some_and(|c| c == ' ' || c == '>' || c == '/')
        })
        .map(|(i, _)| {
            let end = xml[i..].find('>').expect("tag end");
            &xml[i..=i + end]
        })
        .collect()
}

/// An attribute of a tag.
pub(crate) fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let at = tag.find(&key)? + key.len();
    let end = tag[at..].find('"')?;
    Some(tag[at..at + end].to_string())
}

/// The number format of each cell style (`s` index) of a workbook.
fn formats_by_style(xlsx: &Path) -> Vec<String> {
    let styles = part(xlsx, "xl/styles.xml");
    let custom: Vec<(String, String)> = tags(&styles, "numFmt")
        .iter()
        .map(|t| {
            (
                attr(t, "numFmtId").expect("id"),
                attr(t, "formatCode").expect("code"),
            )
        })
        .collect();
    let xfs = &styles[styles.find("<cellXfs").expect("cellXfs")..];
    tags(xfs, "xf")
        .iter()
        .map(|t| {
            let id = attr(t, "numFmtId").unwrap_or_default();
            custom
                .iter()
                .find(|(i, _)| *i == id)
                .map(|(_, c)| c.clone())
                .unwrap_or(if id == "0" { "General".into() } else { id })
        })
        .collect()
}

/// The number format of the cell at `reference` (e.g. `G12`) of a sheet.
fn cell_format(xlsx: &Path, sheet: usize, reference: &str) -> String {
    let xml = part(xlsx, &format!("xl/worksheets/sheet{sheet}.xml"));
    let c = tags(&xml, "c")
        .into_iter()
        .find(|t| attr(t, "r").as_deref() == Some(reference))
        .unwrap_or_else(|| panic!("cell {reference}"));
    let s: usize = attr(c, "s").map_or(0, |s| s.parse().expect("style"));
    formats_by_style(xlsx)[s].clone()
}

/// `A1`-style reference of a zero-based (row, column).
fn reference(row: usize, col: usize) -> String {
    let mut c = String::new();
    let mut n = col + 1;
    while n > 0 {
        c.insert(0, (b'A' + ((n - 1) % 26) as u8) as char);
        n = (n - 1) / 26;
    }
    format!("{c}{}", row + 1)
}

/// The set height of each row (1-based row number -> points).
pub(crate) fn row_heights(xml: &str) -> Vec<(u32, f64)> {
    tags(xml, "row")
        .iter()
        .filter_map(|t| Some((attr(t, "r")?.parse().ok()?, attr(t, "ht")?.parse().ok()?)))
        .collect()
}

/// The width of every column of a sheet, in character units.
pub(crate) fn column_widths(xml: &str) -> f64 {
    tags(xml, "col")
        .iter()
        .map(|t| {
            let span = attr(t, "max")
                .and_then(|m| m.parse::<f64>().ok())
                .unwrap_or(1.0)
                - attr(t, "min")
                    .and_then(|m| m.parse::<f64>().ok())
                    .unwrap_or(1.0)
                + 1.0;
            span * attr(t, "width")
                .and_then(|w| w.parse::<f64>().ok())
                .unwrap_or(0.0)
        })
        .sum()
}

/// Where `text` is in a sheet read by calamine: (row, column).
fn find(range: &calamine::Range<Data>, text: &str) -> (usize, usize) {
    range
        .cells()
        .find(|(_, _, c)| matches!(c, Data::String(s) if s == text))
        .map(|(r, c, _)| (r, c))
        .unwrap_or_else(|| panic!("'{text}' in the sheet"))
}

#[test]
fn every_xlsx_prints_on_a4_with_page_numbers_header_rows_and_a_chinese_font() {
    let q = quarter();
    for paper in Paper::ALL {
        for zh in [true, false] {
            let f = q.write(paper, PaperFormat::Xlsx, zh);
            let what = format!("{paper:?} zh={zh}");
            let wb = part(&f, "xl/workbook.xml");
            let sheets = tags(&wb, "sheet").len();
            assert!(sheets >= 1, "{what}");
            // A sheet of one table repeats its header as print titles; a sheet
            // of several writes each header again atop its pages
            // (papers_pages.rs), as print titles would land on the others.
            let titles = wb.matches("name=\"_xlnm.Print_Titles\"").count();
            let doc = jifen::export::build(&q.l, paper, &RankScope::Period(q.p), zh).expect("doc");
            let single = doc.pages.iter().filter(|p| p.tables.len() == 1).count();
            assert_eq!(
                titles, single,
                "{what}: print titles on the one-table sheets"
            );
            let footer = if zh {
                "&amp;C第 &amp;P 页 共 &amp;N 页"
            } else {
                "&amp;CPage &amp;P of &amp;N"
            };
            for n in 1..=sheets {
                let xml = part(&f, &format!("xl/worksheets/sheet{n}.xml"));
                let setup = tags(&xml, "pageSetup");
                assert_eq!(
                    attr(setup[0], "paperSize").as_deref(),
                    Some("9"),
                    "{what}: A4"
                );
                assert_eq!(
                    attr(setup[0], "fitToHeight").as_deref(),
                    Some("0"),
                    "{what}"
                );
                // A card counts its own pages (papers_handout.rs).
                let card = paper == Paper::Cards && xml.contains("useFirstPageNumber=\"1\"");
                assert!(
                    card || xml.contains(&format!("<oddFooter>{footer}</oddFooter>")),
                    "{what}"
                );
                // Fitted to the page width, the text is printed at 10 pt or more.
                let room = if attr(setup[0], "orientation").as_deref() == Some("landscape") {
                    146.0
                } else {
                    99.0
                };
                let widths = column_widths(&xml);
                assert!(
                    room / widths >= 10.0 / 11.0 - 1e-9,
                    "{what} sheet {n}: {widths} units of columns on {room}"
                );
                // Every paper ends in signature lines tall enough to sign by hand.
                assert!(
                    row_heights(&xml).iter().any(|(_, h)| *h >= 36.0),
                    "{what} sheet {n}: a signature row"
                );
            }
            let styles = part(&f, "xl/styles.xml");
            for font in tags(&styles, "name") {
                assert_eq!(attr(font, "val").as_deref(), Some("SimSun"), "{what}");
            }
            assert!(
                styles.contains("<charset val=\"134\"/>"),
                "{what}: GB2312 fallback"
            );
            assert!(!styles.contains("0.##"), "{what}: no format shows '89.'");
        }
    }
}

#[test]
fn the_card_xlsx_has_real_dates_and_numbers_tall_wrapped_rows_and_turns_landscape() {
    let q = quarter();
    let f = q.write(Paper::Cards, PaperFormat::Xlsx, true);
    let mut wb = open_workbook_auto(&f).expect("open");
    let names = wb.sheet_names().to_vec();
    let n = names
        .iter()
        .position(|s| s.contains("欧阳娜娜"))
        .expect("her card");
    let range = wb.worksheet_range(&names[n]).expect("sheet");
    let (head, _) = find(&range, "日期");
    // Her items by date, each date a real date, counts and points numbers.
    let speech = head + 1;
    match range.get((speech, 0)) {
        Some(Data::DateTime(d)) => {
            let epoch = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).expect("epoch");
            let day = epoch + chrono::Days::new(d.as_f64() as u64);
            assert_eq!(day.to_string(), "2026-07-15");
        }
        other => panic!("a date cell, got {other:?}"),
    }
    assert!(matches!(
        range.get((speech + 1, 0)),
        Some(Data::DateTime(_))
    ));
    let header: Vec<String> = (0..9)
        .map(|c| {
            range
                .get((head, c))
                .map(|d| d.to_string())
                .unwrap_or_default()
        })
        .collect();
    let col = |name: &str| header.iter().position(|h| h == name).expect(name);
    assert_eq!(range.get((speech, col("次数"))), Some(&Data::Float(1.0)));
    assert_eq!(
        range.get((speech, col("认定分值"))),
        Some(&Data::Float(5.0))
    );
    assert_eq!(
        range.get((speech + 1, col("认定分值"))),
        Some(&Data::Float(0.5))
    );
    assert_eq!(
        range.get((speech, col("级别"))),
        Some(&Data::String("省级".into()))
    );
    // Whole points show as 5, half points as 0.5: never "5." nor "0.50".
    let sheet = n + 1;
    let at = |r: usize, c: usize| cell_format(&f, sheet, &reference(r, c));
    assert_eq!(at(speech, col("认定分值")), "0");
    assert_eq!(at(speech + 1, col("认定分值")), "0.0#");
    assert_eq!(at(speech, col("次数")), "0");
    assert_eq!(at(speech, 0), "yyyy-mm-dd");
    let xml = part(&f, &format!("xl/worksheets/sheet{sheet}.xml"));
    // The long reason wraps: its row is as tall as its lines, not one line.
    let heights = row_heights(&xml);
    let reason_row = heights
        .iter()
        .find(|(r, _)| *r as usize == speech + 2)
        .expect("height of the adjusted item's row")
        .1;
    assert!(
        reason_row >= 3.0 * 14.5,
        "{reason_row}pt for a reason of {} characters",
        LONG_REASON.chars().count()
    );
    let one_line = heights
        .iter()
        .find(|(r, _)| *r as usize == speech + 1)
        .expect("row")
        .1;
    assert!(one_line < 2.0 * 14.5, "{one_line}");
    // Nine columns with a reason that long go landscape; the header repeats.
    let setup = tags(&xml, "pageSetup");
    assert_eq!(attr(setup[0], "orientation").as_deref(), Some("landscape"));
    let wbx = part(&f, "xl/workbook.xml");
    assert!(
        wbx.contains(&format!("!${0}:${0}</definedName>", head + 1)),
        "{wbx}"
    );
    // The signature rows are tall.
    let (sig, _) = find(&range, "本人签字：________________");
    let h = heights
        .iter()
        .find(|(r, _)| *r as usize == sig + 1)
        .expect("row")
        .1;
    assert!(h >= 30.0, "{h}");
}

#[test]
fn a_short_ranking_stays_portrait() {
    let q = quarter();
    let f = q.write(Paper::Notice, PaperFormat::Xlsx, true);
    let xml = part(&f, "xl/worksheets/sheet1.xml");
    assert_eq!(
        attr(tags(&xml, "pageSetup")[0], "orientation").as_deref(),
        Some("portrait")
    );
    let mut wb = open_workbook_auto(&f).expect("open");
    let range = wb.worksheet_range("公示表").expect("sheet");
    let (head, name) = find(&range, "姓名");
    let score = (0..10)
        .find(|c| range.get((head, *c)) == Some(&Data::String("得分".into())))
        .expect("score column");
    let ou = (head + 1..head + 3)
        .find(|r| range.get((*r, name)) == Some(&Data::String("欧阳娜娜".into())))
        .expect("her row");
    assert_eq!(range.get((ou, score)), Some(&Data::Float(85.5)));
    assert_eq!(
        range.get((ou, 0)),
        Some(&Data::Float(1.0)),
        "rank is a number"
    );
    assert_eq!(cell_format(&f, 1, &reference(ou, score)), "0.0#");
}

/// The HTML of a paper.
fn html(q: &Quarter, paper: Paper, zh: bool) -> String {
    std::fs::read_to_string(q.write(paper, PaperFormat::Html, zh)).expect("html")
}

#[test]
fn every_html_paper_prints_a4_with_page_numbers_and_keeps_the_seal_with_the_signatures() {
    let q = quarter();
    for paper in Paper::ALL {
        for zh in [true, false] {
            let h = html(&q, paper, zh);
            let what = format!("{paper:?} zh={zh}");
            assert!(
                h.contains("@page { size: A4 portrait; margin: 15mm 12mm 18mm;"),
                "{what}"
            );
            let numbers = if zh {
                "@bottom-center { content: \"第 \" counter(page) \" 页 共 \" counter(pages) \" 页\";"
            } else {
                "@bottom-center { content: \"Page \" counter(page) \" of \" counter(pages) \"\";"
            };
            assert!(h.contains(numbers), "{what}: page numbers");
            assert!(h.contains(".close { break-inside: avoid;"), "{what}");
            // On every page the seal and the check follow the signatures inside
            // the block kept whole.
            for section in h.split("<section").skip(1) {
                let close = section.find("<div class=\"close\">").expect("close block");
                let sign = section.find("<div class=\"sign\">").expect("signatures");
                assert!(close < sign, "{what}");
                if let Some(seal) = section.find("<div class=\"seal\">") {
                    assert!(sign < seal, "{what}");
                }
                assert!(section[close..].contains("</div>\n</section>"), "{what}");
            }
        }
    }
}

#[test]
fn html_columns_keep_dates_and_types_on_one_line_and_wide_cards_turn_landscape() {
    let q = quarter();
    let h = html(&q, Paper::Cards, true);
    assert!(h.contains("<td class=\"date\">2026-07-15</td>"), "{h}");
    assert!(h.contains("<td class=\"short\">加分</td>"));
    assert!(h.contains("<td class=\"short\">省级</td>"));
    assert!(h.contains("td.date, td.short { white-space: nowrap;"));
    assert!(h.contains("@page wide { size: A4 landscape;"));
    // Her card has the long reason: landscape; every table sets its columns.
    let hers = h
        .split("<section")
        .skip(1)
        .find(|s| s.contains("欧阳娜娜"))
        .expect("her card");
    assert!(
        hers.starts_with(" class=\"page wide card\""),
        "{}",
        &hers[..40]
    );
    assert!(hers.contains("<colgroup><col style=\"width:"));
    // The date column is never narrower than a date needs.
    let cols: Vec<f64> = hers
        .split("<col style=\"width: ")
        .skip(1)
        .map(|c| c[..c.find('%').expect("%")].parse().expect("share"))
        .collect();
    assert_eq!(cols.len(), 10);
    assert!((cols.iter().sum::<f64>() - 100.0).abs() < 0.5);
    let notice = html(&q, Paper::Notice, true);
    assert!(
        notice.contains("<section class=\"page\">"),
        "a short ranking stays portrait"
    );
}

#[test]
fn every_level_of_every_scheme_reaches_a_chinese_card_in_chinese() {
    let dir =
        std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/data/schemes")).expect("schemes");
    let mut seen = std::collections::BTreeSet::new();
    for f in dir {
        let path = f.expect("entry").path();
        let id = path
            .file_stem()
            .expect("stem")
            .to_string_lossy()
            .into_owned();
        let (tmp, _db, mut l) = ledger(&id);
        // Each scheme's own period length: a quarter, a half-year or the year.
        let period = ["2026Q3", "2026H2", "2026"]
            .into_iter()
            .find(|p| l.open_period(p).is_ok())
            .expect("a period opens");
        let m = member(&mut l, "欧阳娜娜", Category::Full, None);
        let items: Vec<(String, String)> = l
            .scheme()
            .items
            .iter()
            .flat_map(|i| {
                i.levels
                    .iter()
                    .flat_map(|lv| lv.keys())
                    .map(|k| (i.code.clone(), k.clone()))
                    .collect::<Vec<_>>()
            })
            .collect();
        for (item, level) in &items {
            let mut d = ClaimDraft::new(m, item.as_str());
            d.level = Some(level.clone());
            d.period = Some(period.into());
            l.add_claim(&d)
                .unwrap_or_else(|e| panic!("{id} {item} {level}: {e}"));
        }
        let out = tmp.path().join("p");
        let scope = RankScope::Period(period.parse().expect("p"));
        let f = export(&l, Paper::Cards, &scope, PaperFormat::Csv, &out, true).expect("cards");
        let rows = csv_records(&f);
        let col = rows[0]
            .iter()
            .position(|h| h == "级别")
            .expect("level column");
        let printed: Vec<&String> = rows[1..]
            .iter()
            .take_while(|r| r.len() > col)
            .map(|r| &r[col])
            .collect();
        assert_eq!(printed.len(), items.len(), "{id}");
        for ((_, code), word) in items.iter().zip(printed) {
            assert!(
                !word.is_empty() && !word.chars().any(|c| c.is_ascii_alphabetic()),
                "{id}: level {code} printed as '{word}'"
            );
            seen.insert((code.clone(), word.clone()));
        }
    }
    for (code, zh) in [("province", "省级"), ("city", "市级"), ("unit", "单位")] {
        assert!(
            seen.contains(&(code.to_string(), zh.to_string())),
            "{code} as {zh}: {seen:?}"
        );
    }
}

/// The value of the line `key` of a card's CSV (the lines after the table).
fn line<'a>(rows: &'a [Vec<String>], from: usize, key: &str) -> &'a str {
    rows[from..]
        .iter()
        .find(|r| r.len() == 2 && r[0] == key)
        .map(|r| r[1].as_str())
        .unwrap_or_else(|| panic!("line {key}"))
}

#[test]
fn a_card_adds_up_base_bonus_and_deductions_to_the_total_and_names_branch_deadline_and_secretary() {
    let q = quarter();
    let rows = csv_records(&q.write(Paper::Cards, PaperFormat::Csv, true));
    let hers = rows
        .iter()
        .position(|r| r.len() == 2 && r[0] == "姓名" && r[1] == "欧阳娜娜")
        .expect("her card");
    let num = |k: &str| {
        line(&rows, hers, k)
            .parse::<f64>()
            .unwrap_or_else(|_| panic!("{k}"))
    };
    // bureau-80: 80 + 5 (speech) + 0.5 (adjusted article) - 0 = 85.5.
    assert_eq!(num("基础分"), 80.0);
    assert_eq!(num("加分小计"), 5.5);
    assert_eq!(num("减分小计"), 0.0);
    assert_eq!(
        num("基础分") + num("加分小计") - num("减分小计"),
        num("合计得分")
    );
    assert_eq!(num("合计得分"), 85.5);
    assert_eq!(line(&rows, hers, "党支部"), "测试支部");
    let end =
        q.l.publication(&q.p, jifen::domain::calendar::today())
            .expect("publication")
            .window_end
            .expect("window");
    assert_eq!(line(&rows, hers, "申诉截止日期"), end.to_string());
    // Her items by date, each with its note.
    let items: Vec<&Vec<String>> = rows
        .iter()
        .filter(|r| r[0] == "欧阳娜娜" && r.len() > 3)
        .collect();
    assert!(items[0][1] < items[1][1], "in date order");
    let note = rows[0]
        .iter()
        .position(|h| h == "备注")
        .expect("note column");
    assert_eq!(items[0][note], "'=1+2 在省委宣讲");
    let html = html(&q, Paper::Cards, true);
    let card = html
        .split("<section")
        .skip(1)
        .find(|s| s.contains("欧阳娜娜"))
        .expect("card");
    assert!(card.contains("本人签字") && card.contains("支部书记签字"));
}

#[test]
fn the_notice_states_its_basis_dates_and_secretary_and_the_summary_its_base() {
    let q = quarter();
    let h = html(&q, Paper::Notice, true);
    assert!(h.contains("根据《"), "the basis");
    assert!(h.contains("支部委员会逐项审核"), "the procedure");
    assert!(h.contains("<dt>公示期</dt>"));
    assert!(h.contains("支部书记签字"));
    let rows = csv_records(&q.write(Paper::Summary, PaperFormat::Csv, true));
    let base = rows[0]
        .iter()
        .position(|h| h == "基础分")
        .expect("基础分 column");
    assert!(rows[1..3].iter().all(|r| r[base] == "80"), "{rows:?}");
}
