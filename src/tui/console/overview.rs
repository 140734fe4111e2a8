//! Overview: where the meeting stands, the steps of the walk, and after the
//! lock the publication window and the open appeals with their due dates.

use super::action::Action;
use super::keymap::{bind, ch, code, Binding, Show};
use super::screen::Ctx;
use super::screen::Screen;
use crate::app::appeals::AppealRow;
use crate::app::publication::Publication;
use crate::app::{Ledger, MeetingProgress, Result};
use crate::domain::model::PeriodId;
use crate::tui::widgets::{cell, draw_rows, Scroll};
use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

/// The overview's keys.
pub const KEYS: &[Binding<Action>] = &[
    bind(
        &[code(KeyCode::Enter)],
        Action::Open,
        |t| t.k_open,
        Show::Footer,
    ),
    super::keymap::nth(
        &[ch('1'), ch('2'), ch('3'), ch('4'), ch('5'), ch('6')],
        Action::Step,
        "1-6",
        |t| t.steps,
        Show::Footer,
    ),
    bind(
        &[ch('o')],
        Action::OpenPeriod,
        |t| t.k_open_period,
        Show::Footer,
    ),
    bind(
        &[ch('s')],
        Action::StartSession,
        |t| t.k_session,
        Show::Footer,
    ),
    bind(&[ch('y')], Action::Year, |t| t.k_year, Show::Footer),
    bind(&[ch('F')], Action::Finalize, |t| t.k_finalize, Show::Footer),
    bind(&[ch('L')], Action::Lock, |t| t.k_lock, Show::Help),
    bind(
        &[ch('x')],
        Action::RedeemScreen,
        |t| t.redeem_k_open,
        Show::Footer,
    ),
    bind(
        &[ch('a')],
        Action::AppraisalScreen,
        |t| t.appraisal_k_open,
        Show::Footer,
    ),
];

/// The steps the overview lists, in order.
pub const STEPS: usize = 6;

/// Overview state and view model.
#[derive(Debug, Default)]
pub struct Overview {
    pub step: Scroll,
    pub branch: String,
    pub scheme: String,
    pub progress: MeetingProgress,
    pub board: String,
    /// The command that opens the room display on this database.
    pub board_command: String,
    /// 应到 / 实到 / 请假 / 缺席 of the period's assembly.
    pub quorum: Option<crate::app::Quorum>,
    pub year: Option<i32>,
    /// Sealed periods not yet final, with their publication windows.
    pub publications: Vec<Publication>,
    /// Open appeals of the branch, most urgent first.
    pub appeals: Vec<AppealRow>,
}

impl Overview {
    /// Rebuild the view model from the core.
    pub fn load(
        &mut self,
        l: &Ledger,
        p: Option<&PeriodId>,
        ctx: &Ctx,
        board: String,
        today: NaiveDate,
    ) -> Result<()> {
        self.branch = l.branch().name.clone();
        self.scheme = l.scheme().name_in(ctx.zh()).to_string();
        self.progress = l.progress(p)?;
        self.board = board;
        self.board_command = format!("jifen board --db {}", l.path().display());
        self.quorum = match p {
            Some(p) => Some(l.quorum(p)?),
            None => None,
        };
        self.year = p.map(|p| p.year);
        let mut pubs = Vec::new();
        for id in l.periods_in_publication()? {
            pubs.push(l.publication(&id, today)?);
        }
        pubs.sort_by(|a, b| b.period.cmp(&a.period));
        self.publications = pubs;
        let mut appeals: Vec<AppealRow> = l
            .appeals_on(None, today)?
            .into_iter()
            .filter(|a| a.open)
            .collect();
        appeals.sort_by_key(|a| (!a.overdue, a.due.clone(), a.id));
        self.appeals = appeals;
        Ok(())
    }

