//! After the lock, by keys: appeals filed, upheld and reconsidered, the
//! year's follow-ups ticked, the papers written, the period finalised.

use crate::console_common;

use console_common::{ch, demo, key, typed};
use jifen::app::{ClaimFilter, Ledger};
use jifen::domain::model::{AppealStage, AppealStatus, PeriodId, PeriodState};
use jifen::i18n::Lang;
use jifen::tui::console::{App, ScreenKind};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn q3() -> PeriodId {
    "2026Q3".parse().expect("period")
}

fn q3_score(app: &App, member: i64) -> f64 {
    app.ledger()
        .ranking(&jifen::app::RankScope::Period(q3()))
        .expect("ranking")
        .rows
        .iter()
        .find(|r| r.member_id == member)
        .expect("ranked")
        .score
}

/// From the members screen: find 沈从文, `f`, name the item and the words.
fn file_appeal_by_keys(app: &mut App) -> i64 {
    ch(app, '2');
    ch(app, '/');
    typed(app, "沈从文");
    key(app, KeyCode::Enter);
    let member = app.selected_member_id().expect("found");
    ch(app, 'f');
    assert!(app.has_overlay());
    key(app, KeyCode::Tab);
    key(app, KeyCode::Tab);
    typed(app, "discipline.absence");
    key(app, KeyCode::Tab);
    typed(app, "缺勤已补假条");
    key(app, KeyCode::Enter);
    assert!(!app.has_overlay(), "{:?}", app.status());
    member
}

#[test]
fn file_an_appeal_from_the_members_screen() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    let member = file_appeal_by_keys(&mut app);
    let appeals = app.ledger().appeals(Some(&q3())).expect("appeals");
    assert_eq!(appeals.len(), 1, "{:?}", app.status());
    let a = &appeals[0];
    assert_eq!(a.member_id, member);
    assert_eq!(a.items.as_deref(), Some("discipline.absence"));
    assert_eq!(a.text, "缺勤已补假条");
    assert!(a.open && !a.overdue);
    assert_eq!(
        a.filed_on,
        app.today().to_string(),
        "filed on the console's day"
    );
}

#[test]
fn an_appeal_on_an_open_period_is_refused_and_the_form_stays() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    ch(&mut app, '6');
    assert_eq!(app.screen_kind(), ScreenKind::Appeals);
    ch(&mut app, 'f');
    typed(&mut app, "沈从文");
    key(&mut app, KeyCode::Tab);
    app.handle_key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
    typed(&mut app, "2026Q4");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    typed(&mut app, "不服");
    key(&mut app, KeyCode::Enter);
    assert!(app.has_overlay(), "the core refuses: 2026Q4 is in session");
    assert!(app.ledger().appeals(None).expect("appeals").is_empty());
}

#[test]
fn uphold_posts_a_correction_and_verify_passes() {
    let (_d, path, mut app) = demo(Lang::Zh);
    let member = file_appeal_by_keys(&mut app);
    let before = q3_score(&app, member);
    key(&mut app, KeyCode::Esc);
    ch(&mut app, '6');
    assert_eq!(app.appeal_ids().len(), 1);
    ch(&mut app, 'a');
    assert!(app.has_overlay());
    typed(&mut app, "假条属实,撤销扣分");
    key(&mut app, KeyCode::Tab); // item: prefilled from the appeal
    key(&mut app, KeyCode::Tab);
    typed(&mut app, "x");
    key(&mut app, KeyCode::Enter);
    assert!(app.has_overlay(), "a bad number keeps the form open");
    key(&mut app, KeyCode::Backspace);
    typed(&mut app, "-1");
    key(&mut app, KeyCode::Enter);
    assert!(!app.has_overlay(), "{:?}", app.status());
    let a = &app.ledger().appeals(Some(&q3())).expect("appeals")[0];
    assert_eq!(a.status, AppealStatus::Upheld, "{:?}", app.status());
    assert!(a.correction.is_some());
    let after = q3_score(&app, member);
    assert_ne!(before, after, "the correction changes the score");
    let row = app.ledger().period_row(&q3()).expect("q").expect("row");
    assert!(row.seal.is_some(), "the period stays sealed");
    jifen::app::verify(&path, None).expect("verify passes after the correction");
}

