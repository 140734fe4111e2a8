//! `jifen redeem` and `jifen balance` (积分兑换) driven as a script would,
//! and the redemption list paper (兑换登记表) read back from CSV and XLSX.

use crate::common::cli::{jifen, ok};
use calamine::{open_workbook_auto, Data, Reader};
use std::path::Path;

/// 张伟 earns 5 (province speech) + 1 (blood donation) and loses 1 (dues,
/// a deduction, not earned); 欧阳娜娜 earns nothing.
fn branch(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("b.sqlite");
    ok(
        &db,
        &["init", "--branch", "社区党支部", "--scheme", "bureau-80"],
    );
    ok(&db, &["member", "add", "张伟"]);
    ok(
        &db,
        &["member", "add", "欧阳娜娜", "--category", "probationary"],
    );
    ok(&db, &["period", "open", "2026Q4"]);
    for (item, level) in [
        ("work.speech", Some("province")),
        ("other.blood", None),
        ("discipline.dues", None),
    ] {
        let mut args = vec!["claim", "add", "张伟", item];
        if let Some(l) = level {
            args.extend(["--level", l]);
        }
        let id = ok(&db, &args).trim().to_string();
        ok(&db, &["verdict", &id, "approve"]);
    }
    db
}

fn json(db: &Path, args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&ok(db, args)).expect("json")
}

fn events(db: &Path) -> i64 {
    let c = rusqlite::Connection::open(db).expect("open");
    c.query_row("SELECT count(*) FROM event", [], |r| r.get(0))
        .expect("count")
}

#[test]
fn redeem_prints_the_balance_before_and_after_and_refuses_beyond_it() {
    let dir = tempfile::tempdir().expect("dir");
    let db = branch(dir.path());
    let rank_before = ok(&db, &["rank", "--format", "json"]);
    let out = ok(&db, &["redeem", "张伟", "gift.soap", "--count", "2"]);
    assert_eq!(
        out.trim(),
        "张伟 redeemed 2 x Bar of soap for 6 points; balance 6 -> 0"
    );
    assert_eq!(out.lines().count(), 1);
    // Beyond the balance: exit 1, said in words, nothing written.
    let n = events(&db);
    let o = jifen(&db, &["redeem", "张伟", "gift.tissue"]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("costs 2 points, balance is 0; nothing redeemed"),
        "{err}"
    );
    assert!(o.stdout.is_empty());
    assert_eq!(events(&db), n);
    let o = jifen(&db, &["redeem", "欧阳娜娜", "热水壶"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(events(&db), n);
    // Chinese, by the Chinese title.
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_jifen"));
    let o = cmd
        .arg("--db")
        .arg(&db)
        .args(["--lang", "zh", "redeem", "张伟", "抽纸(一卷)"])
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&o.stderr).trim(),
        "jifen: 张伟 积分余额 0 分, 兑换 抽纸(一卷) 1 件需 2 分: 余额不足, 未兑换"
    );
    // A gift nobody has: the Chinese refusal lists the gifts by their titles.
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_jifen"))
        .arg("--db")
        .arg(&db)
        .args(["--lang", "zh", "redeem", "张伟", "毛巾"])
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(1));
    let said = String::from_utf8_lossy(&o.stderr);
    assert!(said.contains("没有奖品「毛巾」"), "{said}");
    assert!(said.contains("抽纸(一卷)(gift.tissue)"), "{said}");
    assert_eq!(events(&db), n);
    // Spending moved no score, rank or grade.
    assert_eq!(ok(&db, &["rank", "--format", "json"]), rank_before);
}

