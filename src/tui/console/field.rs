//! One line of text input: insert at a cursor, cursor drawn by display width.

use crate::text::width;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A labelled text field.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Field {
    pub label: String,
    pub value: String,
    /// Cursor position in characters.
    pub cursor: usize,
    initial: String,
}

impl Field {
    pub fn new(label: &str, value: &str) -> Field {
        Field {
            label: label.to_string(),
            value: value.to_string(),
            cursor: value.chars().count(),
            initial: value.to_string(),
        }
    }

    /// Whether the user has typed something here.
    pub fn changed(&self) -> bool {
        self.value != self.initial
    }

    /// Apply an editing key; true if the key was used.
    pub fn edit(&mut self, key: KeyEvent) -> bool {
        let n = self.value.chars().count();
        match key.code {
            KeyCode::Char(c)
                if !key
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                let at = self.byte_at(self.cursor);
                self.value.insert(at, c);
                self.cursor += 1;
            }
            KeyCode::Backspace if self.cursor > 0 => {
                let at = self.byte_at(self.cursor - 1);
                self.value.remove(at);
                self.cursor -= 1;
            }
            KeyCode::Delete if self.cursor < n => {
                let at = self.byte_at(self.cursor);
                self.value.remove(at);
            }
            KeyCode::Left => self.cursor = self.cursor.saturating_sub(1),
            KeyCode::Right => self.cursor = (self.cursor + 1).min(n),
            KeyCode::Home => self.cursor = 0,
            KeyCode::End => self.cursor = n,
            KeyCode::Char('u') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                self.value.clear();
                self.cursor = 0;
            }
            _ => return false,
        }
        true
    }

    fn byte_at(&self, chars: usize) -> usize {
        self.value
            .char_indices()
            .nth(chars)
            .map(|(i, _)| i)
            .unwrap_or(self.value.len())
    }

    /// Display cells before the cursor (where the terminal cursor goes).
    pub fn cursor_cells(&self) -> usize {
        width(&self.value.chars().take(self.cursor).collect::<String>())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(c: KeyCode) -> KeyEvent {
        KeyEvent::new(c, KeyModifiers::NONE)
    }

    #[test]
    fn edits_chinese_by_char_and_cursor_by_cell() {
        let mut f = Field::new("x", "");
        for c in "欧阳a".chars() {
            f.edit(key(KeyCode::Char(c)));
        }
        assert_eq!(f.cursor_cells(), 5);
        f.edit(key(KeyCode::Left));
        f.edit(key(KeyCode::Backspace));
        assert_eq!(f.value, "欧a");
        assert_eq!(f.cursor_cells(), 2);
    }
}
