//! Each paper in each format, read back: CSV (BOM, parsed by `csv`), XLSX (read
//! by `calamine`), HTML (every member, every total, the seal), on the demo branch.

use calamine::{open_workbook_auto, Data, Reader};
use jifen::app::appeals::AppealOutcome;
use jifen::app::{Ledger, RankScope, Ranking};
use jifen::domain::model::{fmt_points, PeriodId};
use jifen::export::{export, Paper, PaperFormat};
use std::path::{Path, PathBuf};

pub(crate) struct Demo {
    _dir: tempfile::TempDir,
    pub(crate) out: PathBuf,
    pub(crate) l: Ledger,
    seal: String,
}

pub(crate) fn q3() -> PeriodId {
    "2026Q3".parse().expect("period")
}

/// The demo with an upheld appeal (so a corrected score shows) and a dismissed one.
pub(crate) fn demo() -> Demo {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("demo.sqlite");
    let mut l = jifen::dev::demo::write_demo(&path).expect("demo");
    let on = l
        .publication(&q3(), jifen::domain::calendar::today())
        .expect("pub")
        .locked_on
        .expect("locked");
    let m = l.find_member("沈从文").expect("member").id;
    let a = l
        .file_appeal(m, &q3(), Some("discipline.absence"), "已请假", on)
        .expect("file");
    l.reply_appeal(
        a,
        AppealOutcome::Upheld,
        "属实，撤销扣分",
        Some(("discipline.absence", -1.0)),
        on,
    )
    .expect("uphold");
    let w = l.find_member("王建国").expect("member").id;
    let b = l.file_appeal(w, &q3(), None, "排名有误", on).expect("file");
    l.reply_appeal(b, AppealOutcome::Dismissed, "经核无误", None, on)
        .expect("dismiss");
    let seal = l
        .period_row(&q3())
        .expect("row")
        .expect("row")
        .seal
        .expect("seal");
    let out = dir.path().join("papers");
    Demo {
        _dir: dir,
        out,
        l,
        seal,
    }
}

fn ranking(l: &Ledger) -> Ranking {
    l.ranking(&RankScope::Period(q3())).expect("ranking")
}

pub(crate) fn write(d: &Demo, paper: Paper, scope: &RankScope, f: PaperFormat) -> PathBuf {
    let p = export(&d.l, paper, scope, f, &d.out, true).expect("export");
    assert!(p.exists());
    p
}

/// CSV records after checking and dropping the BOM.
pub(crate) fn csv_rows(path: &Path) -> Vec<Vec<String>> {
    let bytes = std::fs::read(path).expect("read");
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF", "UTF-8 BOM for Excel and WPS");
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(&bytes[3..]);
    r.records()
        .map(|x| x.expect("record").iter().map(String::from).collect())
        .collect()
}

/// Every cell of every sheet as text, by sheet.
pub(crate) fn xlsx_cells(path: &Path) -> Vec<(String, Vec<Vec<String>>)> {
    let mut wb = open_workbook_auto(path).expect("open xlsx");
    let names = wb.sheet_names().to_vec();
    names
        .into_iter()
        .map(|n| {
            let range = wb.worksheet_range(&n).expect("sheet");
            let rows = range
                .rows()
                .map(|r| {
                    r.iter()
                        .map(|c| match c {
                            Data::String(s) => s.clone(),
                            Data::Float(f) => fmt_points(*f),
                            Data::Int(i) => i.to_string(),
                            Data::Empty => String::new(),
                            other => other.to_string(),
                        })
                        .collect()
                })
                .collect();
            (n, rows)
        })
        .collect()
}

/// The table rows whose name column holds a member, as (name, score) from
/// the header's columns, over every ranking table (members, then activists).
fn scores_from(rows: &[Vec<String>], score_col: &str) -> Vec<(String, String)> {
    let heads: Vec<usize> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.iter().any(|c| c == "姓名") && r.iter().any(|c| c == score_col))
        .map(|(i, _)| i)
        .collect();
    assert!(!heads.is_empty(), "no header with 姓名 and {score_col}");
    let mut out = Vec::new();
    for h in heads {
        let name = rows[h].iter().position(|c| c == "姓名").expect("name col");
        let score = rows[h]
            .iter()
            .position(|c| c == score_col)
            .expect("score col");
        out.extend(
            rows[h + 1..]
                .iter()
                .take_while(|r| r.len() > score && r[0].parse::<f64>().is_ok())
                .map(|r| (r[name].clone(), r[score].clone())),
        );
    }
    out
}

fn assert_every_member(r: &Ranking, got: &[(String, String)]) {
    assert_eq!(got.len(), r.rows.len(), "one line per member");
    for x in &r.rows {
        assert!(
            got.iter()
                .any(|(n, s)| **n == *x.name && *s == fmt_points(x.score)),
            "{} with {} missing",
            x.name,
            fmt_points(x.score)
        );
    }
}

