//! Two CLI writers and two imports at once, each a real process: every write
//! succeeds (a busy database waits), no raw SQLite message reaches anyone,
//! every claim gets its own id, and the same file imported by two processes
//! at once goes in once (the second is told it was imported).

use crate::common::cli::{jifen, ok};
use std::path::{Path, PathBuf};
use std::process::Output;

const ADDS: usize = 25;
const IMPORT_ROWS: usize = 120;

fn claims_file(dir: &Path, name: &str, note: &str) -> PathBuf {
    let mut text = String::from("member,item,level,count,points,date,note,period\n");
    for i in 0..IMPORT_ROWS {
        let who = if i % 2 == 0 { "张伟" } else { "李娜" };
        text.push_str(&format!("{who},other.suggestion,,1,,,{note}{i},2026Q4\n"));
    }
    let p = dir.join(name);
    std::fs::write(&p, text).expect("write");
    p
}

/// What went wrong in a run, if anything: a failed exit or a raw message.
fn trouble(args: &[&str], o: &Output) -> Option<String> {
    let err = String::from_utf8_lossy(&o.stderr);
    let raw = [
        "database is locked",
        "UNIQUE constraint",
        "SQLITE_BUSY",
        "panicked",
    ];
    (!o.status.success() || raw.iter().any(|r| err.contains(r)))
        .then(|| format!("jifen {args:?}: {err}"))
}

#[test]
fn two_writers_and_imports_at_once_all_succeed() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("race.sqlite");
    ok(
        &db,
        &["init", "--branch", "并发支部", "--scheme", "bureau-80"],
    );
    ok(&db, &["member", "add", "张伟"]);
    ok(&db, &["member", "add", "李娜"]);
    ok(&db, &["period", "open", "2026Q4"]);
    let a = claims_file(dir.path(), "a.csv", "甲");
    let b = claims_file(dir.path(), "b.csv", "乙");
    let same = claims_file(dir.path(), "same.csv", "丙");

    let writer = |who: &'static str| {
        let db = db.clone();
        std::thread::spawn(move || -> (Vec<String>, Vec<i64>) {
            let mut errors = Vec::new();
            let mut ids = Vec::new();
            for _ in 0..ADDS {
                let args = ["claim", "add", who, "other.blood"];
                let o = jifen(&db, &args);
                match trouble(&args, &o) {
                    Some(e) => errors.push(e),
                    None => ids.push(
                        String::from_utf8_lossy(&o.stdout)
                            .trim()
                            .parse()
                            .expect("claim add prints the id"),
                    ),
                }
            }
            (errors, ids)
        })
    };
    let importer = |file: PathBuf| {
        let db = db.clone();
        std::thread::spawn(move || -> Output {
            jifen(&db, &["claim", "import", file.to_str().expect("path")])
        })
    };
    let w1 = writer("张伟");
    let w2 = writer("李娜");
    let ia = importer(a);
    let ib = importer(b);
    let s1 = importer(same.clone());
    let s2 = importer(same);

    let mut errors = Vec::new();
    let mut ids = Vec::new();
    for w in [w1, w2] {
        let (e, i) = w.join().expect("writer");
        errors.extend(e);
        ids.extend(i);
    }
    for (name, i) in [("a.csv", ia), ("b.csv", ib)] {
        let o = i.join().expect("importer");
        if let Some(e) = trouble(&["claim", "import", name], &o) {
            errors.push(e);
        }
    }
    // The same file twice at once: one goes in, the other is told so.
    let outs = [s1.join().expect("same 1"), s2.join().expect("same 2")];
    let went_in = outs.iter().filter(|o| o.status.success()).count();
    assert_eq!(went_in, 1, "the same file went in once");
    let refused = outs
        .iter()
        .find(|o| !o.status.success())
        .expect("one refused");
    let err = String::from_utf8_lossy(&refused.stderr);
    assert!(err.contains("already imported"), "{err}");
    assert!(errors.is_empty(), "{errors:#?}");

    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 2 * ADDS, "every added claim has its own id");
    let listed = ok(&db, &["claim", "list", "--format", "json"]);
    let all: Vec<serde_json::Value> = serde_json::from_str(&listed).expect("json");
    assert_eq!(all.len(), 2 * ADDS + 3 * IMPORT_ROWS, "nothing lost");
    let mut all_ids: Vec<i64> = all.iter().map(|c| c["id"].as_i64().expect("id")).collect();
    all_ids.sort_unstable();
    all_ids.dedup();
    assert_eq!(all_ids.len(), all.len(), "ids are unique");
    jifen::app::verify(&db, None).expect("verify");
}
