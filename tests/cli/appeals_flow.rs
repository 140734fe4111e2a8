//! Publication, every appeal path, finalize, and the follow-up list, on the demo branch
//! (bureau-80, 2026Q3 locked, 2026Q4 in session).

use chrono::{Duration, NaiveDate};
use jifen::app::appeals::AppealOutcome;
use jifen::app::{Ledger, RankScope};
use jifen::domain::model::{AppealStage, AppealStatus, PeriodId, PeriodState};
use std::path::PathBuf;

fn demo() -> (tempfile::TempDir, PathBuf, Ledger) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("demo.sqlite");
    let l = jifen::dev::demo::write_demo(&path).expect("demo");
    (dir, path, l)
}

fn q3() -> PeriodId {
    "2026Q3".parse().expect("period")
}

fn score(l: &Ledger, p: PeriodId, m: i64) -> f64 {
    l.ranking(&RankScope::Period(p))
        .expect("ranking")
        .rows
        .iter()
        .find(|r| r.member_id == m)
        .expect("ranked")
        .score
}

/// The lock day of 2026Q3 and the member with the absence deduction.
fn setup(l: &Ledger) -> (NaiveDate, i64) {
    let pb = l
        .publication(&q3(), jifen::domain::calendar::today())
        .expect("publication");
    let m = l.find_member("沈从文").expect("member").id;
    (pb.locked_on.expect("locked"), m)
}

#[test]
fn lock_starts_the_window_and_publish_records_it() {
    let (_d, _p, mut l) = demo();
    let (locked, _) = setup(&l);
    let cal = l.calendar().expect("calendar");
    let pb = l.publication(&q3(), locked).expect("publication");
    assert_eq!(pb.state, PeriodState::Locked);
    assert_eq!(pb.days, 3);
    assert!(pb.working_days);
    assert_eq!(pb.window_end, Some(cal.add_working_days(locked, 3)));
    assert!(!pb.closed);
    assert!(!pb.can_finalize);
    let pb = l.publish(&q3(), None).expect("publish");
    assert_eq!(pb.state, PeriodState::Published);
    assert_eq!(pb.window_end, Some(cal.add_working_days(locked, 3)));
    assert!(l.publish(&q3(), None).is_err(), "published once");
    let q4: PeriodId = "2026Q4".parse().expect("period");
    assert!(
        l.publish(&q4, None).is_err(),
        "an open period is not published"
    );
    jifen::app::verify(l.path(), None).expect("verify");
}

#[test]
fn branch_setting_changes_the_window_and_the_override_file_adds_holidays() {
    let (_d, path, mut l) = demo();
    let (locked, _) = setup(&l);
    l.set_setting("publication_days", serde_json::json!(5))
        .expect("setting");
    assert_eq!(l.process_days().publication_days, 5);
    // A posting day far ahead, with the holidays of that year given next to the database.
    std::fs::write(
        path.with_file_name(jifen::domain::calendar::OVERRIDE_FILE),
        "[[holiday]]\nname = \"国庆节\"\nfrom = \"2030-10-01\"\nto = \"2030-10-07\"\nworkdays = [\"2030-09-29\"]\n",
    )
    .expect("write override");
    let posted = NaiveDate::from_ymd_opt(2030, 9, 27).expect("date"); // a Friday
    assert!(posted > locked);
    let pb = l.publish(&q3(), Some(posted)).expect("publish");
    // Sun 29 Sep (make-up), Mon 30 Sep, then 1-7 Oct off, Tue 8, Wed 9, Thu 10.
    assert_eq!(pb.window_end, NaiveDate::from_ymd_opt(2030, 10, 10));
}

