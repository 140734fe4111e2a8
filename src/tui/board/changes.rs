//! Rank moves: who went up or down since the last change, for a while.

use super::snapshot::Row;
use chrono::{DateTime, FixedOffset};
use std::collections::HashMap;

/// How long a move stays marked, in seconds.
pub const SHOW_MOVE_SECS: i64 = 30;

/// Remembers ranks between snapshots and when each member last moved.
#[derive(Debug, Default, Clone)]
pub struct Changes {
    prev: Option<HashMap<i64, u32>>,
    moved: HashMap<i64, (i32, DateTime<FixedOffset>)>,
}

impl Changes {
    /// Compare a new ranking with the last one seen.
    pub fn observe(&mut self, rows: &[Row], now: DateTime<FixedOffset>) {
        let ranks: HashMap<i64, u32> = rows.iter().map(|r| (r.member_id, r.rank)).collect();
        if let Some(prev) = &self.prev {
            for (id, rank) in &ranks {
                if let Some(old) = prev.get(id) {
                    if old != rank {
                        let by = i64::from(*old) - i64::from(*rank);
                        self.moved.insert(*id, (by.clamp(-999, 999) as i32, now));
                    }
                }
            }
        }
        self.moved.retain(|id, (_, at)| {
            ranks.contains_key(id) && (now - *at).num_seconds() < SHOW_MOVE_SECS
        });
        self.prev = Some(ranks);
    }

    /// A member's recent move (positive = up), if still shown at `now`.
    pub fn moved(&self, member_id: i64, now: DateTime<FixedOffset>) -> Option<i32> {
        self.moved
            .get(&member_id)
            .filter(|(_, at)| (now - *at).num_seconds() < SHOW_MOVE_SECS)
            .map(|(by, _)| *by)
    }
}
