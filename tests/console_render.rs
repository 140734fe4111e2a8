//! Every console screen rendered into TestBackend at 80x24 and 120x40 with
//! the Chinese demo branch, snapshotted as text.

mod console_common;

use console_common::{ch, demo, key, screen};
use jifen::cli::Lang;
use jifen::tui::console::App;
use ratatui::crossterm::event::KeyCode;

fn both_sizes(name: &str, app: &mut App) {
    insta::assert_snapshot!(format!("{name}_80x24"), screen(app, 80, 24));
    insta::assert_snapshot!(format!("{name}_120x40"), screen(app, 120, 40));
}

#[test]
fn overview() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    both_sizes("overview", &mut app);
}

#[test]
fn roll_call() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    ch(&mut app, '1');
    both_sizes("roll_call", &mut app);
}

#[test]
fn members_and_claims() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    ch(&mut app, '2');
    both_sizes("members", &mut app);
    key(&mut app, KeyCode::Tab);
    both_sizes("members_claims_pane", &mut app);
}

#[test]
fn members_in_english() {
    let (_d, _p, mut app) = demo(Lang::En);
    ch(&mut app, '2');
    both_sizes("members_en", &mut app);
}

#[test]
fn confirmation() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    ch(&mut app, '3');
    both_sizes("confirm", &mut app);
}

#[test]
fn lock_checklist() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    ch(&mut app, '4');
    both_sizes("lock", &mut app);
}

#[test]
fn year_view() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    ch(&mut app, '5');
    both_sizes("year", &mut app);
}

#[test]
fn help_overlay() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    ch(&mut app, '2');
    ch(&mut app, '?');
    both_sizes("help", &mut app);
}

#[test]
fn board_popup() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    ch(&mut app, '2');
    ch(&mut app, 'b');
    both_sizes("board_popup", &mut app);
}

#[test]
fn adjust_prompt() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    ch(&mut app, '2');
    ch(&mut app, 'e');
    both_sizes("adjust_prompt", &mut app);
}

#[test]
fn new_claim_form() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    ch(&mut app, '2');
    ch(&mut app, 'n');
    console_common::typed(&mut app, "献血");
    both_sizes("new_claim", &mut app);
}

#[test]
fn too_small_and_tiny_sizes_never_panic() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    insta::assert_snapshot!("too_small_60x12", screen(&mut app, 60, 12));
    for screen_key in ['1', '2', '3', '4', '5'] {
        ch(&mut app, screen_key);
        for (w, h) in [
            (1, 1),
            (2, 2),
            (10, 3),
            (79, 24),
            (80, 23),
            (80, 24),
            (81, 25),
            (200, 60),
        ] {
            screen(&mut app, w, h);
        }
        ch(&mut app, '?');
        screen(&mut app, 80, 24);
        key(&mut app, KeyCode::Esc);
        key(&mut app, KeyCode::Esc);
    }
}