#[test]
fn upheld_appeal_posts_a_correction_that_changes_the_score_and_verify_still_passes() {
    let (_d, path, mut l) = demo();
    let (locked, m) = setup(&l);
    let before = score(&l, q3(), m);
    let locked_totals = jifen::store::queries::lock_totals(
        &jifen::store::open_ro(l.path()).expect("db"),
        l.branch().id,
        "2026Q3",
    )
    .expect("totals");
    let id = l
        .file_appeal(
            m,
            &q3(),
            Some("discipline.absence"),
            "缺勤已请假，有假条为证",
            locked,
        )
        .expect("file");
    let a = l.appeal_on(id, locked).expect("appeal");
    assert!(a.open);
    assert_eq!(a.stage, AppealStage::Branch);
    assert_eq!(a.status, AppealStatus::Open);
    let cal = l.calendar().expect("calendar");
    assert_eq!(
        a.due,
        cal.add_working_days(locked, 3)
            .format("%Y-%m-%d")
            .to_string()
    );
    assert!(!a.overdue);
    assert_eq!(a.days_left, Some(3));
    // Upheld needs a correction; a correction must not take more than was recorded.
    assert!(l
        .reply_appeal(id, AppealOutcome::Upheld, "属实", None, locked)
        .is_err());
    assert!(l
        .reply_appeal(
            id,
            AppealOutcome::Upheld,
            "属实",
            Some(("discipline.absence", -2.0)),
            locked
        )
        .is_err());
    assert!(l
        .reply_appeal(
            id,
            AppealOutcome::Upheld,
            "属实",
            Some(("no.such.item", -1.0)),
            locked
        )
        .is_err());
    let a = l
        .reply_appeal(
            id,
            AppealOutcome::Upheld,
            "经核实已请假，撤销扣分",
            Some(("discipline.absence", -1.0)),
            locked,
        )
        .expect("uphold");
    assert!(!a.open);
    assert_eq!(a.status, AppealStatus::Upheld);
    assert_eq!(a.correction.as_deref(), Some("discipline.absence -1"));
    assert_eq!(
        score(&l, q3(), m),
        before + 1.0,
        "the correction gives the point back"
    );
    // The seal holds: locked totals unchanged, verify replays the lock without corrections.
    let after = jifen::store::queries::lock_totals(
        &jifen::store::open_ro(l.path()).expect("db"),
        l.branch().id,
        "2026Q3",
    )
    .expect("totals");
    assert_eq!(locked_totals, after);
    let r = jifen::app::verify(&path, None).expect("verify passes");
    assert!(r.locks.iter().any(|(p, _)| p == "2026Q3"));
    // Replying twice is refused.
    assert!(l
        .reply_appeal(id, AppealOutcome::Dismissed, "再答", None, locked)
        .is_err());
}

#[test]
fn dismissed_appeal_closes_without_changing_the_score() {
    let (_d, _p, mut l) = demo();
    let (locked, m) = setup(&l);
    let before = score(&l, q3(), m);
    let id = l
        .file_appeal(m, &q3(), None, "扣分过重", locked)
        .expect("file");
    assert!(l
        .reply_appeal(
            id,
            AppealOutcome::Dismissed,
            "x",
            Some(("discipline.absence", -1.0)),
            locked
        )
        .is_err());
    let a = l
        .reply_appeal(
            id,
            AppealOutcome::Dismissed,
            "经核实无请假手续，维持原认定",
            None,
            locked,
        )
        .expect("dismiss");
    assert_eq!(a.status, AppealStatus::Dismissed);
    assert!(!a.open);
    assert!(a.correction.is_none());
    assert_eq!(score(&l, q3(), m), before);
    assert_eq!(l.publication(&q3(), locked).expect("pub").open_appeals, 0);
    jifen::app::verify(l.path(), None).expect("verify");
}

