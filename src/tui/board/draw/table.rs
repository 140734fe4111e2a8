//! The ranking: the top three large when there is room, then the rest in one
//! or more columns, paged or windowed.

use super::{podium, put};
use crate::text::{pad, pad_left, width};
use crate::theme::{Role, Theme};
use crate::tui::board::labels::Labels;
use crate::tui::board::view::{RankingView, Scroll, ViewRow};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

/// Widest a table column gets; wider screens get more columns or margins.
const MAX_COL: u16 = 84;
/// Narrowest column worth splitting into.
const MIN_COL: u16 = 58;
const COL_GAP: u16 = 4;

/// Column widths of one table column.
#[derive(Debug, Clone, Copy)]
struct Cols {
    rank: u16,
    moved: u16,
    name: u16,
    score: u16,
    mark: u16,
    prov: u16,
}

impl Cols {
    fn plan(all: &[ViewRow], l: Labels, w: u16) -> Cols {
        // Headings span the row: they do not size the columns.
        let members: Vec<&ViewRow> = all.iter().filter(|r| !r.heading).collect();
        let rows = &members;
        let score_head = if rows.is_empty() { 0 } else { width(l.score()) };
        let score = rows
            .iter()
            .map(|r| width(&r.score))
            .max()
            .unwrap_or(0)
            .max(score_head)
            .max(4) as u16;
        let names = rows
            .iter()
            .map(|r| width(&r.name))
            .max()
            .unwrap_or(0)
            .max(width(l.name()))
            .max(8) as u16;
        let mark = rows.iter().map(|r| width(&r.mark)).max().unwrap_or(0) as u16;
        let prov = if rows.iter().any(|r| r.provisional) {
            width(l.provisional()) as u16
        } else {
            0
        };
        let mut c = Cols {
            rank: 3,
            moved: 4,
            name: 0,
            score,
            mark,
            prov,
        };
        // Give up the least needed columns first until the name has room.
        for drop in 0..4 {
            let fixed = c.rank
                + 1
                + c.moved
                + 2
                + 2
                + c.score
                + gap(c.mark)
                + c.mark
                + gap(c.prov)
                + c.prov;
            if w >= fixed + 8 || drop == 3 {
                c.name = w.saturating_sub(fixed).min(names.min(24));
                break;
            }
            match drop {
                0 => c.prov = 0,
                1 => c.moved = 0,
                _ => c.mark = 0,
            }
        }
        c
    }

    fn total(&self) -> u16 {
        self.rank
            + 1
            + self.moved
            + 2
            + self.name
            + 2
            + self.score
            + gap(self.mark)
            + self.mark
            + gap(self.prov)
            + self.prov
    }
}

fn gap(w: u16) -> u16 {
    if w > 0 {
        3
    } else {
        0
    }
}

/// Draw the ranking; returns (page, pages) when paging.
pub fn ranking(
    v: &RankingView,
    l: Labels,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) -> Option<(usize, usize)> {
    if area.is_empty() {
        return None;
    }
    let mut area = area;
    let mut rows: &[ViewRow] = &v.rows;
    let mut offset = 0;
    if v.podium {
        if let Some(h) = podium::height_for(area, rows) {
            let n = rows
                .iter()
                .take(3)
                .take_while(|r| !r.heading && r.rank <= 3)
                .count();
            podium::draw(
                &rows[..n],
                l,
                theme,
                podium::scale(area),
                Rect { height: h, ..area },
                buf,
            );
            rows = &rows[n..];
            offset = n;
            area = Rect {
                y: area.y + h,
                height: area.height - h,
                ..area
            };
        }
    }
    if rows.is_empty() || area.is_empty() {
        return None;
    }
    let header = area.height >= 6;
    let body_h = area.height - u16::from(header);
    // Fewest columns that hold every row; else as many as fit, and pages.
    let max_cols = ((area.width + COL_GAP) / (MIN_COL + COL_GAP)).max(1);
    let cap = |cols: u16, step: u16| usize::from(body_h / step) * usize::from(cols);
    let cols = (1..=max_cols)
        .find(|c| rows.len() <= cap(*c, 1))
        .unwrap_or(max_cols);
    let step = if rows.len() <= cap(cols, 2) && body_h >= 8 {
        2
    } else {
        1
    };
    let per_col = usize::from(body_h / step).max(1);
    let per_page = per_col * usize::from(cols);
    let pages = rows.len().div_ceil(per_page);
    let (start, page) = match v.scroll {
        Scroll::Pages(tick) => {
            let p = usize::try_from(tick % pages as u64).unwrap_or(0);
            (p * per_page, Some((p, pages)))
        }
        Scroll::Keep { index, centre } => {
            let i = index.saturating_sub(offset);
            let last_start = rows.len().saturating_sub(per_page);
            let s = if centre {
                i.saturating_sub(per_page / 2)
            } else {
                i
            };
            (s.min(last_start), None)
        }
    };
    // Centre the rows vertically when everything fits with room to spare.
    let used = if pages == 1 {
        let longest = rows.len().min(per_col) as u16;
        u16::from(header) + longest.saturating_mul(step).saturating_sub(step - 1)
    } else {
        area.height
    };
    let top = area.y + area.height.saturating_sub(used) / 3;
    let col_w = ((area.width - COL_GAP * (cols - 1)) / cols).min(MAX_COL);
    let plan = Cols::plan(rows, l, col_w);
    let block_w = plan.total() * cols + COL_GAP * (cols - 1);
    let left = area.x + area.width.saturating_sub(block_w) / 2;
    for c in 0..cols {
        let x = left + c * (plan.total() + COL_GAP);
        let first = start + usize::from(c) * per_col;
        if first >= rows.len() {
            break;
        }
        let mut y = top;
        if header {
            head_row(&plan, v.lower_is_better, l, theme, x, y, buf);
            y += 1;
        }
        for (k, i) in (first..rows.len().min(first + per_col)).enumerate() {
            let show_rank = k == 0 || rows[i - 1].rank != rows[i].rank;
            let cont = k == 0 && i > 0 && rows[i - 1].rank == rows[i].rank;
            row(&rows[i], &plan, show_rank, cont, l, theme, x, y, buf);
            y += step;
        }
    }
    if pages > 1 {
        page
    } else {
        None
    }
}

