//! The ranking: the top places large when there is room, then the rest in
//! balanced columns, paged or windowed. Every column has a header and each
//! header sits over its column (rank numbers right-aligned under 名次).

use super::{podium, put, signed_role};
use crate::domain::text::{pad, pad_left, width};
use crate::i18n::BoardWords;
use crate::tui::board::view::{RankingView, Scroll, ViewRow};
use crate::tui::theme::{Role, Theme};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

/// Widest a table column gets; wider screens get more columns or margins.
const MAX_COL: u16 = 84;
/// Narrowest column worth splitting into.
const MIN_COL: u16 = 58;
/// Fewest rows a column is given before another column is opened.
const MIN_ROWS: usize = 8;
const COL_GAP: u16 = 4;
/// Widest gap between two table columns on a wide screen.
const MAX_GAP: u16 = 16;

/// Column widths of one table column.
#[derive(Debug, Clone, Copy)]
struct Cols {
    rank: u16,
    moved: u16,
    name: u16,
    score: u16,
    mark: u16,
    signed: u16,
}

impl Cols {
    fn plan(v: &RankingView, all: &[ViewRow], l: &'static BoardWords, w: u16) -> Cols {
        // Headings span the row: they do not size the columns.
        let members: Vec<&ViewRow> = all.iter().filter(|r| !r.heading).collect();
        let rows = &members;
        let score_head = width(score_head(v.lower_is_better, l));
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
            .max(width(l.name))
            .max(8) as u16;
        let mark = match rows.iter().map(|r| width(&r.mark)).max().unwrap_or(0) {
            0 => 0,
            m => m.max(width(grade_head(v, l))) as u16,
        };
        let signed = [
            crate::tui::board::snapshot::Signed::Confirmed,
            crate::tui::board::snapshot::Signed::Disputed,
            crate::tui::board::snapshot::Signed::NotYet,
        ]
        .iter()
        .map(|s| width(s.word(l)))
        .max()
        .unwrap_or(0)
        .max(width(l.signed_head)) as u16;
        let mut c = Cols {
            rank: width(l.rank).max(3) as u16,
            moved: width(l.move_head).max(4) as u16,
            name: 0,
            score,
            mark,
            signed,
        };
        // Give up the least needed columns first until the name has room.
        for drop in 0..4 {
            let fixed = c.total_without_name();
            if w >= fixed + 8 || drop == 3 {
                c.name = w.saturating_sub(fixed).min(names.min(24));
                break;
            }
            match drop {
                0 => c.moved = 0,
                1 => c.mark = 0,
                _ => c.signed = 0,
            }
        }
        c
    }

    fn total_without_name(&self) -> u16 {
        self.rank
            + gap(self.moved, 1)
            + self.moved
            + 2
            + 2
            + self.score
            + gap(self.mark, 3)
            + self.mark
            + gap(self.signed, 3)
            + self.signed
    }

    fn total(&self) -> u16 {
        self.total_without_name() + self.name
    }
}

fn gap(w: u16, g: u16) -> u16 {
    if w > 0 {
        g
    } else {
        0
    }
}

