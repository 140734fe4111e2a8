//! Claim files longer than one chunk: the import checks rows on one thread
//! while the other stores the chunks (50,000 claims each) read before them.
//! A refusal anywhere in the file leaves the database as it was, naming the
//! line an editor shows; rows across a chunk's end are what a CSV reader reads.

use crate::bad_inputs::fingerprint_beside_counter;
use crate::common::cli::{jifen, ok};
use crate::storage::branch;
use jifen::app::{ClaimFilter, Ledger};

/// More rows than one chunk holds.
const ROWS: usize = 60_000;

/// A plain claim row of member `i % 4`.
fn row(i: usize) -> String {
    format!(
        "成员{:02},bonus.contribution,,1,1,2026-10-03,第{i}条,2026Q4,approved\n",
        i % 4
    )
}

/// A row whose note runs over two lines and holds quote marks and a comma.
fn two_line_row(i: usize) -> String {
    format!(
        "成员{:02},bonus.contribution,,1,1,2026-10-03,\"第{i}条\n含\"\"引号\"\",与逗号\",2026Q4,approved\n",
        i % 4
    )
}

const HEADER: &str = "member,item,level,count,points,date,note,period,verdict\n";

/// The en refusal of `claim import FILE`, checked to change nothing (in
/// either language: `jifen` asks again in Chinese). A file this long is
/// written once (`store::db::write_once`), so only SQLite's own change
/// counter in the file's header may move.
fn refused(db: &std::path::Path, csv: &std::path::Path) -> String {
    let before = fingerprint_beside_counter(db);
    let o = jifen(db, &["claim", "import", csv.to_str().expect("path")]);
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    assert_eq!(
        fingerprint_beside_counter(db),
        before,
        "a refused import changes nothing"
    );
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn a_bad_row_near_the_end_of_a_long_file_is_named_and_nothing_is_kept() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("long.sqlite");
    branch(&db, "village-quarterly", 4);
    let mut text = String::from(HEADER);
    // Two notes over two lines before the bad row: its line is the file's.
    for i in 0..ROWS {
        match i {
            10 | 49_999 => text.push_str(&two_line_row(i)),
            59_990 => {
                text.push_str("成员01,bonus.contribution,,两,1,2026-10-03,坏行,2026Q4,approved\n")
            }
            _ => text.push_str(&row(i)),
        }
    }
    let csv = dir.path().join("long.csv");
    std::fs::write(&csv, &text).expect("write");
    // Header on line 1, row i on line i + 2, two rows above it a line longer.
    let err = refused(&db, &csv);
    assert!(err.contains("long.csv:59994:"), "{err}");
    assert!(err.contains("column 'count'"), "{err}");
    assert!(err.contains("两"), "{err}");
    let l = Ledger::open(&db, None).expect("open");
    assert!(l
        .claims(&ClaimFilter::default())
        .expect("claims")
        .is_empty());
    drop(l);
    ok(&db, &["verify"]);
}

#[test]
fn a_closed_period_early_in_a_long_file_gives_way_to_a_bad_row_later() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("order.sqlite");
    branch(&db, "village-quarterly", 4);
    let early = "成员00,bonus.contribution,,1,1,2027-01-05,下一季,2027Q1,approved\n";
    let mut text = String::from(HEADER);
    text.push_str(early);
    for i in 1..ROWS {
        text.push_str(&row(i));
    }
    let period_only = dir.path().join("period.csv");
    std::fs::write(&period_only, &text).expect("write");
    // The whole file is sound but for its period, which is not open.
    let err = refused(&db, &period_only);
    assert!(err.contains("2027Q1"), "{err}");
    // With a bad row in the last chunk, the file's own fault is named first,
    // as when the file was read whole before anything was written.
    text.push_str("成员01,bonus.contribution,,1,1,2026-13-03,坏日期,2026Q4,approved\n");
    let both = dir.path().join("both.csv");
    std::fs::write(&both, &text).expect("write");
    let err = refused(&db, &both);
    assert!(err.contains(&format!("both.csv:{}:", ROWS + 2)), "{err}");
    assert!(err.contains("column 'date'"), "{err}");
}

#[test]
fn quoted_fields_across_a_chunk_boundary_import_what_a_csv_reader_reads() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("across.sqlite");
    branch(&db, "village-quarterly", 4);
    let mut text = String::from(HEADER);
    for i in 0..ROWS {
        match i {
            // A literal quote mark in an unquoted field, early and at the
            // chunk's end, then notes over several lines across it: a reader
            // cutting the file by counting quote marks would cut inside one.
            3 | 49_998 => text.push_str(&format!(
                "成员{:02},bonus.contribution,,1,1,2026-10-03,捐赠 12\" 显示器 {i},2026Q4,approved\n",
                i % 4
            )),
            49_990..=50_010 => text.push_str(&two_line_row(i)),
            _ => text.push_str(&row(i)),
        }
    }
    let csv_path = dir.path().join("across.csv");
    std::fs::write(&csv_path, &text).expect("write");
    ok(&db, &["claim", "import", csv_path.to_str().expect("path")]);
    let expected: Vec<(String, String)> = csv::Reader::from_reader(text.as_bytes())
        .records()
        .map(|r| {
            let r = r.expect("record");
            (r[0].to_string(), r[6].to_string())
        })
        .collect();
    let l = Ledger::open(&db, None).expect("open");
    let mut claims = l.claims(&ClaimFilter::default()).expect("claims");
    claims.sort_by_key(|c| c.id);
    let got: Vec<(String, String)> = claims
        .iter()
        .map(|c| (c.member.clone(), c.note.clone().unwrap_or_default()))
        .collect();
    assert_eq!(got.len(), ROWS);
    assert_eq!(got[3].1, "捐赠 12\" 显示器 3");
    assert_eq!(got[49_998].1, "捐赠 12\" 显示器 49998");
    assert_eq!(got[50_000].1, "第50000条\n含\"引号\",与逗号");
    assert_eq!(got, expected);
    // Numbered in file order, with no gap at the chunk's end.
    let ids: Vec<i64> = claims.iter().map(|c| c.id).collect();
    assert!(ids.windows(2).all(|w| w[1] == w[0] + 1), "ids run on");
    drop(l);
    ok(&db, &["verify"]);
}
