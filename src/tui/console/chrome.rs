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

/// The key hints; a read-only console shows only the keys that read.
pub fn draw_footer(area: Rect, buf: &mut Buffer, screen: ScreenKind, read_only: bool, ctx: &Ctx) {
    let mut keys = super::help::footer_keys(screen, ctx.t);
    if read_only {
        keys.retain(|(k, _)| !writes(screen, k));
    }
    let mut line = key_hints(
        &keys,
        area.width.saturating_sub(1) as usize,
        ctx.pal.key,
        ctx.pal.muted,
    );
    line.spans.insert(0, Span::raw(" "));
    put_line(buf, area.x, area.y, &line, area.width);
}

/// Whether a footer key (`a`, `Enter`, `n/p`, `1-6`) changes anything on `screen`.
fn writes(screen: ScreenKind, key: &str) -> bool {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let code = match key {
        // Enter marks present at roll call and locks on the lock screen.
        "Enter" => return matches!(screen, ScreenKind::RollCall | ScreenKind::Lock),
        k if k.chars().count() == 1 => k.chars().next().map(KeyCode::Char),
        _ => None,
    };
    code.and_then(|c| super::keys::action_for(screen, KeyEvent::new(c, KeyModifiers::NONE)))
        .is_some_and(super::action::Action::writes)
}
