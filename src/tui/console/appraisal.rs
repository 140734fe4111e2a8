//! The appraisal's counting screen (民主测评计票): one line per member
//! appraised, a column per choice (and 弃权) or per rated part; the
//! secretary types each member's counts, Tab between them, Enter records
//! them (one core call). The core refuses counts above the valid ballots;
//! this screen only shows its reason. The update half is `appraisal_count`.

use super::action::Action;
use super::keymap::{bind, ch, code, nth, Binding, Show};
use super::screen::Ctx;
use crate::app::appraisal_view::{AppraisalLine, AppraisalView};
use crate::app::board_state::BoardState;
use crate::app::{AppraisalError, CoreError, Ledger, Result};
use crate::domain::appraisal::AppraisalState;
use crate::domain::model::{fmt_points, PeriodId};
use crate::domain::scheme::AppraisalKind;
use crate::tui::widgets::{draw_rows, pane, Cells, Scroll};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// The counting screen's keys.
pub const KEYS: &[Binding<Action>] = &[
    nth(
        &[
            ch('0'),
            ch('1'),
            ch('2'),
            ch('3'),
            ch('4'),
            ch('5'),
            ch('6'),
            ch('7'),
            ch('8'),
            ch('9'),
            ch('.'),
        ],
        Action::Digit,
        "0-9",
        |t| t.appraisal_k_digits,
        Show::Footer,
    ),
    bind(
        &[code(KeyCode::Tab)],
        Action::NextPane,
        |t| t.appraisal_k_next,
        Show::Footer,
    ),
    bind(
        &[code(KeyCode::BackTab)],
        Action::PrevPane,
        |t| t.appraisal_k_prev,
        Show::Help,
    ),
    bind(
        &[code(KeyCode::Enter)],
        Action::RecordCount,
        |t| t.appraisal_k_record,
        Show::Footer,
    ),
    bind(
        &[code(KeyCode::Esc)],
        Action::Back,
        |t| t.appraisal_k_cancel,
        Show::Footer,
    ),
    bind(
        &[code(KeyCode::Backspace)],
        Action::Erase,
        |t| t.appraisal_k_erase,
        Show::Help,
    ),
    bind(
        &[ch('u')],
        Action::Undo,
        |t| t.appraisal_k_undo,
        Show::Footer,
    ),
    bind(
        &[ch('o')],
        Action::AppraisalOpen,
        |t| t.appraisal_k_start,
        Show::Footer,
    ),
    bind(
        &[ch('r')],
        Action::AppraisalBallots,
        |t| t.appraisal_k_ballots,
        Show::Footer,
    ),
    bind(
        &[ch('c')],
        Action::AppraisalClose,
        |t| t.appraisal_k_close,
        Show::Footer,
    ),
    bind(
        &[ch('p')],
        Action::AppraisalPoints,
        |t| t.appraisal_k_points,
        Show::Help,
    ),
    bind(
        &[ch('[')],
        Action::PrevBallot,
        |t| t.appraisal_k_ballot_no,
        Show::Help,
    ),
    bind(
        &[ch(']')],
        Action::NextBallot,
        |t| t.appraisal_k_ballot_no,
        Show::Help,
    ),
];

/// The longest count a cell takes (the core refuses above its maximum anyway).
const CELL_DIGITS: usize = 5;

/// Counts being typed for one member.
#[derive(Debug, Clone, PartialEq)]
pub struct Edit {
    pub member_id: i64,
    /// One text per column, as typed.
    pub cells: Vec<String>,
    /// The current cell has not been typed into since it was entered: the
    /// first digit replaces what it shows.
    pub fresh: bool,
}

/// A member's counts recorded on this screen, with what they were before
/// (what `u` puts back).
#[derive(Debug, Clone, PartialEq)]
pub struct Recorded {
    pub member_id: i64,
    pub member: String,
    pub before: Before,
}

