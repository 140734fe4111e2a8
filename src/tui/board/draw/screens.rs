//! The other screens: member under review, message, countdown.

use super::{big, put, put_centred, spaced, table};
use crate::domain::text::{pad, pad_left, width};
use crate::i18n::BoardWords;
use crate::tui::board::view::{CountdownView, MemberView};
use crate::tui::theme::{Role, Theme};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthChar;

/// Break `text` into lines of at most `cells` cells (by display width).
fn wrap(text: &str, cells: usize) -> Vec<String> {
    let mut out = Vec::new();
    for para in text.lines() {
        let mut line = String::new();
        let mut w = 0;
        for c in para.chars() {
            let cw = c.width().unwrap_or(0);
            if w + cw > cells && !line.is_empty() {
                out.push(std::mem::take(&mut line));
                w = 0;
            }
            if cw <= cells {
                line.push(c);
                w += cw;
            }
        }
        out.push(line);
    }
    out
}

/// A short message, large and centred.
pub fn message(text: &str, theme: &Theme, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let cells = usize::from(area.width.saturating_sub(4).max(1));
    let shown = spaced(text, cells);
    let lines = wrap(&shown, cells);
    let step: u16 = if (lines.len() as u16).saturating_mul(2) <= area.height {
        2
    } else {
        1
    };
    let h = (lines.len() as u16).saturating_mul(step);
    let mut y = area.y + area.height.saturating_sub(h) / 2;
    for line in lines {
        if y >= area.bottom() {
            break;
        }
        put_centred(buf, area, y, line.trim_end(), theme.style(Role::Title));
        y += step;
    }
}

/// A countdown: label, then the time in block digits.
pub fn countdown(
    c: &CountdownView,
    l: &'static BoardWords,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    if area.is_empty() {
        return;
    }
    let role = c.role();
    let clock = c.clock();
    let label_h: u16 = if area.height >= 3 { 2 } else { 0 };
    let over_h: u16 = if c.remaining.is_some_and(|r| r < 0) && area.height >= 5 {
        2
    } else {
        0
    };
    let room = area.height.saturating_sub(label_h + over_h);
    let scale = big::fit(&clock, area.width.saturating_sub(2), room, 8);
    let digits_h = scale.map(big::height).unwrap_or(1);
    let total = label_h + digits_h + over_h;
    let top = area.y + area.height.saturating_sub(total) / 2;
    if label_h > 0 {
        put_centred(
            buf,
            area,
            top,
            &spaced(&c.label, usize::from(area.width)),
            theme.style(Role::Title),
        );
    }
    let y = top + label_h;
    let style = theme.style(role);
    match scale {
        Some(s) => {
            let colour = match role {
                Role::Big => theme.big_colour(),
                r => theme.style(r).fg.unwrap_or_else(|| theme.big_colour()),
            };
            let w = big::width(&clock, s);
            big::render(
                &clock,
                area.x + (area.width - w) / 2,
                y,
                s,
                colour,
                theme.pixel.as_deref(),
                area,
                buf,
            );
        }
        None => put_centred(buf, area, y, &clock, style),
    }
    if over_h > 0 {
        put_centred(buf, area, y + digits_h + 1, l.overtime, style);
    }
}

/// The member under review: public items and total, and on wide screens the
/// ranking around them.
pub fn member(m: &MemberView, l: &'static BoardWords, theme: &Theme, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let (left, right) = match &m.window {
        Some(_) if area.width >= 120 => {
            let lw = area.width * 11 / 20;
            (
                Rect { width: lw, ..area },
                Some(Rect {
                    x: area.x + lw,
                    width: area.width - lw,
                    ..area
                }),
            )
        }
        _ => (area, None),
    };
    statement(m, l, theme, left, buf);
    if let (Some(r), Some(w)) = (right, &m.window) {
        table::ranking(w, l, theme, r, buf);
    }
}

fn statement(m: &MemberView, l: &'static BoardWords, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let inner = Rect {
        x: area.x + 2,
        width: area.width.saturating_sub(4),
        ..area
    };
    if inner.is_empty() {
        return;
    }
    let mut y = inner.y + u16::from(inner.height >= 12);
    put_centred(
        buf,
        inner,
        y,
        &spaced(&m.name, usize::from(inner.width)),
        theme.style(Role::Title),
    );
    y += if inner.height >= 12 { 2 } else { 1 };
    let line: Vec<&str> = [
        m.place.as_deref(),
        m.score.as_deref(),
        Some(m.mark.as_str()),
    ]
    .into_iter()
    .flatten()
    .filter(|s| !s.is_empty())
    .collect();
    let items_h = m.items.len().max(1) as u16 + u16::from(m.pending.is_some());
    let score = m.score.clone().unwrap_or_default();
    let room = inner.bottom().saturating_sub(y + 2 + items_h + 1);
    match big::fit(&score, inner.width, room, 3).filter(|_| !score.is_empty()) {
        Some(s) => {
            let words: Vec<&str> = [m.place.as_deref(), Some(m.mark.as_str())]
                .into_iter()
                .flatten()
                .filter(|s| !s.is_empty())
                .collect();
            put_centred(buf, inner, y, &words.join("   "), theme.style(Role::Base));
            y += 1;
            let w = big::width(&score, s);
            big::render(
                &score,
                inner.x + (inner.width - w) / 2,
                y + 1,
                s,
                theme.big_colour(),
                theme.pixel.as_deref(),
                inner,
                buf,
            );
            y += big::height(s) + 2;
        }
        None => {
            put_centred(buf, inner, y, &line.join("   "), theme.style(Role::Base));
            y += 2;
        }
    }
    let pts_w = m
        .items
        .iter()
        .map(|(_, p, _)| width(p))
        .max()
        .unwrap_or(0)
        .max(4);
    let list_w = usize::from(inner.width).min(60);
    let x = inner.x + (inner.width - list_w as u16) / 2;
    if m.items.is_empty() {
        put_centred(buf, inner, y, l.no_public_items, theme.style(Role::Muted));
        y += 1;
    }
    for (title, pts, role) in &m.items {
        if y >= inner.bottom() {
            return;
        }
        let tw = list_w.saturating_sub(pts_w + 2);
        put(
            buf,
            x,
            y,
            &pad(title, tw),
            tw as u16,
            theme.style(Role::Base),
        );
        put(
            buf,
            x + tw as u16 + 2,
            y,
            &pad_left(pts, pts_w),
            pts_w as u16,
            theme.style(*role),
        );
        y += 1;
    }
    if let Some(p) = &m.pending {
        put_centred(buf, inner, y, p, theme.style(Role::Muted));
    }
}
