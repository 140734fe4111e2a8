//! The democratic appraisal's English words.

use crate::domain::model::fmt_points as p;
use crate::i18n::appraisal::AppraisalWords;

pub const APPRAISAL: AppraisalWords = AppraisalWords {
    title: "Democratic appraisal",
    count: &super::counting::COUNTING,
    ballot_paper: "Appraisal ballot",
    result_paper: "Appraisal results",
    number: "No.",
    member: "Member",
    blank: "Blank",
    counted: "Counted",
    grade: "Grade",
    points: "Points",
    rater: "Ballot",
    issued: "Issued",
    returned: "Returned",
    spoiled: "Spoiled",
    valid: "Valid",
    representatives: "Representatives",
    complete: "complete",
    incomplete: "counting",
    open: "open",
    closed: "closed",
    vote_note: "Tick one box per member under the grade you choose; no tick is a blank, more than one spoils that member's vote.",
    score_note: "Score each member on each part, at most the part's maximum:",
    secret_note: "This ballot is secret: do not write your name.",
    counted_by: "Counted by",
    checked_by: "Checked by",
    part_max: |title, max| format!("{title} (max {})", p(max)),
    paper_head: |branch, period| format!("{branch}  {period}"),
    ballots_line: |issued, reps, returned, spoiled, valid| {
        let reps = match reps {
            0 => String::new(),
            r => format!(" ({r} for representatives)"),
        };
        format!("{issued} ballots issued{reps}, {returned} returned, {spoiled} spoiled, {valid} valid")
    },
    opened: |period, ballots| format!("appraisal of {period} open: {ballots}"),
    recorded: |member, counted, valid, grade| match grade {
        Some(g) => format!("{member}: {counted} of {valid} ballots counted, grade so far {g}"),
        None => format!("{member}: {counted} of {valid} ballots counted, no grade yet"),
    },
    imported: |n, file| format!("{n} rows of appraisal counts imported from {file}"),
    closed_line: |period, results, posted| {
        format!("appraisal of {period} closed: {results} members have a result, {posted} points entries posted")
    },
    progress: |done, all| format!("{done} of {all} members counted"),
    written: |n, dir| format!("{n} files written to {dir}"),
};