/// What a member had before a record on the counting screen.
#[derive(Debug, Clone, PartialEq)]
pub enum Before {
    /// The member's vote counts: each choice, then the blanks.
    Votes(Vec<(String, i64)>),
    /// What score ballot `rater` gave the member, part by part (none: empty).
    Scores {
        rater: i64,
        scores: Vec<(String, f64)>,
    },
}

/// The counting screen's state and view model.
#[derive(Debug, Default)]
pub struct Appraisal {
    pub list: Scroll,
    /// The appraisal as the core has it; `None` with `missing` saying why.
    pub view: Option<AppraisalView>,
    pub missing: Option<String>,
    /// The column the digits go into.
    pub col: usize,
    pub edit: Option<Edit>,
    /// The score ballot being counted (票号), from 1.
    pub rater: i64,
    /// The core's reason for the last count refused (cleared by the next record).
    pub refusal: Option<String>,
    /// Counts recorded on this screen, the last one last.
    pub recorded: Vec<Recorded>,
    /// What the board showed before this screen put it on the count.
    pub board_before: Option<BoardState>,
}

impl Appraisal {
    /// Rebuild the view from the core: no appraisal opened, or a scheme
    /// without one, is a state of the screen (said in words), not an error.
    pub fn load(&mut self, l: &Ledger, p: &PeriodId, ctx: &Ctx) -> Result<()> {
        self.rater = self.rater.max(1);
        match l.appraisal_view(p) {
            Ok(v) => {
                self.list.select(self.list.selected, v.lines.len());
                self.col = self.col.min(columns(&v, ctx.zh()).len().saturating_sub(1));
                self.view = Some(v);
                self.missing = None;
            }
            Err(CoreError::Appraisal(AppraisalError::NotOpen { .. })) => {
                let w = ctx.lang.words().appraisal.count;
                self.view = None;
                self.missing = Some((w.not_opened)(&p.to_string()));
            }
            Err(e @ CoreError::Appraisal(_)) => {
                self.view = None;
                self.missing = Some(crate::i18n::meeting::core_error(ctx.lang, &e));
            }
            Err(e) => return Err(e),
        }
        Ok(())
    }

    /// The line of the selected member.
    pub fn selected(&self) -> Option<&AppraisalLine> {
        self.view.as_ref()?.lines.get(self.list.selected)
    }

    /// Whether counts may be typed now (an open appraisal).
    pub fn counting(&self) -> bool {
        self.view
            .as_ref()
            .is_some_and(|v| v.state == AppraisalState::Open)
    }

    /// How many columns a member's line has.
    pub fn width(&self) -> usize {
        self.view.as_ref().map_or(0, |v| match v.kind {
            AppraisalKind::Votes => v.choices.len() + 1,
            AppraisalKind::Scores => v.parts.len(),
        })
    }

    /// Start typing for the selected member: the cells start from what is
    /// recorded (votes), or empty (a new score ballot).
    pub fn begin(&mut self) {
        let (Some(line), Some(v)) = (self.selected(), self.view.as_ref()) else {
            return;
        };
        let cells = match v.kind {
            AppraisalKind::Votes => line
                .votes
                .iter()
                .chain(std::iter::once(&line.blank))
                .map(|n| n.to_string())
                .collect(),
            AppraisalKind::Scores => vec![String::new(); v.parts.len()],
        };
        self.edit = Some(Edit {
            member_id: line.member_id,
            cells,
            fresh: true,
        });
    }

    /// A digit (10: the decimal point, scores only) into the current cell.
    pub fn type_digit(&mut self, d: u8) {
        let scores = self
            .view
            .as_ref()
            .is_some_and(|v| v.kind == AppraisalKind::Scores);
        if d == 10 && !scores {
            return;
        }
        if self.edit.is_none() {
            self.begin();
        }
        let col = self.col;
        let Some(e) = self.edit.as_mut() else {
            return;
        };
        let Some(cell) = e.cells.get_mut(col) else {
            return;
        };
        if e.fresh {
            cell.clear();
            e.fresh = false;
        }
        let c = if d == 10 {
            '.'
        } else {
            char::from(b'0' + d.min(9))
        };
        if (c == '.' && cell.contains('.')) || cell.len() >= CELL_DIGITS {
            return;
        }
        if cell == "0" && c != '.' {
            cell.clear();
        }
        cell.push(c);
    }

