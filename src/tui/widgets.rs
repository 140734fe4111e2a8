//! Widgets shared by the console and the room display: a scroll window for
//! long lists, width-correct cells, a "too small" notice, key hints,
//! centred popups, bordered panes and fast line drawing.

use crate::domain::text::{pad, pad_left, width};
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::symbols::border;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};
use std::ops::Range;
use unicode_width::UnicodeWidthChar;

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

/// A row's text built cell by cell into one `String`, instead of one
/// `String` per padded cell and another to join them.
#[derive(Debug)]
pub struct Cells(String);

impl Default for Cells {
    fn default() -> Self {
        // Room for a few columns of Chinese without growing.
        Cells(String::with_capacity(48))
    }
}

impl Cells {
    /// Text as it is (separators).
    pub fn raw(mut self, s: &str) -> Self {
        self.0.push_str(s);
        self
    }

    /// Text left-aligned in exactly `cells` cells, as [`cell`].
    pub fn left(mut self, s: &str, cells: usize) -> Self {
        crate::domain::text::pad_into(&mut self.0, s, cells);
        self
    }

    /// Text right-aligned in exactly `cells` cells, as [`cell_right`].
    pub fn right(mut self, s: &str, cells: usize) -> Self {
        crate::domain::text::pad_left_into(&mut self.0, s, cells);
        self
    }
}

impl From<Cells> for String {
    fn from(c: Cells) -> String {
        c.0
    }
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
    clear_wide_edges(area, buf);
    Clear.render(area, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(border)
        .title(Span::styled(format!(" {title} "), border));
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}

/// Blank the halves of wide characters (Chinese names) cut by `area`'s
/// sides: one starting just left of it would otherwise cover the popup's
/// left border on a terminal, and the tail of one its right border replaced
/// would be left as a stray half.
fn clear_wide_edges(area: Rect, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    for y in area.top()..area.bottom() {
        if area.x > buf.area.x {
            if let Some(c) = buf.cell_mut((area.x - 1, y)) {
                if width(c.symbol()) > 1 {
                    c.set_symbol(" ");
                }
            }
        }
        let (last, after) = (area.right() - 1, area.right());
        let cut = buf.cell((last, y)).is_some_and(|c| width(c.symbol()) > 1);
        if cut && after < buf.area.right() {
            if let Some(c) = buf.cell_mut((after, y)) {
                c.set_symbol(" ");
            }
        }
    }
}

/// A pane with a plain border on all sides and `title` at the top left;
/// returns the inner area. Draws exactly what a default `Block` with
/// `Borders::ALL` and that title draws, but touches only the border and the
/// title: `Block` also restyles every cell of its area, which at 200x50 was a
/// fifth of a frame.
pub fn pane(area: Rect, buf: &mut Buffer, title: &Line, border_style: Style) -> Rect {
    let drawn = area.intersection(buf.area);
    if !drawn.is_empty() {
        border(drawn, buf, border_style);
        if drawn.width > 2 {
            let w = u16::try_from(title.width()).unwrap_or(u16::MAX);
            title.render(
                Rect::new(drawn.x + 1, drawn.y, w.min(drawn.width - 2), 1),
                buf,
            );
        }
    }
    Rect {
        x: area.x.saturating_add(1).min(area.right()),
        y: area.y.saturating_add(1).min(area.bottom()),
        width: area.width.saturating_sub(2),
        height: area.height.saturating_sub(2),
    }
}

/// A plain border around a non-empty `area` inside the buffer, in the order
/// `Block` draws it (sides, then corners over them).
fn border(area: Rect, buf: &mut Buffer, style: Style) {
    let set = border::PLAIN;
    let (left, top) = (area.left(), area.top());
    let (right, bottom) = (area.right() - 1, area.bottom() - 1);
    let mut put = |x: u16, y: u16, symbol: &str| {
        buf[(x, y)].set_symbol(symbol).set_style(style);
    };
    for y in top..=bottom {
        put(left, y, set.vertical_left);
    }
    for x in left..=right {
        put(x, top, set.horizontal_top);
    }
    for y in top..=bottom {
        put(right, y, set.vertical_right);
    }
    for x in left..=right {
        put(x, bottom, set.horizontal_bottom);
    }
    put(right, bottom, set.bottom_right);
    put(right, top, set.top_right);
    put(left, bottom, set.bottom_left);
    put(left, top, set.top_left);
}

/// Whether `c` is a grapheme of its own whatever surrounds it (no combining
/// marks, joiners, Hangul jamo or regional indicators), so a string of such
/// characters needs no grapheme segmentation: printable ASCII, CJK
/// ideographs, CJK and fullwidth punctuation, the ellipsis.
fn lone_grapheme(c: char) -> bool {
    matches!(c,
        ' '..='~'
        | '\u{2026}'
        | '\u{3000}'..='\u{3029}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{FF01}'..='\u{FF60}')
}

/// `Buffer::set_stringn`, cell for cell, without its per-character grapheme
/// segmentation when every character of `s` is a grapheme of its own (the
/// console's tables: ASCII, Chinese, padding); any other text goes through
/// `set_stringn` itself. Returns the column after the last cell written.
pub fn put_str(buf: &mut Buffer, x: u16, y: u16, s: &str, max: usize, style: Style) -> u16 {
    if !s.chars().all(lone_grapheme) {
        return buf.set_stringn(x, y, s, max, style).0;
    }
    let max = u16::try_from(max).unwrap_or(u16::MAX);
    let room = buf.area.right().saturating_sub(x).min(max);
    if room == 0 || s.is_empty() {
        return x;
    }
    let start = buf.index_of(x, y);
    let row = &mut buf.content[start..start + usize::from(room)];
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(1);
        if used + w > row.len() {
            break;
        }
        row[used].set_char(c).set_style(style);
        // Cells under the right half of a wide character are cleared.
        for hidden in &mut row[used + 1..used + w] {
            hidden.reset();
        }
        used += w;
    }
    x + used as u16
}

