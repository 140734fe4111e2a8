//! `u` on the counting screen: the counts the last recorded member had
//! before are recorded again through the core (one journal event): a vote
//! ballot's counts, or what one score ballot gave the member (none: that
//! ballot's scores taken out). The cursor goes back to the member and the
//! ballot, to be counted again.

use super::app::{App, Overlay};
use super::appraisal::{columns, Before, Recorded};
use super::appraisal_count::Ask;
use super::prompt::{Form, FormKind};
use super::screen::Screen;
use crate::app::appraisal_view::AppraisalView;
use crate::domain::model::{fmt_points, PeriodId};

impl App {
    /// `u` on the counting screen: offer to put back the counts the last
    /// recorded member had before.
    pub(super) fn count_undo_prompt(&mut self) {
        let w = self.lang.words().appraisal.count;
        let Some(Screen::Appraisal(s)) = self.stack.last() else {
            return;
        };
        let (Some(last), Some(v)) = (s.recorded.last(), s.view.as_ref()) else {
            return self.err(w.nothing_to_undo);
        };
        let info = vec![(w.undo_info)(
            &last.member,
            &asked_text(v, &last.before, self.lang.is_zh()),
        )];
        let f = Form::new(FormKind::Appraisal(Ask::Undo), w.ask_undo, info, vec![]);
        self.overlay = Overlay::Form(f);
    }

    /// The undo was confirmed: record the member's earlier counts again.
    pub(super) fn submit_count_undo(&mut self, p: &PeriodId) -> Result<String, String> {
        let (w, zh) = (self.lang.words().appraisal.count, self.lang.is_zh());
        let (last, view) = match self.stack.last_mut() {
            Some(Screen::Appraisal(s)) => (s.recorded.pop(), s.view.clone()),
            _ => (None, None),
        };
        let (Some(last), Some(view)) = (last, view) else {
            return Err(w.nothing_to_undo.to_string());
        };
        let done = match &last.before {
            Before::Votes(counts) => self.ledger.record_votes(p, last.member_id, counts),
            Before::Scores { rater, scores } => {
                self.ledger.record_scores(p, last.member_id, *rater, scores)
            }
        };
        match done {
            Ok(after) => {
                let msg = match &last.before {
                    Before::Votes(_) => (w.undone)(&last.member),
                    Before::Scores { rater, .. } => (w.undone_scores)(
                        &last.member,
                        *rater,
                        &before_text(&view, &last.before, zh),
                    ),
                };
                self.back_to(&last, &after);
                Ok(msg)
            }
            Err(e) => {
                let why = crate::i18n::meeting::core_error(self.lang, &e);
                if let Some(Screen::Appraisal(s)) = self.stack.last_mut() {
                    s.recorded.push(last);
                }
                Err(why)
            }
        }
    }

    /// The cursor on the member (and the score ballot) an undo put back.
    fn back_to(&mut self, last: &Recorded, after: &AppraisalView) {
        let Some(Screen::Appraisal(s)) = self.stack.last_mut() else {
            return;
        };
        if let Some(i) = after
            .lines
            .iter()
            .position(|l| l.member_id == last.member_id)
        {
            s.list.select(i, after.lines.len());
        }
        if let Before::Scores { rater, .. } = last.before {
            s.rater = rater;
        }
        s.edit = None;
        s.refusal = None;
        s.col = 0;
    }
}

/// What a member had before, in words: `优秀 8  合格 3` (the choices with
/// none left out), or what a score ballot gave: `基础分 52  评星分 30`.
fn before_text(v: &AppraisalView, before: &Before, zh: bool) -> String {
    let w = crate::i18n::Lang::of_zh(zh).words().appraisal.count;
    let titles = columns(v, zh);
    let parts: Vec<String> = match before {
        Before::Votes(counts) => titles
            .iter()
            .zip(counts)
            .filter(|(_, (_, n))| *n > 0)
            .map(|(t, (_, n))| format!("{t} {n}"))
            .collect(),
        Before::Scores { scores, .. } => v
            .parts
            .iter()
            .zip(&titles)
            .filter_map(|(part, t)| {
                let (_, x) = scores.iter().find(|(code, _)| *code == part.code)?;
                Some(format!("{t} {}", fmt_points(*x)))
            })
            .collect(),
    };
    if parts.is_empty() {
        w.none.to_string()
    } else {
        parts.join("  ")
    }
}

/// [`before_text`] with the score ballot's number first, as the question says it.
fn asked_text(v: &AppraisalView, before: &Before, zh: bool) -> String {
    let said = before_text(v, before, zh);
    match before {
        Before::Votes(_) => said,
        Before::Scores { rater, .. } => {
            let w = crate::i18n::Lang::of_zh(zh).words().appraisal.count;
            format!("{} {said}", (w.ballot_no)(*rater, v.ballots.valid))
        }
    }
}
