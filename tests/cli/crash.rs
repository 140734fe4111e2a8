//! kill -9 of the console in the middle of a session, through the real binary
//! in a pseudo-terminal: every approval the screen showed as done is in the
//! database afterwards, `verify` passes and SQLite's integrity check is ok.
//!
//! The screen is read with a small terminal emulator (cursor moves and
//! printable text), because ratatui only repaints the cells that changed and
//! the raw byte stream never holds a whole status line twice.

use jifen::app::{verify, ClaimFilter, Ledger};
use jifen::domain::model::ClaimStatus;
use portable_pty::{native_pty_system, Child, CommandBuilder, PtySize};
use std::collections::BTreeSet;
use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use unicode_width::UnicodeWidthChar;

const ROWS: usize = 30;
const COLS: usize = 100;

/// Just enough of a VT100 to follow ratatui's crossterm backend: CSI cursor
/// positioning, everything else (colours, modes, erases) skipped.
struct Screen {
    grid: Vec<Vec<char>>,
    row: usize,
    col: usize,
    /// Bytes of an escape sequence or a UTF-8 character not yet complete.
    pending: Vec<u8>,
}

impl Screen {
    fn new() -> Screen {
        Screen {
            grid: vec![vec![' '; COLS]; ROWS],
            row: 0,
            col: 0,
            pending: Vec::new(),
        }
    }

    fn feed(&mut self, bytes: &[u8]) {
        self.pending.extend_from_slice(bytes);
        let buf = std::mem::take(&mut self.pending);
        let mut i = 0;
        while i < buf.len() {
            match self.step(&buf[i..]) {
                Some(n) => i += n,
                None => {
                    self.pending = buf[i..].to_vec();
                    return;
                }
            }
        }
    }

    /// Consume one item from the front of `b`; None when it is incomplete.
    fn step(&mut self, b: &[u8]) -> Option<usize> {
        match b[0] {
            0x1b => {
                let next = *b.get(1)?;
                if next == b'[' {
                    let end = b[2..].iter().position(|c| (0x40..=0x7e).contains(c))? + 2;
                    let params = std::str::from_utf8(&b[2..end]).unwrap_or("");
                    self.csi(params, b[end]);
                    Some(end + 1)
                } else if next == b']' {
                    // OSC: up to BEL or ST.
                    let end = b.iter().position(|c| *c == 0x07)?;
                    Some(end + 1)
                } else {
                    Some(2)
                }
            }
            b'\r' => {
                self.col = 0;
                Some(1)
            }
            b'\n' => {
                self.row = (self.row + 1).min(ROWS - 1);
                Some(1)
            }
            c if c < 0x20 => Some(1),
            c => {
                let len = match c {
                    0x00..=0x7f => 1,
                    0xc0..=0xdf => 2,
                    0xe0..=0xef => 3,
                    _ => 4,
                };
                if b.len() < len {
                    return None;
                }
                let ch = std::str::from_utf8(&b[..len])
                    .ok()
                    .and_then(|s| s.chars().next())
                    .unwrap_or('?');
                let w = ch.width().unwrap_or(0);
                if self.row < ROWS && self.col < COLS {
                    self.grid[self.row][self.col] = ch;
                    if w == 2 && self.col + 1 < COLS {
                        self.grid[self.row][self.col + 1] = '\0';
                    }
                }
                self.col += w;
                Some(len)
            }
        }
    }

    fn csi(&mut self, params: &str, fin: u8) {
        let nums: Vec<usize> = params
            .trim_start_matches('?')
            .split(';')
            .map(|p| p.parse().unwrap_or(0))
            .collect();
        let n = |i: usize| nums.get(i).copied().filter(|v| *v > 0).unwrap_or(1);
        match fin {
            b'H' | b'f' => {
                self.row = (n(0) - 1).min(ROWS - 1);
                self.col = (n(1) - 1).min(COLS - 1);
            }
            b'J' if params == "2" => self.grid = vec![vec![' '; COLS]; ROWS],
            b'A' => self.row = self.row.saturating_sub(n(0)),
            b'B' => self.row = (self.row + n(0)).min(ROWS - 1),
            b'C' => self.col = (self.col + n(0)).min(COLS - 1),
            b'D' => self.col = self.col.saturating_sub(n(0)),
            b'G' => self.col = (n(0) - 1).min(COLS - 1),
            _ => {}
        }
    }

    fn text(&self) -> String {
        self.grid
            .iter()
            .map(|r| r.iter().filter(|c| **c != '\0').collect::<String>())
            .collect::<Vec<_>>()
            .join("\n")
    }
}

