//! The command line's words: what a write command says it did, its refusals,
//! and its tables' headers. Fixed words are fields, messages are functions
//! (so that each language orders its own words); one value per language, in
//! `zh/cli.rs` and `en/cli.rs`. CSV and JSON output keep their stable codes.

use crate::app::publication::Publication;
use crate::domain::model::{
    AppealStage, AppealStatus, Attendance, Category, ClaimStatus, ConfirmState, MemberStatus,
    PeriodState,
};

/// Every word the command line prints.
#[derive(Debug)]
pub struct CliWords {
    /// `jifen init` without `--branch`.
    pub init_needs_branch: &'static str,
    /// `appeal reply` with only one of `--item` and `--points`.
    pub correction_needs_both: &'static str,
    /// `jifen publish` with neither a period nor `--check`.
    pub publish_needs_period: &'static str,
    /// A follow-up done, in a table's cell.
    pub done: &'static str,
    /// An open appeal past its due date, in a table's cell.
    pub overdue: &'static str,
    /// Table headers: members, periods, claims, ranking, statement, appeals,
    /// follow-ups, schemes (CSV keeps the codes).
    pub h_members: [&'static str; 6],
    pub h_periods: [&'static str; 4],
    pub h_claims: [&'static str; 10],
    pub h_rank: [&'static str; 3],
    pub h_rank_tail: [&'static str; 5],
    pub h_statement: [&'static str; 7],
    pub h_appeals: [&'static str; 9],
    pub h_follow_ups: [&'static str; 7],
    pub h_schemes: [&'static str; 4],
    /// `{path}: no such database`.
    pub no_database: fn(path: &str) -> String,
    /// `{path}: no such backup`.
    pub no_backup: fn(path: &str) -> String,
    /// `jifen gen` onto an existing file.
    pub gen_exists: fn(path: &str) -> String,
    /// A file the system refused to read or write, with its reason.
    pub file_error: fn(path: &str, e: &std::io::Error) -> String,
    /// `retotal --check` found kept scores that differ.
    pub retotal_differs: fn(path: &str, n: usize) -> String,
    /// `jifen schemes ID` with an unknown id.
    pub no_scheme: fn(id: &str, ids: &str) -> String,
    pub demo_written: fn(path: &str) -> String,
    pub demo_board: fn(path: &str) -> String,
    pub branch_made: fn(branch: &str, scheme: &str, path: &str) -> String,
    pub imported_members: fn(n: usize) -> String,
    pub imported_claims: fn(n: usize) -> String,
    pub renamed: fn(id: i64, old: &str, new: &str) -> String,
    pub period_opened: fn(period: &str) -> String,
    pub period_started: fn(period: &str) -> String,
    /// A verdict given: the claim, its member, its status word and the points that count.
    pub verdict_given: fn(claim: i64, member: &str, status: &str, points: &str) -> String,
    pub confirmed: fn(member: &str, period: &str) -> String,
    pub disputed: fn(member: &str, period: &str) -> String,
    /// A roll-call mark, with the claim it withdrew and the one it made.
    pub marked: fn(
        member: &str,
        mark: &str,
        period: &str,
        withdrawn: Option<i64>,
        made: Option<i64>,
    ) -> String,
    pub locked: fn(period: &str, members: usize) -> String,
    pub unconfirmed: fn(names: &str) -> String,
    pub seal: fn(seal: &str) -> String,
    pub undone: fn(what: &str) -> String,
    pub verified: fn(events: i64) -> String,
    pub verified_lock: fn(period: &str, seal: &str) -> String,
    pub seal_matches: fn(period: &str) -> String,
    /// A restore done: the database, the backup, the events dropped, where the replaced one is kept.
    pub restored: fn(db: &str, from: &str, lost: usize, kept: Option<&str>) -> String,
    pub generated: fn(members: usize, branches: usize, years: i32, secs: f64) -> String,
    pub setting_set: fn(key: &str, value: &str, branch: &str) -> String,
    /// After a lock: the publication window's end and length.
    pub published_until: fn(p: &Publication) -> String,
    pub published: fn(period: &str, end: &str) -> String,
    pub provisional_calendar: &'static str,
    pub finalized: fn(period: &str) -> String,
    pub appeal_filed: fn(id: i64, due: &str) -> String,
    pub appeal_at_higher: fn(id: i64, due: &str) -> String,
    pub appeal_replied: fn(id: i64, status: &str, correction: Option<&str>) -> String,
    /// An appeal's state in the table (`open`, `upheld`, `dismissed`).
    pub appeal_status: fn(status: AppealStatus, overdue: bool) -> String,
    /// `publish --check`: one period's window.
    pub window_line: fn(p: &Publication, finalized: bool) -> String,
    pub follow_up_done: fn(member: &str, action: &str, scope: &str) -> String,
    /// The ranking's heading: branch, scope, state and seal.
    pub rank_heading: fn(branch: &str, scope: &str, state: &str, seal: Option<&str>) -> String,
    /// A statement's last line: total, rank of ranked, grade and stars.
    pub statement_total:
        fn(total: &str, rank: u32, of: usize, grade: &str, stars: Option<u8>) -> String,
    /// `jifen export` of a paper it does not make.
    pub unknown_paper: fn(paper: &str) -> String,
    /// `jifen export --format` of a format it does not write.
    pub unknown_format: fn(format: &str) -> String,
    /// A period id that is not one (`2026Q5`).
    pub bad_period: fn(text: &str) -> String,
    /// A table's cells: the glossary's words in Chinese, the stable codes
    /// in English (and in CSV, which takes the English catalogue's cells).
    pub cell_category: fn(Category) -> &'static str,
    pub cell_member_status: fn(MemberStatus) -> &'static str,
    pub cell_claim_status: fn(ClaimStatus) -> &'static str,
    pub cell_confirmation: fn(ConfirmState) -> &'static str,
    pub cell_attendance: fn(Attendance) -> &'static str,
    pub cell_period_state: fn(PeriodState) -> String,
    pub cell_level: fn(code: &str) -> String,
    pub cell_stage: fn(AppealStage) -> String,
}
