//! The reconsiderations (复议) screen: open ones first with their deadline
//! and the working days left (overdue said so), then the decided ones with
//! their outcome and points.

use super::table::{self, left, right, Columns, TableRow};
use crate::app::review::ReviewView;
use crate::domain::model::{fmt_points, AppealStatus};
use crate::tui::console::screen::Ctx;
use crate::tui::widgets::Scroll;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// The reconsiderations screen's state.
#[derive(Debug, Default)]
pub struct Reviews {
    pub rows: Vec<ReviewView>,
    pub scroll: Scroll,
}

impl Reviews {
    /// Take the period's reconsiderations: open first (soonest due first),
    /// then decided (latest first).
    pub fn set(&mut self, mut rows: Vec<ReviewView>) {
        let keep = self.selected().map(|r| r.id);
        rows.sort_by(|a, b| {
            let decided = |r: &ReviewView| r.status != AppealStatus::Open;
            decided(a)
                .cmp(&decided(b))
                .then_with(|| match a.status {
                    AppealStatus::Open => a.due.cmp(&b.due),
                    _ => b.decided_on.cmp(&a.decided_on),
                })
                .then(a.id.cmp(&b.id))
        });
        self.rows = rows;
        if let Some(id) = keep {
            if let Some(i) = self.rows.iter().position(|r| r.id == id) {
                self.scroll.select(i, self.rows.len());
            }
        }
    }

    /// The selected reconsideration.
    pub fn selected(&self) -> Option<&ReviewView> {
        self.rows.get(self.scroll.selected)
    }

    pub fn draw(&mut self, area: Rect, buf: &mut Buffer, ctx: &Ctx) {
        let w = ctx.t.desk;
        if self.rows.is_empty() {
            let line = Line::from(Span::styled(format!(" {}", w.no_reviews), ctx.pal.muted));
            buf.set_line(area.x, area.y, &line, area.width);
            return;
        }
        let wide = area.width >= 110;
        let cols = [
            right(4),
            left(0),
            left(if wide { 12 } else { 8 }),
            left(if wide { 16 } else { 10 }),
            left(8),
            left(10),
            left(14),
            right(6),
        ];
        let rows = &self.rows;
        let status = ctx.lang.words().review.status;
        table::draw(
            area,
            buf,
            Columns {
                cols: &cols,
                head: &w.h_reviews,
            },
            rows.len(),
            &mut self.scroll,
            |i| {
                let r = &rows[i];
                let left = match (r.overdue, r.days_left) {
                    (true, _) => w.overdue.to_string(),
                    (false, Some(d)) => (w.days_left)(d),
                    (false, None) => r.decided_on.clone().unwrap_or_default(),
                };
                let style = match (r.overdue, r.status) {
                    (true, _) => ctx.pal.warning,
                    (_, AppealStatus::Open) => ctx.pal.provisional,
                    _ => Style::default(),
                };
                TableRow::Cells(
                    vec![
                        r.id.to_string(),
                        r.branch.clone(),
                        r.member.clone(),
                        r.item.clone().unwrap_or_default(),
                        status(r.status).to_string(),
                        r.due.clone(),
                        left,
                        r.points.map(fmt_points).unwrap_or_default(),
                    ],
                    style,
                )
            },
            ctx,
        );
    }
}
