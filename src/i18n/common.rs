//! Words every area shares: member categories, claim statuses, roster
//! statuses, sign-offs, attendance marks, period states and levels. One
//! value per language, in `zh/common.rs` and `en/common.rs`.

use crate::domain::model::PeriodState;
use crate::domain::model::{Attendance, Category, ClaimStatus, ConfirmState, MemberStatus};

/// The words every area shares.
#[derive(Debug)]
pub struct CommonWords {
    /// A member category, short (正式, full).
    pub category: fn(Category) -> &'static str,
    /// A claim status, short (待审, pend).
    pub claim_status: fn(ClaimStatus) -> &'static str,
    /// A member's status on the roster (参评, active).
    pub member_status: fn(MemberStatus) -> &'static str,
    /// A member's sign-off of a statement (已签字, confirmed).
    pub confirmation: fn(ConfirmState) -> &'static str,
    /// An attendance mark (到会, present).
    pub attendance: fn(Attendance) -> &'static str,
    /// The period states, in the glossary's words: the same word on the
    /// console, the board and the papers.
    pub state_open: &'static str,
    pub state_in_session: &'static str,
    pub state_locked: &'static str,
    pub state_published: &'static str,
    pub state_final: &'static str,
    /// A claim level code (`unit`, `city`, ...) in this language's words.
    pub level: fn(code: &str) -> String,
    /// An item that vetoes instead of giving points.
    pub veto: &'static str,
    /// Points the committee sets within a range (`0-5 支委认定`).
    pub by_committee: &'static str,
    /// A claim note written by a roll-call mark (`点名: 缺席`).
    pub roll_call_note: fn(mark: &str) -> String,
}

impl CommonWords {
    /// A period state in words.
    pub fn period_state(&self, state: PeriodState) -> String {
        match state {
            PeriodState::Open => self.state_open,
            PeriodState::InSession => self.state_in_session,
            PeriodState::Locked => self.state_locked,
            PeriodState::Published => self.state_published,
            PeriodState::Final => self.state_final,
        }
        .to_string()
    }

    /// A claim's note as a person reads it: the note a roll-call mark wrote
    /// (`roll call: absent`) in these words (点名: 缺席), a member's own note
    /// as written.
    pub fn claim_note(&self, note: &str) -> String {
        match crate::app::roll_call_mark(note) {
            Some(mark) => (self.roll_call_note)((self.attendance)(mark)),
            None => note.to_string(),
        }
    }

    /// The points an item allows, level names in these words
    /// (`市级 3 / 省级 5 / 国家级 10`, `3`, `0-5 支委认定`).
    pub fn item_points(&self, item: &crate::domain::scheme::Item) -> String {
        use crate::domain::model::fmt_points;
        if item.levels.is_some() {
            let list: Vec<String> = item
                .levels_by_points()
                .iter()
                .map(|(k, v)| format!("{} {}", (self.level)(k), fmt_points(*v)))
                .collect();
            return list.join(" / ");
        }
        if let Some(p) = item.points {
            return fmt_points(p);
        }
        if item.kind == crate::domain::scheme::ItemKind::Veto {
            return self.veto.to_string();
        }
        let max = item.max.map(fmt_points).unwrap_or_else(|| "?".into());
        format!(
            "{}-{max} {}",
            fmt_points(item.min.unwrap_or(0.0)),
            self.by_committee
        )
    }
}
