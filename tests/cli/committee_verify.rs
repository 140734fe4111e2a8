//! `verify` on a committee database: its own chain and every filing it
//! received, and `verify --seal S` naming the received filing with that seal;
//! two branches scoring by different schemes received in one receipt each
//! rank as at home (the receipt parses each scheme once and keeps both).

use crate::common::cli::{jifen, ok};
use crate::filing::{digest, export, json, locked_branch, locked_branch_named, seal_of};
use std::path::{Path, PathBuf};

fn s(p: &Path) -> String {
    p.display().to_string()
}

/// A village branch (scheme village-quarterly, base 100) with 2026Q4
/// locked: 王芳 +5 for her contribution, 赵强 -3.
fn village(dir: &Path) -> PathBuf {
    let db = dir.join("v.sqlite");
    ok(
        &db,
        &[
            "init",
            "--branch",
            "河西村党支部",
            "--scheme",
            "village-quarterly",
        ],
    );
    ok(&db, &["member", "add", "王芳"]);
    ok(&db, &["member", "add", "赵强"]);
    ok(&db, &["period", "open", "2026Q4"]);
    for (who, item, p) in [
        ("王芳", "bonus.contribution", "5"),
        ("赵强", "deduction.violation", "3"),
    ] {
        let id = ok(&db, &["claim", "add", who, item, "--points", p])
            .trim()
            .to_string();
        ok(&db, &["verdict", &id, "approve"]);
    }
    ok(&db, &["lock", "2026Q4"]);
    db
}

/// `rank --period 2026Q4 --format json` as (member, score, rank) triples.
fn ranking(db: &Path, branch: Option<&str>) -> Vec<(String, f64, i64)> {
    let mut args = vec![];
    if let Some(b) = branch {
        args.extend(["--branch", b]);
    }
    args.extend(["rank", "--period", "2026Q4", "--format", "json"]);
    json(db, &args)
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| {
            (
                r["member"].as_str().unwrap_or_default().to_string(),
                r["score"].as_f64().unwrap_or(f64::NAN),
                r["rank"].as_i64().unwrap_or(-1),
            )
        })
        .collect()
}

#[test]
fn two_schemes_in_one_receipt_each_rank_as_at_the_branch() {
    let dir = tempfile::tempdir().expect("dir");
    let b = locked_branch(dir.path(), "b.sqlite", false);
    let v = village(dir.path());
    let fb = export(&b, dir.path());
    let fv = dir.path().join("village.jifen-filing.json");
    ok(
        &v,
        &["filing", "export", "--period", "2026Q4", "--out", &s(&fv)],
    );
    // One receipt, two schemes: the bureau's, the village's, the bureau's again.
    let b2 = locked_branch_named(dir.path(), "b2.sqlite", "河东党支部", true);
    let fb2 = dir.path().join("hedong.jifen-filing.json");
    ok(
        &b2,
        &["filing", "export", "--period", "2026Q4", "--out", &s(&fb2)],
    );
    let c = dir.path().join("c.sqlite");
    let said = ok(&c, &["filing", "receive", &s(&fb), &s(&fv), &s(&fb2)]);
    assert!(
        said.contains("received 3, already received 0, refused 0"),
        "{said}"
    );

    let home = ranking(&v, None);
    assert_eq!(
        home,
        vec![
            ("王芳".to_string(), 105.0, 1),
            ("赵强".to_string(), 97.0, 2)
        ],
        "base 100, +5 and -3 at the village"
    );
    assert_eq!(ranking(&c, Some("河西村党支部")), home);
    assert_eq!(ranking(&c, Some("社区党支部")), ranking(&b, None));
    assert_eq!(ranking(&c, Some("河东党支部")), ranking(&b2, None));
    assert_ne!(
        ranking(&b2, None),
        ranking(&b, None),
        "欧阳娜娜's speech counts"
    );
    let listed = json(&c, &["filing", "list", "--format", "json"]);
    let schemes: Vec<&str> = listed
        .as_array()
        .expect("filings")
        .iter()
        .filter_map(|f| f["scheme"].as_str())
        .collect();
    assert_eq!(schemes.len(), 3, "{listed}");
    assert!(schemes.contains(&"bureau-80") && schemes.contains(&"village-quarterly"));
    let out = ok(&c, &["verify"]);
    assert!(out.contains("ok: 3 filings received"), "{out}");
}

