//! The filing (备案) driven as the branch and the committee would: export ->
//! verify -> receive, and every way a file can be wrong.

use crate::common::cli::{jifen, ok};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// A branch on bureau-80 with 2026Q4 locked: 张伟 80, plus 5 (province
/// speech) and 1 (blood donation), minus 1 (dues late): 85. 欧阳娜娜
/// (probationary) 80, and 3 more (a city speech) when `extra`; 李秀英 an activist.
pub(crate) fn locked_branch(dir: &Path, file: &str, extra: bool) -> PathBuf {
    locked_branch_named(dir, file, "社区党支部", extra)
}

/// [`locked_branch`] under another branch name.
pub(crate) fn locked_branch_named(dir: &Path, file: &str, name: &str, extra: bool) -> PathBuf {
    let db = dir.join(file);
    ok(&db, &["init", "--branch", name, "--scheme", "bureau-80"]);
    ok(&db, &["member", "add", "张伟"]);
    ok(
        &db,
        &["member", "add", "欧阳娜娜", "--category", "probationary"],
    );
    ok(&db, &["member", "add", "李秀英", "--category", "activist"]);
    ok(&db, &["period", "open", "2026Q4"]);
    let mut claims = vec![
        ("张伟", "work.speech", Some("province")),
        ("张伟", "other.blood", None),
        ("张伟", "discipline.dues", None),
    ];
    if extra {
        claims.push(("欧阳娜娜", "work.speech", Some("city")));
    }
    for (who, item, level) in claims {
        let mut args = vec!["claim", "add", who, item];
        if let Some(l) = level {
            args.extend(["--level", l]);
        }
        let id = ok(&db, &args).trim().to_string();
        ok(&db, &["verdict", &id, "approve"]);
    }
    ok(&db, &["confirm", "张伟"]);
    ok(&db, &["lock", "2026Q4"]);
    db
}

pub(crate) fn export(db: &Path, out: &Path) -> PathBuf {
    let said = ok(
        db,
        &[
            "filing",
            "export",
            "--period",
            "2026Q4",
            "--out",
            &out.display().to_string(),
        ],
    );
    assert!(said.starts_with("wrote the filing"), "{said}");
    let path = if out.is_dir() {
        out.join("SheQuDangZhiBu-2026Q4.jifen-filing.json")
    } else {
        out.to_path_buf()
    };
    assert!(path.exists(), "{said}");
    path
}

pub(crate) fn json(db: &Path, args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&ok(db, args)).expect("json")
}

pub(crate) fn seal_of(db: &Path) -> String {
    rusqlite::Connection::open(db)
        .expect("open")
        .query_row("SELECT seal FROM period WHERE id = '2026Q4'", [], |r| {
            r.get(0)
        })
        .expect("seal")
}

pub(crate) fn digest(p: &Path) -> String {
    hex::encode(Sha256::digest(std::fs::read(p).expect("read")))
}

