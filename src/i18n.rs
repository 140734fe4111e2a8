//! User-interface strings in Chinese and English: one struct of plain fields
//! per language, so a missing translation is a compile error.

pub mod cli;
mod en;
mod grading;
pub mod meeting;
mod zh;

pub use en::EN;
pub use zh::ZH;

pub use grading::{choices_columns, choices_heading, no_ranking, quota_note, rank_group};

/// The interface language: every word a person reads is picked by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    /// Every word of this language.
    pub fn words(self) -> &'static Strings {
        strings(self)
    }

    /// The code `--lang` takes (`zh`, `en`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// The language of the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, the first
    /// one set): Chinese for `zh*`, else English; Chinese when none is set.
    pub fn from_locale() -> Lang {
        for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let Ok(v) = std::env::var(var) {
                if v.is_empty() {
                    continue;
                }
                return if v.to_lowercase().starts_with("zh") {
                    Lang::Zh
                } else {
                    Lang::En
                };
            }
        }
        Lang::Zh
    }
}
use crate::domain::model::{Attendance, Category, ClaimStatus, ConfirmState, MemberStatus};

/// Every string the console shows.
#[derive(Debug)]
pub struct Strings {
    /// The assembly's acts: signing, undo, the quorum (see `meeting`).
    pub meeting: &'static meeting::Meeting,
    /// The command line's messages and table headers (see `cli`).
    pub cli: &'static cli::CliWords,
    pub app: &'static str,
    pub too_small: &'static str,
    pub need: &'static str,
    pub read_only: &'static str,
    pub held_by: &'static str,
    pub since: &'static str,
    pub no_period: &'static str,
    // overview
    pub overview: &'static str,
    pub branch: &'static str,
    pub scheme: &'static str,
    pub period: &'static str,
    pub state: &'static str,
    pub members: &'static str,
    pub scored: &'static str,
    pub exempt: &'static str,
    pub claims: &'static str,
    pub pending: &'static str,
    pub decided: &'static str,
    pub confirmed: &'static str,
    pub disputed: &'static str,
    pub steps: &'static str,
    pub step_roll: &'static str,
    pub step_claims: &'static str,
    pub step_confirm: &'static str,
    pub step_lock: &'static str,
    pub step_year: &'static str,
    pub marked: &'static str,
    pub present: &'static str,
    pub left: &'static str,
    pub board: &'static str,
    // tables
    pub col_rank: &'static str,
    pub col_name: &'static str,
    pub col_cat: &'static str,
    pub col_score: &'static str,
    pub col_pending: &'static str,
    pub col_conf: &'static str,
    pub col_group: &'static str,
    pub col_mark: &'static str,
    pub col_item: &'static str,
    pub col_level: &'static str,
    pub col_count: &'static str,
    pub col_points: &'static str,
    pub col_status: &'static str,
    pub col_grade: &'static str,
    pub col_stars: &'static str,
    pub col_year: &'static str,
    pub note: &'static str,
    pub evidence: &'static str,
    pub reason: &'static str,
    pub no_claims: &'static str,
    pub conf_yes: &'static str,
    pub conf_dispute: &'static str,
    // screens
    pub roll_call: &'static str,
    pub roll_hint: &'static str,
    pub member_claims: &'static str,
    pub confirmation: &'static str,
    pub statement_of: &'static str,
    pub total: &'static str,
    pub rank_of: &'static str,
    pub grade: &'static str,
    pub stars: &'static str,
    pub actions: &'static str,
    pub status_confirmed: &'static str,
    pub status_disputed: &'static str,
    pub status_unconfirmed: &'static str,
    pub lock: &'static str,
    pub check_claims: &'static str,
    pub check_confirm: &'static str,
    pub check_board: &'static str,
    pub lock_ready: &'static str,
    pub lock_blocked: &'static str,
    pub sealed: &'static str,
    pub seal: &'static str,
    pub unconfirmed: &'static str,
    pub summary: &'static str,
    pub year_view: &'static str,
    // prompts
    pub prompt_points: &'static str,
    pub prompt_reason: &'static str,
    pub prompt_adjust: &'static str,
    pub prompt_reject: &'static str,
    pub prompt_approve_all: &'static str,
    pub prompt_dispute: &'static str,
    pub prompt_dispute_text: &'static str,
    pub prompt_lock: &'static str,
    pub prompt_lock_type: &'static str,
    pub prompt_open_period: &'static str,
    pub prompt_message: &'static str,
    pub prompt_countdown: &'static str,
    pub prompt_minutes: &'static str,
    pub prompt_label: &'static str,
    pub prompt_search: &'static str,
    pub prompt_quit: &'static str,
    pub prompt_keys: &'static str,
    pub yes_no: &'static str,
    pub new_claim: &'static str,
    pub nc_item: &'static str,
    pub nc_level: &'static str,
    pub nc_count: &'static str,
    pub nc_points: &'static str,
    pub nc_note: &'static str,
    pub nc_allowed: &'static str,
    pub nc_no_match: &'static str,
    /// The level row of an item without levels.
    pub nc_no_levels: &'static str,
    /// Asked when an item with levels has none picked yet.
    pub nc_pick_level: &'static str,
    /// How the level is picked, in the form's key line.
    pub nc_level_keys: &'static str,
    // board popup
    pub board_title: &'static str,
    pub board_now: &'static str,
    pub board_live: &'static str,
    pub board_member: &'static str,
    pub board_freeze: &'static str,
    pub board_reveal_step: &'static str,
    pub board_reveal_auto: &'static str,
    pub board_reveal_all: &'static str,
    pub board_message: &'static str,
    pub board_countdown: &'static str,
    pub board_blank: &'static str,
    pub board_frozen: &'static str,
    pub board_revealing: &'static str,
    pub board_revealed: &'static str,
    pub k_board_step: &'static str,
    // results
    pub done_approve: &'static str,
    pub done_adjust: &'static str,
    pub done_reject: &'static str,
    pub done_approve_all: &'static str,
    pub done_new_claim: &'static str,
    pub done_confirm: &'static str,
    pub done_dispute: &'static str,
    pub done_mark: &'static str,
    pub done_undo: &'static str,
    pub done_board: &'static str,
    pub done_period: &'static str,
    pub done_session: &'static str,
    pub no_member: &'static str,
    pub no_claim: &'static str,
    pub no_match: &'static str,
    pub must_type: &'static str,
    pub bad_number: &'static str,
    pub lease_lost: &'static str,
    // help
    pub help: &'static str,
    pub help_close: &'static str,
    pub k_move: &'static str,
    pub k_open: &'static str,
    pub k_back: &'static str,
    pub k_pane: &'static str,
    pub k_approve: &'static str,
    pub k_adjust: &'static str,
    pub k_reject: &'static str,
    pub k_approve_all: &'static str,
    pub k_new: &'static str,
    pub k_confirm: &'static str,
    pub k_dispute: &'static str,
    pub k_undo: &'static str,
    pub k_search: &'static str,
    pub k_board: &'static str,
    pub k_help: &'static str,
    pub k_quit: &'static str,
    pub k_present: &'static str,
    pub k_leave: &'static str,
    pub k_absent: &'static str,
    pub k_open_period: &'static str,
    pub k_session: &'static str,
    pub k_year: &'static str,
    pub k_lock: &'static str,
    pub k_next_member: &'static str,
    pub k_prev_year: &'static str,
    // after the meeting
    pub appeals_title: &'static str,
    pub step_appeals: &'static str,
    pub publication: &'static str,
    pub posted_until: &'static str,
    pub working_days: &'static str,
    pub calendar_days: &'static str,
    pub window_closed: &'static str,
    pub window_open: &'static str,
    pub open_appeals: &'static str,
    pub overdue: &'static str,
    pub reply_due: &'static str,
    pub days_left: &'static str,
    pub can_finalize: &'static str,
    pub no_finalize: &'static str,
    pub done_finalize: &'static str,
    pub col_filed: &'static str,
    pub col_due: &'static str,
    pub col_stage: &'static str,
    pub col_items: &'static str,
    pub col_action: &'static str,
    pub col_done: &'static str,
    pub stage_branch: &'static str,
    pub stage_higher: &'static str,
    pub appeal_open: &'static str,
    pub appeal_upheld: &'static str,
    pub appeal_dismissed: &'static str,
    pub no_appeals: &'static str,
    pub no_appeal: &'static str,
    pub appeal_words: &'static str,
    pub appeal_reply: &'static str,
    pub appeal_correction: &'static str,
    pub prompt_appeal: &'static str,
    pub prompt_appeal_member: &'static str,
    pub prompt_appeal_period: &'static str,
    pub prompt_appeal_items: &'static str,
    pub prompt_appeal_words: &'static str,
    pub prompt_uphold: &'static str,
    pub prompt_dismiss: &'static str,
    pub prompt_reconsider: &'static str,
    pub prompt_reply_text: &'static str,
    pub prompt_corr_item: &'static str,
    pub prompt_corr_points: &'static str,
    pub done_file_appeal: &'static str,
    pub done_reply: &'static str,
    pub papers: &'static str,
    pub paper_notice: &'static str,
    pub paper_cards: &'static str,
    pub paper_summary: &'static str,
    pub paper_filing: &'static str,
    pub paper_minutes: &'static str,
    pub paper_all: &'static str,
    pub paper_format: &'static str,
    pub paper_dir: &'static str,
    pub paper_written: &'static str,
    pub paper_keys: &'static str,
    pub follow_ups: &'static str,
    pub no_follow_ups: &'static str,
    pub no_follow_up: &'static str,
    pub follow_up_done_already: &'static str,
    pub done_follow_up: &'static str,
    pub k_appeals: &'static str,
    pub k_file_appeal: &'static str,
    pub k_uphold: &'static str,
    pub k_dismiss: &'static str,
    pub k_reconsider: &'static str,
    pub k_finalize: &'static str,
    pub k_papers: &'static str,
    pub k_tick: &'static str,
}

/// The strings of a language.
pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

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
