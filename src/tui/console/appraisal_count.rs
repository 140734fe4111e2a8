//! The counting screen's update half: its keys become core calls (open,
//! ballots returned, one member's counts, close), the board follows the
//! count (唱票), and `u` puts back the counts a member had before the last
//! record on this screen (the core keeps every count as an event; an undo
//! is the earlier counts recorded again).

use super::action::Action;
use super::app::{App, Overlay};
use super::appraisal::{Appraisal, Before, Recorded};
use super::field::Field;
use super::prompt::{Form, FormKind};
use super::screen::Screen;
use crate::app::appraisal_view::{AppraisalView, BLANK};
use crate::app::board_state::{BoardMode, BoardState};
use crate::domain::scheme::AppraisalKind;
use crate::domain::text::width;

/// What an appraisal prompt asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ask {
    Open,
    /// Open with the ballots typed (the roll call gives none).
    OpenWith,
    Ballots,
    Close,
    Undo,
    /// The points within the member's grade's range.
    Points {
        member_id: i64,
    },
}

/// Result lines the close question shows at most (the table has them all).
const CLOSE_LINES: usize = 10;
/// Cells of a question's line (the popup is 64 wide, with margins).
const INFO: usize = 58;

impl App {
    /// Carry out an action on the counting screen; `false` when the screen
    /// leaves it to the shared handling (help, search, board, quit...).
    pub(super) fn appraisal_action(&mut self, a: Action) -> bool {
        let Some(Screen::Appraisal(s)) = self.stack.last_mut() else {
            return false;
        };
        let n = s.view.as_ref().map_or(0, |v| v.lines.len());
        let moved = |s: &mut Appraisal, d: isize| {
            s.edit = None;
            s.col = 0;
            s.list.step(d, n);
        };
        match a {
            Action::Digit(d) if s.counting() => s.type_digit(d),
            Action::Digit(_) => {}
            Action::Erase => s.erase(),
            Action::NextPane | Action::PrevPane => s.move_col(a == Action::NextPane),
            Action::Up => moved(s, -1),
            Action::Down => moved(s, 1),
            Action::PageUp => moved(s, -10),
            Action::PageDown => moved(s, 10),
            Action::Top => moved(s, -isize::MAX / 2),
            Action::Bottom => moved(s, isize::MAX / 2),
            Action::PrevBallot => s.rater = (s.rater - 1).max(1),
            Action::NextBallot => {
                let valid = s.view.as_ref().map_or(1, |v| v.ballots.valid.max(1));
                s.rater = (s.rater + 1).min(valid);
            }
            Action::Back if s.edit.is_some() => {
                s.edit = None;
                s.refusal = None;
                s.col = 0;
            }
            Action::Back => {
                self.leave_count();
                return true;
            }
            Action::RecordCount => self.record_count(),
            Action::Undo => self.count_undo_prompt(),
            Action::AppraisalOpen => self.ask(Ask::Open),
            Action::AppraisalBallots => self.ask(Ask::Ballots),
            Action::AppraisalClose => self.ask(Ask::Close),
            Action::AppraisalPoints => self.ask_points(),
            // Quitting from the count leaves the board as Esc does.
            Action::Quit | Action::ForceQuit => {
                self.restore_board();
                return false;
            }
            _ => return false,
        }
        self.board_follow_count();
        true
    }

    /// Open the counting screen and put the board on the count.
    pub(super) fn open_count(&mut self) {
        self.push(Screen::Appraisal(Appraisal::default()));
        self.board_on_count();
    }

    /// Leave the counting screen, the board back to what it showed before.
    fn leave_count(&mut self) {
        self.restore_board();
        self.stack.pop();
        self.reload();
    }

    /// The board back to what it showed before the counting screen put it
    /// on the count (if it still shows the count).
    pub(super) fn restore_board(&mut self) {
        let Some(Screen::Appraisal(s)) = self.stack.last_mut() else {
            return;
        };
        let before = s.board_before.take();
        let on_count = matches!(self.ledger.board_mode(), Ok(BoardMode::Appraisal { .. }));
        if let (Some(before), true) = (before, on_count) {
            if let Err(e) = self.ledger.set_board(&before) {
                self.fail(&e);
            }
        }
    }

