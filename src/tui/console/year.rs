//! Year view: the year's ranking with each period's score side by side, and
//! each member's follow-up actions, ticked off as done (in the journal).

use super::action::Action;
use super::keymap::{bind, ch, code, Binding, Show};
use super::screen::Screen;
use super::screen::{stars_text, Ctx};
use crate::app::follow_ups::FollowUpRow;
use crate::app::{Ledger, RankScope, Ranking};
use crate::domain::model::fmt_points;
use crate::tui::widgets::{cell, cell_right, draw_rows, Scroll};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

/// The year view's keys.
pub const KEYS: &[Binding<Action>] = &[
    bind(
        &[ch('x'), ch(' ')],
        Action::TickFollowUp,
        |t| t.k_tick,
        Show::Footer,
    ),
    bind(
        &[code(KeyCode::Tab)],
        Action::NextPane,
        |t| t.k_pane,
        Show::Footer,
    ),
    bind(
        &[ch('['), code(KeyCode::Left)],
        Action::PrevYear,
        |t| t.k_prev_year,
        Show::Footer,
    ),
    bind(
        &[ch(']'), code(KeyCode::Right)],
        Action::NextYear,
        |t| t.k_next_year,
        Show::Footer,
    ),
];

/// Year state and view model.
#[derive(Debug)]
pub struct Year {
    pub year: i32,
    pub list: Scroll,
    pub ranking: Option<Ranking>,
    /// Follow-up actions of the year, in ranking order.
    pub follow: Vec<FollowUpRow>,
    pub follow_list: Scroll,
    /// Whether keys move in the follow-up list (Tab switches).
    pub follow_focus: bool,
    /// Quotas a tie took over their count, in words, for the appraisal.
    pub quota_notes: Vec<String>,
}

impl Year {
    pub fn new(year: i32) -> Year {
        Year {
            year,
            list: Scroll::default(),
            ranking: None,
            follow: Vec::new(),
            follow_list: Scroll::default(),
            follow_focus: false,
            quota_notes: Vec::new(),
        }
    }

    /// The follow-up under the cursor of the follow-up list.
    pub fn selected_follow_up(&self) -> Option<&FollowUpRow> {
        self.follow.get(self.follow_list.selected)
    }

    pub fn load(&mut self, l: &Ledger, zh: bool) -> crate::app::Result<()> {
        let mut r = l.ranking(&RankScope::Year(self.year))?;
        self.quota_notes = super::screen::quota_notes(l, &r, zh);
        super::screen::name_grades(l, &mut r.rows, zh);
        self.ranking = Some(r);
        let mut follow = l.follow_ups(&RankScope::Year(self.year), zh)?;
        for f in &mut follow {
            if let Some(g) = f.grade.as_deref().and_then(|k| l.scheme().grade(k)) {
                f.grade = Some(g.name_in(zh).to_string());
            }
        }
        self.follow = follow;
        Ok(())
    }

    pub fn draw(&mut self, area: Rect, buf: &mut Buffer, ctx: &Ctx) {
        let (t, pal) = (ctx.t, ctx.pal);
        let block = Block::default().borders(Borders::ALL).title(Span::styled(
            format!(" {}  {} ", t.year_view, self.year),
            pal.title,
        ));
        let all = block.inner(area);
        block.render(area, buf);
        let follow_h = if self.follow.is_empty() {
            2
        } else {
            (self.follow.len() as u16 + 2).min(all.height / 2)
        };
        let notes_h = (self.quota_notes.len() as u16).min(3);
        let [inner, notes_area, follow_area] = Layout::vertical([
            Constraint::Min(0),
            Constraint::Length(notes_h),
            Constraint::Length(follow_h),
        ])
        .areas(all);
        self.draw_follow_ups(follow_area, buf, ctx);
        let notes: Vec<Line> = self
            .quota_notes
            .iter()
            .map(|n| Line::from(Span::styled(format!(" {n}"), pal.warning)))
            .collect();
        draw_rows(notes_area, buf, None, &notes, None, pal.selected);
        let Some(r) = &self.ranking else { return };
        if r.periods.is_empty() {
            let words = (ctx.lang.words().grading.no_ranking)(&self.year.to_string());
            let line = Line::from(Span::styled(format!(" {words}"), pal.muted));
            draw_rows(inner, buf, None, &[line], None, pal.selected);
            return;
        }
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
        // A line for the header, and one for the activists' heading if any.
        let head_lines = 1 + u16::from(r.groups().len() > 1);
        let range = self.list.window(
            r.rows.len(),
            inner.height.saturating_sub(head_lines) as usize,
        );
        // The activists' ranking apart, under its heading.
        let mut rows: Vec<Line> = Vec::with_capacity(range.len() + 1);
        let mut sel = None;
        for i in range.clone() {
            let x = &r.rows[i];
            if i > 0 && r.rows[i - 1].ranking != x.ranking {
                rows.push(Line::from(Span::styled(
                    format!(" {}", ctx.lang.words().grading.rank_group(x.ranking)),
                    pal.header,
                )));
            }
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
            if i == self.list.selected && !self.follow_focus {
                sel = Some(rows.len());
            }
            rows.push(Line::raw(s));
        }
        draw_rows(inner, buf, Some(header), &rows, sel, pal.selected);
    }

