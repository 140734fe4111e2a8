//! The filing carries each member's democratic appraisal result (民主测评)
//! as the period's close posted it, and `filing verify` recomputes it from
//! the events: a file that says another grade is refused.

use crate::common::{ledger, member};
use jifen::app::filing::{self, check_text, FileFault, FilingError};
use jifen::app::CoreError;
use jifen::domain::model::{Attendance, Category, PeriodId};

fn pid(s: &str) -> PeriodId {
    s.parse().expect("period")
}

fn votes(e: i64, q: i64, b: i64, u: i64) -> Vec<(String, i64)> {
    [
        ("excellent", e),
        ("qualified", q),
        ("basic", b),
        ("unqualified", u),
    ]
    .iter()
    .map(|(k, n)| (k.to_string(), *n))
    .collect()
}

#[test]
fn a_closed_appraisal_is_in_the_filing_and_verify_recomputes_it() {
    let (dir, _p, mut l) = ledger("pipeline-75-25");
    let names = ["欧阳娜娜", "张伟", "王芳", "李娜", "刘洋", "陈静"];
    let ids: Vec<i64> = names
        .iter()
        .map(|n| member(&mut l, n, Category::Full, None))
        .collect();
    let q2 = pid("2026Q2");
    l.open_period("2026Q2").expect("open");
    for m in &ids {
        l.mark_attendance(*m, &q2, Attendance::Present)
            .expect("present");
    }
    l.open_appraisal(&q2, None, None).expect("appraisal");
    // 6 ballots. 欧阳娜娜 5 of 6 优秀: 优秀, the branch gives 24 (23-25).
    l.record_votes(&q2, ids[0], &votes(5, 1, 0, 0))
        .expect("votes");
    // 张伟: 1 优秀, 4 合格: 合格 at its default 22.
    l.record_votes(&q2, ids[1], &votes(1, 4, 1, 0))
        .expect("votes");
    // 王芳 has no counts: no result, null in the file.
    l.close_appraisal(&q2, &[(ids[0], 24.0)]).expect("close");
    l.lock(&q2).expect("lock");
    let out = dir.path().join("q2.jifen-filing.json");
    filing::export(&l, &q2, Some(&out)).expect("export");
    let text = std::fs::read_to_string(&out).expect("read");
    let f = check_text("q2", &text).expect("verifies").filing;
    let of = |id: i64| {
        f.results
            .iter()
            .find(|r| r.row.member_id == id)
            .expect("member")
            .appraisal
            .clone()
    };
    let a = of(ids[0]).expect("欧阳娜娜 appraised");
    assert_eq!(a.kind, "votes");
    assert_eq!(a.grade.as_deref(), Some("excellent"));
    assert_eq!(a.points, Some(24.0), "the points the branch chose");
    assert!(a.parts.is_empty());
    let b = of(ids[1]).expect("张伟 appraised");
    assert_eq!(b.grade.as_deref(), Some("qualified"));
    assert_eq!(b.points, Some(22.0));
    assert_eq!(of(ids[2]), None, "no counts, no result");

    // The JSON as a committee reads it without jifen.
    let v: serde_json::Value = serde_json::from_str(&text).expect("json");
    let first = v["results"]
        .as_array()
        .expect("results")
        .iter()
        .find(|r| r["member"] == "欧阳娜娜")
        .expect("row");
    assert_eq!(first["appraisal"]["grade"], "excellent");
    assert_eq!(first["appraisal"]["points"], 24.0);

    // A file that promotes 张伟 to 优秀 is refused naming the field.
    let forged = text.replacen("\"grade\": \"qualified\"", "\"grade\": \"excellent\"", 1);
    assert_ne!(forged, text, "the grade is in the file");
    let e = check_text("forged", &forged).unwrap_err();
    match e {
        CoreError::Filing(b) => match *b {
            FilingError::File {
                fault: FileFault::ResultDiffers { field, member, .. },
                ..
            } => {
                assert_eq!(field, "appraisal");
                assert_eq!(member, "张伟");
            }
            other => panic!("{other:?}"),
        },
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_period_without_an_appraisal_files_null() {
    let dir = tempfile::tempdir().expect("dir");
    let p = dir.path().join("demo.sqlite");
    let l = jifen::dev::demo::write_demo(&p).expect("demo");
    let q3 = pid("2026Q3");
    let out = dir.path().join("q3.jifen-filing.json");
    filing::export(&l, &q3, Some(&out)).expect("export");
    let f = filing::check_file(&out).expect("verifies").filing;
    assert!(!f.results.is_empty());
    assert!(f.results.iter().all(|r| r.appraisal.is_none()));
}