    /// `p`: a prompt for the points within the selected member's grade's
    /// range (seed 004: 优秀 23-25, the branch chooses); the core refuses
    /// points outside it.
    fn ask_points(&mut self) {
        let (w, zh) = (self.lang.words().appraisal.count, self.lang.is_zh());
        let Some(Screen::Appraisal(s)) = self.stack.last() else {
            return;
        };
        let (Some(v), Some(line)) = (s.view.as_ref(), s.selected()) else {
            return;
        };
        let choice = line
            .grade
            .and_then(|g| v.choices.get(g))
            .filter(|c| c.range().is_some());
        let (Some(c), Some((min, max))) = (choice, choice.and_then(|c| c.range())) else {
            return self.err((w.points_none)(&line.member));
        };
        let now = line.points;
        let f = Form::new(
            FormKind::Appraisal(Ask::Points {
                member_id: line.member_id,
            }),
            &(w.ask_points)(&line.member, c.title_in(zh)),
            vec![(w.points_range)(min, max, now)],
            vec![Field::new(
                self.lang.words().appraisal.points,
                &now.map(crate::domain::model::fmt_points)
                    .unwrap_or_default(),
            )],
        );
        self.overlay = Overlay::Form(f);
    }

    /// While an appraisal is held, the board shows its count on the
    /// console's period (what it showed before is kept to go back to).
    fn board_on_count(&mut self) {
        // A read-only console leaves the board to the one that holds the database.
        if self.read_only.is_some() {
            return;
        }
        let Some(Screen::Appraisal(s)) = self.stack.last_mut() else {
            return;
        };
        if s.view.is_none() || s.board_before.is_some() {
            return;
        }
        let member_id = s.selected().map(|l| l.member_id);
        let Ok(before) = self.ledger.board() else {
            return;
        };
        if let Some(Screen::Appraisal(s)) = self.stack.last_mut() {
            s.board_before = Some(before);
        }
        let state = BoardState {
            mode: BoardMode::Appraisal { member_id },
            period: self.period.map(|p| p.to_string()),
        };
        if let Err(e) = self.ledger.set_board(&state) {
            self.fail(&e);
        }
    }

    /// The board's count marks the member the console has selected.
    fn board_follow_count(&mut self) {
        if self.read_only.is_some() {
            return;
        }
        let Some(Screen::Appraisal(s)) = self.stack.last() else {
            return;
        };
        let want = s.selected().map(|l| l.member_id);
        let Ok(state) = self.ledger.board() else {
            return;
        };
        if let BoardMode::Appraisal { member_id } = state.mode {
            if member_id != want {
                let next = BoardState {
                    mode: BoardMode::Appraisal { member_id: want },
                    ..state
                };
                if let Err(e) = self.ledger.set_board(&next) {
                    self.fail(&e);
                }
            }
        }
    }

    /// Enter: record the counts typed for the selected member (one core
    /// call), then on to the next member; a refusal keeps what was typed
    /// and shows the core's reason. Enter with nothing typed starts typing.
    fn record_count(&mut self) {
        let Some(p) = self.period else {
            return self.err(self.t.no_period);
        };
        let w = self.lang.words().appraisal.count;
        let Some(Screen::Appraisal(s)) = self.stack.last_mut() else {
            return;
        };
        if !s.counting() {
            let why = match &s.view {
                Some(_) => w.closed_note.to_string(),
                None => s.missing.clone().unwrap_or_default(),
            };
            return self.err(why);
        }
        let (Some(edit), Some(v), Some(line)) = (s.edit.clone(), s.view.clone(), s.selected())
        else {
            s.begin();
            return;
        };
        let member = line.member.clone();
        let rater = s.rater;
        let before = match v.kind {
            AppraisalKind::Votes => Before::Votes(counts_of(&v, line)),
            AppraisalKind::Scores => match self.ledger.ballot_scores(&p, edit.member_id, rater) {
                Ok(scores) => Before::Scores { rater, scores },
                Err(e) => return self.fail(&e),
            },
        };
        let result = match v.kind {
            AppraisalKind::Votes => {
                let counts = typed_votes(&v, &edit.cells);
                self.ledger.record_votes(&p, edit.member_id, &counts)
            }
            AppraisalKind::Scores => {
                let scores: Vec<(String, f64)> = v
                    .parts
                    .iter()
                    .zip(&edit.cells)
                    .filter_map(|(part, c)| Some((part.code.clone(), c.parse().ok()?)))
                    .collect();
                self.ledger
                    .record_scores(&p, edit.member_id, rater, &scores)
            }
        };
        let zh = self.lang.is_zh();
        match result {
            Ok(after) => {
                let line = after.lines.iter().find(|l| l.member_id == edit.member_id);
                let grade = line
                    .and_then(|l| after.grade_code(l))
                    .and_then(|g| after.choices.iter().find(|c| c.code == g))
                    .map(|c| c.title_in(zh));
                let counted = line.map_or(0, |l| l.counted);
                let aw = self.lang.words().appraisal;
                self.ok((aw.recorded)(&member, counted, after.ballots.valid, grade));
                if let Some(Screen::Appraisal(s)) = self.stack.last_mut() {
                    s.recorded.push(Recorded {
                        member_id: edit.member_id,
                        member,
                        before,
                    });
                    s.edit = None;
                    s.refusal = None;
                    s.col = 0;
                    let last = s.list.selected + 1 >= after.lines.len();
                    if v.kind == AppraisalKind::Scores && last {
                        // The ballot is done for every member: the next one, from the top.
                        s.rater = (s.rater + 1).min(after.ballots.valid.max(1));
                        s.list.select(0, after.lines.len());
                    } else {
                        s.list.step(1, after.lines.len());
                    }
                }
            }
            Err(e) => {
                let why = crate::i18n::meeting::core_error(self.lang, &e);
                if let Some(Screen::Appraisal(s)) = self.stack.last_mut() {
                    s.refusal = Some(why.clone());
                }
                self.err(why);
            }
        }
        self.reload();
    }

