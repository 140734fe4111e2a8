//! The key lists the screens and overlays own: the README's key table is
//! the one they give, and every screen's footer keeps help and quit at 80
//! columns while the keys it shows are the screen's own.

use crate::console_common;

use console_common::{ch, demo, key, screen};
use jifen::i18n::Lang;
use jifen::tui::console::{all_keys, readme_table, App, ScreenKind};
use ratatui::crossterm::event::KeyCode;

const BEGIN: &str = "<!-- keys: generated from the console's key lists; `JIFEN_BLESS_README=1 cargo test --test console key_lists` rewrites it -->\n";
const END: &str = "<!-- /keys -->";

#[test]
fn the_readme_key_table_is_the_one_the_key_lists_give() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).expect("README.md");
    let start = readme.find(BEGIN).expect("the README marks its key table") + BEGIN.len();
    let end = start + readme[start..].find(END).expect("the key table's end mark");
    let want = readme_table();
    if std::env::var_os("JIFEN_BLESS_README").is_some() {
        let fresh = format!("{}{want}{}", &readme[..start], &readme[end..]);
        std::fs::write(&path, fresh).expect("write README.md");
        return;
    }
    assert_eq!(
        &readme[start..end],
        want,
        "README's key table differs from the key lists: run JIFEN_BLESS_README=1 cargo test --test console key_lists"
    );
}

#[test]
fn the_readme_table_names_every_listed_key_with_its_english_label() {
    let table = readme_table();
    // Spot-check meanings a secretary relies on, as the lists give them.
    for row in [
        "| `a` | Claims by member | approve |",
        "| `L` | Overview | lock |",
        "| `Enter` `L` | Lock | lock |",
        "| `1-6` | Overview |",
        "| `?` `F1` | all screens | help |",
        "| `Ctrl-C` `Ctrl-Q` | all screens | quit |",
    ] {
        assert!(table.contains(row), "missing {row}:\n{table}");
    }
    let sections = all_keys(jifen::i18n::EN.console);
    let rows: usize = sections.iter().map(|(_, keys)| keys.len()).sum();
    assert_eq!(table.lines().count(), rows + 2, "one row per binding");
}

/// Open a screen from the overview with the keys a secretary presses.
fn open(app: &mut App, kind: ScreenKind) {
    match kind {
        ScreenKind::Overview => {}
        ScreenKind::RollCall => ch(app, '1'),
        ScreenKind::Members => ch(app, '2'),
        ScreenKind::Confirm => ch(app, '3'),
        ScreenKind::Lock => ch(app, '4'),
        ScreenKind::Year => ch(app, '5'),
        ScreenKind::Appeals => ch(app, '6'),
        ScreenKind::Redeem => ch(app, 'x'),
        ScreenKind::Appraisal => ch(app, 'a'),
    }
    assert_eq!(app.screen_kind(), kind, "{:?}", app.status());
}

#[test]
fn every_footer_keeps_help_and_quit_at_80_columns() {
    for (lang, help, quit) in [
        (Lang::Zh, "? 帮助", "q 退出"),
        (Lang::En, "? help", "q quit"),
    ] {
        for kind in ScreenKind::ALL {
            let (_d, _p, mut app) = demo(lang);
            open(&mut app, kind);
            let text = screen(&mut app, 80, 24);
            let footer = text.lines().nth(23).expect("a footer line");
            assert!(footer.contains(help), "{kind:?} {lang:?}: {footer}");
            assert!(footer.contains(quit), "{kind:?} {lang:?}: {footer}");
            assert!(
                footer.trim_end().ends_with(quit),
                "quit closes the footer: {footer}"
            );
        }
    }
}

#[test]
fn a_footer_shows_the_screens_own_keys_first() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    open(&mut app, ScreenKind::RollCall);
    let text = screen(&mut app, 80, 24);
    let footer = text.lines().nth(23).expect("footer");
    assert!(
        footer.trim_start().starts_with("p 到会  l 请假  x 缺席"),
        "{footer}"
    );
    // On members the claims' verdicts lead; the shared keys come after.
    key(&mut app, KeyCode::Esc);
    open(&mut app, ScreenKind::Members);
    let text = screen(&mut app, 120, 40);
    let footer = text.lines().nth(39).expect("footer");
    let approve = footer.find("a 通过").expect("approve shown");
    let help = footer.find("? 帮助").expect("help shown");
    assert!(approve < help, "{footer}");
    for pinned in ["b 大屏", "? 帮助", "q 退出"] {
        assert!(footer.contains(pinned), "{pinned} always shows: {footer}");
    }
}

/// The board, the help and quit keep their place in the footer at 120 and
/// at 80 columns, on the overview (where the appraisal's key took b's room)
/// and on the screens with the longest key lists.
#[test]
fn the_footer_always_keeps_the_board_help_and_quit() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    for (w, h) in [(120u16, 34u16), (80, 24)] {
        for kind in [ScreenKind::Overview, ScreenKind::Members, ScreenKind::Year] {
            if kind != ScreenKind::Overview {
                open(&mut app, kind);
            }
            let text = screen(&mut app, w, h);
            let footer = text.lines().nth(h as usize - 1).expect("footer");
            for pinned in ["b 大屏", "? 帮助", "q 退出"] {
                assert!(
                    footer.contains(pinned),
                    "{kind:?} at {w}: {pinned}: {footer}"
                );
            }
            if kind != ScreenKind::Overview {
                key(&mut app, KeyCode::Esc);
            }
        }
    }
}

#[test]
fn an_open_prompt_shows_its_own_keys_in_the_footer() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    open(&mut app, ScreenKind::Members);
    ch(&mut app, '/');
    assert!(app.has_overlay());
    let text = screen(&mut app, 80, 24);
    let footer = text.lines().nth(23).expect("footer");
    assert!(footer.contains("Enter 确定"), "{footer}");
    assert!(footer.contains("Esc 取消"), "{footer}");
    assert!(
        !footer.contains("a 通过"),
        "the screen's keys do not work under a prompt: {footer}"
    );
}

#[test]
fn the_help_lists_the_screens_keys_and_the_shared_ones() {
    let (_d, _p, mut app) = demo(Lang::En);
    open(&mut app, ScreenKind::Appeals);
    ch(&mut app, '?');
    let text = screen(&mut app, 120, 40);
    for label in ["uphold", "dismiss", "reconsider", "undo", "page down"] {
        assert!(text.contains(label), "help names '{label}':\n{text}");
    }
    assert!(
        !text.contains("approve all"),
        "the members screen's keys are not this screen's:\n{text}"
    );
}
