//! Commands: validate, then journal. Every change goes through here.

use super::{ClaimError, CoreError, Ledger, MemberError, PeriodError, Result};
use crate::domain::model::{
    Category, ClaimSource, ClaimStatus, ConfirmState, MemberStatus, Outcome, PeriodId, PeriodKind,
    PeriodState,
};
use crate::domain::scheme::Cycle;
use crate::store::queries::{self, Numbered};
use crate::store::{Event, LockedTotal, NewClaim, NewMember};

/// Additions of up to this many claims are journalled as one event of whole
/// claims; larger ones as compact batches (either is undone as one action).
pub(crate) const UNDOABLE_CLAIMS: usize = 50;

/// A member to add.
#[derive(Debug, Clone)]
pub struct MemberDraft {
    pub name: String,
    pub category: Category,
    pub tier: Option<i64>,
    pub group: Option<String>,
    pub status: MemberStatus,
}

/// A claim as typed in (the console's form, `claim add`, a row of an import
/// file), not yet checked: the item may be a title, the level a Chinese name,
/// the text untrimmed. Its text is owned (`String`, the default) or borrowed
/// from an import file's cells (`&str`). Checking gives a
/// `store::claim_rows::Line`, stored as a `store::NewClaim`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClaimDraft<S = String> {
    pub member_id: i64,
    /// Item code or title (无偿献血).
    pub item: S,
    /// Level code or Chinese name (省级).
    pub level: Option<S>,
    pub count: i64,
    /// Points claimed, for items priced by the claim; `None` for the scheme's.
    pub points: Option<f64>,
    pub date: Option<S>,
    pub note: Option<S>,
    pub evidence: Option<S>,
    /// `None`: the current period.
    pub period: Option<S>,
    pub source: ClaimSource,
    /// Already decided (history): approved or rejected.
    pub verdict: Option<Outcome>,
    pub reason: Option<S>,
}

impl ClaimDraft<String> {
    /// The draft with its text borrowed, as the claim checker reads it.
    pub fn borrowed(&self) -> ClaimDraft<&str> {
        ClaimDraft {
            member_id: self.member_id,
            item: &self.item,
            level: self.level.as_deref(),
            count: self.count,
            points: self.points,
            date: self.date.as_deref(),
            note: self.note.as_deref(),
            evidence: self.evidence.as_deref(),
            period: self.period.as_deref(),
            source: self.source,
            verdict: self.verdict,
            reason: self.reason.as_deref(),
        }
    }

    /// A new pending claim with defaults.
    pub fn new(member_id: i64, item: &str) -> ClaimDraft {
        ClaimDraft {
            member_id,
            item: item.to_string(),
            level: None,
            count: 1,
            points: None,
            date: None,
            note: None,
            evidence: None,
            period: None,
            source: ClaimSource::Secretary,
            verdict: None,
            reason: None,
        }
    }
}

/// What a lock did.
#[derive(Debug, Clone)]
pub struct LockReport {
    pub period: String,
    pub seal: String,
    pub members: usize,
    pub unconfirmed: Vec<String>,
    /// Quotas that ties took over their count in the locked ranking.
    pub quota_notes: Vec<crate::domain::scoring::QuotaNote>,
}

fn clean(s: Option<String>) -> Option<String> {
    s.map(|v| v.trim().to_string()).filter(|v| !v.is_empty())
}

impl Ledger {
    /// Check a member draft; the error says what is wrong.
    /// The error names its field (`name`, `group`, `tier`), as an import names the column.
    pub fn check_member(&self, d: &MemberDraft) -> std::result::Result<(), MemberError> {
        if d.name.trim().is_empty() {
            return Err(MemberError::NameEmpty);
        }
        if d.name.chars().count() > 64 {
            return Err(MemberError::NameTooLong { max: 64 });
        }
        let typed = |s: &str| !s.chars().any(char::is_control);
        for (field, ok) in [
            ("name", typed(&d.name)),
            ("group", d.group.as_deref().is_none_or(typed)),
        ] {
            if !ok {
                return Err(MemberError::ControlChars { field });
            }
        }
        if let Some(t) = d.tier {
            let tiers = &self.scheme().tiers;
            // A scheme without tiers takes none (its list of tiers is empty).
            if !tiers.iter().any(|x| x.id == t) {
                return Err(MemberError::TierNotInScheme {
                    tier: t,
                    scheme: self.scheme().id.clone(),
                    tiers: tiers.iter().map(|x| x.id).collect(),
                });
            }
        }
        Ok(())
    }

