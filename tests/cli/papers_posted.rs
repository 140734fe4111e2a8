//! What a posted paper (公示表, 汇总公示卡) may carry, and the CSV a
//! spreadsheet sorts safely: no 处置, no signatures, no appellant's name or
//! words on the wall; cells a spreadsheet would run kept as text.

use super::papers_print::quarter;
use crate::common::{ledger, member};
use jifen::app::{ClaimDraft, RankScope};
use jifen::domain::model::{Category, Outcome, PeriodId};
use jifen::export::{export, Paper, PaperFormat};
use std::path::Path;

/// Everything a reader sees in a paper of the demo, in all three formats.
fn demo_texts(d: &crate::export_papers::Demo, paper: Paper, scope: &RankScope) -> Vec<String> {
    use crate::export_papers::{csv_rows, write, xlsx_cells};
    let csv = csv_rows(&write(d, paper, scope, PaperFormat::Csv))
        .concat()
        .join("|");
    let xlsx = xlsx_cells(&write(d, paper, scope, PaperFormat::Xlsx))
        .into_iter()
        .flat_map(|(_, rows)| rows.concat())
        .collect::<Vec<_>>()
        .join("|");
    let html = std::fs::read_to_string(write(d, paper, scope, PaperFormat::Html)).expect("html");
    vec![csv, xlsx, html]
}

#[test]
fn posted_papers_carry_no_follow_up_actions_nor_who_signed() {
    let d = crate::export_papers::demo();
    let year = RankScope::Year(2026);
    let r = d.l.ranking(&year).expect("year");
    let actions: Vec<String> = r
        .rows
        .iter()
        .flat_map(|x| x.actions.iter())
        .map(|a| {
            d.l.scheme()
                .action(a)
                .map(|x| x.name_in(true).to_string())
                .expect("action")
        })
        .collect();
    assert!(
        !actions.is_empty(),
        "the demo's year has 处置 to keep off the wall"
    );
    let q3 = RankScope::Period(crate::export_papers::q3());
    // ("有异议" is also in "如有异议", how to object: the status words are enough.)
    let private = ["处置", "签字确认", "已签字", "未签字", "本人确认"];
    for (paper, scope) in [
        (Paper::Notice, &year),
        (Paper::Notice, &q3),
        (Paper::Summary, &q3),
    ] {
        for (i, text) in demo_texts(&d, paper, scope).iter().enumerate() {
            let what = format!("{paper:?} {scope} format {i}");
            for w in private.iter().map(|s| s.to_string()).chain(actions.clone()) {
                assert!(!text.contains(&w), "{what} shows '{w}'");
            }
        }
    }
    // The filing to the committee keeps each member's sign-off.
    for text in demo_texts(&d, Paper::Filing, &q3) {
        assert!(text.contains("签字确认") && text.contains("已签字"));
    }
}

/// A CSV's records without the BOM.
pub(crate) fn csv_records(path: &Path) -> Vec<Vec<String>> {
    let bytes = std::fs::read(path).expect("read");
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(&bytes[3..])
        .records()
        .map(|r| r.expect("record").iter().map(String::from).collect())
        .collect()
}

#[test]
fn a_csv_is_one_header_row_then_its_table_then_a_blank_row_then_title_and_seal() {
    let q = quarter();
    let seal =
        q.l.period_row(&q.p)
            .expect("row")
            .expect("row")
            .seal
            .expect("seal");
    for paper in Paper::ALL {
        let rows = csv_records(&q.write(paper, PaperFormat::Csv, true));
        let what = format!("{paper:?}");
        let blank = rows
            .iter()
            .position(|r| r.iter().all(String::is_empty))
            .unwrap_or_else(|| panic!("{what}: a blank row after the table"));
        let width = rows[0].len();
        assert!(width >= 2, "{what}: {:?}", rows[0]);
        // Every table row has the header's columns, so a spreadsheet sorts them.
        for r in &rows[1..blank] {
            assert_eq!(r.len(), width, "{what}: {r:?}");
        }
        assert!(
            rows[blank + 1][0].contains("党"),
            "{what}: the title after the blank row"
        );
        assert!(
            rows[blank..].iter().any(|r| r.contains(&seal)),
            "{what}: the seal in the trailing rows"
        );
        assert!(!rows[..blank].iter().flatten().any(|c| *c == seal));
    }
    // The cards: one sortable list of every member's items, the name in front.
    let rows = csv_records(&q.write(Paper::Cards, PaperFormat::Csv, true));
    assert_eq!(&rows[0][..3], ["姓名", "日期", "项目"]);
    let hers: Vec<&Vec<String>> = rows
        .iter()
        .filter(|r| r[0] == "欧阳娜娜" && r.len() > 3)
        .collect();
    assert_eq!(hers.len(), 2);
    assert_eq!(hers[0][1], "2026-07-15");
    assert_eq!(hers[1][7], "0.5", "the points a number");
}

