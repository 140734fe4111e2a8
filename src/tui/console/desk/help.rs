//! The desk's `?` help and its README key table, from its key lists.

use super::keys::{DeskKind, GLOBAL, POPUP, RECEIVING};
use crate::i18n::Strings;
use crate::tui::console::help::{readme_rows as rows, Section};
use crate::tui::console::keymap::describe;
use crate::tui::console::prompt;

pub use crate::tui::console::help::draw;

/// What `?` shows on a desk screen: its keys, the shared ones, the forms'.
pub fn screen_keys(kind: DeskKind, t: &'static Strings) -> Vec<Section> {
    vec![
        (kind.title(t), describe(kind.keys(), t)),
        (t.k_all_screens, describe(GLOBAL, t)),
        (t.k_overlay_prompt, describe(prompt::KEYS, t)),
        (t.desk.while_receiving, describe(RECEIVING, t)),
    ]
}

/// The README's desk key table (English), one row per binding.
pub fn readme_table() -> String {
    let t = crate::i18n::EN.console;
    let mut out = String::from("| Key | Where | Action |\n|---|---|---|\n");
    out.push_str(&rows(GLOBAL, t.k_all_screens, t));
    for k in DeskKind::ALL {
        out.push_str(&rows(k.keys(), k.title(t), t));
    }
    out.push_str(&rows(prompt::KEYS, t.k_overlay_prompt, t));
    out.push_str(&rows(prompt::YES_NO_KEYS, t.k_overlay_yes_no, t));
    out.push_str(&rows(POPUP, t.desk.detail, t));
    out.push_str(&rows(RECEIVING, t.desk.while_receiving, t));
    out
}
