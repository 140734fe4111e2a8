//! The frame around every screen: header, status line, key footer.

use super::screen::{Ctx, ScreenKind};
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
        spans.push(Span::styled(format!("  [{r}]"), pal.warning));
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

pub fn draw_footer(area: Rect, buf: &mut Buffer, screen: ScreenKind, ctx: &Ctx) {
    let keys = super::help::footer_keys(screen, ctx.t);
    let mut line = key_hints(
        &keys,
        area.width.saturating_sub(1) as usize,
        ctx.pal.key,
        ctx.pal.muted,
    );
    line.spans.insert(0, Span::raw(" "));
    put_line(buf, area.x, area.y, &line, area.width);
}
