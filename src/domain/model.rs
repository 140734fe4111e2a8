//! Plain domain types shared by every layer: no I/O here.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

mod bad_value;
mod period;
mod stored;

pub use bad_value::{BadValue, ValueKind};
pub use period::{PeriodId, PeriodKind};

/// A member's category on the roster.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Full,
    Probationary,
    Activist,
}

impl Category {
    pub const ALL: [Category; 3] = [Category::Full, Category::Probationary, Category::Activist];
    pub fn code(self) -> &'static str {
        match self {
            Category::Full => "full",
            Category::Probationary => "probationary",
            Category::Activist => "activist",
        }
    }
}

impl Category {
    /// The ranking the member is placed in: full and probationary members
    /// are ranked together, activists (scored "参照执行") apart.
    pub fn rank_group(self) -> RankGroup {
        match self {
            Category::Full | Category::Probationary => RankGroup::Members,
            Category::Activist => RankGroup::Activists,
        }
    }
}

/// One of a branch's separate rankings (分类排名, seed 001): quotas, ranks
/// and the bottom share are counted within it, never across.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum RankGroup {
    /// Full and probationary members (党员).
    #[default]
    Members,
    /// Activists (入党积极分子).
    Activists,
}

impl RankGroup {
    pub const ALL: [RankGroup; 2] = [RankGroup::Members, RankGroup::Activists];
    pub fn code(self) -> &'static str {
        match self {
            RankGroup::Members => "members",
            RankGroup::Activists => "activists",
        }
    }
}

impl FromStr for Category {
    type Err = BadValue;
    fn from_str(s: &str) -> Result<Self, BadValue> {
        match s.trim() {
            "" | "full" | "正式党员" | "正式" => Ok(Category::Full),
            "probationary" | "预备党员" | "预备" => Ok(Category::Probationary),
            "activist" | "入党积极分子" | "积极分子" => Ok(Category::Activist),
            other => Err(BadValue::new(ValueKind::Category, other)),
        }
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Whether a member takes part in scoring.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MemberStatus {
    Active,
    Exempt,
}

impl MemberStatus {
    pub fn code(self) -> &'static str {
        match self {
            MemberStatus::Active => "active",
            MemberStatus::Exempt => "exempt",
        }
    }
}

impl FromStr for MemberStatus {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim() {
            "" | "active" => Ok(MemberStatus::Active),
            "exempt" => Ok(MemberStatus::Exempt),
            other => Err(format!(
                "unknown status '{other}' (allowed: active, exempt)"
            )),
        }
    }
}

/// Short text kept inline (names, groups, grade keys up to 24 bytes): copying
/// a ranking row's text touches neither the heap nor a shared counter.
pub type ShortText = compact_str::CompactString;

/// A member's answer at the confirmation step (签字确认).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ConfirmState {
    Confirmed,
    Disputed,
}

impl ConfirmState {
    /// The stored and printed word.
    pub fn code(self) -> &'static str {
        self.as_str()
    }

    /// The stored and printed word.
    pub fn as_str(self) -> &'static str {
        match self {
            ConfirmState::Confirmed => "confirmed",
            ConfirmState::Disputed => "disputed",
        }
    }

    /// From the stored word (anything but `confirmed` is a dispute).
    pub fn from_stored(s: &str) -> Self {
        if s == "confirmed" {
            ConfirmState::Confirmed
        } else {
            ConfirmState::Disputed
        }
    }
}

/// A reply to an appeal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AppealOutcome {
    Upheld,
    Dismissed,
    /// Sent to the higher committee for reconsideration.
    Reconsider,
}

impl AppealOutcome {
    pub fn code(self) -> &'static str {
        match self {
            AppealOutcome::Upheld => "upheld",
            AppealOutcome::Dismissed => "dismissed",
            AppealOutcome::Reconsider => "reconsider",
        }
    }
}

impl FromStr for AppealOutcome {
    type Err = BadValue;
    fn from_str(s: &str) -> Result<Self, BadValue> {
        match s.trim() {
            "upheld" | "uphold" => Ok(AppealOutcome::Upheld),
            "dismissed" | "dismiss" => Ok(AppealOutcome::Dismissed),
            "reconsider" | "reconsideration" => Ok(AppealOutcome::Reconsider),
            o => Err(BadValue::new(ValueKind::AppealOutcome, o)),
        }
    }
}

