//! The year screen's final grade (评定等次) taken back by `u` (each undo one
//! journal event, the grade before or the scheme's default again), and a
//! final grade flagged once the points fall below what it needs (seed 000:
//! "80 分(含 80 分)以上且排名靠前的, 可评为优秀 ... 70-79 分评为基本合格"):
//! 优秀 recorded at 82 with the one quota place, a late -3 verdict takes
//! the member to 79, which allows at most 基本合格. The year screen marks
//! the row and says why, `rank --year --format json` says
//! `final_grade_allowed: false`, the lock of 2026Q4 refuses naming member,
//! grade and the grade allowed, and recording an allowed grade clears it.

use crate::common::cli::{jifen, ok};
use crate::common::{approved, member};
use crate::console_common::*;
use jifen::app::Ledger;
use jifen::domain::model::Category;
use jifen::i18n::Lang;
use jifen::tui::console::{App, ScreenKind};
use ratatui::crossterm::event::KeyCode;
use serde_json::Value;
use std::path::{Path, PathBuf};

const NAMES: [&str; 5] = ["欧阳娜娜", "张伟", "王芳", "李娜", "刘洋"];

/// Bureau-80 (seed 000), 2026Q4 open, five members: 欧阳娜娜 82 (+2, a
/// suggestion adopted), 李娜 81 (+1, blood donation), 张伟 and 刘洋 80,
/// 王芳 78 (-2, poor service). 20% of five is one 优秀 place: 欧阳娜娜's.
/// A console on it, in Chinese, on the year screen.
fn bureau() -> (tempfile::TempDir, PathBuf, App, Vec<i64>) {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("b.sqlite");
    let mut l = Ledger::init(&path, "机关第一党支部", "bureau-80", None).expect("init");
    let ids: Vec<i64> = NAMES
        .iter()
        .map(|n| member(&mut l, n, Category::Full, None))
        .collect();
    l.open_period("2026Q4").expect("open");
    approved(&mut l, ids[0], "2026Q4", "other.suggestion", None, None);
    approved(&mut l, ids[3], "2026Q4", "other.blood", None, None);
    approved(&mut l, ids[2], "2026Q4", "purpose.service", None, None);
    let mut app = App::new(l, Lang::Zh).expect("console");
    ch(&mut app, 'y');
    assert_eq!(app.screen_kind(), ScreenKind::Year);
    (dir, path, app, ids)
}

/// `rank --year 2026 --format json` through the real binary: the member's row.
fn year_row(db: &Path, name: &str) -> Value {
    let rows: Vec<Value> =
        serde_json::from_str(&ok(db, &["rank", "--year", "2026", "--format", "json"]))
            .expect("json");
    rows.into_iter()
        .find(|r| r["member"] == name)
        .unwrap_or_else(|| panic!("{name} ranked"))
}

