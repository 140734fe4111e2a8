//! When the terminal goes away (closed window, ssh drop) the console and the
//! board end instead of spinning on a dead tty.

use portable_pty::{native_pty_system, CommandBuilder, PtySize};
use std::io::Read;
use std::time::{Duration, Instant};

fn exits_when_the_terminal_closes(args: &[&str]) {
    let dir = tempfile::tempdir().expect("temp");
    let db = dir.path().join("demo.sqlite");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_jifen"))
        .args(["demo", "--no-console", "--db"])
        .arg(&db)
        .output()
        .expect("demo");
    assert!(out.status.success());
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("pty");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_jifen"));
    cmd.arg("--db");
    cmd.arg(&db);
    cmd.args(args);
    cmd.env("LANG", "en_US.UTF-8");
    let mut child = pair.slave.spawn_command(cmd).expect("spawn");
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().expect("reader");
    // Wait until the screen is up (the first bytes), then stop reading.
    let mut buf = [0u8; 4096];
    let n = reader.read(&mut buf).unwrap_or(0);
    assert!(n > 0, "{args:?} drew nothing");
    std::thread::sleep(Duration::from_millis(1500));
    // The terminal goes away.
    drop(reader);
    drop(pair.master);
    let gone = Instant::now();
    loop {
        if let Ok(Some(_)) = child.try_wait() {
            break;
        }
        if gone.elapsed() > Duration::from_secs(8) {
            let _ = child.kill();
            panic!("{args:?} still running 8 s after its terminal closed");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn console_exits_when_its_terminal_closes() {
    exits_when_the_terminal_closes(&["--lang", "en"]);
}

#[test]
fn board_exits_when_its_terminal_closes() {
    exits_when_the_terminal_closes(&["board"]);
}
