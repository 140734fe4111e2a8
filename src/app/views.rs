//! Queries: view models (plain rows and totals) that the console, the board
//! and the CLI draw.

use super::{CoreError, Ledger, Result};
use crate::domain::model::{
    Attendance, Category, Claim, ClaimStatus, ConfirmState, Member, MemberStatus, PeriodId,
    PeriodState, RankGroup, ShortText,
};
use crate::domain::scheme::{Direction, Scheme};
use crate::domain::scoring::{self, Entrant, QuotaNote, Scope, Tally};
use crate::store::{self, queries};
use serde::Serialize;
use std::collections::HashMap;

/// What a ranking covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RankScope {
    Period(PeriodId),
    Year(i32),
}

impl std::fmt::Display for RankScope {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RankScope::Period(p) => write!(f, "{p}"),
            RankScope::Year(y) => write!(f, "{y}"),
        }
    }
}

/// One member's line in a ranking (read back from a filing too).
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct RankRow {
    pub member_id: i64,
    #[serde(rename = "member")]
    pub name: ShortText,
    pub category: Category,
    /// The ranking the member is placed in: `members` (full and
    /// probationary) or `activists`; rank and quotas count within it.
    pub ranking: RankGroup,
    pub group: Option<ShortText>,
    pub score: f64,
    pub rank: u32,
    pub grade: Option<ShortText>,
    pub stars: Option<u8>,
    pub actions: Vec<String>,
    /// Claims still waiting for a verdict.
    pub pending: usize,
    /// Confirmed, disputed, or none yet.
    pub confirmation: Option<ConfirmState>,
    /// Period scores side by side (year rankings).
    pub period_scores: Vec<Option<f64>>,
}

impl RankRow {
    /// Whether the member has not yet signed off (shown as provisional).
    pub fn provisional(&self) -> bool {
        self.confirmation.is_none()
    }
}

/// A whole ranking with its context.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ranking {
    pub scope: String,
    pub lower_is_better: bool,
    /// Period ids of a year ranking's columns.
    pub periods: Vec<String>,
    pub state: Option<PeriodState>,
    pub seal: Option<String>,
    /// Members first, then activists, each ranked apart.
    pub rows: Vec<RankRow>,
    /// Quotas that ties took over their count, for the branch to decide.
    pub quota_notes: Vec<QuotaNote>,
}

impl Ranking {
    /// The rows of one ranking group, in order.
    pub fn rows_of(&self, group: RankGroup) -> impl Iterator<Item = &RankRow> {
        self.rows.iter().filter(move |r| r.ranking == group)
    }

    /// The ranking groups that have rows, in order.
    pub fn groups(&self) -> Vec<RankGroup> {
        RankGroup::ALL
            .into_iter()
            .filter(|g| self.rows.iter().any(|r| r.ranking == *g))
            .collect()
    }
}

/// One line of a member's statement.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatementLine {
    pub claim: Claim,
    pub title: String,
    pub kind: String,
    pub public: bool,
}

/// A member's statement for a period: every item, total, rank, grade or stars.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Statement {
    pub member_id: i64,
    pub name: String,
    pub period: String,
    pub lines: Vec<StatementLine>,
    pub row: Option<RankRow>,
    pub members_ranked: usize,
    /// The member's signature: none yet (or voided by a later change), confirmed or disputed.
    pub confirmation: Option<ConfirmState>,
    /// Points for redemption through the period: `earned`, `spent`, `balance`.
    #[serde(flatten)]
    pub redemption: crate::domain::redemption::Balance,
}

/// Filter for claim lists.
#[derive(Debug, Clone, Default)]
pub struct ClaimFilter {
    pub period: Option<String>,
    pub member: Option<i64>,
    pub pending_only: bool,
    pub decided_only: bool,
}

/// Where the meeting stands, for the overview.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct MeetingProgress {
    pub period: Option<String>,
    pub state: Option<PeriodState>,
    pub members: usize,
    pub scored: usize,
    pub exempt: usize,
    pub roll_marked: usize,
    pub present: usize,
    pub claims: usize,
    pub pending: usize,
    pub decided: usize,
    pub confirmed: usize,
    pub disputed: usize,
    pub seal: Option<String>,
}

