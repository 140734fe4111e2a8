//! One table drawer for every desk screen: fixed columns and one that takes
//! the rest of the width, a header line, only the visible rows built, the
//! selection kept in view.

use crate::tui::console::screen::Ctx;
use crate::tui::widgets::{draw_rows, Cells, Scroll};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// A column: its width in cells (0: the rest of the width, at least 8) and
/// whether its text is right-aligned.
#[derive(Debug, Clone, Copy)]
pub struct Col {
    pub width: usize,
    pub right: bool,
}

/// A left-aligned column `w` cells wide (0: the rest).
pub const fn left(w: usize) -> Col {
    Col {
        width: w,
        right: false,
    }
}

/// A right-aligned column `w` cells wide.
pub const fn right(w: usize) -> Col {
    Col {
        width: w,
        right: true,
    }
}

/// A row to draw: its cells, its style, or a heading across the width.
#[derive(Debug, Clone)]
pub enum TableRow {
    Cells(Vec<String>, Style),
    Heading(String),
}

/// Column widths for `cols` in `total` cells, one space between columns; a
/// fixed column is never narrower than its header word (`heads`' widths).
fn widths(cols: &[Col], heads: &[usize], total: usize) -> Vec<usize> {
    let fixed: Vec<usize> = cols
        .iter()
        .enumerate()
        .map(|(i, c)| match c.width {
            0 => 0,
            w => w.max(heads.get(i).copied().unwrap_or(0)),
        })
        .collect();
    let flex = total
        .saturating_sub(fixed.iter().sum::<usize>() + cols.len())
        .max(8);
    fixed
        .into_iter()
        .map(|w| if w == 0 { flex } else { w })
        .collect()
}

fn line(cells: &[String], cols: &[Col], w: &[usize], style: Style) -> Line<'static> {
    let mut out = Cells::default().raw(" ");
    for ((c, col), &cw) in cells.iter().zip(cols).zip(w) {
        out = if col.right {
            out.right(c, cw)
        } else {
            out.left(c, cw)
        };
        out = out.raw(" ");
    }
    Line::from(Span::styled(String::from(out), style))
}

/// A table's columns and their header words.
#[derive(Debug, Clone, Copy)]
pub struct Columns<'a> {
    pub cols: &'a [Col],
    pub head: &'a [&'a str],
}

/// Draw the header and the window of `len` rows around `scroll`'s
/// selection; `row` builds row `i` (called only for visible rows).
pub fn draw(
    area: Rect,
    buf: &mut Buffer,
    spec: Columns,
    len: usize,
    scroll: &mut Scroll,
    row: impl Fn(usize) -> TableRow,
    ctx: &Ctx,
) {
    let Columns { cols, head } = spec;
    let heads: Vec<usize> = head.iter().map(|h| crate::domain::text::width(h)).collect();
    let w = widths(cols, &heads, area.width.saturating_sub(1) as usize);
    let head: Vec<String> = head.iter().map(|h| h.to_string()).collect();
    let header = line(&head, cols, &w, ctx.pal.header);
    let visible = scroll.window(len, area.height.saturating_sub(1) as usize);
    let selected = scroll.selected.checked_sub(visible.start);
    let lines: Vec<Line> = visible
        .map(|i| match row(i) {
            TableRow::Cells(c, style) => line(&c, cols, &w, style),
            TableRow::Heading(h) => Line::from(Span::styled(format!(" {h}"), ctx.pal.title)),
        })
        .collect();
    draw_rows(
        area,
        buf,
        Some(header),
        &lines,
        selected.filter(|_| len > 0),
        ctx.pal.selected,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flexible_column_takes_what_the_others_leave() {
        let w = widths(&[left(0), right(4), left(10)], &[], 40);
        assert_eq!(w, vec![40 - 14 - 3, 4, 10]);
        // Never narrower than 8 cells, even when the screen is short of room.
        assert_eq!(widths(&[left(0), left(30)], &[], 20)[0], 8);
        // A fixed column widens to its header word ("Members" over a count).
        assert_eq!(
            widths(&[left(0), right(4)], &[6, 7], 40),
            vec![40 - 7 - 2, 7]
        );
    }
}