fn score_head(lower: bool, l: &'static BoardWords) -> &'static str {
    if lower {
        l.demerits
    } else {
        l.score
    }
}

fn grade_head(v: &RankingView, l: &'static BoardWords) -> &'static str {
    if v.grade_projected {
        l.grade_projected
    } else {
        l.grade
    }
}

/// How the rows below the podium are laid out.
struct Grid {
    cols: u16,
    step: u16,
    per_col: usize,
    pages: usize,
}

fn grid(n: usize, area: Rect, header: bool) -> Grid {
    let body_h = area.height - u16::from(header);
    let max_cols = ((area.width + COL_GAP) / (MIN_COL + COL_GAP)).max(1);
    let fit = |cols: u16, step: u16| usize::from(body_h / step) * usize::from(cols);
    // As many columns as the width allows, while each keeps MIN_ROWS rows,
    // but never fewer than it takes to show everyone.
    let wanted = u16::try_from(n.div_ceil(MIN_ROWS)).unwrap_or(u16::MAX);
    let needed = (1..=max_cols).find(|c| n <= fit(*c, 1)).unwrap_or(max_cols);
    let cols = wanted.clamp(1, max_cols).max(needed);
    let step = if n <= fit(cols, 2) && body_h >= 8 {
        2
    } else {
        1
    };
    let room = usize::from(body_h / step).max(1);
    let pages = n.div_ceil(room * usize::from(cols)).max(1);
    // On one page, balance the columns (37 rows in 3: 13, 12, 12).
    let per_col = if pages == 1 {
        n.div_ceil(usize::from(cols)).max(1)
    } else {
        room
    };
    Grid {
        cols,
        step,
        per_col,
        pages,
    }
}

/// Draw the ranking; returns (page, pages) when paging.
pub fn ranking(
    v: &RankingView,
    l: &'static BoardWords,
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
        if let Some(plan) = podium::plan(area, rows) {
            podium::draw(
                &plan,
                rows,
                v.grade_projected,
                l,
                theme,
                Rect {
                    height: plan.height,
                    ..area
                },
                buf,
            );
            offset = plan.members;
            rows = &rows[offset..];
            area = Rect {
                y: area.y + plan.height,
                height: area.height - plan.height,
                ..area
            };
        }
    }
    // Rows not yet revealed (always the top of the ranking) take no room.
    let unrevealed = rows.iter().take_while(|r| r.hidden).count();
    rows = &rows[unrevealed..];
    offset += unrevealed;
    if rows.is_empty() || area.is_empty() {
        return None;
    }
    let header = area.height >= 6;
    let g = grid(rows.len(), area, header);
    let per_page = g.per_col * usize::from(g.cols);
    let (start, page) = match v.scroll {
        Scroll::Pages(tick) => {
            let p = usize::try_from(tick % g.pages as u64).unwrap_or(0);
            (p * per_page, Some((p, g.pages)))
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
    let used = if g.pages == 1 {
        let longest = rows.len().min(g.per_col) as u16;
        u16::from(header) + longest.saturating_mul(g.step).saturating_sub(g.step - 1)
    } else {
        area.height
    };
    let top = area.y + area.height.saturating_sub(used) / 3;
    let col_w = ((area.width - COL_GAP * (g.cols - 1)) / g.cols).min(MAX_COL);
    let plan = Cols::plan(v, rows, l, col_w);
    // Spread the columns over the width (up to MAX_GAP between them).
    let spare = area.width.saturating_sub(plan.total() * g.cols + 4);
    let col_gap = if g.cols > 1 {
        (spare / (g.cols - 1)).clamp(COL_GAP, MAX_GAP)
    } else {
        0
    };
    let block_w = plan.total() * g.cols + col_gap * (g.cols - 1);
    let left = area.x + area.width.saturating_sub(block_w) / 2;
    for c in 0..g.cols {
        let x = left + c * (plan.total() + col_gap);
        let first = start + usize::from(c) * g.per_col;
        if first >= rows.len() || first >= start + per_page {
            break;
        }
        let mut y = top;
        if header {
            head_row(&plan, v, l, theme, x, y, buf);
            y += 1;
        }
        for (k, i) in (first..rows.len().min(first + g.per_col)).enumerate() {
            let prev = i.checked_sub(1).map(|j| &rows[j]);
            let show_rank = k == 0 || prev.is_none_or(|p| p.rank != rows[i].rank || p.hidden);
            let cont = k == 0 && prev.is_some_and(|p| p.rank == rows[i].rank && !p.hidden);
            row(&rows[i], &plan, show_rank, cont, l, theme, x, y, buf);
            y += g.step;
        }
    }
    if g.pages > 1 {
        page
    } else {
        None
    }
}

fn head_row(
    c: &Cols,
    v: &RankingView,
    l: &'static BoardWords,
    theme: &Theme,
    x: u16,
    y: u16,
    buf: &mut Buffer,
) {
    let s = theme.style(Role::Header);
    buf.set_style(Rect::new(x, y, c.total(), 1).intersection(buf.area), s);
    let mut x = x;
    x += put(buf, x, y, &pad_left(l.rank, usize::from(c.rank)), c.rank, s);
    if c.moved > 0 {
        x += 1;
        x += put(
            buf,
            x,
            y,
            &pad(l.move_head, usize::from(c.moved)),
            c.moved,
            s,
        );
    }
    x += 2;
    x += put(buf, x, y, &pad(l.name, usize::from(c.name)), c.name, s) + 2;
    let score = score_head(v.lower_is_better, l);
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
        x += put(
            buf,
            x,
            y,
            &pad(grade_head(v, l), usize::from(c.mark)),
            c.mark,
            s,
        );
    }
    if c.signed > 0 {
        x += 3;
        put(
            buf,
            x,
            y,
            &pad(l.signed_head, usize::from(c.signed)),
            c.signed,
            s,
        );
    }
}

#[allow(clippy::too_many_arguments)]
fn row(
    r: &ViewRow,
    c: &Cols,
    show_rank: bool,
    cont: bool,
    l: &'static BoardWords,
    theme: &Theme,
    x: u16,
    y: u16,
    buf: &mut Buffer,
) {
    // A row not yet revealed shows nothing: no rank, no name, no marks.
    if r.hidden {
        return;
    }
    // A ranking's heading spans the row.
    if r.heading {
        put(buf, x, y, &r.name, c.total(), theme.style(Role::Title));
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
    );
    if c.moved > 0 {
        x += 1;
        if let Some(by) = r.moved {
            let role = if by > 0 { Role::RankUp } else { Role::RankDown };
            put(
                buf,
                x,
                y,
                &pad(&(l.moved)(by), usize::from(c.moved)),
                c.moved,
                theme.style(role),
            );
        }
        x += c.moved;
    }
    x += 2;
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
    if c.signed > 0 {
        x += 3;
        put(
            buf,
            x,
            y,
            r.signed.word(l),
            c.signed,
            base.patch(theme.style(signed_role(r.signed))),
        );
    }
}