impl Ledger {
    /// The scheme with the branch's own settings laid over it.
    fn effective_scheme(&self) -> Scheme {
        let mut s = self.scheme().clone();
        super::settings::apply(&mut s, &self.branch.settings);
        s
    }

    /// Periods that exist in the branch, in order.
    fn held_periods(&self) -> Result<Vec<PeriodId>> {
        super::totals::held_periods(self.conn(), self.branch.id)
    }

    /// Ranking of a period or a year, all categories.
    pub fn ranking(&self, scope: &RankScope) -> Result<Ranking> {
        self.ranking_of(scope, None)
    }

    /// Ranking of a period or year, optionally showing one member category:
    /// a category is shown with the places it holds in its ranking group
    /// (full and probationary members ranked together, activists apart).
    pub fn ranking_of(&self, scope: &RankScope, category: Option<Category>) -> Result<Ranking> {
        let mut r = self.ranking_all(scope)?;
        if let Some(c) = category {
            r.rows.retain(|row| row.category == c);
            r.quota_notes.retain(|n| n.group == c.rank_group());
        }
        Ok(r)
    }

    /// Ranking of a period or year, every category in its ranking group.
    fn ranking_all(&self, scope: &RankScope) -> Result<Ranking> {
        let scheme = self.effective_scheme();
        let roster = self.roster()?;
        // Scored members and their places in name order (for ties).
        let (members, places): (Vec<&Member>, Vec<u32>) = roster
            .iter()
            .enumerate()
            .filter(|(_, m)| m.status == MemberStatus::Active)
            .map(|(i, m)| (m, roster.name_place(i)))
            .unzip();
        let held = self.held_periods()?;
        let mut period_scores: HashMap<i64, Vec<Option<f64>>> = HashMap::new();
        let mut inputs: Option<std::sync::Arc<super::period_cache::PeriodInputs>> = None;
        let mut scored: Vec<scoring::Breakdown> = Vec::new();
        let mut grade_history: HashMap<i64, Vec<Option<String>>> = HashMap::new();
        let mut stars_by: HashMap<i64, Vec<Option<u8>>> = HashMap::new();
        let (breakdowns, periods, state, seal, focus) = match scope {
            RankScope::Period(p) => {
                let Some(row) = self.period_row(p)? else {
                    return Err(super::PeriodError::NoSuchPeriod(p.to_string()).into());
                };
                grade_history = self.grade_histories(&scheme, p, &held, &members)?;
                if self.totals_kept() {
                    inputs = Some(self.period_inputs(&p.to_string())?);
                }
                let kept = inputs.as_deref().map(|i| i.scores.as_slice());
                let breakdowns =
                    self.period_breakdowns(&scheme, p, &held, &members, kept, &mut scored)?;
                (
                    breakdowns,
                    Vec::new(),
                    Some(row.state),
                    row.seal,
                    Some(p.to_string()),
                )
            }
            RankScope::Year(y) => {
                let in_year: Vec<PeriodId> =
                    held.iter().filter(|p| p.year == *y).copied().collect();
                if in_year.is_empty() {
                    // A year with no data has no ranking: a grade needs a score.
                    return Ok(Ranking {
                        scope: scope.to_string(),
                        lower_is_better: scheme.direction == Direction::Lower,
                        periods: Vec::new(),
                        state: None,
                        seal: None,
                        rows: Vec::new(),
                        quota_notes: Vec::new(),
                    });
                }
                let mut t = self.load_tallies(&in_year)?;
                let needs_stars = scheme
                    .grades
                    .iter()
                    .any(|g| g.all_periods_min_stars.is_some());
                if needs_stars {
                    for p in &in_year {
                        let r = self.ranking_all(&RankScope::Period(*p))?;
                        for row in r.rows {
                            stars_by.entry(row.member_id).or_default().push(row.stars);
                        }
                    }
                }
                // Each period's window, as positions in `in_year`.
                let windows: Vec<Vec<usize>> = in_year
                    .iter()
                    .map(|p| {
                        let w = super::totals::window_of(&scheme, p, &in_year);
                        (0..in_year.len())
                            .filter(|k| w.contains(&in_year[*k]))
                            .collect()
                    })
                    .collect();
                for m in &members {
                    let per: Vec<Vec<Tally>> = (0..in_year.len())
                        .map(|k| t[k].remove(&m.id).unwrap_or_default())
                        .collect();
                    // Each period's own score, side by side (from the same tallies).
                    let scores = (0..per.len())
                        .map(|k| {
                            let window: Vec<&[Tally]> =
                                windows[k].iter().map(|j| per[*j].as_slice()).collect();
                            Some(
                                scoring::score_window(&scheme, m.tier, &scoring::merge(&window))
                                    .total,
                            )
                        })
                        .collect();
                    period_scores.insert(m.id, scores);
                    scored.push(scoring::score_year(&scheme, m.tier, &per));
                }
                (
                    scored.iter().collect(),
                    in_year.iter().map(|p| p.to_string()).collect(),
                    None,
                    None,
                    None,
                )
            }
        };
        // Inside a tie, members are shown by name, then id (documented rule).
        let entrants: Vec<Entrant> = members
            .iter()
            .zip(breakdowns)
            .zip(&places)
            .map(|((m, breakdown), place)| Entrant {
                member_id: m.id,
                category: m.category,
                breakdown,
                period_stars: take_or_default(&mut stars_by, m.id),
                grade_history: take_or_default(&mut grade_history, m.id),
                tie_break: *place,
            })
            .collect();
        let outcome = scoring::rank_with_notes(
            &scheme,
            &entrants,
            match scope {
                RankScope::Period(_) => Scope::Period,
                RankScope::Year(_) => Scope::Year,
            },
        );
        // From the cached inputs when the period's ranking used them.
        let (read_pending, read_confirmations);
        let (pending, confirmations) = match (&focus, inputs.as_deref()) {
            (Some(_), Some(i)) => (&i.pending, &i.confirmations),
            (Some(p), None) => {
                read_pending = queries::pending_counts(self.conn(), self.branch.id, p)?;
                read_confirmations = queries::confirmations(self.conn(), self.branch.id, p)?;
                (&read_pending, &read_confirmations)
            }
            (None, _) => {
                read_pending = HashMap::new();
                read_confirmations = HashMap::new();
                (&read_pending, &read_confirmations)
            }
        };
        let rows: Vec<RankRow> = outcome
            .standings
            .iter()
            .filter_map(|s| {
                let m = members.get(s.entrant)?;
                Some(RankRow {
                    member_id: s.member_id,
                    name: m.name.clone(),
                    category: m.category,
                    ranking: s.group,
                    group: m.group.clone(),
                    score: s.score,
                    rank: s.rank,
                    grade: s.grade.map(ShortText::from),
                    stars: s.stars,
                    actions: s.actions.iter().map(|a| a.to_string()).collect(),
                    pending: pending.get(&s.member_id).copied().unwrap_or(0),
                    confirmation: confirmations.get(&s.member_id).map(|c| c.0),
                    period_scores: take_or_default(&mut period_scores, s.member_id),
                })
            })
            .collect();
        Ok(Ranking {
            scope: scope.to_string(),
            lower_is_better: scheme.direction == Direction::Lower,
            periods,
            state,
            seal,
            rows,
            quota_notes: outcome.notes,
        })
    }

