//! The appraisal count's English words.

use crate::domain::model::fmt_points as p;
use crate::i18n::counting::CountWords;

pub const COUNTING: CountWords = CountWords {
    counting: "Democratic appraisal: the count",
    results: "Democratic appraisal: results",
    not_opened: |period| format!("No appraisal opened for {period}"),
    running: |member, counted, valid| format!("{member}: {counted}/{valid} ballots counted"),
    left: |n| format!("{n} to go"),
    over: |n| format!("{n} too many"),
    closed_note: "The appraisal is closed; its results are posted",
    ballot_no: |rater, valid| format!("ballot {rater}/{valid}"),
    refused: "Not recorded",
    ask_open: "Open the appraisal?",
    ask_open_info: "Ballots: the voting members present at the roll call, plus the scheme's mass representatives",
    will_issue: |issued, present, reps| {
        format!("{issued} ballots: {present} voting members present, {reps} representatives")
    },
    ask_ballots: "Ballots returned and spoiled",
    ask_close: "Close the appraisal and post the results?",
    result_line: |member, grade, points| match points {
        Some(x) => format!("{member}  {grade}  {} pts", p(x)),
        None => format!("{member}  {grade}"),
    },
    without_result: |n| format!("{n} more members have no counts and no result"),
    close_posts_none: "The appraisal grade stands beside the points grade for the branch to decide",
    ask_undo: "Undo the last count?",
    undo_info: |member, before| format!("{member} back to: {before}"),
    undone: |member| format!("{member}'s earlier counts are back"),
    undone_scores: |member, rater, before| {
        format!("{member}'s earlier scores on ballot {rater} are back: {before}")
    },
    nothing_to_undo: "No count of this session to undo",
    none: "none",
    board_progress: |done, all| format!("{done}/{all} members counted"),
    no_ballots: |period| {
        format!("{period}: no voting member is marked present: mark the roll call first, or type the ballots to issue below and open")
    },
    ballots_to_issue: "Ballots to issue",
    ask_points: |member, grade| format!("Points for {member} ({grade})"),
    points_range: |min, max, now| match now {
        Some(x) => format!("choose within {}-{}; now {}", p(min), p(max), p(x)),
        None => format!("choose within {}-{}", p(min), p(max)),
    },
    points_none: |member| format!("{member} has no grade with a points range yet: no points to choose"),
    points_chosen: |member, points| format!("{member}: appraisal points set to {}", p(points)),
};
