//! The hint line an open prompt or popup draws inside itself comes from that
//! overlay's key list: the keys that work there, with their labels, in the
//! interface language, and only those.

use crate::console_common;

use console_common::{ch, demo, key, screen};
use jifen::i18n::Lang;
use jifen::tui::console::App;
use ratatui::crossterm::event::KeyCode;

/// The rows of the screen above the footer (the popup draws among them).
fn body(app: &mut App, w: u16, h: u16) -> Vec<String> {
    let text = screen(app, w, h);
    let mut rows: Vec<String> = text.lines().map(str::to_string).collect();
    rows.truncate(usize::from(h) - 1);
    rows
}

/// The one body row that holds every hint, or a failure naming what is missing.
fn hint_row(rows: &[String], hints: &[&str]) -> String {
    rows.iter()
        .find(|r| hints.iter().all(|h| r.contains(h)))
        .cloned()
        .unwrap_or_else(|| {
            panic!(
                "no row inside the popup holds {hints:?}:\n{}",
                rows.join("\n")
            )
        })
}

/// The adjacent body rows that between them hold every hint (a narrow popup
/// puts its keys on two rows), or a failure naming what is missing.
fn hint_rows(rows: &[String], hints: &[&str]) -> Vec<String> {
    for n in 1..=2 {
        if let Some(w) = rows
            .windows(n)
            .find(|w| hints.iter().all(|h| w.iter().any(|r| r.contains(h))))
        {
            return w.to_vec();
        }
    }
    panic!(
        "no rows inside the popup hold {hints:?}:\n{}",
        rows.join("\n")
    )
}

/// Members screen, first member's claims, the adjust prompt.
fn adjust_prompt(lang: Lang) -> (tempfile::TempDir, App) {
    let (d, _p, mut app) = demo(lang);
    ch(&mut app, '2');
    ch(&mut app, 'e');
    assert!(app.has_overlay(), "{:?}", app.status());
    (d, app)
}

#[test]
fn a_prompt_draws_the_keys_of_a_prompt() {
    let (_d, mut app) = adjust_prompt(Lang::En);
    let rows = body(&mut app, 120, 40);
    let row = hint_row(&rows, &["Enter ok", "Esc cancel", "Tab next field"]);
    // Shift-Tab is in the help only; the yes/no keys are not a prompt's.
    assert!(!row.contains("Shift-Tab") && !row.contains("yes"), "{row}");
    let (_d, mut app) = adjust_prompt(Lang::Zh);
    let rows = body(&mut app, 80, 24);
    hint_row(&rows, &["Enter 确定", "Esc 取消", "Tab 下一项"]);
}

#[test]
fn a_yes_no_question_names_y_and_n_beside_enter_and_esc() {
    for (lang, yes, no) in [
        (Lang::En, "Enter/y yes", "Esc/n no"),
        (Lang::Zh, "Enter/y 是", "Esc/n 否"),
    ] {
        let (_d, _p, mut app) = demo(lang);
        // Approve the first member's pending claim, then ask to undo it.
        ch(&mut app, '2');
        ch(&mut app, 'a');
        assert!(!app.has_overlay(), "{:?}", app.status());
        ch(&mut app, 'u');
        assert!(app.has_overlay(), "{:?}", app.status());
        let rows = body(&mut app, 80, 24);
        let row = hint_row(&rows, &[yes, no]);
        assert!(!row.contains("Tab"), "a question has no fields: {row}");
        // n answers it as the hint says: the question closes, nothing undone.
        ch(&mut app, 'n');
        assert!(!app.has_overlay(), "{:?}", app.status());
        let rows = body(&mut app, 80, 24);
        assert!(rows.iter().all(|r| !r.contains(yes)), "{}", rows.join("\n"));
    }
}

#[test]
fn quitting_a_half_filled_prompt_asks_with_the_yes_no_keys() {
    let (_d, mut app) = adjust_prompt(Lang::En);
    console_common::typed(&mut app, "3");
    key(&mut app, KeyCode::Tab);
    console_common::typed(&mut app, "late");
    app.handle_key(ratatui::crossterm::event::KeyEvent::new(
        KeyCode::Char('c'),
        ratatui::crossterm::event::KeyModifiers::CONTROL,
    ));
    let rows = body(&mut app, 80, 24);
    hint_row(&rows, &["Enter/y yes", "Esc/n no"]);
}

#[test]
fn the_new_claim_form_names_how_to_pick_an_item_and_a_level() {
    for (lang, w, h, hints) in [
        (
            Lang::En,
            120,
            40,
            ["Enter ok", "Up/Down pick item", "Left/Right pick level"],
        ),
        (
            Lang::Zh,
            80,
            24,
            ["Enter 确定", "Up/Down 选择事项", "Left/Right 选择级别"],
        ),
    ] {
        let (_d, _p, mut app) = demo(lang);
        ch(&mut app, '2');
        ch(&mut app, 'n');
        assert!(app.has_overlay(), "{:?}", app.status());
        let rows = body(&mut app, w, h);
        let found = hint_rows(&rows, &hints);
        // None of a prompt's yes/no keys, none of the screen's keys.
        assert!(
            found
                .iter()
                .all(|r| !r.contains("Esc/n") && !r.contains("a approve")),
            "{found:?}"
        );
    }
}

#[test]
fn the_papers_popup_names_its_write_format_and_close_keys() {
    for (lang, hints) in [
        (
            Lang::En,
            [
                "1-6 write one",
                "Left/Right format",
                "Enter write",
                "Esc close",
            ],
        ),
        (
            Lang::Zh,
            [
                "1-6 写出第几项",
                "Left/Right 格式",
                "Enter 写出",
                "Esc 关闭",
            ],
        ),
    ] {
        let (_d, _p, mut app) = demo(lang);
        ch(&mut app, '4');
        ch(&mut app, 'p');
        assert!(app.has_overlay(), "{:?}", app.status());
        let rows = body(&mut app, 120, 40);
        let row = hint_row(&rows, &hints);
        // Up/Down and x/c/w are in the help only.
        assert!(!row.contains("x c w"), "{row}");
    }
}

#[test]
fn a_popup_border_is_never_covered_by_half_a_chinese_name() {
    use unicode_width::UnicodeWidthStr;
    let (_d, mut app) = adjust_prompt(Lang::Zh);
    for (w, h) in [(80, 24), (120, 40)] {
        let area = ratatui::layout::Rect::new(0, 0, w, h);
        let mut buf = ratatui::buffer::Buffer::empty(area);
        app.render(area, &mut buf);
        // A terminal draws a wide character over the next cell too: one
        // just left of a border line would hide that border.
        for y in 0..h {
            for x in 1..w {
                let here = buf[(x, y)].symbol();
                let left = buf[(x - 1, y)].symbol();
                if ["│", "┌", "└"].contains(&here) {
                    assert!(
                        left.width() < 2,
                        "{left} covers the border at {x},{y} ({w}x{h})"
                    );
                }
            }
        }
    }
}
