//! Finding members and items by pinyin initials in the console, through its
//! real key handler on the demo branch.

use crate::console_common;

use console_common::{ch, demo, key, screen, typed};
use jifen::app::ClaimFilter;
use jifen::i18n::Lang;
use jifen::tui::console::{App, ScreenKind};
use ratatui::crossterm::event::KeyCode;

fn id_of(app: &App, name: &str) -> i64 {
    app.ledger().find_member(name).expect("member").id
}

#[test]
fn slash_zw_finds_zhang_wei_on_the_members_screen() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    ch(&mut app, '2');
    assert_eq!(app.screen_kind(), ScreenKind::Members);
    // Move away from the top first, so that finding him is the search's doing.
    key(&mut app, KeyCode::End);
    assert_ne!(app.selected_member_id(), Some(id_of(&app, "张伟")));
    ch(&mut app, '/');
    typed(&mut app, "zw");
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        app.selected_member_id(),
        Some(id_of(&app, "张伟")),
        "{:?}",
        app.status()
    );
    // His claims are the ones in the claims pane.
    let text = screen(&mut app, 120, 34);
    assert!(text.contains("张伟"), "{text}");
}

#[test]
fn initials_find_a_member_at_roll_call_and_the_mark_goes_to_them() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    ch(&mut app, '1');
    assert_eq!(app.screen_kind(), ScreenKind::RollCall);
    ch(&mut app, '/');
    typed(&mut app, "oynn");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.selected_member_id(), Some(id_of(&app, "欧阳娜娜")));
    ch(&mut app, 'l');
    let p = "2026Q4".parse().expect("period");
    let marks = app.ledger().attendance(&p).expect("attendance");
    assert_eq!(
        marks.get(&id_of(&app, "欧阳娜娜")).copied(),
        Some(jifen::domain::model::Attendance::Leave),
        "{:?}",
        app.status()
    );
}

#[test]
fn unknown_initials_say_no_match_and_keep_the_selection() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    ch(&mut app, '2');
    let before = app.selected_member_id();
    ch(&mut app, '/');
    // No pinyin syllable starts with v.
    typed(&mut app, "vv");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.selected_member_id(), before);
    assert!(app.status().is_some(), "the console says nothing matched");
}

#[test]
fn new_claim_item_picked_by_pinyin_initials() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    ch(&mut app, '2');
    let member = app.selected_member_id().expect("member");
    let count = |app: &App| {
        app.ledger()
            .claims(&ClaimFilter {
                member: Some(member),
                period: Some("2026Q4".into()),
                ..Default::default()
            })
            .expect("claims")
            .len()
    };
    let before = count(&app);
    ch(&mut app, 'n');
    // 无偿献血: wu chang xian xue.
    typed(&mut app, "wcxx");
    let text = screen(&mut app, 120, 34);
    assert!(
        text.contains("无偿献血"),
        "the picker lists the item:\n{text}"
    );
    for _ in 0..4 {
        key(&mut app, KeyCode::Tab);
    }
    typed(&mut app, "会上补报");
    key(&mut app, KeyCode::Enter);
    assert!(!app.has_overlay(), "{:?}", app.status());
    assert_eq!(count(&app), before + 1);
    let id = app.selected_claim_id().expect("the new claim is selected");
    assert_eq!(app.ledger().claim(id).expect("claim").item, "other.blood");
}
