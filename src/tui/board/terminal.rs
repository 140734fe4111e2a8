//! The full-screen loop: terminal set-up and restore, input, signals, redraws.

use super::draw::draw;
use super::poller::{Poller, POLL};
use crate::theme::Theme;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// Restores the terminal however the loop ends (early return, error, panic unwind).
struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        ratatui::restore();
    }
}

/// Run until a quit key, a hang-up or termination, or the terminal going away.
pub fn run(mut poller: Poller, theme: &Theme) -> std::io::Result<()> {
    let stop = Arc::new(AtomicBool::new(false));
    for sig in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        signal_hook::flag::register(sig, Arc::clone(&stop))?;
    }
    // try_init also installs a panic hook that restores the terminal first.
    let mut terminal = ratatui::try_init()?;
    let _guard = Guard;
    let mut last = None;
    let mut dirty = true;
    while !stop.load(Ordering::Relaxed) {
        let now = chrono::Local::now().fixed_offset();
        poller.poll(now);
        let view = poller.view(now);
        if dirty || last.as_ref() != Some(&view) {
            terminal.draw(|f| {
                let area = f.area();
                draw(&view, theme, area, f.buffer_mut());
            })?;
            last = Some(view);
            dirty = false;
        }
        // Errors here mean the terminal is gone: leave instead of spinning.
        if event::poll(POLL)? {
            match event::read()? {
                Event::Key(k) if k.kind == KeyEventKind::Press => {
                    let ctrl_c =
                        k.code == KeyCode::Char('c') && k.modifiers.contains(KeyModifiers::CONTROL);
                    if ctrl_c || matches!(k.code, KeyCode::Char('q') | KeyCode::Esc) {
                        break;
                    }
                }
                Event::Resize(..) => dirty = true,
                _ => {}
            }
        }
    }
    Ok(())
}
