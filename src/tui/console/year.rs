//! Year view: the year's ranking with each period's score side by side, and
//! each member's follow-up actions, ticked off as done (in the journal).

use super::action::Action;
use super::keymap::{bind, ch, code, Binding, Show};
use super::screen::Screen;
use super::screen::{stars_text, Ctx};
use crate::app::follow_ups::FollowUpRow;
use crate::app::year_grade::YearGrades;
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
        &[ch('e'), code(KeyCode::Enter)],
        Action::FinalGrade,
        |t| t.year_k_final,
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
    /// Each member's points, appraisal and final grades (codes).
    pub grades: YearGrades,
    /// Whether the scheme's appraisal feeds the year grade (its column shows).
    pub appraisal_column: bool,
    /// The scheme's grades: code and name in the reader's language.
    pub grade_names: Vec<(String, String)>,
    /// Recorded final grades above what the points allow now, in words.
    pub fault_notes: Vec<String>,
}

/// Lines the year screen gives to final grades above the points.
const FAULT_LINES: usize = 3;

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
            grades: YearGrades::default(),
            appraisal_column: false,
            grade_names: Vec::new(),
            fault_notes: Vec::new(),
        }
    }

    /// The follow-up under the cursor of the follow-up list.
    pub fn selected_follow_up(&self) -> Option<&FollowUpRow> {
        self.follow.get(self.follow_list.selected)
    }

    pub fn load(&mut self, l: &Ledger, zh: bool) -> crate::app::Result<()> {
        let mut r = l.ranking(&RankScope::Year(self.year))?;
        self.grades = l.year_grades_of(self.year, &r)?;
        self.appraisal_column = l
            .scheme()
            .appraisal
            .as_ref()
            .is_some_and(|a| a.feeds == crate::domain::scheme::Feeds::YearGrade);
        self.grade_names = l
            .scheme()
            .grades
            .iter()
            .map(|g| (g.key.clone(), g.name_in(zh).to_string()))
            .collect();
        self.quota_notes = super::screen::quota_notes(l, &r, zh);
        self.fault_notes = fault_notes(&self.grades.faults(l.scheme(), &r), zh);
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
        // The faults' lines wrapped to the screen (each says what to do), then the quotas'.
        let room = (all.width as usize).saturating_sub(2).max(10);
        let said: Vec<String> = self
            .fault_notes
            .iter()
            .flat_map(|n| crate::domain::text::wrap(n, room))
            .chain(self.quota_notes.iter().take(3).cloned())
            .collect();
        let notes_h = (said.len() as u16).min(all.height / 3);
        let [inner, notes_area, follow_area] = Layout::vertical([
            Constraint::Min(0),
            Constraint::Length(notes_h),
            Constraint::Length(follow_h),
        ])
        .areas(all);
        self.draw_follow_ups(follow_area, buf, ctx);
        let notes: Vec<Line> = said
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
        let yw = ctx.lang.words().year_close;
        // The appraisal's column where it feeds the year grade, and the final grade's.
        let extra = 11 * (1 + usize::from(self.appraisal_column));
        let room =
            (inner.width as usize).saturating_sub(1 + 4 + 1 + 10 + 1 + 7 + 1 + 10 + 1 + 4 + extra);
        let shown = (room / (pw + 1)).min(r.periods.len());
        let mut h = format!(" {} {}", cell_right(t.col_rank, 4), cell(t.col_name, 10));
        for p in r.periods.iter().take(shown) {
            h.push_str(&format!(" {}", cell_right(p, pw)));
        }
        h.push_str(&format!(
            " {} {} {}",
            cell_right(t.col_year, 7),
            cell(yw.col_points_grade, 10),
            cell(t.col_stars, 4)
        ));
        if self.appraisal_column {
            h.push_str(&format!(" {}", cell(yw.col_appraisal, 10)));
        }
        h.push_str(&format!(" {}", cell(yw.col_final, 10)));
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
            let g = self.grades.of(x.member_id);
            let name = |k: Option<&str>| {
                k.and_then(|k| self.grade_names.iter().find(|(c, _)| c == k))
                    .map(|(_, n)| n.clone())
                    .unwrap_or_default()
            };
            if self.appraisal_column {
                let a = name(g.and_then(|g| g.appraisal_grade.as_deref()));
                s.push_str(&format!(" {}", cell(&a, 10)));
            }
            let mut fin = name(g.and_then(|g| g.final_grade.as_deref()));
            let fin_style = if g.is_some_and(|g| !g.final_allowed) {
                // Above what the points allow now: marked, and said below.
                fin.push('!');
                pal.warning
            } else if g.is_some_and(|g| g.recorded) {
                pal.title
            } else {
                pal.muted
            };
            if i == self.list.selected && !self.follow_focus {
                sel = Some(rows.len());
            }
            rows.push(Line::from(vec![
                Span::raw(s),
                Span::raw(" "),
                Span::styled(cell(&fin, 10), fin_style),
            ]));
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

/// The year screen's lines about final grades above what the points allow
/// now: one per member, at most `FAULT_LINES` (the last then says how many more).
fn fault_notes(faults: &[crate::app::year_grade::GradeFault], zh: bool) -> Vec<String> {
    let w = crate::i18n::Lang::of_zh(zh).words().year_close;
    let shown = if faults.len() > FAULT_LINES {
        FAULT_LINES - 1
    } else {
        faults.len()
    };
    let name = |g: &crate::app::year_grade::GradeName| {
        if zh {
            g.name_zh.clone()
        } else {
            g.name.clone()
        }
    };
    let mut out: Vec<String> = faults
        .iter()
        .take(shown)
        .map(|f| {
            (w.above_now)(
                &f.member,
                &name(&f.grade),
                f.allowed.as_ref().map(name).as_deref(),
            )
        })
        .collect();
    if faults.len() > shown {
        out.push((w.above_more)(faults.len() - shown));
    }
    out
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

    /// `e`/Enter on the year screen: the final grade's picker for the member
    /// under the cursor (the core's refusals are shown in it).
    pub(super) fn open_grade_picker(&mut self) {
        let (lang, t, pal) = self.ctx_parts();
        let ctx = super::screen::Ctx { lang, t, pal: &pal };
        let w = lang.words().year_close;
        let Some(Screen::Year(s)) = self.stack.last() else {
            return;
        };
        if let Some(p) = &s.grades.final_period {
            return self.err((w.year_final)(p));
        }
        let row = s.ranking.as_ref().and_then(|r| r.rows.get(s.list.selected));
        let Some((row, g)) = row.and_then(|r| Some((r, s.grades.of(r.member_id)?))) else {
            return self.err(w.no_grade);
        };
        if g.points_grade.is_none() {
            return self.err(w.no_grade);
        }
        let picker =
            super::grade_picker::GradePicker::new(self.ledger.scheme(), s.year, &row.name, g, &ctx);
        self.overlay = super::app::Overlay::Grade(picker);
    }

    /// The picker's choice: recorded through the core; a refusal keeps the
    /// picker open with the core's reason.
    pub(super) fn record_final_grade(
        &mut self,
        mut picker: super::grade_picker::GradePicker,
        grade: Option<String>,
    ) {
        let (w, zh) = (self.lang.words().year_close, self.lang.is_zh());
        match self
            .ledger
            .set_final_grade(picker.year, picker.member_id, grade.as_deref())
        {
            Ok(done) => {
                let scheme = self.ledger.scheme();
                let name = |g: Option<&str>| {
                    g.and_then(|k| scheme.grade(k))
                        .map(|b| b.name_in(zh).to_string())
                        .unwrap_or_default()
                };
                let fin = name(done.final_grade.as_deref());
                let msg = match grade {
                    Some(_) => (w.recorded)(
                        &picker.member,
                        picker.year,
                        &fin,
                        &name(done.points_grade.as_deref()),
                    ),
                    None => (w.cleared)(&picker.member, picker.year, &fin),
                };
                self.ok(msg);
                self.reload();
            }
            Err(e) => {
                let why = crate::i18n::meeting::core_error(self.lang, &e);
                picker.refusal = Some(why.clone());
                self.err(why);
                self.overlay = super::app::Overlay::Grade(picker);
            }
        }
    }

    pub(super) fn open_year(&mut self) {
        match self.ledger.default_year(self.today()) {
            Ok(y) => self.push(Screen::Year(Year::new(y))),
            Err(e) => self.fail(&e),
        }
    }
}