    /// Erase the current cell's last digit.
    pub fn erase(&mut self) {
        let col = self.col;
        if let Some(cell) = self.edit.as_mut().and_then(|e| {
            e.fresh = false;
            e.cells.get_mut(col)
        }) {
            cell.pop();
        }
    }

    /// Move to the next (or previous) column, round the line.
    pub fn move_col(&mut self, next: bool) {
        let n = self.width().max(1);
        self.col = if next {
            (self.col + 1) % n
        } else {
            (self.col + n - 1) % n
        };
        if let Some(e) = self.edit.as_mut() {
            e.fresh = true;
        }
    }

    /// The ballots counted so far for the member being typed (votes: the sum
    /// of the cells; a cell that is no number counts nothing).
    pub fn typed_total(&self) -> Option<i64> {
        let e = self.edit.as_ref()?;
        Some(e.cells.iter().filter_map(|c| c.parse::<i64>().ok()).sum())
    }

    pub fn draw(&mut self, area: Rect, buf: &mut Buffer, ctx: &Ctx) {
        let [head, table] =
            Layout::vertical([Constraint::Length(5), Constraint::Min(0)]).areas(area);
        let aw = ctx.lang.words().appraisal;
        // The pane's title says whether the appraisal is open or closed.
        let state = self.view.as_ref().map(|v| match v.state {
            AppraisalState::Open => aw.open,
            AppraisalState::Closed => aw.closed,
        });
        let title = match state {
            Some(s) => format!(" {} · {s} ", aw.title),
            None => format!(" {} ", aw.title),
        };
        let title = Line::from(Span::styled(title, ctx.pal.title));
        let inner = pane(head, buf, &title, ctx.pal.muted);
        let Some(v) = self.view.as_ref() else {
            let why = self.missing.clone().unwrap_or_default();
            let lines = [Line::from(Span::styled(format!(" {why}"), ctx.pal.warning))];
            draw_rows(inner, buf, None, &lines, None, ctx.pal.selected);
            return;
        };
        let lines = self.head_lines(v, ctx);
        draw_rows(inner, buf, None, &lines, None, ctx.pal.selected);
        self.draw_table(table, buf, ctx);
    }