/// The journal's last event: its kind and payload.
fn last_event(db: &Path) -> (String, Value) {
    let c = rusqlite::Connection::open(db).expect("open");
    let (kind, payload): (String, String) = c
        .query_row(
            "SELECT kind, payload FROM event ORDER BY seq DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("an event");
    (kind, serde_json::from_str(&payload).expect("payload"))
}

/// The events journalled so far.
fn events(db: &Path) -> i64 {
    let c = rusqlite::Connection::open(db).expect("open");
    c.query_row("SELECT count(*) FROM event", [], |r| r.get(0))
        .expect("count")
}

/// A row of the year screen without its right border.
fn row_end(line: &str) -> &str {
    line.trim_end_matches(|c: char| c == '│' || c.is_whitespace())
}

/// Open the picker on the selected member and choose the grade `steps`
/// Down from where its cursor starts (the final grade now).
fn pick(app: &mut App, steps: usize) {
    ch(app, 'e');
    assert!(app.has_overlay(), "the picker opens: {:?}", app.status());
    for _ in 0..steps {
        key(app, KeyCode::Down);
    }
    key(app, KeyCode::Enter);
    assert!(!app.has_overlay(), "recorded: {:?}", app.status());
}

/// `u`, then yes: the console's undo carried out; its status line.
fn undo(app: &mut App) -> String {
    ch(app, 'u');
    assert!(app.has_overlay(), "the undo asks first: {:?}", app.status());
    key(app, KeyCode::Enter);
    assert!(!app.has_overlay(), "{:?}", app.status());
    app.status().unwrap_or_default().to_string()
}

#[test]
fn u_on_the_year_screen_puts_the_earlier_final_grade_back() {
    let (_d, db, mut app, _) = bureau();
    let top = "欧阳娜娜";
    assert_eq!(
        year_row(&db, top)["final_grade"],
        "excellent",
        "the default"
    );
    // 合格 (one Down from 优秀), then 基本合格 (one Down from 合格).
    pick(&mut app, 1);
    pick(&mut app, 1);
    assert_eq!(year_row(&db, top)["final_grade"], "basic");
    let before = events(&db);
    // The screen asks with what the undo takes back, and says it after.
    ch(&mut app, 'u');
    let text = screen(&mut app, 80, 24);
    assert!(
        text.contains("欧阳娜娜 2026 年评定等次「基本合格」, 恢复为「合格」"),
        "{text}"
    );
    key(&mut app, KeyCode::Enter);
    let said = app.status().unwrap_or_default().to_string();
    assert!(
        said.contains("已撤销") && said.contains("「基本合格」") && said.contains("恢复为「合格」"),
        "{said}"
    );
    assert_eq!(events(&db), before + 1, "one journal event");
    let (kind, ev) = last_event(&db);
    assert_eq!(kind, "undo");
    assert_eq!(ev["restore"]["kind"], "year_grade");
    assert_eq!(ev["restore"]["grade"], "qualified");
    let row = year_row(&db, top);
    assert_eq!(row["final_grade"], "qualified", "{row}");
    assert_eq!(row["final_recorded"], true);
    let text = screen(&mut app, 120, 34);
    let line = text.lines().find(|l| l.contains(top)).expect("row");
    assert!(
        row_end(line).ends_with("合格") && !line.contains("基本合格"),
        "{line}"
    );
    // Once more: no grade was recorded before the first, so the default.
    let said = undo(&mut app);
    assert!(
        said.contains("「合格」") && said.contains("恢复为默认「优秀」"),
        "{said}"
    );
    let (_, ev) = last_event(&db);
    assert_eq!(ev["restore"]["grade"], Value::Null);
    let row = year_row(&db, top);
    assert_eq!(row["final_grade"], "excellent", "{row}");
    assert_eq!(row["final_recorded"], false);
    // The command line's `default` is the same taking back, as a record.
    ok(&db, &["year", "grade", top, "合格", "--year", "2026"]);
    ok(&db, &["year", "grade", top, "default", "--year", "2026"]);
    assert_eq!(year_row(&db, top)["final_recorded"], false);
    ok(&db, &["verify"]);
}

#[test]
fn a_final_grade_above_the_points_after_a_late_verdict_is_flagged_and_holds_the_lock() {
    let (_d, db, mut app, ids) = bureau();
    let top = "欧阳娜娜";
    // 优秀 recorded at 82 with the quota place (the picker starts on it).
    pick(&mut app, 0);
    let row = year_row(&db, top);
    assert_eq!(row["score"].as_f64(), Some(82.0));
    assert_eq!(row["grade"], "excellent");
    assert_eq!(row["final_grade"], "excellent");
    assert_eq!(row["final_grade_allowed"], true);
    // A late verdict: -3 for a delay that harmed the unit's goals. 82 - 3 = 79,
    // 70-79 allows at most 基本合格; 李娜 at 81 now holds the one place.
    {
        let mut l = Ledger::open(&db, None).expect("ledger");
        approved(&mut l, ids[0], "2026Q4", "duty.delay", None, None);
    }
    let row = year_row(&db, top);
    assert_eq!(row["score"].as_f64(), Some(79.0));
    assert_eq!(row["grade"], "basic");
    assert_eq!(row["final_grade"], "excellent", "the record stands");
    assert_eq!(row["final_grade_allowed"], false, "{row}");
    assert_eq!(year_row(&db, "李娜")["final_grade_allowed"], true);
    // The year screen, read again: the row marked and a line saying why.
    key(&mut app, KeyCode::Esc);
    ch(&mut app, 'y');
    let text = screen(&mut app, 120, 34);
    let line = text
        .lines()
        .find(|l| l.contains(top) && l.contains("79"))
        .expect("row");
    assert!(row_end(line).ends_with("优秀!"), "{line}\n{text}");
    assert!(
        text.contains("欧阳娜娜 的评定等次「优秀」高于年积分现在允许的「基本合格」"),
        "{text}"
    );
    let others = text.lines().filter(|l| l.contains('!')).count();
    assert_eq!(others, 2, "the row and the line only:\n{text}");
    // The lock of the period that ends the year refuses, naming all three.
    let before = events(&db);
    let out = jifen(&db, &["lock", "2026Q4"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("2026Q4")
            && err.contains(top)
            && err.contains("Excellent")
            && err.contains("Basic"),
        "{err}"
    );
    assert_eq!(events(&db), before, "nothing written");
    // The picker marks 优秀 above the points now; 基本合格 (two Down) is allowed.
    let r = app
        .ledger()
        .ranking(&jifen::app::RankScope::Year(2026))
        .expect("rank");
    let at = r
        .rows
        .iter()
        .position(|x| x.member_id == ids[0])
        .expect("ranked");
    for _ in 0..at {
        key(&mut app, KeyCode::Down);
    }
    ch(&mut app, 'e');
    let text = screen(&mut app, 80, 24);
    assert!(text.contains("欧阳娜娜 2026 年评定等次"), "{text}");
    assert!(text.contains("优秀  (高于积分允许)"), "{text}");
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Enter);
    assert!(!app.has_overlay(), "{:?}", app.status());
    let row = year_row(&db, top);
    assert_eq!(row["final_grade"], "basic");
    assert_eq!(row["final_grade_allowed"], true);
    let text = screen(&mut app, 120, 34);
    assert!(!text.contains("高于年积分现在允许"), "{text}");
    assert!(!text.lines().any(|l| l.contains('!')), "{text}");
    ok(&db, &["lock", "2026Q4"]);
    ok(&db, &["verify"]);
}
