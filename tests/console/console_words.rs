//! A Chinese console says the core's refusals and the roll call's notes in
//! Chinese: driven by keys on the demo branch, failing on English words.

use crate::console_common;

use console_common::{ch, demo, key, screen, typed};
use jifen::app::Ledger;
use jifen::domain::model::ClaimStatus;
use jifen::i18n::Lang;
use jifen::tui::console::{App, ScreenKind};
use ratatui::crossterm::event::KeyCode;

/// Fails when `s` holds an English word (three or more Latin letters in a row).
fn assert_no_english(s: &str, what: &str) {
    let mut run = 0;
    for c in s.chars() {
        run = if c.is_ascii_alphabetic() { run + 1 } else { 0 };
        assert!(run < 3, "{what} has English words: {s}");
    }
}

fn status(app: &App) -> String {
    app.status().unwrap_or_default().to_string()
}

/// Find 张伟 (no claims of his own in 2026Q4) on the current screen by `/zw`.
fn find_zhang_wei(app: &mut App) {
    ch(app, '/');
    typed(app, "zw");
    key(app, KeyCode::Enter);
}

#[test]
fn the_absence_note_and_the_withdrawn_refusal_are_in_chinese() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    let zw = app.ledger().find_member("张伟").expect("member").id;
    ch(&mut app, '1');
    assert_eq!(app.screen_kind(), ScreenKind::RollCall);
    find_zhang_wei(&mut app);
    ch(&mut app, 'x');
    assert_no_english(&status(&app), "the absence mark's message");

    // The claim the mark made, in his claims pane: its note reads 点名: 缺席.
    key(&mut app, KeyCode::Esc);
    ch(&mut app, '2');
    find_zhang_wei(&mut app);
    assert_eq!(app.selected_member_id(), Some(zw));
    key(&mut app, KeyCode::Tab);
    let claim = app.selected_claim_id().expect("the absence claim");
    let stored = app.ledger().claim(claim).expect("claim");
    assert_eq!(
        stored.note.as_deref(),
        Some("roll call: absent"),
        "stored as before"
    );
    let text = screen(&mut app, 120, 34);
    assert!(text.contains("点名: 缺席"), "{text}");
    assert!(!text.contains("roll call"), "{text}");

    // Corrected to present, the claim is withdrawn and leaves his pane.
    key(&mut app, KeyCode::Esc);
    ch(&mut app, '1');
    find_zhang_wei(&mut app);
    ch(&mut app, 'p');
    assert_no_english(&status(&app), "the correction's message");
    assert_eq!(
        app.ledger().claim(claim).expect("claim").status,
        ClaimStatus::Withdrawn
    );
    key(&mut app, KeyCode::Esc);
    ch(&mut app, '2');
    find_zhang_wei(&mut app);
    let text = screen(&mut app, 120, 34);
    assert!(!text.contains("点名: 缺席"), "{text}");
}

#[test]
fn a_read_only_console_refuses_in_chinese() {
    let (_d, path, app) = demo(Lang::Zh);
    let branch = app.ledger().branch().name.clone();
    let ro = Ledger::open_read_only(&path, Some(&branch)).expect("read-only");
    let mut app = App::new(ro, Lang::Zh).expect("console");
    ch(&mut app, '1');
    find_zhang_wei(&mut app);
    ch(&mut app, 'x');
    let said = status(&app);
    assert!(said.contains("只读"), "{said}");
    assert_no_english(&said, "the read-only refusal");
    let p = "2026Q4".parse().expect("period");
    let zw = app.ledger().find_member("张伟").expect("member").id;
    assert!(
        !app.ledger()
            .attendance(&p)
            .expect("attendance")
            .contains_key(&zw),
        "nothing was marked"
    );
}
