//! What the board reads from the core on each change: plain data, no SQL here.

use crate::app::board_state::{BoardMode, FrozenRow, PublicStatement};
use crate::app::{Ledger, RankRow, RankScope, Result};
use crate::domain::model::PeriodState;
use crate::domain::model::{ConfirmState, PeriodId};
use crate::domain::scheme::{GradesOn, Scheme};

/// A member's sign-off as the room sees it: three marks, never a dispute's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Signed {
    /// Not yet signed: the score may still change.
    #[default]
    NotYet,
    Confirmed,
    Disputed,
}

impl From<Option<ConfirmState>> for Signed {
    fn from(c: Option<ConfirmState>) -> Signed {
        match c {
            None => Signed::NotYet,
            Some(ConfirmState::Confirmed) => Signed::Confirmed,
            Some(ConfirmState::Disputed) => Signed::Disputed,
        }
    }
}

impl Signed {
    /// The word the room reads for this sign-off.
    pub fn word(self, l: &crate::i18n::BoardWords) -> &'static str {
        match self {
            Signed::Confirmed => l.signed_yes,
            Signed::Disputed => l.signed_disputed,
            Signed::NotYet => l.signed_not_yet,
        }
    }
}

/// One ranking line as the room may see it: names and numbers only.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub member_id: i64,
    pub rank: u32,
    pub name: String,
    pub score: f64,
    /// Stars or grade words, empty when the scheme has neither.
    pub mark: String,
    pub signed: Signed,
    /// The ranking the member is placed in (members, activists).
    pub group: crate::domain::model::RankGroup,
}

/// Everything the board draws, read in one go.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Snapshot {
    pub branch: String,
    pub period: Option<String>,
    pub state: Option<PeriodState>,
    pub seal: Option<String>,
    pub lower_is_better: bool,
    /// Demerit thresholds: (points, action words), lowest first.
    pub thresholds: Vec<(f64, String)>,
    /// The period's grades are a projection (the scheme grades the year only).
    pub grade_projected: bool,
    /// Whether the period has anything to rank (a claim in scope).
    pub has_data: bool,
    pub rows: Vec<Row>,
    pub mode: BoardMode,
    /// Frozen rows (when the mode is frozen).
    pub frozen: Vec<Row>,
    /// The member under review (when the mode is member).
    pub member: Option<PublicStatement>,
    /// The appraisal of the period (when the mode is the count).
    pub appraisal: Option<crate::app::appraisal_view::AppraisalView>,
}

/// Read a snapshot through the core; `pin` fixes the period.
pub fn fetch(ledger: &Ledger, zh: bool, pin: Option<PeriodId>) -> Result<Snapshot> {
    let scheme = ledger.scheme();
    let lower_is_better = scheme.direction == crate::domain::scheme::Direction::Lower;
    let mut mode = ledger.board_mode()?;
    // A board pinned to a period shows no frozen copy of another one.
    if let (Some(pin), BoardMode::Frozen { period, .. }) = (pin, &mode) {
        if *period != pin.to_string() {
            mode = BoardMode::Live;
        }
    }
    let mut snap = Snapshot {
        branch: ledger.branch().name.clone(),
        lower_is_better,
        thresholds: thresholds(scheme, zh, lower_is_better),
        mode,
        ..Snapshot::default()
    };
    // A frozen copy names its own period; otherwise the board's period.
    let p = match &snap.mode {
        BoardMode::Frozen { period, .. } => period.parse().ok(),
        _ => None,
    };
    let Some(p) = p.or(ledger.board_period(pin)?) else {
        return Ok(snap);
    };
    snap.period = Some(p.to_string());
    snap.grade_projected =
        scheme.grades_on == GradesOn::Year && p.kind != crate::domain::model::PeriodKind::Year;
    let Ok(ranking) = ledger.ranking(&RankScope::Period(p)) else {
        // A pinned period that does not exist: nothing to show.
        return Ok(snap);
    };
    snap.has_data = ledger.period_has_data(&p)?;
    snap.state = ranking.state;
    snap.seal = ranking.seal.clone();
    snap.lower_is_better = ranking.lower_is_better;
    snap.rows = ranking
        .rows
        .iter()
        .map(|r| live_row(r, scheme, zh))
        .collect();
    match &snap.mode {
        BoardMode::Frozen { rows, .. } => {
            snap.frozen = rows.iter().map(|r| frozen_row(r, scheme, zh)).collect();
        }
        BoardMode::Member { member_id } => {
            snap.member = ledger.public_statement(*member_id, &p, zh).ok();
        }
        BoardMode::Appraisal { .. } => snap.appraisal = ledger.appraisal_view(&p).ok(),
        _ => {}
    }
    Ok(snap)
}

/// Stars or grade words.
pub fn mark(scheme: &Scheme, grade: Option<&str>, stars: Option<u8>, zh: bool) -> String {
    let l = crate::i18n::Lang::of_zh(zh).words().board;
    match (stars, grade) {
        (Some(n), _) => (l.stars)(n),
        (None, Some(key)) => scheme
            .grade(key)
            .map(|g| g.name_in(zh).to_string())
            .unwrap_or_else(|| key.to_string()),
        (None, None) => String::new(),
    }
}

fn live_row(r: &RankRow, scheme: &Scheme, zh: bool) -> Row {
    Row {
        member_id: r.member_id,
        rank: r.rank,
        name: r.name.to_string(),
        score: r.score,
        mark: mark(scheme, r.grade.as_deref(), r.stars, zh),
        signed: r.confirmation.into(),
        group: r.ranking,
    }
}

fn frozen_row(r: &FrozenRow, scheme: &Scheme, zh: bool) -> Row {
    Row {
        member_id: r.member_id,
        rank: r.rank,
        name: r.name.to_string(),
        score: r.score,
        mark: mark(scheme, r.grade.as_deref(), r.stars, zh),
        signed: r.confirmation.into(),
        group: r.ranking,
    }
}

fn thresholds(scheme: &Scheme, zh: bool, lower_is_better: bool) -> Vec<(f64, String)> {
    if !lower_is_better {
        return Vec::new();
    }
    let mut t: Vec<(f64, String)> = scheme
        .actions
        .iter()
        .filter(|a| a.item.is_none() && a.repeat.is_none())
        .filter_map(|a| a.min.map(|m| (m, a.name_in(zh).to_string())))
        // Whole-point thresholds only (0.01 'any demerit at all' is not a line to show).
        .filter(|(m, _)| *m >= 1.0)
        .collect();
    t.sort_by(|a, b| a.0.total_cmp(&b.0));
    t.dedup_by(|a, b| a.0 == b.0);
    t
}
