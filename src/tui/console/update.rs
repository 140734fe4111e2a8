//! `update`: actions and submitted prompts become core calls; the status
//! line says what happened. No SQL and no scoring here: the core does both.

use super::action::Action;
use super::app::{
    App, AppealsScreen, ConfirmScreen, LockScreen, MembersScreen, Overlay, Pane, RollCallScreen,
};
use super::board_popup::Choice;
use super::field::Field;
use super::overview::STEPS;
use super::prompt::{Form, FormKind};
use super::screen::{Ctx, Screen};
use crate::app::appeals::AppealOutcome;
use crate::app::board_state::BoardMode;
use crate::app::RankScope;
use crate::domain::model::{fmt_points, Outcome, PeriodId};

const PAGE: isize = 10;

impl App {
    /// Carry out one action.
    pub fn update(&mut self, a: Action) {
        if self.redemption_action(a) || self.appraisal_action(a) {
            return;
        }
        match a {
            Action::Up => self.step(-1),
            Action::Down => self.step(1),
            Action::PageUp => self.step(-PAGE),
            Action::PageDown => self.step(PAGE),
            Action::Top => self.step(-isize::MAX / 2),
            Action::Bottom => self.step(isize::MAX / 2),
            Action::Open => self.open(),
            Action::Back => {
                if self.stack.len() > 1 {
                    self.stack.pop();
                    self.reload();
                }
            }
            Action::NextPane | Action::PrevPane => self.pane(a == Action::NextPane),
            Action::Approve => self.approve(),
            Action::Adjust | Action::Reject => self.verdict_prompt(a == Action::Adjust),
            Action::ApproveAll => self.approve_all_prompt(),
            Action::NewClaim => self.new_claim(),
            Action::Confirm => self.confirm(),
            Action::Dispute => self.dispute(),
            Action::Undo => self.undo_prompt(),
            Action::NextPending => self.next_pending_member(),
            Action::Search => {
                let f = Form::new(
                    FormKind::Search,
                    self.t.prompt_search,
                    vec![],
                    vec![Field::new(self.t.col_name, "")],
                );
                self.overlay = Overlay::Form(f);
            }
            Action::Board => self.board_popup(),
            Action::BoardStep => self.board_choice(Choice::RevealStep, None),
            Action::Help => self.overlay = Overlay::Help,
            Action::Quit | Action::ForceQuit => self.quit = true,
            Action::FinalGrade => self.open_grade_picker(),
            Action::Mark(m) => self.mark(m),
            Action::Step(i) => self.open_step(i as usize),
            Action::OpenPeriod => {
                let next = self
                    .period
                    .map(|p| crate::app::console_support::next_period(&p).to_string());
                let f = Form::new(
                    FormKind::OpenPeriod,
                    self.t.prompt_open_period,
                    vec![],
                    vec![Field::new(self.t.period, next.as_deref().unwrap_or(""))],
                );
                self.overlay = Overlay::Form(f);
            }
            Action::StartSession => match self.period {
                Some(p) => match self.ledger.start_session(&p) {
                    Ok(()) => {
                        self.ok(format!("{} {p}", self.t.done_session));
                        self.reload();
                    }
                    Err(e) => self.fail(&e),
                },
                None => self.err(self.t.no_period),
            },
            Action::Year => self.open_year(),
            Action::Lock => self.lock_step(),
            Action::PrevYear | Action::NextYear => {
                if let Some(Screen::Year(y)) = self.stack.last_mut() {
                    y.year += if a == Action::NextYear { 1 } else { -1 };
                    y.list = Default::default();
                    y.follow_list = Default::default();
                    self.reload();
                }
            }
            Action::FileAppeal => self.file_appeal_prompt(),
            Action::Uphold => self.reply_prompt(AppealOutcome::Upheld),
            Action::Dismiss => self.reply_prompt(AppealOutcome::Dismissed),
            Action::Reconsider => self.reply_prompt(AppealOutcome::Reconsider),
            Action::Finalize => self.finalize(),
            Action::Papers => self.papers_popup(),
            Action::MeetingRecord => self.meeting_prompt(),
            Action::TickFollowUp => self.tick_follow_up(),
            Action::RedeemScreen => self.push(Screen::Redeem(Default::default())),
            // Only the redemption screen counts and records (`redemption_action`).
            Action::Redeem | Action::CountUp | Action::CountDown => {}
            Action::AppraisalScreen => self.open_count(),
            // Only the counting screen types and records counts (`appraisal_action`).
            Action::Digit(_)
            | Action::AppraisalPoints
            | Action::Erase
            | Action::RecordCount
            | Action::AppraisalOpen
            | Action::AppraisalBallots
            | Action::AppraisalClose
            | Action::PrevBallot
            | Action::NextBallot => {}
        }
    }

    pub(super) fn ctx_run<R>(&mut self, f: impl FnOnce(&mut Self, &Ctx) -> R) -> R {
        let (lang, t, pal) = self.ctx_parts();
        let ctx = Ctx { lang, t, pal: &pal };
        f(self, &ctx)
    }

