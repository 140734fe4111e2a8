//! A ledger in a folder no one may write (chmod 555, the file 444), as on a
//! read-only share or a CD handed to the higher committee: the read-only
//! commands (`verify`, `rank`, `statement`, the lists, the board) work, and
//! every write fails with a message naming the file, the file unchanged.
//!
//! Root ignores permissions, so as root the binary runs as `nobody` through
//! setpriv; where that cannot be done the test says so and passes.

use crate::bad_inputs::{fingerprint, Case};
use std::ffi::OsString;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Output};

/// The command that runs jifen as someone the permissions bind, or `None`.
fn runner(dir: &Path) -> Option<Vec<OsString>> {
    let jifen = OsString::from(env!("CARGO_BIN_EXE_jifen"));
    if !is_root(dir) {
        return Some(vec![jifen]);
    }
    let setpriv = Path::new("/usr/bin/setpriv");
    if !setpriv.exists() {
        return None;
    }
    let probe = Command::new(setpriv)
        .args(["--reuid=65534", "--regid=65534", "--clear-groups", "true"])
        .status()
        .ok()?;
    probe.success().then(|| {
        vec![
            setpriv.into(),
            "--reuid=65534".into(),
            "--regid=65534".into(),
            "--clear-groups".into(),
            jifen,
        ]
    })
}

fn is_root(dir: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    let p = dir.join(".whoami");
    std::fs::write(&p, b"").expect("probe");
    let uid = std::fs::metadata(&p).expect("probe").uid();
    let _ = std::fs::remove_file(&p);
    uid == 0
}

/// The folder made read-only while it lives; writable again when dropped.
struct ReadOnly<'a>(&'a Case);

impl<'a> ReadOnly<'a> {
    fn new(c: &'a Case) -> Self {
        std::fs::set_permissions(&c.db, std::fs::Permissions::from_mode(0o444)).expect("chmod");
        std::fs::set_permissions(c.dir.path(), std::fs::Permissions::from_mode(0o555))
            .expect("chmod dir");
        ReadOnly(c)
    }
}

impl Drop for ReadOnly<'_> {
    fn drop(&mut self) {
        let _ = std::fs::set_permissions(self.0.dir.path(), std::fs::Permissions::from_mode(0o755));
        let _ = std::fs::set_permissions(&self.0.db, std::fs::Permissions::from_mode(0o644));
    }
}

fn run(cmd: &[OsString], db: &Path, args: &[&str]) -> Output {
    Command::new(&cmd[0])
        .args(&cmd[1..])
        .arg("--db")
        .arg(db)
        .args(["--lang", "en"])
        .args(args)
        .env("LANG", "en_US.UTF-8")
        .env("HOME", "/nonexistent")
        .output()
        .expect("run jifen")
}

#[test]
fn reads_work_and_writes_are_refused_naming_the_file() {
    let c = Case::new();
    crate::common::cli::ok(&c.db, &["verdict", "1", "approve"]);
    // Fold the WAL into the file, as a copy handed on would be.
    drop(jifen::app::Ledger::open(&c.db, None).expect("open"));
    let Some(cmd) = runner(c.dir.path()) else {
        eprintln!("skipped: running as root without a way to drop privileges");
        return;
    };
    let before = fingerprint(&c.db);
    let guard = ReadOnly::new(&c);
    let reads: &[(&[&str], &str)] = &[
        (&["verify"], "ok"),
        (&["rank"], "张伟"),
        (&["rank", "--format", "csv"], "张伟"),
        (&["rank", "--format", "json"], "\"member\""),
        (&["statement", "张伟"], "张伟"),
        (&["claim", "list"], "other.blood"),
        (&["member", "list"], "李娜"),
        (&["period", "list"], "2026Q4"),
    ];
    for (args, shows) in reads {
        let o = run(&cmd, &c.db, args);
        let (out, err) = (
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr),
        );
        assert!(
            o.status.success(),
            "jifen {args:?} in a read-only folder: {err}"
        );
        assert!(out.contains(shows), "jifen {args:?} shows {shows:?}: {out}");
    }
    let writes: &[&[&str]] = &[
        &["member", "add", "王芳"],
        &["claim", "add", "李娜", "other.blood"],
        &["set", "publication_days", "5"],
        &["attend", "张伟", "present"],
    ];
    for args in writes {
        let o = run(&cmd, &c.db, args);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "jifen {args:?}: {err}");
        assert!(
            err.contains("branch.sqlite"),
            "jifen {args:?} names the file: {err}"
        );
        assert!(
            err.contains("read-only") || err.contains("readonly"),
            "jifen {args:?}: {err}"
        );
        assert!(!err.contains("panicked"), "{err}");
    }
    drop(guard);
    assert_eq!(fingerprint(&c.db), before, "the file is as it was");
    assert!(!c.dir.path().join("branch.sqlite-wal").exists());
}

#[test]
fn the_board_shows_a_ledger_in_a_read_only_folder() {
    use portable_pty::{native_pty_system, CommandBuilder, PtySize};
    use std::io::Read;
    let c = Case::new();
    drop(jifen::app::Ledger::open(&c.db, None).expect("open"));
    let Some(cmd) = runner(c.dir.path()) else {
        eprintln!("skipped: running as root without a way to drop privileges");
        return;
    };
    let _guard = ReadOnly::new(&c);
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 30,
            cols: 100,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("pty");
    let mut b = CommandBuilder::new(&cmd[0]);
    b.args(&cmd[1..]);
    b.arg("--db");
    b.arg(&c.db);
    b.args(["--lang", "zh", "board"]);
    b.env("TERM", "xterm-256color");
    b.env("HOME", "/nonexistent");
    // portable-pty starts in HOME unless told a folder.
    b.cwd(c.dir.path());
    let mut child = pair.slave.spawn_command(b).expect("spawn board");
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().expect("reader");
    let (tx, rx) = std::sync::mpsc::channel::<Vec<u8>>();
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    // Wait for the board to draw the branch's members (or to end).
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    let mut seen = Vec::new();
    let shown = loop {
        let text = drawn(&seen);
        if text.contains("张伟") && text.contains("李娜") {
            break true;
        }
        if std::time::Instant::now() > deadline {
            break false;
        }
        match rx.recv_timeout(std::time::Duration::from_millis(200)) {
            Ok(bytes) => seen.extend(bytes),
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
                if child.try_wait().ok().flatten().is_some() {
                    while let Ok(bytes) = rx.try_recv() {
                        seen.extend(bytes);
                    }
                    let text = drawn(&seen);
                    break text.contains("张伟") && text.contains("李娜");
                }
            }
            Err(_) => break false,
        }
    };
    let _ = child.kill();
    let _ = child.wait();
    let text = String::from_utf8_lossy(&seen);
    assert!(
        shown,
        "the board drew the members: {}",
        &text[..text.len().min(2000)]
    );
}

/// The characters a terminal shows of `bytes`, its control sequences left
/// out (a wide character is drawn and then the cursor moved past it).
fn drawn(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\u{1b}' {
            out.push(c);
            continue;
        }
        match chars.next() {
            // CSI: parameters up to a final byte from @ to ~.
            Some('[') => {
                for c in chars.by_ref() {
                    if ('@'..='~').contains(&c) {
                        break;
                    }
                }
            }
            // OSC: up to BEL or ESC \.
            Some(']') => {
                while let Some(c) = chars.next() {
                    if c == '\u{7}' || (c == '\u{1b}' && chars.next_if_eq(&'\\').is_some()) {
                        break;
                    }
                }
            }
            _ => {}
        }
    }
    out
}
