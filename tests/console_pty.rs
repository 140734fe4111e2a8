//! End to end: the real binary in a pseudo-terminal. Start the demo, approve
//! a claim with keys, quit, and find the approval in the ledger.

use jifen::core::{ClaimFilter, Ledger};
use jifen::model::ClaimStatus;
use portable_pty::{native_pty_system, Child, CommandBuilder, PtySize};
use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

struct Session {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    output: Arc<Mutex<Vec<u8>>>,
}

impl Session {
    fn start(db: &Path) -> Session {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 30,
                cols: 100,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_jifen"));
        cmd.args(["--lang", "en", "demo", "--db"]);
        cmd.arg(db);
        cmd.env("TERM", "xterm-256color");
        cmd.env("JIFEN_ACTOR", "pty-test");
        let child = pair.slave.spawn_command(cmd).expect("spawn jifen");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let writer = pair.master.take_writer().expect("writer");
        let output = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&output);
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                if let Ok(mut o) = sink.lock() {
                    o.extend_from_slice(&buf[..n]);
                }
            }
        });
        // Keep the master alive as long as the session.
        std::mem::forget(pair.master);
        Session {
            child,
            writer,
            output,
        }
    }

    fn text(&self) -> String {
        self.output
            .lock()
            .map(|o| String::from_utf8_lossy(&o).into_owned())
            .unwrap_or_default()
    }

    fn wait_for(&self, needle: &str) {
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            if self.text().contains(needle) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!(
            "timed out waiting for {needle:?}; screen so far:\n{}",
            self.text()
        );
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("write");
        self.writer.flush().expect("flush");
        std::thread::sleep(Duration::from_millis(150));
    }

    fn wait_exit(&mut self) -> bool {
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                return status.success();
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        panic!("jifen did not exit; screen:\n{}", self.text());
    }
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
    let mut s = Session::start(&db);
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
    let mut s = Session::start(&db);
    s.wait_for("Steps of the meeting");
    // A second console on the same file is read-only and says who holds it.
    let l = Ledger::open(&db, None).expect("ledger");
    let held = l
        .take_console_lease("other@host")
        .expect("db")
        .expect_err("held");
    assert!(held.holder.contains('@'));
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