#[test]
fn csv_cells_a_spreadsheet_would_run_are_written_as_text_but_negative_points_stay_numbers() {
    let (dir, _path, mut l) = ledger("bureau-80");
    let p: PeriodId = "2026Q3".parse().expect("period");
    l.open_period("2026Q3").expect("open");
    let m = member(&mut l, "=HYPERLINK(\"x\")", Category::Full, None);
    let mut d = ClaimDraft::new(m, "discipline.absence");
    d.note = Some("@SUM(A1:A9)".into());
    d.period = Some("2026Q3".into());
    let c = l.add_claim(&d).expect("claim");
    l.verdict(c, Outcome::Approved, None, Some("+1 未请假"))
        .expect("approve");
    l.confirm(m, &p, Some("-1 有误")).expect("dispute");
    l.lock(&p).expect("lock");
    // An upheld appeal takes the point back: a correction of -1.
    let on = l
        .publication(&p, jifen::domain::calendar::today())
        .expect("publication")
        .locked_on
        .expect("locked");
    let a = l
        .file_appeal(m, &p, Some("discipline.absence"), "=已请假", on)
        .expect("file");
    l.reply_appeal(
        a,
        jifen::app::appeals::AppealOutcome::Upheld,
        "属实",
        Some(("discipline.absence", -1.0)),
        on,
    )
    .expect("uphold");
    let out = dir.path().join("papers");
    let scope = RankScope::Period(p);
    let mut seen = std::collections::HashSet::new();
    let mut negative = false;
    for paper in Paper::ALL {
        let f = export(&l, paper, &scope, PaperFormat::Csv, &out, true).expect("export");
        for cell in csv_records(&f).concat() {
            assert!(
                !cell.starts_with(['=', '+', '@']),
                "{paper:?}: '{cell}' would run in a spreadsheet"
            );
            if cell.starts_with('-') {
                assert!(
                    cell.parse::<f64>().is_ok(),
                    "{paper:?}: '{cell}' is text starting with '-'"
                );
                negative |= cell == "-1";
            }
            for s in ["'=HYPERLINK(\"x\")", "'+1 未请假", "'-1 有误", "'=已请假"] {
                if cell == s {
                    seen.insert(s);
                }
            }
        }
    }
    assert_eq!(
        seen.len(),
        4,
        "the name, the reason, the dispute and the appeal, kept as text: {seen:?}"
    );
    assert!(negative, "the upheld appeal's correction, -1, a number");
}

#[test]
fn the_posted_summary_counts_appeals_without_naming_or_quoting_them() {
    let (dir, _path, mut l) = ledger("bureau-80");
    let p: PeriodId = "2026Q3".parse().expect("period");
    l.open_period("2026Q3").expect("open");
    let m = member(&mut l, "李申诉", Category::Full, None);
    member(&mut l, "王平", Category::Full, None);
    let mut d = ClaimDraft::new(m, "discipline.absence");
    d.period = Some("2026Q3".into());
    let c = l.add_claim(&d).expect("claim");
    l.verdict(c, Outcome::Approved, None, Some("缺席"))
        .expect("approve");
    l.lock(&p).expect("lock");
    let on = l
        .publication(&p, jifen::domain::calendar::today())
        .expect("publication")
        .locked_on
        .expect("locked");
    let upheld = l
        .file_appeal(m, &p, Some("discipline.absence"), "当天出差已请假", on)
        .expect("file");
    l.reply_appeal(
        upheld,
        jifen::app::appeals::AppealOutcome::Upheld,
        "经核实属实",
        Some(("discipline.absence", -1.0)),
        on,
    )
    .expect("uphold");
    l.file_appeal(m, &p, None, "另有一事待查", on)
        .expect("second appeal");
    let out = dir.path().join("papers");
    let scope = RankScope::Period(p);
    for f in [PaperFormat::Csv, PaperFormat::Html, PaperFormat::Xlsx] {
        let summary = export(&l, Paper::Summary, &scope, f, &out, true).expect("summary");
        let text = match f {
            PaperFormat::Xlsx => crate::export_papers::xlsx_cells(&summary)
                .into_iter()
                .flat_map(|(_, rows)| rows.concat())
                .collect::<Vec<_>>()
                .join("|"),
            _ => std::fs::read_to_string(&summary).expect("read"),
        };
        for private in ["当天出差已请假", "经核实属实", "另有一事待查"] {
            assert!(!text.contains(private), "{f:?}: the wall shows '{private}'");
        }
        assert!(
            text.contains("共 2 件：更正 1 件，维持原结果 0 件，办理中 1 件"),
            "{f:?}: the room still learns how the appeals stand"
        );
        // The committee's filing carries each appeal in full.
        let filing = export(&l, Paper::Filing, &scope, f, &out, true).expect("filing");
        if f != PaperFormat::Xlsx {
            let text = std::fs::read_to_string(&filing).expect("read");
            assert!(text.contains("当天出差已请假") && text.contains("李申诉"));
        }
    }
}