    /// Each member's score in period `p`: borrowed from the kept totals when
    /// they are up to date, else scored from the window's tallies into `scored`.
    fn period_breakdowns<'k>(
        &self,
        scheme: &Scheme,
        p: &PeriodId,
        held: &[PeriodId],
        members: &[&Member],
        kept: Option<&'k [(i64, scoring::Breakdown)]>,
        scored: &'k mut Vec<scoring::Breakdown>,
    ) -> Result<Vec<&'k scoring::Breakdown>> {
        // A member without entries has the base score of their tier.
        let mut tiers: Vec<Option<i64>> = members.iter().map(|m| m.tier).collect();
        tiers.sort_unstable();
        tiers.dedup();
        let base: Vec<scoring::Breakdown> = tiers
            .iter()
            .map(|t| scoring::score_window(scheme, *t, &[]))
            .collect();
        let base_of = |t: Option<i64>| &base[tiers.binary_search(&t).unwrap_or(0)];
        if let Some(kept) = kept {
            let picked = kept_of(members, kept);
            scored.extend(base);
            let base: &'k [scoring::Breakdown] = scored;
            let base_of = |t: Option<i64>| &base[tiers.binary_search(&t).unwrap_or(0)];
            return Ok(members
                .iter()
                .zip(picked)
                .map(|(m, b)| b.unwrap_or_else(|| base_of(m.tier)))
                .collect());
        }
        if self.totals_kept() {
            // Read for this call only: keep owned copies in `scored`.
            let read = store::totals::period_scores(self.conn(), self.branch.id, &p.to_string())?;
            let owned: Vec<scoring::Breakdown> = members
                .iter()
                .zip(kept_of(members, &read))
                .map(|(m, b)| b.unwrap_or_else(|| base_of(m.tier)).clone())
                .collect();
            scored.extend(owned);
            let scored: &'k [scoring::Breakdown] = scored;
            return Ok(scored.iter().collect());
        }
        let window = super::totals::window_of(scheme, p, held);
        let t = self.load_tallies(&window)?;
        scored.extend(
            members.iter().map(|m| {
                scoring::score_window(scheme, m.tier, &super::totals::merged_of(&t, m.id))
            }),
        );
        let scored: &'k [scoring::Breakdown] = scored;
        Ok(scored.iter().collect())
    }

    /// Tallies of each period in `periods` (same order), by member.
    fn load_tallies(&self, periods: &[PeriodId]) -> Result<Vec<HashMap<i64, Vec<Tally>>>> {
        let ids: Vec<String> = periods.iter().map(|p| p.to_string()).collect();
        super::totals::window_tallies(self.conn(), self.branch.id, &ids, self.corrections)
    }

    /// Grades of each member in the periods before `p`, for repeat rules.
    fn grade_histories(
        &self,
        scheme: &Scheme,
        p: &PeriodId,
        held: &[PeriodId],
        members: &[&Member],
    ) -> Result<HashMap<i64, Vec<Option<String>>>> {
        let mut out: HashMap<i64, Vec<Option<String>>> = HashMap::new();
        if !scheme.actions.iter().any(|a| a.repeat.is_some()) {
            return Ok(out);
        }
        for q in held.iter().filter(|q| *q < p) {
            let mut scored = Vec::new();
            let breakdowns = self.period_breakdowns(scheme, q, held, members, None, &mut scored)?;
            let entrants: Vec<Entrant> = members
                .iter()
                .zip(breakdowns)
                .map(|(m, breakdown)| Entrant {
                    member_id: m.id,
                    category: m.category,
                    breakdown,
                    period_stars: Vec::new(),
                    grade_history: Vec::new(),
                    tie_break: 0,
                })
                .collect();
            for s in scoring::rank(scheme, &entrants, Scope::Period) {
                out.entry(s.member_id)
                    .or_default()
                    .push(s.grade.map(str::to_string));
            }
        }
        Ok(out)
    }

    /// Claims by filter.
    pub fn claims(&self, f: &ClaimFilter) -> Result<Vec<Claim>> {
        let v = queries::claims(self.conn(), self.branch.id, f.period.as_deref(), f.member)?;
        Ok(v.into_iter()
            .filter(|c| !f.pending_only || c.status == ClaimStatus::Pending)
            .filter(|c| !f.decided_only || (c.status != ClaimStatus::Pending))
            .collect())
    }

    /// A member's statement for a period.
    pub fn statement(&self, member_id: i64, p: &PeriodId, zh: bool) -> Result<Statement> {
        let m = self
            .members()?
            .into_iter()
            .find(|m| m.id == member_id)
            .ok_or(CoreError::NoMemberId(member_id))?;
        let claims = queries::claims(
            self.conn(),
            self.branch.id,
            Some(&p.to_string()),
            Some(member_id),
        )?;
        let lines = claims
            .into_iter()
            .map(|c| {
                let item = self.scheme().item(&c.item);
                StatementLine {
                    title: item
                        .map(|i| i.title_in(zh).to_string())
                        .unwrap_or_else(|| c.item.clone()),
                    kind: item.map(|i| i.kind.code().to_string()).unwrap_or_default(),
                    public: item.is_some_and(|i| i.public),
                    claim: c,
                }
            })
            .collect();
        let ranking = self.ranking(&RankScope::Period(*p))?;
        let row = ranking
            .rows
            .iter()
            .find(|r| r.member_id == member_id)
            .cloned();
        // Ranked among the member's own ranking group.
        let n = row
            .as_ref()
            .map_or(0, |r| ranking.rows_of(r.ranking).count());
        Ok(Statement {
            member_id,
            name: m.name.to_string(),
            period: p.to_string(),
            lines,
            confirmation: row.as_ref().and_then(|r| r.confirmation),
            row,
            members_ranked: n,
            redemption: self.balance_of(member_id, Some(p))?,
        })
    }

    /// Counts for the overview of a period.
    pub fn progress(&self, p: Option<&PeriodId>) -> Result<MeetingProgress> {
        let members = self.roster()?;
        let mut out = MeetingProgress {
            members: members.len(),
            scored: members
                .iter()
                .filter(|m| m.status == MemberStatus::Active)
                .count(),
            exempt: members
                .iter()
                .filter(|m| m.status == MemberStatus::Exempt)
                .count(),
            ..Default::default()
        };
        let Some(p) = p else { return Ok(out) };
        let ps = p.to_string();
        if let Some(r) = self.period_row(p)? {
            out.state = Some(r.state);
            out.seal = r.seal;
        }
        out.period = Some(ps.clone());
        let (claims, pending) = queries::claim_counts(self.conn(), self.branch.id, &ps)?;
        out.claims = claims;
        out.pending = pending;
        out.decided = out.claims - out.pending;
        let conf = queries::confirmations(self.conn(), self.branch.id, &ps)?;
        out.confirmed = conf
            .values()
            .filter(|c| c.0 == ConfirmState::Confirmed)
            .count();
        out.disputed = conf
            .values()
            .filter(|c| c.0 == ConfirmState::Disputed)
            .count();
        let att = queries::attendance(self.conn(), self.branch.id, &ps)?;
        out.roll_marked = att.len();
        out.present = att.values().filter(|m| **m == Attendance::Present).count();
        Ok(out)
    }

    /// Attendance marks of a period by member.
    pub fn attendance(&self, p: &PeriodId) -> Result<HashMap<i64, Attendance>> {
        Ok(queries::attendance(
            self.conn(),
            self.branch.id,
            &p.to_string(),
        )?)
    }
}

/// The member's entry of a side table, or an empty list (without hashing
/// when the table is empty, as it is for most rankings).
fn take_or_default<T>(table: &mut HashMap<i64, Vec<T>>, member: i64) -> Vec<T> {
    if table.is_empty() {
        return Vec::new();
    }
    table.remove(&member).unwrap_or_default()
}

/// Each member's kept score, if any: members and kept rows are both in id
/// order, so one walk side by side finds them all.
fn kept_of<'a>(
    members: &[&Member],
    kept: &'a [(i64, scoring::Breakdown)],
) -> Vec<Option<&'a scoring::Breakdown>> {
    let mut kept = kept.iter().peekable();
    members
        .iter()
        .map(|m| {
            while kept.next_if(|(id, _)| *id < m.id).is_some() {}
            kept.next_if(|(id, _)| *id == m.id).map(|(_, b)| b)
        })
        .collect()
}
