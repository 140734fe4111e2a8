//! What the room display shows, chosen from the console and stored in the
//! small `board_state` row so the board needs no network.
//!
//! The row holds a mode (live, member, frozen, message, countdown, blank) and
//! the period the console put the board on. A frozen ranking is a copy taken
//! at a known time: the board says so until the console returns it to live.
//! A reveal counts rank groups (members tied share one step) from the bottom;
//! the secretary steps it, or lets it run at a pace; stepping never restarts it.

use super::{Ledger, RankScope, Result};
use crate::domain::model::{ConfirmState, PeriodId, PeriodState};
use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

/// Milliseconds between two steps of an automatic reveal.
pub const AUTO_REVEAL_MS: u32 = 1500;

/// One line of a frozen ranking (names and numbers only).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FrozenRow {
    pub member_id: i64,
    pub name: String,
    pub rank: u32,
    pub score: f64,
    pub grade: Option<String>,
    pub stars: Option<u8>,
    /// The ranking the member is placed in (older frozen rows: members).
    #[serde(default)]
    pub ranking: crate::domain::model::RankGroup,
    /// Signed off, disputed (never the dispute's words), or not yet.
    #[serde(default)]
    pub confirmation: Option<ConfirmState>,
}

/// How a frozen ranking is revealed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RevealStyle {
    /// One rank group at a time from the bottom up.
    BottomUp,
    /// Everything at once.
    All,
}

/// What the board shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(tag = "mode", rename_all = "snake_case")]
pub enum BoardMode {
    /// The live ranking of the board's period.
    #[default]
    Live,
    /// The member under review (spotlight): public items and total.
    Member { member_id: i64 },
    /// A ranking frozen at `at`; the room sees it while the committee works.
    Frozen {
        at: String,
        period: String,
        rows: Vec<FrozenRow>,
        /// Set when the reveal starts.
        reveal: Option<Reveal>,
    },
    /// A short message.
    Message { text: String },
    /// A countdown to `ends_at` (RFC 3339).
    Countdown { ends_at: String, label: String },
    /// Nothing.
    Blank,
    /// The appraisal's count (唱票) of the board's period, live, then its
    /// results once closed; `member_id`: the member being counted.
    Appraisal {
        #[serde(default)]
        member_id: Option<i64>,
    },
}

/// The longest countdown the board shows, in minutes (a whole day: an
/// assembly's breaks are minutes; more is a typing slip).
pub const MAX_COUNTDOWN_MINUTES: i64 = 24 * 60;

impl BoardMode {
    /// A countdown of `minutes` from `now`, refused (naming `minutes`)
    /// outside 1 to `MAX_COUNTDOWN_MINUTES`.
    pub fn countdown(
        minutes: i64,
        label: &str,
        now: DateTime<chrono::Utc>,
    ) -> std::result::Result<BoardMode, super::CoreError> {
        if !(1..=MAX_COUNTDOWN_MINUTES).contains(&minutes) {
            return Err(super::CoreError::OutOfRange {
                field: "minutes",
                value: minutes,
                min: 1,
                max: MAX_COUNTDOWN_MINUTES,
            });
        }
        Ok(BoardMode::Countdown {
            ends_at: (now + chrono::Duration::minutes(minutes)).to_rfc3339(),
            label: label.trim().to_string(),
        })
    }
}

/// The whole stored row: the mode and the period the console put the board on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct BoardState {
    #[serde(flatten)]
    pub mode: BoardMode,
    /// None: the board picks (the session's period, else the one in publication).
    /// Stored as `on` (a frozen mode has a `period` of its own).
    #[serde(default, rename = "on", skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
}

/// A reveal in progress.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reveal {
    pub style: RevealStyle,
    /// Rank groups showing at `since`, counted from the bottom.
    #[serde(default)]
    pub shown: u32,
    /// When `shown` was written (RFC 3339).
    #[serde(alias = "started_at")]
    pub since: String,
    /// One more group every so many milliseconds after `since`; None: by key only.
    #[serde(default)]
    pub every_ms: Option<u32>,
}

/// How far a frozen ranking is revealed at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RevealProgress {
    /// No reveal started: the frozen ranking shows whole.
    NotStarted,
    /// `groups` of `of` rank groups show, from the bottom.
    Partial { groups: u32, of: u32 },
    /// Everything shows.
    Done,
}

