//! End to end: the real binary in a pseudo-terminal. Start the demo, approve
//! a claim with keys, quit, and find the approval in the ledger.

use crate::common;
use common::pty::Pty;
use jifen::app::{ClaimFilter, Ledger};
use jifen::domain::model::ClaimStatus;
use std::path::Path;

/// The demo console in a 100x30 terminal.
fn session(db: &Path) -> Pty {
    Pty::start(
        &[
            "--lang".as_ref(),
            "en".as_ref(),
            "demo".as_ref(),
            "--db".as_ref(),
            db.as_os_str(),
        ],
        100,
        30,
        &[("JIFEN_ACTOR", "pty-test")],
    )
}

fn approved_in_q4(db: &Path) -> Vec<i64> {
    let l = Ledger::open(db, None).expect("ledger");
    l.claims(&ClaimFilter {
        period: Some("2026Q4".into()),
        ..Default::default()
    })
    .expect("claims")
    .into_iter()
    .filter(|c| c.status == ClaimStatus::Approved)
    .map(|c| c.id)
    .collect()
}

#[test]
fn demo_approve_quit_and_verify() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("demo.sqlite");
    let mut s = session(&db);
    s.wait_for("Steps of the meeting");
    let before = approved_in_q4(&db);
    s.send("2");
    s.wait_for("Claims by member");
    s.send("\t");
    s.send("a");
    s.wait_for("approved #");
    s.send("q");
    assert!(s.wait_exit(), "clean exit; screen:\n{}", s.text());
    let out = s.text();
    assert!(out.contains("\x1b[?1049l"), "the alternate screen was left");

    let after = approved_in_q4(&db);
    assert_eq!(after.len(), before.len() + 1, "one more approved claim");
    let verify = std::process::Command::new(env!("CARGO_BIN_EXE_jifen"))
        .args(["verify", "--db"])
        .arg(&db)
        .output()
        .expect("run verify");
    assert!(
        verify.status.success(),
        "verify failed: {}{}",
        String::from_utf8_lossy(&verify.stdout),
        String::from_utf8_lossy(&verify.stderr)
    );
    // The lease was given back: a new console gets it at once.
    let l = Ledger::open(&db, None).expect("ledger");
    assert!(l.take_console_lease("next@host").expect("db").is_ok());
}

#[test]
fn terminal_restored_when_the_tty_hangs_up() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("demo.sqlite");
    let mut s = session(&db);
    s.wait_for("Steps of the meeting");
    // A second console on the same file is read-only and says who holds it.
    let l = Ledger::open(&db, None).expect("ledger");
    let held = l
        .take_console_lease("other@host")
        .expect("db")
        .expect_err("held");
    assert!(held.row.holder.contains('@'));
    if let Some(pid) = s.child.process_id() {
        let _ = std::process::Command::new("kill")
            .args(["-HUP", &pid.to_string()])
            .status();
    }
    let _ = s.wait_exit();
    assert!(
        s.text().contains("\x1b[?1049l"),
        "the alternate screen was left on SIGHUP"
    );
}