/// Where an appeal stands: open (at the branch, or sent up for
/// reconsideration), or closed by its last reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AppealStatus {
    Open,
    Upheld,
    Dismissed,
}

impl AppealStatus {
    pub fn code(self) -> &'static str {
        match self {
            AppealStatus::Open => "open",
            AppealStatus::Upheld => "upheld",
            AppealStatus::Dismissed => "dismissed",
        }
    }

    /// Where an appeal whose last reply was `last` stands (none: no reply yet).
    pub fn after(last: Option<AppealOutcome>) -> Self {
        match last {
            None | Some(AppealOutcome::Reconsider) => AppealStatus::Open,
            Some(AppealOutcome::Upheld) => AppealStatus::Upheld,
            Some(AppealOutcome::Dismissed) => AppealStatus::Dismissed,
        }
    }
}

/// Where an appeal is heard: the branch, or the higher committee (复议).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AppealStage {
    Branch,
    Higher,
}

impl AppealStage {
    pub fn code(self) -> &'static str {
        match self {
            AppealStage::Branch => "branch",
            AppealStage::Higher => "higher",
        }
    }
}

/// A member on the roster.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Member {
    pub id: i64,
    pub name: ShortText,
    pub category: Category,
    pub tier: Option<i64>,
    pub group: Option<ShortText>,
    pub status: MemberStatus,
}

/// Life cycle of a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PeriodState {
    Open,
    InSession,
    Locked,
    Published,
    Final,
}

impl PeriodState {
    pub fn code(self) -> &'static str {
        match self {
            PeriodState::Open => "open",
            PeriodState::InSession => "in-session",
            PeriodState::Locked => "locked",
            PeriodState::Published => "published",
            PeriodState::Final => "final",
        }
    }
    /// Whether claims, verdicts and confirmations are frozen.
    pub fn is_sealed(self) -> bool {
        matches!(
            self,
            PeriodState::Locked | PeriodState::Published | PeriodState::Final
        )
    }
}

impl FromStr for PeriodState {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Ok(match s {
            "open" => PeriodState::Open,
            "in-session" => PeriodState::InSession,
            "locked" => PeriodState::Locked,
            "published" => PeriodState::Published,
            "final" => PeriodState::Final,
            other => return Err(format!("unknown period state '{other}'")),
        })
    }
}

/// Where a claim came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimSource {
    #[serde(rename = "self")]
    SelfClaim,
    Group,
    Secretary,
    Import,
}

impl ClaimSource {
    pub fn code(self) -> &'static str {
        match self {
            ClaimSource::SelfClaim => "self",
            ClaimSource::Group => "group",
            ClaimSource::Secretary => "secretary",
            ClaimSource::Import => "import",
        }
    }
}

impl FromStr for ClaimSource {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Ok(match s {
            "self" => ClaimSource::SelfClaim,
            "group" => ClaimSource::Group,
            "secretary" => ClaimSource::Secretary,
            "import" => ClaimSource::Import,
            other => return Err(format!("unknown claim source '{other}'")),
        })
    }
}

/// A claim's place in review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimStatus {
    Pending,
    Approved,
    Adjusted,
    Rejected,
    Withdrawn,
}

impl ClaimStatus {
    pub fn code(self) -> &'static str {
        match self {
            ClaimStatus::Pending => "pending",
            ClaimStatus::Approved => "approved",
            ClaimStatus::Adjusted => "adjusted",
            ClaimStatus::Rejected => "rejected",
            ClaimStatus::Withdrawn => "withdrawn",
        }
    }
    /// Whether the claim's points count toward the score.
    pub fn counts(self) -> bool {
        matches!(self, ClaimStatus::Approved | ClaimStatus::Adjusted)
    }
}

impl FromStr for ClaimStatus {
    type Err = BadValue;
    fn from_str(s: &str) -> Result<Self, BadValue> {
        Ok(match s.trim() {
            "pending" => ClaimStatus::Pending,
            "approved" | "approve" => ClaimStatus::Approved,
            "adjusted" | "adjust" => ClaimStatus::Adjusted,
            "rejected" | "reject" => ClaimStatus::Rejected,
            "withdrawn" => ClaimStatus::Withdrawn,
            other => return Err(BadValue::new(ValueKind::Verdict, other)),
        })
    }
}

/// The committee's decision on a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Approved,
    Adjusted,
    Rejected,
}