impl Reveal {
    /// Rank groups showing at `now` out of `of`.
    pub fn groups_at(&self, now: DateTime<FixedOffset>, of: u32) -> u32 {
        if self.style == RevealStyle::All {
            return of;
        }
        let extra = match (self.every_ms, DateTime::parse_from_rfc3339(&self.since)) {
            (Some(every), Ok(t)) if every > 0 => {
                let ms = (now - t).num_milliseconds().max(0);
                u32::try_from(ms / i64::from(every)).unwrap_or(u32::MAX)
            }
            _ => 0,
        };
        self.shown.saturating_add(extra).min(of)
    }
}

/// How many rank groups (ties share one) a ranking has; rows are in rank order.
/// Key rows by (ranking, rank) so that the members' and the activists'
/// rankings never share a group.
pub fn rank_groups<K: PartialEq + Copy>(ranks: impl IntoIterator<Item = K>) -> u32 {
    let mut last = None;
    let mut n = 0;
    for r in ranks {
        if last != Some(r) {
            n += 1;
            last = Some(r);
        }
    }
    n
}

/// The reveal's progress over frozen `rows` at `now`.
pub fn reveal_progress(
    reveal: Option<&Reveal>,
    rows: &[FrozenRow],
    now: DateTime<FixedOffset>,
) -> RevealProgress {
    let Some(r) = reveal else {
        return RevealProgress::NotStarted;
    };
    let of = rank_groups(rows.iter().map(|x| (x.ranking, x.rank)));
    let groups = r.groups_at(now, of);
    if groups >= of {
        RevealProgress::Done
    } else {
        RevealProgress::Partial { groups, of }
    }
}

/// A member's statement as the room may see it: no reasons, notes, evidence or disputes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PublicStatement {
    pub name: String,
    pub period: String,
    pub rank: Option<u32>,
    pub score: Option<f64>,
    pub grade: Option<String>,
    pub stars: Option<u8>,
    /// Public items only: title and signed points.
    pub items: Vec<(String, f64)>,
    pub pending: usize,
}

fn now_at() -> DateTime<FixedOffset> {
    chrono::Local::now().fixed_offset()
}

impl Ledger {
    /// What the board shows now (live if nothing was chosen or the row is unreadable).
    pub fn board_mode(&self) -> Result<BoardMode> {
        Ok(self.board()?.mode)
    }

    /// The stored row: mode and the period the console chose.
    pub fn board(&self) -> Result<BoardState> {
        Ok(self
            .board_state()?
            .and_then(|s| serde_json::from_str(&s).ok())
            .unwrap_or_default())
    }

    /// Choose what the board shows, keeping the period it is on.
    pub fn set_board_mode(&mut self, mode: &BoardMode) -> Result<()> {
        let period = self.board()?.period;
        self.set_board(&BoardState {
            mode: mode.clone(),
            period,
        })
    }

    /// Choose what the board shows and on which period.
    pub fn set_board(&mut self, state: &BoardState) -> Result<()> {
        let s = serde_json::to_string(state).map_err(|e| super::CoreError::Damaged {
            what: format!("board state: {e}"),
        })?;
        self.set_board_state(&s)
    }

    /// The period the board shows: `pin` (from `board --period`), else the one
    /// the console put it on, else the session's, else the latest that met
    /// (locked, in publication, final), else the latest at all. Opening a new
    /// period never moves it.
    pub fn board_period(&self, pin: Option<PeriodId>) -> Result<Option<PeriodId>> {
        if pin.is_some() {
            return Ok(pin);
        }
        let ps = self.periods()?;
        let mut ids: Vec<(PeriodId, PeriodState)> = ps
            .iter()
            .filter_map(|p| p.id.parse().ok().map(|id| (id, p.state)))
            .collect();
        ids.sort_by_key(|(id, _)| *id);
        if let Some(chosen) = self.board()?.period.and_then(|p| p.parse().ok()) {
            if ids.iter().any(|(id, _)| *id == chosen) {
                return Ok(Some(chosen));
            }
        }
        let latest =
            |f: &dyn Fn(PeriodState) -> bool| ids.iter().rev().find(|(_, s)| f(*s)).map(|x| x.0);
        Ok(latest(&|s| s == PeriodState::InSession)
            .or_else(|| latest(&|s| s != PeriodState::Open))
            .or_else(|| ids.last().map(|x| x.0)))
    }

