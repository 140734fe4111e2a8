//! The committee desk's English words.

use crate::app::committee::DeskState;
use crate::app::review::{DecisionFault, ReviewError};
use crate::domain::model::{fmt_points, AppealStatus};
use crate::i18n::review::ReviewWords;

/// English words of the committee's desk.
pub const REVIEW: ReviewWords = ReviewWords {
    posted: |period, now, before, from, days, end| match now {
        0 => format!("every filing of {period} was posted before ({before}); nothing posted"),
        n => format!(
            "posted {n} filings of {period} from {from} for {days} working days, until {end}{}",
            if before > 0 {
                format!(" ({before} posted before)")
            } else {
                String::new()
            }
        ),
    },
    state: |s| match s {
        DeskState::Received => "received".to_string(),
        DeskState::Published { until } => format!("published until {until}"),
        DeskState::Final { since } => format!("final (window closed {since})"),
    },
    filed: |id, branch, period, member, due| {
        format!(
            "filed reconsideration {id}: {member} of {branch} against {period}; decision due {due}"
        )
    },
    decided: |r| match r.status {
        AppealStatus::Upheld => format!(
            "reconsideration {} upheld: {} {} on {}; export the decision for {}",
            r.id,
            r.member,
            r.points.map(fmt_points).unwrap_or_default(),
            r.item.as_deref().unwrap_or("-"),
            r.branch
        ),
        _ => format!(
            "reconsideration {} dismissed: {}'s score stands; export the decision for {}",
            r.id, r.member, r.branch
        ),
    },
    exported: |file, id, branch, period, head| {
        format!("wrote the decision {file}: reconsideration {id}, {branch} {period}, committee chain head {head}")
    },
    posted_decision: |file, id, period, member, upheld, before, after| {
        if upheld {
            format!("{file}: reconsideration {id} upheld; {member}'s {period} score {before} -> {after} (a correction; the seal stands)")
        } else {
            format!(
                "{file}: reconsideration {id} dismissed; {member}'s {period} score stays {before}"
            )
        }
    },
    again: |file, id, period| {
        format!(
            "{file}: the decision on reconsideration {id} ({period}) was received before; ignored"
        )
    },
    line: |r| {
        let what = match r.status {
            AppealStatus::Upheld => format!(
                "upheld {} on {}",
                r.points.map(fmt_points).unwrap_or_default(),
                r.item.as_deref().unwrap_or("-")
            ),
            AppealStatus::Dismissed => "dismissed".to_string(),
            _ if r.overdue => format!("open, overdue since {}", r.due),
            _ => format!("open, due {}", r.due),
        };
        format!("reconsideration {} {}: {what}", r.id, r.member)
    },
    h_reviews: [
        "id", "branch", "period", "member", "status", "due", "points", "reason",
    ],
    status: |s| match s {
        AppealStatus::Upheld => "upheld",
        AppealStatus::Dismissed => "dismissed",
        AppealStatus::Open => "open",
    },
    none: "no reconsideration filed",
    closed_by: |status, review| format!("{status} (committee's reconsideration {review})"),
    refusal,
};

fn fault(f: &DecisionFault) -> String {
    match f {
        DecisionFault::Truncated => "truncated (the file ends before its JSON does)".into(),
        DecisionFault::NotJson { line, column } => {
            format!("not JSON (line {line}, column {column})")
        }
        DecisionFault::NotDecision => "not a jifen reconsideration decision".into(),
        DecisionFault::IsFiling => "a filing file, which a committee database receives".into(),
        DecisionFault::Version { found } => {
            format!("decision format version {found}; this jifen reads version 1")
        }
        DecisionFault::Malformed { detail } => {
            format!("a field is missing or malformed ({detail})")
        }
        DecisionFault::EventEdited => {
            "the committee's decision event does not match its hash: the file was edited".into()
        }
        DecisionFault::Differs { field } => {
            format!("{field} differs from the committee's decision event: the file was edited")
        }
    }
}

fn refusal(e: &ReviewError) -> String {
    match e {
        ReviewError::NothingToPost { period } => {
            format!("no filing of {period} received: nothing to post")
        }
        ReviewError::BadDays { days } => {
            format!("{days} days: a publication runs 1 to 60 working days")
        }
        ReviewError::NoSuchReview { id } => format!("no reconsideration {id}"),
        ReviewError::Decided { id, outcome } => {
            format!("reconsideration {id} was decided already ({outcome}): a decision is final")
        }
        ReviewError::NotDecided { id } => {
            format!("reconsideration {id} is not decided yet: decide it first (`jifen review decide {id} uphold|dismiss`)")
        }
        ReviewError::NeedsText => "a reconsideration request needs the member's words (--text)".into(),
        ReviewError::UnknownMember { branch, period, member } => {
            format!("{member} is not in {branch}'s filing of {period}")
        }
        ReviewError::UnknownItem { scheme, item } => {
            format!("{item} is not an item of the scheme {scheme}")
        }
        ReviewError::UpheldNeedsPoints => {
            "uphold needs --points P and an item (--item CODE, or the one the request named)".into()
        }
        ReviewError::PointsOnlyUpheld => "--points and --item go with uphold only".into(),
        ReviewError::PointsZero => "0 points corrects nothing: give the points to add or take back".into(),
        ReviewError::NotADecision => "the committee's decision is uphold or dismiss".into(),
        ReviewError::File { file, fault: f } => format!("{file}: {}", fault(f)),
        ReviewError::OtherBranch { file, for_branch, here } => format!(
            "{file}: the decision is for {for_branch}, this database is {here}'s: refused, nothing written"
        ),
        ReviewError::UnknownSeal { file, period, seal } => format!(
            "{file}: the decision answers a filing of {period} with seal {seal}, which this branch never sealed: refused, nothing written"
        ),
        ReviewError::NoSuchMember { file, member } => {
            format!("{file}: the decision is about {member}, who is not a member here: refused")
        }
        ReviewError::BadAppeal { appeal } => {
            format!("--appeal {appeal}: an appeal's number is the positive one the branch gave it (`jifen appeal list`)")
        }
        ReviewError::NoSuchAppeal { file, appeal } => format!(
            "{file}: the decision closes appeal {appeal}, which this branch does not have: refused, nothing written"
        ),
        ReviewError::AppealClosed { file, appeal, status } => format!(
            "{file}: the decision closes appeal {appeal}, which is closed already ({}): refused, nothing written",
            status.code()
        ),
        ReviewError::AppealOther { file, appeal, member, period } => format!(
            "{file}: appeal {appeal} is {member}'s about {period}, not the decision's member and period: refused, nothing written"
        ),
        ReviewError::IntoCommittee { path } => format!(
            "{path} is a committee database: a decision file is received by the branch (`jifen --db BRANCH filing receive FILE`)"
        ),
    }
}