    fn step(&mut self, d: isize) {
        let p = self.period;
        let reload_lines = match self.stack.last_mut() {
            Some(Screen::Overview(s)) => {
                s.step.step(d, STEPS);
                false
            }
            Some(Screen::RollCall(s)) => {
                s.list.step(d, s.rows.len());
                false
            }
            Some(Screen::Members(s)) => match s.focus {
                Pane::Members => {
                    s.list.step(d, s.rows.len());
                    true
                }
                Pane::Claims => {
                    s.claims.step(d, s.lines.len());
                    false
                }
            },
            Some(Screen::Confirm(s)) => {
                let n = s.statement.as_ref().map(|x| x.lines.len()).unwrap_or(0);
                s.scroll.step(d, n);
                false
            }
            Some(Screen::Year(s)) => {
                if s.follow_focus {
                    s.follow_list.step(d, s.follow.len());
                } else {
                    let n = s.ranking.as_ref().map(|r| r.rows.len()).unwrap_or(0);
                    s.list.step(d, n);
                }
                false
            }
            Some(Screen::Appeals(s)) => {
                s.list.step(d, s.rows.len());
                false
            }
            _ => false,
        };
        if let (true, Some(p)) = (reload_lines, p) {
            self.load_member_lines(&p);
        }
    }

    pub(super) fn load_member_lines(&mut self, p: &PeriodId) {
        let r = self.ctx_run(|app, ctx| match app.stack.last_mut() {
            Some(Screen::Members(s)) => s.load_lines(&app.ledger, p, ctx, false),
            _ => Ok(()),
        });
        if let Err(e) = r {
            self.fail(&e);
        }
    }

    /// Members in ranking order (for the confirmation walk).
    fn member_order(&self) -> Vec<i64> {
        match self.period {
            Some(p) => self
                .ledger
                .ranking(&RankScope::Period(p))
                .map(|r| r.rows.iter().map(|x| x.member_id).collect())
                .unwrap_or_default(),
            None => Vec::new(),
        }
    }

    fn open(&mut self) {
        let step = match self.stack.last_mut() {
            Some(Screen::Overview(s)) => Some(s.step.selected),
            Some(Screen::RollCall(_)) => {
                self.mark(crate::domain::model::Attendance::Present);
                None
            }
            Some(Screen::Members(s)) => {
                s.focus = Pane::Claims;
                None
            }
            Some(Screen::Lock(_)) => {
                self.lock_step();
                None
            }
            _ => None,
        };
        if let Some(i) = step {
            self.open_step(i);
        }
    }

    /// Open step `i` of the overview (0 roll call .. 4 year).
    pub fn open_step(&mut self, i: usize) {
        match i {
            0 => self.push(Screen::RollCall(RollCallScreen::default())),
            1 => self.push(Screen::Members(MembersScreen::default())),
            2 => {
                let order = self.member_order();
                let Some(p) = self.period else {
                    return self.err(self.t.no_period);
                };
                // Start at the first member who has not yet signed off.
                let first = match self.ledger.ranking(&RankScope::Period(p)) {
                    Ok(r) => r
                        .rows
                        .iter()
                        .find(|x| x.confirmation.is_none())
                        .or(r.rows.first())
                        .map(|x| x.member_id),
                    Err(e) => return self.fail(&e),
                };
                match first {
                    Some(m) => self.push(Screen::Confirm(ConfirmScreen::new(m, order))),
                    None => self.err(self.t.no_member),
                }
            }
            3 => self.push(Screen::Lock(LockScreen::default())),
            4 => self.open_year(),
            _ => self.push(Screen::Appeals(AppealsScreen::default())),
        }
    }

    fn pane(&mut self, next: bool) {
        match self.stack.last_mut() {
            Some(Screen::Members(s)) => {
                s.focus = match s.focus {
                    Pane::Members => Pane::Claims,
                    Pane::Claims => Pane::Members,
                }
            }
            Some(Screen::Confirm(s)) => {
                s.step_member(if next { 1 } else { -1 });
                self.reload();
            }
            Some(Screen::Year(s)) => s.follow_focus = !s.follow_focus,
            _ => {}
        }
    }

    /// The member the current screen is about (id), if any.
    pub fn selected_member_id(&self) -> Option<i64> {
        self.current_member().map(|m| m.0)
    }

    /// The member the current screen is about.
    pub(super) fn current_member(&self) -> Option<(i64, String)> {
        match self.stack.last() {
            Some(Screen::Members(s)) => s
                .selected_member()
                .map(|r| (r.member_id, r.name.to_string())),
            Some(Screen::Confirm(s)) => s.statement.as_ref().map(|x| (x.member_id, x.name.clone())),
            Some(Screen::RollCall(s)) => s.selected().map(|r| (r.member_id, r.name.clone())),
            Some(Screen::Appeals(s)) => s.selected().map(|a| (a.member_id, a.member.clone())),
            _ => None,
        }
    }

