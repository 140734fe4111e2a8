//! The words of the filing (备案): the file written and checked, the
//! committee's desk (receiving, the list, rankings across branches), and the
//! refusals. The values are in `zh/filing.rs` and `en/filing.rs`.

use crate::app::filing::FilingError;

/// Every word of the filing in one language.
#[derive(Debug)]
pub struct FilingWords {
    /// What `filing export` wrote: file, branch, period, seal, members, events.
    pub exported: fn(&str, &str, &str, &str, usize, usize) -> String,
    /// A file that checks: file, branch, period, seal.
    pub verified: fn(&str, &str, &str, &str) -> String,
    /// A file received: file, branch, period, seal.
    pub received: fn(&str, &str, &str, &str) -> String,
    /// A filing scoring by another scheme than the committee's roster names
    /// for its branch (the roster's scheme id).
    pub other_scheme: fn(&str) -> String,
    /// The same filing again, ignored: file, branch, period, seal.
    pub duplicate: fn(&str, &str, &str, &str) -> String,
    /// `verify` on a committee database: how many filings hold.
    pub verified_received: fn(usize) -> String,
    /// `verify --seal` on a committee database: seal, branch, period of the filing it seals.
    pub verified_seal: fn(&str, &str, &str) -> String,
    /// A committee database made: its path.
    pub made_committee: fn(&str) -> String,
    /// The end of a receive: received, already there, refused.
    pub receive_summary: fn(usize, usize, usize) -> String,
    /// `filing list`'s columns: branch, period, state, members, seal, received.
    pub h_list: [&'static str; 6],
    /// `filing list --missing`'s columns: branch, period, last filed.
    pub h_missing: [&'static str; 3],
    /// Said under the list: the period and the branches that have not filed it.
    pub missing_line: fn(&str, &[String]) -> String,
    /// Said when no filing was received (of the period, if given).
    pub none_received: fn(Option<&str>) -> String,
    /// The cross-branch ranking's columns.
    pub h_category: [&'static str; 8],
    /// A committee's branch ranking's columns: rank, member, score, grade, stars, actions.
    pub h_rank: [&'static str; 6],
    /// `rank` on a committee database without `--period`.
    pub needs_period: &'static str,
    /// `gen county` of a period that is not a quarter.
    pub gen_quarter: &'static str,
    /// `gen county` done: filings, folder, seconds.
    pub generated: fn(usize, &str, f64) -> String,
    /// `review file` without `--branch NAME`.
    pub needs_branch: &'static str,
    /// The console's key label in the papers popup.
    pub key_label: &'static str,
    /// The progress bar's label while receiving.
    pub receiving: &'static str,
    /// What `filing roster import` did: file, branches, branches of the
    /// roster replaced, branches that never filed.
    pub roster_imported: fn(&str, usize, usize, usize) -> String,
    /// `filing roster list`'s columns: branch, scheme, last filed.
    pub h_roster: [&'static str; 3],
    /// Said when no roster was imported.
    pub no_roster: &'static str,
    /// In place of the last period filed, for a branch that never filed.
    pub never_filed: &'static str,
    /// Why a filing is refused.
    pub refusal: fn(&FilingError) -> String,
}
