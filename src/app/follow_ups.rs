//! The follow-up list: each member's actions (talks, reminders, conversion
//! holds, mentoring...) for a year or a period, ticked off as done in the journal.

use super::{CoreError, Ledger, RankScope, Result};
use crate::domain::model::Category;
use crate::store::appeal_queries;
use serde::Serialize;

/// One action to follow up.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FollowUpRow {
    /// `2026` (year) or `2026Q3` (period).
    pub scope: String,
    pub member_id: i64,
    pub member: String,
    pub category: Category,
    pub score: f64,
    pub rank: u32,
    pub grade: Option<String>,
    pub action: String,
    pub action_name: String,
    pub done: bool,
    pub done_at: Option<String>,
    pub note: Option<String>,
}

impl Ledger {
    /// Every member's actions in a scope, with done / not done, in ranking order.
    pub fn follow_ups(&self, scope: &RankScope, zh: bool) -> Result<Vec<FollowUpRow>> {
        let key = scope.to_string();
        let ranking = self.ranking(scope)?;
        let done = appeal_queries::follow_ups(self.conn(), self.branch.id, &key)?;
        let mut out = Vec::new();
        for r in &ranking.rows {
            for a in &r.actions {
                let rec = done.get(&(r.member_id, a.clone()));
                out.push(FollowUpRow {
                    scope: key.clone(),
                    member_id: r.member_id,
                    member: r.name.to_string(),
                    category: r.category,
                    score: r.score,
                    rank: r.rank,
                    grade: r.grade.as_deref().map(str::to_string),
                    action: a.clone(),
                    action_name: self
                        .scheme()
                        .action(a)
                        .map(|x| x.name_in(zh).to_string())
                        .unwrap_or_else(|| a.clone()),
                    done: rec.is_some_and(|d| d.0.is_some()),
                    done_at: rec.and_then(|d| d.0.clone()),
                    note: rec.and_then(|d| d.1.clone()),
                });
            }
        }
        Ok(out)
    }

    /// Tick off one member's action in a scope; refuses actions the member does not have there.
    pub fn mark_follow_up(
        &mut self,
        scope: &RankScope,
        member_id: i64,
        action: &str,
        note: Option<&str>,
    ) -> Result<()> {
        let list = self.follow_ups(scope, true)?;
        let mine: Vec<&FollowUpRow> = list.iter().filter(|r| r.member_id == member_id).collect();
        if !mine.iter().any(|r| r.action == action) {
            let name = self
                .members()?
                .into_iter()
                .find(|m| m.id == member_id)
                .map(|m| m.name)
                .ok_or(CoreError::NoMemberId(member_id))?;
            return Err(CoreError::NotDue {
                member: name.to_string(),
                action: action.to_string(),
                scope: scope.to_string(),
                due: mine.iter().map(|r| r.action.to_string()).collect(),
            });
        }
        let note = note.map(str::trim).filter(|n| !n.is_empty());
        self.follow_up_done(&scope.to_string(), member_id, action, note)
    }
}
