//! Reconsideration (复议) at the committee, driven as the branch and the
//! committee would: the branch locks and files, the committee receives,
//! files a member's request, upholds it with +2 and sends the decision back;
//! the branch receives it as a correction, its seal and `verify` intact.

use crate::common::cli::{jifen, ok};
use crate::filing::{digest, export, json, locked_branch, locked_branch_named, seal_of};
use std::path::{Path, PathBuf};

fn s(p: &Path) -> String {
    p.display().to_string()
}

fn score_of(db: &Path, member: &str) -> f64 {
    json(db, &["rank", "--period", "2026Q4", "--format", "json"])
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["member"] == member)
        .and_then(|r| r["score"].as_f64())
        .expect("member's score")
}

fn events(db: &Path) -> i64 {
    rusqlite::Connection::open(db)
        .expect("open")
        .query_row("SELECT count(*) FROM event", [], |r| r.get(0))
        .expect("count")
}

/// File, decide (uphold `points` on other.blood, or dismiss) and export
/// reconsideration of `member` at committee `c` for `branch`; returns the
/// decision file.
fn decided(c: &Path, branch: &str, member: &str, points: Option<&str>, dir: &Path) -> PathBuf {
    let said = ok(
        c,
        &[
            "--branch",
            branch,
            "review",
            "file",
            "--period",
            "2026Q4",
            member,
            "--text",
            "献血证明漏报",
            "--item",
            "other.blood",
            "--date",
            "2027-01-04",
        ],
    );
    let id: String = said
        .split_whitespace()
        .nth(2)
        .expect("id")
        .trim_end_matches(':')
        .to_string();
    let mut args = vec!["review", "decide", &id];
    match points {
        Some(p) => args.extend(["uphold", "--points", p, "--reason", "证明属实"]),
        None => args.extend(["dismiss", "--reason", "无新证据"]),
    }
    args.extend(["--date", "2027-01-05"]);
    ok(c, &args);
    let out = dir.join(format!("decision-{id}.jifen-decision.json"));
    let said = ok(c, &["review", "export", &id, "--out", &s(&out)]);
    assert!(said.starts_with("wrote the decision"), "{said}");
    out
}

