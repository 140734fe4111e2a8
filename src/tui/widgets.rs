//! Widgets shared by the console and the room display: a scroll window for
//! long lists, width-correct cells, a "too small" notice, key hints and
//! centred popups.

use crate::text::{pad, pad_left, width};
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};
use std::ops::Range;

/// A selection in a long list and the first visible row; only the visible
/// window is ever built, so lists of thousands stay fast.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scroll {
    pub selected: usize,
    pub offset: usize,
}

impl Scroll {
    /// Move the selection by `delta`, clamped to a list of `len` rows.
    pub fn step(&mut self, delta: isize, len: usize) {
        if len == 0 {
            self.selected = 0;
            return;
        }
        let max = len - 1;
        let next = self.selected as isize + delta;
        self.selected = next.clamp(0, max as isize) as usize;
    }

    /// Put the selection on row `i` (clamped).
    pub fn select(&mut self, i: usize, len: usize) {
        self.selected = i.min(len.saturating_sub(1));
    }

    /// Clamp to a list of `len` rows and scroll so the selection is in a
    /// window of `height` rows; returns the visible range.
    pub fn window(&mut self, len: usize, height: usize) -> Range<usize> {
        if len == 0 || height == 0 {
            self.selected = 0;
            self.offset = 0;
            return 0..0;
        }
        self.selected = self.selected.min(len - 1);
        if self.selected < self.offset {
            self.offset = self.selected;
        }
        if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
        self.offset = self.offset.min(len.saturating_sub(height));
        self.offset..(self.offset + height).min(len)
    }
}

/// Text left-aligned in exactly `cells` display cells.
pub fn cell(s: &str, cells: usize) -> String {
    pad(s, cells)
}

/// Text right-aligned in exactly `cells` display cells.
pub fn cell_right(s: &str, cells: usize) -> String {
    pad_left(s, cells)
}

/// Whether an area is at least `w` x `h`.
pub fn fits(area: Rect, w: u16, h: u16) -> bool {
    area.width >= w && area.height >= h
}

/// Draw a clear "too small" notice; safe at any size down to 1x1 (and 0x0).
pub fn too_small(area: Rect, buf: &mut Buffer, title: &str, need: &str, style: Style) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    Clear.render(area, buf);
    let text = vec![
        Line::from(Span::styled(title.to_string(), style)),
        Line::from(need.to_string()),
        Line::from(format!("{}x{}", area.width, area.height)),
    ];
    let top = area.height.saturating_sub(3) / 2;
    let inner = Rect {
        y: area.y + top,
        height: area.height - top,
        ..area
    };
    Paragraph::new(text)
        .alignment(Alignment::Center)
        .wrap(Wrap { trim: true })
        .render(inner, buf);
}

/// A rectangle of at most `w` x `h` centred in `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// A bordered popup block over a cleared area; returns the inner area.
pub fn popup(area: Rect, buf: &mut Buffer, title: &str, border: Style) -> Rect {
    Clear.render(area, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(border)
        .title(Span::styled(format!(" {title} "), border));
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}

/// Key hints (`key label`) that fit in `max` cells; the rest are dropped.
pub fn key_hints<'a>(
    pairs: &[(&'a str, &'a str)],
    max: usize,
    key: Style,
    label: Style,
) -> Line<'a> {
    let mut spans = Vec::new();
    let mut used = 0;
    for (k, l) in pairs {
        let w = width(k) + 1 + width(l) + 2;
        if used + w > max {
            break;
        }
        used += w;
        spans.push(Span::styled(*k, key));
        spans.push(Span::styled(format!(" {l}  "), label));
    }
    Line::from(spans)
}

/// Draw a header line and pre-padded rows; `selected` (an index into `rows`)
/// is painted with `sel` across the full width and marked `>` in a leading blank.
pub fn draw_rows(
    area: Rect,
    buf: &mut Buffer,
    header: Option<Line>,
    rows: &[Line],
    selected: Option<usize>,
    sel: Style,
) {
    let mut y = area.y;
    let bottom = area.y.saturating_add(area.height);
    if let Some(h) = header {
        if y < bottom {
            buf.set_line(area.x, y, &h, area.width);
            y += 1;
        }
    }
    for (i, row) in rows.iter().enumerate() {
        if y >= bottom {
            break;
        }
        let line_area = Rect::new(area.x, y, area.width, 1);
        buf.set_line(area.x, y, row, area.width);
        if selected == Some(i) {
            buf.set_style(line_area, sel);
            // A visible mark too, for monochrome terminals and text captures.
            if area.width > 0 && buf[(area.x, y)].symbol() == " " {
                buf[(area.x, y)].set_symbol(">");
            }
        }
        y += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scroll_keeps_selection_visible() {
        let mut s = Scroll::default();
        s.step(50, 800);
        assert_eq!(s.window(800, 10), 41..51);
        s.step(-45, 800);
        assert_eq!(s.window(800, 10), 5..15);
        s.step(10_000, 3);
        assert_eq!(s.window(3, 10), 0..3);
        assert_eq!(s.window(0, 10), 0..0);
    }

    #[test]
    fn too_small_never_panics() {
        for (w, h) in [(0, 0), (1, 1), (2, 1), (5, 3), (79, 23)] {
            let area = Rect::new(0, 0, w, h);
            let mut buf = Buffer::empty(area);
            too_small(
                area,
                &mut buf,
                "窗口太小",
                "至少需要 80x24",
                Style::default(),
            );
        }
    }
}
