//! The appraisal's counting screen (民主测评计票): reached with `a` from the
//! overview, opened with a yes/no question, each member's votes typed as
//! digits with Tab between the choices and recorded with Enter (one event
//! each), a count above the valid ballots refused on screen with nothing
//! written, Esc dropping what was typed, `u` putting the earlier counts
//! back, and the close showing each member's grade. Drawn into TestBackend.

use crate::console_common::*;
use jifen::app::appraisal_view::AppraisalView;
use jifen::app::board_state::BoardMode;
use jifen::domain::appraisal::AppraisalState;
use jifen::domain::model::{Attendance, Category, PeriodId};
use jifen::i18n::Lang;
use jifen::tui::console::{App, ScreenKind};
use ratatui::crossterm::event::KeyCode;

fn q4() -> PeriodId {
    "2026Q4".parse().expect("period")
}

/// The demo branch with its full members marked present at the 2026Q4
/// assembly; a console on it. Returns the valid ballots the open will give.
fn assembly(lang: Lang) -> (tempfile::TempDir, App, i64) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("demo.sqlite");
    let mut l = jifen::dev::demo::write_demo(&path).expect("demo");
    let full: Vec<i64> = l
        .appraised_members()
        .expect("members")
        .iter()
        .filter(|m| m.category == Category::Full)
        .map(|m| m.id)
        .collect();
    for m in &full {
        l.mark_attendance(*m, &q4(), Attendance::Present)
            .expect("present");
    }
    let ballots = l.quorum(&q4()).expect("quorum").present as i64;
    assert!(
        ballots > 10,
        "enough voters for the counts below: {ballots}"
    );
    let app = App::new(l, lang).expect("console");
    (dir, app, ballots)
}

fn view(app: &App) -> AppraisalView {
    app.ledger().appraisal_view(&q4()).expect("view")
}

/// Open the screen and the appraisal through its question.
fn open_counting(app: &mut App) {
    ch(app, 'a');
    assert_eq!(app.screen_kind(), ScreenKind::Appraisal);
    ch(app, 'o');
    assert!(app.has_overlay(), "the open asks first");
    let text = screen(app, 80, 24);
    let present = app.ledger().quorum(&q4()).expect("quorum").present;
    assert!(
        text.contains(&format!(
            "将发出 {present} 张: 到会有表决权党员 {present} 人, 群众代表 0 人"
        )),
        "{text}"
    );
    key(app, KeyCode::Enter);
    assert!(!app.has_overlay(), "{:?}", app.status());
}

/// Type one member's counts: each number, Tab to the next choice, Enter.
fn count(app: &mut App, counts: &[i64]) {
    for (i, n) in counts.iter().enumerate() {
        if i > 0 {
            key(app, KeyCode::Tab);
        }
        typed(app, &n.to_string());
    }
    key(app, KeyCode::Enter);
}

/// A line's counts: the four choices from the top, then 弃权.
fn counts_of(v: &AppraisalView, i: usize) -> Vec<i64> {
    let l = &v.lines[i];
    l.votes.iter().copied().chain([l.blank]).collect()
}

