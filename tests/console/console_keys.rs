//! Key events through the console's real handler, checked in the database.

use crate::console_common;

use console_common::{ch, demo, key, typed};
use jifen::app::board_state::BoardMode;
use jifen::app::{ClaimFilter, Ledger};
use jifen::domain::model::{Attendance, ClaimStatus, ConfirmState, PeriodId, PeriodState};
use jifen::i18n::Lang;
use jifen::tui::console::{App, ScreenKind};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn q4() -> PeriodId {
    "2026Q4".parse().expect("period")
}

fn status_of(app: &App, claim: i64) -> ClaimStatus {
    app.ledger().claim(claim).expect("claim").status
}

/// On the members screen, find a member by name with `/`.
fn pick(app: &mut App, name: &str) {
    ch(app, '2');
    assert_eq!(app.screen_kind(), ScreenKind::Members);
    ch(app, '/');
    typed(app, name);
    key(app, KeyCode::Enter);
    let want = app.ledger().find_member(name).expect("member").id;
    assert_eq!(app.selected_member_id(), Some(want), "{:?}", app.status());
}

/// Pending claims of a member in 2026Q4.
fn pending_of(app: &App, member: i64) -> usize {
    app.ledger()
        .claims(&ClaimFilter {
            period: Some("2026Q4".into()),
            member: Some(member),
            pending_only: true,
            ..Default::default()
        })
        .expect("claims")
        .len()
}

/// The first pending claim of 邓丽君 (several pending in the demo).
fn members_claims(app: &mut App) -> i64 {
    pick(app, "邓丽君");
    let member = app.selected_member_id().expect("member");
    assert!(pending_of(app, member) >= 2, "邓丽君 has claims pending");
    key(app, KeyCode::Tab);
    let id = app.selected_claim_id().expect("a claim is selected");
    assert_eq!(
        status_of(app, id),
        ClaimStatus::Pending,
        "the first pending claim is selected"
    );
    id
}

#[test]
fn approve_then_undo() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    let id = members_claims(&mut app);
    ch(&mut app, 'a');
    assert_eq!(
        status_of(&app, id),
        ClaimStatus::Approved,
        "{:?}",
        app.status()
    );
    ch(&mut app, 'u');
    assert!(app.has_overlay(), "undo says what it takes back and asks");
    assert_eq!(status_of(&app, id), ClaimStatus::Approved, "not before yes");
    ch(&mut app, 'y');
    assert_eq!(
        status_of(&app, id),
        ClaimStatus::Pending,
        "{:?}",
        app.status()
    );
}

#[test]
fn approve_moves_to_the_next_pending_claim_and_updates_the_score() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    let id = members_claims(&mut app);
    let member = app.selected_member_id().expect("member");
    let before = app
        .ledger()
        .statement(member, &q4(), true)
        .expect("statement")
        .row
        .expect("row")
        .score;
    ch(&mut app, 'a');
    let after = app
        .ledger()
        .statement(member, &q4(), true)
        .expect("statement")
        .row
        .expect("row")
        .score;
    assert_ne!(before, after, "the running total moves at once");
    let next = app.selected_claim_id().expect("next claim");
    assert_ne!(next, id);
    assert_eq!(status_of(&app, next), ClaimStatus::Pending);
}

#[test]
fn adjust_with_points_and_reason() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    let id = members_claims(&mut app);
    ch(&mut app, 'e');
    assert!(app.has_overlay());
    app.handle_key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
    typed(&mut app, "0.5");
    key(&mut app, KeyCode::Tab);
    typed(&mut app, "材料不足,酌减");
    key(&mut app, KeyCode::Enter);
    assert!(!app.has_overlay(), "{:?}", app.status());
    let c = app.ledger().claim(id).expect("claim");
    assert_eq!(c.status, ClaimStatus::Adjusted);
    assert_eq!(c.points, 0.5);
    assert_eq!(c.reason.as_deref(), Some("材料不足,酌减"));
}