    /// Add members in one event; returns their new ids.
    pub fn add_members(&mut self, drafts: &[MemberDraft]) -> Result<Vec<i64>> {
        self.write(|l| {
            for d in drafts {
                l.check_member(d)?;
            }
            let first = queries::next_id(l.conn(), Numbered::Member)?;
            let members: Vec<NewMember> = drafts
                .iter()
                .enumerate()
                .map(|(i, d)| NewMember {
                    id: first + i as i64,
                    name: d.name.trim().to_string(),
                    category: d.category,
                    tier: d.tier,
                    group: clean(d.group.clone()),
                    status: d.status,
                })
                .collect();
            let ids = members.iter().map(|m| m.id).collect();
            l.journal(&[Event::MembersAdd {
                branch_id: l.branch.id,
                members,
            }])?;
            Ok(ids)
        })
    }

    /// Change a member's name, category, tier, group or status; history stays with the id.
    pub fn update_member(&mut self, id: i64, d: &MemberDraft) -> Result<()> {
        self.write(|l| {
            l.check_member(d)?;
            if !l.members()?.iter().any(|m| m.id == id) {
                return Err(CoreError::NoMemberId(id));
            }
            l.journal(&[Event::MemberUpdate {
                member: NewMember {
                    id,
                    name: d.name.trim().to_string(),
                    category: d.category,
                    tier: d.tier,
                    group: clean(d.group.clone()),
                    status: d.status,
                },
            }])?;
            Ok(())
        })
    }

    /// Open a period for claims.
    pub fn open_period(&mut self, p: &str) -> Result<PeriodId> {
        self.write(|l| {
            let id: PeriodId = p.parse()?;
            let fits = matches!(
                (l.scheme().cycle, id.kind),
                (Cycle::Quarter, PeriodKind::Quarter(_)) | (Cycle::Half, PeriodKind::Half(_))
            );
            if !fits {
                return Err(PeriodError::WrongCycle {
                    scheme: l.scheme().id.clone(),
                    cycle: l.scheme().cycle,
                }
                .into());
            }
            if l.period_row(&id)?.is_some() {
                return Err(PeriodError::AlreadyOpen(id.to_string()).into());
            }
            l.journal(&[Event::PeriodOpen {
                branch_id: l.branch.id,
                period: id.to_string(),
            }])?;
            Ok(id)
        })
    }

    /// Mark a period as in session (the assembly has started).
    pub fn start_session(&mut self, p: &PeriodId) -> Result<()> {
        self.write(|l| {
            let row = l.writable_period(p)?;
            if row.state == PeriodState::InSession {
                return Ok(());
            }
            l.journal(&[Event::PeriodState {
                branch_id: l.branch.id,
                period: p.to_string(),
                state: PeriodState::InSession,
                window_end: None,
            }])?;
            Ok(())
        })
    }

    /// The period row, refusing periods that are locked or unknown.
    pub(crate) fn writable_period(&self, p: &PeriodId) -> Result<queries::PeriodRow> {
        writable(p, self.period_row(p)?)
    }

    /// Validate a claim draft into the ledger's form (id not yet given).
    pub fn check_claim(
        &self,
        d: &ClaimDraft,
        members: &[crate::domain::model::Member],
    ) -> Result<NewClaim> {
        let blank = |p: &Option<String>| p.as_deref().is_none_or(|p| p.trim().is_empty());
        let current = match blank(&d.period) {
            true => self.current_period()?,
            false => None,
        };
        Ok(
            super::claim_check::ClaimChecker::new(self.scheme(), members, current)
                .check(&d.borrowed())
                .map(|c| c.to_new_claim())?,
        )
    }

    /// Add one claim; returns its id.
    pub fn add_claim(&mut self, d: &ClaimDraft) -> Result<i64> {
        let members = self.members()?;
        let c = self.check_claim(d, &members)?;
        Ok(self.add_checked_claims(vec![c])?[0])
    }

    /// Add claims already checked with `check_claim`; returns their numbers.
    /// A large addition is journalled as compact batches.
    pub fn add_checked_claims(&mut self, claims: Vec<NewClaim>) -> Result<Vec<i64>> {
        if claims.len() > UNDOABLE_CLAIMS {
            let mut bulk = super::bulk::BulkClaims::default();
            for c in &claims {
                bulk.push_new(c)?;
            }
            return self.add_bulk(bulk);
        }
        self.add_few_claims(claims)
    }

    /// `add_checked_claims` of at most `UNDOABLE_CLAIMS` claims: one undoable event.
    fn add_few_claims(&mut self, mut claims: Vec<NewClaim>) -> Result<Vec<i64>> {
        self.write(|l| {
            let mut periods: Vec<String> = claims.iter().map(|c| c.period.clone()).collect();
            periods.sort();
            periods.dedup();
            for p in &periods {
                let id: PeriodId = p.parse()?;
                l.writable_period(&id)?;
            }
            let first = queries::next_id(l.conn(), Numbered::Claim)?;
            for (i, c) in claims.iter_mut().enumerate() {
                c.id = first + i as i64;
            }
            let ids = claims.iter().map(|c| c.id).collect();
            let branch_id = l.branch.id;
            l.journal(&[Event::ClaimsAdd { branch_id, claims }])?;
            Ok(ids)
        })
    }

