//! Words every area shares, in English.

use crate::domain::model::{Attendance, Category, ClaimStatus, MemberStatus};
use crate::i18n::common::CommonWords;

/// English words every area shares.
pub const COMMON: CommonWords = CommonWords {
    category: |c| match c {
        Category::Full => "full",
        Category::Probationary => "prob",
        Category::Activist => "act",
    },
    claim_status: |s| match s {
        ClaimStatus::Pending => "pend",
        ClaimStatus::Approved => "ok",
        ClaimStatus::Adjusted => "adj",
        ClaimStatus::Rejected => "rej",
        ClaimStatus::Withdrawn => "wdr",
    },
    member_status: |s| match s {
        MemberStatus::Active => "active",
        MemberStatus::Exempt => "exempt",
    },
    confirmation: |c| c.as_str(),
    attendance: |a| match a {
        Attendance::Present => "present",
        Attendance::Leave => "leave",
        Attendance::Absent => "absent",
    },
    state_open: "open",
    state_in_session: "in session",
    state_locked: "locked",
    state_published: "published",
    state_final: "final",
    level: |code| code.to_string(),
    veto: "veto",
    by_committee: "committee",
    roll_call_note: |mark| format!("roll call: {mark}"),
};
