//! Journal events: every change to the ledger is one of these.

use crate::domain::model::{
    AppealOutcome, Attendance, Category, ClaimSource, ClaimStatus, ConfirmState, MemberStatus,
    PeriodState as State,
};
use serde::{Deserialize, Serialize};

/// A checked claim as the ledger stores and journals it (in `claims_add`
/// events, and as the lines of `claims_batch`): owned and numbered. It is
/// [`claim_rows::Line`](super::claim_rows::Line) owned; the claim as read
/// back, with its verdict, is `domain::model::Claim`, whose fields of the
/// same name mean the same.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewClaim {
    pub id: i64,
    pub member_id: i64,
    pub period: String,
    pub item: String,
    pub level: Option<String>,
    pub count: i64,
    /// Points claimed (positive magnitude; the item's kind gives the sign).
    /// Journalled as `points`.
    #[serde(rename = "points")]
    pub claimed: f64,
    pub date: Option<String>,
    pub note: Option<String>,
    pub evidence: Option<String>,
    pub source: ClaimSource,
    /// Already decided (imports of history): `approved` or `rejected`.
    #[serde(default)]
    pub verdict: Option<ClaimStatus>,
    #[serde(default)]
    pub reason: Option<String>,
}

/// A member as written into the ledger.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewMember {
    pub id: i64,
    pub name: String,
    pub category: Category,
    pub tier: Option<i64>,
    pub group: Option<String>,
    pub status: MemberStatus,
}

/// A member's locked total, carried by the lock event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LockedTotal {
    pub member_id: i64,
    pub score: f64,
    pub rank: u32,
    pub grade: Option<String>,
    pub stars: Option<u8>,
    pub confirmed: bool,
}

