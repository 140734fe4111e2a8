//! `update`: actions and submitted prompts become core calls; the status
//! line says what happened. No SQL and no scoring here: the core does both.

use super::action::Action;
use super::app::{
    App, AppealsScreen, ConfirmScreen, LockScreen, MembersScreen, Overlay, Pane, RollCallScreen,
    YearScreen,
};
use super::board_popup::Choice;
use super::field::Field;
use super::new_claim::NewClaim;
use super::overview::STEPS;
use super::papers::PapersPopup;
use super::prompt::{Form, FormKind};
use super::screen::{Ctx, Screen};
use crate::app::appeals::AppealOutcome;
use crate::app::board_state::BoardMode;
use crate::app::RankScope;
use crate::domain::model::{fmt_points, ClaimStatus, Outcome, PeriodId};
use crate::export::{Paper, PaperFormat};

const PAGE: isize = 10;

impl App {
    /// Carry out one action.
    pub fn update(&mut self, a: Action) {
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
            Action::TickFollowUp => self.tick_follow_up(),
        }
    }

    fn ctx_run<R>(&mut self, f: impl FnOnce(&mut Self, &Ctx) -> R) -> R {
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

    fn open_year(&mut self) {
        let y = self.period.map(|p| p.year).unwrap_or(2026);
        self.push(Screen::Year(YearScreen::new(y)));
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

    /// The claim selected on the members screen, if any.
    pub fn selected_claim_id(&self) -> Option<i64> {
        self.current_claim().map(|c| c.0)
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

    /// The selected claim on the members screen: (id, title, claimed, status).
    fn current_claim(&self) -> Option<(i64, String, f64, ClaimStatus)> {
        match self.stack.last() {
            Some(Screen::Members(s)) => s
                .selected_line()
                .map(|x| (x.claim.id, x.title.clone(), x.claim.claimed, x.claim.status)),
            _ => None,
        }
    }

    fn after_verdict(&mut self, msg: String) {
        self.ok(msg);
        self.reload();
        if let Some(Screen::Members(s)) = self.stack.last_mut() {
            s.next_pending();
        }
    }

    fn approve(&mut self) {
        let Some((id, title, _, _)) = self.current_claim() else {
            return self.err(self.t.no_claim);
        };
        match self.ledger.verdict(id, Outcome::Approved, None, None) {
            Ok(()) => self.after_verdict(format!("{} #{id} {title}", self.t.done_approve)),
            Err(e) => self.fail(&e),
        }
    }

    fn verdict_prompt(&mut self, adjust: bool) {
        let Some((id, title, claimed, _)) = self.current_claim() else {
            return self.err(self.t.no_claim);
        };
        let t = self.t;
        let info = vec![format!("#{id} {title}  ({})", fmt_points(claimed))];
        let f = if adjust {
            Form::new(
                FormKind::Adjust { claim: id },
                t.prompt_adjust,
                info,
                vec![
                    Field::new(t.prompt_points, &fmt_points(claimed)),
                    Field::new(t.prompt_reason, ""),
                ],
            )
        } else {
            Form::new(
                FormKind::Reject { claim: id },
                t.prompt_reject,
                info,
                vec![Field::new(t.prompt_reason, "")],
            )
        };
        self.overlay = Overlay::Form(f);
    }

    fn approve_all_prompt(&mut self) {
        let Some(Screen::Members(s)) = self.stack.last() else {
            return;
        };
        let Some(r) = s.selected_member() else {
            return self.err(self.t.no_member);
        };
        let info = vec![format!("{}: {} {}", r.name, self.t.pending, r.pending)];
        let f = Form::new(
            FormKind::ApproveAll {
                member: r.member_id,
            },
            self.t.prompt_approve_all,
            info,
            vec![],
        );
        self.overlay = Overlay::Form(f);
    }

    fn new_claim(&mut self) {
        let (Some((id, name)), Some(p)) = (self.current_member(), self.period) else {
            return self.err(self.t.no_member);
        };
        let f = self.ctx_run(|_, ctx| NewClaim::new(id, &name, p, ctx));
        self.overlay = Overlay::NewClaim(f);
    }

    fn dispute(&mut self) {
        if matches!(self.stack.last(), Some(Screen::Members(_))) {
            self.confirm();
        }
        let Some(Screen::Confirm(s)) = self.stack.last() else {
            return;
        };
        let name = s
            .statement
            .as_ref()
            .map(|x| x.name.clone())
            .unwrap_or_default();
        let f = Form::new(
            FormKind::Dispute {
                member: s.member_id,
            },
            self.t.prompt_dispute,
            vec![name],
            vec![Field::new(self.t.prompt_dispute_text, "")],
        );
        self.overlay = Overlay::Form(f);
    }

    fn lock_step(&mut self) {
        if !matches!(self.stack.last(), Some(Screen::Lock(_))) {
            return self.push(Screen::Lock(LockScreen::default()));
        }
        let Some(p) = self.period else { return };
        let sealed =
            matches!(self.stack.last(), Some(Screen::Lock(s)) if s.progress.seal.is_some());
        if sealed {
            return self.papers_popup();
        }
        let ready = matches!(self.stack.last(), Some(Screen::Lock(s)) if s.ready());
        if !ready {
            return self.err(self.t.lock_blocked);
        }
        self.lock_prompt(p);
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
            (FormKind::Lock { period, waive }, _) => {
                if f.value(0).trim() != period.to_string() {
                    Err(format!("{} {period}", t.must_type))
                } else {
                    let noted = self.ledger.note_quorum(period, *waive);
                    match noted.and_then(|_| self.ledger.lock_and_publish(period)) {
                        Ok(done) => {
                            let report = done.report;
                            let mut msg = format!(
                                "{} {}  {} {}",
                                t.sealed, report.period, t.seal, report.seal
                            );
                            match done.publication {
                                Ok(pb) => {
                                    if let Some(end) = pb.window_end {
                                        msg.push_str(&format!("  {} {end}", t.posted_until));
                                    }
                                }
                                Err(e) => msg.push_str(&format!("  ({}: {e})", t.publication)),
                            }
                            if let Some(Screen::Lock(s)) = self.stack.last_mut() {
                                s.report = Some(report);
                            }
                            self.overlay = Overlay::Papers(self.new_papers_popup(*period));
                            Ok(msg)
                        }
                        Err(e) => Err(crate::i18n::meeting::core_error(self.lang, &e)),
                    }
                }
            }
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
                Ok(min) if min > 0 => {
                    let ends = chrono::Utc::now() + chrono::Duration::minutes(min);
                    self.ledger
                        .set_board_mode(&BoardMode::Countdown {
                            ends_at: ends.to_rfc3339(),
                            label: f.value(1).trim().to_string(),
                        })
                        .map(|_| t.done_board.to_string())
                        .map_err(|e| crate::i18n::meeting::core_error(self.lang, &e))
                }
                _ => Err(format!("{}: {}", t.prompt_minutes, t.bad_number)),
            },
            (FormKind::FileAppeal { member }, _) => {
                let member = member.clone();
                self.submit_appeal(&f, member)
            }
            (FormKind::AppealReply { id, outcome }, _) => {
                let (id, outcome) = (*id, *outcome);
                self.submit_reply(&f, id, outcome)
            }
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

    pub(super) fn submit_claim(&mut self, mut f: NewClaim) {
        let draft = self.ctx_run(|app, ctx| f.draft(app.ledger.scheme(), ctx));
        let r = draft.and_then(|d| {
            self.ledger
                .add_claim(&d)
                .map_err(|e| crate::i18n::meeting::core_error(self.lang, &e))
        });
        match r {
            Ok(id) => {
                self.ok(format!("{} #{id}", self.t.done_new_claim));
                self.reload();
                if let Some(Screen::Members(s)) = self.stack.last_mut() {
                    if let Some(i) = s.lines.iter().position(|x| x.claim.id == id) {
                        s.claims.select(i, s.lines.len());
                        s.focus = Pane::Claims;
                    }
                }
            }
            Err(e) => {
                f.error = Some(e);
                self.overlay = Overlay::NewClaim(f);
            }
        }
    }
}

/// After the meeting: appeals, publication, papers and follow-ups.
impl App {
    /// The most recent sealed period that is not final (where appeals go).
    fn appealable_period(&self) -> Option<String> {
        self.ledger
            .periods()
            .ok()?
            .into_iter()
            .filter(|r| matches!(r.state.as_str(), "locked" | "published"))
            .map(|r| r.id)
            .max()
    }

    fn file_appeal_prompt(&mut self) {
        let t = self.t;
        let member = self.current_member();
        let period = match self.stack.last() {
            Some(Screen::Appeals(s)) => s.selected().map(|a| a.period.clone()),
            _ => None,
        }
        .or_else(|| self.appealable_period())
        .unwrap_or_default();
        let name = member.as_ref().map(|m| m.1.clone()).unwrap_or_default();
        let f = Form::new(
            FormKind::FileAppeal { member },
            t.prompt_appeal,
            vec![format!("{} {}", t.col_filed, self.today())],
            vec![
                Field::new(t.prompt_appeal_member, &name),
                Field::new(t.prompt_appeal_period, &period),
                Field::new(t.prompt_appeal_items, ""),
                Field::new(t.prompt_appeal_words, ""),
            ],
        );
        self.overlay = Overlay::Form(f);
    }

    fn submit_appeal(&mut self, f: &Form, member: Option<(i64, String)>) -> Result<String, String> {
        let t = self.t;
        let key = f.value(0).trim();
        let (id, name) = match member {
            Some((id, name)) if name == key => (id, name),
            _ => {
                let m = self
                    .ledger
                    .find_member(key)
                    .map_err(|e| crate::i18n::meeting::core_error(self.lang, &e))?;
                (m.id, m.name.to_string())
            }
        };
        let p: PeriodId = f.value(1).trim().parse()?;
        let items = Some(f.value(2)).filter(|s| !s.trim().is_empty());
        let today = self.today();
        let appeal = self
            .ledger
            .file_appeal(id, &p, items, f.value(3), today)
            .map_err(|e| crate::i18n::meeting::core_error(self.lang, &e))?;
        if let Some(Screen::Appeals(s)) = self.stack.last_mut() {
            s.list = Default::default();
        }
        self.reload();
        if let Some(Screen::Appeals(s)) = self.stack.last_mut() {
            if let Some(i) = s.rows.iter().position(|a| a.id == appeal) {
                s.list.select(i, s.rows.len());
            }
        }
        let due = self
            .ledger
            .appeal_on(appeal, today)
            .map(|a| format!("  {} {}", t.reply_due, a.due))
            .unwrap_or_default();
        Ok(format!("{} #{appeal} {name} {p}{due}", t.done_file_appeal))
    }

    fn reply_prompt(&mut self, outcome: AppealOutcome) {
        let t = self.t;
        let Some(Screen::Appeals(s)) = self.stack.last() else {
            return;
        };
        let Some(a) = s.selected() else {
            return self.err(t.no_appeal);
        };
        let info = vec![
            format!("#{} {} {}  {}", a.id, a.member, a.period, a.text),
            format!("{} {}", t.reply_due, super::appeals::due_text(a)),
        ];
        let (title, fields) = match outcome {
            AppealOutcome::Upheld => {
                // The first item the member named, as a starting point.
                let item = a
                    .items
                    .as_deref()
                    .and_then(|s| s.split([',', ' ', '，']).find(|x| !x.is_empty()))
                    .filter(|c| self.ledger.scheme().item(c).is_some())
                    .unwrap_or("");
                (
                    t.prompt_uphold,
                    vec![
                        Field::new(t.prompt_reply_text, ""),
                        Field::new(t.prompt_corr_item, item),
                        Field::new(t.prompt_corr_points, ""),
                    ],
                )
            }
            AppealOutcome::Dismissed => {
                (t.prompt_dismiss, vec![Field::new(t.prompt_reply_text, "")])
            }
            AppealOutcome::Reconsider => (
                t.prompt_reconsider,
                vec![Field::new(t.prompt_reply_text, "")],
            ),
        };
        let f = Form::new(
            FormKind::AppealReply { id: a.id, outcome },
            title,
            info,
            fields,
        );
        self.overlay = Overlay::Form(f);
    }

    fn submit_reply(
        &mut self,
        f: &Form,
        id: i64,
        outcome: AppealOutcome,
    ) -> Result<String, String> {
        let t = self.t;
        let points = match outcome {
            AppealOutcome::Upheld => match f.value(2).trim().parse::<f64>() {
                Ok(x) if x.is_finite() => Some(x),
                _ => return Err(format!("{}: {}", t.prompt_corr_points, t.bad_number)),
            },
            _ => None,
        };
        let correction = points.map(|x| (f.value(1).trim(), x));
        let today = self.today();
        let a = self
            .ledger
            .reply_appeal(id, outcome, f.value(0), correction, today)
            .map_err(|e| crate::i18n::meeting::core_error(self.lang, &e))?;
        let mut msg = format!(
            "{} #{id} {}: {}",
            t.done_reply,
            a.member,
            super::appeals::status_name(t, &a)
        );
        if let Some(c) = &a.correction {
            msg.push_str(&format!("  {} {c}", t.appeal_correction));
        }
        Ok(msg)
    }

    fn finalize(&mut self) {
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
            .map_err(crate::app::CoreError::User)
            .and_then(|id| self.ledger.finalize(&id, today));
        match r {
            Ok(()) => {
                self.ok(format!("{} {p}", self.t.done_finalize));
                self.reload();
            }
            Err(e) => self.fail(&e),
        }
    }

    pub(super) fn new_papers_popup(&self, p: PeriodId) -> PapersPopup {
        let db = self
            .ledger
            .path()
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        PapersPopup::new(p, format!("{db}.papers/{p}/"))
    }

    fn papers_popup(&mut self) {
        let p = match self.stack.last() {
            Some(Screen::Appeals(s)) => s
                .selected()
                .and_then(|a| a.period.parse::<PeriodId>().ok())
                .or(self.period),
            _ => self.period,
        };
        let Some(p) = p else {
            return self.err(self.t.no_period);
        };
        self.overlay = Overlay::Papers(self.new_papers_popup(p));
    }

    /// Write one paper (or all) of the popup's period; errors stay in the popup.
    pub(super) fn write_papers(
        &mut self,
        pp: &mut PapersPopup,
        paper: Option<Paper>,
        format: PaperFormat,
    ) {
        let dir = self.papers_dir(&pp.period);
        let scope = RankScope::Period(pp.period);
        let zh = self.lang == crate::i18n::Lang::Zh;
        let list: Vec<Paper> = match paper {
            Some(p) => vec![p],
            None => Paper::ALL.to_vec(),
        };
        pp.error = None;
        let mut n = 0;
        for p in list {
            match crate::export::export(&self.ledger, p, &scope, format, &dir, zh) {
                Ok(path) => {
                    let name = path
                        .file_name()
                        .map(|f| f.to_string_lossy().into_owned())
                        .unwrap_or_else(|| path.display().to_string());
                    if !pp.written.contains(&name) {
                        pp.written.push(name);
                    }
                    n += 1;
                }
                Err(e) => {
                    pp.error = Some(format!("{}: {e}", p.code()));
                    break;
                }
            }
        }
        if n > 0 {
            self.ok(format!("{} {n}: {}", self.t.paper_written, pp.dir));
        }
    }

    fn tick_follow_up(&mut self) {
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
}
