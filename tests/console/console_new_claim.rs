//! The new-claim form picks the level from the item's own levels, named in
//! the interface language (省级, not a typed `province`), and the claim is
//! priced at the level picked.

use crate::console_common;

use console_common::{ch, demo, key, screen, typed};
use jifen::i18n::Lang;
use jifen::tui::console::App;
use ratatui::crossterm::event::KeyCode;

/// The form's level row on a 100x30 screen.
fn level_row(app: &mut App, label: &str) -> String {
    let text = screen(app, 100, 30);
    text.lines()
        .find(|l| l.contains(label) && l.contains('>'))
        .unwrap_or_else(|| panic!("no level row in\n{text}"))
        .to_string()
}

#[test]
fn the_level_is_picked_from_the_items_levels_in_chinese() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    ch(&mut app, '2');
    let member = app.selected_member_id().expect("member");
    ch(&mut app, 'n');
    typed(&mut app, "会议发言");
    key(&mut app, KeyCode::Tab);
    // The speech item's levels, lowest first, in Chinese with their points.
    let row = level_row(&mut app, "级别");
    let (city, province, national) = (
        row.find("市级 3").expect(&row),
        row.find("省级 5").expect(&row),
        row.find("国家级 10").expect(&row),
    );
    assert!(city < province && province < national, "{row}");
    assert!(!row.contains("province"), "no codes shown: {row}");

    // Letters typed on the level row change nothing: the level is picked.
    typed(&mut app, "province");
    assert_eq!(level_row(&mut app, "级别"), row);

    // Submitting before a level is picked keeps the form open and says why.
    key(&mut app, KeyCode::Enter);
    assert!(app.has_overlay(), "{:?}", app.status());
    assert!(
        screen(&mut app, 100, 30).contains("请选择级别"),
        "{}",
        screen(&mut app, 100, 30)
    );

    // Right twice: 市级, then 省级.
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Right);
    let row = level_row(&mut app, "级别");
    assert!(row.contains("[省级 5]") && !row.contains("[市级"), "{row}");
    key(&mut app, KeyCode::Enter);
    assert!(!app.has_overlay(), "{:?}", app.status());
    let id = app.selected_claim_id().expect("the new claim is selected");
    let c = app.ledger().claim(id).expect("claim");
    assert_eq!(c.member_id, member);
    assert_eq!(c.item, "work.speech");
    assert_eq!(c.level.as_deref(), Some("province"));
    assert_eq!(c.claimed, 5.0, "a provincial speech gives 5 points");
}

#[test]
fn left_from_nothing_picks_the_highest_and_a_new_item_drops_a_level_it_lacks() {
    let (_d, _p, mut app) = demo(Lang::En);
    ch(&mut app, '2');
    ch(&mut app, 'n');
    typed(&mut app, "award.personal");
    key(&mut app, KeyCode::Tab);
    let row = level_row(&mut app, "Level");
    assert!(
        row.contains("unit 1") && row.contains("national 5"),
        "{row}"
    );
    key(&mut app, KeyCode::Left);
    key(&mut app, KeyCode::Left);
    key(&mut app, KeyCode::Left);
    key(&mut app, KeyCode::Right);
    // national -> province -> city -> (Right) province
    key(&mut app, KeyCode::BackTab);
    // Another item that has a provincial level: the picked province stays.
    for _ in 0.."award.personal".len() {
        key(&mut app, KeyCode::Backspace);
    }
    typed(&mut app, "work.written");
    key(&mut app, KeyCode::Enter);
    assert!(!app.has_overlay(), "{:?}", app.status());
    let id = app.selected_claim_id().expect("claim");
    let c = app.ledger().claim(id).expect("claim");
    assert_eq!(c.item, "work.written");
    assert_eq!(c.level.as_deref(), Some("province"), "kept across items");
    assert_eq!(c.claimed, 3.0);

    // An item without levels says so, and a level picked before is dropped.
    ch(&mut app, 'n');
    typed(&mut app, "work.written");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::BackTab);
    for _ in 0.."work.written".len() {
        key(&mut app, KeyCode::Backspace);
    }
    typed(&mut app, "other.blood");
    assert!(level_row(&mut app, "Level").contains("no levels"));
    key(&mut app, KeyCode::Enter);
    assert!(!app.has_overlay(), "{:?}", app.status());
    let id = app.selected_claim_id().expect("claim");
    let c = app.ledger().claim(id).expect("claim");
    assert_eq!(c.item, "other.blood");
    assert_eq!(c.level, None);
}