/// One change to the ledger.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Event {
    BranchInit {
        branch_id: i64,
        name: String,
        scheme_id: String,
        scheme_toml: String,
    },
    SettingSet {
        branch_id: i64,
        key: String,
        value: serde_json::Value,
    },
    MembersAdd {
        branch_id: i64,
        members: Vec<NewMember>,
    },
    MemberUpdate {
        member: NewMember,
    },
    PeriodOpen {
        branch_id: i64,
        period: String,
    },
    PeriodState {
        branch_id: i64,
        period: String,
        state: State,
        window_end: Option<String>,
    },
    ClaimsAdd {
        branch_id: i64,
        claims: Vec<NewClaim>,
    },
    /// A bulk import: claims as compact CSV lines (see `claim_rows`), with ids
    /// running on from `first_id`.
    ClaimsBatch {
        branch_id: i64,
        first_id: i64,
        rows: String,
        /// Stored as packs, one per run of a member's claims in a period
        /// (large imports, numbered member by member); else one row per claim.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        packed: bool,
    },
    /// A verdict, or (with `status = "pending"`) its undoing.
    Verdict {
        claim: i64,
        status: ClaimStatus,
        points: f64,
        reason: Option<String>,
        by: String,
        /// The claim's state before, so that an undo can put it back.
        #[serde(default)]
        prev: Option<Box<Event>>,
    },
    ClaimWithdraw {
        claim: i64,
    },
    /// The claims numbered `first_id` on, `count` of them, withdrawn at
    /// once (the undo of a bulk import).
    ClaimsWithdraw {
        branch_id: i64,
        first_id: i64,
        count: i64,
    },
    Confirm {
        branch_id: i64,
        period: String,
        member_id: i64,
        /// `confirmed`, `disputed`, or `null` to clear.
        state: Option<ConfirmState>,
        text: Option<String>,
        #[serde(default)]
        prev: Option<Box<Event>>,
    },
    /// A signature voided because the member's total moved after it was given
    /// (a verdict, an undo, a correction): the member signs again.
    ConfirmVoid {
        branch_id: i64,
        period: String,
        member_id: i64,
        /// What the member had signed: `confirmed` or `disputed`, with their words.
        state: ConfirmState,
        text: Option<String>,
        /// The kept total signed for, and the total now (`None`: the base score).
        signed_total: Option<f64>,
        total: Option<f64>,
    },
    Attendance {
        branch_id: i64,
        period: String,
        member_id: i64,
        mark: Option<Attendance>,
        #[serde(default)]
        prev: Option<Box<Event>>,
    },
    /// The quorum of a period's assembly as the lock found it; `waived`: the
    /// secretary locked an inquorate session on an explicit confirmation.
    QuorumNoted {
        branch_id: i64,
        period: String,
        expected: usize,
        present: usize,
        leave: usize,
        absent: usize,
        waived: bool,
    },
    Lock {
        branch_id: i64,
        period: String,
        /// Hash of the event before the lock.
        head: String,
        totals: Vec<LockedTotal>,
        unconfirmed: Vec<i64>,
    },
    AppealFile {
        id: i64,
        branch_id: i64,
        period: String,
        member_id: i64,
        items: Option<String>,
        text: String,
        reply_due: String,
    },
    AppealReply {
        id: i64,
        /// `upheld`, `dismissed`, or `reconsider` (sent to the higher committee).
        outcome: AppealOutcome,
        reply: String,
        /// New due date when the appeal goes on to reconsideration.
        next_due: Option<String>,
        correction: Option<CorrectionEntry>,
    },
    FollowUpDone {
        branch_id: i64,
        scope: String,
        member_id: i64,
        action: String,
        note: Option<String>,
    },
    /// A follow-up ticked done is open again (the undo of `FollowUpDone`).
    FollowUpReopen {
        branch_id: i64,
        scope: String,
        member_id: i64,
        action: String,
    },
    /// A member spends points on gifts (积分兑换): `points` in all for
    /// `count` of the scheme's gift `gift`. Never scored.
    Redeem {
        id: i64,
        branch_id: i64,
        period: String,
        member_id: i64,
        gift: String,
        count: i64,
        points: f64,
    },
    /// A redemption taken back (the undo of `Redeem`).
    RedeemCancel {
        id: i64,
    },
    /// The meeting's record of a period (place, host, recorder, agenda,
    /// resolutions) as it stands after a change: the whole record each time.
    MeetingSet {
        branch_id: i64,
        period: String,
        place: Option<String>,
        host: Option<String>,
        recorder: Option<String>,
        agenda: Vec<String>,
        resolutions: Vec<String>,
    },
    /// A democratic appraisal opened for a period (民主测评): `ballot` votes
    /// or scores, `issued` ballots, of them `representatives` for invited mass
    /// representatives.
    AppraisalOpen {
        branch_id: i64,
        period: String,
        /// `votes` or `scores`.
        ballot: String,
        issued: i64,
        representatives: i64,
    },
    /// The ballots that came back, and of them those spoiled (废票).
    AppraisalBallots {
        branch_id: i64,
        period: String,
        returned: i64,
        spoiled: i64,
    },
    /// One member's vote counts, by choice code (`blank`: left unmarked);
    /// they replace the member's earlier counts. Never who voted what.
    AppraisalVotes {
        branch_id: i64,
        period: String,
        member_id: i64,
        counts: std::collections::BTreeMap<String, i64>,
    },
    /// One score ballot's scores for a member, by part code; they replace
    /// what ballot `rater` gave the member before.
    AppraisalScores {
        branch_id: i64,
        period: String,
        member_id: i64,
        rater: i64,
        scores: std::collections::BTreeMap<String, f64>,
    },
    /// Points the branch chose within a member's grade's range (`None`: the
    /// grade's default again).
    AppraisalPoints {
        branch_id: i64,
        period: String,
        member_id: i64,
        points: Option<f64>,
    },
    /// The appraisal closed: its results, posted with it.
    AppraisalClose {
        branch_id: i64,
        period: String,
        results: Vec<AppraisalResult>,
    },
    /// The higher committee's decision on a member's reconsideration (复议),
    /// received as its decision file: `upheld` posts `correction` in the
    /// locked period (the seal stays), `dismissed` posts none. `decision` is
    /// the committee's decision event hash, `committee_head` its chain head
    /// when the file was written, `seal` the period's seal it answers.
    ReviewDecision {
        branch_id: i64,
        period: String,
        member_id: i64,
        review: i64,
        outcome: AppealOutcome,
        decision: String,
        committee_head: String,
        seal: String,
        file_sha256: String,
        correction: Option<CorrectionEntry>,
        /// The branch's appeal (申诉) the decision closes, with its outcome;
        /// `reason` is the committee's, as the appeal's reply.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        appeal: Option<i64>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
    },
    /// The branch's final grade of a member for a year (评定等次), with the
    /// grade the points allowed then; `grade: None` takes it back (the
    /// scheme's default again).
    YearGrade {
        branch_id: i64,
        year: i32,
        member_id: i64,
        grade: Option<String>,
        allowed: Option<String>,
        /// The member's final grade before (a `YearGrade` event), so that an
        /// undo can put it back; absent in events journalled before it was kept.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        prev: Option<Box<Event>>,
    },
    /// Undo of an earlier event: `restore` is the event that puts things back.
    Undo {
        of: i64,
        restore: Box<Event>,
    },
}