#[test]
fn a_whole_count_typed_is_what_the_core_records() {
    let (_d, mut app, valid) = assembly(Lang::Zh);
    ch(&mut app, 'a');
    let text = screen(&mut app, 80, 24);
    assert!(text.contains("2026Q4 尚未开始民主测评"), "{text}");
    open_counting(&mut app);
    let v = view(&app);
    assert_eq!((v.ballots.issued, v.ballots.valid), (valid, valid));
    assert_eq!(v.state, AppraisalState::Open);
    // Four members, each ballot counted once: excellent, qualified, basic,
    // unqualified, blank. The third leaves 不合格 and 弃权 untyped.
    let typed_counts: [Vec<i64>; 4] = [
        vec![valid - 3, 2, 1, 0, 0],
        vec![1, valid - 2, 1, 0, 0],
        vec![0, 3, valid - 3],
        vec![0, 1, 2, valid - 5, 2],
    ];
    for (i, c) in typed_counts.iter().enumerate() {
        let head = app.ledger().journal_head().expect("head");
        count(&mut app, c);
        assert_eq!(
            app.ledger().journal_head().expect("head"),
            head + 1,
            "member {i}: one event per Enter ({:?})",
            app.status()
        );
    }
    let v = view(&app);
    let want: Vec<Vec<i64>> = typed_counts
        .iter()
        .map(|c| {
            let mut c = c.clone();
            c.resize(5, 0);
            c
        })
        .collect();
    for (i, w) in want.iter().enumerate() {
        assert_eq!(&counts_of(&v, i), w, "{}", v.lines[i].member);
        assert!(v.lines[i].complete, "{} counted in full", v.lines[i].member);
    }
    // The median grade: more than half the valid ballots from the top.
    let grades: Vec<Option<&str>> = v.lines[..4].iter().map(|l| v.grade_code(l)).collect();
    assert_eq!(
        grades,
        [
            Some("excellent"),
            Some("qualified"),
            Some("basic"),
            Some("unqualified")
        ]
    );
    assert!(v.lines[4..].iter().all(|l| l.counted == 0));
    // Enter moved down each time: the fifth member is the one to count next.
    let text = screen(&mut app, 80, 24);
    let fifth = &v.lines[4].member;
    assert!(
        text.contains(&format!("{fifth}: 已计 0/{valid} 张")),
        "{text}"
    );
    // The CLI reads the same counts.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_jifen"))
        .args(["appraisal", "show", "--format", "json", "--db"])
        .arg(app.ledger().path())
        .output()
        .expect("jifen");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let first = &json[0];
    assert_eq!(first["member"], v.lines[0].member.as_str());
    assert_eq!(first["votes"]["excellent"], valid - 3);
    assert_eq!(first["votes"]["qualified"], 2);
    assert_eq!(first["result"], "excellent");
}

#[test]
fn a_count_above_the_ballots_is_refused_on_screen_and_nothing_is_recorded() {
    let (_d, mut app, valid) = assembly(Lang::Zh);
    open_counting(&mut app);
    let head = app.ledger().journal_head().expect("head");
    let name = view(&app).lines[0].member.clone();
    // One ballot too many over two choices.
    typed(&mut app, &(valid - 1).to_string());
    key(&mut app, KeyCode::Tab);
    typed(&mut app, "2");
    let text = screen(&mut app, 80, 24);
    assert!(
        text.contains(&format!("{name}: 已计 {}/{valid} 张  超出 1 张", valid + 1)),
        "the running total warns before Enter:\n{text}"
    );
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        app.ledger().journal_head().expect("head"),
        head,
        "nothing written"
    );
    assert_eq!(view(&app).lines[0].counted, 0);
    let status = app.status().expect("a reason").to_string();
    assert!(status.contains(&name), "{status}");
    assert!(status.contains(&valid.to_string()), "{status}");
    let text = screen(&mut app, 80, 24);
    assert!(text.contains(&format!("未记录: {status}")), "{text}");
    // What was typed stays to be put right: 2 becomes 1 and the count goes in.
    key(&mut app, KeyCode::Backspace);
    typed(&mut app, "1");
    key(&mut app, KeyCode::Enter);
    assert_eq!(counts_of(&view(&app), 0), [valid - 1, 1, 0, 0, 0]);
    let text = screen(&mut app, 80, 24);
    assert!(!text.contains("未记录"), "the refusal is gone:\n{text}");
}

