//! Year view: the year's ranking with each period's score side by side.

use super::screen::{stars_text, Ctx};
use crate::core::{Ledger, RankScope, Ranking};
use crate::model::fmt_points;
use crate::tui::widgets::{cell, cell_right, draw_rows, Scroll};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

/// Year state and view model.
#[derive(Debug)]
pub struct Year {
    pub year: i32,
    pub list: Scroll,
    pub ranking: Option<Ranking>,
}

impl Year {
    pub fn new(year: i32) -> Year {
        Year {
            year,
            list: Scroll::default(),
            ranking: None,
        }
    }

    pub fn load(&mut self, l: &Ledger, zh: bool) -> crate::core::Result<()> {
        let mut r = l.ranking(&RankScope::Year(self.year))?;
        super::screen::name_grades(l, &mut r.rows, zh);
        self.ranking = Some(r);
        Ok(())
    }

    pub fn draw(&mut self, area: Rect, buf: &mut Buffer, ctx: &Ctx) {
        let (t, pal) = (ctx.t, ctx.pal);
        let block = Block::default().borders(Borders::ALL).title(Span::styled(
            format!(" {}  {} ", t.year_view, self.year),
            pal.title,
        ));
        let inner = block.inner(area);
        block.render(area, buf);
        let Some(r) = &self.ranking else { return };
        let pw = 7;
        let room = (inner.width as usize).saturating_sub(1 + 4 + 1 + 10 + 1 + 7 + 1 + 10 + 1 + 4);
        let shown = (room / (pw + 1)).min(r.periods.len());
        let mut h = format!(" {} {}", cell_right(t.col_rank, 4), cell(t.col_name, 10));
        for p in r.periods.iter().take(shown) {
            h.push_str(&format!(" {}", cell_right(p, pw)));
        }
        h.push_str(&format!(
            " {} {} {}",
            cell_right(t.col_year, 7),
            cell(t.col_grade, 10),
            cell(t.col_stars, 4)
        ));
        let header = Line::from(Span::styled(h, pal.header));
        let range = self
            .list
            .window(r.rows.len(), inner.height.saturating_sub(1) as usize);
        let rows: Vec<Line> = r.rows[range.clone()]
            .iter()
            .map(|x| {
                let mut s = format!(
                    " {} {}",
                    cell_right(&x.rank.to_string(), 4),
                    cell(&x.name, 10)
                );
                for v in x.period_scores.iter().take(shown) {
                    s.push_str(&format!(
                        " {}",
                        cell_right(&v.map(fmt_points).unwrap_or_else(|| "-".into()), pw)
                    ));
                }
                s.push_str(&format!(
                    " {} {} {}",
                    cell_right(&fmt_points(x.score), 7),
                    cell(x.grade.as_deref().unwrap_or(""), 10),
                    cell(&stars_text(x.stars), 4)
                ));
                Line::raw(s)
            })
            .collect();
        let sel = self.list.selected.checked_sub(range.start);
        draw_rows(inner, buf, Some(header), &rows, sel, pal.selected);
    }
}
