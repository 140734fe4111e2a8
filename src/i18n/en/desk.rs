//! The English words of the committee's desk (console and board).

use crate::app::committee::DeskState;
use crate::app::committee_view::LineStatus;
use crate::i18n::desk::DeskWords;

/// English words of the committee's desk.
pub const DESK: DeskWords = DeskWords {
    committee: "Committee filings",
    filings: "Filings",
    ranking: "Ranking by category",
    branch_ranking: "Branch ranking",
    reviews: "Reconsiderations",
    state: |l| {
        let s = match &l.status {
            LineStatus::Filed(DeskState::Received) => "received".to_string(),
            LineStatus::Filed(DeskState::Published { until }) => format!("published to {until}"),
            LineStatus::Filed(DeskState::Final { .. }) => "final".to_string(),
            LineStatus::Awaited => "awaited".to_string(),
            LineStatus::Missing => "missing".to_string(),
        };
        if l.late {
            format!("{s} (late)")
        } else {
            s
        }
    },
    summary: |period, due, expected, filed, late, missing, awaited| {
        let mut s = format!("{period}  expected {expected}  filed {filed}");
        if late > 0 {
            s.push_str(&format!("  late {late}"));
        }
        if missing > 0 {
            s.push_str(&format!("  missing {missing}"));
        }
        if awaited > 0 {
            s.push_str(&format!("  awaited {awaited}"));
        }
        s.push_str(&format!("  due {due}"));
        s
    },
    board_counts: |filed, expected, late, missing| {
        let mut s = format!("filed {filed}/{expected}");
        if late > 0 {
            s.push_str(&format!("  late {late}"));
        }
        if missing > 0 {
            s.push_str(&format!("  missing {missing}"));
        }
        s
    },
    h_filings: ["Branch", "State", "Seal", "Received", "Members", "Recons."],
    h_ranking: ["Place", "Member", "Branch", "Score", "At branch", "Grade"],
    h_branch: ["Rank", "Member", "Score", "Grade", "Stars", "Actions"],
    h_reviews: [
        "No.", "Branch", "Member", "Item", "Status", "Due", "Left", "Points",
    ],
    group: |scheme, category, n| format!("{category}  {scheme}  ({n} members)"),
    days_left: |d| match d {
        d if d < 0 => format!("{} days over", -d),
        0 => "due today".to_string(),
        1 => "1 working day".to_string(),
        d => format!("{d} working days"),
    },
    overdue: "overdue",
    sort_names: ["by branch", "by state", "by day received"],
    sorted: |s| format!("sorted {s}"),
    none_yet: "No filing received yet: r receives an inbox folder",
    none_ranked: "No member to rank in this period",
    no_reviews: "No reconsideration yet: n files one",
    no_match: |s| format!("no match: {s}"),
    detail: "Filing",
    d_period: "Period",
    d_state: "State",
    d_seal: "Seal",
    d_received: "Received",
    d_members: "Members",
    d_scheme: "Scheme",
    d_file: "File",
    d_sha: "File SHA-256",
    d_last_filed: "Last filed",
    d_due: "Due",
    ask_publish: "Publish filings",
    publish_info: |period, n, days, from, end| {
        format!("Post the {n} filings of {period} not posted yet\nfrom {from} for {days} working days, to {end}?")
    },
    ask_receive: "Receive filings",
    f_folder: "Folder or file",
    receive_info: "Every .jifen-filing.json in it is checked and received",
    receiving: |done, all| format!("receiving {done}/{all}"),
    receiving_note: "Ctrl-C quits; what was received stays (each file is whole or not at all)",
    while_receiving: "While receiving (other keys wait)",
    receipt_failed: |e| format!("cannot start receiving: {e}"),
    receipt_stopped: "the receipt stopped: what was received stays; receive the folder again",
    received: |new, again, refused| {
        format!("{new} received, {again} already here, {refused} refused")
    },
    ask_file: "File a reconsideration",
    f_branch: "Branch",
    f_member: "Member (name or id)",
    f_item: "Item (code or title, may be empty)",
    f_text: "The member's request",
    f_points: "Points (e.g. 2 or -1)",
    f_reason: "Reason",
    ask_uphold: "Decision: upheld",
    ask_dismiss: "Decision: dismissed",
    review_info: |id, branch, member, text| {
        format!("Reconsideration {id}: {branch} {member}: {text}")
    },
    ask_export: "Write the decision file",
    bad_points: "points must be a number",
    needs_open: "this reconsideration is decided already",
    needs_decided: "this reconsideration is not decided yet",
    nothing_selected: "no row selected",
    search: "Search branches",
    k_filings: "filings",
    k_ranking: "ranking",
    k_reviews: "recons.",
    k_screens: "1 filings  2 ranking  3 recons.",
    k_next_screen: "next screen",
    k_prev_period: "previous period",
    k_next_period: "next period",
    k_detail: "details",
    k_sort: "sort",
    k_search: "search",
    k_publish: "publish",
    k_receive: "receive",
    k_branch: "branch ranking",
    k_file: "file",
    k_uphold: "uphold",
    k_dismiss: "dismiss",
    k_export: "decision file",
    k_close: "close",
    k_leave: "quit (received files stay)",
    board_title: "Ranking by category",
    board_nothing: "No filing for this period yet",
    board_cols: ["Place", "Member", "Branch", "Score"],
};
