//! The console's palette: semantic roles in the 16 ANSI colours, which the
//! terminal's own scheme keeps readable on light and dark backgrounds.

use ratatui::style::{Color, Modifier, Style};

/// Styles by role.
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
    pub key: Style,
    pub ok: Style,
}

impl Default for Palette {
    fn default() -> Self {
        Palette {
            title: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
            header: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            bonus: Style::new().fg(Color::Green),
            deduction: Style::new().fg(Color::Red),
            warning: Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD),
            provisional: Style::new().add_modifier(Modifier::ITALIC),
            muted: Style::new().add_modifier(Modifier::DIM),
            key: Style::new().add_modifier(Modifier::BOLD),
            ok: Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
        }
    }
}
