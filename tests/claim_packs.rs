//! Large imports are kept as packs (one row per member and period): they read
//! back exactly, a change to one claim unpacks that member's pack with the
//! same numbers, and a locked quarter's packs refuse changes made outside jifen.

mod common;

use common::{ledger, member, q, score};
use jifen::core::{verify, ClaimFilter, Ledger};
use jifen::model::Category::Full;
use jifen::model::{ClaimStatus, Outcome};
use std::path::Path;

const NAMES: [&str; 3] = ["欧阳娜娜", "张伟", "李强"];
const N: usize = 6000;

/// The note of line `i`: some hold a comma, a quote or a line break.
fn note(i: usize) -> String {
    match i % 4 {
        0 => format!("第{i}条"),
        1 => format!("第{i}条, 含逗号"),
        2 => format!("第{i}条 \"引号\""),
        _ => format!("第{i}条\n第二行"),
    }
}

fn csv_cell(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Import `N` claims over three members; `verdict(i)` gives line i's verdict.
fn import(l: &mut Ledger, dir: &Path, verdict: impl Fn(usize) -> &'static str) -> Vec<i64> {
    l.open_period("2026Q4").unwrap();
    let ids: Vec<i64> = NAMES.iter().map(|n| member(l, n, Full, None)).collect();
    let mut text = String::from("member,item,level,count,points,date,note,period,verdict\n");
    for i in 0..N {
        text.push_str(&format!(
            "{},bonus.contribution,,1,1,2026-10-02,{},2026Q4,{}\n",
            NAMES[i % 3],
            csv_cell(&note(i)),
            verdict(i)
        ));
    }
    let csv = dir.join("claims.csv");
    std::fs::write(&csv, text).unwrap();
    assert_eq!(l.import_claims(&csv).unwrap(), N);
    ids
}

/// Every fifth line waits for a verdict, the others are approved.
fn some_pending(i: usize) -> &'static str {
    if i.is_multiple_of(5) {
        ""
    } else {
        "approved"
    }
}

