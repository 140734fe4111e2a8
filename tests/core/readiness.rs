//! What the console asks of the core before it offers an act: whether a
//! period can be locked, where an appeal goes, which year to open, which
//! item an upheld appeal corrects. Each answer is checked against the
//! command that enforces the same rule.

use crate::common::*;
use chrono::{Duration, NaiveDate};
use jifen::app::appeals::{split_items, AppealOutcome};
use jifen::app::LockReadiness;
use jifen::domain::model::{Category::Full, Outcome, PeriodId, PeriodState};

fn pid(s: &str) -> PeriodId {
    s.parse().expect("period")
}

fn today() -> NaiveDate {
    jifen::domain::calendar::today()
}

#[test]
fn lock_readiness_says_what_lock_will_say() {
    let (_d, _p, mut l) = ledger("bureau-80");
    assert_eq!(
        l.lock_readiness(&pid("2026Q1")).expect("ask"),
        LockReadiness::Unknown
    );
    l.open_period("2026Q1").expect("open");
    let a = member(&mut l, "欧阳娜娜", Full, None);
    approved(&mut l, a, "2026Q1", "other.blood", None, None);
    let c1 = claim(&mut l, a, "2026Q1", "work.speech", Some("city"), None);
    let c2 = claim(&mut l, a, "2026Q1", "other.suggestion", None, None);
    let q1 = pid("2026Q1");
    // Two claims undecided: not ready, and lock refuses.
    assert_eq!(
        l.lock_readiness(&q1).expect("ask"),
        LockReadiness::Pending(2)
    );
    assert!(!l.lock_readiness(&q1).expect("ask").is_ready());
    assert!(l.lock(&q1).is_err(), "lock refuses what readiness refuses");
    l.verdict(c1, Outcome::Approved, None, None)
        .expect("approve");
    assert_eq!(
        l.lock_readiness(&q1).expect("ask"),
        LockReadiness::Pending(1)
    );
    l.verdict(c2, Outcome::Rejected, None, Some("未被采用"))
        .expect("reject");
    // Nothing pending: ready, and lock accepts (unconfirmed members do not block).
    assert_eq!(l.lock_readiness(&q1).expect("ask"), LockReadiness::Ready);
    l.lock_and_publish(&q1).expect("lock");
    // Sealed: not ready again, and a second lock is refused.
    let r = l.lock_readiness(&q1).expect("ask");
    assert!(
        matches!(r, LockReadiness::Sealed(s) if s.is_sealed() && s != PeriodState::Final),
        "{r:?}"
    );
    assert!(l.lock(&q1).is_err());
}

#[test]
fn appeals_go_to_the_latest_period_whose_window_is_open() {
    let (_d, _p, mut l) = ledger("bureau-80");
    let day = today();
    assert_eq!(l.appealable_period(day).expect("ask"), None, "no period");
    l.open_period("2026Q1").expect("open");
    let a = member(&mut l, "张伟", Full, None);
    approved(&mut l, a, "2026Q1", "other.blood", None, None);
    assert_eq!(
        l.appealable_period(day).expect("ask"),
        None,
        "an open period takes disputes, not appeals"
    );
    l.lock_and_publish(&pid("2026Q1")).expect("lock Q1");
    l.open_period("2026Q2").expect("open Q2");
    assert_eq!(l.appealable_period(day).expect("ask"), Some(pid("2026Q1")));
    l.lock_and_publish(&pid("2026Q2")).expect("lock Q2");
    let p = l.appealable_period(day).expect("ask").expect("a period");
    assert_eq!(p, pid("2026Q2"), "the latest sealed period");
    // The answer is one file_appeal accepts on that day.
    l.file_appeal(a, &p, None, "献血加分漏记", day)
        .expect("the suggested period takes the appeal");
    // Once every window has closed there is nowhere to appeal, and
    // file_appeal says the same.
    let end = l
        .publication(&pid("2026Q2"), day)
        .expect("publication")
        .window_end
        .expect("a window");
    let late = end + Duration::days(1);
    assert_eq!(l.appealable_period(late).expect("ask"), None);
    assert!(l
        .file_appeal(a, &pid("2026Q2"), None, "迟到的申诉", late)
        .is_err());
}

#[test]
fn the_year_view_opens_on_the_current_period_else_this_year() {
    let (_d, _p, mut l) = ledger("bureau-80");
    let day = NaiveDate::from_ymd_opt(2031, 5, 1).expect("date");
    assert_eq!(
        l.default_year(day).expect("ask"),
        2031,
        "no period: today's year"
    );
    l.open_period("2025Q4").expect("open");
    assert_eq!(
        l.default_year(day).expect("ask"),
        2025,
        "the period in hand, not the calendar"
    );
}

#[test]
fn an_upheld_appeal_starts_from_the_first_item_it_names() {
    let (_d, _p, mut l) = ledger("bureau-80");
    l.open_period("2026Q1").expect("open");
    let a = member(&mut l, "司马光明", Full, None);
    let c = approved(&mut l, a, "2026Q1", "other.blood", None, None);
    l.lock_and_publish(&pid("2026Q1")).expect("lock");
    // A claim id first, then two items by title and code, mixed separators.
    let list = format!("{c}、无偿献血，work.speech");
    let id = l
        .file_appeal(a, &pid("2026Q1"), Some(&list), "加分有误", today())
        .expect("file");
    let row = l.appeal_on(id, today()).expect("appeal");
    let stored = row.items.as_deref().expect("items");
    assert_eq!(
        split_items(stored).collect::<Vec<_>>(),
        vec![c.to_string().as_str(), "other.blood", "work.speech"],
        "titles become codes, claim ids stay"
    );
    assert_eq!(row.first_item(l.scheme()), Some("other.blood"));
    // The correction the console prefills is one reply_appeal accepts.
    let item = row.first_item(l.scheme()).expect("item").to_string();
    l.reply_appeal(
        id,
        AppealOutcome::Upheld,
        "属实",
        Some((&item, 1.0)),
        today(),
    )
    .expect("uphold with the suggested item");
    assert_eq!(
        split_items("a, b，c、d  e").collect::<Vec<_>>(),
        vec!["a", "b", "c", "d", "e"]
    );
}
