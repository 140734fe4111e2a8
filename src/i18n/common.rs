//! Words every area shares: member categories, claim statuses, roster
//! statuses, sign-offs, attendance marks, period states and levels.

use super::Lang;
use crate::domain::model::{Attendance, Category, ClaimStatus, ConfirmState, MemberStatus};

/// A member category, short.
pub fn category(lang: Lang, c: Category) -> &'static str {
    match (lang, c) {
        (Lang::Zh, Category::Full) => "正式",
        (Lang::Zh, Category::Probationary) => "预备",
        (Lang::Zh, Category::Activist) => "积极",
        (Lang::En, Category::Full) => "full",
        (Lang::En, Category::Probationary) => "prob",
        (Lang::En, Category::Activist) => "act",
    }
}

/// A claim status, short.
pub fn claim_status(lang: Lang, s: ClaimStatus) -> &'static str {
    match (lang, s) {
        (Lang::Zh, ClaimStatus::Pending) => "待审",
        (Lang::Zh, ClaimStatus::Approved) => "通过",
        (Lang::Zh, ClaimStatus::Adjusted) => "调整",
        (Lang::Zh, ClaimStatus::Rejected) => "驳回",
        (Lang::Zh, ClaimStatus::Withdrawn) => "撤回",
        (Lang::En, ClaimStatus::Pending) => "pend",
        (Lang::En, ClaimStatus::Approved) => "ok",
        (Lang::En, ClaimStatus::Adjusted) => "adj",
        (Lang::En, ClaimStatus::Rejected) => "rej",
        (Lang::En, ClaimStatus::Withdrawn) => "wdr",
    }
}

/// A member's status on the roster.
pub fn member_status(lang: Lang, s: MemberStatus) -> &'static str {
    match (lang, s) {
        (Lang::Zh, MemberStatus::Active) => "参评",
        (Lang::Zh, MemberStatus::Exempt) => "免评",
        (Lang::En, MemberStatus::Active) => "active",
        (Lang::En, MemberStatus::Exempt) => "exempt",
    }
}

/// A member's sign-off of a statement.
pub fn confirmation(lang: Lang, c: ConfirmState) -> &'static str {
    match (lang, c) {
        (Lang::Zh, ConfirmState::Confirmed) => "已签字",
        (Lang::Zh, ConfirmState::Disputed) => "有异议",
        (Lang::En, c) => c.as_str(),
    }
}

/// An attendance mark.
pub fn attendance(lang: Lang, a: Attendance) -> &'static str {
    match (lang, a) {
        (Lang::Zh, Attendance::Present) => "到会",
        (Lang::Zh, Attendance::Leave) => "请假",
        (Lang::Zh, Attendance::Absent) => "缺席",
        (Lang::En, Attendance::Present) => "present",
        (Lang::En, Attendance::Leave) => "leave",
        (Lang::En, Attendance::Absent) => "absent",
    }
}

/// A period state as stored (`open`, `in-session`, ...), in the glossary's
/// words: the same word on the console, the board and the papers.
pub fn period_state(lang: Lang, code: &str) -> String {
    let word = match (lang, code) {
        (Lang::Zh, "open") => "申报中",
        (Lang::Zh, "in-session") => "会议进行中",
        (Lang::Zh, "locked") => "已封账",
        (Lang::Zh, "published") => "公示中",
        (Lang::Zh, "final") => "已定案",
        (Lang::En, "in-session") => "in session",
        (_, other) => other,
    };
    word.to_string()
}

/// A claim level code (`unit`, `city`, ...), translated where known.
pub fn level(lang: Lang, code: &str) -> String {
    if lang == Lang::En {
        return code.to_string();
    }
    crate::domain::model::LEVEL_NAMES
        .iter()
        .find(|(c, _)| *c == code)
        .map_or(code, |(_, zh)| zh)
        .to_string()
}