#[test]
fn an_upheld_reconsideration_corrects_the_branch_and_its_seal_still_verifies() {
    let dir = tempfile::tempdir().expect("dir");
    // 张伟 85 at the branch (80 + 5 + 1 - 1), 2026Q4 locked.
    let b = locked_branch(dir.path(), "b.sqlite", false);
    let seal = seal_of(&b);
    let file = export(&b, dir.path());
    let c = dir.path().join("c.sqlite");
    ok(&c, &["filing", "receive", &s(&file)]);
    assert_eq!(score_of(&b, "张伟"), 85.0);

    // Filed on Monday 2027-01-04: due in 3 working days, Thursday.
    let said = ok(
        &c,
        &[
            "--branch",
            "社区党支部",
            "review",
            "file",
            "--period",
            "2026Q4",
            "张伟",
            "--text",
            "第二次献血未计分",
            "--item",
            "无偿献血",
            "--date",
            "2027-01-04",
        ],
    );
    assert!(said.contains("due 2027-01-07"), "{said}");
    let listed = json(
        &c,
        &[
            "review",
            "list",
            "--format",
            "json",
            "--today",
            "2027-01-08",
        ],
    );
    assert_eq!(listed[0]["status"], "open");
    assert_eq!(listed[0]["item"], "other.blood", "the title found the code");
    assert_eq!(listed[0]["overdue"], true, "past Thursday and open");

    // Upheld: +2 on other.blood (the second donation).
    let said = ok(
        &c,
        &[
            "review",
            "decide",
            "1",
            "uphold",
            "--points",
            "2",
            "--reason",
            "证明属实",
            "--date",
            "2027-01-06",
        ],
    );
    assert!(said.contains("upheld"), "{said}");
    let again = jifen(&c, &["review", "decide", "1", "dismiss"]);
    assert_eq!(again.status.code(), Some(1), "a decision is final");
    let out = dir.path().join("out");
    std::fs::create_dir(&out).expect("dir");
    ok(&c, &["review", "export", "1", "--out", &s(&out)]);
    let decision = out.join("SheQuDangZhiBu-2026Q4-review-1.jifen-decision.json");
    let d: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&decision).expect("read")).expect("json");
    assert_eq!(d["format"], "jifen-review-decision");
    assert_eq!(d["seal"], seal.as_str(), "it answers the filing's seal");
    assert_eq!(d["review"]["outcome"], "upheld");
    assert_eq!(d["review"]["points"], 2.0);
    assert_eq!(d["decision_event"]["kind"], "review_decide");
    assert_eq!(d["committee"]["hash"].as_str().map(str::len), Some(64));

    // The committee's own view: the filing as received, the decision beside.
    let list = json(&c, &["filing", "list", "--format", "json"]);
    assert_eq!(list[0]["reviews"][0]["status"], "upheld");
    let filed = json(
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
    let zw = filed
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["member"] == "张伟")
        .expect("张伟");
    assert_eq!(zw["score"], 85.0, "the received filing stays read-only");
    let table = ok(
        &c,
        &["--branch", "社区党支部", "rank", "--period", "2026Q4"],
    );
    assert!(
        table.contains("reconsideration 1 张伟: upheld 2 on other.blood"),
        "{table}"
    );
    ok(&c, &["verify"]);

    // The branch receives it: a correction in the locked period.
    let said = ok(&b, &["filing", "receive", &s(&decision)]);
    assert!(said.contains("85 -> 87"), "{said}");
    assert_eq!(score_of(&b, "张伟"), 87.0);
    let periods = ok(&b, &["period", "list"]);
    assert!(periods.contains(&seal), "the seal stands: {periods}");
    ok(&b, &["verify"]);
    let v = ok(&b, &["verify", "--seal", &seal]);
    assert!(v.contains("seal matches the lock of 2026Q4"), "{v}");

    // The same decision again: reported, ignored, exit 0, nothing written.
    let (before, n) = (digest(&b), events(&b));
    let said = ok(&b, &["filing", "receive", &s(&decision)]);
    assert!(said.contains("received before; ignored"), "{said}");
    assert_eq!(events(&b), n);
    assert_eq!(digest(&b), before);
    assert_eq!(score_of(&b, "张伟"), 87.0, "not twice");
}

#[test]
fn a_decision_for_another_branch_or_another_seal_is_refused_and_nothing_changes() {
    let dir = tempfile::tempdir().expect("dir");
    let b = locked_branch(dir.path(), "b.sqlite", false);
    let other = locked_branch_named(dir.path(), "o.sqlite", "河东党支部", false);
    let c = dir.path().join("c.sqlite");
    let fb = export(&b, dir.path());
    let fo = dir.path().join("hedong.jifen-filing.json");
    ok(
        &other,
        &["filing", "export", "--period", "2026Q4", "--out", &s(&fo)],
    );
    ok(&c, &["filing", "receive", &s(&fb), &s(&fo)]);
    let for_other = decided(&c, "河东党支部", "张伟", Some("2"), dir.path());

    let (before, n) = (digest(&b), events(&b));
    let o = jifen(&b, &["filing", "receive", &s(&for_other)]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("河东党支部") && err.contains("社区党支部"),
        "{err}"
    );
    assert_eq!(
        (digest(&b), events(&b)),
        (before.clone(), n),
        "db unchanged"
    );

    // A branch of the same name whose period was sealed otherwise (another
    // database, another seal): the decision answers a seal this one never made.
    let twin = locked_branch(dir.path(), "t.sqlite", true);
    let c2 = dir.path().join("c2.sqlite");
    let ft = dir.path().join("twin.jifen-filing.json");
    ok(
        &twin,
        &["filing", "export", "--period", "2026Q4", "--out", &s(&ft)],
    );
    ok(&c2, &["filing", "receive", &s(&ft)]);
    let for_twin = decided(&c2, "社区党支部", "张伟", Some("2"), dir.path());
    let o = jifen(&b, &["filing", "receive", &s(&for_twin)]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains(&seal_of(&twin)) && err.contains("never sealed"),
        "{err}"
    );
    assert_eq!((digest(&b), events(&b)), (before.clone(), n));

    // A decision file whose points were raised on the way: refused.
    let ours = decided(&c, "社区党支部", "张伟", Some("2"), dir.path());
    let text = std::fs::read_to_string(&ours).expect("read");
    let forged = text.replace("\"points\": 2.0", "\"points\": 20.0");
    assert_ne!(forged, text);
    let fp = dir.path().join("forged.jifen-decision.json");
    std::fs::write(&fp, forged).expect("write");
    let o = jifen(&b, &["filing", "receive", &s(&fp)]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("review.points differs"), "{err}");
    assert_eq!((digest(&b), events(&b)), (before, n));

    // A dismissed one posts nothing and says so; the score stays.
    let dismissed = decided(&c, "社区党支部", "欧阳娜娜", None, dir.path());
    let said = ok(&b, &["filing", "receive", &s(&dismissed)]);
    assert!(said.contains("dismissed"), "{said}");
    assert_eq!(score_of(&b, "欧阳娜娜"), 80.0);
    ok(&b, &["verify"]);
}

