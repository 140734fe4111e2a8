//! The year screen's final grade (评定等次) set by keys, one refused above
//! what the points allow with the core's reason; the counting screen's
//! points prompt within a grade's range (seed 004: 优秀 23-25); `q` from
//! the count leaving the board as Esc does.

use crate::console_common::*;
use jifen::app::board_state::BoardMode;
use jifen::app::{Ledger, MemberDraft, RankScope};
use jifen::domain::model::{Category, MemberStatus};
use jifen::i18n::Lang;
use jifen::tui::console::{App, ScreenKind};
use ratatui::crossterm::event::KeyCode;

/// The demo's year 2026 as the year screen reads it: (member id, name, points grade, final grade).
fn year_rows(app: &App) -> Vec<(i64, String, Option<String>, Option<String>)> {
    let l = app.ledger();
    let r = l.ranking(&RankScope::Year(2026)).expect("rank");
    let g = l.year_grades_of(2026, &r).expect("grades");
    r.rows
        .iter()
        .map(|x| {
            let fg = g.of(x.member_id);
            (
                x.member_id,
                x.name.to_string(),
                x.grade.as_deref().map(String::from),
                fg.and_then(|f| f.final_grade.clone()),
            )
        })
        .collect()
}

#[test]
fn the_year_screen_sets_a_final_grade_by_keys_and_shows_a_refusal() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    ch(&mut app, 'y');
    assert_eq!(app.screen_kind(), ScreenKind::Year);
    let text = screen(&mut app, 120, 34);
    for col in ["积分等次", "测评等次", "评定等次"] {
        assert!(text.contains(col), "{col}:\n{text}");
    }
    // The first member ranks top: 优秀. Grade them 合格 (two Down from 优秀).
    let rows = year_rows(&app);
    let (top, name, grade, _) = rows[0].clone();
    assert_eq!(grade.as_deref(), Some("excellent"));
    ch(&mut app, 'e');
    assert!(app.has_overlay(), "the picker opens");
    let text = screen(&mut app, 80, 24);
    assert!(text.contains(&format!("{name} 2026 年评定等次")), "{text}");
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Enter);
    assert!(!app.has_overlay(), "{:?}", app.status());
    let after = year_rows(&app);
    assert_eq!(after[0].0, top);
    assert_eq!(after[0].3.as_deref(), Some("qualified"));
    assert!(
        app.status()
            .is_some_and(|s| s.contains(&name) && s.contains("合格")),
        "{:?}",
        app.status()
    );
    // A member at 合格 by points asked 优秀: the picker stays with the core's reason.
    let (i, (id, name, _, _)) = after
        .iter()
        .enumerate()
        .find(|(_, r)| r.2.as_deref() == Some("qualified"))
        .map(|(i, r)| (i, r.clone()))
        .expect("a qualified member");
    for _ in 0..i {
        key(&mut app, KeyCode::Down);
    }
    let head = app.ledger().journal_head().expect("head");
    ch(&mut app, 'e');
    let text = screen(&mut app, 80, 24);
    assert!(
        text.contains("高于积分允许"),
        "the grades above are marked:\n{text}"
    );
    key(&mut app, KeyCode::Up); // to 优秀
    key(&mut app, KeyCode::Enter);
    assert!(app.has_overlay(), "a refusal keeps the picker");
    let text = screen(&mut app, 80, 24);
    assert!(text.contains(&name) && text.contains("「优秀」"), "{text}");
    assert_eq!(
        app.ledger().journal_head().expect("head"),
        head,
        "nothing written"
    );
    key(&mut app, KeyCode::Esc);
    assert!(!app.has_overlay());
    assert_eq!(
        year_rows(&app)
            .iter()
            .find(|r| r.0 == id)
            .and_then(|r| r.3.clone())
            .as_deref(),
        Some("qualified")
    );
}

/// A pipeline branch (seed 004) of five members, its 2026Q2 appraisal
/// open with five ballots; a console on it.
fn pipeline() -> (tempfile::TempDir, App, Vec<i64>) {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("p.sqlite");
    let mut l = Ledger::init(&path, "管道支部", "pipeline-75-25", None).expect("init");
    let ids = l
        .add_members(
            &["欧阳娜娜", "张伟", "王芳", "李娜", "刘洋"].map(|n| MemberDraft {
                name: n.into(),
                category: Category::Full,
                tier: None,
                group: None,
                status: MemberStatus::Active,
            }),
        )
        .expect("members");
    l.open_period("2026Q2").expect("open");
    let q2 = "2026Q2".parse().expect("period");
    l.open_appraisal(&q2, Some(5), None).expect("appraisal");
    (dir, App::new(l, Lang::Zh).expect("console"), ids)
}

#[test]
fn the_points_prompt_chooses_within_the_grades_range_and_refuses_outside() {
    let (_d, mut app, ids) = pipeline();
    ch(&mut app, 'a');
    assert_eq!(app.screen_kind(), ScreenKind::Appraisal);
    // No grade yet: no points to choose.
    ch(&mut app, 'p');
    assert!(!app.has_overlay());
    assert!(
        app.status().is_some_and(|s| s.contains("欧阳娜娜")),
        "{:?}",
        app.status()
    );
    // Five 优秀 votes: 优秀, 25 by default; the first member stays selected after Up.
    typed(&mut app, "5");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Up);
    ch(&mut app, 'p');
    let text = screen(&mut app, 80, 24);
    assert!(app.has_overlay(), "{:?}\n{text}", app.status());
    let text = screen(&mut app, 80, 24);
    assert!(text.contains("23-25"), "the range is said:\n{text}");
    // 26 is outside 23-25: the core's reason, nothing chosen.
    for _ in 0..4 {
        key(&mut app, KeyCode::Backspace);
    }
    typed(&mut app, "26");
    key(&mut app, KeyCode::Enter);
    let q2 = "2026Q2".parse().expect("period");
    let points = |app: &App| {
        let v = app.ledger().appraisal_view(&q2).expect("view");
        v.lines
            .iter()
            .find(|l| l.member_id == ids[0])
            .map(|l| (l.points, l.chosen))
    };
    assert_eq!(
        points(&app),
        Some((Some(25.0), false)),
        "{:?}",
        app.status()
    );
    // The core's reason is shown (in the prompt kept open, or on the status line).
    let text = screen(&mut app, 80, 24);
    let why = app.status().unwrap_or_default().to_string();
    assert!(
        (text.contains("26") && text.contains("23") && text.contains("25") && app.has_overlay())
            || (why.contains("26") && why.contains("23")),
        "{why}\n{text}"
    );
    // 23.5 is inside: chosen.
    if !app.has_overlay() {
        ch(&mut app, 'p');
    }
    for _ in 0..4 {
        key(&mut app, KeyCode::Backspace);
    }
    typed(&mut app, "23.5");
    key(&mut app, KeyCode::Enter);
    assert_eq!(points(&app), Some((Some(23.5), true)), "{:?}", app.status());
}

#[test]
fn quitting_from_the_count_puts_the_board_back_as_esc_does() {
    let (_d, mut app, _) = pipeline();
    let before = app.ledger().board().expect("board");
    ch(&mut app, 'a');
    assert!(matches!(
        app.ledger().board_mode().expect("mode"),
        BoardMode::Appraisal { .. }
    ));
    ch(&mut app, 'q');
    assert!(app.should_quit());
    assert_eq!(app.ledger().board().expect("board"), before);
}