    /// Record the committee's verdict on a claim.
    pub fn verdict(
        &mut self,
        claim_id: i64,
        outcome: Outcome,
        points: Option<f64>,
        reason: Option<&str>,
    ) -> Result<()> {
        self.write(|l| {
            let c = l.claim(claim_id)?;
            let p: PeriodId = c.period.parse()?;
            l.writable_period(&p)?;
            if c.status == ClaimStatus::Withdrawn {
                return Err(CoreError::ClaimWithdrawn(claim_id));
            }
            let reason = reason
                .map(str::trim)
                .filter(|r| !r.is_empty())
                .map(String::from);
            if let Some(p) = points {
                crate::domain::number::finite("points", p)?;
            }
            let new_points = match outcome {
                Outcome::Approved => {
                    if points.is_some_and(|p| (p - c.claimed).abs() > 1e-9) {
                        return Err(CoreError::ApproveChangesPoints);
                    }
                    c.claimed
                }
                Outcome::Adjusted => {
                    let p = points.ok_or(CoreError::AdjustNeedsPoints)?;
                    if reason.is_none() {
                        return Err(CoreError::ReasonNeeded(outcome));
                    }
                    let item = l
                        .scheme()
                        .check_adjusted(&c.item, p)
                        .map_err(ClaimError::from)?;
                    if let Some(max) = item.adjust_max(c.count).filter(|m| p > m + 1e-9) {
                        return Err(CoreError::AdjustOutOfBounds {
                            code: c.item.clone(),
                            item: item.title_in(true).to_string(),
                            points: p,
                            max,
                        });
                    }
                    p
                }
                Outcome::Rejected => {
                    if reason.is_none() {
                        return Err(CoreError::ReasonNeeded(outcome));
                    }
                    c.claimed
                }
            };
            let prev = Event::Verdict {
                claim: claim_id,
                status: c.status,
                points: c.points,
                reason: c.reason.clone(),
                by: l.actor.clone(),
                prev: None,
            };
            l.journal(&[Event::Verdict {
                claim: claim_id,
                status: outcome.status(),
                points: new_points,
                reason,
                by: l.actor.clone(),
                prev: Some(Box::new(prev)),
            }])?;
            Ok(())
        })
    }

    /// Approve every pending claim of a member in a period; returns how many.
    pub fn approve_all(&mut self, member_id: i64, period: &PeriodId) -> Result<usize> {
        self.write(|l| {
            let pending: Vec<_> = queries::claims(
                l.conn(),
                l.branch.id,
                Some(&period.to_string()),
                Some(member_id),
            )?
            .into_iter()
            .filter(|c| c.status == ClaimStatus::Pending)
            .collect();
            l.writable_period(period)?;
            let events: Vec<Event> = pending
                .iter()
                .map(|c| Event::Verdict {
                    claim: c.id,
                    status: ClaimStatus::Approved,
                    points: c.claimed,
                    reason: None,
                    by: l.actor.clone(),
                    prev: Some(Box::new(Event::Verdict {
                        claim: c.id,
                        status: ClaimStatus::Pending,
                        points: c.points,
                        reason: None,
                        by: l.actor.clone(),
                        prev: None,
                    })),
                })
                .collect();
            l.journal(&events)?;
            Ok(pending.len())
        })
    }

    /// Record a member's confirmation of their statement, or a dispute with their words.
    pub fn confirm(
        &mut self,
        member_id: i64,
        period: &PeriodId,
        dispute: Option<&str>,
    ) -> Result<()> {
        self.write(|l| {
            l.writable_period(period)?;
            let p = period.to_string();
            let pending = queries::pending_count(l.conn(), l.branch.id, &p, member_id)?;
            if pending > 0 {
                let member = l.find_member(&member_id.to_string())?.name.to_string();
                return Err(CoreError::PendingClaims {
                    member,
                    period: p,
                    pending,
                });
            }
            let before = queries::confirmations(l.conn(), l.branch.id, &p)?.remove(&member_id);
            let (state, text) = match dispute.map(str::trim) {
                Some("") => return Err(CoreError::DisputeNeedsWords),
                Some(t) => (ConfirmState::Disputed, Some(t.to_string())),
                None => (ConfirmState::Confirmed, None),
            };
            let prev = Event::Confirm {
                branch_id: l.branch.id,
                period: p.clone(),
                member_id,
                state: before.as_ref().map(|b| b.0),
                text: before.and_then(|b| b.1),
                prev: None,
            };
            l.journal(&[Event::Confirm {
                branch_id: l.branch.id,
                period: p,
                member_id,
                state: Some(state),
                text,
                prev: Some(Box::new(prev)),
            }])?;
            Ok(())
        })
    }