    /// Open a prompt about the appraisal: a yes/no question (open, close,
    /// undo) or the ballots returned and spoiled.
    fn ask(&mut self, ask: Ask) {
        let (aw, zh) = (self.lang.words().appraisal, self.lang.is_zh());
        let w = aw.count;
        let view = match self.stack.last() {
            Some(Screen::Appraisal(s)) => s.view.clone(),
            _ => None,
        };
        let form = match (ask, &view) {
            (Ask::Open, _) => {
                // What the open will issue, or why it cannot: with nobody
                // present the console asks for the ballots to issue instead.
                use crate::app::{AppraisalError, CoreError};
                let planned = match self.period {
                    Some(p) => self.ledger.planned_ballots(&p, None, None),
                    None => Err(CoreError::User(self.t.no_period.to_string())),
                };
                let mut info = crate::domain::text::wrap(w.ask_open_info, INFO);
                match planned {
                    Ok((issued, reps)) => {
                        let line = (w.will_issue)(issued, issued - reps, reps);
                        info.extend(crate::domain::text::wrap(&line, INFO));
                        Form::new(FormKind::Appraisal(ask), w.ask_open, info, vec![])
                    }
                    Err(CoreError::Appraisal(AppraisalError::NoBallots { period })) => {
                        info.extend(crate::domain::text::wrap(&(w.no_ballots)(&period), INFO));
                        let field = Field::new(w.ballots_to_issue, "");
                        let kind = FormKind::Appraisal(Ask::OpenWith);
                        Form::new(kind, w.ask_open, info, vec![field])
                    }
                    Err(e) => {
                        let why = crate::i18n::meeting::core_error(self.lang, &e);
                        info.extend(crate::domain::text::wrap(&why, INFO));
                        Form::new(FormKind::Appraisal(ask), w.ask_open, info, vec![])
                    }
                }
            }
            (Ask::Ballots, Some(v)) => Form::new(
                FormKind::Appraisal(ask),
                w.ask_ballots,
                vec![],
                vec![
                    Field::new(aw.returned, &v.ballots.returned.to_string()),
                    Field::new(aw.spoiled, &v.ballots.spoiled.to_string()),
                ],
            ),
            (Ask::Close, Some(v)) => Form::new(
                FormKind::Appraisal(ask),
                w.ask_close,
                close_lines(v, zh),
                vec![],
            ),
            (Ask::Undo, _) => return self.count_undo_prompt(),
            (Ask::Points { .. }, _) => return self.ask_points(),
            (Ask::OpenWith, _) => return self.ask(Ask::Open),
            (_, None) => {
                let why = match self.stack.last() {
                    Some(Screen::Appraisal(s)) => s.missing.clone().unwrap_or_default(),
                    _ => String::new(),
                };
                return self.err(why);
            }
        };
        self.overlay = Overlay::Form(form);
    }