    /// The three lines over the table: the ballots, the member being
    /// counted against them, and the last refusal.
    fn head_lines(&self, v: &AppraisalView, ctx: &Ctx) -> Vec<Line<'static>> {
        let aw = ctx.lang.words().appraisal;
        let w = aw.count;
        let b = v.ballots;
        let (done, all) = v.progress();
        let mut out = vec![Line::from(vec![
            Span::raw(format!(
                " {}",
                (aw.ballots_line)(b.issued, b.representatives, b.returned, b.spoiled, b.valid)
            )),
            Span::styled(format!("  {}", (aw.progress)(done, all)), ctx.pal.muted),
        ])];
        let running = match (v.state, self.selected()) {
            (AppraisalState::Closed, _) => {
                Line::from(Span::styled(format!(" {}", w.closed_note), ctx.pal.ok))
            }
            (_, Some(line)) if v.kind == AppraisalKind::Scores => Line::raw(format!(
                " {}  {}",
                line.member,
                (w.ballot_no)(self.rater, b.valid)
            )),
            (_, Some(line)) => {
                let counted = self.typed_total().unwrap_or(line.counted);
                let (rest, style) = match b.valid - counted {
                    0 => (String::new(), ctx.pal.ok),
                    n if n > 0 => ((w.left)(n), ctx.pal.muted),
                    n => ((w.over)(-n), ctx.pal.warning),
                };
                Line::from(vec![
                    Span::raw(format!(" {}", (w.running)(&line.member, counted, b.valid))),
                    Span::styled(format!("  {rest}"), style),
                ])
            }
            _ => Line::raw(""),
        };
        out.push(running);
        if let Some(why) = &self.refusal {
            out.push(Line::from(Span::styled(
                format!(" {}: {why}", w.refused),
                ctx.pal.warning,
            )));
        }
        out
    }

    fn draw_table(&mut self, area: Rect, buf: &mut Buffer, ctx: &Ctx) {
        let Some(v) = self.view.as_ref() else {
            return;
        };
        let aw = ctx.lang.words().appraisal;
        let title = Line::from(Span::styled(
            format!(" {} ({}) ", ctx.t.members, v.lines.len()),
            ctx.pal.title,
        ));
        let inner = pane(area, buf, &title, ctx.pal.muted);
        let cols = columns(v, ctx.zh());
        let wd = widths(v, &cols, ctx.zh(), usize::from(inner.width));
        let cw = &wd.counts;
        let mut head = Cells::default()
            .raw(" ")
            .right(aw.number, NUMBER)
            .raw(" ")
            .left(aw.member, NAME);
        for (c, w) in cols.iter().zip(cw) {
            head = head.raw(" ").right(c, *w);
        }
        let mut head = head
            .raw(" ")
            .right(aw.counted, COUNTED)
            .raw(" ")
            .left(aw.grade, wd.grade);
        if wd.points > 0 {
            head = head.raw(" ").right(aw.points, wd.points);
        }
        let header = Line::from(Span::styled(String::from(head), ctx.pal.header));
        let range = self
            .list
            .window(v.lines.len(), inner.height.saturating_sub(1) as usize);
        let rows: Vec<Line> = v.lines[range.clone()]
            .iter()
            .enumerate()
            .map(|(i, line)| {
                let edit = self.edit.as_ref().filter(|e| e.member_id == line.member_id);
                self.row(v, range.start + i, line, edit, &wd, ctx)
            })
            .collect();
        let sel = self.list.selected.checked_sub(range.start);
        draw_rows(inner, buf, Some(header), &rows, sel, ctx.pal.selected);
        // The cell being typed into stands out from the selected line.
        if let (Some(_), Some(s)) = (&self.edit, sel) {
            let before: usize = cw.iter().take(self.col).map(|w| w + 1).sum();
            let x = inner.x + (1 + NUMBER + 1 + NAME + 1 + before) as u16;
            let y = inner.y + 1 + s as u16;
            if let (true, Some(w)) = (y < inner.bottom() && x < inner.right(), cw.get(self.col)) {
                let w = (*w as u16).min(inner.right() - x);
                buf.set_style(Rect::new(x, y, w, 1), typing());
            }
        }
    }

    /// One member's line: number, name, the counts (as typed while editing),
    /// counted of valid, grade and points.
    fn row(
        &self,
        v: &AppraisalView,
        i: usize,
        line: &AppraisalLine,
        edit: Option<&Edit>,
        wd: &Widths,
        ctx: &Ctx,
    ) -> Line<'static> {
        let cw = &wd.counts;
        let zh = ctx.zh();
        let shown: Vec<String> = match (edit, v.kind) {
            (Some(e), _) => e.cells.clone(),
            (None, AppraisalKind::Votes) if line.counted == 0 => vec![String::new(); cw.len()],
            (None, AppraisalKind::Votes) => line
                .votes
                .iter()
                .chain(std::iter::once(&line.blank))
                .map(|n| n.to_string())
                .collect(),
            (None, AppraisalKind::Scores) => line
                .means
                .iter()
                .map(|m| m.map(fmt_points).unwrap_or_default())
                .collect(),
        };
        let mut cells = Cells::default()
            .raw(" ")
            .right(&(i + 1).to_string(), NUMBER)
            .raw(" ")
            .left(&line.member, NAME);
        for (s, w) in shown.iter().zip(cw) {
            cells = cells.raw(" ").right(s, *w);
        }
        let counted = match edit.and(self.typed_total()) {
            Some(n) if v.kind == AppraisalKind::Votes => n,
            _ => line.counted,
        };
        let grade = line
            .grade
            .and_then(|g| v.choices.get(g))
            .map(|c| c.title_in(zh).to_string())
            .unwrap_or_default();
        let points = line.points.map(fmt_points).unwrap_or_default();
        // The counted cell says how the member stands against the ballots.
        let style = if counted > v.ballots.valid {
            ctx.pal.warning
        } else if line.complete {
            ctx.pal.ok
        } else {
            Style::default()
        };
        let counted = Cells::default()
            .raw(" ")
            .right(&format!("{counted}/{}", v.ballots.valid), COUNTED);
        let mut rest = Cells::default().raw(" ").left(&grade, wd.grade);
        if wd.points > 0 {
            rest = rest.raw(" ").right(&points, wd.points);
        }
        Line::from(vec![
            Span::raw(String::from(cells)),
            Span::styled(String::from(counted), style),
            Span::raw(String::from(rest)),
        ])
    }
}