#[test]
fn balance_and_statement_show_earned_spent_and_balance() {
    let dir = tempfile::tempdir().expect("dir");
    let db = branch(dir.path());
    ok(
        &db,
        &["redeem", "张伟", "gift.tissue", "--period", "2026Q4"],
    );
    let all = json(&db, &["balance", "--format", "json"]);
    let rows: Vec<(String, f64, f64, f64)> = all
        .as_array()
        .expect("array")
        .iter()
        .map(|r| {
            (
                r["member"].as_str().expect("member").to_string(),
                r["earned"].as_f64().expect("earned"),
                r["spent"].as_f64().expect("spent"),
                r["balance"].as_f64().expect("balance"),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("张伟".to_string(), 6.0, 2.0, 4.0),
            ("欧阳娜娜".to_string(), 0.0, 0.0, 0.0)
        ]
    );
    let one = json(&db, &["balance", "张伟", "--format", "json"]);
    assert_eq!(one.as_array().map(Vec::len), Some(1));
    let csv = ok(&db, &["balance", "--format", "csv"]);
    assert_eq!(
        csv.lines().next(),
        Some("member_id,member,earned,spent,balance")
    );
    let st = json(&db, &["statement", "张伟", "--format", "json"]);
    assert_eq!(
        (
            st["earned"].as_f64(),
            st["spent"].as_f64(),
            st["balance"].as_f64()
        ),
        (Some(6.0), Some(2.0), Some(4.0))
    );
    // Undo like any action.
    let out = ok(&db, &["undo"]);
    assert!(
        out.contains("redemption of 1 x Roll of tissue by 张伟"),
        "{out}"
    );
    let st = json(&db, &["statement", "张伟", "--format", "json"]);
    assert_eq!(st["balance"].as_f64(), Some(6.0));
    ok(&db, &["verify"]);
}

fn cells(row: &[Data]) -> Vec<String> {
    row.iter()
        .map(|c| match c {
            Data::Float(f) => jifen::domain::model::fmt_points(*f),
            Data::Int(i) => i.to_string(),
            Data::Empty => String::new(),
            other => other.to_string(),
        })
        .collect()
}

#[test]
fn the_redemption_list_reads_back_with_a_signature_column() {
    let dir = tempfile::tempdir().expect("dir");
    let db = branch(dir.path());
    ok(&db, &["redeem", "张伟", "gift.tissue"]);
    ok(&db, &["redeem", "张伟", "gift.soap"]);
    let out = dir.path().join("papers");
    let o = out.to_string_lossy().to_string();
    for f in ["csv", "xlsx", "html"] {
        ok(
            &db,
            &[
                "export",
                "redemptions",
                "--period",
                "2026Q4",
                "--format",
                f,
                "--out",
                &o,
            ],
        );
    }
    let text = std::fs::read_to_string(out.join("redemptions-2026Q4.csv")).expect("csv");
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let lines: Vec<Vec<String>> = r
        .records()
        .map(|x| x.expect("record").iter().map(String::from).collect())
        .collect();
    let head = lines
        .iter()
        .position(|l| l.first().map(String::as_str) == Some("No."))
        .expect("header row");
    assert_eq!(
        lines[head],
        [
            "No.",
            "member",
            "gift",
            "count",
            "points spent",
            "date",
            "recipient's signature"
        ]
    );
    let data: Vec<Vec<&str>> = lines[head + 1..head + 3]
        .iter()
        .map(|l| l.iter().map(String::as_str).take(5).collect())
        .collect();
    assert_eq!(
        data,
        [
            ["1", "张伟", "Roll of tissue", "1", "2"],
            ["2", "张伟", "Bar of soap", "1", "3"]
        ]
    );
    assert!(
        lines[head + 1][6].is_empty(),
        "the signature is left blank to sign"
    );
    // The Chinese paper in XLSX, read back with calamine.
    let l = jifen::app::Ledger::open(&db, None).expect("open");
    let p: jifen::domain::model::PeriodId = "2026Q4".parse().expect("p");
    let path = jifen::export::export(
        &l,
        jifen::export::Paper::Redemptions,
        &jifen::app::RankScope::Period(p),
        jifen::export::PaperFormat::Xlsx,
        &out.join("zh"),
        true,
    )
    .expect("export");
    let mut wb = open_workbook_auto(&path).expect("xlsx");
    let sheet = wb.sheet_names()[0].clone();
    let range = wb.worksheet_range(&sheet).expect("sheet");
    let rows: Vec<Vec<String>> = range.rows().map(cells).collect();
    let head = rows
        .iter()
        .position(|r| r.first().map(String::as_str) == Some("序号"))
        .expect("header");
    assert_eq!(
        rows[head],
        [
            "序号",
            "姓名",
            "奖品",
            "数量",
            "消耗积分",
            "日期",
            "领取人签字"
        ]
    );
    assert_eq!(rows[head + 1][..5], ["1", "张伟", "抽纸(一卷)", "1", "2"]);
    assert_eq!(rows[head + 2][..5], ["2", "张伟", "香皂(一块)", "1", "3"]);
    let html = std::fs::read_to_string(out.join("redemptions-2026Q4.html")).expect("html");
    assert!(html.contains("recipient&#39;s signature") || html.contains("recipient's signature"));
}
