//! Snapshots of the board: the demo branch (Chinese names, ties at 80) at the
//! projector sizes in every shipped theme, and each board mode.

use crate::board_common;

use board_common::*;
use jifen::tui::theme::Theme;

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

#[test]
fn pages_turn_by_themselves_and_ties_show_their_rank_once() {
    let (_dir, path) = demo();
    let p = poller(&path);
    let theme = Theme::default();
    let page = |secs: i64| {
        screen(
            &p.view(clock() + chrono::Duration::seconds(secs)),
            &theme,
            80,
            24,
        )
    };
    let first = page(0);
    assert!(first.contains("第 1/3 页"), "{first}");
    assert!(page(jifen::tui::board::view::PAGE_SECS).contains("第 2/3 页"));
    assert!(page(2 * jifen::tui::board::view::PAGE_SECS).contains("第 3/3 页"));
    assert!(page(3 * jifen::tui::board::view::PAGE_SECS).contains("第 1/3 页"));
    // Ranks 4, 5, 5: the shared 5 is written once.
    let ranks: Vec<&str> = first
        .lines()
        .filter(|l| l.contains("刘洋") || l.contains("于洋") || l.contains("何平"))
        .map(|l| l.split_whitespace().next().unwrap_or(""))
        .collect();
    assert_eq!(ranks, ["4", "5", "何平"], "{first}");
}

#[test]
fn activists_are_ranked_apart_under_their_heading() {
    let (_dir, path) = demo();
    let view = poller(&path).view(clock());
    let s = screen(&view, &Theme::default(), 240, 70);
    let lines: Vec<&str> = s.lines().collect();
    let h = lines
        .iter()
        .position(|l| l.contains("入党积极分子"))
        .unwrap_or_else(|| panic!("no activists' heading:\n{s}"));
    // 李秀英 (85, an activist) leads the activists' ranking at 1, on the
    // next line drawn under the heading (rows may be spaced out)...
    let under = lines[h + 1..]
        .iter()
        .find(|l| !l.trim().is_empty())
        .expect("a line under the heading");
    let words: Vec<&str> = under.split_whitespace().collect();
    let at = words
        .iter()
        .position(|w| *w == "李秀英")
        .expect("李秀英 under the heading");
    assert_eq!(words[at - 1], "1", "{under}");
    // ...and takes no place on the members' podium: 马超 (85) alone is first.
    let podium = lines
        .iter()
        .position(|l| l.contains("第1名"))
        .expect("podium");
    assert!(lines[podium + 1].contains("马 超"), "{s}");
    assert!(!lines[podium + 1].contains("李 秀 英"), "{s}");
}
