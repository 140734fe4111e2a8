//! One line of text input: insert at a cursor, cursor drawn by display width.

use crate::domain::text::width;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A labelled text field.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Field {
    pub label: String,
    pub value: String,
    /// Cursor position in characters.
    pub cursor: usize,
    initial: String,
    /// A prefilled value not yet touched: the first keystroke replaces it.
    fresh: bool,
}

impl Field {
    pub fn new(label: &str, value: &str) -> Field {
        Field {
            label: label.to_string(),
            value: value.to_string(),
            cursor: value.chars().count(),
            initial: value.to_string(),
            fresh: !value.is_empty(),
        }
    }

    /// Whether the value is still the prefilled one, shown selected: typing
    /// replaces it, Backspace clears it, an arrow key keeps it for editing.
    pub fn is_fresh(&self) -> bool {
        self.fresh
    }

    /// Whether the user has typed something here.
    pub fn changed(&self) -> bool {
        self.value != self.initial
    }

    /// Apply an editing key; true if the key was used.
    pub fn edit(&mut self, key: KeyEvent) -> bool {
        if std::mem::take(&mut self.fresh) {
            let replaces = match key.code {
                KeyCode::Char(_) => !key
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT),
                KeyCode::Backspace | KeyCode::Delete => {
                    self.value.clear();
                    self.cursor = 0;
                    return true;
                }
                _ => false,
            };
            if replaces {
                self.value.clear();
                self.cursor = 0;
            }
        }
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

    /// The part of the value to show in `cells` cells so that the cursor
    /// stays in view, and the cells before the cursor within it.
    pub fn visible(&self, cells: usize) -> (String, usize) {
        let chars: Vec<char> = self.value.chars().collect();
        let cells = cells.max(2);
        let mut start = 0;
        // Drop characters from the left until the cursor fits (one cell spare).
        while start < self.cursor
            && width(&chars[start..self.cursor].iter().collect::<String>()) >= cells
        {
            start += 1;
        }
        let before = width(&chars[start..self.cursor].iter().collect::<String>());
        let mut shown = String::new();
        let mut w = 0;
        for c in &chars[start..] {
            let cw = width(&c.to_string());
            if w + cw > cells {
                break;
            }
            shown.push(*c);
            w += cw;
        }
        (shown, before)
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

    #[test]
    fn a_long_value_scrolls_to_the_cursor() {
        let mut f = Field::new("reason", "");
        for c in "证明材料不全,会后补交原件并经党小组长签字".chars() {
            f.edit(key(KeyCode::Char(c)));
        }
        let (shown, at) = f.visible(10);
        assert!(width(&shown) <= 10);
        assert!(at < 10, "the cursor is inside the field");
        assert!(
            shown.ends_with("签字"),
            "the end being typed is shown: {shown}"
        );
        f.edit(key(KeyCode::Home));
        let (shown, at) = f.visible(10);
        assert_eq!((shown.as_str(), at), ("证明材料不", 0));
    }

    #[test]
    fn a_prefilled_value_is_replaced_by_the_first_keystroke() {
        let mut f = Field::new("points", "3");
        assert!(f.is_fresh());
        f.edit(key(KeyCode::Char('2')));
        assert_eq!(f.value, "2", "typing 2 over a prefilled 3 gives 2, not 32");
        f.edit(key(KeyCode::Char('5')));
        assert_eq!(f.value, "25", "only the first keystroke replaces");

        let mut f = Field::new("points", "3");
        f.edit(key(KeyCode::End));
        f.edit(key(KeyCode::Char('0')));
        assert_eq!(f.value, "30", "an arrow key first keeps the value to edit");

        let mut f = Field::new("period", "2027Q1");
        f.edit(key(KeyCode::Backspace));
        assert_eq!(f.value, "", "Backspace clears a prefilled value");
    }
}
