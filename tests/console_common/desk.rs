//! Driving the committee's desk in tests: a desk that looks on 2100-01-20
//! (past every deadline of the county in `common::committee`), keys, and
//! its screen as text.

use jifen::i18n::Lang;
use jifen::tui::console::desk::Desk;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use std::path::Path;

/// The desk on the committee database `c`, as of 2100-01-20.
pub fn desk(c: &Path, lang: Lang) -> Desk {
    let mut d = Desk::new(c, lang).expect("desk");
    d.set_today("2100-01-20".parse().expect("day"));
    d
}

/// The desk drawn at `w` x `h`, as text.
pub fn screen(d: &mut Desk, w: u16, h: u16) -> String {
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    term.draw(|f| d.draw(f)).expect("draw");
    super::buffer_text(term.backend().buffer())
}

pub fn key(d: &mut Desk, code: KeyCode) {
    d.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

/// A character key; a capital letter comes with Shift, as a terminal sends it.
pub fn ch(d: &mut Desk, c: char) {
    let m = if c.is_ascii_uppercase() {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    d.handle_key(KeyEvent::new(KeyCode::Char(c), m));
}

pub fn typed(d: &mut Desk, s: &str) {
    for c in s.chars() {
        ch(d, c);
    }
}