    /// Whether `p` has anything to rank: a claim in it, or (for schemes that
    /// count the year so far) in an earlier period of its year.
    pub fn period_has_data(&self, p: &PeriodId) -> Result<bool> {
        if self.progress(Some(p))?.claims > 0 {
            return Ok(true);
        }
        if self.scheme().window != crate::domain::scheme::Window::Ytd {
            return Ok(false);
        }
        for row in self.periods()? {
            if let Ok(q) = row.id.parse::<PeriodId>() {
                if q.year == p.year && q < *p && self.progress(Some(&q))?.claims > 0 {
                    return Ok(true);
                }
            }
        }
        Ok(false)
    }

    /// Freeze the current ranking of `p` on the board (and put the board on `p`).
    pub fn freeze_board(&mut self, p: &PeriodId) -> Result<()> {
        let r = self.ranking(&RankScope::Period(*p))?;
        let rows = r
            .rows
            .iter()
            .map(|x| FrozenRow {
                member_id: x.member_id,
                name: x.name.to_string(),
                rank: x.rank,
                score: x.score,
                grade: x.grade.as_deref().map(str::to_string),
                stars: x.stars,
                ranking: x.ranking,
                confirmation: x.confirmation,
            })
            .collect();
        self.set_board(&BoardState {
            mode: BoardMode::Frozen {
                at: super::now(),
                period: p.to_string(),
                rows,
                reveal: None,
            },
            period: Some(p.to_string()),
        })
    }

    /// Reveal a frozen ranking (freezing `p` first if nothing is frozen).
    /// `BottomUp` with `every_ms` None shows one more rank group per call;
    /// with a pace it runs by itself from where it is. A reveal in progress
    /// is never started over.
    pub fn reveal_board(
        &mut self,
        p: Option<&PeriodId>,
        style: RevealStyle,
        every_ms: Option<u32>,
    ) -> Result<()> {
        let state = self.board()?;
        let state = match (&state.mode, p) {
            (BoardMode::Frozen { .. }, _) => state,
            (_, Some(p)) => {
                self.freeze_board(p)?;
                self.board()?
            }
            (_, None) => return Ok(()),
        };
        let BoardMode::Frozen {
            at,
            period,
            rows,
            reveal,
        } = state.mode
        else {
            return Ok(());
        };
        let now = now_at();
        let of = rank_groups(rows.iter().map(|r| (r.ranking, r.rank)));
        let next = match (style, reveal) {
            (RevealStyle::All, _) => Reveal {
                style: RevealStyle::All,
                shown: of,
                since: super::now(),
                every_ms: None,
            },
            (RevealStyle::BottomUp, None) => Reveal {
                style,
                shown: u32::from(every_ms.is_none()).min(of),
                since: super::now(),
                every_ms,
            },
            (RevealStyle::BottomUp, Some(r)) => {
                let at_now = r.groups_at(now, of);
                Reveal {
                    style: r.style,
                    // A step adds one; choosing a pace keeps what shows.
                    shown: if every_ms.is_none() {
                        at_now.saturating_add(1).min(of)
                    } else {
                        at_now
                    },
                    since: super::now(),
                    every_ms: every_ms.or(r.every_ms),
                }
            }
        };
        self.set_board(&BoardState {
            mode: BoardMode::Frozen {
                at,
                period,
                rows,
                reveal: Some(next),
            },
            period: state.period,
        })
    }

