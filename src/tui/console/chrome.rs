//! The frame around every screen: header, status line, key footer.

use super::screen::Ctx;
use crate::tui::widgets::{key_hints, put_line};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// What the header says.
#[derive(Debug, Clone, Default)]
pub struct Header {
    pub branch: String,
    pub period: String,
    pub state: String,
    pub screen: String,
    pub read_only: Option<String>,
}

pub fn draw_header(area: Rect, buf: &mut Buffer, h: &Header, ctx: &Ctx) {
    let pal = ctx.pal;
    let mut spans = vec![
        Span::styled(format!(" {} ", ctx.t.app), pal.title),
        Span::raw("| "),
        Span::raw(h.branch.clone()),
        Span::raw(" | "),
        Span::styled(h.period.clone(), pal.key),
        Span::raw(format!(" {} | ", h.state)),
        Span::styled(h.screen.clone(), pal.title),
    ];
    if let Some(r) = &h.read_only {
        let used: usize = spans
            .iter()
            .map(|s| crate::domain::text::width(&s.content))
            .sum();
        let room = (area.width as usize).saturating_sub(used + 4);
        // At 80 columns the holder's full note does not fit: cut it, keeping
        // the read-only word first (the status line has the rest).
        spans.push(Span::styled(
            format!("  [{}]", crate::domain::text::truncate(r, room)),
            pal.warning,
        ));
    }
    put_line(buf, area.x, area.y, &Line::from(spans), area.width);
}

/// The status line: the last result, or an error.
pub fn draw_status(area: Rect, buf: &mut Buffer, status: Option<&(String, bool)>, ctx: &Ctx) {
    if let Some((text, error)) = status {
        let style = if *error { ctx.pal.warning } else { ctx.pal.ok };
        put_line(
            buf,
            area.x,
            area.y,
            &Line::from(Span::styled(format!(" {text}"), style)),
            area.width,
        );
    }
}

/// The key hints: as many of `keys` as fit, in order, then `pinned`
/// (help and quit), which are always shown.
pub fn draw_footer(
    area: Rect,
    buf: &mut Buffer,
    keys: &[(String, &str)],
    pinned: &[(String, &str)],
    ctx: &Ctx,
) {
    let max = area.width.saturating_sub(1) as usize;
    let room = max.saturating_sub(hints_width(pinned));
    let mut shown = Vec::new();
    let mut used = 0;
    for k in keys {
        let w = hints_width(std::slice::from_ref(k));
        if used + w > room {
            break;
        }
        used += w;
        shown.push(k.clone());
    }
    shown.extend(pinned.iter().cloned());
    let mut line = key_hints(&shown, max, ctx.pal.key, ctx.pal.muted);
    line.spans.insert(0, Span::raw(" "));
    put_line(buf, area.x, area.y, &line, area.width);
}

/// Cells the hints take in the footer (`key label` and two spaces each).
fn hints_width(keys: &[(String, &str)]) -> usize {
    use crate::domain::text::width;
    keys.iter().map(|(k, l)| width(k) + 1 + width(l) + 2).sum()
}