/// Cells the name column takes (four Chinese characters and a little).
const NAME: usize = 10;
/// Cells of the number and the counted-of-valid columns.
const NUMBER: usize = 4;
const COUNTED: usize = 8;

/// The cell being typed into: out of the selected line's reverse, underlined.
fn typing() -> Style {
    use ratatui::style::Modifier;
    Style::default()
        .remove_modifier(Modifier::REVERSED)
        .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
}

/// The columns' titles: the choices from the top and 弃权, or the parts.
pub fn columns(v: &AppraisalView, zh: bool) -> Vec<String> {
    match v.kind {
        AppraisalKind::Votes => {
            let blank = crate::i18n::Lang::of_zh(zh).words().appraisal.blank;
            v.choices
                .iter()
                .map(|c| c.title_in(zh).to_string())
                .chain(std::iter::once(blank.to_string()))
                .collect()
        }
        AppraisalKind::Scores => v.parts.iter().map(|p| p.title_in(zh).to_string()).collect(),
    }
}

/// The table's column widths for a screen `room` cells wide.
#[derive(Debug, Clone, PartialEq)]
pub struct Widths {
    /// Each count column.
    pub counts: Vec<usize>,
    pub grade: usize,
    /// None (0) where the appraisal gives no points (a year grade only).
    pub points: usize,
}

/// Each count column as wide as its title (at least five cells: a count of
/// five digits), the grade as its longest title; the widest count columns
/// give way first (their titles are cut) until the line fits `room`.
fn widths(v: &AppraisalView, cols: &[String], zh: bool, room: usize) -> Widths {
    use crate::domain::text::width;
    let aw = crate::i18n::Lang::of_zh(zh).words().appraisal;
    let grade = v
        .choices
        .iter()
        .map(|c| width(c.title_in(zh)))
        .chain([width(aw.grade)])
        .max()
        .unwrap_or(4)
        .min(12);
    let points = if v.feeds == crate::domain::scheme::Feeds::Points {
        width(aw.points).max(5)
    } else {
        0
    };
    let fixed = 1 + NUMBER + 1 + NAME + 1 + COUNTED + 1 + grade + usize::from(points > 0) + points;
    let mut counts: Vec<usize> = cols.iter().map(|c| width(c).clamp(5, 14)).collect();
    while fixed + counts.iter().map(|w| w + 1).sum::<usize>() > room {
        match counts.iter_mut().filter(|w| **w > 5).max_by_key(|w| **w) {
            Some(w) => *w -= 1,
            None => break,
        }
    }
    Widths {
        counts,
        grade,
        points,
    }
}
