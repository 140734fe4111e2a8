//! The words of the committee's desk: its publication of received filings
//! (公示), reconsiderations (复议), their decision files and the branch
//! receiving them. The values are in `zh/review.rs` and `en/review.rs`.

use crate::app::committee::DeskState;
use crate::app::review::{ReviewError, ReviewView};

/// Every word of the committee's desk in one language.
#[derive(Debug)]
pub struct ReviewWords {
    /// `filing publish`: period, branches posted now, posted before, from, days, last day.
    pub posted: fn(&str, usize, usize, &str, u32, &str) -> String,
    /// A filing's state at the committee (received / published until / final).
    pub state: fn(&DeskState) -> String,
    /// `review file`: id, branch, period, member, due.
    pub filed: fn(i64, &str, &str, &str, &str) -> String,
    /// `review decide`: the reconsideration as decided.
    pub decided: fn(&ReviewView) -> String,
    /// `review export`: file, id, branch, period, committee chain head.
    pub exported: fn(&str, i64, &str, &str, &str) -> String,
    /// A branch posted a decision: file, review, period, member, upheld?, before, after.
    pub posted_decision: fn(&str, i64, &str, &str, bool, &str, &str) -> String,
    /// The same decision again, ignored: file, review, period.
    pub again: fn(&str, i64, &str) -> String,
    /// A reconsideration in one line, beside its filing (list, rank).
    pub line: fn(&ReviewView) -> String,
    /// `review list`'s columns: id, branch, period, member, status, due, points, reason.
    pub h_reviews: [&'static str; 8],
    /// A reconsideration's status: open, upheld, dismissed.
    pub status: fn(crate::domain::model::AppealStatus) -> &'static str,
    /// `review list` with none.
    pub none: &'static str,
    /// An appeal's status at the branch when a received decision of the
    /// committee closed it: the status as shown, the reconsideration's number.
    pub closed_by: fn(&str, i64) -> String,
    /// Why the desk or a branch refuses.
    pub refusal: fn(&ReviewError) -> String,
}