impl Outcome {
    /// The command-line verb (`approve`, `adjust`, `reject`).
    pub fn verb(self) -> &'static str {
        match self {
            Outcome::Approved => "approve",
            Outcome::Adjusted => "adjust",
            Outcome::Rejected => "reject",
        }
    }

    /// The stored word: the claim status the outcome leaves.
    pub fn code(self) -> &'static str {
        self.status().code()
    }

    /// The claim status the outcome leaves.
    pub fn status(self) -> ClaimStatus {
        match self {
            Outcome::Approved => ClaimStatus::Approved,
            Outcome::Adjusted => ClaimStatus::Adjusted,
            Outcome::Rejected => ClaimStatus::Rejected,
        }
    }
}

impl FromStr for Outcome {
    type Err = BadValue;
    fn from_str(s: &str) -> Result<Self, BadValue> {
        Ok(match s.trim() {
            "approve" | "approved" => Outcome::Approved,
            "adjust" | "adjusted" => Outcome::Adjusted,
            "reject" | "rejected" => Outcome::Rejected,
            other => return Err(BadValue::new(ValueKind::Outcome, other)),
        })
    }
}

/// A claim as the store reads it back: numbered, with its member's name and
/// its current review state. It is written as a `store::NewClaim` (checked
/// from an `app::ClaimDraft`); fields of the same name mean the same there.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub id: i64,
    pub member_id: i64,
    pub member: String,
    pub period: String,
    pub item: String,
    pub level: Option<String>,
    pub count: i64,
    /// Points claimed (positive magnitude; the item's kind gives the sign).
    pub claimed: f64,
    /// Points that count after the verdict (equal to `claimed` until adjusted).
    pub points: f64,
    pub date: Option<String>,
    pub note: Option<String>,
    pub evidence: Option<String>,
    pub source: ClaimSource,
    pub status: ClaimStatus,
    pub reason: Option<String>,
}

/// Claim levels by code with their Chinese names (data, not interface
/// words: a claim may give either, and both mean the same level).
pub const LEVEL_NAMES: &[(&str, &str)] = &[
    ("unit", "单位"),
    ("county", "县级"),
    ("district", "区级"),
    ("city", "市级"),
    ("province", "省级"),
    ("national", "国家级"),
    ("above", "省级以上"),
    ("minor", "轻微"),
    ("serious", "严重"),
];

/// The level code a claim's level names: `省级` and `province` both give `province`.
pub fn level_code(level: &str) -> &str {
    LEVEL_NAMES
        .iter()
        .find(|(_, zh)| *zh == level)
        .map_or(level, |(code, _)| code)
}

impl Claim {
    /// The points that count toward the score: the verdict's once approved
    /// or adjusted, none while pending, rejected or withdrawn.
    pub fn counted(&self) -> f64 {
        if self.status.counts() {
            self.points
        } else {
            0.0
        }
    }
}

/// A member's sign-off of their period statement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "state", content = "text")]
pub enum Confirmation {
    Confirmed,
    Disputed(String),
}

/// Attendance mark at roll call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Attendance {
    Present,
    Leave,
    Absent,
}

impl Attendance {
    pub fn code(self) -> &'static str {
        match self {
            Attendance::Present => "present",
            Attendance::Leave => "leave",
            Attendance::Absent => "absent",
        }
    }
}

impl FromStr for Attendance {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Ok(match s {
            "present" => Attendance::Present,
            "leave" => Attendance::Leave,
            "absent" => Attendance::Absent,
            other => {
                return Err(format!(
                    "unknown attendance '{other}' (allowed: present, leave, absent)"
                ))
            }
        })
    }
}

/// Round a score for display and comparison (two decimals).
pub fn round2(x: f64) -> f64 {
    if x.abs() >= 1e15 {
        // Beyond any score: no hundredths to round, and x * 100 may overflow.
        return x;
    }
    (x * 100.0).round() / 100.0
}

/// Format points without trailing zeros: 80, 80.5, 80.25.
pub fn fmt_points(x: f64) -> String {
    let r = round2(x);
    if !r.is_finite() || r.abs() >= 1e15 {
        // A number no score reaches, said as given (1e308, inf, NaN).
        return format!("{r:e}");
    }
    if (r - r.trunc()).abs() < 1e-9 {
        format!("{}", r as i64)
    } else {
        let s = format!("{r:.2}");
        s.trim_end_matches('0').to_string()
    }
}

#[cfg(test)]
mod tests;
