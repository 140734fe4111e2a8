//! Large and awkward claim files: what a CSV reader reads is what is
//! imported, on the line an editor shows, and a history-sized import leaves
//! the database's indexes, triggers and guards as they were.

use crate::common::cli::{jifen, ok};
use crate::storage::{branch, claims_json};
use jifen::app::{ClaimFilter, Ledger};
use rusqlite::Connection;

#[test]
fn quoted_fields_import_exactly_what_a_csv_reader_reads() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("q.sqlite");
    branch(&db, "village-quarterly", 3);
    let mut text = String::from("member,item,level,count,points,date,note,period\n");
    text.push_str("成员00,bonus.contribution,,1,1,2026-10-02,捐赠 12\" 显示器一台,2026Q4\n");
    for i in 0..3000 {
        text.push_str(&format!(
            "成员{:02},bonus.contribution,,1,1,2026-10-03,\"第{i}条\n含\"\"引号\"\",与逗号\",2026Q4\n",
            i % 3
        ));
    }
    let csv = dir.path().join("quoted.csv");
    std::fs::write(&csv, &text).expect("write");
    ok(&db, &["claim", "import", csv.to_str().expect("path")]);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let expected: Vec<String> = reader
        .records()
        .map(|r| r.expect("record")[6].to_string())
        .collect();
    let l = Ledger::open(&db, None).expect("open");
    let got: Vec<String> = l
        .claims(&ClaimFilter::default())
        .expect("claims")
        .into_iter()
        .map(|c| c.note.unwrap_or_default())
        .collect();
    assert_eq!(got.len(), 3001);
    assert_eq!(got[0], "捐赠 12\" 显示器一台");
    assert_eq!(got[1], "第0条\n含\"引号\",与逗号");
    assert_eq!(got, expected);
}

/// A large import stands in for the claim table's per-row triggers; after it
/// the database's own guards are back, the scores count every claim, and a
/// locked period takes neither an import nor a claim row written by hand.
#[test]
fn after_a_large_import_the_scores_count_it_and_a_locked_period_still_refuses_claims() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("bulk.sqlite");
    branch(&db, "village-quarterly", 4);
    let mut text = String::from("member,item,level,count,points,date,note,period,verdict\n");
    for i in 0..400 {
        text.push_str(&format!(
            "成员{:02},bonus.contribution,,1,1,2026-10-03,第{i}条,2026Q4,approved\n",
            i % 4
        ));
    }
    let csv = dir.path().join("bulk.csv");
    std::fs::write(&csv, &text).expect("write");
    ok(&db, &["claim", "import", csv.to_str().expect("path")]);
    let rank: serde_json::Value = serde_json::from_str(&ok(
        &db,
        &["rank", "--period", "2026Q4", "--format", "json"],
    ))
    .expect("json");
    let rows = rank["rows"].as_array().or(rank.as_array()).expect("rows");
    assert_eq!(rows.len(), 4);
    for r in rows {
        assert_eq!(
            r["score"].as_f64(),
            Some(200.0),
            "base 100 + 100 claims: {r}"
        );
    }
    ok(&db, &["verify"]);
    let c = Connection::open(&db).expect("conn");
    let triggers: i64 = c
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'
             AND name IN ('claim_locked_insert', 'score_claim_insert')",
            [],
            |r| r.get(0),
        )
        .expect("triggers");
    assert_eq!(
        triggers, 2,
        "the per-row triggers are back after the import"
    );
    drop(c);
    ok(&db, &["lock", "2026Q4"]);
    let before = std::fs::read(&db).expect("db");
    let again = jifen(&db, &["claim", "import", csv.to_str().expect("path")]);
    assert!(
        !again.status.success(),
        "an import into a locked period is refused"
    );
    assert_eq!(
        std::fs::read(&db).expect("db"),
        before,
        "and changes nothing"
    );
    let c = Connection::open(&db).expect("conn");
    let by_hand = c.execute(
        "INSERT INTO claim (id, branch_id, member_id, period, item, count, claimed, points, source, status)
         SELECT 99999, branch_id, member_id, period, item, 1, 1, 1, 'x', 'approved' FROM claim LIMIT 1",
        [],
    );
    let err = by_hand.expect_err("a claim row into a locked period is refused");
    assert!(err.to_string().contains("period is locked"), "{err}");
}

/// The claim table's schema (indexes and triggers, with their SQL).
fn claim_schema(db: &std::path::Path) -> Vec<(String, String, String)> {
    let c = Connection::open(db).expect("conn");
    let mut q = c
        .prepare(
            "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'claim'
             AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type, name",
        )
        .expect("schema");
    let rows = q
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .expect("rows")
        .collect::<Result<Vec<_>, _>>()
        .expect("schema rows");
    rows
}