#[test]
fn the_committee_refuses_what_is_not_a_decision() {
    let dir = tempfile::tempdir().expect("dir");
    let b = locked_branch(dir.path(), "b.sqlite", false);
    let c = dir.path().join("c.sqlite");
    ok(&c, &["filing", "receive", &s(&export(&b, dir.path()))]);
    let file = |member: &str| {
        jifen(
            &c,
            &[
                "--branch",
                "社区党支部",
                "review",
                "file",
                "--period",
                "2026Q4",
                member,
                "--text",
                "请求复议",
            ],
        )
    };
    assert_eq!(file("王五").status.code(), Some(1), "not in the filing");
    assert!(file("张伟").status.success());
    let refuse = |args: &[&str], says: &str| {
        let o = jifen(&c, args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains(says), "{args:?}: {err}");
    };
    refuse(&["review", "decide", "1", "uphold"], "--points");
    refuse(
        &["review", "decide", "1", "uphold", "--points", "2"],
        "an item",
    );
    refuse(
        &[
            "review", "decide", "1", "uphold", "--points", "2", "--item", "no.such",
        ],
        "no.such is not an item",
    );
    refuse(
        &["review", "decide", "1", "dismiss", "--points", "2"],
        "uphold only",
    );
    refuse(&["review", "export", "1"], "not decided yet");
    refuse(
        &["review", "decide", "9", "dismiss"],
        "no reconsideration 9",
    );
    // A decision file given to the committee, a filing to the branch.
    ok(&c, &["review", "decide", "1", "dismiss"]);
    let d = dir.path().join("d.jifen-decision.json");
    ok(&c, &["review", "export", "1", "--out", &s(&d)]);
    refuse(&["filing", "receive", &s(&d)], "not a jifen filing");
    let o = jifen(&b, &["filing", "receive", &s(&export(&b, dir.path()))]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("branch's ledger"));
}