#[test]
fn export_verify_receive_round_trip_gives_the_branchs_own_ranking() {
    let dir = tempfile::tempdir().expect("dir");
    let db = locked_branch(dir.path(), "b.sqlite", false);
    let file = export(&db, dir.path());
    let seal = seal_of(&db);

    // The file is self-describing JSON a committee can read without jifen.
    let f: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).expect("read")).expect("json");
    assert_eq!(f["format"], "jifen-filing");
    assert_eq!(f["version"], 1);
    assert_eq!(f["branch"]["name"], "社区党支部");
    assert_eq!(f["branch"]["scheme_id"], "bureau-80");
    assert_eq!(f["period"]["id"], "2026Q4");
    assert_eq!(
        f["period"]["state"], "published",
        "the lock posts the results"
    );
    assert_eq!(f["seal"], seal.as_str());
    let events = f["events"].as_array().expect("events");
    assert_eq!(events[0]["seq"], 1);
    assert_eq!(events.last().expect("last")["kind"], "lock");
    assert_eq!(events.last().expect("last")["hash"], seal.as_str());
    let zw = f["results"]
        .as_array()
        .expect("results")
        .iter()
        .find(|r| r["member"] == "张伟")
        .expect("张伟");
    assert_eq!(zw["score"], 85.0, "80 + 5 + 1 - 1, worked by hand");
    assert_eq!(zw["status"], "active");
    assert_eq!(zw["confirmation"], "confirmed");
    assert!(zw["appraisal"].is_null());

    // Verified with no database: one line naming branch, period, seal.
    let nowhere = dir.path().join("none.sqlite");
    let out = ok(&nowhere, &["filing", "verify", &file.display().to_string()]);
    assert_eq!(out.lines().count(), 1);
    assert!(out.contains("社区党支部 2026Q4 verified"), "{out}");
    assert!(out.contains(&seal), "{out}");
    assert!(!nowhere.exists(), "verify makes no database");

    // Received into a new committee database.
    let c = dir.path().join("committee.sqlite");
    let out = ok(&c, &["filing", "receive", &file.display().to_string()]);
    assert!(out.contains("made the committee database"), "{out}");
    assert!(
        out.contains(&format!("received 社区党支部 2026Q4, seal {seal}")),
        "{out}"
    );
    let at_branch = json(&db, &["rank", "--period", "2026Q4", "--format", "json"]);
    let at_committee = json(
        &c,
        &[
            "--branch",
            "社区党支部",
            "rank",
            "--period",
            "2026Q4",
            "--format",
            "json",
        ],
    );
    assert_eq!(at_committee, at_branch, "the same numbers as at the branch");
    let list = json(&c, &["filing", "list", "--format", "json"]);
    let list = list.as_array().expect("array");
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["branch"], "社区党支部");
    assert_eq!(list[0]["period"], "2026Q4");
    assert_eq!(list[0]["seal"], seal.as_str());
    assert!(list[0]["received_at"]
        .as_str()
        .is_some_and(|s| s.starts_with("20")));

    // The same file again: reported, ignored, exit 0, nothing written.
    let before = digest(&c);
    let out = ok(&c, &["filing", "receive", &file.display().to_string()]);
    assert!(out.contains("was received before with this seal"), "{out}");
    assert_eq!(digest(&c), before);
    // Written again later (another time inside, the same seal): the same filing.
    let again = tampered(&file, "again.jifen-filing.json", |v| {
        v["exported_at"] = serde_json::json!("2027-01-05T09:00:00+08:00");
    });
    assert_ne!(digest(&again), digest(&file));
    let out = ok(&c, &["filing", "receive", &again.display().to_string()]);
    assert!(out.contains("was received before with this seal"), "{out}");
    assert_eq!(digest(&c), before);

    // Received rows are read-only, even to SQL.
    let conn = rusqlite::Connection::open(&c).expect("open");
    let e = conn
        .execute("UPDATE filing_result SET score = 100", [])
        .expect_err("read-only");
    assert!(e.to_string().contains("read-only"), "{e}");
    assert!(conn.execute("DELETE FROM filing", []).is_err());
}

#[test]
fn a_period_not_locked_is_not_filed() {
    let dir = tempfile::tempdir().expect("dir");
    let db = locked_branch(dir.path(), "b.sqlite", false);
    ok(&db, &["period", "open", "2027Q1"]);
    let o = jifen(&db, &["filing", "export", "--period", "2027Q1"]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("2027Q1 is open and not locked yet"), "{err}");
}

/// Edit the filing's JSON with `f` and write it to a new file.
fn tampered(file: &Path, name: &str, f: impl FnOnce(&mut serde_json::Value)) -> PathBuf {
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(file).expect("read")).expect("json");
    f(&mut v);
    let out = file.with_file_name(name);
    std::fs::write(&out, serde_json::to_string_pretty(&v).expect("json")).expect("write");
    out
}

/// `filing verify` and `filing receive` both refuse `file` saying `words`,
/// and the committee database `c` is unchanged.
fn refused(c: &Path, file: &Path, words: &str) {
    let f = file.display().to_string();
    let o = jifen(c, &["filing", "verify", &f]);
    assert_eq!(o.status.code(), Some(1), "{f}");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains(words), "{err}");
    assert!(err.contains(&f), "names the file: {err}");
    let before = digest(c);
    let o = jifen(c, &["filing", "receive", &f]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains(words), "{err}");
    assert_eq!(digest(c), before, "the database is unchanged");
}