    fn draw_follow_ups(&mut self, area: Rect, buf: &mut Buffer, ctx: &Ctx) {
        let (t, pal) = (ctx.t, ctx.pal);
        let done = self.follow.iter().filter(|f| f.done).count();
        let title = Line::from(Span::styled(
            format!(" {}  {}/{}", t.follow_ups, done, self.follow.len()),
            if self.follow_focus {
                pal.title
            } else {
                pal.header
            },
        ));
        if area.height == 0 {
            return;
        }
        buf.set_line(area.x, area.y, &title, area.width);
        let body = Rect {
            y: area.y + 1,
            height: area.height - 1,
            ..area
        };
        if self.follow.is_empty() {
            let line = Line::from(Span::styled(format!(" {}", t.no_follow_ups), pal.muted));
            draw_rows(body, buf, None, &[line], None, pal.selected);
            return;
        }
        let range = self
            .follow_list
            .window(self.follow.len(), body.height as usize);
        let rows: Vec<Line> = self.follow[range.clone()]
            .iter()
            .map(|f| {
                let when = f
                    .done_at
                    .as_deref()
                    .map(|d| d.chars().take(10).collect::<String>())
                    .unwrap_or_default();
                let mark = if f.done { "[x]" } else { "[ ]" };
                Line::from(vec![
                    Span::raw(" "),
                    Span::styled(mark, if f.done { pal.ok } else { pal.warning }),
                    Span::raw(format!(
                        " {} {} {} {} {}",
                        cell(&f.member, 10),
                        cell_right(&fmt_points(f.score), 7),
                        cell(f.grade.as_deref().unwrap_or(""), 10),
                        cell(&f.action_name, 24),
                        when
                    )),
                ])
            })
            .collect();
        let sel = self
            .follow_list
            .selected
            .checked_sub(range.start)
            .filter(|_| self.follow_focus);
        draw_rows(body, buf, None, &rows, sel, pal.selected);
    }
}

/// What the keys of this screen do.
impl super::app::App {
    pub(super) fn tick_follow_up(&mut self) {
        let t = self.t;
        let Some(Screen::Year(s)) = self.stack.last_mut() else {
            return;
        };
        s.follow_focus = true;
        let year = s.year;
        let Some(f) = s.selected_follow_up().cloned() else {
            return self.err(t.no_follow_up);
        };
        if f.done {
            return self.err(format!(
                "{}: {} {}",
                t.follow_up_done_already, f.member, f.action_name
            ));
        }
        match self
            .ledger
            .mark_follow_up(&RankScope::Year(year), f.member_id, &f.action, None)
        {
            Ok(()) => {
                self.ok(format!(
                    "{} {} {}",
                    t.done_follow_up, f.member, f.action_name
                ));
                self.reload();
            }
            Err(e) => self.fail(&e),
        }
    }

    pub(super) fn open_year(&mut self) {
        match self.ledger.default_year(self.today()) {
            Ok(y) => self.push(Screen::Year(Year::new(y))),
            Err(e) => self.fail(&e),
        }
    }
}
