//! A backup killed at any point leaves no half-written file among the
//! backups: the copy is written under a hidden `.NAME.partial` name and put in
//! place whole; what a killed backup left is swept by the next one, and every
//! `.sqlite` in the backups folder is a complete ledger that verifies.

use crate::common::cli::ok;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn backups(db: &Path) -> PathBuf {
    jifen::app::backup::backup_dir(db)
}

/// Every file in the folder, by name.
fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .map(|r| {
            r.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

/// Every `.sqlite` in the folder opens and verifies: none is half-written.
fn all_complete(dir: &Path) {
    for n in names(dir).iter().filter(|n| n.ends_with(".sqlite")) {
        let p = dir.join(n);
        jifen::app::verify(&p, None).unwrap_or_else(|e| panic!("{n} is not whole: {e}"));
    }
}

#[test]
fn a_killed_backup_leaves_only_whole_backups_and_the_next_one_sweeps_it() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("big.sqlite");
    // Big enough that a copy takes a while (tens of MB).
    ok(
        &db,
        &[
            "gen",
            "--members",
            "3000",
            "--claims",
            "8",
            "--open-quarters",
            "4",
        ],
    );
    ok(&db, &["backup"]);
    let folder = backups(&db);
    let mut caught = false;
    for _attempt in 0..5 {
        let mut child = Command::new(env!("CARGO_BIN_EXE_jifen"))
            .arg("--db")
            .arg(&db)
            .arg("backup")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn backup");
        // Kill it as soon as its partial copy shows in the folder.
        let deadline = Instant::now() + Duration::from_secs(60);
        while Instant::now() < deadline {
            if names(&folder).iter().any(|n| n.ends_with(".partial")) {
                let _ = child.kill();
                caught = true;
                break;
            }
            if child.try_wait().expect("wait").is_some() {
                break;
            }
            std::thread::yield_now();
        }
        let _ = child.kill();
        let _ = child.wait();
        all_complete(&folder);
        if caught {
            break;
        }
    }
    if !caught {
        eprintln!("note: every backup finished before it could be interrupted");
        return;
    }
    let left: Vec<String> = names(&folder)
        .into_iter()
        .filter(|n| n.contains(".partial"))
        .collect();
    assert!(
        left.iter().all(|n| n.starts_with('.')),
        "partial copies are hidden: {left:?}"
    );
    // A minute later nothing writes to it any more: the next backup sweeps it.
    for n in &left {
        let st = Command::new("touch")
            .args(["-d", "2 minutes ago"])
            .arg(folder.join(n))
            .status()
            .expect("touch");
        assert!(st.success());
    }
    ok(&db, &["backup"]);
    let after = names(&folder);
    assert!(
        after.iter().all(|n| !n.contains(".partial")),
        "swept: {after:?}"
    );
    all_complete(&folder);
}

#[test]
fn a_backup_that_fails_leaves_nothing_behind() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("b.sqlite");
    ok(
        &db,
        &["init", "--branch", "第一支部", "--scheme", "bureau-80"],
    );
    // The destination's folder does not exist: the copy cannot be made.
    let dest = dir.path().join("no-such-folder").join("copy.sqlite");
    let o = crate::common::cli::jifen(&db, &["backup", dest.to_str().expect("path")]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("copy.sqlite"), "names the file: {err}");
    // A destination that is a folder: the copy is made, but cannot be put in place.
    let taken = dir.path().join("taken.sqlite");
    std::fs::create_dir(&taken).expect("dir");
    std::fs::write(taken.join("x"), b"x").expect("file");
    let o = crate::common::cli::jifen(&db, &["backup", taken.to_str().expect("path")]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("taken.sqlite"), "names the file: {err}");
    let left: Vec<String> = names(dir.path())
        .into_iter()
        .filter(|n| n.contains("partial"))
        .collect();
    assert!(left.is_empty(), "no partial copy left: {left:?}");
}