fn count(l: &Ledger, table: &str) -> i64 {
    l.conn()
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

fn claims_of(l: &Ledger, member: i64) -> Vec<jifen::model::Claim> {
    l.claims(&ClaimFilter {
        member: Some(member),
        ..Default::default()
    })
    .unwrap()
}

#[test]
fn a_large_import_is_kept_as_packs_and_reads_back_exactly() {
    let (d, p, mut l) = ledger("village-quarterly");
    let ids = import(&mut l, d.path(), some_pending);
    assert_eq!(count(&l, "claim"), 0);
    assert_eq!(count(&l, "claim_pack"), 3);
    for (k, id) in ids.iter().enumerate() {
        let claims = claims_of(&l, *id);
        let lines: Vec<usize> = (0..N).filter(|i| i % 3 == k).collect();
        assert_eq!(claims.len(), lines.len());
        for (c, i) in claims.iter().zip(&lines) {
            assert_eq!(c.note.as_deref(), Some(note(*i).as_str()));
            assert_eq!(c.member, NAMES[k]);
            let expected = if i % 5 == 0 {
                ClaimStatus::Pending
            } else {
                ClaimStatus::Approved
            };
            assert_eq!(c.status, expected, "line {i}");
        }
        // One claim by its number reads the same as in the list.
        let middle = &claims[claims.len() / 2];
        assert_eq!(l.claim(middle.id).unwrap().note, middle.note);
        let approved = lines.iter().filter(|i| *i % 5 != 0).count() as f64;
        assert_eq!(score(&l, q("2026Q4"), *id), 100.0 + approved);
    }
    let progress = l.progress(Some(&"2026Q4".parse().unwrap())).unwrap();
    assert_eq!(progress.claims, N);
    assert_eq!(progress.pending, N / 5);
    // The next claim is numbered after every packed one.
    let next = common::claim(
        &mut l,
        ids[0],
        "2026Q4",
        "bonus.contribution",
        None,
        Some(1.0),
    );
    assert_eq!(next, N as i64 + 1);
    drop(l);
    verify(&p, None).unwrap();
}

#[test]
fn a_verdict_on_a_packed_claim_unpacks_that_members_claims_only() {
    let (d, p, mut l) = ledger("village-quarterly");
    let ids = import(
        &mut l,
        d.path(),
        |i| if i % 5 == 0 { "" } else { "approved" },
    );
    let before = claims_of(&l, ids[1]);
    let target = before
        .iter()
        .find(|c| c.status == ClaimStatus::Pending)
        .unwrap();
    let score_before = score(&l, q("2026Q4"), ids[1]);
    l.verdict(target.id, Outcome::Approved, None, None).unwrap();
    // Only 张伟's pack became rows, with the same numbers and contents.
    assert_eq!(count(&l, "claim_pack"), 2);
    assert_eq!(count(&l, "claim"), before.len() as i64);
    let after = claims_of(&l, ids[1]);
    assert_eq!(after.len(), before.len());
    for (a, b) in after.iter().zip(&before) {
        assert_eq!((a.id, &a.note, &a.item), (b.id, &b.note, &b.item));
        if a.id != target.id {
            assert_eq!(a.status, b.status);
        }
    }
    assert_eq!(l.claim(target.id).unwrap().status, ClaimStatus::Approved);
    assert_eq!(score(&l, q("2026Q4"), ids[1]), score_before + 1.0);
    // The other members' claims still read from their packs.
    assert_eq!(claims_of(&l, ids[0]).len(), N / 3);
    // Undo puts the claim back to pending.
    l.undo_last().unwrap();
    assert_eq!(l.claim(target.id).unwrap().status, ClaimStatus::Pending);
    assert_eq!(score(&l, q("2026Q4"), ids[1]), score_before);
    // Approving the rest of a member's claims works across the pack too.
    l.approve_all(ids[2], &"2026Q4".parse().unwrap()).unwrap();
    assert_eq!(count(&l, "claim_pack"), 1);
    let progress = l.progress(Some(&"2026Q4".parse().unwrap())).unwrap();
    assert_eq!(progress.pending, N / 5 - N / 15);
    drop(l);
    verify(&p, None).unwrap();
}

#[test]
fn a_locked_quarters_packs_refuse_changes_made_outside_jifen() {
    let (d, p, mut l) = ledger("village-quarterly");
    import(&mut l, d.path(), |_| "approved");
    l.lock(&"2026Q4".parse().unwrap()).unwrap();
    for sql in [
        "DELETE FROM claim_pack",
        "UPDATE claim_pack SET rows = ''",
        "INSERT INTO claim_pack (first_id, branch_id, period, member_id, n, pending, at, rows)
         SELECT 100000, branch_id, period, member_id, 1, 0, at, rows FROM claim_pack LIMIT 1",
    ] {
        let err = l.conn().execute(sql, []).unwrap_err().to_string();
        assert!(err.contains("period is locked"), "{sql}: {err}");
    }
    assert_eq!(count(&l, "claim_pack"), 3);
    let first = claims_of(&l, 1)[0].id;
    let refused = l.verdict(first, Outcome::Rejected, None, Some("迟交"));
    assert!(refused.is_err());
    drop(l);
    verify(&p, None).unwrap();
}

/// A large file with a repeated row and an unknown member: the error names
/// whichever comes first, and nothing is written.
#[test]
fn a_large_import_names_the_first_bad_line_and_changes_nothing() {
    let (d, _p, mut l) = ledger("village-quarterly");
    l.open_period("2026Q4").unwrap();
    for n in NAMES {
        member(&mut l, n, Full, None);
    }
    let row = |i: usize| {
        format!(
            "{},bonus.contribution,,1,1,2026-10-02,第{i}条,2026Q4,\n",
            NAMES[i % 3]
        )
    };
    let write = |repeat_at: usize, unknown_at: usize| {
        let mut text = String::from("member,item,level,count,points,date,note,period,verdict\n");
        for i in 0..N {
            if i == repeat_at {
                text.push_str(&row(10));
            } else if i == unknown_at {
                text.push_str("王五,bonus.contribution,,1,1,2026-10-02,x,2026Q4,\n");
            } else {
                text.push_str(&row(i));
            }
        }
        let csv = d.path().join("claims.csv");
        std::fs::write(&csv, text).unwrap();
        csv
    };
    // The header is line 1, so row i is on line i + 2.
    let err = l.import_claims(&write(4000, 5000)).unwrap_err().to_string();
    assert!(
        err.contains("claims.csv:4002") && err.contains("same as line 12"),
        "{err}"
    );
    let err = l.import_claims(&write(5000, 4000)).unwrap_err().to_string();
    assert!(
        err.contains("claims.csv:4002") && err.contains("unknown member '王五'"),
        "{err}"
    );
    assert_eq!(count(&l, "claim") + count(&l, "claim_pack"), 0);
    assert_eq!(l.import_claims(&write(N, N)).unwrap(), N);
}

/// Notes with line breaks: an error late in a large file (read in parts)
/// still names the file's own line number.
#[test]
fn an_error_late_in_a_large_file_names_its_physical_line() {
    let (d, _p, mut l) = ledger("village-quarterly");
    l.open_period("2026Q4").unwrap();
    for n in NAMES {
        member(&mut l, n, Full, None);
    }
    let mut text = String::from("member,item,level,count,points,date,note,period,verdict\n");
    let bad_row = N - 7;
    let mut bad_line = 0;
    for i in 0..N {
        if i == bad_row {
            bad_line = text.matches('\n').count() + 1;
            text.push_str("李强,bonus.contribution,,1,1,2026-13-40,x,2026Q4,\n");
            continue;
        }
        text.push_str(&format!(
            "{},bonus.contribution,,1,1,2026-10-02,{},2026Q4,\n",
            NAMES[i % 3],
            csv_cell(&note(i))
        ));
    }
    let csv = d.path().join("claims.csv");
    std::fs::write(&csv, text).unwrap();
    let err = l.import_claims(&csv).unwrap_err().to_string();
    let expected = format!("claims.csv:{bad_line}: column 'date'");
    assert!(err.contains(&expected), "{err} (expected {expected})");
    assert_eq!(count(&l, "claim") + count(&l, "claim_pack"), 0);
}

/// A database from before packs, opened read-only (the board or a viewer may
/// open it before the console upgrades it), still lists claims and ranks;
/// the next read-write open adds the pack table.
#[test]
fn a_database_from_before_packs_reads_without_them() {
    let (_d, p, mut l) = ledger("village-quarterly");
    l.open_period("2026Q4").unwrap();
    let m = member(&mut l, "张伟", Full, None);
    let id = common::claim(&mut l, m, "2026Q4", "bonus.contribution", None, Some(2.0));
    drop(l);
    let raw = rusqlite::Connection::open(&p).unwrap();
    // Undo migrations 6 and 5 as far as the reads can tell.
    common::undo_migration_6(&raw);
    raw.execute_batch("DROP TABLE claim_pack; PRAGMA user_version = 4;")
        .unwrap();
    drop(raw);
    let ro = Ledger::open_read_only(&p, None).unwrap();
    assert_eq!(claims_of(&ro, m).len(), 1);
    assert_eq!(ro.claim(id).unwrap().id, id);
    let progress = ro.progress(Some(&"2026Q4".parse().unwrap())).unwrap();
    assert_eq!((progress.claims, progress.pending), (1, 1));
    assert_eq!(ro.ranking(&q("2026Q4")).unwrap().rows.len(), 1);
    drop(ro);
    let rw = Ledger::open(&p, None).unwrap();
    assert_eq!(count(&rw, "claim_pack"), 0);
}