#[test]
fn the_committee_window_counts_its_own_working_days_and_list_says_each_state() {
    let dir = tempfile::tempdir().expect("dir");
    let b = locked_branch(dir.path(), "b.sqlite", false);
    let other = locked_branch_named(dir.path(), "o.sqlite", "河东党支部", false);
    let c = dir.path().join("c.sqlite");
    ok(&c, &["filing", "receive", &s(&export(&b, dir.path()))]);
    let state = |today: &str| {
        let l = json(
            &c,
            &["filing", "list", "--format", "json", "--today", today],
        );
        l.as_array()
            .expect("list")
            .iter()
            .map(|f| {
                (
                    f["branch"].as_str().unwrap_or_default().to_string(),
                    f["publication"].as_str().unwrap_or_default().to_string(),
                    f["window_end"].as_str().map(String::from),
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(state("2026-11-27")[0].1, "received");
    assert_eq!(state("2026-11-27")[0].2, None);

    // The committee keeps a holiday of its own on Monday 2026-11-30.
    std::fs::write(
        dir.path().join("holidays.toml"),
        "[[holiday]]\nname = \"机关调休\"\nfrom = \"2026-11-30\"\nto = \"2026-11-30\"\n",
    )
    .expect("holidays");
    // Posted Thursday 11-26: Friday 27 (1), the weekend and Monday off,
    // Tuesday 12-01 (2), Wednesday 12-02 (3).
    let said = ok(
        &c,
        &[
            "filing",
            "publish",
            "--period",
            "2026Q4",
            "--from",
            "2026-11-26",
        ],
    );
    assert!(said.contains("until 2026-12-02"), "{said}");
    assert_eq!(
        state("2026-12-02")[0],
        (
            "社区党支部".to_string(),
            "published".to_string(),
            Some("2026-12-02".to_string())
        )
    );
    assert_eq!(state("2026-12-03")[0].1, "final");
    let zh = String::from_utf8_lossy(
        &std::process::Command::new(env!("CARGO_BIN_EXE_jifen"))
            .args([
                "--db",
                &s(&c),
                "--lang",
                "zh",
                "filing",
                "list",
                "--today",
                "2026-12-01",
            ])
            .output()
            .expect("run")
            .stdout,
    )
    .into_owned();
    assert!(zh.contains("公示中, 至 2026-12-02"), "{zh}");

    // A filing received later waits for the next posting; posting again
    // posts it alone, over the National Day holiday: from 09-30, the 8th
    // (1), the 9th (2) and Saturday the 10th, a make-up working day (3).
    let fo = dir.path().join("hedong.jifen-filing.json");
    ok(
        &other,
        &["filing", "export", "--period", "2026Q4", "--out", &s(&fo)],
    );
    ok(&c, &["filing", "receive", &s(&fo)]);
    let now = state("2026-12-03");
    assert_eq!(now[0].1, "received", "河东党支部 sorts first: {now:?}");
    assert_eq!(now[1].1, "final");
    let said = ok(
        &c,
        &[
            "filing",
            "publish",
            "--period",
            "2026Q4",
            "--from",
            "2026-09-30",
        ],
    );
    assert!(
        said.contains("posted 1 filings") && said.contains("(1 posted before)"),
        "{said}"
    );
    assert!(said.contains("until 2026-10-10"), "{said}");
    let said = ok(&c, &["filing", "publish", "--period", "2026Q4"]);
    assert!(said.contains("nothing posted"), "{said}");
    let o = jifen(&c, &["filing", "publish", "--period", "2026Q3"]);
    assert_eq!(o.status.code(), Some(1), "nothing received for 2026Q3");
    let o = jifen(
        &c,
        &["filing", "publish", "--period", "2026Q4", "--days", "0"],
    );
    assert_eq!(o.status.code(), Some(1));
    ok(&c, &["verify"]);
}

#[test]
fn a_committee_database_edited_outside_jifen_fails_verify() {
    let dir = tempfile::tempdir().expect("dir");
    let b = locked_branch(dir.path(), "b.sqlite", false);
    let c = dir.path().join("c.sqlite");
    ok(&c, &["filing", "receive", &s(&export(&b, dir.path()))]);
    decided(&c, "社区党支部", "张伟", Some("2"), dir.path());
    ok(&c, &["verify"]);
    let conn = rusqlite::Connection::open(&c).expect("open");
    conn.execute_batch(
        "DROP TRIGGER review_decided_once; UPDATE review SET points = 20 WHERE id = 1;",
    )
    .expect("edit");
    drop(conn);
    let o = jifen(&c, &["verify"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("review"));
}
