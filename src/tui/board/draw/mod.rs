//! Pure drawing: `draw(&BoardView, &Theme, area, buf)`, no terminal and no
//! database, so every screen is testable in a `TestBackend`.

pub mod big;
mod chrome;
pub mod committee;
mod count;
mod podium;
mod screens;
mod table;

use super::view::{BoardView, Screen};
use crate::tui::theme::{Role, Theme};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

/// Draw one frame of the board into `buf` within `area`.
pub fn draw(view: &BoardView, theme: &Theme, area: Rect, buf: &mut Buffer) {
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
    let blank = matches!(view.screen, Screen::Blank);
    let (head, body, foot) = chrome::split(area, blank, view.trouble.is_some());
    if !blank {
        chrome::header(&view.header, view.labels, theme, head, buf);
    }
    let page = match &view.screen {
        Screen::Ranking(r) => table::ranking(r, view.labels, theme, body, buf),
        Screen::Member(m) => {
            screens::member(m, view.labels, theme, body, buf);
            None
        }
        Screen::Message(t) => {
            screens::message(t, theme, body, buf);
            None
        }
        Screen::Countdown(c) => {
            screens::countdown(c, view.labels, theme, body, buf);
            None
        }
        Screen::Empty(t) => {
            screens::message(t, theme, body, buf);
            None
        }
        Screen::Count(c) => {
            count::count(c, theme, body, buf);
            None
        }
        Screen::Blank => None,
    };
    let legend: [&[(String, Role)]; 2] = match &view.screen {
        Screen::Ranking(r) => [&r.legend, &r.legend_short],
        _ => [&[], &[]],
    };
    chrome::footer(
        &legend,
        page,
        view.trouble.as_deref(),
        view.labels,
        theme,
        foot,
        buf,
    );
}

/// The colour role of a sign-off mark: three distinct ones.
pub(crate) fn signed_role(s: crate::tui::board::snapshot::Signed) -> Role {
    use crate::tui::board::snapshot::Signed;
    match s {
        Signed::Confirmed => Role::Bonus,
        Signed::Disputed => Role::Deduction,
        Signed::NotYet => Role::Provisional,
    }
}

/// Write `text` at (x, y), cut to `max` cells and to the buffer; returns the cells used.
pub(crate) fn put(buf: &mut Buffer, x: u16, y: u16, text: &str, max: u16, style: Style) -> u16 {
    let a = buf.area;
    if y < a.top() || y >= a.bottom() || x < a.left() || x >= a.right() || max == 0 {
        return 0;
    }
    let max = max.min(a.right() - x);
    let t = crate::domain::text::truncate(text, usize::from(max));
    let (end, _) = buf.set_stringn(x, y, &t, usize::from(max), style);
    end.saturating_sub(x)
}

/// Write `text` centred in `area` on row `y`.
pub(crate) fn put_centred(buf: &mut Buffer, area: Rect, y: u16, text: &str, style: Style) {
    let w = crate::domain::text::width(text).min(usize::from(area.width)) as u16;
    let x = area.x + (area.width - w) / 2;
    put(
        buf,
        x,
        y,
        text,
        area.width.saturating_sub(x - area.x),
        style,
    );
}

/// Space the characters of `text` out ("欧 阳 娜 娜") when that still fits in `cells`.
pub(crate) fn spaced(text: &str, cells: usize) -> String {
    let wide = text
        .chars()
        .all(|c| unicode_width::UnicodeWidthChar::width(c) == Some(2));
    let out: String = text
        .chars()
        .map(|c| c.to_string())
        .collect::<Vec<_>>()
        .join(" ");
    if wide && crate::domain::text::width(&out) <= cells {
        out
    } else {
        text.to_string()
    }
}
