//! The same claims imported twice: recognised (whatever the file's name,
//! format or order of rows), refused naming the earlier import (its file,
//! when, how many rows, which claims), and imported again only when asked.

use crate::common;
use common::cli::{jifen, ok};
use std::path::{Path, PathBuf};

/// A branch with 张伟 and 李娜 and an open quarter.
fn branch() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("branch.sqlite");
    ok(
        &db,
        &["init", "--branch", "第一支部", "--scheme", "bureau-80"],
    );
    ok(&db, &["member", "add", "张伟"]);
    ok(&db, &["member", "add", "李娜"]);
    ok(&db, &["period", "open", "2026Q4"]);
    (dir, db)
}

const HEADER: &str = "member,item,level,count,points,date,note,period\n";
const ROWS: &[&str] = &[
    "张伟,other.blood,,1,,2026-10-12,献血,2026Q4\n",
    "李娜,work.speech,city,1,,2026-10-20,,2026Q4\n",
    "张伟,other.suggestion,,1,,,合理化建议,2026Q4\n",
];

fn write(dir: &Path, name: &str, rows: &[&str]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, format!("{HEADER}{}", rows.concat())).expect("write");
    p
}

fn claims(db: &Path) -> usize {
    let out = ok(db, &["claim", "list", "--format", "json"]);
    serde_json::from_str::<Vec<serde_json::Value>>(&out)
        .expect("json")
        .len()
}

fn err_of(db: &Path, args: &[&str]) -> String {
    let o = jifen(db, args);
    assert_eq!(o.status.code(), Some(1), "{args:?} must be refused");
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn the_same_file_twice_is_refused_naming_the_first_import() {
    let (dir, db) = branch();
    let f = write(dir.path(), "claims.csv", ROWS);
    let f = f.to_str().expect("path");
    assert_eq!(ok(&db, &["claim", "import", f]).trim(), "imported 3 claims");
    let before = std::fs::read(&db).expect("db");
    let err = err_of(&db, &["claim", "import", f]);
    assert!(err.contains("already imported"), "{err}");
    assert!(err.contains("these 3 rows"), "how many rows: {err}");
    assert!(err.contains("claims.csv"), "which file: {err}");
    assert!(err.contains("claims 1 to 3"), "which claims: {err}");
    let today = chrono::Local::now().format("%Y-%m-%d").to_string();
    assert!(err.contains(&today), "when: {err}");
    assert!(err.contains("--again"), "how to go on: {err}");
    assert_eq!(std::fs::read(&db).expect("db"), before, "nothing written");
    assert_eq!(claims(&db), 3);
}

#[test]
fn the_same_rows_in_another_order_and_spelling_are_the_same_import() {
    let (dir, db) = branch();
    let first = write(dir.path(), "claims.csv", ROWS);
    ok(&db, &["claim", "import", first.to_str().expect("path")]);
    // Reordered, with the item's title (无偿献血) and the member's id where
    // the first file had codes and names: the same claims.
    let other = write(
        dir.path(),
        "claims-copy.csv",
        &[ROWS[2], "1,无偿献血,,1,,2026-10-12,献血,2026Q4\n", ROWS[1]],
    );
    let err = err_of(&db, &["claim", "import", other.to_str().expect("path")]);
    assert!(err.contains("claims-copy.csv"), "{err}");
    assert!(
        err.contains("from ") && err.contains("claims.csv ("),
        "{err}"
    );
    assert_eq!(claims(&db), 3);
}

#[test]
fn other_rows_are_imported_and_again_imports_the_same_rows_a_second_time() {
    let (dir, db) = branch();
    let f = write(dir.path(), "claims.csv", ROWS);
    let f = f.to_str().expect("path");
    ok(&db, &["claim", "import", f]);
    // A subset or a superset is not the same import.
    let part = write(dir.path(), "part.csv", &ROWS[..2]);
    ok(&db, &["claim", "import", part.to_str().expect("path")]);
    assert_eq!(claims(&db), 5);
    // Asked for, the same rows go in again, and the next repeat names the
    // latest import.
    assert_eq!(
        ok(&db, &["claim", "import", f, "--again"]).trim(),
        "imported 3 claims"
    );
    assert_eq!(claims(&db), 8);
    let err = err_of(&db, &["claim", "import", f]);
    assert!(err.contains("claims 6 to 8"), "{err}");
}

#[test]
fn an_import_undone_may_be_imported_again() {
    let (dir, db) = branch();
    let f = write(dir.path(), "claims.csv", ROWS);
    let f = f.to_str().expect("path");
    ok(&db, &["claim", "import", f]);
    ok(&db, &["undo"]);
    assert_eq!(claims(&db), 0, "the undo withdrew the import");
    ok(&db, &["claim", "import", f]);
    assert_eq!(claims(&db), 3);
    jifen::app::verify(&db, None).expect("verify");
}

#[test]
fn the_refusal_is_said_in_chinese() {
    let (dir, db) = branch();
    let f = write(dir.path(), "claims.csv", ROWS);
    let f = f.to_str().expect("path");
    ok(&db, &["claim", "import", f]);
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_jifen"))
        .arg("--db")
        .arg(&db)
        .args(["--lang", "zh", "claim", "import", f])
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("这 3 行已于"), "{err}");
    assert!(err.contains("--again"), "{err}");
}

#[test]
fn a_large_import_twice_is_refused_too() {
    let (dir, db) = branch();
    // Beyond the 50 claims journalled one by one: the batch path.
    let rows: Vec<String> = (1..=120)
        .map(|d| {
            format!(
                "{},other.suggestion,,1,,,建议{d},2026Q4\n",
                if d % 2 == 0 { "张伟" } else { "李娜" }
            )
        })
        .collect();
    let rows: Vec<&str> = rows.iter().map(String::as_str).collect();
    let f = write(dir.path(), "many.csv", &rows);
    let f = f.to_str().expect("path");
    ok(&db, &["claim", "import", f]);
    let err = err_of(&db, &["claim", "import", f]);
    assert!(err.contains("these 120 rows"), "{err}");
    assert_eq!(claims(&db), 120);
}