#[test]
fn notice_csv_xlsx_html_carry_every_member_and_the_corrected_score() {
    let d = demo();
    let r = ranking(&d.l);
    let shen = r
        .rows
        .iter()
        .find(|x| &*x.name == "沈从文")
        .expect("ranked");
    let locked = jifen::store::queries::lock_totals(
        &jifen::store::open_ro(d.l.path()).expect("db"),
        d.l.branch().id,
        "2026Q3",
    )
    .expect("totals");
    let locked_shen = locked
        .iter()
        .find(|t| t.0 == shen.member_id)
        .expect("locked")
        .1;
    assert_eq!(
        shen.score,
        locked_shen + 1.0,
        "the notice shows the corrected score"
    );
    let scope = RankScope::Period(q3());

    let rows = csv_rows(&write(&d, Paper::Notice, &scope, PaperFormat::Csv));
    assert!(rows[0].iter().any(|c| c == "姓名"), "one header row first");
    assert!(
        rows.iter().any(|r| r[0].contains("公示表")),
        "the title below the table"
    );
    assert_every_member(&r, &scores_from(&rows, "得分"));
    assert!(
        rows.iter().any(|x| x.iter().any(|c| c == &d.seal)),
        "seal row"
    );
    assert!(rows
        .iter()
        .any(|x| x.first().is_some_and(|c| c == "公示期")));

    let sheets = xlsx_cells(&write(&d, Paper::Notice, &scope, PaperFormat::Xlsx));
    assert_eq!(sheets.len(), 1);
    assert_every_member(&r, &scores_from(&sheets[0].1, "得分"));
    assert!(sheets[0].1.iter().flatten().any(|c| c == &d.seal));

    let html =
        std::fs::read_to_string(write(&d, Paper::Notice, &scope, PaperFormat::Html)).expect("html");
    assert!(html.contains("size: A4"));
    for x in &r.rows {
        assert!(
            html.contains(&format!("<td class=\"short\">{}</td>", x.name)),
            "{}",
            x.name
        );
        assert!(html.contains(&format!("<td class=\"num\">{}</td>", fmt_points(x.score))));
    }
    assert!(html.contains(&d.seal));
}

#[test]
fn year_notice_has_the_quarters_side_by_side() {
    let d = demo();
    let y = RankScope::Year(2026);
    let r = d.l.ranking(&y).expect("year");
    let rows = csv_rows(&write(&d, Paper::Notice, &y, PaperFormat::Csv));
    assert!(rows.iter().any(|r| r[0].contains("2026年度")));
    let head = rows
        .iter()
        .find(|x| x.iter().any(|c| c == "年度得分"))
        .expect("header");
    assert!(head.iter().any(|c| c == "第三季度") && head.iter().any(|c| c == "第四季度"));
    assert_every_member(&r, &scores_from(&rows, "年度得分"));
    let sheets = xlsx_cells(&write(&d, Paper::Notice, &y, PaperFormat::Xlsx));
    assert_every_member(&r, &scores_from(&sheets[0].1, "年度得分"));
    let html =
        std::fs::read_to_string(write(&d, Paper::Notice, &y, PaperFormat::Html)).expect("html");
    assert!(html.contains(&d.seal), "the locked quarter's seal");
    for x in &r.rows {
        assert!(html.contains(&*x.name));
    }
}

#[test]
fn cards_one_per_member_with_items_verdicts_and_total() {
    let d = demo();
    let r = ranking(&d.l);
    let scope = RankScope::Period(q3());
    let sheets = xlsx_cells(&write(&d, Paper::Cards, &scope, PaperFormat::Xlsx));
    assert_eq!(sheets.len(), r.rows.len(), "one sheet per member");
    let claims =
        d.l.claims(&jifen::app::ClaimFilter {
            period: Some("2026Q3".into()),
            ..Default::default()
        })
        .expect("claims");
    for x in &r.rows {
        let (_, cells) = sheets
            .iter()
            .find(|(n, _)| n.starts_with(&format!("{} ", x.member_id)))
            .unwrap_or_else(|| panic!("sheet of {}", x.name));
        let flat: Vec<&String> = cells.iter().flatten().collect();
        assert!(flat.iter().any(|c| c.contains(&*x.name)));
        let total = cells
            .iter()
            .find(|r| r.first().is_some_and(|c| c == "合计得分"))
            .expect("total row");
        assert_eq!(total[1], fmt_points(x.score));
        let mine = claims.iter().filter(|c| c.member_id == x.member_id).count();
        let header = cells
            .iter()
            .position(|r| r.first().is_some_and(|c| c == "日期"))
            .expect("items header");
        let lines = cells[header + 1..]
            .iter()
            .take_while(|r| r.len() >= 8 && !r[7].is_empty())
            .count();
        assert_eq!(lines, mine, "every recorded item of {}", x.name);
    }
    let shen = sheets
        .iter()
        .find(|(n, _)| n.contains("沈从文"))
        .expect("sheet");
    assert!(
        shen.1.iter().flatten().any(|c| c == "申诉更正"),
        "the correction is on the card"
    );

    let html =
        std::fs::read_to_string(write(&d, Paper::Cards, &scope, PaperFormat::Html)).expect("html");
    assert_eq!(html.matches("<section class=\"page").count(), r.rows.len());
    assert!(html.contains("本人签字"));
    let rows = csv_rows(&write(&d, Paper::Cards, &scope, PaperFormat::Csv));
    for x in &r.rows {
        assert!(rows
            .iter()
            .any(|row| row.len() == 2 && row[0] == "姓名" && *row[1] == *x.name));
    }
}

