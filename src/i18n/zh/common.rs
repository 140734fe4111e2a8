//! 通用的中文用语.

use crate::domain::model::{Attendance, Category, ClaimStatus, ConfirmState, MemberStatus};
use crate::i18n::common::CommonWords;

/// Chinese words every area shares.
pub const COMMON: CommonWords = CommonWords {
    category: |c| match c {
        Category::Full => "正式",
        Category::Probationary => "预备",
        Category::Activist => "积极",
    },
    claim_status: |s| match s {
        ClaimStatus::Pending => "待审",
        ClaimStatus::Approved => "通过",
        ClaimStatus::Adjusted => "调整",
        ClaimStatus::Rejected => "驳回",
        ClaimStatus::Withdrawn => "撤回",
    },
    member_status: |s| match s {
        MemberStatus::Active => "参评",
        MemberStatus::Exempt => "免评",
    },
    confirmation: |c| match c {
        ConfirmState::Confirmed => "已签字",
        ConfirmState::Disputed => "有异议",
    },
    attendance: |a| match a {
        Attendance::Present => "到会",
        Attendance::Leave => "请假",
        Attendance::Absent => "缺席",
    },
    state_open: "申报中",
    state_in_session: "会议进行中",
    state_locked: "已封账",
    state_published: "公示中",
    state_final: "已定案",
    level: |code| {
        crate::domain::model::LEVEL_NAMES
            .iter()
            .find(|(c, _)| *c == code)
            .map_or(code, |(_, zh)| zh)
            .to_string()
    },
    veto: "一票否决",
    by_committee: "支委认定",
    roll_call_note: |mark| format!("点名: {mark}"),
};
