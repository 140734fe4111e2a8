//! Papers show the rankings apart: members (full and probationary) in one
//! table, activists in another, each ranked from 1; the year notice names a
//! quota a tie went over.

use crate::common;
use common::*;
use jifen::app::RankScope;
use jifen::domain::model::Category::{Activist, Full, Probationary};
use jifen::export::{build, Cell, Paper};

#[test]
fn notice_ranks_members_and_activists_in_their_own_tables() {
    let (_d, _p, mut l) = ledger("bureau-80");
    l.open_period("2026Q1").unwrap();
    // Members: 95, 90, 90 (one probationary), then 85 x7; activists: 99, 85.
    let plan = [
        ("欧阳娜娜", Full, 15.0),
        ("张伟", Full, 10.0),
        ("李强", Probationary, 10.0),
        ("司马光明", Activist, 19.0),
        ("郑好", Activist, 5.0),
    ];
    for (name, cat, bonus) in plan {
        let m = member(&mut l, name, cat, None);
        let mut left: f64 = bonus;
        while left > 0.0 {
            let p = left.min(5.0);
            approved(&mut l, m, "2026Q1", "work.major-task", None, Some(p));
            left -= p;
        }
    }
    for i in 0..7 {
        let m = member(&mut l, &format!("党员{i}"), Full, None);
        approved(&mut l, m, "2026Q1", "work.major-task", None, Some(5.0));
    }
    let doc = build(
        &l,
        Paper::Notice,
        &RankScope::Period("2026Q1".parse().unwrap()),
        true,
    )
    .expect("notice");
    let tables = &doc.pages[0].tables;
    let captions: Vec<Option<&str>> = tables.iter().map(|t| t.caption.as_deref()).collect();
    assert_eq!(
        captions,
        vec![Some("党员(正式、预备)"), Some("入党积极分子")]
    );
    let names = |i: usize| -> Vec<(String, String)> {
        tables[i]
            .rows
            .iter()
            .map(|r| (r[0].text(), r[1].text()))
            .collect()
    };
    assert_eq!(names(0).len(), 10);
    assert_eq!(
        names(1),
        vec![("1".into(), "司马光明".into()), ("2".into(), "郑好".into())]
    );
    assert!(names(0).iter().all(|(_, n)| n != "司马光明" && n != "郑好"));
    // The year notice carries the tie over the excellent quota (10 members, quota 2).
    let year = build(&l, Paper::Notice, &RankScope::Year(2026), true).expect("year");
    let notes = &year.pages[0].notes;
    assert!(
        notes
            .iter()
            .any(|n| n.contains("优秀 3 人, 名额 2: 90 分并列")),
        "{notes:?}"
    );
    let grade_col = tables[0]
        .header
        .iter()
        .position(|h| h == "等次")
        .expect("grade");
    let excellent = tables[0]
        .rows
        .iter()
        .filter(|r| matches!(&r[grade_col], Cell::Text(t) if t == "优秀"))
        .count();
    assert_eq!(excellent, 3);
}
