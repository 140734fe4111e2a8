//! Drawing the committee's board: the branch board's header and footer
//! bands, and the ranking by category in one or two wide columns (place,
//! member, branch, score), each group under its heading, paged.

use super::{chrome, put};
use crate::domain::text::{pad, pad_left};
use crate::tui::board::committee::{CommitteeView, Line};
use crate::tui::theme::{Role, Theme};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// Widest one table column gets.
const MAX_COL: u16 = 90;
const GAP: u16 = 6;

/// Draw one frame of the committee's board into `buf` within `area`.
pub fn draw(v: &CommitteeView, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    buf.set_style(area, theme.style(Role::Base));
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            if let Some(c) = buf.cell_mut((x, y)) {
                c.set_symbol(" ");
            }
        }
    }
    let labels = v.lang.words().board;
    let (head, body, foot) = chrome::split(area, false, v.trouble.is_some());
    chrome::header(&v.header, labels, theme, head, buf);
    let page = match &v.empty {
        Some(t) => {
            super::screens::message(t, theme, body, buf);
            None
        }
        None => table(v, theme, body, buf),
    };
    chrome::footer(
        &[&[], &[]],
        page,
        v.trouble.as_deref(),
        labels,
        theme,
        foot,
        buf,
    );
}

/// The ranking, paged; returns (page, pages).
fn table(v: &CommitteeView, theme: &Theme, area: Rect, buf: &mut Buffer) -> Option<(usize, usize)> {
    if area.height < 3 || area.width < 20 {
        return None;
    }
    let w = v.lang.words().console.desk;
    // Two columns when each still gets 60 cells.
    let ncols: u16 = if area.width >= 2 * 60 + GAP { 2 } else { 1 };
    let col_w = ((area.width.saturating_sub(2) - GAP * (ncols - 1)) / ncols).min(MAX_COL);
    let used = col_w * ncols + GAP * (ncols - 1);
    let x0 = area.x + (area.width - used) / 2;
    // A blank row above the column headers, the headers, then the rows.
    let per_col = usize::from(area.height.saturating_sub(2));
    let per_page = per_col * usize::from(ncols);
    let pages = v.lines.len().div_ceil(per_page.max(1)).max(1);
    let page = (v.tick as usize) % pages;
    let lines = &v.lines[page * per_page..((page + 1) * per_page).min(v.lines.len())];
    let [r, m, b, s] = w.board_cols;
    let width = crate::domain::text::width;
    let (rank_w, score_w) = (width(r).max(4), width(s).max(6));
    let name_w = v
        .lines
        .iter()
        .filter_map(|l| match l {
            Line::Place { member, .. } => Some(crate::domain::text::width(member)),
            _ => None,
        })
        .max()
        .unwrap_or(6)
        .clamp(6, 12)
        .max(width(m));
    let branch_w = usize::from(col_w).saturating_sub(rank_w + name_w + score_w + 6);
    let head = theme.style(Role::Header);
    for c in 0..ncols {
        let x = x0 + c * (col_w + GAP);
        let chunk: &[Line] = {
            let from = usize::from(c) * per_col;
            if from >= lines.len() {
                &[]
            } else {
                &lines[from..(from + per_col).min(lines.len())]
            }
        };
        let text = format!(
            "{}  {}  {}  {}",
            pad_left(r, rank_w),
            pad(m, name_w),
            pad(b, branch_w),
            pad_left(s, score_w)
        );
        put(buf, x, area.y + 1, &text, col_w, head);
        for (i, l) in chunk.iter().enumerate() {
            let y = area.y + 2 + i as u16;
            match l {
                Line::Heading(h) => {
                    put(buf, x, y, h, col_w, theme.style(Role::Title));
                }
                Line::Place {
                    rank,
                    member,
                    branch,
                    score,
                } => {
                    let role = if *rank <= 3 { Role::Big } else { Role::Base };
                    let text = format!(
                        "{}  {}  {}  {}",
                        pad_left(&rank.to_string(), rank_w),
                        pad(member, name_w),
                        pad(branch, branch_w),
                        pad_left(score, score_w)
                    );
                    put(buf, x, y, &text, col_w, theme.style(role));
                }
            }
        }
    }
    Some((page, pages))
}
