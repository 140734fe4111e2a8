//! Score ballots on the counting screen (seed 003, star rating: "由党员、群众
//! 代表进行集中测评"): each ballot in turn, every member's parts typed with
//! Tab between them; after the last member the next ballot starts from the
//! top; a score above a part's maximum is refused on screen.

use crate::common::{ledger, member};
use crate::console_common::*;
use jifen::domain::model::{Attendance, Category, PeriodId};
use jifen::i18n::Lang;
use jifen::tui::console::{App, ScreenKind};
use ratatui::crossterm::event::KeyCode;

fn h1() -> PeriodId {
    "2026H1".parse().expect("period")
}

/// Three members present at the half-year's assembly; the scheme invites
/// mass representatives too.
fn assembly() -> (tempfile::TempDir, App) {
    let (d, _p, mut l) = ledger("star-rating");
    let ids: Vec<i64> = ["欧阳娜娜", "张伟", "王芳"]
        .iter()
        .map(|n| member(&mut l, n, Category::Full, None))
        .collect();
    l.open_period("2026H1").expect("open");
    for m in &ids {
        l.mark_attendance(*m, &h1(), Attendance::Present)
            .expect("present");
    }
    let mut app = App::new(l, Lang::Zh).expect("console");
    ch(&mut app, 'a');
    assert_eq!(app.screen_kind(), ScreenKind::Appraisal);
    ch(&mut app, 'o');
    key(&mut app, KeyCode::Enter);
    (d, app)
}

fn scores(app: &mut App, common: &str, star: &str) {
    typed(app, common);
    key(app, KeyCode::Tab);
    typed(app, star);
    key(app, KeyCode::Enter);
}

#[test]
fn each_ballot_in_turn_gives_each_member_the_raters_mean() {
    let (_d, mut app) = assembly();
    let v = app.ledger().appraisal_view(&h1()).expect("view");
    let valid = v.ballots.valid;
    assert!(valid >= 3, "members and representatives: {valid}");
    let text = screen(&mut app, 80, 24);
    assert!(text.contains(&format!("第 1/{valid} 张票")), "{text}");
    assert!(
        text.contains("基础分(共性分)") && text.contains("评星分"),
        "{text}"
    );
    // Ballot 1, then ballot 2, each for the three members.
    for (c, s) in [("52", "30"), ("58", "40"), ("60", "35")] {
        scores(&mut app, c, s);
    }
    let text = screen(&mut app, 80, 24);
    assert!(
        text.contains(&format!("欧阳娜娜  第 2/{valid} 张票")),
        "{text}"
    );
    for (c, s) in [("55.5", "35"), ("50", "36"), ("60", "39")] {
        scores(&mut app, c, s);
    }
    let v = app.ledger().appraisal_view(&h1()).expect("view");
    let means: Vec<Vec<Option<f64>>> = v.lines.iter().map(|l| l.means.clone()).collect();
    assert_eq!(
        means,
        [
            vec![Some(53.75), Some(32.5)],
            vec![Some(54.0), Some(38.0)],
            vec![Some(60.0), Some(37.0)],
        ]
    );
    assert!(v.lines.iter().all(|l| l.counted == 2));
}

#[test]
fn a_score_above_the_parts_maximum_is_refused_on_screen() {
    let (_d, mut app) = assembly();
    let head = app.ledger().journal_head().expect("head");
    scores(&mut app, "61", "30");
    assert_eq!(app.ledger().journal_head().expect("head"), head);
    let status = app.status().expect("a reason").to_string();
    assert!(status.contains("60"), "{status}");
    let text = screen(&mut app, 80, 24);
    assert!(text.contains("未记录"), "{text}");
    // Put right and recorded: the same member, the same ballot.
    key(&mut app, KeyCode::BackTab);
    key(&mut app, KeyCode::Backspace);
    typed(&mut app, "0");
    key(&mut app, KeyCode::Enter);
    let v = app.ledger().appraisal_view(&h1()).expect("view");
    assert_eq!(v.lines[0].means, [Some(60.0), Some(30.0)]);
}

/// The appraisal as `appraisal show --period 2026H1 --format json` prints it
/// through the real binary: the member's `scores` (each part's mean so far)
/// and `counted`.
fn shown(db: &std::path::Path, name: &str) -> serde_json::Value {
    let out = crate::common::cli::ok(
        db,
        &[
            "appraisal",
            "show",
            "--period",
            "2026H1",
            "--format",
            "json",
        ],
    );
    let rows: Vec<serde_json::Value> = serde_json::from_str(&out).expect("json");
    rows.into_iter()
        .find(|r| r["member"] == name)
        .unwrap_or_else(|| panic!("{name} shown"))
}

#[test]
fn u_puts_back_what_a_score_ballot_gave_before_one_event_each() {
    let (_d, mut app) = assembly();
    let db = app.ledger().path().to_path_buf();
    let valid = app
        .ledger()
        .appraisal_view(&h1())
        .expect("view")
        .ballots
        .valid;
    // Ballot 1 for the three members, then ballot 1 again for 王芳.
    for (c, s) in [("52", "30"), ("58", "40"), ("60", "35")] {
        scores(&mut app, c, s);
    }
    ch(&mut app, '[');
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Down);
    scores(&mut app, "50", "36");
    assert_eq!(shown(&db, "王芳")["scores"]["common"], 50.0);
    let head = app.ledger().journal_head().expect("head");
    ch(&mut app, 'u');
    assert!(app.has_overlay(), "{:?}", app.status());
    let text = screen(&mut app, 80, 24);
    assert!(
        text.contains(&format!(
            "王芳 恢复为: 第 1/{valid} 张票 基础分(共性分) 60  评星分 35"
        )),
        "{text}"
    );
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        app.status(),
        Some("已恢复 王芳 第 1 张票此前的评分: 基础分(共性分) 60  评星分 35")
    );
    assert_eq!(app.ledger().journal_head().expect("head"), head + 1);
    let back = shown(&db, "王芳");
    assert_eq!(
        (&back["scores"]["common"], &back["scores"]["star"]),
        (&60.0.into(), &35.0.into()),
        "{back}"
    );
    // The cursor is back on 王芳's ballot 1, to be typed again.
    let text = screen(&mut app, 80, 24);
    assert!(text.contains(&format!("王芳  第 1/{valid} 张票")), "{text}");
    // Again: the record before, 王芳's first ballot 1, had nothing before it,
    // so that ballot's scores go; the others' stay.
    ch(&mut app, 'u');
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.status(), Some("已恢复 王芳 第 1 张票此前的评分: 无"));
    assert_eq!(app.ledger().journal_head().expect("head"), head + 2);
    let back = shown(&db, "王芳");
    assert_eq!(back["counted"], 0, "{back}");
    assert_eq!(back["scores"]["common"], serde_json::Value::Null, "{back}");
    let v = app.ledger().appraisal_view(&h1()).expect("view");
    assert_eq!(v.lines[0].means, [Some(52.0), Some(30.0)], "欧阳娜娜 kept");
    assert_eq!(v.lines[1].means, [Some(58.0), Some(40.0)], "张伟 kept");
    assert_eq!(v.lines[2].counted, 0);
}