#[test]
fn tampered_and_truncated_filings_are_refused_naming_the_fault() {
    let dir = tempfile::tempdir().expect("dir");
    let db = locked_branch(dir.path(), "b.sqlite", false);
    let file = export(&db, dir.path());
    let seal = seal_of(&db);
    let c = dir.path().join("c.sqlite");
    // A committee that has received one other filing already.
    let other = tempfile::tempdir().expect("dir");
    let odb = other.path().join("o.sqlite");
    ok(
        &odb,
        &["init", "--branch", "第二党支部", "--scheme", "bureau-80"],
    );
    ok(&odb, &["member", "add", "王芳"]);
    ok(&odb, &["period", "open", "2026Q4"]);
    ok(&odb, &["lock", "2026Q4"]);
    let ofile = other.path().join("o.jifen-filing.json");
    export(&odb, &ofile);
    ok(&c, &["filing", "receive", &ofile.display().to_string()]);

    // A score changed in the results.
    let bad = tampered(&file, "score.json", |v| {
        for r in v["results"].as_array_mut().expect("results") {
            if r["member"] == "张伟" {
                r["score"] = serde_json::json!(95.0);
            }
        }
    });
    refused(
        &c,
        &bad,
        "result for member 张伟 differs (score): file says 95, events give 85",
    );
    // An event's payload changed (a verdict's points).
    let bad = tampered(&file, "payload.json", |v| {
        let ev = v["events"]
            .as_array_mut()
            .expect("events")
            .iter_mut()
            .find(|e| e["kind"] == "verdict")
            .expect("a verdict");
        let p = ev["payload"]
            .as_str()
            .expect("payload")
            .replace("\"points\":5.0", "\"points\":15.0");
        ev["payload"] = serde_json::json!(p);
    });
    let seq = {
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&bad).expect("read")).expect("json");
        v["events"]
            .as_array()
            .expect("events")
            .iter()
            .find(|e| e["kind"] == "verdict")
            .expect("verdict")["seq"]
            .as_i64()
            .expect("seq")
    };
    refused(&c, &bad, &format!("event {seq} does not match its hash"));
    // The seal changed.
    let bad = tampered(&file, "seal.json", |v| {
        v["seal"] = serde_json::json!("f".repeat(64));
    });
    refused(
        &c,
        &bad,
        &format!("seal mismatch: the file says {}", "f".repeat(64)),
    );
    refused(&c, &bad, &seal);
    // An event left out: the chain does not run on.
    let bad = tampered(&file, "gap.json", |v| {
        v["events"].as_array_mut().expect("events").remove(3);
    });
    refused(&c, &bad, "events do not run on: 5 where 4 should be");
    // Cut short on the way, not JSON, a later format.
    let text = std::fs::read_to_string(&file).expect("read");
    let cut = dir.path().join("cut.jifen-filing.json");
    let mut half = text.len() / 2;
    while !text.is_char_boundary(half) {
        half -= 1;
    }
    std::fs::write(&cut, &text[..half]).expect("write");
    refused(&c, &cut, "truncated");
    let junk = dir.path().join("junk.json");
    std::fs::write(&junk, "PK\u{3}\u{4} not a filing").expect("write");
    refused(&c, &junk, "not JSON (line 1, column 1)");
    let bad = tampered(&file, "v2.json", |v| v["version"] = serde_json::json!(2));
    refused(&c, &bad, "filing format version 2");

    // The genuine file is still received.
    ok(&c, &["filing", "receive", &file.display().to_string()]);
}

#[test]
fn a_different_filing_for_a_received_branch_and_period_is_refused_naming_both_seals() {
    let dir = tempfile::tempdir().expect("dir");
    let first = locked_branch(dir.path(), "first.sqlite", false);
    let second = locked_branch(dir.path(), "second.sqlite", true);
    let f1 = export(&first, &dir.path().join("one.jifen-filing.json"));
    let f2 = export(&second, &dir.path().join("two.jifen-filing.json"));
    let (s1, s2) = (seal_of(&first), seal_of(&second));
    assert_ne!(s1, s2);
    let c = dir.path().join("c.sqlite");
    ok(&c, &["filing", "receive", &f1.display().to_string()]);
    let before = digest(&c);
    let o = jifen(&c, &["filing", "receive", &f2.display().to_string()]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains(&s1) && err.contains(&s2), "both seals: {err}");
    assert!(
        err.contains("a different filing of 社区党支部 2026Q4"),
        "{err}"
    );
    assert_eq!(digest(&c), before);
    // In Chinese too.
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_jifen"))
        .arg("--db")
        .arg(&c)
        .args(["--lang", "zh", "filing", "receive"])
        .arg(&f2)
        .output()
        .expect("run");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("已接收过另一份备案"), "{err}");
    assert!(err.contains(&s1) && err.contains(&s2), "{err}");
}

