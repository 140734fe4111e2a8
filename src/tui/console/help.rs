//! The key list: the footer's hints per screen and the `?` overlay.

use super::screen::{Ctx, ScreenKind};
use crate::i18n::Strings;
use crate::tui::widgets::{cell, centered, draw_rows, popup};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// Keys worth showing in the footer of a screen, most useful first.
pub fn footer_keys(screen: ScreenKind, t: &'static Strings) -> Vec<(&'static str, &'static str)> {
    let mut v: Vec<(&str, &str)> = match screen {
        ScreenKind::Overview => vec![
            ("Enter", t.k_open),
            ("1-6", t.steps),
            ("o", t.k_open_period),
            ("s", t.k_session),
            ("y", t.k_year),
            ("F", t.k_finalize),
        ],
        ScreenKind::RollCall => vec![
            ("p", t.k_present),
            ("l", t.k_leave),
            ("x", t.k_absent),
            ("/", t.k_search),
        ],
        ScreenKind::Members => vec![
            ("a", t.k_approve),
            ("e", t.k_adjust),
            ("r", t.k_reject),
            ("A", t.k_approve_all),
            ("N", t.meeting.k_next_pending),
            ("n", t.k_new),
            ("c", t.k_confirm),
            ("Tab", t.k_pane),
            ("/", t.k_search),
            ("f", t.k_file_appeal),
        ],
        ScreenKind::Confirm => vec![
            ("c", t.k_confirm),
            ("d", t.k_dispute),
            ("n/p", t.k_next_member),
            ("f", t.k_file_appeal),
        ],
        ScreenKind::Lock => vec![("Enter", t.k_lock), ("p", t.k_papers)],
        ScreenKind::Year => vec![("x", t.k_tick), ("Tab", t.k_pane), ("[ ]", t.k_prev_year)],
        ScreenKind::Appeals => vec![
            ("f", t.k_file_appeal),
            ("a", t.k_uphold),
            ("r", t.k_dismiss),
            ("R", t.k_reconsider),
            ("p", t.k_papers),
        ],
    };
    v.extend([
        ("u", t.k_undo),
        ("b", t.k_board),
        ("Esc", t.k_back),
        ("?", t.k_help),
        ("q", t.k_quit),
    ]);
    v
}

/// Every key, grouped: (section, [(key, meaning)]).
pub fn all_keys(t: &'static Strings) -> Vec<(&'static str, Vec<(&'static str, &'static str)>)> {
    vec![
        (
            "",
            vec![
                ("Up/Down j/k", t.k_move),
                ("Enter", t.k_open),
                ("Esc", t.k_back),
                ("Tab", t.k_pane),
                ("u", t.k_undo),
                ("/", t.k_search),
                ("b", t.k_board),
                (">", t.k_board_step),
                ("?", t.k_help),
                ("q  Ctrl-C", t.k_quit),
            ],
        ),
        (
            t.overview,
            vec![
                ("1-6", t.steps),
                ("o", t.k_open_period),
                ("s", t.k_session),
                ("y", t.k_year),
                ("F", t.k_finalize),
            ],
        ),
        (
            t.roll_call,
            vec![("p", t.k_present), ("l", t.k_leave), ("x", t.k_absent)],
        ),
        (
            t.member_claims,
            vec![
                ("a", t.k_approve),
                ("e", t.k_adjust),
                ("r", t.k_reject),
                ("A", t.k_approve_all),
                ("N", t.meeting.k_next_pending),
                ("n", t.k_new),
                ("c", t.k_confirm),
                ("d", t.k_dispute),
                ("f", t.k_file_appeal),
            ],
        ),
        (
            t.confirmation,
            vec![
                ("c", t.k_confirm),
                ("d", t.k_dispute),
                ("n/p", t.k_next_member),
                ("f", t.k_file_appeal),
            ],
        ),
        (t.step_lock, vec![("Enter  L", t.k_lock), ("p", t.k_papers)]),
        (
            t.step_year,
            vec![("[ ]", t.k_prev_year), ("x  Space", t.k_tick)],
        ),
        (
            t.appeals_title,
            vec![
                ("f", t.k_file_appeal),
                ("a", t.k_uphold),
                ("r", t.k_dismiss),
                ("R", t.k_reconsider),
                ("p", t.k_papers),
            ],
        ),
    ]
}

/// The help's lines: section headers, then each key in `key_w` cells and its
/// label cut to `label_w` cells (so that columns never run into each other).
fn help_lines(ctx: &Ctx, key_w: usize, label_w: usize) -> Vec<Line<'static>> {
    let (t, pal) = (ctx.t, ctx.pal);
    let mut lines: Vec<Line> = Vec::new();
    for (section, keys) in all_keys(t) {
        if !section.is_empty() {
            lines.push(Line::from(Span::styled(
                crate::domain::text::truncate(section, key_w + label_w),
                pal.header,
            )));
        }
        for (k, m) in keys {
            lines.push(Line::from(vec![
                Span::styled(format!("{} ", cell(k, key_w.saturating_sub(1))), pal.key),
                Span::raw(crate::domain::text::truncate(m, label_w)),
            ]));
        }
    }
    lines
}

/// The help overlay, in two or three columns when there is room.
pub fn draw(area: Rect, buf: &mut Buffer, ctx: &Ctx) {
    let (t, pal) = (ctx.t, ctx.pal);
    let rect = centered(area, 76, area.height.saturating_sub(2));
    let inner = popup(
        rect,
        buf,
        &format!("{}  ({})", t.help, t.help_close),
        pal.title,
    );
    let mut lines = help_lines(ctx, 12, inner.width as usize);
    let h = inner.height as usize;
    if lines.len() > 2 * h && inner.width >= 60 {
        // Three columns with a one-cell gap between them.
        let col_w = (inner.width / 3).saturating_sub(1) as usize;
        lines = help_lines(ctx, 12, col_w.saturating_sub(12));
    } else if lines.len() > h && inner.width >= 60 {
        let col_w = (inner.width / 2).saturating_sub(1) as usize;
        lines = help_lines(ctx, 12, col_w.saturating_sub(12));
    }
    let h = inner.height as usize;
    if lines.len() <= h || inner.width < 60 {
        draw_rows(inner, buf, None, &lines, None, pal.selected);
        return;
    }
    if lines.len() > 2 * h {
        // Three columns, each ending before a section header where it can.
        let w = inner.width / 3;
        let mut start = 0;
        for c in 0..3u16 {
            let mut end = (start + h).min(lines.len());
            if c < 2 && end < lines.len() && lines[end - 1].spans.len() == 1 {
                end -= 1;
            }
            let col = Rect {
                x: inner.x + c * w,
                width: if c == 2 { inner.width - 2 * w } else { w },
                ..inner
            };
            draw_rows(col, buf, None, &lines[start..end], None, pal.selected);
            start = end;
        }
        return;
    }
    // Split at a section start near the middle.
    let mid = lines.len().div_ceil(2);
    let split = (mid..lines.len())
        .find(|&i| lines[i].spans.len() == 1)
        .filter(|&i| i <= h)
        .unwrap_or(mid.min(h));
    let half = inner.width / 2;
    let left = Rect {
        width: half,
        ..inner
    };
    let right = Rect {
        x: inner.x + half,
        width: inner.width - half,
        ..inner
    };
    draw_rows(left, buf, None, &lines[..split], None, pal.selected);
    draw_rows(right, buf, None, &lines[split..], None, pal.selected);
}
