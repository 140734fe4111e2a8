//! The committee's desk in the core: its publication window worked by hand
//! over New Year, and a decision posted at the branch that the branch's next
//! filing carries (its events), both seals verifying.

use crate::common::{approved, ledger, member, q, score};
use jifen::app::committee::{desk, publish, DeskState};
use jifen::app::filing::{self, check_file};
use jifen::app::review::{self, Decision, DecisionReceipt};
use jifen::app::verify;
use jifen::domain::calendar::parse_date;
use jifen::domain::model::{AppealOutcome, Category, PeriodId};

fn pid(s: &str) -> PeriodId {
    s.parse().expect("period")
}

fn day(s: &str) -> chrono::NaiveDate {
    parse_date(s).expect("date")
}

#[test]
fn a_decision_posts_once_and_the_next_filing_carries_it() {
    let (dir, path, mut l) = ledger("bureau-80");
    let zw = member(&mut l, "张伟", Category::Full, None);
    let wf = member(&mut l, "王芳", Category::Full, None);
    l.open_period("2026Q3").expect("open");
    // 张伟 docked 1 for late dues: 79.
    approved(&mut l, zw, "2026Q3", "discipline.dues", None, None);
    approved(&mut l, wf, "2026Q3", "other.blood", None, None);
    let q3 = l.lock(&pid("2026Q3")).expect("lock").seal;
    assert_eq!(score(&l, q("2026Q3"), zw), 79.0);
    let f3 = dir.path().join("q3.jifen-filing.json");
    filing::export(&l, &pid("2026Q3"), Some(&f3)).expect("export");

    let c = dir.path().join("c.sqlite");
    let (got, made) =
        filing::receive(&c, std::slice::from_ref(&f3), &mut |_, _| {}).expect("receive");
    assert!(made && got[0].outcome.is_ok());
    // Posted on Thursday 2026-12-31: 元旦 1-3 January 2027 off, so the
    // 4th (1), 5th (2) and 6th (3).
    let p = publish(&c, "2026Q3", None, day("2026-12-31")).expect("publish");
    assert_eq!(p.window_end, "2027-01-06");
    let state = |today| desk(&c, None, day(today)).expect("desk")[0].state.clone();
    assert_eq!(
        state("2027-01-06"),
        DeskState::Published {
            until: day("2027-01-06")
        }
    );
    assert_eq!(state("2027-01-07").code(), "final");

    // Filed on the 6th: the decision is due the 11th (7th, 8th, then Monday).
    let r = review::file(
        &c,
        "测试支部",
        "2026Q3",
        "张伟",
        None,
        "会费已按时交",
        day("2027-01-06"),
    )
    .expect("file");
    assert_eq!(r.due, "2027-01-11");
    let d = Decision {
        outcome: AppealOutcome::Upheld,
        item: Some("discipline.dues".into()),
        points: Some(-1.0),
        reason: Some("转账记录为证".into()),
    };
    review::decide(&c, r.id, &d, day("2027-01-08")).expect("decide");
    let out = dir.path().join("d.jifen-decision.json");
    review::export(&c, r.id, Some(&out)).expect("export decision");

    let posted = review::receive_decisions(&mut l, std::slice::from_ref(&out));
    match &posted[0].outcome {
        Ok(DecisionReceipt::Posted { before, after, .. }) => {
            assert_eq!((*before, *after), (79.0, 80.0), "the deduction taken back");
        }
        other => panic!("{other:?}"),
    }
    let again = review::receive_decisions(&mut l, std::slice::from_ref(&out));
    assert!(matches!(
        again[0].outcome,
        Ok(DecisionReceipt::Again { review: 1, .. })
    ));
    assert_eq!(score(&l, q("2026Q3"), zw), 80.0, "once");

    // The next quarter's filing carries the decision among its events.
    l.open_period("2026Q4").expect("open");
    let q4 = l.lock(&pid("2026Q4")).expect("lock").seal;
    let f4 = dir.path().join("q4.jifen-filing.json");
    filing::export(&l, &pid("2026Q4"), Some(&f4)).expect("export");
    let next = check_file(&f4).expect("the next filing verifies").filing;
    assert!(next.events.iter().any(|e| e.kind == "review_decision"));
    drop(l);
    for seal in [&q3, &q4] {
        verify(&path, Some(seal)).expect("both seals verify");
    }
}

/// Places tied on a score across branches list the branches in the order a
/// person counts them (第2党支部 before 第10党支部), as the desk lists them.
#[test]
fn tied_places_across_branches_list_the_branches_in_counting_order() {
    let dir = tempfile::tempdir().expect("dir");
    let spec = jifen::dev::gen::CountySpec {
        branches: 12,
        members: 6,
        claims: 1,
        year: 2026,
        quarter: 4,
    };
    let files =
        jifen::dev::gen::county(&dir.path().join("inbox"), &spec, &|_, _| {}).expect("county");
    let c = dir.path().join("c.sqlite");
    filing::receive(&c, &files, &mut |_, _| {}).expect("receive");
    let places = filing::by_category(&c, "2026Q4").expect("places");
    let number = |b: &str| -> u32 {
        b.trim_start_matches('第')
            .trim_end_matches("党支部")
            .parse()
            .expect("branch number")
    };
    let mut ties_across = 0;
    for w in places.windows(2) {
        let (a, b) = (&w[0], &w[1]);
        if a.scheme == b.scheme && a.category == b.category && a.score == b.score {
            assert!(number(&a.branch) <= number(&b.branch), "{a:?} before {b:?}");
            if a.branch != b.branch && number(&b.branch) >= 10 && number(&a.branch) < 10 {
                ties_across += 1;
            }
        }
    }
    assert!(
        ties_across > 0,
        "a tie spanning 第N and 第1N党支部: {places:?}"
    );
}
