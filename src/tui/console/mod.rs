//! The secretary's console (full-screen): walk the assembly from roll call
//! to lock, keyboard only. Keys become `Action`s, `App::update` calls the
//! core, and pure draw functions render the core's view models.

mod action;
mod app;
mod appeals;
mod appraisal;
mod appraisal_count;
mod appraisal_undo;
mod board_control;
mod board_popup;
mod chrome;
mod confirm;
pub mod desk;
mod field;
mod grade_picker;
mod help;
mod keymap;
mod keys;
mod lock;
mod meeting_form;
mod members;
mod new_claim;
mod overview;
mod papers;
mod prompt;
mod redeem;
mod roll_call;
mod screen;
pub mod style;
mod terminal;
mod update;
mod walk;
mod year;

pub use action::Action;
pub use app::{App, MIN_HEIGHT, MIN_WIDTH};
pub use help::{all_keys, readme_table};
pub use screen::ScreenKind;

use crate::app::console_support::ConsoleLease;
use crate::app::{CoreError, Ledger};
use crate::i18n::Lang;
use std::time::{Duration, Instant};

/// Who this console is, for the lease message: user@host.
fn holder() -> String {
    let user = std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "secretary".into());
    let host = std::env::var("HOSTNAME")
        .ok()
        .or_else(|| std::fs::read_to_string("/etc/hostname").ok())
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "localhost".into());
    format!("{user}@{host}")
}

/// Take the console lease, or reopen read-only saying who holds it.
fn lease_or_read_only(
    ledger: Ledger,
    lang: Lang,
) -> Result<(Ledger, Option<ConsoleLease>, Option<String>), CoreError> {
    if ledger.is_read_only() {
        return Ok((
            ledger,
            None,
            Some(lang.words().console.read_only.to_string()),
        ));
    }
    match ledger.take_console_lease(&holder())? {
        Ok(lease) => Ok((ledger, Some(lease), None)),
        Err(held) => {
            let note = lang.words().meeting.held(&held);
            let ro = Ledger::open_read_only(ledger.path(), Some(&ledger.branch().name))?;
            Ok((ro, None, Some(note)))
        }
    }
}

/// Open the console on a ledger.
pub fn run(ledger: Ledger, lang: Lang) -> Result<(), CoreError> {
    let (ledger, lease, note) = lease_or_read_only(ledger, lang)?;
    let mut app = App::new(ledger, lang)?;
    if let Some(n) = note {
        app.set_read_only_note(n);
    }
    if let Some(old) = lease.as_ref().and_then(|l| l.took_over.as_ref()) {
        app.set_notice(lang.words().meeting.taken_over(old));
    }
    // The console's theme: a shipped name or a file, from JIFEN_THEME.
    if let Ok(name) = std::env::var("JIFEN_THEME") {
        let theme = crate::tui::theme::Theme::load(&name).map_err(CoreError::from)?;
        app.set_palette(style::Palette::from_theme(&theme));
    }
    let mut last_beat = Instant::now();
    let lease_for_tick = lease.clone();
    let mut tick = move |app: &mut App| {
        if let Some(l) = &lease_for_tick {
            if last_beat.elapsed() >= Duration::from_secs(5) {
                last_beat = Instant::now();
                if let Ok(false) = app.ledger().beat_console_lease(l) {
                    app.set_read_only_note(lang.words().console.lease_lost.to_string());
                }
            }
        }
    };
    let result = terminal::event_loop(&mut app, &mut tick);
    if let Some(l) = &lease {
        let _ = app.ledger().release_console_lease(l);
    }
    result
}