#[test]
fn dismiss_then_reconsider() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    file_appeal_by_keys(&mut app);
    key(&mut app, KeyCode::Esc);
    ch(&mut app, '6');
    ch(&mut app, 'r');
    typed(&mut app, "无假条记录");
    key(&mut app, KeyCode::Enter);
    assert!(!app.has_overlay(), "{:?}", app.status());
    let a = &app.ledger().appeals(None).expect("appeals")[0];
    assert_eq!(a.status, AppealStatus::Dismissed);
    ch(&mut app, 'R');
    typed(&mut app, "本人申请复议");
    key(&mut app, KeyCode::Enter);
    assert!(!app.has_overlay(), "{:?}", app.status());
    let a = &app.ledger().appeals(None).expect("appeals")[0];
    assert!(a.open, "open again at the higher committee");
    assert_eq!(a.stage, AppealStage::Higher);
}

#[test]
fn tick_a_follow_up_in_the_year_view() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    let scope = jifen::app::RankScope::Year(2026);
    let before = app.ledger().follow_ups(&scope, true).expect("follow-ups");
    assert!(!before.is_empty(), "the demo year has follow-ups");
    assert!(before.iter().all(|f| !f.done));
    ch(&mut app, '5');
    assert_eq!(app.screen_kind(), ScreenKind::Year);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Down);
    ch(&mut app, 'x');
    let after = app.ledger().follow_ups(&scope, true).expect("follow-ups");
    let done: Vec<_> = after.iter().filter(|f| f.done).collect();
    assert_eq!(done.len(), 1, "{:?}", app.status());
    assert_eq!(
        (done[0].member_id, &done[0].action),
        (before[1].member_id, &before[1].action)
    );
    ch(&mut app, 'x');
    assert_eq!(
        app.ledger()
            .follow_ups(&scope, true)
            .expect("follow-ups")
            .iter()
            .filter(|f| f.done)
            .count(),
        1,
        "ticking again records nothing"
    );
}

#[test]
fn after_the_lock_the_papers_popup_writes_files() {
    let (_d, path, mut app) = demo(Lang::Zh);
    {
        let mut l = Ledger::open(&path, None).expect("ledger");
        let pending = l
            .claims(&ClaimFilter {
                period: Some("2026Q4".into()),
                pending_only: true,
                ..Default::default()
            })
            .expect("claims");
        for c in pending {
            l.verdict(c.id, jifen::domain::model::Outcome::Approved, None, None)
                .expect("approve");
        }
    }
    ch(&mut app, '4');
    key(&mut app, KeyCode::Enter);
    // Nobody was called at roll call: the session is not quorate, and the
    // console asks before it goes on to the typed confirmation.
    ch(&mut app, 'y');
    typed(&mut app, "2026Q4");
    key(&mut app, KeyCode::Enter);
    assert!(app.has_overlay(), "papers offered: {:?}", app.status());
    // All papers as XLSX (the default), then the notice as CSV.
    key(&mut app, KeyCode::Enter);
    ch(&mut app, 'c');
    ch(&mut app, '1');
    let written = app.papers_written();
    assert_eq!(written.len(), 6, "{written:?} {:?}", app.status());
    let dir = path.with_file_name("demo.sqlite.papers").join("2026Q4");
    for f in &written {
        assert!(f.starts_with(&dir), "{f:?} next to the database");
        let len = std::fs::metadata(f).expect("written").len();
        assert!(len > 0, "{f:?} is empty");
    }
    assert!(dir.join("notice-2026Q4.csv").exists());
    assert!(dir.join("minutes-2026Q4.xlsx").exists());
    key(&mut app, KeyCode::Esc);
    assert!(!app.has_overlay());
    // Enter on the sealed lock screen offers them again.
    key(&mut app, KeyCode::Enter);
    assert!(app.has_overlay());
}

#[test]
fn finalize_after_the_window_closes() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    ch(&mut app, 'F');
    assert_eq!(
        app.ledger()
            .period_row(&q3())
            .expect("q")
            .expect("row")
            .state,
        PeriodState::Locked,
        "the window is still open"
    );
    let later = app.today() + chrono::Duration::days(30);
    app.set_today(later);
    ch(&mut app, 'F');
    assert_eq!(
        app.ledger()
            .period_row(&q3())
            .expect("q")
            .expect("row")
            .state,
        PeriodState::Final,
        "{:?}",
        app.status()
    );
}