#[test]
fn dismissed_appeal_goes_to_reconsideration_with_its_own_deadline() {
    let (_d, _p, mut l) = demo();
    let (locked, m) = setup(&l);
    let before = score(&l, q3(), m);
    let cal = l.calendar().expect("calendar");
    let id = l
        .file_appeal(m, &q3(), Some("discipline.absence"), "不服", locked)
        .expect("file");
    l.reply_appeal(id, AppealOutcome::Dismissed, "维持", None, locked)
        .expect("dismiss");
    let asked = cal.add_working_days(locked, 1);
    let a = l
        .reply_appeal(
            id,
            AppealOutcome::Reconsider,
            "党员申请复议，报上级党委",
            None,
            asked,
        )
        .expect("reconsider");
    assert!(a.open, "open again at the higher committee");
    assert_eq!(a.stage, AppealStage::Higher);
    assert_eq!(
        a.due,
        cal.add_working_days(asked, 3)
            .format("%Y-%m-%d")
            .to_string()
    );
    assert_eq!(a.history.len(), 2);
    assert!(l
        .reply_appeal(id, AppealOutcome::Reconsider, "again", None, asked)
        .is_err());
    // The higher committee's final reply: upheld with a correction.
    let a = l
        .reply_appeal(
            id,
            AppealOutcome::Upheld,
            "复议认定请假属实",
            Some(("discipline.absence", -1.0)),
            asked,
        )
        .expect("final reply");
    assert_eq!(a.status, AppealStatus::Upheld);
    assert_eq!(a.stage, AppealStage::Higher);
    assert_eq!(a.history.len(), 3);
    assert_eq!(score(&l, q3(), m), before + 1.0);
    jifen::app::verify(l.path(), None).expect("verify");
}

#[test]
fn branch_can_forward_an_open_appeal_and_the_higher_committee_dismisses() {
    let (_d, _p, mut l) = demo();
    let (locked, m) = setup(&l);
    let id = l
        .file_appeal(m, &q3(), None, "请上级复核", locked)
        .expect("file");
    let a = l
        .reply_appeal(
            id,
            AppealOutcome::Reconsider,
            "报上级党委复议",
            None,
            locked,
        )
        .expect("forward");
    assert!(a.open);
    assert_eq!(a.stage, AppealStage::Higher);
    let a = l
        .reply_appeal(id, AppealOutcome::Dismissed, "维持原认定", None, locked)
        .expect("final");
    assert_eq!(a.status, AppealStatus::Dismissed);
    assert!(!a.open);
    assert!(l
        .reply_appeal(id, AppealOutcome::Reconsider, "再议", None, locked)
        .is_err());
}

#[test]
fn overdue_flag_after_the_due_date() {
    let (_d, _p, mut l) = demo();
    let (locked, m) = setup(&l);
    let id = l
        .file_appeal(m, &q3(), None, "扣分有误", locked)
        .expect("file");
    let a = l.appeal_on(id, locked).expect("appeal");
    let due = NaiveDate::parse_from_str(&a.due, "%Y-%m-%d").expect("due");
    assert!(
        !l.appeal_on(id, due).expect("on due day").overdue,
        "due day itself is not overdue"
    );
    let late = due + Duration::days(1);
    let a = l.appeal_on(id, late).expect("late");
    assert!(a.overdue);
    assert!(a.days_left.is_some_and(|d| d <= 0));
    let rows = l.appeals_on(Some(&q3()), late).expect("list");
    assert_eq!(rows.iter().filter(|r| r.overdue).count(), 1);
    assert_eq!(l.publication(&q3(), late).expect("pub").overdue_appeals, 1);
    // Once answered it is no longer overdue.
    l.reply_appeal(id, AppealOutcome::Dismissed, "维持", None, late)
        .expect("reply");
    assert!(
        !l.appeal_on(id, late + Duration::days(30))
            .expect("closed")
            .overdue
    );
}

#[test]
fn appeals_are_refused_outside_the_window_and_before_the_lock() {
    let (_d, _p, mut l) = demo();
    let (locked, m) = setup(&l);
    let q4: PeriodId = "2026Q4".parse().expect("period");
    assert!(
        l.file_appeal(m, &q4, None, "x", locked).is_err(),
        "Q4 is in session"
    );
    assert!(
        l.file_appeal(m, &q3(), None, "  ", locked).is_err(),
        "words needed"
    );
    assert!(
        l.file_appeal(m, &q3(), Some("no.such"), "x", locked)
            .is_err(),
        "unknown item"
    );
    let end = l
        .publication(&q3(), locked)
        .expect("pub")
        .window_end
        .expect("end");
    assert!(l
        .file_appeal(m, &q3(), None, "late", end + Duration::days(1))
        .is_err());
    assert!(l
        .file_appeal(m, &q3(), None, "early", locked - Duration::days(1))
        .is_err());
    assert!(l.file_appeal(m, &q3(), None, "last day", end).is_ok());
}