/// `Buffer::set_line` through [`put_str`]: the same cells, faster.
pub fn put_line(buf: &mut Buffer, x: u16, y: u16, line: &Line, max: u16) -> u16 {
    let mut x = x;
    let mut left = max;
    for span in line {
        if left == 0 {
            break;
        }
        let style = line.style.patch(span.style);
        let end = put_str(buf, x, y, &span.content, usize::from(left), style);
        left = left.saturating_sub(end.saturating_sub(x));
        x = end;
    }
    x
}

/// Key hints (`key label`) over as many rows of `max` cells as they need,
/// none split across rows.
pub fn key_hint_rows<K: AsRef<str>, L: AsRef<str>>(
    pairs: &[(K, L)],
    max: usize,
    key: Style,
    label: Style,
) -> Vec<Line<'static>> {
    let mut rows: Vec<Vec<(&str, &str)>> = vec![Vec::new()];
    let mut used = 0;
    for (k, l) in pairs {
        let (k, l) = (k.as_ref(), l.as_ref());
        let w = width(k) + 1 + width(l) + 2;
        if used + w > max && used > 0 {
            rows.push(Vec::new());
            used = 0;
        }
        used += w;
        if let Some(row) = rows.last_mut() {
            row.push((k, l));
        }
    }
    rows.iter()
        .map(|row| key_hints(row, max, key, label))
        .collect()
}

/// Key hints (`key label`) that fit in `max` cells; the rest are dropped.
pub fn key_hints<K: AsRef<str>, L: AsRef<str>>(
    pairs: &[(K, L)],
    max: usize,
    key: Style,
    label: Style,
) -> Line<'static> {
    let mut spans = Vec::new();
    let mut used = 0;
    for (k, l) in pairs {
        let (k, l) = (k.as_ref(), l.as_ref());
        let w = width(k) + 1 + width(l) + 2;
        if used + w > max {
            break;
        }
        used += w;
        spans.push(Span::styled(k.to_string(), key));
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
            put_line(buf, area.x, y, &h, area.width);
            y += 1;
        }
    }
    for (i, row) in rows.iter().enumerate() {
        if y >= bottom {
            break;
        }
        let line_area = Rect::new(area.x, y, area.width, 1);
        put_line(buf, area.x, y, row, area.width);
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
    use proptest::prelude::*;

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

    /// A buffer with something in every cell, so that overwriting shows.
    fn scribbled(area: Rect) -> Buffer {
        let mut buf = Buffer::empty(area);
        for (i, cell) in buf.content.iter_mut().enumerate() {
            cell.set_symbol(if i % 3 == 0 { "x" } else { "宽" })
                .set_style(Style::new().red().on_blue().italic());
        }
        buf
    }

    fn any_style() -> impl Strategy<Value = Style> {
        prop_oneof![
            Just(Style::default()),
            Just(Style::new().yellow()),
            Just(Style::new().bold().not_italic()),
            Just(Style::new().black().on_white().reversed()),
        ]
    }

    fn any_line() -> impl Strategy<Value = Line<'static>> {
        // ASCII, Chinese, punctuation, padding, and what must not take the
        // fast path: combining marks, joiners, emoji, controls, jamo, kana marks.
        let text = "[ a-z0-9…张伟欧阳，。（）\u{3000}\u{301}\u{200d}👍🏽\t\n\u{1100}\u{1161}\u{ff9e}é]{0,12}";
        let spans = prop::collection::vec((text, any_style()), 0..5).prop_map(|v| {
            v.into_iter()
                .map(|(t, s)| Span::styled(t, s))
                .collect::<Vec<_>>()
        });
        (spans, any_style()).prop_map(|(spans, style)| Line::from(spans).style(style))
    }

    proptest! {
        #[test]
        fn put_line_draws_what_set_line_draws(
            line in any_line(),
            x in 0u16..14,
            y in 0u16..3,
            max in 0u16..20,
        ) {
            let area = Rect::new(0, 0, 12, 3);
            let mut want = scribbled(area);
            let mut got = scribbled(area);
            let end = want.set_line(x, y, &line, max).0;
            prop_assert_eq!(put_line(&mut got, x, y, &line, max), end);
            prop_assert_eq!(got, want);
        }

        #[test]
        fn pane_draws_what_a_bordered_block_draws(
            x in 0u16..6,
            y in 0u16..4,
            w in 0u16..16,
            h in 0u16..8,
            title in "[ a-z张伟…]{0,14}",
            focused in any::<bool>(),
        ) {
            let border = if focused { Style::default() } else { Style::new().dark_gray() };
            let title = Line::from(Span::styled(title, Style::new().bold()));
            let area = Rect::new(x, y, w, h);
            let buf_area = Rect::new(0, 0, 12, 6);
            let block = Block::default()
                .borders(Borders::ALL)
                .border_style(border)
                .title(title.clone());
            let mut want = scribbled(buf_area);
            block.clone().render(area, &mut want);
            let mut got = scribbled(buf_area);
            prop_assert_eq!(pane(area, &mut got, &title, border), block.inner(area));
            prop_assert_eq!(got, want);
        }
    }
}