struct Console {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    screen: Arc<Mutex<Screen>>,
}

impl Console {
    fn start(db: &Path) -> Console {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: ROWS as u16,
                cols: COLS as u16,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_jifen"));
        cmd.args(["--lang", "en", "--db"]);
        cmd.arg(db);
        cmd.env("TERM", "xterm-256color");
        cmd.env("JIFEN_ACTOR", "crash-test");
        let child = pair.slave.spawn_command(cmd).expect("spawn jifen");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let writer = pair.master.take_writer().expect("writer");
        let screen = Arc::new(Mutex::new(Screen::new()));
        let sink = Arc::clone(&screen);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                if let Ok(mut s) = sink.lock() {
                    s.feed(&buf[..n]);
                }
            }
        });
        std::mem::forget(pair.master);
        Console {
            child,
            writer,
            screen,
        }
    }

    fn text(&self) -> String {
        self.screen.lock().map(|s| s.text()).unwrap_or_default()
    }

    /// Wait until `f` finds something on the screen.
    fn wait_until<T>(&self, what: &str, f: impl Fn(&str) -> Option<T>) -> T {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(v) = f(&self.text()) {
                return v;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what}; screen:\n{}",
                self.text()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("write");
        self.writer.flush().expect("flush");
    }

    fn kill9(&mut self) {
        let pid = self.child.process_id().expect("pid");
        let st = std::process::Command::new("kill")
            .args(["-KILL", &pid.to_string()])
            .status()
            .expect("kill");
        assert!(st.success());
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("jifen survived SIGKILL");
    }
}

/// The claim id of the status line's "approved #ID ...", if shown.
fn shown_approval(screen: &str) -> Option<i64> {
    let at = screen.find("approved #")? + "approved #".len();
    let digits: String = screen[at..]
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    digits.parse().ok()
}

#[test]
fn kill_9_mid_session_keeps_every_shown_approval() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("demo.sqlite");
    let w = std::process::Command::new(env!("CARGO_BIN_EXE_jifen"))
        .args(["demo", "--no-console", "--db"])
        .arg(&db)
        .output()
        .expect("write demo");
    assert!(w.status.success(), "{}", String::from_utf8_lossy(&w.stderr));

    let mut c = Console::start(&db);
    c.wait_until("the overview", |s| {
        s.contains("Steps of the meeting").then_some(())
    });
    c.send("2");
    c.wait_until("the members screen", |s| {
        s.contains("Claims by member").then_some(())
    });
    c.send("\t");
    std::thread::sleep(Duration::from_millis(200));

    // The member with the most pending claims in the demo (5): find them
    // with the search, then approve claims one by one from the claims pane,
    // each time waiting until the status line names a new approval.
    c.send("/");
    std::thread::sleep(Duration::from_millis(150));
    c.send("邓丽君\r");
    c.wait_until("the member's claims", |s| {
        s.contains("邓丽君  Total").then_some(())
    });
    c.send("\t");
    std::thread::sleep(Duration::from_millis(150));
    let mut shown: BTreeSet<i64> = BTreeSet::new();
    for _ in 0..5 {
        c.send("a");
        let id = c.wait_until("a new approval on the status line", |s| {
            shown_approval(s).filter(|id| !shown.contains(id))
        });
        shown.insert(id);
    }
    assert!(
        shown.len() >= 5,
        "approved {shown:?}; screen:\n{}",
        c.text()
    );
    // One more key and the kill right behind it: the write may or may not
    // have committed, but must never leave the file half-written.
    c.send("a");
    c.kill9();

    let l = Ledger::open(&db, None).expect("reopen after kill -9");
    let claims = l
        .claims(&ClaimFilter::default())
        .expect("claims")
        .into_iter()
        .map(|c| (c.id, c.status))
        .collect::<std::collections::HashMap<_, _>>();
    for id in &shown {
        assert_eq!(
            claims.get(id),
            Some(&ClaimStatus::Approved),
            "claim #{id} was shown as approved"
        );
    }
    drop(l);
    let report = verify(&db, None).expect("verify after kill -9");
    assert!(report.events > 0);
    let conn = rusqlite::Connection::open(&db).expect("sqlite");
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity_check");
    assert_eq!(ok, "ok");
    // The stale lease does not lock the next secretary out for good: the
    // journal and the claims are readable by a fresh ledger.
    let l = Ledger::open(&db, None).expect("reopen");
    assert!(!l.members().expect("members").is_empty());
}