    /// The member's statement reduced to what the room may see.
    pub fn public_statement(
        &self,
        member_id: i64,
        p: &PeriodId,
        zh: bool,
    ) -> Result<PublicStatement> {
        let s = self.statement(member_id, p, zh)?;
        let items = s
            .lines
            .iter()
            .filter(|l| l.public && l.claim.status.counts())
            .map(|l| {
                let sign = if l.kind == "deduction" { -1.0 } else { 1.0 };
                (l.title.clone(), sign * l.claim.points)
            })
            .collect();
        let pending = s
            .lines
            .iter()
            .filter(|l| l.claim.status == crate::domain::model::ClaimStatus::Pending)
            .count();
        Ok(PublicStatement {
            name: s.name,
            period: s.period,
            rank: s.row.as_ref().map(|r| r.rank),
            score: s.row.as_ref().map(|r| r.score),
            grade: s
                .row
                .as_ref()
                .and_then(|r| r.grade.as_deref().map(str::to_string)),
            stars: s.row.as_ref().and_then(|r| r.stars),
            items,
            pending,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).expect("time")
    }

    #[test]
    fn a_countdown_runs_from_one_minute_to_a_day_and_no_further() {
        let now = at("2026-12-20T09:00:00+00:00").with_timezone(&chrono::Utc);
        let mode = BoardMode::countdown(90, " 休会 ", now).expect("90 minutes");
        let BoardMode::Countdown { ends_at, label } = mode else {
            panic!("a countdown: {mode:?}");
        };
        assert_eq!(at(&ends_at), at("2026-12-20T10:30:00+00:00"));
        assert_eq!(label, "休会");
        assert!(BoardMode::countdown(MAX_COUNTDOWN_MINUTES, "", now).is_ok());
        // i64::MAX minutes made the console panic (the time overflowed).
        for bad in [0, -5, MAX_COUNTDOWN_MINUTES + 1, i64::MAX, i64::MIN] {
            match BoardMode::countdown(bad, "", now) {
                Err(crate::app::CoreError::OutOfRange {
                    field,
                    value,
                    min,
                    max,
                }) => {
                    assert_eq!((field, value, min, max), ("minutes", bad, 1, 1440));
                }
                other => panic!("{bad} minutes: {other:?}"),
            }
        }
    }

    #[test]
    fn old_rows_still_read() {
        let s: BoardState = serde_json::from_str(r#"{"mode":"live"}"#).expect("live");
        assert_eq!(s, BoardState::default());
        let s: BoardState =
            serde_json::from_str(r#"{"mode":"member","member_id":7,"on":"2026Q4"}"#)
                .expect("member");
        assert_eq!(s.mode, BoardMode::Member { member_id: 7 });
        assert_eq!(s.period.as_deref(), Some("2026Q4"));
    }

    #[test]
    fn a_frozen_state_round_trips() {
        let s = BoardState {
            mode: BoardMode::Frozen {
                at: "2026-12-20T09:30:00+08:00".into(),
                period: "2026Q4".into(),
                rows: vec![FrozenRow {
                    member_id: 1,
                    name: "欧阳娜娜".into(),
                    rank: 1,
                    score: 80.5,
                    grade: Some("qualified".into()),
                    stars: None,
                    ranking: crate::domain::model::RankGroup::Members,
                    confirmation: Some(ConfirmState::Disputed),
                }],
                reveal: Some(Reveal {
                    style: RevealStyle::BottomUp,
                    shown: 1,
                    since: "2026-12-20T09:31:00+08:00".into(),
                    every_ms: None,
                }),
            },
            period: Some("2026Q3".into()),
        };
        let text = serde_json::to_string(&s).expect("json");
        assert_eq!(serde_json::from_str::<BoardState>(&text).expect("back"), s);
    }

    #[test]
    fn the_count_round_trips_and_an_old_row_without_a_member_reads() {
        let s = BoardState {
            mode: BoardMode::Appraisal { member_id: Some(4) },
            period: Some("2026Q2".into()),
        };
        let text = serde_json::to_string(&s).expect("json");
        assert_eq!(serde_json::from_str::<BoardState>(&text).expect("back"), s);
        let bare: BoardState = serde_json::from_str(r#"{"mode":"appraisal"}"#).expect("bare");
        assert_eq!(bare.mode, BoardMode::Appraisal { member_id: None });
    }

    #[test]
    fn ties_are_one_group() {
        assert_eq!(rank_groups([1, 1, 3, 4, 4, 4, 7]), 4);
        assert_eq!(rank_groups::<u32>([]), 0);
        // All members tied at 1, then the activists' own first place.
        use crate::domain::model::RankGroup::{Activists, Members};
        assert_eq!(rank_groups([(Members, 1), (Members, 1), (Activists, 1)]), 2);
    }

    #[test]
    fn a_paced_reveal_counts_from_where_it_was() {
        let r = Reveal {
            style: RevealStyle::BottomUp,
            shown: 2,
            since: "2026-12-20T10:00:00+08:00".into(),
            every_ms: Some(1500),
        };
        assert_eq!(r.groups_at(at("2026-12-20T10:00:01+08:00"), 9), 2);
        assert_eq!(r.groups_at(at("2026-12-20T10:00:03+08:00"), 9), 4);
        assert_eq!(r.groups_at(at("2026-12-20T11:00:00+08:00"), 9), 9);
        let by_key = Reveal {
            every_ms: None,
            ..r
        };
        assert_eq!(by_key.groups_at(at("2026-12-20T11:00:00+08:00"), 9), 2);
    }
}
