//! The console's palette: semantic roles taken from the shared theme loader
//! (`themes/default.toml` uses the terminal's own colours, so it reads on
//! light and dark backgrounds).

use crate::tui::theme::{Role, Theme};
use ratatui::style::Style;

/// Styles by role, as the console draws them.
#[derive(Debug, Clone, Copy)]
pub struct Palette {
    pub title: Style,
    pub header: Style,
    pub selected: Style,
    pub bonus: Style,
    pub deduction: Style,
    pub warning: Style,
    pub provisional: Style,
    pub muted: Style,
    /// Key names in hints and labels.
    pub key: Style,
    /// Done marks and success messages.
    pub ok: Style,
}

impl Palette {
    /// The console's roles from a theme.
    pub fn from_theme(t: &Theme) -> Palette {
        Palette {
            title: t.style(Role::Title),
            header: t.style(Role::Header),
            selected: t.style(Role::Selected),
            bonus: t.style(Role::Bonus),
            deduction: t.style(Role::Deduction),
            warning: t.style(Role::Warning),
            provisional: t.style(Role::Provisional),
            muted: t.style(Role::Muted),
            key: t.style(Role::Title),
            ok: t.style(Role::Bonus),
        }
    }
}

impl Default for Palette {
    fn default() -> Self {
        Palette::from_theme(&Theme::default())
    }
}

impl Palette {
    /// Style of a claim's points: muted when rejected, provisional while pending,
    /// else by the item's kind.
    pub fn points(&self, status: crate::domain::model::ClaimStatus, kind: &str) -> Style {
        use crate::domain::model::ClaimStatus;
        match (status, kind) {
            (ClaimStatus::Rejected | ClaimStatus::Withdrawn, _) => self.muted,
            (ClaimStatus::Pending, _) => self.provisional,
            (_, "deduction") => self.deduction,
            _ => self.bonus,
        }
    }
}