    /// The first sealed period that may be made final today.
    pub fn finalizable(&self) -> Option<&Publication> {
        self.publications.iter().find(|p| p.can_finalize)
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
        let [facts, _, steps_area, after_area] = Layout::vertical([
            Constraint::Length(7),
            Constraint::Length(1),
            Constraint::Length(STEPS as u16 + 1),
            Constraint::Min(0),
        ])
        .areas(inner);
        let state = g
            .state
            .map(|s| ctx.lang.words().common.period_state(s))
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
            Line::from(vec![
                Span::styled(
                    format!(" {}: ", ctx.lang.words().meeting.board_command),
                    pal.muted,
                ),
                Span::styled(self.board_command.clone(), pal.key),
            ]),
        ];
        draw_rows(facts, buf, None, &lines, None, pal.selected);
        let left = g.scored.saturating_sub(g.confirmed + g.disputed);
        let lock_state = match (&g.seal, &g.state) {
            (Some(seal), _) => format!("{} {seal}", t.seal),
            (None, Some(s)) => ctx.lang.words().common.period_state(*s),
            _ => String::new(),
        };
        let steps: [(&str, String, bool); STEPS] = [
            (
                t.step_roll,
                self.quorum
                    .map(|q| ctx.lang.words().meeting.quorum_short(&q))
                    .unwrap_or_default(),
                self.quorum.is_some_and(|q| q.unmarked == 0 && q.quorate()),
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
            (
                t.step_appeals,
                format!(
                    "{} {}  {} {}",
                    t.open_appeals,
                    self.appeals.len(),
                    t.overdue,
                    self.appeals.iter().filter(|a| a.overdue).count()
                ),
                self.appeals.is_empty(),
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
                    Span::styled(format!("{} ", crate::domain::text::pad(name, 12)), pal.key),
                    Span::raw(detail.clone()),
                ])
            })
            .collect();
        let header = Line::from(Span::styled(format!(" {}", t.steps), pal.header));
        let sel = self.step.selected.checked_sub(range.start);
        draw_rows(steps_area, buf, Some(header), &rows, sel, pal.selected);
        self.draw_after(after_area, buf, ctx);
    }

    /// Publication windows and open appeals (overdue in the warning role).
    fn draw_after(&self, area: Rect, buf: &mut Buffer, ctx: &Ctx) {
        let (t, pal) = (ctx.t, ctx.pal);
        let mut lines: Vec<Line> = Vec::new();
        for pb in &self.publications {
            let mut spans = vec![
                Span::styled(format!(" {} ", t.publication), pal.muted),
                Span::styled(pb.period.clone(), pal.title),
                Span::raw(format!(
                    " {}  ",
                    ctx.lang.words().common.period_state(pb.state)
                )),
            ];
            if let Some(end) = pb.window_end {
                let unit = if pb.working_days {
                    t.working_days
                } else {
                    t.calendar_days
                };
                let state = if pb.closed {
                    t.window_closed
                } else {
                    t.posted_until
                };
                // 3个工作日, but 3 working days.
                let gap = if ctx.zh() { "" } else { " " };
                spans.push(Span::raw(format!(
                    "{state} {end} ({}{gap}{unit})  ",
                    pb.days
                )));
            }
            spans.push(Span::raw(format!(
                "{} {}  ",
                t.open_appeals, pb.open_appeals
            )));
            if pb.overdue_appeals > 0 {
                spans.push(Span::styled(
                    format!("{} {}  ", t.overdue, pb.overdue_appeals),
                    pal.warning,
                ));
            }
            if pb.can_finalize {
                spans.push(Span::styled(t.can_finalize, pal.key));
            }
            lines.push(Line::from(spans));
        }
        if !self.appeals.is_empty() {
            lines.push(Line::from(Span::styled(
                format!(" {}  ({})", t.appeals_title, t.reply_due),
                pal.header,
            )));
            for a in &self.appeals {
                let style = if a.overdue {
                    pal.warning
                } else {
                    ratatui::style::Style::default()
                };
                let mut text = format!(
                    "  #{} {} {} {} {}",
                    a.id,
                    cell(&a.member, 8),
                    a.period,
                    t.col_due,
                    super::appeals::due_text(a)
                );
                if a.overdue {
                    text.push_str(&format!("  {}", t.overdue));
                }
                lines.push(Line::from(Span::styled(text, style)));
            }
        }
        draw_rows(area, buf, None, &lines, None, pal.selected);
    }
}

/// What the keys of this screen do.
impl super::app::App {
    pub(super) fn finalize(&mut self) {
        let today = self.today();
        let p = match self.stack.last() {
            Some(Screen::Overview(s)) => s.finalizable().map(|pb| pb.period.clone()),
            _ => None,
        };
        let Some(p) = p else {
            return self.err(self.t.no_finalize);
        };
        let r = p
            .parse::<PeriodId>()
            .map_err(crate::app::CoreError::from)
            .and_then(|id| self.ledger.finalize(&id, today));
        match r {
            Ok(()) => {
                self.ok(format!("{} {p}", self.t.done_finalize));
                self.reload();
            }
            Err(e) => self.fail(&e),
        }
    }
}
