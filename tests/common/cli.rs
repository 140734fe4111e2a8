//! The real binary, driven as a script would: English messages, actor `test`.

use std::path::Path;
use std::process::{Command, Output};

/// Run `jifen --db DB --lang en ARGS…` and return what it did.
pub fn jifen(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jifen"))
        .arg("--db")
        .arg(db)
        .args(["--lang", "en"])
        .args(args)
        .env("LANG", "en_US.UTF-8")
        .env("JIFEN_ACTOR", "test")
        .output()
        .expect("run jifen")
}

/// Run and require success; returns standard output.
pub fn ok(db: &Path, args: &[&str]) -> String {
    let o = jifen(db, args);
    assert!(
        o.status.success(),
        "jifen {args:?} failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}