#[test]
fn a_folder_is_received_and_the_committee_sees_who_is_missing_and_ranks_by_category() {
    let dir = tempfile::tempdir().expect("dir");
    let inbox = dir.path().join("inbox");
    std::fs::create_dir(&inbox).expect("inbox");
    let a = locked_branch(dir.path(), "a.sqlite", true);
    export(&a, &inbox);
    // A second branch files 2026Q4 and 2027Q1; the first files only 2026Q4.
    let b = dir.path().join("b.sqlite");
    ok(
        &b,
        &["init", "--branch", "第二党支部", "--scheme", "bureau-80"],
    );
    ok(&b, &["member", "add", "王芳"]);
    ok(&b, &["period", "open", "2026Q4"]);
    let id = ok(
        &b,
        &["claim", "add", "王芳", "work.speech", "--level", "national"],
    );
    ok(&b, &["verdict", id.trim(), "approve"]);
    ok(&b, &["lock", "2026Q4"]);
    ok(&b, &["period", "open", "2027Q1"]);
    ok(&b, &["lock", "2027Q1"]);
    export(&b, &inbox);
    ok(
        &b,
        &[
            "filing",
            "export",
            "--period",
            "2027Q1",
            "--out",
            &inbox.display().to_string(),
        ],
    );
    std::fs::write(inbox.join("notes.txt"), "not a filing").expect("write");

    let c = dir.path().join("c.sqlite");
    let out = ok(&c, &["filing", "receive", &inbox.display().to_string()]);
    assert!(
        out.contains("received 3, already received 0, refused 0"),
        "{out}"
    );
    let missing = json(
        &c,
        &[
            "filing",
            "list",
            "--period",
            "2027Q1",
            "--missing",
            "--format",
            "json",
        ],
    );
    assert_eq!(
        missing,
        serde_json::json!([{"branch": "社区党支部", "period": "2027Q1", "last_filed": "2026Q4"}])
    );
    let table = ok(&c, &["filing", "list", "--period", "2027Q1"]);
    assert!(
        table.contains("not filed for 2027Q1: 社区党支部"),
        "{table}"
    );

    // Full members of both branches ranked together: 王芳 80 + national speech.
    let places = json(
        &c,
        &[
            "rank",
            "--period",
            "2026Q4",
            "--by-category",
            "--format",
            "json",
        ],
    );
    let full: Vec<(String, String, u64)> = places
        .as_array()
        .expect("array")
        .iter()
        .filter(|p| p["category"] == "full")
        .map(|p| {
            (
                p["branch"].as_str().expect("branch").to_string(),
                p["member"].as_str().expect("member").to_string(),
                p["rank"].as_u64().expect("rank"),
            )
        })
        .collect();
    assert_eq!(full.len(), 2, "{places}");
    assert_eq!(full[0].1, "王芳");
    assert_eq!(full[1], ("社区党支部".into(), "张伟".into(), 2));
    assert!(places
        .as_array()
        .expect("array")
        .iter()
        .any(|p| p["category"] == "activist" && p["member"] == "李秀英" && p["rank"] == 1));
}

#[test]
fn a_committee_database_refuses_branch_commands_and_a_branch_refuses_filings() {
    let dir = tempfile::tempdir().expect("dir");
    let db = locked_branch(dir.path(), "b.sqlite", false);
    let file = export(&db, dir.path());
    let c = dir.path().join("c.sqlite");
    ok(&c, &["filing", "receive", &file.display().to_string()]);
    for args in [
        vec!["claim", "add", "张伟", "other.blood"],
        vec!["member", "add", "赵六"],
        vec![
            "--branch",
            "社区党支部",
            "claim",
            "add",
            "张伟",
            "other.blood",
        ],
    ] {
        let o = jifen(&c, &args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains("is a committee database"), "{err}");
    }
    let before = digest(&db);
    let o = jifen(&db, &["filing", "receive", &file.display().to_string()]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("is a branch's ledger and does not receive"),
        "{err}"
    );
    assert_eq!(digest(&db), before);
    // A branch the committee has not received.
    let o = jifen(
        &c,
        &[
            "--branch",
            "第九党支部",
            "rank",
            "--period",
            "2026Q4",
            "--format",
            "json",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("no filing of 第九党支部 2026Q4 received (filed: 社区党支部)"),
        "{err}"
    );
}

#[test]
fn verify_on_a_committee_database_checks_every_filing_it_received() {
    let dir = tempfile::tempdir().expect("dir");
    let db = locked_branch(dir.path(), "b.sqlite", false);
    let file = export(&db, dir.path());
    let c = dir.path().join("c.sqlite");
    ok(&c, &["filing", "receive", &file.display().to_string()]);
    let out = ok(&c, &["verify"]);
    assert!(
        out.contains("ok: 1 filings received, each as its file says"),
        "{out}"
    );
    // Someone drops the triggers and raises 张伟's stored score.
    let conn = rusqlite::Connection::open(&c).expect("open");
    conn.execute_batch(
        "DROP TRIGGER filing_result_no_update;
         UPDATE filing_result SET row = replace(row, '\"score\":85.0', '\"score\":95.0') WHERE name = '张伟';",
    )
    .expect("edit");
    drop(conn);
    let o = jifen(&c, &["verify"]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("社区党支部 2026Q4"), "{err}");
    assert!(
        err.contains("the stored row of member 张伟 differs"),
        "{err}"
    );
    assert!(
        err.contains("(score): the file says 85, the database holds 95"),
        "{err}"
    );
}