#[test]
fn esc_drops_what_was_typed_and_u_puts_the_earlier_counts_back() {
    let (_d, mut app, valid) = assembly(Lang::Zh);
    open_counting(&mut app);
    count(&mut app, &[valid, 0, 0, 0, 0]);
    key(&mut app, KeyCode::Up);
    // Typed, then cancelled: the counts stay as recorded, and Esc again leaves.
    typed(&mut app, "3");
    key(&mut app, KeyCode::Tab);
    typed(&mut app, "9");
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.screen_kind(), ScreenKind::Appraisal);
    assert_eq!(counts_of(&view(&app), 0), [valid, 0, 0, 0, 0]);
    // A second count replaces the first; u offers the first back.
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Esc);
    count(&mut app, &[1, valid - 1, 0, 0, 0]);
    assert_eq!(counts_of(&view(&app), 0), [1, valid - 1, 0, 0, 0]);
    ch(&mut app, 'u');
    assert!(app.has_overlay());
    let text = screen(&mut app, 80, 24);
    let name = view(&app).lines[0].member.clone();
    assert!(
        text.contains(&format!("{name} 恢复为: 优秀 {valid}")),
        "{text}"
    );
    key(&mut app, KeyCode::Enter);
    assert_eq!(counts_of(&view(&app), 0), [valid, 0, 0, 0, 0]);
    // And once more: the member had no counts before the first record.
    ch(&mut app, 'u');
    key(&mut app, KeyCode::Enter);
    assert_eq!(view(&app).lines[0].counted, 0);
    ch(&mut app, 'u');
    assert!(!app.has_overlay());
    assert_eq!(app.status(), Some("本次没有可撤销的计票"));
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.screen_kind(), ScreenKind::Overview);
}

#[test]
fn the_board_follows_the_count_and_goes_back_when_the_screen_is_left() {
    let (_d, mut app, valid) = assembly(Lang::Zh);
    let before = app.ledger().board().expect("board");
    open_counting(&mut app);
    let ids: Vec<i64> = view(&app).lines.iter().map(|l| l.member_id).collect();
    let mode = || app_mode(&app);
    assert_eq!(
        mode(),
        BoardMode::Appraisal {
            member_id: Some(ids[0])
        }
    );
    count(&mut app, &[valid, 0, 0, 0, 0]);
    assert_eq!(
        app_mode(&app),
        BoardMode::Appraisal {
            member_id: Some(ids[1])
        }
    );
    key(&mut app, KeyCode::Down);
    assert_eq!(
        app_mode(&app),
        BoardMode::Appraisal {
            member_id: Some(ids[2])
        }
    );
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.ledger().board().expect("board"), before);
}

fn app_mode(app: &App) -> BoardMode {
    app.ledger().board_mode().expect("mode")
}

#[test]
fn the_close_shows_each_grade_and_posts_the_results() {
    let (_d, mut app, valid) = assembly(Lang::Zh);
    open_counting(&mut app);
    count(&mut app, &[valid, 0, 0, 0, 0]);
    count(&mut app, &[0, 0, valid, 0, 0]);
    let v = view(&app);
    ch(&mut app, 'c');
    assert!(app.has_overlay());
    let text = screen(&mut app, 80, 24);
    assert!(text.contains("结束民主测评并计入结果?"), "{text}");
    assert!(
        text.contains(&format!("{}  优秀", v.lines[0].member)),
        "{text}"
    );
    assert!(
        text.contains(&format!("{}  基本合格", v.lines[1].member)),
        "{text}"
    );
    // Only results are listed; the members with nothing counted are a number.
    let without = v.lines.len() - 2;
    assert!(
        text.contains(&format!("另有 {without} 人未计票, 无测评结果")),
        "{text}"
    );
    key(&mut app, KeyCode::Enter);
    let v = view(&app);
    assert_eq!(v.state, AppraisalState::Closed, "{:?}", app.status());
    assert!(app.status().expect("status").contains("民主测评结束"));
    let text = screen(&mut app, 80, 24);
    assert!(text.contains("民主测评已结束"), "{text}");
    // No count goes in after the close.
    let head = app.ledger().journal_head().expect("head");
    count(&mut app, &[1, 0, 0, 0, 0]);
    assert_eq!(app.ledger().journal_head().expect("head"), head);
    // The year grade of this scheme: the grade stands beside the points grade.
    let grades = app.ledger().year_appraisal_grades(2026).expect("grades");
    assert_eq!(
        grades.get(&v.lines[0].member_id).map(String::as_str),
        Some("excellent")
    );
}