    /// Record a yearly or period follow-up action as done.
    pub fn follow_up_done(
        &mut self,
        scope: &str,
        member_id: i64,
        action: &str,
        note: Option<&str>,
    ) -> Result<()> {
        self.write(|l| {
            if l.scheme().action(action).is_none() {
                return Err(CoreError::UnknownAction {
                    scheme: l.scheme().id.clone(),
                    action: action.to_string(),
                });
            }
            l.journal(&[Event::FollowUpDone {
                branch_id: l.branch.id,
                scope: scope.to_string(),
                member_id,
                action: action.to_string(),
                note: note.map(String::from),
            }])?;
            Ok(())
        })
    }

    /// Set a branch setting (keys and values in `settings`), its value checked.
    pub fn set_setting(&mut self, key: &str, value: serde_json::Value) -> Result<()> {
        self.write(|l| {
            if let Some(n) = super::settings::not_finite(key, &value) {
                return Err(n.into());
            }
            super::settings::check(key, &value)?;
            l.journal(&[Event::SettingSet {
                branch_id: l.branch.id,
                key: key.to_string(),
                value: value.clone(),
            }])?;
            if let Some(obj) = l.branch.settings.as_object_mut() {
                obj.insert(key.to_string(), value);
            } else {
                l.branch.settings = serde_json::json!({ key: value });
            }
            Ok(())
        })
    }

    /// Seal a period: refuses while claims are undecided; records the totals
    /// and who has not confirmed. Returns the seal.
    pub fn lock(&mut self, period: &PeriodId) -> Result<LockReport> {
        self.write(|l| {
            l.writable_period(period)?;
            l.refuse_open_appraisal(period)?;
            let p = period.to_string();
            let pending: Vec<_> = queries::claims(l.conn(), l.branch.id, Some(&p), None)?
                .into_iter()
                .filter(|c| c.status == ClaimStatus::Pending)
                .collect();
            if !pending.is_empty() {
                let list: Vec<(i64, String, String)> = pending
                    .iter()
                    .take(10)
                    .map(|c| (c.id, c.member.to_string(), c.item.to_string()))
                    .collect();
                return Err(PeriodError::Undecided {
                    period: p,
                    count: pending.len(),
                    claims: list,
                }
                .into());
            }
            // After the verdicts: a late one may be what moved the points.
            l.refuse_year_grade_faults(period)?;
            if l.backups {
                crate::app::backup::auto_backup(l, "lock")?;
            }
            let ranking = l.ranking(&super::RankScope::Period(*period))?;
            let confirmations = queries::confirmations(l.conn(), l.branch.id, &p)?;
            let totals: Vec<LockedTotal> = ranking
                .rows
                .iter()
                .map(|r| LockedTotal {
                    member_id: r.member_id,
                    score: r.score,
                    rank: r.rank,
                    grade: r.grade.as_deref().map(str::to_string),
                    stars: r.stars,
                    confirmed: confirmations.contains_key(&r.member_id),
                })
                .collect();
            let unconfirmed: Vec<i64> = totals
                .iter()
                .filter(|t| !t.confirmed)
                .map(|t| t.member_id)
                .collect();
            let names: Vec<String> = ranking
                .rows
                .iter()
                .filter(|r| !confirmations.contains_key(&r.member_id))
                .map(|r| r.name.to_string())
                .collect();
            let (_, head) = crate::store::journal::head(l.conn())?;
            let members = totals.len();
            let res = l.journal(&[Event::Lock {
                branch_id: l.branch.id,
                period: p.clone(),
                head,
                totals,
                unconfirmed,
            }])?;
            let seal = crate::store::seal_of(&res[0].1);
            Ok(LockReport {
                period: p,
                seal,
                members,
                unconfirmed: names,
                quota_notes: ranking.quota_notes,
            })
        })
    }
}

/// `p`'s row (`row`, as read) when claims may be written to it: refused when
/// it was never opened or is sealed.
pub(crate) fn writable(
    p: &PeriodId,
    row: Option<queries::PeriodRow>,
) -> Result<queries::PeriodRow> {
    match row {
        None => Err(CoreError::PeriodNotOpen(p.to_string())),
        Some(r) if r.state.is_sealed() => Err(CoreError::PeriodClosed {
            period: p.to_string(),
            state: r.state,
        }),
        Some(r) => Ok(r),
    }
}
