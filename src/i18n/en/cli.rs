//! The command line's English words.

use crate::domain::model::AppealStatus;
use crate::i18n::cli::CliWords;

/// English words of the command line.
pub const CLI: CliWords = CliWords {
    init_needs_branch: "init needs --branch NAME",
    correction_needs_both: "a correction needs both --item and --points",
    publish_needs_period: "give a period to publish, or --check",
    done: "done",
    overdue: "OVERDUE",
    h_members: ["id", "name", "category", "tier", "group", "status"],
    h_periods: ["period", "state", "seal", "publication ends"],
    h_claims: [
        "id", "period", "member", "item", "title", "level", "count", "points", "status", "reason",
    ],
    h_rank: ["rank", "member", "category"],
    h_rank_tail: ["score", "grade", "stars", "actions", "confirmed"],
    h_statement: ["id", "item", "level", "count", "points", "status", "reason"],
    h_appeals: [
        "id",
        "period",
        "member",
        "stage",
        "status",
        "due",
        "days left",
        "correction",
        "text",
    ],
    h_follow_ups: ["member", "score", "rank", "action", "name", "done", "note"],
    h_schemes: ["id", "name", "cycle", "items"],
    no_database: |path| format!("{path}: no such database"),
    no_backup: |path| format!("{path}: no such backup"),
    gen_exists: |path| format!("{path}: already exists; gen writes a new database"),
    file_error: |path, e| format!("{path}: {e}"),
    retotal_differs: |path, n| {
        format!(
            "{path}: {n} kept scores differ from the tallies (run `jifen retotal` to rewrite them)"
        )
    },
    no_scheme: |id, ids| format!("no built-in scheme '{id}' (schemes: {ids})"),
    demo_written: |path| format!("demo branch written to {path}"),
    demo_board: |path| format!("room display (a second terminal): jifen board --db {path}"),
    branch_made: |branch, scheme, path| format!("branch {branch} on scheme {scheme} in {path}"),
    imported_members: |n| format!("imported {n} members"),
    imported_claims: |n| format!("imported {n} claims"),
    renamed: |id, old, new| format!("member {id} {old} renamed to {new}"),
    period_opened: |p| format!("period {p} open"),
    period_started: |p| format!("period {p} in session"),
    verdict_given: |claim, member, status, points| {
        format!("claim {claim} of {member} {status}: {points} points count")
    },
    confirmed: |member, p| format!("{member} confirmed the statement of {p}"),
    disputed: |member, p| format!("{member} disputed the statement of {p}"),
    marked: |member, mark, p, withdrawn, made| {
        let mut s = format!("{member} {mark} in {p}");
        if let Some(id) = withdrawn {
            s.push_str(&format!("; claim {id} withdrawn"));
        }
        if let Some(id) = made {
            s.push_str(&format!("; claim {id} pending"));
        }
        s
    },
    locked: |p, n| format!("locked {p} ({n} members)"),
    unconfirmed: |names| format!("unconfirmed: {names}"),
    seal: |seal| format!("seal {seal}"),
    undone: |what| format!("undone: {what}"),
    verified: |n| format!("ok: {n} events, chain intact, state matches the journal"),
    verified_lock: |p, seal| format!("locked {p}: seal {seal}, totals match"),
    seal_matches: |p| format!("seal matches the lock of {p}"),
    restored: |db, from, lost, kept| {
        let kept = kept
            .map(|k| format!("; the replaced database is kept as {k}"))
            .unwrap_or_default();
        format!("restored {db} from {from} ({lost} newer event(s) discarded){kept}")
    },
    generated: |members, branches, years, secs| {
        format!("generated {members} members in {branches} branches, {years} years, in {secs:.1}s")
    },
    setting_set: |key, value, branch| format!("{key} set to {value} for branch {branch}"),
    published_until: |p| match p.window_end {
        Some(end) => {
            let unit = if p.working_days {
                "working days"
            } else {
                "days"
            };
            format!("published until {end} ({} {unit})", p.days)
        }
        None => String::new(),
    },
    published: |p, end| format!("published {p} until {end}"),
    provisional_calendar:
        "note: the holiday list of that year is an estimate; check data/holidays or holidays.toml",
    finalized: |p| format!("period {p} final"),
    appeal_filed: |id, due| format!("appeal {id}: reply due {due}"),
    appeal_at_higher: |id, due| format!("appeal {id} at the higher committee, reply due {due}"),
    appeal_replied: |id, status, correction| match correction {
        Some(c) => format!("appeal {id} {status}: correction {c}"),
        None => format!("appeal {id} {status}"),
    },
    appeal_status: |status, overdue| {
        if status == AppealStatus::Open && overdue {
            "OVERDUE".to_string()
        } else {
            status.code().to_string()
        }
    },
    window_line: |p, finalized| {
        let end = p.window_end.map(|d| d.to_string()).unwrap_or_default();
        let what = if finalized {
            "final now".to_string()
        } else if !p.closed {
            format!("window open until {end}")
        } else {
            format!("window closed {end}, {} appeal(s) open", p.open_appeals)
        };
        let overdue = if p.overdue_appeals > 0 {
            format!(", {} overdue", p.overdue_appeals)
        } else {
            String::new()
        };
        format!("{} {}: {what}{overdue}", p.period, p.state)
    },
    follow_up_done: |member, action, scope| format!("{member} {action} {scope}: done"),
    rank_heading: |branch, scope, state, seal| match seal {
        Some(s) => format!("{branch} {scope} {state} seal {s}"),
        None => format!("{branch} {scope} {state}"),
    },
    statement_total: |total, rank, of, grade, stars| {
        let stars = stars.map(|n| format!(" {n} stars")).unwrap_or_default();
        format!("total {total}  rank {rank}/{of}  {grade}{stars}")
    },
    unknown_paper: |p| {
        format!("unknown paper '{p}' (notice, cards, summary, filing, minutes, all)")
    },
    unknown_format: |f| format!("unknown format '{f}' (csv, xlsx, html)"),
    bad_period: |text| format!("bad period '{text}' (expected e.g. 2026Q4, 2026H2 or 2026)"),
    cell_category: |c| c.code(),
    cell_member_status: |s| s.code(),
    cell_claim_status: |s| s.code(),
    cell_confirmation: |c| c.as_str(),
    cell_attendance: |a| a.code(),
    cell_period_state: |s| s.to_string(),
    cell_level: |code| code.to_string(),
    cell_stage: |s| s.to_string(),
};