#[test]
fn reject_needs_a_reason() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    let id = members_claims(&mut app);
    ch(&mut app, 'r');
    key(&mut app, KeyCode::Enter);
    assert!(app.has_overlay(), "an empty reason keeps the prompt open");
    assert_eq!(status_of(&app, id), ClaimStatus::Pending);
    typed(&mut app, "证明材料不全");
    key(&mut app, KeyCode::Enter);
    assert!(!app.has_overlay());
    assert_eq!(status_of(&app, id), ClaimStatus::Rejected);
}

#[test]
fn approve_all_asks_first() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    pick(&mut app, "邓丽君");
    let member = app.selected_member_id().expect("member");
    let pending = |app: &App| pending_of(app, member);
    assert!(pending(&app) > 1);
    ch(&mut app, 'A');
    ch(&mut app, 'n');
    assert!(pending(&app) > 1, "n answers no");
    ch(&mut app, 'A');
    key(&mut app, KeyCode::Enter);
    assert_eq!(pending(&app), 0, "{:?}", app.status());
}

#[test]
fn new_claim_by_item_search() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    ch(&mut app, '2');
    let member = app.selected_member_id().expect("member");
    let count = |app: &App| {
        app.ledger()
            .claims(&ClaimFilter {
                member: Some(member),
                period: Some("2026Q4".into()),
                ..Default::default()
            })
            .expect("claims")
            .len()
    };
    let before = count(&app);
    ch(&mut app, 'n');
    typed(&mut app, "献血");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    typed(&mut app, "会上补报");
    key(&mut app, KeyCode::Enter);
    assert!(!app.has_overlay(), "{:?}", app.status());
    assert_eq!(count(&app), before + 1);
    let id = app.selected_claim_id().expect("the new claim is selected");
    let c = app.ledger().claim(id).expect("claim");
    assert_eq!(c.item, "other.blood");
    assert_eq!(c.note.as_deref(), Some("会上补报"));
    assert_eq!(c.status, ClaimStatus::Pending);
}

#[test]
fn new_claim_with_a_bad_count_stays_open() {
    let (_d, _p, mut app) = demo(Lang::En);
    ch(&mut app, '2');
    ch(&mut app, 'n');
    typed(&mut app, "other.blood");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    app.handle_key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
    typed(&mut app, "two");
    key(&mut app, KeyCode::Enter);
    assert!(app.has_overlay());
    key(&mut app, KeyCode::Esc);
    assert!(!app.has_overlay());
}

#[test]
fn confirm_and_dispute() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    ch(&mut app, '3');
    assert_eq!(app.screen_kind(), ScreenKind::Confirm);
    // Members with claims still pending cannot sign yet: walk to one without.
    while pending_of(&app, app.selected_member_id().expect("member")) > 0 {
        ch(&mut app, 'n');
    }
    let first = app.selected_member_id().expect("member");
    ch(&mut app, 'c');
    let c = app.ledger().confirmation_of(first, &q4()).expect("query");
    assert_eq!(c.map(|c| c.0), Some(ConfirmState::Confirmed));
    ch(&mut app, 'n');
    while pending_of(&app, app.selected_member_id().expect("member")) > 0 {
        ch(&mut app, 'n');
    }
    let second = app.selected_member_id().expect("member");
    assert_ne!(first, second);
    ch(&mut app, 'd');
    typed(&mut app, "献血证明已补交");
    key(&mut app, KeyCode::Enter);
    let c = app
        .ledger()
        .confirmation_of(second, &q4())
        .expect("query")
        .expect("recorded");
    assert_eq!(c.0, ConfirmState::Disputed);
    assert_eq!(c.1.as_deref(), Some("献血证明已补交"));
}

#[test]
fn roll_call_marks() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    ch(&mut app, '1');
    let first = app.selected_member_id().expect("member");
    ch(&mut app, 'p');
    let second = app.selected_member_id().expect("moved on");
    ch(&mut app, 'x');
    let marks = app.ledger().attendance(&q4()).expect("marks");
    assert_eq!(marks.get(&first), Some(&Attendance::Present));
    assert_eq!(marks.get(&second), Some(&Attendance::Absent));
}

