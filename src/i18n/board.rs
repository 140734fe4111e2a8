//! The board's words: what the room reads on the projector. Fixed words are
//! fields, words with values are functions; one value per language, in
//! `zh/board.rs` and `en/board.rs`.

use super::Lang;
use crate::domain::model::PeriodState;

/// Every word the board shows.
#[derive(Debug)]
pub struct BoardWords {
    /// The language of these words (for scheme titles and shared words).
    pub lang: Lang,
    /// How final the numbers are: a final period, one in publication, one
    /// locked and not yet published, and any other (preliminary).
    pub verdict_final: &'static str,
    pub verdict_published: &'static str,
    pub verdict_locked: &'static str,
    pub verdict_preliminary: &'static str,
    pub seal: &'static str,
    /// A frozen copy, not live, taken at a clock time.
    pub frozen_at: fn(clock: &str) -> String,
    /// A frozen copy being revealed.
    pub revealing_at: fn(clock: &str) -> String,
    /// A frozen copy fully revealed (still not live).
    pub revealed_at: fn(clock: &str) -> String,
    pub rank: &'static str,
    pub name: &'static str,
    pub score: &'static str,
    /// The score column's header when fewer points are better.
    pub demerits: &'static str,
    pub grade: &'static str,
    /// The grade column's header when grades are only projected.
    pub grade_projected: &'static str,
    /// A grade shown as a projection.
    pub projected: fn(mark: &str) -> String,
    pub projected_legend: &'static str,
    /// The rank-move column's header.
    pub move_head: &'static str,
    /// The sign-off column's header.
    pub signed_head: &'static str,
    /// A member's sign-off: signed, disputed, not yet (never the dispute's text).
    pub signed_yes: &'static str,
    pub signed_disputed: &'static str,
    pub signed_not_yet: &'static str,
    /// A podium place shared by `n` members.
    pub tied: fn(n: usize) -> String,
    /// A podium place.
    pub place: fn(rank: u32) -> String,
    pub stars: fn(n: u8) -> String,
    /// A rank move: positive is up.
    pub moved: fn(by: i32) -> String,
    pub page: fn(page: usize, pages: usize) -> String,
    pub lower_is_better: &'static str,
    pub overtime: &'static str,
    /// Claims of the shown member still pending.
    pub pending: fn(n: usize) -> String,
    pub no_public_items: &'static str,
    pub no_period: &'static str,
    pub nothing_to_show: &'static str,
    pub no_members: &'static str,
    pub unknown_member: &'static str,
    pub db_gone: &'static str,
    pub db_locked: &'static str,
    pub db_error: &'static str,
    /// The board retries by itself every `secs` seconds.
    pub retrying: fn(secs: i64) -> String,
}

/// Two catalogues are the same when they are of the same language.
impl PartialEq for BoardWords {
    fn eq(&self, other: &Self) -> bool {
        self.lang == other.lang
    }
}

impl BoardWords {
    /// How final the numbers of a period in `state` are. Only a final period
    /// says final: locked and in publication are still open to appeal.
    pub fn verdict(&self, state: Option<PeriodState>) -> &'static str {
        match state {
            Some(PeriodState::Final) => self.verdict_final,
            Some(PeriodState::Published) => self.verdict_published,
            Some(PeriodState::Locked) => self.verdict_locked,
            _ => self.verdict_preliminary,
        }
    }

    /// The heading of a ranking group (members, activists).
    pub fn rank_group(&self, g: crate::domain::model::RankGroup) -> &'static str {
        self.lang.words().grading.rank_group(g)
    }

    /// A period state as the room reads it (the glossary's word).
    pub fn state(&self, state: Option<PeriodState>) -> String {
        state
            .map(|s| self.lang.words().common.period_state(s))
            .unwrap_or_default()
    }

    /// Whether scheme titles are read in Chinese.
    pub fn zh(&self) -> bool {
        self.lang == Lang::Zh
    }
}