    /// An appraisal prompt was answered: run it through the core.
    pub(super) fn submit_appraisal(&mut self, f: &Form, ask: Ask) -> Result<String, String> {
        let Some(p) = self.period else {
            return Err(self.t.no_period.to_string());
        };
        let aw = self.lang.words().appraisal;
        let words = |e: crate::app::CoreError| crate::i18n::meeting::core_error(self.lang, &e);
        let opened = |b: crate::app::appraisal_view::Ballots| {
            let line =
                (aw.ballots_line)(b.issued, b.representatives, b.returned, b.spoiled, b.valid);
            (aw.opened)(&p.to_string(), &line)
        };
        let done = match ask {
            Ask::Open => self.ledger.open_appraisal(&p, None, None).map(opened),
            Ask::OpenWith => {
                let n =
                    f.value(0).trim().parse::<i64>().map_err(|_| {
                        format!("{}: {}", aw.count.ballots_to_issue, self.t.bad_number)
                    })?;
                self.ledger.open_appraisal(&p, Some(n), None).map(opened)
            }
            Ask::Points { member_id } => {
                let x = f
                    .value(0)
                    .trim()
                    .parse::<f64>()
                    .map_err(|_| format!("{}: {}", aw.points, self.t.bad_number))?;
                self.ledger
                    .appraisal_points(&p, member_id, Some(x))
                    .map(|v| {
                        let who = v
                            .lines
                            .iter()
                            .find(|l| l.member_id == member_id)
                            .map(|l| l.member.clone())
                            .unwrap_or_default();
                        (aw.count.points_chosen)(&who, x)
                    })
            }
            Ask::Ballots => {
                let num = |i: usize, field: &str| {
                    f.value(i)
                        .trim()
                        .parse::<i64>()
                        .map_err(|_| format!("{field}: {}", self.t.bad_number))
                };
                let (returned, spoiled) = (num(0, aw.returned)?, num(1, aw.spoiled)?);
                self.ledger
                    .appraisal_returned(&p, returned, spoiled)
                    .map(|b| {
                        (aw.ballots_line)(
                            b.issued,
                            b.representatives,
                            b.returned,
                            b.spoiled,
                            b.valid,
                        )
                    })
            }
            Ask::Close => self.ledger.close_appraisal(&p, &[]).map(|(v, posted)| {
                let results = v
                    .lines
                    .iter()
                    .filter(|l| l.grade.is_some() || l.points.is_some());
                (aw.closed_line)(&p.to_string(), results.count(), posted)
            }),
            Ask::Undo => return self.submit_count_undo(&p),
        };
        let msg = done.map_err(words)?;
        self.reload();
        if matches!(ask, Ask::Open | Ask::OpenWith) {
            self.board_on_count();
        }
        Ok(msg)
    }
}

/// A line's vote counts as the core takes them: each choice, then the blanks.
fn counts_of(
    v: &AppraisalView,
    line: &crate::app::appraisal_view::AppraisalLine,
) -> Vec<(String, i64)> {
    v.choices
        .iter()
        .zip(&line.votes)
        .map(|(c, n)| (c.code.clone(), *n))
        .chain(std::iter::once((BLANK.to_string(), line.blank)))
        .collect()
}

/// The typed cells as vote counts (an empty cell is none).
fn typed_votes(v: &AppraisalView, cells: &[String]) -> Vec<(String, i64)> {
    v.choices
        .iter()
        .map(|c| c.code.clone())
        .chain(std::iter::once(BLANK.to_string()))
        .zip(cells)
        .map(|(code, c)| (code, c.trim().parse().unwrap_or(0)))
        .collect()
}

/// The close question's lines: each member's grade and points, as many to
/// a line as fit, at most `CLOSE_LINES` lines (then an ellipsis), then how
/// many members have no result (nothing counted for them).
fn close_lines(v: &AppraisalView, zh: bool) -> Vec<String> {
    let w = crate::i18n::Lang::of_zh(zh).words().appraisal.count;
    let mut out: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut without = 0;
    for l in &v.lines {
        let grade = l
            .grade
            .and_then(|g| v.choices.get(g))
            .map(|c| c.title_in(zh));
        if grade.is_none() && l.points.is_none() {
            without += 1;
            continue;
        }
        let one = (w.result_line)(&l.member, grade.unwrap_or(""), l.points);
        if !line.is_empty() && width(&line) + 3 + width(&one) > INFO {
            out.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push_str(" · ");
        }
        line.push_str(&one);
    }
    if !line.is_empty() {
        out.push(line);
    }
    if out.len() > CLOSE_LINES {
        out.truncate(CLOSE_LINES);
        out.push("…".into());
    }
    if without > 0 {
        out.extend(crate::domain::text::wrap(
            &(w.without_result)(without),
            INFO,
        ));
    }
    if v.feeds != crate::domain::scheme::Feeds::Points {
        out.extend(crate::domain::text::wrap(w.close_posts_none, INFO));
    }
    out
}
