//! Confirmation: the member reads their statement; it is recorded as
//! confirmed, or disputed with their words.

use super::screen::{signed_points, stars_text, Ctx};
use crate::core::{Ledger, Result, Statement};
use crate::model::{fmt_points, ClaimStatus, ConfirmState, PeriodId};
use crate::tui::widgets::{cell, cell_right, draw_rows, Scroll};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

/// Confirmation state and view model.
#[derive(Debug)]
pub struct Confirm {
    pub member_id: i64,
    /// Members in ranking order, for next / previous.
    pub order: Vec<i64>,
    pub statement: Option<Statement>,
    pub dispute: Option<String>,
    pub scroll: Scroll,
}

impl Confirm {
    pub fn new(member_id: i64, order: Vec<i64>) -> Confirm {
        Confirm {
            member_id,
            order,
            statement: None,
            dispute: None,
            scroll: Scroll::default(),
        }
    }

    pub fn load(&mut self, l: &Ledger, p: &PeriodId, ctx: &Ctx) -> Result<()> {
        let mut s = l.statement(self.member_id, p, ctx.zh())?;
        super::screen::name_grades(l, s.row.iter_mut(), ctx.zh());
        self.statement = Some(s);
        self.dispute = l.confirmation_of(self.member_id, p)?.and_then(|c| c.1);
        Ok(())
    }

    /// Move to the next (`+1`) or previous (`-1`) member.
    pub fn step_member(&mut self, delta: isize) {
        if let Some(i) = self.order.iter().position(|&m| m == self.member_id) {
            let j = (i as isize + delta).clamp(0, self.order.len() as isize - 1) as usize;
            self.member_id = self.order[j];
            self.scroll = Scroll::default();
        }
    }

    pub fn draw(&mut self, area: Rect, buf: &mut Buffer, ctx: &Ctx) {
        let (t, pal) = (ctx.t, ctx.pal);
        let Some(s) = &self.statement else { return };
        let block = Block::default().borders(Borders::ALL).title(Span::styled(
            format!(" {}  {}  {} ", t.confirmation, s.name, s.period),
            pal.title,
        ));
        let inner = block.inner(area);
        block.render(area, buf);
        let [head, list, foot] = Layout::vertical([
            Constraint::Length(3),
            Constraint::Min(0),
            Constraint::Length(2),
        ])
        .areas(inner);
        let row = s.row.as_ref();
        let mut facts = vec![
            Span::styled(format!(" {} ", t.total), pal.muted),
            Span::styled(
                row.map(|r| fmt_points(r.score))
                    .unwrap_or_else(|| "-".into()),
                pal.title,
            ),
            Span::styled(format!("   {} ", t.rank_of), pal.muted),
            Span::raw(
                row.map(|r| format!("{}/{}", r.rank, s.members_ranked))
                    .unwrap_or_else(|| "-".into()),
            ),
        ];
        if let Some(g) = row.and_then(|r| r.grade.clone()) {
            facts.push(Span::styled(format!("   {} ", t.grade), pal.muted));
            facts.push(Span::raw(g.to_string()));
        }
        if let Some(st) = row.and_then(|r| r.stars) {
            facts.push(Span::styled(format!("   {} ", t.stars), pal.muted));
            facts.push(Span::raw(stars_text(Some(st))));
        }
        let actions = row.map(|r| r.actions.join(", ")).unwrap_or_default();
        let (state, style) = match row.and_then(|r| r.confirmation.map(ConfirmState::as_str)) {
            Some("confirmed") => (t.status_confirmed.to_string(), pal.ok),
            Some("disputed") => (
                format!(
                    "{}: {}",
                    t.status_disputed,
                    self.dispute.clone().unwrap_or_default()
                ),
                pal.warning,
            ),
            _ => (t.status_unconfirmed.to_string(), pal.provisional),
        };
        let mut head_lines = vec![
            Line::from(facts),
            Line::from(Span::styled(format!(" {state}"), style)),
        ];
        if !actions.is_empty() {
            head_lines.push(Line::from(vec![
                Span::styled(format!(" {}: ", t.actions), pal.muted),
                Span::raw(actions),
            ]));
        }
        draw_rows(head, buf, None, &head_lines, None, pal.selected);

        let w = list.width as usize;
        let fixed = 1 + 1 + 6 + 1 + 3 + 1 + 7 + 1 + 4;
        let reason_w = if w >= 100 { 30 } else { 0 };
        let item_w = w.saturating_sub(fixed + reason_w + 2).max(6);
        let mut h = format!(
            " {} {} {} {} {}",
            cell(t.col_item, item_w),
            cell(t.col_level, 6),
            cell_right(t.col_count, 3),
            cell_right(t.col_points, 7),
            cell(t.col_status, 4)
        );
        if reason_w > 0 {
            h.push_str(&format!(" {}", cell(t.reason, reason_w)));
        }
        let header = Line::from(Span::styled(h, pal.header));
        let range = self
            .scroll
            .window(s.lines.len(), list.height.saturating_sub(1) as usize);
        let rows: Vec<Line> = s.lines[range.clone()]
            .iter()
            .map(|x| {
                let c = &x.claim;
                let pts_style = pal.points(c.status, &x.kind);
                let level = super::screen::level_text(ctx.lang, c.level.as_deref());
                let mut spans = vec![
                    Span::raw(format!(
                        " {} {} {}",
                        cell(&x.title, item_w),
                        cell(&level, 6),
                        cell_right(&c.count.to_string(), 3)
                    )),
                    Span::styled(
                        format!(
                            " {}",
                            cell_right(&signed_points(&x.kind, c.points, ctx.lang), 7)
                        ),
                        pts_style,
                    ),
                    Span::styled(
                        format!(
                            " {}",
                            cell(crate::i18n::claim_status(ctx.lang, c.status), 4)
                        ),
                        if c.status == ClaimStatus::Pending {
                            pal.warning
                        } else {
                            Style::default()
                        },
                    ),
                ];
                if reason_w > 0 {
                    spans.push(Span::styled(
                        format!(" {}", cell(c.reason.as_deref().unwrap_or(""), reason_w)),
                        pal.muted,
                    ));
                }
                Line::from(spans)
            })
            .collect();
        if s.lines.is_empty() {
            buf.set_line(
                list.x,
                list.y,
                &Line::from(Span::styled(format!(" {}", t.no_claims), pal.muted)),
                list.width,
            );
        } else {
            draw_rows(list, buf, Some(header), &rows, None, pal.selected);
        }
        let hint = Line::from(vec![
            Span::styled(" c", pal.key),
            Span::raw(format!(" {}  ", t.k_confirm)),
            Span::styled("d", pal.key),
            Span::raw(format!(" {}  ", t.k_dispute)),
            Span::styled("n/p", pal.key),
            Span::raw(format!(" {}", t.k_next_member)),
        ]);
        draw_rows(foot, buf, None, &[Line::raw(""), hint], None, pal.selected);
    }
}
