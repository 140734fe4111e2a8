//! Overview: where the meeting stands, and the steps of the walk.

use super::screen::Ctx;
use crate::core::{Ledger, MeetingProgress, Result};
use crate::model::PeriodId;
use crate::tui::widgets::{draw_rows, Scroll};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

/// The steps the overview lists, in order.
pub const STEPS: usize = 5;

/// Overview state and view model.
#[derive(Debug, Default)]
pub struct Overview {
    pub step: Scroll,
    pub branch: String,
    pub scheme: String,
    pub progress: MeetingProgress,
    pub board: String,
    pub year: Option<i32>,
}

impl Overview {
    /// Rebuild the view model from the core.
    pub fn load(
        &mut self,
        l: &Ledger,
        p: Option<&PeriodId>,
        ctx: &Ctx,
        board: String,
    ) -> Result<()> {
        self.branch = l.branch().name.clone();
        self.scheme = l.scheme().name_in(ctx.zh()).to_string();
        self.progress = l.progress(p)?;
        self.board = board;
        self.year = p.map(|p| p.year);
        Ok(())
    }

    pub fn draw(&mut self, area: Rect, buf: &mut Buffer, ctx: &Ctx) {
        let t = ctx.t;
        let pal = ctx.pal;
        let g = &self.progress;
        let block = Block::default()
            .borders(Borders::ALL)
            .title(Span::styled(format!(" {} ", t.overview), pal.title));
        let inner = block.inner(area);
        block.render(area, buf);
        let [facts, _, steps_area] = Layout::vertical([
            Constraint::Length(6),
            Constraint::Length(1),
            Constraint::Min(0),
        ])
        .areas(inner);
        let state = g
            .state
            .as_deref()
            .map(|s| crate::i18n::period_state(ctx.lang, s))
            .unwrap_or_default();
        let period = g.period.clone().unwrap_or_else(|| "-".into());
        let lines = vec![
            Line::from(vec![
                Span::styled(format!(" {}: ", t.branch), pal.muted),
                Span::raw(self.branch.clone()),
            ]),
            Line::from(vec![
                Span::styled(format!(" {}: ", t.scheme), pal.muted),
                Span::raw(self.scheme.clone()),
            ]),
            Line::from(vec![
                Span::styled(format!(" {}: ", t.period), pal.muted),
                Span::styled(period, pal.title),
                Span::raw(format!("  {state}")),
            ]),
            Line::from(vec![
                Span::styled(format!(" {}: ", t.members), pal.muted),
                Span::raw(format!(
                    "{}  ({} {}, {} {})",
                    g.members, t.scored, g.scored, t.exempt, g.exempt
                )),
            ]),
            Line::from(vec![
                Span::styled(format!(" {}: ", t.claims), pal.muted),
                Span::raw(format!(
                    "{}  ({} {}, {} {})",
                    g.claims, t.pending, g.pending, t.decided, g.decided
                )),
            ]),
            Line::from(vec![
                Span::styled(format!(" {}: ", t.board), pal.muted),
                Span::raw(self.board.clone()),
            ]),
        ];
        draw_rows(facts, buf, None, &lines, None, pal.selected);
        let left = g.scored.saturating_sub(g.confirmed + g.disputed);
        let lock_state = match (&g.seal, &g.state) {
            (Some(seal), _) => format!("{} {seal}", t.seal),
            (None, Some(s)) => crate::i18n::period_state(ctx.lang, s),
            _ => String::new(),
        };
        let steps: [(&str, String, bool); STEPS] = [
            (
                t.step_roll,
                format!(
                    "{} {}/{}  {} {}",
                    t.marked, g.roll_marked, g.scored, t.present, g.present
                ),
                g.roll_marked >= g.scored,
            ),
            (
                t.step_claims,
                format!("{} {} / {}", t.pending, g.pending, g.claims),
                g.pending == 0,
            ),
            (
                t.step_confirm,
                format!(
                    "{} {}  {} {}  {} {}",
                    t.confirmed, g.confirmed, t.disputed, g.disputed, t.left, left
                ),
                left == 0,
            ),
            (t.step_lock, lock_state, g.seal.is_some()),
            (
                t.step_year,
                self.year.map(|y| y.to_string()).unwrap_or_default(),
                false,
            ),
        ];
        let range = self
            .step
            .window(STEPS, steps_area.height.saturating_sub(1) as usize);
        let rows: Vec<Line> = steps[range.clone()]
            .iter()
            .enumerate()
            .map(|(i, (name, detail, done))| {
                let n = range.start + i + 1;
                let mark = if *done { "[x]" } else { "[ ]" };
                Line::from(vec![
                    Span::raw(format!(" {n} ")),
                    Span::styled(mark, if *done { pal.ok } else { pal.muted }),
                    Span::raw(" "),
                    Span::styled(crate::text::pad(name, 12), pal.key),
                    Span::raw(detail.clone()),
                ])
            })
            .collect();
        let header = Line::from(Span::styled(format!(" {}", t.steps), pal.header));
        let sel = self.step.selected.checked_sub(range.start);
        draw_rows(steps_area, buf, Some(header), &rows, sel, pal.selected);
    }
}
