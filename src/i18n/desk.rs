//! The words of the committee's desk (its console: filings, the ranking by
//! category, a branch's ranking, reconsiderations) and of its board. The
//! values are in `zh/desk.rs` and `en/desk.rs`; the console's catalogue
//! carries them (`Strings::desk`) so the desk's key lists name their labels
//! as the console's do.

use crate::app::committee_view::FilingLine;

/// Every word of the committee's desk in one language.
#[derive(Debug)]
pub struct DeskWords {
    /// The header's name for the committee's database.
    pub committee: &'static str,
    pub filings: &'static str,
    pub ranking: &'static str,
    pub branch_ranking: &'static str,
    pub reviews: &'static str,
    /// A branch's state with a period: received / published until / final /
    /// awaited / missing, and late where it came late.
    pub state: fn(&FilingLine) -> String,
    /// Period, due day, expected, filed, late, missing, awaited.
    pub summary: fn(&str, &str, usize, usize, usize, usize, usize) -> String,
    /// The board's header: filed, expected, late, missing.
    pub board_counts: fn(usize, usize, usize, usize) -> String,
    /// Filings' columns: branch, state, seal, received, members, reconsiderations.
    pub h_filings: [&'static str; 6],
    /// Ranking's columns: place, member, branch, score, rank at the branch, grade.
    pub h_ranking: [&'static str; 6],
    /// A branch's ranking's columns: rank, member, score, grade, stars, actions.
    pub h_branch: [&'static str; 6],
    /// Reconsiderations' columns: id, branch, member, item, status, due, left, points.
    pub h_reviews: [&'static str; 8],
    /// A ranking group's heading: the scheme's name, category, members.
    pub group: fn(&str, &str, usize) -> String,
    /// A reconsideration's time left: working days (negative: overdue).
    pub days_left: fn(i64) -> String,
    pub overdue: &'static str,
    /// The sort order's name: branch, state, received.
    pub sort_names: [&'static str; 3],
    /// Said after a sort: its name.
    pub sorted: fn(&str) -> String,
    /// Said when nothing was received yet.
    pub none_yet: &'static str,
    /// Said when a period has no one to rank.
    pub none_ranked: &'static str,
    pub no_reviews: &'static str,
    /// A search with no match: the text.
    pub no_match: fn(&str) -> String,
    // the filing's details
    pub detail: &'static str,
    pub d_period: &'static str,
    pub d_state: &'static str,
    pub d_seal: &'static str,
    pub d_received: &'static str,
    pub d_members: &'static str,
    pub d_scheme: &'static str,
    pub d_file: &'static str,
    pub d_sha: &'static str,
    pub d_last_filed: &'static str,
    pub d_due: &'static str,
    // prompts
    pub ask_publish: &'static str,
    /// The publication's question (its lines): period, filings not posted, days, from, last day.
    pub publish_info: fn(&str, usize, u32, &str, &str) -> String,
    pub ask_receive: &'static str,
    pub f_folder: &'static str,
    pub receive_info: &'static str,
    /// The gauge while receiving: files done, files in all.
    pub receiving: fn(u64, u64) -> String,
    /// Under the gauge: what Ctrl-C does while receiving.
    pub receiving_note: &'static str,
    /// The help's heading of the keys while receiving.
    pub while_receiving: &'static str,
    /// The receipt's worker could not be started: the system's words.
    pub receipt_failed: fn(&str) -> String,
    /// The receipt's worker ended without a word.
    pub receipt_stopped: &'static str,
    /// What a receipt did: received, again, refused.
    pub received: fn(usize, usize, usize) -> String,
    pub ask_file: &'static str,
    pub f_branch: &'static str,
    pub f_member: &'static str,
    pub f_item: &'static str,
    pub f_text: &'static str,
    pub f_points: &'static str,
    pub f_reason: &'static str,
    pub ask_uphold: &'static str,
    pub ask_dismiss: &'static str,
    /// The reconsideration a decision is for: id, branch, member, text.
    pub review_info: fn(i64, &str, &str, &str) -> String,
    pub ask_export: &'static str,
    pub bad_points: &'static str,
    pub needs_open: &'static str,
    pub needs_decided: &'static str,
    pub nothing_selected: &'static str,
    pub search: &'static str,
    // keys
    pub k_filings: &'static str,
    pub k_ranking: &'static str,
    pub k_reviews: &'static str,
    pub k_screens: &'static str,
    pub k_next_screen: &'static str,
    pub k_prev_period: &'static str,
    pub k_next_period: &'static str,
    pub k_detail: &'static str,
    pub k_sort: &'static str,
    pub k_search: &'static str,
    pub k_publish: &'static str,
    pub k_receive: &'static str,
    pub k_branch: &'static str,
    pub k_file: &'static str,
    pub k_uphold: &'static str,
    pub k_dismiss: &'static str,
    pub k_export: &'static str,
    pub k_close: &'static str,
    /// Ctrl-C while receiving.
    pub k_leave: &'static str,
    // the board
    pub board_title: &'static str,
    pub board_nothing: &'static str,
    pub board_cols: [&'static str; 4],
}
