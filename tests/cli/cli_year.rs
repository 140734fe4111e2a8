//! The real binary through a whole year of each scheme, as a script would drive it.

use crate::common;
use common::cli::{jifen, ok};

struct Plan {
    scheme: &'static str,
    periods: &'static [&'static str],
    /// (item, level, points) claimed by the first member every period.
    claim: (&'static str, Option<&'static str>, Option<&'static str>),
    tier: Option<&'static str>,
    year_score: f64,
}

fn run_year(plan: &Plan) {
    let dir = tempfile::tempdir().expect("temp");
    let db = dir.path().join("branch.sqlite");
    ok(
        &db,
        &["init", "--branch", "第一党支部", "--scheme", plan.scheme],
    );
    for name in ["欧阳娜娜", "张伟"] {
        let mut args = vec!["member", "add", name];
        if let Some(t) = plan.tier {
            args.extend(["--tier", t]);
        }
        ok(&db, &args);
    }
    let mut seals = Vec::new();
    for p in plan.periods {
        ok(&db, &["period", "open", p]);
        let (item, level, points) = plan.claim;
        let mut args = vec!["claim", "add", "欧阳娜娜", item, "--period", p];
        if let Some(l) = level {
            args.extend(["--level", l]);
        }
        if let Some(x) = points {
            args.extend(["--points", x]);
        }
        let out = ok(&db, &args);
        let id = out.trim();
        assert_eq!(out.lines().count(), 1, "claim add prints the id alone");
        assert!(id.parse::<i64>().is_ok(), "id: {out}");
        let e = jifen(&db, &["lock", p]);
        assert_eq!(e.status.code(), Some(1), "lock refuses pending claims");
        assert!(String::from_utf8_lossy(&e.stderr).contains(&format!("#{id}")));
        ok(&db, &["verdict", id, "approve"]);
        ok(&db, &["confirm", "欧阳娜娜", "--period", p]);
        ok(
            &db,
            &[
                "confirm",
                "张伟",
                "--period",
                p,
                "--dispute",
                "漏记一次志愿服务",
            ],
        );
        let out = ok(&db, &["lock", p]);
        let seal = out
            .lines()
            .find_map(|l| l.strip_prefix("seal "))
            .expect("seal printed")
            .to_string();
        seals.push(seal);
    }
    let year = &plan.periods[0][..4];
    let json: serde_json::Value =
        serde_json::from_str(&ok(&db, &["rank", "--year", year, "--format", "json"]))
            .expect("json");
    let rows = json.as_array().expect("array");
    assert_eq!(rows.len(), 2);
    for key in ["member", "score", "rank", "grade", "stars", "actions"] {
        assert!(rows[0].get(key).is_some(), "{} lacks {key}", plan.scheme);
    }
    let first = rows
        .iter()
        .find(|r| r["member"] == "欧阳娜娜")
        .expect("member row");
    assert_eq!(
        first["score"].as_f64(),
        Some(plan.year_score),
        "{}: year score",
        plan.scheme
    );
    let out = ok(&db, &["verify"]);
    assert!(out.contains("chain intact"), "{out}");
    for s in &seals {
        ok(&db, &["verify", "--seal", s]);
    }
    let bad = jifen(&db, &["verify", "--seal", "0123456789abcdef"]);
    assert_eq!(bad.status.code(), Some(1));
}

#[test]
fn bureau_80_year() {
    run_year(&Plan {
        scheme: "bureau-80",
        periods: &["2026Q1", "2026Q2", "2026Q3", "2026Q4"],
        claim: ("work.speech", Some("city"), None),
        tier: None,
        year_score: 92.0,
    });
}

#[test]
fn twelve_point_year() {
    run_year(&Plan {
        scheme: "twelve-point",
        periods: &["2026Q1", "2026Q2", "2026Q3", "2026Q4"],
        claim: ("life.absent-leave", None, None),
        tier: None,
        year_score: 8.0,
    });
}

#[test]
fn star_rating_year() {
    run_year(&Plan {
        scheme: "star-rating",
        periods: &["2026H1", "2026H2"],
        claim: ("common", None, Some("55")),
        tier: None,
        year_score: 55.0,
    });
}

#[test]
fn company_60_40_year() {
    run_year(&Plan {
        scheme: "company-60-40",
        periods: &["2026Q1", "2026Q2", "2026Q3", "2026Q4"],
        claim: ("general.bonus", None, Some("5")),
        tier: None,
        year_score: 95.0,
    });
}

#[test]
fn pipeline_75_25_year() {
    run_year(&Plan {
        scheme: "pipeline-75-25",
        periods: &["2026Q1", "2026Q2", "2026Q3", "2026Q4"],
        claim: ("conduct.study", None, Some("30")),
        tier: None,
        year_score: 30.0,
    });
}

#[test]
fn village_tiered_year() {
    run_year(&Plan {
        scheme: "village-tiered",
        periods: &["2026Q1", "2026Q2", "2026Q3", "2026Q4"],
        claim: ("vanguard.role", None, Some("10")),
        tier: Some("2"),
        year_score: 60.0,
    });
}

#[test]
fn village_quarterly_year() {
    run_year(&Plan {
        scheme: "village-quarterly",
        periods: &["2026Q1", "2026Q2", "2026Q3", "2026Q4"],
        claim: ("bonus.contribution", None, Some("4")),
        tier: None,
        year_score: 104.0,
    });
}

#[test]
fn exit_codes_and_output_shapes() {
    let dir = tempfile::tempdir().expect("temp");
    let db = dir.path().join("b.sqlite");
    ok(&db, &["init", "--branch", "支部", "--scheme", "bureau-80"]);
    ok(&db, &["member", "add", "张伟"]);
    ok(&db, &["period", "open", "2026Q4"]);
    let id = ok(&db, &["claim", "add", "张伟", "other.blood"])
        .trim()
        .to_string();
    let list: serde_json::Value = serde_json::from_str(&ok(
        &db,
        &["claim", "list", "--format", "json", "--status", "pending"],
    ))
    .expect("json");
    let c = &list[0];
    assert_eq!(c["id"].as_i64().map(|v| v.to_string()), Some(id.clone()));
    assert_eq!(
        (
            c["member"].as_str(),
            c["item"].as_str(),
            c["status"].as_str()
        ),
        (Some("张伟"), Some("other.blood"), Some("pending"))
    );
    assert_eq!(c["points"].as_f64(), Some(1.0));
    // A user error: exit 1 with a message naming what is allowed; nothing changes.
    let e = jifen(
        &db,
        &["claim", "add", "张伟", "work.speech", "--level", "county"],
    );
    assert_eq!(e.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&e.stderr).contains("city = 3"));
    let e = jifen(&db, &["verdict", &id, "reject"]);
    assert_eq!(e.status.code(), Some(1), "reject needs a reason");
    // Usage errors: exit 2.
    assert_eq!(
        jifen(&db, &["verdict", &id, "maybe"]).status.code(),
        Some(2)
    );
    assert_eq!(jifen(&db, &["frobnicate"]).status.code(), Some(2));
    // CSV ranking parses back.
    let csv_text = ok(&db, &["rank", "--format", "csv"]);
    let mut r = csv::Reader::from_reader(csv_text.as_bytes());
    let rec = r.records().next().expect("a row").expect("csv");
    assert_eq!(&rec[1], "张伟");
    // Missing database: exit 1 with advice.
    let e = jifen(&dir.path().join("none.sqlite"), &["rank"]);
    assert_eq!(e.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&e.stderr).contains("jifen init"));
}
