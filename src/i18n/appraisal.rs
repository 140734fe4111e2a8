//! The words of the democratic appraisal (民主测评): the command line, the
//! ballots and the result table. The values are in `zh/appraisal.rs` and
//! `en/appraisal.rs`; the refusals' words in `errors/appraisal.rs`.

use super::Lang;

/// Every word of the appraisal in one language.
#[derive(Debug)]
pub struct AppraisalWords {
    /// The act's name: 民主测评.
    pub title: &'static str,
    /// The count (唱票): the console's counting screen and the board's.
    pub count: &'static super::counting::CountWords,
    /// The ballot paper's title: 民主测评票.
    pub ballot_paper: &'static str,
    /// The result paper's title: 测评结果统计表.
    pub result_paper: &'static str,
    pub number: &'static str,
    pub member: &'static str,
    /// Valid ballots that left a member unmarked (弃权).
    pub blank: &'static str,
    /// Ballots counted for a member so far.
    pub counted: &'static str,
    pub grade: &'static str,
    pub points: &'static str,
    /// A score ballot's number (票号).
    pub rater: &'static str,
    pub issued: &'static str,
    pub returned: &'static str,
    pub spoiled: &'static str,
    pub valid: &'static str,
    pub representatives: &'static str,
    /// A member whose counts are all in.
    pub complete: &'static str,
    /// A member whose counts are not yet all in.
    pub incomplete: &'static str,
    pub open: &'static str,
    pub closed: &'static str,
    /// The ballot's instruction to the voter (votes).
    pub vote_note: &'static str,
    /// The ballot's instruction to the rater (scores): part maxima follow.
    pub score_note: &'static str,
    /// The ballot's last line: secret, no name.
    pub secret_note: &'static str,
    /// The result table's signatures: counted by, checked by.
    pub counted_by: &'static str,
    pub checked_by: &'static str,
    /// A part's title with its maximum: title, max.
    pub part_max: fn(&str, f64) -> String,
    /// A paper's head line: branch, period.
    pub paper_head: fn(&str, &str) -> String,
    /// The ballots as one line: issued, representatives, returned, spoiled, valid.
    pub ballots_line: fn(i64, i64, i64, i64, i64) -> String,
    /// `appraisal open`: period, the ballots line.
    pub opened: fn(&str, &str) -> String,
    /// `appraisal record`: member, counted, valid, grade so far (if any).
    pub recorded: fn(&str, i64, i64, Option<&str>) -> String,
    /// `appraisal import`: rows recorded, file.
    pub imported: fn(usize, &str) -> String,
    /// `appraisal close`: period, members with a result, claims posted.
    pub closed_line: fn(&str, usize, usize) -> String,
    /// Counting progress: members complete, of how many.
    pub progress: fn(usize, usize) -> String,
    /// The papers written: how many files, the folder.
    pub written: fn(usize, &str) -> String,
}

/// The appraisal's words in `lang`.
pub fn appraisal_words(lang: Lang) -> &'static AppraisalWords {
    lang.words().appraisal
}