#[test]
fn lock_takes_the_typed_period() {
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
    assert_eq!(app.screen_kind(), ScreenKind::Lock);
    app.update(jifen::tui::console::Action::Back);
    ch(&mut app, '4');
    key(&mut app, KeyCode::Enter);
    assert!(app.has_overlay());
    typed(&mut app, "2026Q3");
    key(&mut app, KeyCode::Enter);
    assert!(app.has_overlay(), "a wrong period is refused");
    app.handle_key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
    typed(&mut app, "2026Q4");
    key(&mut app, KeyCode::Enter);
    // Sealed and posted at once; the papers are offered next.
    assert!(app.has_overlay(), "the papers popup: {:?}", app.status());
    key(&mut app, KeyCode::Esc);
    assert!(!app.has_overlay(), "{:?}", app.status());
    let row = app.ledger().period_row(&q4()).expect("query").expect("row");
    assert_eq!(row.state, PeriodState::Published);
    assert!(row.seal.is_some());
    assert!(
        row.window_end.is_some(),
        "the publication window starts at the lock"
    );
}

#[test]
fn board_control() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    ch(&mut app, '2');
    let member = app.selected_member_id().expect("member");
    ch(&mut app, 'b');
    ch(&mut app, '2');
    assert_eq!(
        app.ledger().board_mode().expect("mode"),
        BoardMode::Member { member_id: member }
    );
    ch(&mut app, 'b');
    ch(&mut app, '3');
    assert!(matches!(
        app.ledger().board_mode().expect("mode"),
        BoardMode::Frozen { reveal: None, .. }
    ));
    ch(&mut app, 'b');
    ch(&mut app, '4');
    assert!(matches!(
        app.ledger().board_mode().expect("mode"),
        BoardMode::Frozen {
            reveal: Some(_),
            ..
        }
    ));
    ch(&mut app, 'b');
    ch(&mut app, '7');
    typed(&mut app, "休会十分钟");
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        app.ledger().board_mode().expect("mode"),
        BoardMode::Message {
            text: "休会十分钟".into()
        }
    );
    ch(&mut app, 'b');
    ch(&mut app, '8');
    key(&mut app, KeyCode::Enter);
    assert!(matches!(
        app.ledger().board_mode().expect("mode"),
        BoardMode::Countdown { .. }
    ));
    ch(&mut app, 'b');
    ch(&mut app, '9');
    assert_eq!(app.ledger().board_mode().expect("mode"), BoardMode::Blank);
}

#[test]
fn search_by_name() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    ch(&mut app, '2');
    ch(&mut app, '/');
    typed(&mut app, "欧阳");
    key(&mut app, KeyCode::Enter);
    let id = app.selected_member_id().expect("member");
    let name = app
        .ledger()
        .members()
        .expect("members")
        .into_iter()
        .find(|m| m.id == id)
        .expect("m")
        .name;
    assert_eq!(&*name, "欧阳娜娜");
}

#[test]
fn quit_asks_only_when_something_is_half_entered() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    ch(&mut app, 'q');
    assert!(app.should_quit());

    let (_d, _p, mut app) = demo(Lang::Zh);
    members_claims(&mut app);
    ch(&mut app, 'r');
    typed(&mut app, "半句");
    app.handle_key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    assert!(!app.should_quit(), "asks first");
    ch(&mut app, 'n');
    assert!(!app.should_quit());
    assert!(app.has_overlay(), "the prompt is still there");
    app.handle_key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    ch(&mut app, 'y');
    assert!(app.should_quit());
}

#[test]
fn escape_goes_back_and_keys_are_ignored_on_release() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    ch(&mut app, '2');
    let mut release = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
    release.kind = ratatui::crossterm::event::KeyEventKind::Release;
    app.handle_key(release);
    assert_eq!(app.screen_kind(), ScreenKind::Members);
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.screen_kind(), ScreenKind::Overview);
}

#[test]
fn read_only_console_changes_nothing() {
    let (_d, path, _app) = demo(Lang::Zh);
    let ro = Ledger::open_read_only(&path, None).expect("read-only");
    let mut app = App::new(ro, Lang::En).expect("console");
    let id = members_claims(&mut app);
    ch(&mut app, 'a');
    assert_eq!(status_of(&app, id), ClaimStatus::Pending);
    assert!(
        app.status().is_some_and(|s| s.contains("read-only")),
        "{:?}",
        app.status()
    );
}

