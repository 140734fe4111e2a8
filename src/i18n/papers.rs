//! The printed papers' words: notices, notification cards, the summary card,
//! the filing report and the minutes. Fixed words are fields, words with
//! values are functions (so each language orders its own words); one value
//! per language, in `zh/papers.rs` and `en/papers.rs`.

use crate::domain::model::{Category, ClaimStatus, PeriodId};

/// Every word the papers print.
#[derive(Debug)]
pub struct PaperWords {
    /// A member category, in full.
    pub category: fn(Category) -> &'static str,
    /// A claim's verdict (通过, 调整, ...).
    pub status: fn(ClaimStatus) -> &'static str,
    pub kind_bonus: &'static str,
    pub kind_deduction: &'static str,
    /// A deduction when fewer points are better (记分).
    pub kind_demerit: &'static str,
    pub kind_offset: &'static str,
    pub kind_veto: &'static str,
    /// What the points are called: when more is better, and when fewer is.
    pub points: &'static str,
    pub demerit_points: &'static str,
    pub branch: &'static str,
    pub scheme: &'static str,
    pub period: &'static str,
    pub state: &'static str,
    pub locked_at: &'static str,
    pub year: &'static str,
    pub periods: &'static str,
    pub members_scored: &'static str,
    pub exempt: &'static str,
    pub publication: &'static str,
    /// The publication window's length.
    pub window_days: fn(n: u32, working: bool) -> String,
    pub seal: &'static str,
    /// The seal's label in a CSV row (kept as a code in English).
    pub seal_csv: &'static str,
    /// A CSV's last column naming the part of the paper a row is in (党员, 入党积极分子).
    pub csv_part: &'static str,
    /// How to check the seal with jifen.
    pub verify_line: fn(seal: &str) -> String,
    /// The printed page number: this page, of how many (codes the writer fills in).
    pub page_of: fn(page: &str, pages: &str) -> String,
    pub stamp: &'static str,
    pub date: &'static str,
    pub actions: &'static str,
    pub corrections: &'static str,
    /// A period as the papers' titles and headings name it (2026年第四季度, Q4 2026).
    pub period_name: fn(PeriodId) -> String,
    /// A period as a column of the year's table, the year said in the title (第四季度, Q4).
    pub period_column: fn(PeriodId) -> String,
    // titles (branch, period or year, the points' word) and sheet names
    pub notice_title: fn(branch: &str, period: &str, word: &str) -> String,
    pub year_notice_title: fn(branch: &str, year: i32, word: &str) -> String,
    pub cards_title: fn(branch: &str, period: &str, word: &str) -> String,
    pub card_heading: fn(name: &str, period: &str, word: &str) -> String,
    pub summary_title: fn(branch: &str, period: &str, word: &str) -> String,
    pub filing_title: fn(branch: &str, period: &str, word: &str) -> String,
    pub minutes_title: fn(branch: &str, period: &str) -> String,
    pub sheet_notice: &'static str,
    pub sheet_year_notice: &'static str,
    pub sheet_summary: &'static str,
    pub sheet_filing: &'static str,
    pub sheet_minutes: &'static str,
    // notes
    /// How to object, until the window's end, and to whom.
    pub objections_until: fn(end: &str, contact: &str) -> String,
    /// How to object to the year's notice, and to whom.
    pub objections_year: fn(contact: &str) -> String,
    /// Who takes objections: its label, and the role named when no contact is set.
    pub contact: &'static str,
    pub contact_fallback: &'static str,
    pub draft: &'static str,
    /// Scores that include corrections from upheld appeals.
    pub corrections_included: fn(n: usize) -> String,
    pub card_note: &'static str,
    /// The notice's basis and procedure, naming the scheme.
    pub notice_basis: fn(scheme: &str) -> String,
    /// A card's base score, its subtotals' and its deadline's labels.
    pub base_score: &'static str,
    pub bonus_subtotal: &'static str,
    pub deduction_subtotal: &'static str,
    pub appeal_deadline: &'static str,
    /// A claim's note, as a column.
    pub note: &'static str,
    // the summary and the filing
    pub claims: &'static str,
    /// The claims of a period: all, approved, adjusted, rejected.
    pub claims_line: fn(n: usize, approved: usize, adjusted: usize, rejected: usize) -> String,
    pub sign_off: &'static str,
    /// Sign-offs: signed, disputed, not signed.
    pub sign_off_line: fn(signed: usize, disputed: usize, unsigned: usize) -> String,
    pub secretary: &'static str,
    pub date_filed: &'static str,
    // tables
    pub rank: &'static str,
    pub name: &'static str,
    pub category_head: &'static str,
    pub group: &'static str,
    pub score: &'static str,
    pub year_score: &'static str,
    pub grade: &'static str,
    /// The year's three grades side by side: the points', the appraisal's, the final one.
    pub points_grade: &'static str,
    pub appraisal_grade: &'static str,
    pub final_grade: &'static str,
    /// What a final grade brings, as the scheme states it: the grade's name, the text.
    pub grade_consequence: fn(grade: &str, text: &str) -> String,
    /// A year card's table: the year's periods and their scores.
    pub year_scores: &'static str,
    pub year_card_heading: fn(name: &str, year: i32, word: &str) -> String,
    pub year_cards_title: fn(branch: &str, year: i32, word: &str) -> String,
    /// What a card's page foot says: whose card it is, this page, of how many.
    pub card_foot: fn(name: &str, page: &str, pages: &str) -> String,
    /// The same where the pages cannot be counted per card (HTML): whose card it is.
    pub card_foot_name: fn(name: &str) -> String,
    pub stars: &'static str,
    pub signed: &'static str,
    pub disputed: &'static str,
    pub not_signed: &'static str,
    pub item: &'static str,
    pub kind: &'static str,
    pub level: &'static str,
    pub count: &'static str,
    pub claimed: &'static str,
    pub counted: &'static str,
    pub verdict: &'static str,
    pub reason: &'static str,
    pub recorded_items: &'static str,
    pub corrections_caption: &'static str,
    pub correction_points: &'static str,
    pub total: &'static str,
    pub member_signature: &'static str,
    // appeals
    pub appeals_caption: &'static str,
    pub number: &'static str,
    pub appeal: &'static str,
    pub stage: &'static str,
    pub outcome: &'static str,
    pub reply: &'static str,
    pub correction: &'static str,
    pub stage_branch: &'static str,
    pub stage_higher: &'static str,
    pub upheld: &'static str,
    pub dismissed: &'static str,
    /// An appeal still open, with its due date.
    pub appeal_open: fn(due: &str) -> String,
    /// The posted card's appeals as counts alone (no names, no texts):
    /// filed, upheld, dismissed, still open.
    pub appeals_tally: fn(filed: usize, upheld: usize, dismissed: usize, open: usize) -> String,
    // minutes
    pub none: &'static str,
    pub meeting: &'static str,
    /// The meeting's name: period and the points' word.
    pub meeting_line: fn(period: &str, word: &str) -> String,
    pub not_locked_day: &'static str,
    pub expected: &'static str,
    pub roll_call: &'static str,
    pub not_recorded: &'static str,
    pub present: &'static str,
    pub on_leave: &'static str,
    pub absent: &'static str,
    pub quorum: &'static str,
    pub claims_decided: &'static str,
    pub claims_count: &'static str,
    pub changed_caption: &'static str,
    pub disputes: &'static str,
    pub dispute_words: &'static str,
    /// The minutes' sign-off note: signed, disputed.
    pub sign_off_note: fn(signed: usize, disputed: usize) -> String,
    /// The minutes' lock note: when, and the seal.
    pub locked_note: fn(at: &str, seal: &str) -> String,
    pub not_locked_note: &'static str,
    pub chair: &'static str,
    pub recorder: &'static str,
    // the meeting's record (`jifen meeting`) and the minutes' new lines
    pub place: &'static str,
    pub opened: &'static str,
    pub closed: &'static str,
    /// The meeting's time on the minutes: from, to (to the minute).
    pub time: &'static str,
    pub time_span: fn(from: &str, to: &str) -> String,
    pub agenda: &'static str,
    pub resolutions: &'static str,
    /// A list's numbering column.
    pub seq: &'static str,
    /// `meeting set` with nothing to record.
    pub meeting_nothing_given: &'static str,
    /// `meeting set` done: period, place, host, recorder, agenda items, resolutions.
    pub meeting_set_done: fn(
        period: &str,
        place: &str,
        host: &str,
        recorder: &str,
        agenda: usize,
        resolutions: usize,
    ) -> String,
    /// The names marked present (出席), on leave, absent, and not called.
    pub attended: &'static str,
    pub names_on_leave: &'static str,
    pub names_absent: &'static str,
    pub names_unmarked: &'static str,
    /// 应到/实到 of the voting members, and whether that is a quorum.
    /// and whether that is a quorum (`valid`: the glossary's words for it).
    pub attendance_line:
        fn(expected: usize, present: usize, leave: usize, absent: usize, valid: &str) -> String,
    /// Who the quorum counts.
    pub voting_note: &'static str,
    /// The democratic appraisal held at the meeting: its caption and counts.
    pub appraisal: &'static str,
    pub ballots_line: fn(issued: usize, returned: usize, valid: usize) -> String,
    // the filing report's own tables
    pub grade_counts: &'static str,
    pub star_counts: &'static str,
    pub headcount: &'static str,
    pub sum: &'static str,
    pub ungraded: &'static str,
    pub no_star: &'static str,
    pub consequences: &'static str,
    pub exempt_caption: &'static str,
    pub exempt_reason: &'static str,
    /// What an exempt member's status means (the ledger keeps no reason of its own).
    pub exempt_reason_default: &'static str,
    /// The seal as the paper's fingerprint, and how to check it against the filing file.
    pub fingerprint: &'static str,
    pub filing_check: &'static str,
    pub host_signature: &'static str,
    pub recorder_signature: &'static str,
    // refusals
    /// A period the branch does not have.
    pub no_period: fn(period: &str) -> String,
    /// A paper made per period asked for a year (the paper's name, the year).
    pub per_period_only: fn(what: &str, year: i32) -> String,
    /// A paper that carries the seal, of a period not locked.
    pub needs_seal: fn(period: &str, what: &str) -> String,
    /// The papers' names in those refusals.
    pub what_cards: &'static str,
    pub what_summary: &'static str,
    pub what_filing: &'static str,
    pub what_minutes: &'static str,
}