    /// Move the selection to the first name `q` finds (characters or pinyin initials).
    pub(super) fn search(&mut self, q: &str) {
        if q.trim().is_empty() {
            return;
        }
        let hit = |name: &str| crate::app::find::matches(name, q);
        let found = match self.stack.last_mut() {
            Some(Screen::Members(s)) => s.rows.iter().position(|r| hit(&r.name)).map(|i| {
                s.list.select(i, s.rows.len());
                s.focus = Pane::Members;
                true
            }),
            Some(Screen::RollCall(s)) => s.rows.iter().position(|r| hit(&r.name)).map(|i| {
                s.list.select(i, s.rows.len());
                false
            }),
            Some(Screen::Redeem(s)) => s.find(hit).then_some(false),
            Some(Screen::Year(s)) => s.ranking.as_ref().and_then(|r| {
                let i = r.rows.iter().position(|x| hit(&x.name))?;
                s.list.select(i, r.rows.len());
                Some(false)
            }),
            _ => None,
        };
        match (found, self.period) {
            (Some(true), Some(p)) => self.load_member_lines(&p),
            (None, _) => self.err(self.t.no_match),
            _ => self.status = None,
        }
    }

    /// A prompt was submitted: run it; on error keep it open with the message.
    pub(super) fn submit(&mut self, mut f: Form) {
        let t = self.t;
        let p = self.period;
        let result: Result<String, String> = match (&f.kind, p) {
            (FormKind::Search, _) => Ok(String::new()),
            (FormKind::Undo, _) => self.submit_undo(),
            (FormKind::Adjust { claim }, _) => match f.value(0).trim().parse::<f64>() {
                Ok(points) => self
                    .ledger
                    .verdict(*claim, Outcome::Adjusted, Some(points), Some(f.value(1)))
                    .map(|_| format!("{} #{claim} {}", t.done_adjust, fmt_points(points)))
                    .map_err(|e| crate::i18n::meeting::core_error(self.lang, &e)),
                Err(_) => Err(format!("{}: {}", t.prompt_points, t.bad_number)),
            },
            (FormKind::Reject { claim }, _) => self
                .ledger
                .verdict(*claim, Outcome::Rejected, None, Some(f.value(0)))
                .map(|_| format!("{} #{claim}", t.done_reject))
                .map_err(|e| crate::i18n::meeting::core_error(self.lang, &e)),
            (FormKind::ApproveAll { member }, Some(p)) => self
                .ledger
                .approve_all(*member, &p)
                .map(|n| format!("{} ({n})", t.done_approve_all))
                .map_err(|e| crate::i18n::meeting::core_error(self.lang, &e)),
            (FormKind::Dispute { member }, Some(p)) => self
                .ledger
                .confirm(*member, &p, Some(f.value(0)))
                .map(|_| t.done_dispute.to_string())
                .map_err(|e| crate::i18n::meeting::core_error(self.lang, &e)),
            (FormKind::LockInquorate { period }, _) => {
                self.lock_form(*period, true);
                Ok(String::new())
            }
            (FormKind::Lock { period, waive }, _) => self.submit_lock(&f, *period, *waive),
            (FormKind::OpenPeriod, _) => match self.ledger.open_period(f.value(0)) {
                Ok(id) => {
                    self.period = Some(id);
                    Ok(format!("{} {id}", t.done_period))
                }
                Err(e) => Err(crate::i18n::meeting::core_error(self.lang, &e)),
            },
            (FormKind::Message, _) => self
                .ledger
                .set_board_mode(&BoardMode::Message {
                    text: f.value(0).trim().to_string(),
                })
                .map(|_| t.done_board.to_string())
                .map_err(|e| crate::i18n::meeting::core_error(self.lang, &e)),
            (FormKind::Countdown, _) => match f.value(0).trim().parse::<i64>() {
                Ok(min) => BoardMode::countdown(min, f.value(1), chrono::Utc::now())
                    .and_then(|mode| self.ledger.set_board_mode(&mode))
                    .map(|_| t.done_board.to_string())
                    .map_err(|e| crate::i18n::meeting::core_error(self.lang, &e)),
                Err(_) => Err(format!("{}: {}", t.prompt_minutes, t.bad_number)),
            },
            (FormKind::FileAppeal { member }, _) => {
                let member = member.clone();
                self.submit_appeal(&f, member)
            }
            (FormKind::Meeting { period }, _) => {
                let period = *period;
                self.submit_meeting(&f, period)
            }
            (FormKind::Appraisal(ask), _) => {
                let ask = *ask;
                self.submit_appraisal(&f, ask)
            }
            (FormKind::AppealReply { id, outcome }, _) => {
                let (id, outcome) = (*id, *outcome);
                self.submit_reply(&f, id, outcome)
            }
            (FormKind::Desk, _) => Ok(String::new()),
            (_, None) => Err(t.no_period.to_string()),
        };
        match result {
            Ok(msg) if msg.is_empty() => {}
            Ok(msg) => {
                let verdict = matches!(f.kind, FormKind::Adjust { .. } | FormKind::Reject { .. });
                if verdict {
                    self.after_verdict(msg);
                } else {
                    self.ok(msg);
                    self.reload();
                }
            }
            Err(e) => {
                f.error = Some(e);
                self.overlay = Overlay::Form(f);
            }
        }
    }
}
