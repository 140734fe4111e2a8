//! What the room display shows, chosen from the console and stored in the
//! small `board_state` row so the board needs no network.

use super::{Ledger, RankScope, Result};
use crate::model::PeriodId;
use serde::{Deserialize, Serialize};

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
    pub ranking: crate::model::RankGroup,
}

/// How a frozen ranking is revealed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RevealStyle {
    /// One row at a time from the bottom up.
    BottomUp,
    /// Everything at once.
    All,
}

/// What the board shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(tag = "mode", rename_all = "snake_case")]
pub enum BoardMode {
    /// The live ranking of the current period.
    #[default]
    Live,
    /// The member under review: public items and total.
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
}

/// A reveal in progress.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reveal {
    pub style: RevealStyle,
    pub started_at: String,
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

impl Ledger {
    /// What the board shows now (live if nothing was chosen or the row is unreadable).
    pub fn board_mode(&self) -> Result<BoardMode> {
        Ok(self
            .board_state()?
            .and_then(|s| serde_json::from_str(&s).ok())
            .unwrap_or_default())
    }

    /// Choose what the board shows.
    pub fn set_board_mode(&mut self, mode: &BoardMode) -> Result<()> {
        let s = serde_json::to_string(mode).map_err(|e| super::CoreError::User(e.to_string()))?;
        self.set_board_state(&s)
    }

    /// Freeze the current ranking of `p` on the board.
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
            })
            .collect();
        self.set_board_mode(&BoardMode::Frozen {
            at: super::now(),
            period: p.to_string(),
            rows,
            reveal: None,
        })
    }

    /// Start revealing a frozen ranking.
    pub fn reveal_board(&mut self, style: RevealStyle) -> Result<()> {
        if let BoardMode::Frozen {
            at, period, rows, ..
        } = self.board_mode()?
        {
            self.set_board_mode(&BoardMode::Frozen {
                at,
                period,
                rows,
                reveal: Some(Reveal {
                    style,
                    started_at: super::now(),
                }),
            })?;
        }
        Ok(())
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
            .filter(|l| l.claim.status == crate::model::ClaimStatus::Pending)
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