#[test]
fn second_console_sees_who_holds_the_lease() {
    let (_d, path, _app) = demo(Lang::Zh);
    let a = Ledger::open(&path, None).expect("a");
    let b = Ledger::open(&path, None).expect("b");
    let lease = a
        .take_console_lease("alice@laptop")
        .expect("db")
        .expect("free");
    let held = b
        .take_console_lease("bob@desk")
        .expect("db")
        .expect_err("held");
    assert_eq!(held.row.holder, "alice@laptop");
    assert!(a.beat_console_lease(&lease).expect("beat"));
    a.release_console_lease(&lease).expect("release");
    let lease_b = b
        .take_console_lease("bob@desk")
        .expect("db")
        .expect("free again");
    assert!(
        !a.beat_console_lease(&lease).expect("beat"),
        "alice's lease is gone"
    );
    b.release_console_lease(&lease_b).expect("release");
}

#[test]
fn a_crashed_consoles_lease_expires() {
    let (_d, path, _app) = demo(Lang::Zh);
    let _a = Ledger::open(&path, None).expect("a");
    // A console that died in 2020 and never beat again.
    let old = "2020-01-01T00:00:00+00:00";
    assert!(jifen::store::lease::take(
        &jifen::store::open_rw(&path).expect("db"),
        "ghost@old",
        1,
        old,
        |_| true
    )
    .expect("take")
    .is_none());
    let b = Ledger::open(&path, None).expect("b");
    assert!(
        b.take_console_lease("bob@desk").expect("db").is_ok(),
        "a stale lease is taken over"
    );
}

#[test]
fn spotlight_follows_the_selection_while_on() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    ch(&mut app, '2');
    let first = app.selected_member_id().expect("member");
    ch(&mut app, 'b');
    ch(&mut app, '2');
    assert_eq!(
        app.ledger().board_mode().expect("mode"),
        BoardMode::Member { member_id: first }
    );
    key(&mut app, KeyCode::Down);
    let second = app.selected_member_id().expect("member");
    assert_ne!(first, second);
    assert_eq!(
        app.ledger().board_mode().expect("mode"),
        BoardMode::Member { member_id: second },
        "the spotlight moves with the console's selection"
    );
    // Once the board is back on live, moving the selection changes nothing.
    ch(&mut app, 'b');
    ch(&mut app, '1');
    key(&mut app, KeyCode::Down);
    assert_eq!(app.ledger().board_mode().expect("mode"), BoardMode::Live);
}

#[test]
fn the_reveal_is_stepped_by_key_and_never_restarts() {
    use jifen::app::board_state::{rank_groups, RevealStyle};
    let (_d, _p, mut app) = demo(Lang::Zh);
    let shown = |app: &App| match app.ledger().board_mode().expect("mode") {
        BoardMode::Frozen {
            reveal: Some(r),
            rows,
            ..
        } => (r.style, r.shown, rank_groups(rows.iter().map(|x| x.rank))),
        other => panic!("not revealing: {other:?}"),
    };
    // '>' freezes the live ranking and shows the bottom rank group.
    ch(&mut app, '>');
    assert_eq!(shown(&app).1, 1);
    ch(&mut app, '>');
    ch(&mut app, '>');
    assert_eq!(shown(&app).1, 3, "each press adds one, none starts over");
    // From the popup, step (4) goes on from where it is.
    ch(&mut app, 'b');
    ch(&mut app, '4');
    let (style, n, of) = shown(&app);
    assert_eq!((style, n), (RevealStyle::BottomUp, 4));
    // Pressing past the top stays at the top.
    for _ in 0..of + 3 {
        ch(&mut app, '>');
    }
    assert_eq!(shown(&app).1, of);
    // Reveal all (6) then live (1): the board is live again.
    ch(&mut app, 'b');
    ch(&mut app, '6');
    assert_eq!(shown(&app).0, RevealStyle::All);
    ch(&mut app, 'b');
    ch(&mut app, '1');
    assert_eq!(app.ledger().board_mode().expect("mode"), BoardMode::Live);
}
