//! The CLI as a filter: output piped into a reader that stops early
//! (`jifen claim list | head`) ends quietly, never with a panic.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

#[test]
fn a_closed_pipe_ends_the_listing_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pipe.sqlite");
    let jifen = env!("CARGO_BIN_EXE_jifen");
    let made = Command::new(jifen)
        .args(["gen", "--members", "300", "--claims", "4", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(made.status.success(), "{made:?}");
    let mut child = Command::new(jifen)
        .args(["claim", "list", "--db"])
        .arg(&db)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.contains("member"), "{first}");
    // The reader is gone: the rest of the listing meets a closed pipe.
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert!(err.trim().is_empty(), "nothing on stderr: {err}");
    assert_ne!(out.status.code(), Some(101), "{:?}", out.status);
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        assert!(
            out.status.success() || out.status.signal() == Some(13),
            "ends like other filters: {:?}",
            out.status
        );
    }
}
