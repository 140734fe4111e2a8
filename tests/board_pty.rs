//! End to end: the real `jifen board` in a pseudo-terminal follows a change
//! made through another connection, quits on `q`, and leaves the terminal
//! restored on quit and on hang-up.

use jifen::core::board_state::BoardMode;
use jifen::core::Ledger;
use portable_pty::{native_pty_system, Child, CommandBuilder, PtySize};
use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

struct Board {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    output: Arc<Mutex<Vec<u8>>>,
}

impl Board {
    fn start(db: &Path) -> Board {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_jifen"));
        cmd.args(["--lang", "en", "board", "--theme", "high-contrast", "--db"]);
        cmd.arg(db);
        cmd.env("TERM", "xterm-256color");
        let child = pair.slave.spawn_command(cmd).expect("spawn jifen board");
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
        std::mem::forget(pair.master);
        Board {
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

    fn wait_for(&self, needle: &str) -> Duration {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(30) {
            if self.text().contains(needle) {
                return start.elapsed();
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        panic!(
            "timed out waiting for {needle:?}; screen so far:\n{}",
            self.text()
        );
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
        panic!("jifen board did not exit; screen:\n{}", self.text());
    }
}

fn demo() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("demo.sqlite");
    jifen::demo::write_demo(&db).expect("demo");
    (dir, db)
}

#[test]
fn follows_the_console_and_quits_cleanly() {
    let (_dir, db) = demo();
    let mut b = Board::start(&db);
    b.wait_for("PRELIMINARY");
    let mut console = Ledger::open(&db, None).expect("rw");
    console
        .set_board_mode(&BoardMode::Message {
            text: "BACK AT TEN".into(),
        })
        .expect("mode");
    let took = b.wait_for("BACK AT TEN");
    eprintln!("board_pty: commit to text on the pty in {took:?}");
    assert!(took < Duration::from_millis(1500), "shown after {took:?}");
    b.writer.write_all(b"q").expect("q");
    b.writer.flush().expect("flush");
    assert!(b.wait_exit(), "clean exit; screen:\n{}", b.text());
    assert!(
        b.text().contains("\x1b[?1049l"),
        "the alternate screen was left"
    );
    // The board wrote nothing: the journal verifies and the file is intact.
    let verify = std::process::Command::new(env!("CARGO_BIN_EXE_jifen"))
        .args(["verify", "--db"])
        .arg(&db)
        .output()
        .expect("verify");
    assert!(verify.status.success());
}

#[test]
fn terminal_restored_on_hang_up() {
    let (_dir, db) = demo();
    let mut b = Board::start(&db);
    b.wait_for("PRELIMINARY");
    if let Some(pid) = b.child.process_id() {
        let _ = std::process::Command::new("kill")
            .args(["-HUP", &pid.to_string()])
            .status();
    }
    let _ = b.wait_exit();
    assert!(
        b.text().contains("\x1b[?1049l"),
        "the alternate screen was left on SIGHUP"
    );
}

#[test]
fn a_broken_theme_is_refused_before_the_screen_is_taken() {
    let (dir, db) = demo();
    let theme = dir.path().join("mine.toml");
    std::fs::write(&theme, "[styles]\ntitle = { fg = \"purpl\" }\n").expect("write");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_jifen"))
        .args(["board", "--db"])
        .arg(&db)
        .arg("--theme")
        .arg(&theme)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("mine.toml:2: styles.title.fg"), "{err}");
}
