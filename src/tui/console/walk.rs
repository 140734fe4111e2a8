//! The walk's acts that must keep the secretary's trust: signing (refused
//! while claims are pending), roll-call marks (a corrected mark withdraws the
//! claim it made), undo (shows what it takes back and asks), and the jump to
//! the next member with pending claims.

use super::app::{App, ConfirmScreen, Overlay, Pane};
use super::prompt::{Form, FormKind};
use super::screen::Screen;
use crate::app::undo::UndoScope;
use crate::app::CoreError;

impl App {
    /// Show a core error in the interface language.
    pub(super) fn err_core(&mut self, e: &CoreError) {
        self.err(crate::i18n::meeting::core_error(self.lang, e));
    }

    /// `c`: from the members screen open the member's confirmation; on the
    /// confirmation screen record the signature (the core refuses it while
    /// claims are pending).
    pub(super) fn confirm(&mut self) {
        match self.stack.last() {
            Some(Screen::Members(s)) => {
                if let Some(r) = s.selected_member() {
                    let c = ConfirmScreen::new(
                        r.member_id,
                        s.rows.iter().map(|x| x.member_id).collect(),
                    );
                    self.push(Screen::Confirm(c));
                }
            }
            Some(Screen::Confirm(s)) => {
                let (m, name) = (
                    s.member_id,
                    s.statement
                        .as_ref()
                        .map(|x| x.name.clone())
                        .unwrap_or_default(),
                );
                let Some(p) = self.period else { return };
                match self.ledger.confirm(m, &p, None) {
                    Ok(()) => {
                        self.ok(format!("{} {name}", self.t.done_confirm));
                        self.reload();
                    }
                    Err(e) => self.err_core(&e),
                }
            }
            _ => {}
        }
    }

    /// Roll call: mark the selected member and move on.
    pub(super) fn mark(&mut self, m: crate::domain::model::Attendance) {
        let (Some((id, name)), Some(p)) = (self.current_member(), self.period) else {
            return self.err(self.t.no_member);
        };
        match self.ledger.mark_attendance(id, &p, m) {
            Ok(done) => {
                let w = self.lang.words().meeting;
                let mut msg = format!(
                    "{} {name} {}",
                    self.t.done_mark,
                    (self.lang.words().common.attendance)(m)
                );
                if let Some(c) = done.withdrawn {
                    msg.push_str(&format!("  ({} #{c})", w.withdrawn));
                }
                if let Some(c) = done.claim {
                    msg.push_str(&format!("  (#{c} {})", self.t.pending));
                }
                self.ok(msg);
                self.reload();
                self.update(super::action::Action::Down);
            }
            Err(e) => self.err_core(&e),
        }
    }

    /// `u`: say what the undo takes back and ask; only this session's actions.
    pub(super) fn undo_prompt(&mut self) {
        match self.ledger.undo_plan(UndoScope::Own) {
            Ok(plan) => {
                let info = plan
                    .steps
                    .iter()
                    .map(|s| (self.lang.words().meeting.undo_step)(s))
                    .collect();
                let title = self.lang.words().meeting.prompt_undo;
                self.undo_plan = Some(plan);
                self.overlay = Overlay::Form(Form::new(FormKind::Undo, title, info, vec![]));
            }
            Err(CoreError::NothingToUndo) => {
                self.err(self.lang.words().meeting.nothing_to_undo);
            }
            Err(e) => self.err_core(&e),
        }
    }

    /// The undo was confirmed: carry out the plan shown.
    pub(super) fn submit_undo(&mut self) -> Result<String, String> {
        let Some(plan) = self.undo_plan.take() else {
            return Ok(String::new());
        };
        let what: Vec<String> = plan
            .steps
            .iter()
            .map(|s| (self.lang.words().meeting.undo_step)(s))
            .collect();
        self.ledger
            .undo(&plan, UndoScope::Own)
            .map(|()| format!("{}: {}", self.t.done_undo, what.join(", ")))
            .map_err(|e| crate::i18n::meeting::core_error(self.lang, &e))
    }

    /// `N` on the members screen: the next member (in the walk's fixed order)
    /// with pending claims, wrapping around.
    pub(super) fn next_pending_member(&mut self) {
        let Some(Screen::Members(s)) = self.stack.last_mut() else {
            return;
        };
        let n = s.rows.len();
        let from = s.list.selected;
        let hit = (1..=n)
            .map(|d| (from + d) % n.max(1))
            .find(|&i| s.rows.get(i).is_some_and(|r| r.pending > 0));
        match hit {
            Some(i) => {
                s.list.select(i, n);
                s.focus = Pane::Claims;
                if let Some(p) = self.period {
                    self.load_member_lines(&p);
                }
            }
            None => self.err(self.lang.words().meeting.no_more_pending),
        }
    }

    /// The lock's prompt: an inquorate session is first asked about (and the
    /// answer recorded with the lock), then the period is typed.
    pub(super) fn lock_prompt(&mut self, p: crate::domain::model::PeriodId) {
        match self.ledger.quorum(&p) {
            Ok(q) if !q.quorate() => {
                let w = self.lang.words().meeting;
                let info = vec![w.quorum_line(&q)];
                let f = Form::new(
                    FormKind::LockInquorate { period: p },
                    w.prompt_inquorate,
                    info,
                    vec![],
                );
                self.overlay = Overlay::Form(f);
            }
            Ok(_) => self.lock_form(p, false),
            Err(e) => self.err_core(&e),
        }
    }

    /// The typed confirmation of a lock.
    pub(super) fn lock_form(&mut self, p: crate::domain::model::PeriodId, waive: bool) {
        let t = self.t;
        let mut info = vec![format!("{} {p}", t.must_type)];
        if waive {
            info.insert(0, self.lang.words().meeting.inquorate_recorded.to_string());
        }
        let f = Form::new(
            FormKind::Lock { period: p, waive },
            t.prompt_lock,
            info,
            vec![super::field::Field::new(t.prompt_lock_type, "")],
        );
        self.overlay = Overlay::Form(f);
    }
}
