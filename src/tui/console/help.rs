//! The `?` help and the README's key table, drawn from the screens' and
//! overlays' key lists.

use super::keymap::{describe, Act, Binding};
use super::keys::GLOBAL;
use super::screen::{Ctx, ScreenKind};
use super::{board_popup, grade_picker, new_claim, papers, prompt};
use crate::i18n::Strings;
use crate::tui::widgets::{cell, centered, draw_rows, popup};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// A section of the key list: its title and (keys, label) lines.
pub type Section = (&'static str, Vec<super::keymap::Hint>);

/// The keys of every prompt and popup, each under its name.
fn overlay_sections(t: &'static Strings) -> Vec<Section> {
    vec![
        (t.k_overlay_prompt, describe(prompt::KEYS, t)),
        (t.k_overlay_yes_no, describe(prompt::YES_NO_KEYS, t)),
        (t.k_overlay_new_claim, describe(new_claim::KEYS, t)),
        (t.k_overlay_board, describe(board_popup::KEYS, t)),
        (t.k_overlay_papers, describe(papers::KEYS, t)),
        (t.k_overlay_grade, describe(grade_picker::KEYS, t)),
    ]
}

/// Every key, grouped: the shared keys, each screen's, each overlay's.
pub fn all_keys(t: &'static Strings) -> Vec<Section> {
    let mut v = vec![(t.k_all_screens, describe(GLOBAL, t))];
    v.extend(
        ScreenKind::ALL
            .iter()
            .map(|k| (k.title(t), describe(k.keys(), t))),
    );
    v.extend(overlay_sections(t));
    v
}

/// What the `?` help shows on a screen: its own keys, then the shared ones.
pub fn screen_keys(kind: ScreenKind, t: &'static Strings) -> Vec<Section> {
    vec![
        (kind.title(t), describe(kind.keys(), t)),
        (t.k_all_screens, describe(GLOBAL, t)),
    ]
}

/// README rows of one list: keys in backticks, where, what.
pub(super) fn readme_rows<A: Copy>(
    list: &[Binding<A>],
    place: &str,
    t: &'static Strings,
) -> String {
    let mut out = String::new();
    for b in list {
        let keys = match (b.short, b.act) {
            (Some(s), Act::Nth(_)) => format!("`{s}`"),
            _ => b
                .keys
                .iter()
                .map(|k| format!("`{}`", k.name()))
                .collect::<Vec<_>>()
                .join(" "),
        };
        out.push_str(&format!("| {keys} | {place} | {} |\n", (b.label)(t)));
    }
    out
}

/// The README's key table (English), one row per binding of every list.
pub fn readme_table() -> String {
    let t = crate::i18n::EN.console;
    let mut out = String::from("| Key | Where | Action |\n|---|---|---|\n");
    out.push_str(&readme_rows(GLOBAL, t.k_all_screens, t));
    for k in ScreenKind::ALL {
        out.push_str(&readme_rows(k.keys(), k.title(t), t));
    }
    out.push_str(&readme_rows(prompt::KEYS, t.k_overlay_prompt, t));
    out.push_str(&readme_rows(prompt::YES_NO_KEYS, t.k_overlay_yes_no, t));
    out.push_str(&readme_rows(new_claim::KEYS, t.k_overlay_new_claim, t));
    out.push_str(&readme_rows(board_popup::KEYS, t.k_overlay_board, t));
    out.push_str(&readme_rows(papers::KEYS, t.k_overlay_papers, t));
    out.push_str(&readme_rows(grade_picker::KEYS, t.k_overlay_grade, t));
    out
}

/// The help's lines: section headers, then each key in `key_w` cells and its
/// label cut to `label_w` cells (so that columns never run into each other).
fn help_lines(ctx: &Ctx, sections: &[Section], key_w: usize, label_w: usize) -> Vec<Line<'static>> {
    let pal = ctx.pal;
    let mut lines: Vec<Line> = Vec::new();
    for (section, keys) in sections {
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
pub fn draw(area: Rect, buf: &mut Buffer, sections: &[Section], ctx: &Ctx) {
    let (t, pal) = (ctx.t, ctx.pal);
    let rect = centered(area, 76, area.height.saturating_sub(2));
    let inner = popup(
        rect,
        buf,
        &format!("{}  ({})", t.help, t.help_close),
        pal.title,
    );
    // The key column fits the longest keys (`Ctrl-C Ctrl-Q`), within reason.
    let key_w = sections
        .iter()
        .flat_map(|(_, keys)| keys.iter().map(|(k, _)| crate::domain::text::width(k)))
        .max()
        .unwrap_or(10)
        .clamp(8, 15)
        + 1;
    let mut lines = help_lines(ctx, sections, key_w, inner.width as usize);
    let h = inner.height as usize;
    if lines.len() > 2 * h && inner.width >= 60 {
        // Three columns with a one-cell gap between them.
        let col_w = (inner.width / 3).saturating_sub(1) as usize;
        lines = help_lines(ctx, sections, key_w, col_w.saturating_sub(key_w));
    } else if lines.len() > h && inner.width >= 60 {
        let col_w = (inner.width / 2).saturating_sub(1) as usize;
        lines = help_lines(ctx, sections, key_w, col_w.saturating_sub(key_w));
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