/// An import larger than the claims already stored builds the claim table's
/// indexes once after its rows instead of row by row: afterwards the schema
/// is exactly what it was, the file is sound, a member's claims are found
/// through the index, and the next import and the ranking count every claim.
#[test]
fn a_history_import_leaves_the_claim_indexes_as_they_were() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("history.sqlite");
    branch(&db, "village-quarterly", 4);
    let before = claim_schema(&db);
    assert!(before.iter().any(|(t, _, _)| t == "index"), "{before:?}");
    // More claims than one journal batch holds, so the import is a bulk one.
    let mut text = String::from("member,item,level,count,points,date,note,period,verdict\n");
    for i in 0..60_001 {
        text.push_str(&format!(
            "成员{:02},bonus.contribution,,1,1,2026-10-03,第{i}条,2026Q4,approved\n",
            i % 4
        ));
    }
    let csv = dir.path().join("history.csv");
    std::fs::write(&csv, &text).expect("write");
    ok(&db, &["claim", "import", csv.to_str().expect("path")]);
    assert_eq!(claim_schema(&db), before, "indexes and triggers as before");
    let c = Connection::open(&db).expect("conn");
    let sound: String = c
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity");
    assert_eq!(sound, "ok");
    let plan: String = c
        .query_row(
            "EXPLAIN QUERY PLAN SELECT count(*) FROM claim
             WHERE branch_id = 1 AND period = '2026Q4' AND member_id = 2",
            [],
            |r| r.get(3),
        )
        .expect("plan");
    assert!(plan.contains("INDEX"), "a member's claims by index: {plan}");
    drop(c);
    let more = dir.path().join("more.csv");
    std::fs::write(
        &more,
        "member,item,level,count,points,date,note,period,verdict\n成员01,bonus.contribution,,1,3,2026-10-04,补,2026Q4,approved\n",
    )
    .expect("write");
    ok(&db, &["claim", "import", more.to_str().expect("path")]);
    let rank: serde_json::Value = serde_json::from_str(&ok(
        &db,
        &["rank", "--period", "2026Q4", "--format", "json"],
    ))
    .expect("json");
    let rows = rank["rows"].as_array().or(rank.as_array()).expect("rows");
    let mut scores: Vec<f64> = rows.iter().filter_map(|r| r["score"].as_f64()).collect();
    scores.sort_by(f64::total_cmp);
    // 60,001 claims of 1 over four members (15,001 to the first), plus 3.
    assert_eq!(scores, vec![15_100.0, 15_100.0, 15_101.0, 15_103.0]);
    ok(&db, &["verify"]);
}

/// A row holding only whitespace a CSV reader trims away (here a vertical
/// tab, which the fuzzer found) is a blank row, as every other blank row.
#[test]
fn a_row_of_only_whitespace_is_blank_whatever_the_whitespace() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("ws.sqlite");
    branch(&db, "village-quarterly", 1);
    let text = "member,item,level,count,points,date,note,period\n\u{b}\n成员00,bonus.contribution,,1,1,2026-10-02,,2026Q4\n \t\u{c}\n";
    let csv = dir.path().join("ws.csv");
    std::fs::write(&csv, text).expect("write");
    ok(&db, &["claim", "import", csv.to_str().expect("path")]);
    assert_eq!(claims_json(&db).len(), 1);
}

/// A file saved with a lone carriage return between lines (older Mac
/// spreadsheets; found by the CSV fuzz target) has its errors on the right line.
#[test]
fn a_file_with_carriage_returns_only_names_the_right_line() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("cr.sqlite");
    branch(&db, "village-quarterly", 1);
    let text = "member,item,level,count,points,date,note,period\r成员00,bonus.contribution,,1,1,2026-10-02,,2026Q4\r成员00,bonus.nothing,,1,1,2026-10-02,,2026Q4\r";
    let csv = dir.path().join("cr.csv");
    std::fs::write(&csv, text).expect("write");
    let out = jifen(&db, &["claim", "import", csv.to_str().expect("path")]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cr.csv:3:"), "the third line: {err}");
}

/// Every row's line is the line a text editor shows it on, whatever ends the
/// lines and however many blank lines come between (the CSV fuzz target
/// found two rows given one line after a `\r\n` and a blank row).
#[test]
fn every_row_is_on_the_line_an_editor_shows_whatever_ends_the_lines() {
    let dir = tempfile::tempdir().expect("dir");
    let lines_of = |name: &str, text: &str| -> Vec<usize> {
        let csv = dir.path().join(name);
        std::fs::write(&csv, text).expect("write");
        let (_, rows) = jifen::app::import::read_rows(&csv).expect("read");
        rows.iter().map(|r| r.0).collect()
    };
    // The fuzzer's input: header on line 1, a blank row (",") on 2 and 5.
    assert_eq!(
        lines_of("fuzz.csv", "\u{b}\u{8}\n,\n+J+\r\n+\u{b}\n,\n+\n"),
        vec![3, 4, 6]
    );
    // Windows line ends with empty lines between rows.
    assert_eq!(
        lines_of("crlf.csv", "a,b\r\n\r\n1,2\r\n\r\n\r\n3,4\r\n"),
        vec![3, 6]
    );
    // A lone carriage return, a blank line of a lone \n, then \r\n.
    assert_eq!(
        lines_of("mixed.csv", "a,b\r1,2\r\r\n\n3,4\r\n5,6"),
        vec![2, 5, 6]
    );

    // And a refusal names the line too: the bad item is on line 4.
    let db = dir.path().join("crlf.sqlite");
    branch(&db, "village-quarterly", 1);
    let text = "member,item,level,count,points,date,note,period\r\n成员00,bonus.contribution,,1,1,2026-10-02,,2026Q4\r\n\r\n成员00,bonus.nothing,,1,1,2026-10-02,,2026Q4\r\n";
    let csv = dir.path().join("crlf-claims.csv");
    std::fs::write(&csv, text).expect("write");
    let out = jifen(&db, &["claim", "import", csv.to_str().expect("path")]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("crlf-claims.csv:4:"), "the fourth line: {err}");
}
