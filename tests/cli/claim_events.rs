//! A claim keeps its journal bytes whatever shape it takes in the code: the
//! same files imported and the same claims added give, event for event, the
//! `claims_add` and `claims_batch` payloads the jifen of commit fb2250f wrote
//! (`tests/fixtures/claim-events-fb2250f.txt`, written by that binary from
//! these inputs). The inputs use titles for codes (无偿献血), Chinese level
//! names (省级), a lower-case period, padded cells, quoted notes with commas
//! and quotes, rows without a period, verdicts with reasons, and more than
//! one journal batch's worth of rows.

use crate::common;

use common::cli::ok;
use rusqlite::Connection;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The claim events' kinds and payloads, one a line, in journal order.
fn claim_payloads(db: &Path) -> String {
    let c = Connection::open(db).expect("open");
    let mut st = c
        .prepare(
            "SELECT kind || ' ' || payload FROM event
             WHERE kind IN ('claims_add', 'claims_batch') ORDER BY seq",
        )
        .expect("prepare");
    let rows = st.query_map([], |r| r.get::<_, String>(0)).expect("query");
    let mut out = String::new();
    for r in rows {
        out.push_str(&r.expect("row"));
        out.push('\n');
    }
    out
}

#[test]
fn imported_and_added_claims_are_journalled_byte_for_byte_as_before() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("b.sqlite");
    ok(
        &db,
        &[
            "init",
            "--scheme",
            "bureau-80",
            "--branch",
            "存储支部",
            "--year",
            "2026",
        ],
    );
    ok(&db, &["period", "open", "2026Q4"]);
    let members = dir.path().join("m.csv");
    std::fs::write(
        &members,
        "name,category,tier,group\n李秀英,activist,,一组\n马超,full,,一组\n邓丽君,probationary,,二组\n",
    )
    .expect("members");
    ok(&db, &["member", "import", members.to_str().expect("path")]);
    for file in ["claims-before-small.csv", "claims-before-batch.csv"] {
        let path = fixture(file);
        ok(&db, &["claim", "import", path.to_str().expect("path")]);
    }
    ok(
        &db,
        &[
            "claim",
            "add",
            "马超",
            "other.blood",
            "--note",
            " 会上补报 ",
            "--date",
            "2026-12-02",
        ],
    );
    ok(
        &db,
        &[
            "claim",
            "add",
            "邓丽君",
            "工作在会议发言交流",
            "--level",
            "省级",
        ],
    );

    let before = std::fs::read_to_string(fixture("claim-events-fb2250f.txt")).expect("fixture");
    let now = claim_payloads(&db);
    assert_eq!(now.lines().count(), 4, "two imports and two additions");
    for (k, (a, b)) in before.lines().zip(now.lines()).enumerate() {
        assert_eq!(a, b, "claim event {k} differs from what fb2250f journalled");
    }
    assert_eq!(before, now);

    // The small file went in as whole claims, the large one as lines.
    assert!(now.starts_with("claims_add "));
    assert!(now
        .lines()
        .nth(1)
        .is_some_and(|l| l.starts_with("claims_batch ")));
    // What the members see: 李秀英's speech at a provincial meeting is worth
    // 5 (bureau-80, 工作在会议发言交流 省级), 邓丽君's refused dues claim
    // keeps its reason without the padding.
    let claims: Vec<serde_json::Value> =
        serde_json::from_str(&ok(&db, &["claim", "list", "--format", "json"])).expect("json");
    assert_eq!(claims.len(), 127);
    let first = &claims.iter().find(|c| c["id"] == 1).expect("claim 1");
    assert_eq!(first["item"], "work.speech");
    assert_eq!(first["level"], "province");
    assert_eq!(first["claimed"], 5.0);
    let third = &claims.iter().find(|c| c["id"] == 3).expect("claim 3");
    assert_eq!(third["status"], "rejected");
    assert_eq!(third["reason"], "已补缴");
    ok(&db, &["verify"]);
}
