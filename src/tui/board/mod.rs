//! The room display (full-screen, read-only): follows the console live
//! through the database and draws the ranking for the projector.
//!
//! `snapshot` reads the core, `view` turns a snapshot and the clock into a
//! plain `BoardView`, `draw` renders a view into a buffer, `poller` follows
//! the database, `terminal` runs the full-screen loop.

pub mod changes;
pub mod committee;
pub mod count;
pub mod draw;
pub mod poller;
pub mod snapshot;
mod terminal;
pub mod view;

pub use draw::draw;
pub use poller::Poller;
pub use view::BoardView;

use crate::app::{CoreError, Ledger};
use crate::i18n::Lang;
use crate::tui::theme::Theme;
use std::path::Path;

/// Run the board on a database until the operator quits (q, Esc, Ctrl-C);
/// `period` pins the board to one period.
pub fn run(
    db: &Path,
    branch: Option<&str>,
    theme: &str,
    lang: Lang,
    period: Option<&str>,
) -> Result<(), CoreError> {
    let theme = Theme::load(theme).map_err(CoreError::from)?;
    // Refuse a wrong path, branch or period before taking the screen.
    let ledger = Ledger::open_read_only(db, branch)?;
    let pin = match period {
        Some(p) => {
            let id: crate::domain::model::PeriodId = p.parse()?;
            if ledger.period_row(&id)?.is_none() {
                return Err(crate::app::PeriodError::NoSuchPeriod(id.to_string()).into());
            }
            Some(id)
        }
        None => None,
    };
    drop(ledger);
    let poller = Poller::new(db, branch, lang.words().board).pinned(pin);
    terminal::run(poller, &theme).map_err(|e| CoreError::Terminal {
        detail: e.to_string(),
    })
}
