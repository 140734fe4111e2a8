//! A board, a console and a CLI writer on one database at once: the board
//! polls `data_version` and re-ranks as the room display does, a console-like
//! `Ledger` in a thread gives verdicts, and the real binary gives more verdicts
//! in a loop. No "database is locked" reaches anyone, no verdict is lost, the
//! board ends on the same ranking as a fresh reader, and `verify` passes.

use jifen::app::{verify, ClaimDraft, ClaimFilter, Ledger, MemberDraft, RankScope};
use jifen::domain::model::{Category, ClaimStatus, MemberStatus, Outcome, PeriodId};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

const MEMBERS: usize = 40;
const CONSOLE_VERDICTS: usize = 200;
const CLI_VERDICTS: usize = 100;

/// A branch with members and pending claims; returns the claim ids.
fn setup(path: &Path) -> Vec<i64> {
    let mut l = Ledger::init(path, "并发支部", "bureau-80", None).expect("init");
    l.open_period("2026Q4").expect("period");
    let drafts: Vec<MemberDraft> = (0..MEMBERS)
        .map(|i| MemberDraft {
            name: format!("成员{i:02}"),
            category: Category::Full,
            tier: None,
            group: None,
            status: MemberStatus::Active,
        })
        .collect();
    let ids = l.add_members(&drafts).expect("members");
    let items = ["other.blood", "work.speech", "other.suggestion"];
    let mut claims = Vec::new();
    let all = l.members().expect("members");
    for i in 0..CONSOLE_VERDICTS + CLI_VERDICTS {
        let mut d = ClaimDraft::new(ids[i % ids.len()], items[i % items.len()]);
        if d.item == "work.speech" {
            d.level = Some("city".into());
        }
        d.period = Some("2026Q4".into());
        claims.push(l.check_claim(&d, &all).expect("claim"));
    }
    l.add_checked_claims(claims).expect("add claims")
}

fn outcome(i: usize) -> Outcome {
    if i.is_multiple_of(3) {
        Outcome::Rejected
    } else {
        Outcome::Approved
    }
}

fn cli_verdict(db: &Path, id: i64, o: Outcome) -> Result<(), String> {
    let word = if o == Outcome::Rejected {
        "reject"
    } else {
        "approve"
    };
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_jifen"));
    cmd.arg("--db")
        .arg(db)
        .args(["verdict", &id.to_string(), word]);
    if o == Outcome::Rejected {
        cmd.args(["--reason", "x"]);
    }
    let out = cmd
        .env("JIFEN_ACTOR", "cli")
        .output()
        .map_err(|e| e.to_string())?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "jifen verdict {id} {word}: exit {:?}: {}",
            out.status.code(),
            String::from_utf8_lossy(&out.stderr)
        ))
    }
}

#[test]
fn board_console_and_cli_at_once() {
    let dir = tempfile::tempdir().expect("tmp");
    let db: PathBuf = dir.path().join("shared.sqlite");
    let ids = setup(&db);
    let period: PeriodId = "2026Q4".parse().expect("period");
    let scope = RankScope::Period(period);
    let (console_ids, cli_ids) = ids.split_at(CONSOLE_VERDICTS);
    let expected: HashMap<i64, Outcome> = ids
        .iter()
        .enumerate()
        .map(|(i, id)| (*id, outcome(i)))
        .collect();

    let done = Arc::new(AtomicBool::new(false));

    // The board: poll data_version, re-rank when it moved.
    let board = {
        let db = db.clone();
        let done = Arc::clone(&done);
        std::thread::spawn(
            move || -> (usize, Vec<String>, Option<jifen::app::Ranking>) {
                let l = Ledger::open_read_only(&db, None).expect("board opens");
                let mut errors = Vec::new();
                let mut version = None;
                let mut last = None;
                let mut reads = 0;
                // One last poll after the writers finished: that is the converged frame.
                let mut final_poll = false;
                loop {
                    if done.load(Ordering::SeqCst) {
                        final_poll = true;
                    }
                    match l.data_version() {
                        Ok(v) if Some(v) != version => match l.ranking(&scope) {
                            Ok(r) => {
                                reads += 1;
                                version = Some(v);
                                last = Some(r);
                            }
                            Err(e) => errors.push(format!("ranking: {e}")),
                        },
                        Ok(_) => {}
                        Err(e) => errors.push(format!("data_version: {e}")),
                    }
                    if final_poll {
                        return (reads, errors, last);
                    }
                    std::thread::sleep(Duration::from_millis(5));
                }
            },
        )
    };

    // The console: one long-lived writing ledger.
    let console = {
        let db = db.clone();
        let work: Vec<(i64, Outcome)> = console_ids.iter().map(|id| (*id, expected[id])).collect();
        std::thread::spawn(move || -> Vec<String> {
            let mut l = Ledger::open(&db, None).expect("console opens");
            l.set_actor("console");
            let mut errors = Vec::new();
            for (id, o) in work {
                let reason = (o == Outcome::Rejected).then_some("不符合条件");
                if let Err(e) = l.verdict(id, o, None, reason) {
                    errors.push(format!("verdict {id}: {e}"));
                }
                // A secretary's pace, so the console's writes spread over
                // the CLI's run instead of finishing before it starts.
                std::thread::sleep(Duration::from_millis(8));
            }
            errors
        })
    };

    // The CLI: one process per verdict, as a script would run it.
    let cli = {
        let db = db.clone();
        let work: Vec<(i64, Outcome)> = cli_ids.iter().map(|id| (*id, expected[id])).collect();
        std::thread::spawn(move || -> Vec<String> {
            work.into_iter()
                .filter_map(|(id, o)| cli_verdict(&db, id, o).err())
                .collect()
        })
    };

    let console_errors = console.join().expect("console thread");
    let cli_errors = cli.join().expect("cli thread");
    done.store(true, Ordering::SeqCst);
    let (reads, board_errors, last) = board.join().expect("board thread");

    assert!(
        console_errors.is_empty(),
        "console errors: {console_errors:#?}"
    );
    assert!(cli_errors.is_empty(), "CLI errors: {cli_errors:#?}");
    assert!(board_errors.is_empty(), "board errors: {board_errors:#?}");
    assert!(reads > 10, "the board followed the writers ({reads} reads)");

    // Nothing lost: every verdict is in the database.
    let l = Ledger::open(&db, None).expect("reopen");
    let claims = l.claims(&ClaimFilter::default()).expect("claims");
    assert_eq!(claims.len(), ids.len());
    for c in &claims {
        let want = match expected[&c.id] {
            Outcome::Rejected => ClaimStatus::Rejected,
            _ => ClaimStatus::Approved,
        };
        assert_eq!(c.status, want, "claim #{}", c.id);
    }
    let events: i64 = jifen::store::open_ro(l.path())
        .expect("db")
        .query_row(
            "SELECT count(*) FROM event WHERE kind = 'verdict'",
            [],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(events as usize, ids.len(), "one journal event per verdict");

    // The board converged on what a fresh reader sees.
    let fresh = Ledger::open_read_only(&db, None)
        .expect("fresh reader")
        .ranking(&scope)
        .expect("ranking");
    assert_eq!(last.as_ref(), Some(&fresh), "the board's last ranking");
    assert!(fresh.rows.iter().all(|r| r.pending == 0));

    verify(&db, None).expect("verify");
}