#[test]
fn the_screen_at_80x24_in_chinese_cuts_no_name_and_no_border() {
    use unicode_width::UnicodeWidthStr;
    let (_d, mut app, valid) = assembly(Lang::Zh);
    open_counting(&mut app);
    count(&mut app, &[valid - 3, 2, 1, 0, 0]);
    typed(&mut app, "7");
    let text = screen(&mut app, 80, 24);
    for word in [
        "民主测评",
        "序号",
        "姓名",
        "优秀",
        "合格",
        "基本合格",
        "不合格",
        "弃权",
        "已计票数",
        "测评等次",
        &format!("发出 {valid} 张, 收回 {valid} 张, 废票 0 张, 有效票 {valid} 张"),
        "? 帮助",
        "q 退出",
    ] {
        assert!(text.contains(word), "80x24 lacks {word}:\n{text}");
    }
    let names = view(&app);
    for l in names.lines.iter().take(12) {
        assert!(text.contains(&l.member), "{} is whole:\n{text}", l.member);
    }
    // No wide character stands just left of a border line.
    let area = ratatui::layout::Rect::new(0, 0, 80, 24);
    let mut buf = ratatui::buffer::Buffer::empty(area);
    app.render(area, &mut buf);
    for y in 0..24 {
        for x in 1..80 {
            if ["│", "┌", "└", "┐", "┘"].contains(&buf[(x, y)].symbol()) {
                assert!(buf[(x - 1, y)].symbol().width() < 2, "border at {x},{y}");
            }
        }
    }
    insta::assert_snapshot!("appraisal_80x24", text);
}

#[test]
fn with_nobody_present_the_open_says_why_in_the_consoles_words_and_takes_a_ballot_count() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    ch(&mut app, 'a');
    ch(&mut app, 'o');
    let text = screen(&mut app, 80, 24);
    let why = (Lang::Zh.words().appraisal.count.no_ballots)("2026Q4");
    // The reason is wrapped inside the question, never cut, and names no CLI flag.
    let said = |text: &str| {
        jifen::domain::text::wrap(&why, 58)
            .iter()
            .all(|piece| text.contains(piece.trim()))
    };
    assert!(said(&text), "{why}:\n{text}");
    assert!(!text.contains("--ballots"), "{text}");
    let head = app.ledger().journal_head().expect("head");
    // Nothing typed: nothing opened, the question stays with the reason.
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.ledger().journal_head().expect("head"), head);
    assert!(app.has_overlay(), "the question stays with the reason");
    let text = screen(&mut app, 80, 24);
    assert!(said(&text), "{text}");
    // A ballot count typed opens the appraisal with it.
    ch(&mut app, '9');
    key(&mut app, KeyCode::Enter);
    let v = view(&app);
    assert_eq!((v.ballots.issued, v.ballots.valid), (9, 9));
}

#[test]
fn a_read_only_console_counts_nothing_and_leaves_the_board_alone() {
    let (_d, mut rw, valid) = assembly(Lang::Zh);
    open_counting(&mut rw);
    count(&mut rw, &[valid, 0, 0, 0, 0]);
    let path = rw.ledger().path().to_path_buf();
    let board = rw.ledger().board().expect("board");
    let ro = jifen::app::Ledger::open_read_only(&path, None).expect("read-only");
    let mut app = App::new(ro, Lang::Zh).expect("console");
    app.set_read_only_note("只读".into());
    ch(&mut app, 'a');
    assert_eq!(app.screen_kind(), ScreenKind::Appraisal);
    let text = screen(&mut app, 80, 24);
    let footer = text.lines().nth(23).expect("footer");
    assert!(!footer.contains("Enter 记录"), "{footer}");
    // It reads the counts the other console recorded.
    assert!(text.contains(&format!("{valid}/{valid}")), "{text}");
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Esc);
    assert_eq!(
        app.ledger().board().expect("board"),
        board,
        "the board is the other console's"
    );
}