#[test]
fn finalize_waits_for_the_window_and_the_open_appeals() {
    let (_d, _p, mut l) = demo();
    let (locked, m) = setup(&l);
    l.publish(&q3(), None).expect("publish");
    let end = l
        .publication(&q3(), locked)
        .expect("pub")
        .window_end
        .expect("end");
    let after = end + Duration::days(1);
    assert!(
        l.finalize(&q3(), end).is_err(),
        "window still running on its last day"
    );
    let id = l
        .file_appeal(m, &q3(), None, "扣分有误", locked)
        .expect("file");
    assert!(
        l.finalize(&q3(), after).is_err(),
        "an open appeal holds the period"
    );
    let checked = l.check_publications(after).expect("check");
    assert_eq!(checked.len(), 1);
    assert!(!checked[0].1, "not finalized while the appeal is open");
    l.reply_appeal(id, AppealOutcome::Dismissed, "维持", None, locked)
        .expect("reply");
    let checked = l.check_publications(after).expect("check");
    assert!(checked[0].1, "finalized by the check");
    assert_eq!(
        l.period_row(&q3()).expect("row").expect("row").state,
        PeriodState::Final
    );
    assert!(l.finalize(&q3(), after).is_err(), "already final");
    assert!(
        l.file_appeal(m, &q3(), None, "x", after).is_err(),
        "final periods take no appeals"
    );
    jifen::app::verify(l.path(), None).expect("verify");
}

#[test]
fn village_quarterly_publishes_seven_calendar_days() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("v.sqlite");
    let mut l = Ledger::init(&path, "徐家堰村党支部", "village-quarterly", None).expect("init");
    l.open_period("2026Q3").expect("open");
    let p: PeriodId = "2026Q3".parse().expect("p");
    l.lock(&p).expect("lock");
    let pb = l
        .publication(&p, jifen::domain::calendar::today())
        .expect("pub");
    let locked = pb.locked_on.expect("locked");
    assert_eq!(pb.days, 7);
    assert!(!pb.working_days);
    assert_eq!(pb.window_end, Some(locked + Duration::days(7)));
}

#[test]
fn follow_up_list_for_the_year_and_ticking_one_off() {
    let (_d, _p, mut l) = demo();
    let year = RankScope::Year(2026);
    let list = l.follow_ups(&year, true).expect("list");
    assert!(!list.is_empty(), "the demo year has actions");
    assert!(list.iter().all(|r| !r.done));
    let first = list[0].clone();
    l.mark_follow_up(&year, first.member_id, &first.action, Some("已谈话"))
        .expect("done");
    let list = l.follow_ups(&year, true).expect("list");
    let row = list
        .iter()
        .find(|r| r.member_id == first.member_id && r.action == first.action)
        .expect("row");
    assert!(row.done);
    assert_eq!(row.note.as_deref(), Some("已谈话"));
    assert_eq!(list.iter().filter(|r| r.done).count(), 1);
    // An action the member does not have is refused.
    let other = list
        .iter()
        .find(|r| r.member_id != first.member_id)
        .map(|r| r.member_id);
    let someone_without = l
        .members()
        .expect("members")
        .into_iter()
        .find(|m| !list.iter().any(|r| r.member_id == m.id))
        .map(|m| m.id)
        .or(other)
        .expect("a member");
    assert!(l
        .mark_follow_up(&year, someone_without, &first.action, None)
        .is_err());
    // Period scope is separate from the year.
    let q3 = RankScope::Period(q3());
    let ql = l.follow_ups(&q3, false).expect("period list");
    assert!(ql.iter().all(|r| r.scope == "2026Q3" && !r.done));
    jifen::app::verify(l.path(), None).expect("verify");
}
