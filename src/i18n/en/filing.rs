//! The filing's English words.

use crate::app::filing::{FileFault, FilingError};
use crate::app::JournalFault;
use crate::i18n::filing::FilingWords;

/// English words of the filing.
pub const FILING: FilingWords = FilingWords {
    exported: |file, branch, period, seal, members, events| {
        format!("wrote the filing {file}: {branch} {period}, {members} members, {events} events, seal {seal}")
    },
    verified: |file, branch, period, seal| {
        format!("{file}: {branch} {period} verified, seal {seal}")
    },
    other_scheme: |s| {
        format!("Note: the roster names scheme {s}, not the one this filing scores by")
    },
    received: |file, branch, period, seal| {
        format!("{file}: received {branch} {period}, seal {seal}")
    },
    duplicate: |file, branch, period, seal| {
        format!("{file}: {branch} {period} was received before with this seal ({seal}); ignored")
    },
    verified_received: |n| format!("ok: {n} filings received, each as its file says"),
    verified_seal: |seal, branch, period| {
        format!("seal {seal} is the seal of {branch} {period}'s filing as received, intact")
    },
    made_committee: |path| format!("made the committee database {path}"),
    receive_summary: |got, again, refused| {
        format!("received {got}, already received {again}, refused {refused}")
    },
    h_list: [
        "branch",
        "period",
        "state",
        "members",
        "seal",
        "received at",
    ],
    h_missing: ["branch", "period", "last filed"],
    missing_line: |period, branches| format!("not filed for {period}: {}", branches.join(", ")),
    none_received: |period| match period {
        Some(p) => format!("no filing of {p} received yet"),
        None => "no filing received yet".to_string(),
    },
    h_category: [
        "scheme",
        "category",
        "rank",
        "branch",
        "member",
        "score",
        "branch rank",
        "grade",
    ],
    h_rank: ["rank", "member", "score", "grade", "stars", "actions"],
    needs_period: "a committee ranking needs --period PERIOD",
    gen_quarter: "a county's filings are of one quarter, e.g. --period 2026Q4",
    generated: |n, dir, secs| format!("wrote {n} branch filings into {dir} in {secs:.1} s"),
    needs_branch: "a reconsideration is filed against one branch's filing: give --branch NAME",
    key_label: "filing file",
    receiving: "receiving",
    roster_imported: |file, n, replaced, never| {
        let mut s = format!("imported the roster of branches from {file}: {n} branches");
        if replaced > 0 {
            s.push_str(&format!(", replacing the roster of {replaced}"));
        }
        if never > 0 {
            s.push_str(&format!(", {never} of them never filed"));
        }
        s
    },
    h_roster: ["branch", "scheme", "last filed"],
    no_roster: "no roster of branches imported (`jifen filing roster import FILE`)",
    never_filed: "never filed",
    refusal,
};

fn journal(seq: i64, fault: &JournalFault) -> String {
    match fault {
        JournalFault::ChainBroken => format!("chain broken at event {seq}"),
        JournalFault::Edited => format!("event {seq} does not match its hash: it was edited"),
        JournalFault::Unreadable => format!("event {seq} does not read as an event"),
        JournalFault::NotCompact => {
            format!("event {seq} is not in jifen's compact form: it was edited")
        }
        JournalFault::KindMismatch { .. } => format!("event {seq}: its kind and payload differ"),
        JournalFault::NoReplay { .. } => format!("event {seq} cannot be replayed"),
    }
}

fn fault(f: &FileFault) -> String {
    match f {
        FileFault::Truncated => "truncated (the file ends before its JSON does)".into(),
        FileFault::NotJson { line, column } => format!("not JSON (line {line}, column {column})"),
        FileFault::NotFiling => "not a jifen filing".into(),
        FileFault::Version { found } => {
            format!("filing format version {found}; this jifen reads version 1")
        }
        FileFault::Malformed { detail } => format!("a field is missing or malformed ({detail})"),
        FileFault::NoEvents => "no events to check the results against".into(),
        FileFault::Gap { seq, expected } => {
            format!("events do not run on: {seq} where {expected} should be")
        }
        FileFault::Journal { seq, fault, .. } => journal(*seq, fault),
        FileFault::NotSealEvent { seq } => {
            format!("the last event ({seq}) is not the period's lock")
        }
        FileFault::SealMismatch { file_seal, head } => {
            format!("seal mismatch: the file says {file_seal}, the lock event's hash is {head}")
        }
        FileFault::BranchDiffers {
            field,
            file_says,
            events_give,
        } => {
            format!("branch {field} differs: file says {file_says}, events give {events_give}")
        }
        FileFault::ResultDiffers {
            member,
            field,
            file_says,
            events_give,
        } => {
            format!("result for member {member} differs ({field}): file says {file_says}, events give {events_give}")
        }
        FileFault::MemberMissing { member } => {
            format!("the events rank {member}, the file has no result for them")
        }
        FileFault::NoReceipt => "the committee's journal does not hold this filing's receipt as stored: the committee database was edited outside jifen".into(),
        FileFault::StoredTextEdited => "the stored filing is not what was received: the committee database was edited outside jifen".into(),
        FileFault::StoredDiffers { member, field, file_says, stored } => format!(
            "the stored row of member {member} differs ({field}): the file says {file_says}, the database holds {stored}: edited outside jifen"
        ),
        FileFault::MemberExtra { member } => {
            format!("the file has a result for {member}, whom the events do not rank")
        }
    }
}

fn refusal(e: &FilingError) -> String {
    match e {
        FilingError::NotLocked { period, state } => format!(
            "{period} is {} and not locked yet: a filing is written after the lock",
            serde_json::to_value(state).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
        ),
        FilingError::NoLockEvent { period } => {
            format!("{period} is locked but its lock event is missing from the journal: the database is damaged (run `jifen verify`)")
        }
        FilingError::File { file, fault: f } => format!("{file}: {}", fault(f)),
        FilingError::CommitteeDatabase { path } => format!(
            "{path} is a committee database: it receives and shows branches' filings (`jifen filing ...`, `jifen --branch NAME rank`) and keeps no branch of its own"
        ),
        FilingError::BranchDatabase { path } => format!(
            "{path} is a branch's ledger and does not receive other branches' filings: use a committee database (another --db file)"
        ),
        FilingError::Conflict { file, branch, period, received, offered } => format!(
            "{file}: a different filing of {branch} {period} was received before (seal {received}); this one has seal {offered}: refused, ask the branch"
        ),
        FilingError::NoFiles { path } => format!("{path} holds no filing files (*.jifen-filing.json)"),
        FilingError::NotCommittee { path } => format!("{path} is not a committee database (receive filings with `jifen filing receive`, or import a roster of branches with `jifen filing roster import`, first)"),
        FilingError::NotReceived { branch, period, known } => {
            if known.is_empty() {
                format!("no filing of {branch} {period} received (no branch has filed {period})")
            } else {
                format!("no filing of {branch} {period} received (filed: {})", known.join(", "))
            }
        }
        FilingError::SealNotReceived { path, seal } => format!(
            "{path}: no received filing has seal {seal}: receive the branch's filing first (`jifen --db {path} filing receive FILE`), or check the seal the minutes print"
        ),
        FilingError::SomeRefused { refused, files } => format!("{refused} of {files} files refused"),
        FilingError::Review(r) => (crate::i18n::Lang::En.words().review.refusal)(r),
    }
}
