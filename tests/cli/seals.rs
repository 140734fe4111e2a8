//! Whole seals: the lock, the minutes' source (`period list`) and `verify
//! --seal` use the lock event's whole hash; a prefix is refused; a payload
//! ground with a whitespace tail is refused even when the chain is rehashed.

use crate::common::cli::{jifen, ok};
use std::path::{Path, PathBuf};

/// A branch with 张伟 and 欧阳娜娜, 2026Q4 locked; returns the db and the seal
/// the lock printed.
fn locked(dir: &Path) -> (PathBuf, String) {
    let db = dir.join("b.sqlite");
    ok(
        &db,
        &["init", "--branch", "社区党支部", "--scheme", "bureau-80"],
    );
    ok(&db, &["member", "add", "张伟"]);
    ok(&db, &["member", "add", "欧阳娜娜"]);
    ok(&db, &["period", "open", "2026Q4"]);
    let id = ok(&db, &["claim", "add", "张伟", "other.blood"]);
    ok(&db, &["verdict", id.trim(), "approve"]);
    let out = ok(&db, &["lock", "2026Q4"]);
    let seal = out
        .lines()
        .find_map(|l| l.strip_prefix("seal "))
        .expect("the lock prints its seal")
        .trim()
        .to_string();
    (db, seal)
}

fn lock_hash(db: &Path) -> String {
    let c = rusqlite::Connection::open(db).expect("open");
    c.query_row("SELECT hash FROM event WHERE kind = 'lock'", [], |r| {
        r.get(0)
    })
    .expect("lock event")
}

#[test]
fn the_lock_and_period_list_print_the_whole_seal_and_verify_accepts_only_it() {
    let dir = tempfile::tempdir().expect("dir");
    let (db, seal) = locked(dir.path());
    assert_eq!(seal.len(), 64, "{seal}");
    assert_eq!(seal, lock_hash(&db), "the seal is the lock event's hash");
    let list = ok(&db, &["period", "list"]);
    assert!(list.contains(&seal), "period list prints it whole: {list}");

    let out = ok(&db, &["verify", "--seal", &seal]);
    assert!(out.contains("seal matches the lock of 2026Q4"), "{out}");
    // Typed in capitals from the paper, or with a space around it: still the seal.
    ok(
        &db,
        &["verify", "--seal", &format!(" {} ", seal.to_uppercase())],
    );

    let before = std::fs::read(&db).expect("read");
    for prefix in [&seal[..8], &seal[..16], &seal[..63]] {
        let o = jifen(&db, &["verify", "--seal", prefix]);
        assert_eq!(o.status.code(), Some(1), "prefix {prefix} refused");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains("the whole seal is needed"), "{err}");
        assert!(err.contains(&format!("not {}", prefix.len())), "{err}");
    }
    // A whole seal of another ledger matches nothing.
    let other = "0".repeat(64);
    let o = jifen(&db, &["verify", "--seal", &other]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("matches no lock"));
    assert_eq!(
        std::fs::read(&db).expect("read"),
        before,
        "verify never writes"
    );
}

#[test]
fn a_prefix_is_refused_in_chinese_too() {
    let dir = tempfile::tempdir().expect("dir");
    let (db, seal) = locked(dir.path());
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_jifen"))
        .arg("--db")
        .arg(&db)
        .args(["--lang", "zh", "verify", "--seal", &seal[..16]])
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("封存码须完整输入 64 位"), "{err}");
    assert!(err.contains("只有 16 位"), "{err}");
}

/// A journal row: seq, at, actor, kind, payload, branch, action.
type Row = (
    i64,
    String,
    String,
    String,
    String,
    Option<i64>,
    Option<i64>,
);

/// Rewrite event `seq`'s payload and rehash the chain from there on, as a
/// forger with the file (and no secret) can.
fn rewrite_and_rehash(db: &Path, seq: i64, payload: &str) {
    let c = rusqlite::Connection::open(db).expect("open");
    c.execute_batch("DROP TRIGGER event_no_update")
        .expect("a forger drops the trigger");
    c.execute(
        "UPDATE event SET payload = ?1 WHERE seq = ?2",
        rusqlite::params![payload, seq],
    )
    .expect("edit");
    let rows: Vec<Row> = c
        .prepare("SELECT seq, at, actor, kind, payload, branch_id, action FROM event WHERE seq >= ?1 ORDER BY seq")
        .expect("prepare")
        .query_map([seq], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?))
        })
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("read");
    let mut prev: String = c
        .query_row("SELECT prev_hash FROM event WHERE seq = ?1", [seq], |r| {
            r.get(0)
        })
        .expect("prev");
    for (s, at, actor, kind, payload, b, a) in rows {
        let stamp = b
            .zip(a)
            .map(|(branch, action)| jifen::store::journal::Stamp { branch, action });
        let h = jifen::store::journal::stamped_hash(&prev, s, &at, &actor, &kind, &payload, stamp);
        c.execute(
            "UPDATE event SET prev_hash = ?1, hash = ?2 WHERE seq = ?3",
            rusqlite::params![prev, h, s],
        )
        .expect("rehash");
        prev = h;
    }
}

#[test]
fn a_whitespace_tail_is_refused_even_when_the_chain_is_rehashed() {
    let dir = tempfile::tempdir().expect("dir");
    let (db, _) = locked(dir.path());
    let (seq, payload): (i64, String) = rusqlite::Connection::open(&db)
        .expect("open")
        .query_row(
            "SELECT seq, payload FROM event WHERE kind = 'verdict'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("verdict");
    assert!(jifen::store::journal::is_compact(&payload), "{payload}");
    rewrite_and_rehash(&db, seq, &format!("{payload} \t "));
    let o = jifen(&db, &["verify"]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains(&format!(
            "event {seq} (verdict): payload is not in jifen's compact form"
        )),
        "{err}"
    );
}

#[test]
fn compact_means_no_whitespace_outside_strings() {
    use jifen::store::journal::is_compact;
    assert!(is_compact(r#"{"kind":"x","note":"欧阳 娜娜\t\"引号 \\"}"#));
    assert!(!is_compact(r#"{"kind":"x", "a":1}"#));
    assert!(!is_compact("{\"kind\":\"x\"}\n"));
    assert!(!is_compact(r#"{"kind":"x"#), "an unclosed string");
}
