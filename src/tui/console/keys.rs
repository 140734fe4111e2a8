//! The keys every screen shares, and routing a key in normal mode: the
//! screen's own list first, then these (prompts and popups read their own).

use super::action::Action;
use super::keymap::{bind as on, ch, code, ctrl, lookup, Binding, Show};
use super::screen::ScreenKind;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

/// Keys that work on every screen.
pub const GLOBAL: &[Binding<Action>] = &[
    on(
        &[code(KeyCode::Up), ch('k')],
        Action::Up,
        |t| t.k_up,
        Show::Help,
    ),
    on(
        &[code(KeyCode::Down), ch('j')],
        Action::Down,
        |t| t.k_down,
        Show::Help,
    ),
    on(
        &[code(KeyCode::PageUp), ctrl('u')],
        Action::PageUp,
        |t| t.k_page_up,
        Show::Help,
    ),
    on(
        &[code(KeyCode::PageDown), ctrl('d')],
        Action::PageDown,
        |t| t.k_page_down,
        Show::Help,
    ),
    on(
        &[code(KeyCode::Home), ch('g')],
        Action::Top,
        |t| t.k_top,
        Show::Help,
    ),
    on(
        &[code(KeyCode::End), ch('G')],
        Action::Bottom,
        |t| t.k_bottom,
        Show::Help,
    ),
    on(
        &[code(KeyCode::Enter)],
        Action::Open,
        |t| t.k_open,
        Show::Help,
    ),
    on(
        &[code(KeyCode::Tab)],
        Action::NextPane,
        |t| t.k_pane,
        Show::Help,
    ),
    on(
        &[code(KeyCode::BackTab)],
        Action::PrevPane,
        |t| t.k_pane_back,
        Show::Help,
    ),
    on(&[ch('/')], Action::Search, |t| t.k_search, Show::Help),
    on(&[ch('u')], Action::Undo, |t| t.k_undo, Show::Footer),
    // The room display is the assembly's most used key: it always shows.
    on(&[ch('b')], Action::Board, |t| t.k_board, Show::Pinned),
    on(
        &[ch('>')],
        Action::BoardStep,
        |t| t.k_board_step,
        Show::Help,
    ),
    on(
        &[code(KeyCode::Esc)],
        Action::Back,
        |t| t.k_back,
        Show::Footer,
    ),
    on(
        &[ch('?'), code(KeyCode::F(1))],
        Action::Help,
        |t| t.k_help,
        Show::Pinned,
    ),
    on(&[ch('q')], Action::Quit, |t| t.k_quit, Show::Pinned),
    on(
        &[ctrl('c'), ctrl('q')],
        Action::ForceQuit,
        |t| t.k_quit,
        Show::Help,
    ),
];

/// The action a key means on a screen, if any.
pub fn action_for(screen: ScreenKind, key: KeyEvent) -> Option<Action> {
    lookup(screen.keys(), &key).or_else(|| lookup(GLOBAL, &key))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyModifiers;

    fn event(k: super::super::keymap::Key) -> KeyEvent {
        let m = if k.ctrl {
            KeyModifiers::CONTROL
        } else {
            KeyModifiers::NONE
        };
        KeyEvent::new(k.code, m)
    }

    /// Every key a screen lists does on that screen what its line says, and
    /// every shared key does so wherever the screen does not give it its own
    /// meaning (Enter marks present at roll call and locks on the lock screen).
    #[test]
    fn every_listed_key_does_what_its_line_says() {
        for screen in ScreenKind::ALL {
            let own =
                |k: &super::super::keymap::Key| screen.keys().iter().any(|b| b.keys.contains(k));
            let shared = GLOBAL.iter().filter(|b| !b.keys.iter().all(own));
            for b in screen.keys().iter().chain(shared) {
                for (i, k) in b.keys.iter().enumerate() {
                    if !screen.keys().iter().any(|x| std::ptr::eq(x, b)) && own(k) {
                        continue;
                    }
                    let want = match b.act {
                        super::super::keymap::Act::Do(a) => a,
                        super::super::keymap::Act::Nth(f) => f(i as u8),
                    };
                    let got = action_for(screen, event(*k));
                    assert_eq!(got, Some(want), "{screen:?}: {}", k.name());
                }
            }
        }
    }

    #[test]
    fn the_overview_digits_open_the_steps_in_order() {
        for (c, i) in ('1'..='6').zip(0u8..) {
            let e = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
            assert_eq!(action_for(ScreenKind::Overview, e), Some(Action::Step(i)));
        }
        let ctrl_a = KeyEvent::new(KeyCode::Char('a'), KeyModifiers::CONTROL);
        assert_eq!(
            action_for(ScreenKind::Members, ctrl_a),
            None,
            "Ctrl-A is not a"
        );
    }
}
