//! Numbers that are not finite (`inf`, `-inf`, `nan`, `1e400`, which reads
//! as infinity) and whole numbers beyond their field's range, wherever a
//! number enters: CLI flags, settings, import cells, tiers (scheme files:
//! `hostile::scheme_files_with_numbers_beyond_sense_are_refused_naming_the_field`).
//! Each is refused for what it is ("not a finite number", the allowed
//! values), naming the field, in English and Chinese, with the database
//! unchanged byte for byte (`Case::refuse`).

use crate::bad_inputs::Case;
use crate::common;
use common::cli::{jifen, ok};

/// Every way a person can type a number that is not finite.
const NOT_FINITE: &[&str] = &["inf", "-inf", "nan", "NaN", "1e400", "-1e400", "infinity"];

/// The Chinese refusal of `args` (a zh locale, no `--lang`): exit 1, the
/// `needles` in the message, the database unchanged byte for byte.
fn refused_in_chinese(c: &Case, args: &[&str], needles: &[&str]) {
    let before = crate::bad_inputs::fingerprint(&c.db);
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_jifen"))
        .arg("--db")
        .arg(&c.db)
        .args(args)
        .env("LANG", "zh_CN.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("JIFEN_ACTOR", "test")
        .output()
        .expect("run jifen");
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "jifen {args:?} (zh): {err}");
    for n in needles {
        assert!(err.contains(n), "jifen {args:?} (zh) lacks {n:?}: {err}");
    }
    assert_eq!(
        crate::bad_inputs::fingerprint(&c.db),
        before,
        "{args:?} (zh)"
    );
}

#[test]
fn a_verdict_or_claim_of_points_that_are_not_finite_is_refused_as_such() {
    let c = Case::new();
    for p in NOT_FINITE {
        let adjust = [
            "verdict",
            "1",
            "adjust",
            "--points",
            p,
            "--reason",
            "按市级认定",
        ];
        // The wrong reason: inf was "cannot be negative".
        let err = c.refuse(&adjust, 1, &["points", "not a finite number"]);
        assert!(
            !err.contains("negative") && !err.contains("zero or more"),
            "{err}"
        );
        refused_in_chinese(&c, &adjust, &["分值", "不是有限的数"]);
        let approve = ["verdict", "1", "approve", "--points", p];
        c.refuse(&approve, 1, &["points", "not a finite number"]);
        // A fixed-points item, an item priced in a range: the same refusal
        // (not "does not match" nor "outside the range").
        for item in ["other.blood", "work.speech"] {
            let add = [
                "claim", "add", "张伟", item, "--level", "city", "--points", p,
            ];
            let add = if item == "other.blood" {
                vec!["claim", "add", "张伟", item, "--points", p]
            } else {
                add.to_vec()
            };
            let err = c.refuse(&add, 1, &["points", "not a finite number"]);
            assert!(!err.contains("outside") && !err.contains("match"), "{err}");
            refused_in_chinese(&c, &add, &["分值", "不是有限的数"]);
        }
    }
}

#[test]
fn a_correction_of_points_that_are_not_finite_is_refused_as_such() {
    let c = Case::new();
    ok(&c.db, &["verdict", "1", "approve"]);
    ok(&c.db, &["attend", "张伟", "present"]);
    ok(&c.db, &["attend", "李娜", "present"]);
    ok(&c.db, &["lock", "2026Q4"]);
    let id = ok(
        &c.db,
        &[
            "appeal",
            "file",
            "张伟",
            "--period",
            "2026Q4",
            "--text",
            "漏记一次献血",
        ],
    );
    for p in NOT_FINITE {
        let reply = [
            "appeal",
            "reply",
            id.trim(),
            "upheld",
            "--reply",
            "属实",
            "--item",
            "other.blood",
            "--points",
            p,
        ];
        // Not "a correction needs non-zero points".
        let err = c.refuse(&reply, 1, &["points", "not a finite number"]);
        assert!(!err.contains("non-zero"), "{err}");
        refused_in_chinese(&c, &reply, &["分值", "不是有限的数"]);
    }
}

#[test]
fn a_setting_that_is_not_finite_is_refused_as_such() {
    let c = Case::new();
    for v in NOT_FINITE {
        let set = ["set", "excellent_quota", v];
        c.refuse(&set, 1, &["excellent_quota", "not a finite number"]);
        refused_in_chinese(&c, &set, &["excellent_quota", "不是有限的数"]);
        for key in ["publication_days", "appeal_reply_days", "reconsider_days"] {
            c.refuse(&["set", key, v], 1, &[key, "not a finite number"]);
        }
    }
}

#[test]
fn import_cells_that_are_not_finite_are_refused_at_their_line_and_column() {
    for p in NOT_FINITE {
        let c = Case::new();
        let text = format!(
            "member,item,level,count,points,date,note,period\n李娜,other.blood,,1,,,,2026Q4\n张伟,work.speech,city,1,{p},,,2026Q4\n"
        );
        let f = c.file("claims.csv", text.as_bytes());
        let f = f.to_str().expect("path");
        c.refuse(
            &["claim", "import", f],
            1,
            &["claims.csv:3", "column 'points'", "not a finite number"],
        );
    }
}

/// A branch on the tiered village scheme (tiers 1 to 4) in its own case.
fn tiered() -> Case {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("tiered.sqlite");
    ok(
        &db,
        &[
            "init",
            "--branch",
            "新坝村支部",
            "--scheme",
            "village-tiered",
        ],
    );
    ok(&db, &["member", "add", "王芳", "--tier", "3"]);
    Case { dir, db }
}

#[test]
fn a_tier_the_scheme_does_not_have_is_refused_naming_the_tiers_it_has() {
    // A scheme without tiers takes none, however large.
    let c = Case::new();
    for t in ["9223372036854775807", "1", "-1", "0"] {
        let arg = format!("--tier={t}");
        c.refuse(
            &["member", "add", "赵六", &arg],
            1,
            &["tier", "bureau-80", "none"],
        );
    }
    let members = c.file(
        "members.csv",
        "name,category,tier,group\n赵六,full,9223372036854775807,\n".as_bytes(),
    );
    c.refuse(
        &["member", "import", members.to_str().expect("path")],
        1,
        &["members.csv:2", "column 'tier'", "none"],
    );
    // A tiered scheme names the tiers it has.
    let c = tiered();
    for t in ["5", "0", "-1", "9223372036854775807"] {
        let arg = format!("--tier={t}");
        c.refuse(
            &["member", "add", "赵六", &arg],
            1,
            &["tier", "village-tiered", "1, 2, 3, 4"],
        );
    }
    let out = ok(&c.db, &["member", "list", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v.as_array().map(Vec::len), Some(1), "only 王芳: {out}");
    assert_eq!(v[0]["tier"], 3, "{out}");
    // A tier too large for any whole number is clap's refusal (exit 2).
    let err = jifen(
        &c.db,
        &["member", "add", "赵六", "--tier", "99999999999999999999"],
    );
    assert_eq!(err.status.code(), Some(2));
}
