//! Snapshots of the board: the demo branch (Chinese names, ties at 80) at the
//! projector sizes in every shipped theme, and each board mode.

mod board_common;

use board_common::*;
use jifen::theme::Theme;

const SIZES: [(u16, u16); 3] = [(80, 24), (140, 40), (240, 70)];

#[test]
fn live_ranking_at_each_size_and_theme() {
    let (_dir, path) = demo();
    let p = poller(&path);
    let view = p.view(clock());
    for (w, h) in SIZES {
        let reference = screen(&view, &Theme::default(), w, h);
        insta::assert_snapshot!(format!("live_{w}x{h}"), reference);
        for name in Theme::shipped_names() {
            let theme = Theme::shipped(name).expect("shipped theme");
            // The layout is the same in every theme; only colours differ.
            assert_eq!(screen(&view, &theme, w, h), reference, "{name} at {w}x{h}");
        }
    }
}

#[test]
fn live_ranking_colours_per_theme() {
    let (_dir, path) = demo();
    let view = poller(&path).view(clock());
    for name in Theme::shipped_names() {
        let theme = Theme::shipped(name).expect("shipped theme");
        insta::assert_snapshot!(
            format!("colours_{name}_140x40"),
            colours(&render(&view, &theme, 140, 40))
        );
    }
}