/// One result of a closed appraisal: a member's grade (part `""`) or the
/// mean of one rated part, with the points it gave (`None`: none).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AppraisalResult {
    pub member_id: i64,
    pub part: String,
    pub grade: Option<String>,
    pub points: Option<f64>,
}

/// A correction posted by an upheld appeal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CorrectionEntry {
    pub id: i64,
    pub item: String,
    /// Signed points magnitude in the item's own sense (positive as on a claim).
    pub points: f64,
    pub reason: String,
}

impl Event {
    /// Whether applying this event can change the member roster.
    pub fn touches_members(&self) -> bool {
        match self {
            Event::MembersAdd { .. } | Event::MemberUpdate { .. } | Event::BranchInit { .. } => {
                true
            }
            Event::Undo { restore, .. } => restore.touches_members(),
            _ => false,
        }
    }

    /// The journal's `kind` column.
    pub fn kind(&self) -> &'static str {
        match self {
            Event::BranchInit { .. } => "branch_init",
            Event::SettingSet { .. } => "setting_set",
            Event::MembersAdd { .. } => "members_add",
            Event::MemberUpdate { .. } => "member_update",
            Event::PeriodOpen { .. } => "period_open",
            Event::PeriodState { .. } => "period_state",
            Event::ClaimsAdd { .. } => "claims_add",
            Event::ClaimsBatch { .. } => "claims_batch",
            Event::Verdict { .. } => "verdict",
            Event::ClaimWithdraw { .. } => "claim_withdraw",
            Event::ClaimsWithdraw { .. } => "claims_withdraw",
            Event::Confirm { .. } => "confirm",
            Event::ConfirmVoid { .. } => "confirm_void",
            Event::Attendance { .. } => "attendance",
            Event::QuorumNoted { .. } => "quorum_noted",
            Event::Lock { .. } => "lock",
            Event::AppealFile { .. } => "appeal_file",
            Event::AppealReply { .. } => "appeal_reply",
            Event::FollowUpDone { .. } => "follow_up_done",
            Event::FollowUpReopen { .. } => "follow_up_reopen",
            Event::Redeem { .. } => "redeem",
            Event::RedeemCancel { .. } => "redeem_cancel",
            Event::MeetingSet { .. } => "meeting_set",
            Event::AppraisalOpen { .. } => "appraisal_open",
            Event::AppraisalBallots { .. } => "appraisal_ballots",
            Event::AppraisalVotes { .. } => "appraisal_votes",
            Event::AppraisalScores { .. } => "appraisal_scores",
            Event::AppraisalPoints { .. } => "appraisal_points",
            Event::AppraisalClose { .. } => "appraisal_close",
            Event::ReviewDecision { .. } => "review_decision",
            Event::YearGrade { .. } => "year_grade",
            Event::Undo { .. } => "undo",
        }
    }
}
