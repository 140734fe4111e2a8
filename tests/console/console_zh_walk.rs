//! A Chinese console walked through every screen and overlay (at 80x24 and
//! 120x40): the screen and its status line hold no English word but item
//! codes, ids, seals, key names and commands (see `common::zh_words`).

use crate::common::zh_words::assert_chinese;
use crate::console_common;

use console_common::{ch, demo, key, screen, typed};
use jifen::i18n::Lang;
use jifen::tui::console::{App, ScreenKind};
use ratatui::crossterm::event::KeyCode;

/// Fails when what a Chinese secretary sees now, at both sizes, has English words.
fn sees_chinese(app: &mut App, what: &str) {
    for (w, h) in [(80, 24), (120, 40)] {
        // The screen helper writes dates as YYYY-MM-DD, so tests do not hang on the day.
        let text = screen(app, w, h).replace("YYYY-MM-DD", "2026-12-01");
        assert_chinese(&format!("{what} at {w}x{h}"), &text);
    }
    let status = app.status().unwrap_or_default().to_string();
    assert_chinese(&format!("{what}: status line"), &status);
}

/// Open an overlay with `open`, look at it, then close it with Esc.
fn overlay(app: &mut App, open: &[KeyCode], what: &str) {
    for k in open {
        key(app, *k);
    }
    assert!(app.has_overlay(), "{what} opens an overlay");
    sees_chinese(app, what);
    key(app, KeyCode::Esc);
    assert!(!app.has_overlay(), "{what} closes with Esc");
}

/// Back to the overview, where the digits pick a screen.
fn home(app: &mut App) {
    for _ in 0..6 {
        if app.screen_kind() == ScreenKind::Overview && !app.has_overlay() {
            return;
        }
        key(app, KeyCode::Esc);
    }
    assert_eq!(app.screen_kind(), ScreenKind::Overview);
}

fn c(c: char) -> KeyCode {
    KeyCode::Char(c)
}

#[test]
fn every_screen_and_overlay_speaks_chinese() {
    let (_d, path, mut app) = demo(Lang::Zh);
    let day = console_common::lock_day(app.ledger(), "2026Q3");
    console_common::file_demo_appeal(&path, day);
    app.set_today(day);

    sees_chinese(&mut app, "overview");
    overlay(&mut app, &[c('?')], "help on the overview");
    overlay(&mut app, &[c('b')], "board control");
    // The quit question is asked on the status line.
    ch(&mut app, 'q');
    sees_chinese(&mut app, "quit question");
    home(&mut app);

    ch(&mut app, '1');
    assert_eq!(app.screen_kind(), ScreenKind::RollCall);
    sees_chinese(&mut app, "roll call");
    ch(&mut app, 'x');
    sees_chinese(&mut app, "roll call after an absence mark");
    overlay(&mut app, &[c('u')], "undo question");
    home(&mut app);

    ch(&mut app, '2');
    assert_eq!(app.screen_kind(), ScreenKind::Members);
    sees_chinese(&mut app, "members");
    key(&mut app, KeyCode::Tab);
    sees_chinese(&mut app, "members, claims pane");
    overlay(&mut app, &[c('e')], "adjust prompt");
    overlay(&mut app, &[c('r')], "reject prompt");
    overlay(&mut app, &[c('A')], "approve-all question");
    overlay(&mut app, &[c('/')], "search prompt");
    overlay(&mut app, &[c('?')], "help on the members");
    overlay(&mut app, &[c('f')], "appeal form");
    ch(&mut app, 'n');
    typed(&mut app, "会议发言");
    sees_chinese(&mut app, "new claim form");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Right);
    sees_chinese(&mut app, "new claim form, level picked");
    key(&mut app, KeyCode::Esc);
    ch(&mut app, 'a');
    sees_chinese(&mut app, "after an approval");
    ch(&mut app, 'c');
    sees_chinese(&mut app, "a signing refused or done");
    home(&mut app);

    ch(&mut app, '3');
    assert_eq!(app.screen_kind(), ScreenKind::Confirm);
    sees_chinese(&mut app, "confirmation");
    overlay(&mut app, &[c('d')], "dispute prompt");
    home(&mut app);

    ch(&mut app, '4');
    assert_eq!(app.screen_kind(), ScreenKind::Lock);
    sees_chinese(&mut app, "lock checklist");
    overlay(&mut app, &[c('p')], "papers");
    home(&mut app);

    ch(&mut app, '5');
    assert_eq!(app.screen_kind(), ScreenKind::Year);
    sees_chinese(&mut app, "year");
    key(&mut app, KeyCode::Tab);
    sees_chinese(&mut app, "year, follow-ups");
    ch(&mut app, 'G');
    sees_chinese(&mut app, "year, at the bottom");
    home(&mut app);

    ch(&mut app, '6');
    assert_eq!(app.screen_kind(), ScreenKind::Appeals);
    sees_chinese(&mut app, "appeals");
    overlay(&mut app, &[c('a')], "uphold prompt");
    overlay(&mut app, &[c('r')], "dismiss prompt");
    overlay(&mut app, &[c('p')], "papers from the appeals");
}

#[test]
fn the_lock_and_its_questions_speak_chinese() {
    let (_d, path, mut app) = demo(Lang::Zh);
    {
        let mut l = jifen::app::Ledger::open(&path, None).expect("ledger");
        let pending = l
            .claims(&jifen::app::ClaimFilter {
                period: Some("2026Q4".into()),
                pending_only: true,
                ..Default::default()
            })
            .expect("claims");
        for c in pending {
            l.verdict(c.id, jifen::domain::model::Outcome::Approved, None, None)
                .expect("approve");
        }
    }
    ch(&mut app, '4');
    key(&mut app, KeyCode::Enter);
    sees_chinese(&mut app, "the inquorate question");
    ch(&mut app, 'y');
    sees_chinese(&mut app, "the lock's typed confirmation");
    typed(&mut app, "2026Q4");
    key(&mut app, KeyCode::Enter);
    sees_chinese(&mut app, "papers offered after the lock");
    key(&mut app, KeyCode::Esc);
    sees_chinese(&mut app, "the sealed summary");
    ch(&mut app, 'u');
    sees_chinese(&mut app, "undo after the lock");
}

#[test]
fn the_same_check_catches_an_english_console() {
    let (_d, _p, mut app) = demo(Lang::En);
    ch(&mut app, '2');
    let found = crate::common::zh_words::english_words(&screen(&mut app, 120, 40));
    assert!(found.len() > 10, "{found:?}");
}