fn head_row(c: &Cols, lower: bool, l: Labels, theme: &Theme, x: u16, y: u16, buf: &mut Buffer) {
    let s = theme.style(Role::Header);
    buf.set_style(Rect::new(x, y, c.total(), 1).intersection(buf.area), s);
    let mut x = x;
    x += put(
        buf,
        x,
        y,
        &pad_left(l.rank(), usize::from(c.rank + 1 + c.moved)),
        c.rank + 1 + c.moved,
        s,
    ) + 2;
    x += put(buf, x, y, &pad(l.name(), usize::from(c.name)), c.name, s) + 2;
    let score = if lower { l.demerits() } else { l.score() };
    x += put(
        buf,
        x,
        y,
        &pad_left(score, usize::from(c.score)),
        c.score,
        s,
    );
    if c.mark > 0 {
        x += 3;
        x += put(buf, x, y, &pad(l.grade(), usize::from(c.mark)), c.mark, s);
    }
    let _ = x;
}

#[allow(clippy::too_many_arguments)]
fn row(
    r: &ViewRow,
    c: &Cols,
    show_rank: bool,
    cont: bool,
    l: Labels,
    theme: &Theme,
    x: u16,
    y: u16,
    buf: &mut Buffer,
) {
    if r.heading {
        let style = if r.hidden {
            theme.style(Role::Muted)
        } else {
            theme.style(Role::Title)
        };
        put(buf, x, y, &r.name, c.total(), style);
        return;
    }
    let base = if r.selected {
        theme.style(Role::Selected)
    } else {
        theme.style(Role::Base)
    };
    if r.selected {
        buf.set_style(Rect::new(x, y, c.total(), 1).intersection(buf.area), base);
    }
    let muted = theme.style(Role::Muted);
    let mut x = x;
    let rank = if show_rank {
        r.rank.to_string()
    } else {
        String::new()
    };
    x += put(
        buf,
        x,
        y,
        &pad_left(&rank, usize::from(c.rank)),
        c.rank,
        if cont { muted } else { base },
    ) + 1;
    if c.moved > 0 {
        if let Some(by) = r.moved.filter(|_| !r.hidden) {
            let role = if by > 0 { Role::RankUp } else { Role::RankDown };
            put(
                buf,
                x,
                y,
                &pad(&l.moved(by), usize::from(c.moved)),
                c.moved,
                theme.style(role),
            );
        }
        x += c.moved;
    }
    x += 2;
    if r.hidden {
        put(buf, x, y, "? ? ?", c.name, muted);
        return;
    }
    let name_style = if r.moved.is_some() && !r.selected {
        base.patch(Style::default().add_modifier(ratatui::style::Modifier::UNDERLINED))
    } else {
        base
    };
    x += put(
        buf,
        x,
        y,
        &pad(&r.name, usize::from(c.name)),
        c.name,
        name_style,
    ) + 2;
    let score_style = if r.selected {
        base
    } else {
        theme.style(r.score_role)
    };
    x += put(
        buf,
        x,
        y,
        &pad_left(&r.score, usize::from(c.score)),
        c.score,
        base.patch(score_style),
    );
    if c.mark > 0 {
        x += 3;
        x += put(buf, x, y, &pad(&r.mark, usize::from(c.mark)), c.mark, base);
    }
    if c.prov > 0 && r.provisional {
        x += 3;
        put(
            buf,
            x,
            y,
            l.provisional(),
            c.prov,
            theme.style(Role::Provisional),
        );
    }
}
