//! The words of the appraisal's count (唱票): the console's counting screen
//! and the board's live count and result table. The values are in
//! `zh/counting.rs` and `en/counting.rs`.

/// The count's words in one language.
#[derive(Debug)]
pub struct CountWords {
    /// The board's title while counting: 民主测评 唱票.
    pub counting: &'static str,
    /// The board's title after the close: 民主测评结果.
    pub results: &'static str,
    /// No appraisal opened for the period yet.
    pub not_opened: fn(period: &str) -> String,
    /// The member being counted, typed so far: member, counted, valid.
    pub running: fn(member: &str, counted: i64, valid: i64) -> String,
    /// Ballots still to count for the member (valid less counted).
    pub left: fn(n: i64) -> String,
    /// Counted above the valid ballots, by how many.
    pub over: fn(n: i64) -> String,
    /// The counting screen's line when the appraisal is closed.
    pub closed_note: &'static str,
    /// The score ballot being counted (票号): its number, of the valid ballots.
    pub ballot_no: fn(rater: i64, valid: i64) -> String,
    /// A count refused: the core's reason follows.
    pub refused: &'static str,
    /// The yes/no question before opening: its title and what it does.
    pub ask_open: &'static str,
    pub ask_open_info: &'static str,
    /// What the open issues: ballots, of them for voting members present, for representatives.
    pub will_issue: fn(issued: i64, present: i64, reps: i64) -> String,
    /// The ballots form: its title.
    pub ask_ballots: &'static str,
    /// The yes/no question before closing, and one result line: member, grade, points.
    pub ask_close: &'static str,
    pub result_line: fn(member: &str, grade: &str, points: Option<f64>) -> String,
    /// Members without a result (nothing counted for them): how many.
    pub without_result: fn(n: usize) -> String,
    /// The close posts no points (a year grade only).
    pub close_posts_none: &'static str,
    /// The undo of the last count: the question, and the status after.
    pub ask_undo: &'static str,
    pub undo_info: fn(member: &str, before: &str) -> String,
    pub undone: fn(member: &str) -> String,
    /// A score ballot's earlier scores recorded again: member, ballot number, what they are.
    pub undone_scores: fn(member: &str, rater: i64, before: &str) -> String,
    /// Nothing counted on this screen to take back.
    pub nothing_to_undo: &'static str,
    /// A member's counts as one short text (`优秀 8 合格 3`), none: 无.
    pub none: &'static str,
    /// Members counted in full, of how many (the board's line).
    pub board_progress: fn(done: usize, all: usize) -> String,
    /// No voting member is marked present: mark the roll call, or type the
    /// ballots to issue below (the console's own words for the core's refusal).
    pub no_ballots: fn(period: &str) -> String,
    /// The field for the ballots to issue when the roll call gives none.
    pub ballots_to_issue: &'static str,
    /// The points prompt: its title (member, grade) and its range line.
    pub ask_points: fn(member: &str, grade: &str) -> String,
    pub points_range: fn(min: f64, max: f64, now: Option<f64>) -> String,
    /// The member has no grade with a points range yet (or the appraisal gives no points).
    pub points_none: fn(member: &str) -> String,
    /// Points chosen for a member.
    pub points_chosen: fn(member: &str, points: f64) -> String,
}