#[test]
fn summary_and_filing_carry_the_seal_that_verify_accepts() {
    let d = demo();
    let r = ranking(&d.l);
    let scope = RankScope::Period(q3());
    for paper in [Paper::Summary, Paper::Filing] {
        let rows = csv_rows(&write(&d, paper, &scope, PaperFormat::Csv));
        assert_every_member(&r, &scores_from(&rows, "得分"));
        let seal = rows
            .iter()
            .find(|x| x.first().is_some_and(|c| c == "封存码") && x.len() == 2)
            .map(|x| x[1].clone())
            .expect("seal in meta");
        let report = jifen::app::verify(d.l.path(), Some(&seal)).expect("the receiver's check");
        assert_eq!(report.seal_matched.as_deref(), Some("2026Q3"));

        let sheets = xlsx_cells(&write(&d, paper, &scope, PaperFormat::Xlsx));
        assert_every_member(&r, &scores_from(&sheets[0].1, "得分"));
        assert!(sheets[0].1.iter().flatten().any(|c| c == &d.seal));

        let html =
            std::fs::read_to_string(write(&d, paper, &scope, PaperFormat::Html)).expect("html");
        for x in &r.rows {
            assert!(html.contains(&format!("<td class=\"short\">{}</td>", x.name)));
            assert!(html.contains(&format!("<td class=\"num\">{}</td>", fmt_points(x.score))));
        }
        assert!(html.contains(&format!("jifen verify --seal {}", d.seal)));
    }
    let filing = std::fs::read_to_string(d.out.join("filing-2026Q3.html")).expect("filing");
    assert!(filing.contains("备案"));
    assert!(
        filing.contains("经核无误") && filing.contains("属实，撤销扣分"),
        "appeals listed"
    );
    assert!(filing.contains("支部书记签字"));
}

#[test]
fn minutes_record_date_attendance_decisions_disputes_and_lock() {
    let d = demo();
    let scope = RankScope::Period(q3());
    let row = d.l.period_row(&q3()).expect("row").expect("row");
    let day = row
        .locked_at
        .as_deref()
        .and_then(|s| s.get(..10))
        .expect("day")
        .to_string();
    let html = std::fs::read_to_string(write(&d, Paper::Minutes, &scope, PaperFormat::Html))
        .expect("html");
    assert!(html.contains("会议记录"));
    assert!(html.contains(&day));
    assert!(html.contains("缺勤已补假条,不应扣分"), "the demo's dispute");
    assert!(html.contains(&d.seal));
    assert!(html.contains("应到"));
    let rows = csv_rows(&write(&d, Paper::Minutes, &scope, PaperFormat::Csv));
    let claims =
        d.l.claims(&jifen::app::ClaimFilter {
            period: Some("2026Q3".into()),
            ..Default::default()
        })
        .expect("claims");
    let approved = claims
        .iter()
        .filter(|c| c.status == jifen::domain::model::ClaimStatus::Approved)
        .count();
    assert!(rows
        .iter()
        .any(|r| r.len() == 2 && r[0] == "通过" && r[1] == approved.to_string()));
    let sheets = xlsx_cells(&write(&d, Paper::Minutes, &scope, PaperFormat::Xlsx));
    assert!(sheets[0]
        .1
        .iter()
        .flatten()
        .any(|c| c.contains("缺勤已补假条")));
}

#[test]
fn english_papers_and_refusals() {
    let d = demo();
    let scope = RankScope::Period(q3());
    let p = export(
        &d.l,
        Paper::Notice,
        &scope,
        PaperFormat::Html,
        &d.out,
        false,
    )
    .expect("en");
    let html = std::fs::read_to_string(p).expect("html");
    assert!(html.contains("publication notice") && html.contains("lang=\"en\""));
    let q4 = RankScope::Period("2026Q4".parse().expect("p"));
    assert!(
        export(&d.l, Paper::Filing, &q4, PaperFormat::Csv, &d.out, true).is_err(),
        "Q4 has no seal yet"
    );
    assert!(export(&d.l, Paper::Summary, &q4, PaperFormat::Csv, &d.out, true).is_err());
    assert!(export(
        &d.l,
        Paper::Summary,
        &RankScope::Year(2026),
        PaperFormat::Csv,
        &d.out,
        true
    )
    .is_err());
    assert!("memo".parse::<Paper>().is_err());
    assert!("pdf".parse::<PaperFormat>().is_err());
}
