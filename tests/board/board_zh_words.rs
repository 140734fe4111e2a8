//! Every board mode in Chinese, as the room reads it at 80x24 and 140x40: no
//! English word but ids, seals and codes (see `common::zh_words`).

use crate::board_common;
use crate::common::zh_words::{assert_chinese, english_words};

use board_common::*;
use jifen::app::board_state::{BoardMode, Reveal, RevealStyle};
use jifen::tui::board::BoardView;
use jifen::tui::theme::Theme;

fn sizes(view: &BoardView) -> String {
    let t = Theme::shipped("projector-dark").expect("theme");
    format!(
        "{}\n{}",
        screen(view, &t, 80, 24),
        screen(view, &t, 140, 40)
    )
}

fn with_mode(path: &std::path::Path, mode: &BoardMode) -> String {
    console(path).set_board_mode(mode).expect("set mode");
    sizes(&poller(path).view(clock()))
}

#[test]
fn every_board_mode_speaks_chinese() {
    let (_dir, path) = demo();
    assert_chinese("live ranking", &with_mode(&path, &BoardMode::Live));
    let id = member_id(&console(&path), "吴芳");
    assert_chinese(
        "member under review",
        &with_mode(&path, &BoardMode::Member { member_id: id }),
    );
    assert_chinese(
        "a member not in the ranking",
        &with_mode(&path, &BoardMode::Member { member_id: 999_999 }),
    );
    let mut l = console(&path);
    let p = l.current_period().expect("period").expect("some period");
    l.freeze_board(&p).expect("freeze");
    let BoardMode::Frozen { period, rows, .. } = l.board_mode().expect("mode") else {
        panic!("not frozen");
    };
    drop(l);
    let frozen = |reveal| BoardMode::Frozen {
        at: "2026-12-20T09:30:00+08:00".into(),
        period: period.clone(),
        rows: rows.clone(),
        reveal,
    };
    assert_chinese("frozen", &with_mode(&path, &frozen(None)));
    for (style, shown) in [(RevealStyle::BottomUp, 3), (RevealStyle::BottomUp, 999)] {
        let reveal = Reveal {
            style,
            shown,
            since: "2026-12-20T09:59:50+08:00".into(),
            every_ms: None,
        };
        assert_chinese(
            &format!("revealing, {shown} shown"),
            &with_mode(&path, &frozen(Some(reveal))),
        );
    }
    for ends in ["2026-12-20T10:05:00+08:00", "2026-12-20T09:58:30+08:00"] {
        let mode = BoardMode::Countdown {
            ends_at: ends.into(),
            label: "分组讨论".into(),
        };
        assert_chinese(&format!("countdown to {ends}"), &with_mode(&path, &mode));
    }
    let message = BoardMode::Message {
        text: "请各位党员准备投票".into(),
    };
    assert_chinese("message", &with_mode(&path, &message));
    assert_chinese("blank", &with_mode(&path, &BoardMode::Blank));

    // Each state of the period in the header, with its seal.
    let mut snap = poller(&path).snapshot().clone();
    snap.seal = Some("3f9a1c0b7d2e5a64c0ffee".into());
    for state in ["open", "in-session", "locked", "published", "final"] {
        snap.state = Some(state.parse().expect("a state"));
        let view = jifen::tui::board::view::build(&snap, &Default::default(), clock(), None, ZH);
        assert_chinese(&format!("header when {state}"), &sizes(&view));
    }
}

#[test]
fn an_empty_branch_and_a_lost_database_speak_chinese() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("e.sqlite");
    let mut l =
        jifen::app::Ledger::init(&path, "红星村党支部", "twelve-point", None).expect("init");
    assert_chinese("no period yet", &sizes(&poller(&path).view(clock())));
    l.open_period("2026Q4").expect("period");
    drop(l);
    let mut board = poller(&path);
    assert_chinese("nothing to show", &sizes(&board.view(clock())));
    std::fs::remove_file(&path).expect("remove");
    board.poll(at("2026-12-20T10:00:05+08:00"));
    let gone = sizes(&board.view(at("2026-12-20T10:00:40+08:00")));
    assert!(gone.contains("数据库文件不见了"), "{gone}");
    assert_chinese("the database gone", &gone);
}

#[test]
fn the_same_check_catches_an_english_board() {
    let (_dir, path) = demo();
    let mut p = jifen::tui::board::Poller::new(&path, None, jifen::i18n::EN.board);
    p.poll(clock());
    let found = english_words(&sizes(&p.view(clock())));
    assert!(found.len() > 5, "{found:?}");
}
