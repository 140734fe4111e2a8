//! The committee's desk (机关党委/党工委/镇党委): the console's front end
//! over a committee database. Its screens (filings, the ranking by
//! category, a branch's ranking, reconsiderations) own their keys as the
//! branch console's do and share its frame, footer, help, forms and
//! terminal loop; every act goes through the app functions the command
//! line uses.

mod app;
mod detail;
mod filings;
mod help;
mod keys;
mod ranking;
mod receipt;
mod reviews;
mod table;
mod update;

pub use app::Desk;
pub use help::readme_table;
pub use keys::DeskKind;

use crate::app::CoreError;
use crate::i18n::Lang;
use std::path::Path;

/// Open the desk on the committee database `db` until the clerk quits.
pub fn run(db: &Path, lang: Lang) -> Result<(), CoreError> {
    let mut desk = Desk::new(db, lang)?;
    if let Ok(name) = std::env::var("JIFEN_THEME") {
        let theme = crate::tui::theme::Theme::load(&name).map_err(CoreError::from)?;
        desk.set_palette(super::style::Palette::from_theme(&theme));
    }
    // Between keys the loop lets a running receipt say how far it is.
    super::terminal::event_loop(&mut desk, &mut |d: &mut Desk| d.tick())
}

impl super::terminal::Front for Desk {
    fn draw(&mut self, frame: &mut ratatui::Frame) {
        Desk::draw(self, frame)
    }
    fn handle_key(&mut self, key: ratatui::crossterm::event::KeyEvent) {
        Desk::handle_key(self, key)
    }
    fn should_quit(&self) -> bool {
        Desk::should_quit(self)
    }
}