#[test]
fn verify_seal_on_a_committee_names_the_filing_and_refuses_a_seal_not_received() {
    let dir = tempfile::tempdir().expect("dir");
    let b = locked_branch(dir.path(), "b.sqlite", false);
    let v = village(dir.path());
    let fv = dir.path().join("village.jifen-filing.json");
    ok(
        &v,
        &["filing", "export", "--period", "2026Q4", "--out", &s(&fv)],
    );
    let c = dir.path().join("c.sqlite");
    ok(
        &c,
        &["filing", "receive", &s(&export(&b, dir.path())), &s(&fv)],
    );

    let seal = seal_of(&b);
    let out = ok(&c, &["verify", "--seal", &seal]);
    assert!(out.contains("ok: 2 filings received"), "{out}");
    assert!(
        out.contains(&format!(
            "seal {seal} is the seal of 社区党支部 2026Q4's filing as received, intact"
        )),
        "{out}"
    );
    let out = ok(&c, &["verify", "--seal", &seal_of(&v)]);
    assert!(out.contains("河西村党支部 2026Q4"), "{out}");

    let before = digest(&c);
    // A seal no received filing has: refused naming it, saying what to run.
    let unknown = "0".repeat(64);
    let o = jifen(&c, &["verify", "--seal", &unknown]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains(&format!("no received filing has seal {unknown}"))
            && err.contains("filing receive"),
        "{err}"
    );
    // A prefix proves nothing, at the committee as at the branch.
    let o = jifen(&c, &["verify", "--seal", &seal[..8]]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("64 hex digits"));
    assert_eq!(digest(&c), before, "verify writes nothing");
}

#[test]
fn a_stored_filing_altered_behind_jifens_back_is_found_naming_branch_and_period() {
    let dir = tempfile::tempdir().expect("dir");
    let b = locked_branch(dir.path(), "b.sqlite", false);
    let v = village(dir.path());
    let fv = dir.path().join("village.jifen-filing.json");
    ok(
        &v,
        &["filing", "export", "--period", "2026Q4", "--out", &s(&fv)],
    );
    let c = dir.path().join("c.sqlite");
    ok(
        &c,
        &["filing", "receive", &s(&export(&b, dir.path())), &s(&fv)],
    );
    ok(&c, &["verify"]);

    // Someone drops the filing's trigger and gives 赵强 his 3 points back
    // in the village's stored text (97 -> 100).
    let conn = rusqlite::Connection::open(&c).expect("open");
    conn.execute_batch(
        "DROP TRIGGER filing_no_update;
         UPDATE filing SET body = replace(body, '97', '100') WHERE branch = '河西村党支部';",
    )
    .expect("edit");
    let changed = conn.changes();
    assert_eq!(changed, 1, "the stored text was edited");
    drop(conn);

    for args in [vec!["verify"], vec!["verify", "--seal", &seal_of(&b)]] {
        let o = jifen(&c, &args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains("河西村党支部 2026Q4"), "{args:?}: {err}");
        assert!(err.contains("edited outside jifen"), "{args:?}: {err}");
    }
}

/// A committee database made by an older jifen (schema 14: before the
/// committee's publication, reconsiderations and roster) is brought up to
/// date by the first command that reads it, and reads as a new one does.
#[test]
fn a_committee_database_of_an_older_jifen_is_brought_up_to_date_and_read() {
    let dir = tempfile::tempdir().expect("dir");
    let c = crate::common::committee::committee(dir.path());
    let listed = |c: &Path| {
        ok(
            c,
            &["filing", "list", "--period", "2026Q3", "--format", "json"],
        )
    };
    let before = listed(&c);
    let rank = [
        "--branch",
        "第1党支部",
        "rank",
        "--period",
        "2026Q3",
        "--format",
        "json",
    ];
    let ranked = ok(&c, &rank);
    {
        let conn = rusqlite::Connection::open(&c).expect("open");
        for t in [
            "roster",
            "year_grade",
            "review_received",
            "review",
            "filing_posted",
        ] {
            conn.execute_batch(&format!("DROP TABLE {t}"))
                .expect("drop");
        }
        conn.execute_batch("PRAGMA user_version = 14")
            .expect("version");
    }
    assert_eq!(listed(&c), before);
    let version: i64 = rusqlite::Connection::open(&c)
        .expect("open")
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("version");
    assert_eq!(version, jifen::store::db::SCHEMA_VERSION);
    assert_eq!(ok(&c, &rank), ranked);
    assert!(ok(&c, &["review", "list"]).contains("no reconsideration"));
    ok(&c, &["verify"]);
}
