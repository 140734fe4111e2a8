//! Header and footer bars: solid colour bands, no thin lines.

use super::{put, put_centred};
use crate::i18n::BoardWords;
use crate::tui::board::view::Header;
use crate::tui::theme::{Role, Theme};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// Split the screen into header, body and footer for its height.
pub fn split(area: Rect, blank: bool, trouble: bool) -> (Rect, Rect, Rect) {
    let h = area.height;
    let head_h = match h {
        _ if blank => 0,
        0..=4 => 0,
        5..=15 => 1,
        _ => 3,
    };
    let foot_h = match h {
        0..=2 => u16::from(trouble && h == 2),
        3..=15 => 1,
        _ => 1 + u16::from(trouble),
    };
    let foot_h = if blank && !trouble { 0 } else { foot_h };
    let head = Rect {
        height: head_h.min(h),
        ..area
    };
    let foot_y = area.bottom().saturating_sub(foot_h);
    let foot = Rect {
        y: foot_y,
        height: foot_h.min(h),
        ..area
    };
    let body = Rect {
        y: area.y + head.height,
        height: foot_y.saturating_sub(area.y + head.height),
        ..area
    };
    (head, body, foot)
}

pub fn header(h: &Header, l: &'static BoardWords, theme: &Theme, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let title = theme.style(Role::Title);
    let verdict_role = if h.is_final {
        Role::Bonus
    } else {
        Role::Provisional
    };
    let mut right = h.verdict.clone();
    if let Some(seal) = &h.seal {
        right = format!("{right}  {} {seal}", l.seal);
    }
    if area.height == 1 {
        buf.set_style(area, title);
        let used = put(
            buf,
            area.x + 1,
            area.y,
            &h.branch,
            area.width.saturating_sub(1),
            title,
        );
        let rest = format!("{}  {}", h.period, right);
        let rw = crate::domain::text::width(&rest) as u16 + 1;
        if area.width > used + 3 + rw {
            put(buf, area.right() - rw, area.y, &rest, rw, title);
        }
        return;
    }
    // Three rows: a blank band, the title row, a blank band.
    buf.set_style(area, title);
    let y = area.y + 1;
    let used = put(
        buf,
        area.x + 2,
        y,
        &h.branch,
        area.width.saturating_sub(2),
        title,
    );
    let mut x = area.x + 2 + used + 4;
    if x < area.right() {
        x += put(buf, x, y, &h.period, area.right() - x, title) + 4;
    }
    if let Some(note) = &h.note {
        if x < area.right() {
            x += put(
                buf,
                x,
                y,
                note,
                area.right() - x,
                theme.style(Role::Warning),
            ) + 4;
        }
    }
    let rw = crate::domain::text::width(&right) as u16 + 2;
    let vstyle = theme.style(verdict_role);
    if area.right() >= rw && x + rw <= area.right() {
        put(buf, area.right() - rw, y, &right, rw, vstyle);
    } else if area.height >= 3 {
        put_centred(
            buf,
            Rect {
                y: y + 1,
                height: 1,
                ..area
            },
            y + 1,
            &right,
            vstyle,
        );
    }
}

pub fn footer(
    legends: &[&[(String, Role)]],
    page: Option<(usize, usize)>,
    trouble: Option<&str>,
    l: &'static BoardWords,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    if area.is_empty() {
        return;
    }
    let mut y = area.y;
    if let Some(t) = trouble {
        let style = theme
            .style(Role::Warning)
            .add_modifier(ratatui::style::Modifier::REVERSED);
        buf.set_style(
            Rect {
                y,
                height: 1,
                ..area
            },
            style,
        );
        put(buf, area.x + 1, y, t, area.width.saturating_sub(1), style);
        if area.height == 1 {
            return;
        }
        y += 1;
    }
    let mut right_w = 0;
    if let Some((p, n)) = page.filter(|(_, n)| *n > 1) {
        let s = (l.page)(p + 1, n);
        right_w = crate::domain::text::width(&s) as u16 + 2;
        if area.width > right_w {
            put(
                buf,
                area.right() - right_w,
                y,
                &s,
                right_w,
                theme.style(Role::Title),
            );
        }
    }
    let mut x = area.x + 2;
    let limit = area.right().saturating_sub(right_w + 1);
    // The first form that fits whole, else the last one cut short.
    let room = usize::from(limit.saturating_sub(x));
    let span = |l: &[(String, Role)]| {
        l.iter()
            .map(|(t, _)| crate::domain::text::width(t) + 3)
            .sum::<usize>()
    };
    let legend = legends
        .iter()
        .find(|l| span(l) <= room + 3)
        .or(legends.last())
        .copied()
        .unwrap_or(&[]);
    for (text, role) in legend {
        let w = crate::domain::text::width(text) as u16;
        if x + w > limit {
            break;
        }
        put(buf, x, y, text, w, theme.style(*role));
        x += w + 3;
    }
}
