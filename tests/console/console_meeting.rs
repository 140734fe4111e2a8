//! The meeting in the console, driven by keys through the real handler and
//! checked in the database and on the drawn screen: signatures that mean
//! something, safe entry, a walk that keeps its place, an undo that asks.

use crate::console_common;

use console_common::{ch, demo, key, screen, typed};
use jifen::app::ClaimFilter;
use jifen::domain::model::{ClaimStatus, PeriodId};
use jifen::i18n::Lang;
use jifen::tui::console::{App, ScreenKind};
use ratatui::crossterm::event::KeyCode;

fn q4() -> PeriodId {
    "2026Q4".parse().expect("period")
}

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

fn all_pending(app: &App) -> usize {
    app.ledger()
        .claims(&ClaimFilter {
            period: Some("2026Q4".into()),
            pending_only: true,
            ..Default::default()
        })
        .expect("claims")
        .len()
}

fn signature(app: &App, member: i64) -> Option<String> {
    app.ledger()
        .confirmation_of(member, &q4())
        .expect("query")
        .map(|c| c.0.code().to_string())
}

fn score(app: &App, member: i64) -> f64 {
    app.ledger()
        .statement(member, &q4(), true)
        .expect("statement")
        .row
        .expect("row")
        .score
}

/// The members screen on the first member with at least `min` pending claims.
fn member_with_pending(app: &mut App, min: usize) -> i64 {
    ch(app, '2');
    for _ in 0..50 {
        let m = app.selected_member_id().expect("member");
        if pending_of(app, m) >= min {
            return m;
        }
        ch(app, 'N');
    }
    panic!("no member with {min} pending claims");
}

/// The members pane's row of `name` (not the claims pane's title).
fn row_of(text: &str, name: &str) -> String {
    text.lines()
        .find(|l| l.contains(name) && !l.contains("总分"))
        .unwrap_or_default()
        .to_string()
}

#[test]
fn signing_is_refused_while_claims_are_pending_and_says_how_many() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    let m = member_with_pending(&mut app, 2);
    let n = pending_of(&app, m);
    ch(&mut app, 'c');
    assert_eq!(app.screen_kind(), ScreenKind::Confirm);
    ch(&mut app, 'c');
    assert_eq!(signature(&app, m), None, "nothing is signed");
    let status = app.status().unwrap_or_default().to_string();
    assert!(
        status.contains(&format!("还有 {n} 条待审申报")),
        "the refusal says how many are pending: {status}"
    );
    let text = screen(&mut app, 80, 24);
    assert!(text.contains("尚未签字确认"), "still provisional:\n{text}");
}

#[test]
fn a_later_verdict_voids_the_signature_and_the_member_signs_again() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    let m = member_with_pending(&mut app, 1);
    let name = app
        .ledger()
        .members()
        .expect("members")
        .into_iter()
        .find(|x| x.id == m)
        .expect("member")
        .name
        .to_string();
    ch(&mut app, 'A');
    ch(&mut app, 'y');
    assert_eq!(pending_of(&app, m), 0, "{:?}", app.status());
    ch(&mut app, 'c');
    ch(&mut app, 'c');
    assert_eq!(signature(&app, m).as_deref(), Some("confirmed"));
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.screen_kind(), ScreenKind::Members);
    assert!(row_of(&screen(&mut app, 80, 24), &name).contains("已签"));

    // The committee adds a blood donation and approves it: the total moves.
    let signed_for = score(&app, m);
    ch(&mut app, 'n');
    typed(&mut app, "other.blood");
    key(&mut app, KeyCode::Enter);
    assert!(!app.has_overlay(), "{:?}", app.status());
    ch(&mut app, 'a');
    assert_ne!(score(&app, m), signed_for, "{:?}", app.status());
    assert_eq!(signature(&app, m), None, "the signature is void");
    let row = row_of(&screen(&mut app, 80, 24), &name);
    assert!(row.contains("重签"), "marked to sign again: {row}");
    let statement = app.ledger().statement(m, &q4(), true).expect("statement");
    assert_eq!(statement.confirmation, None);

    // Undoing the verdict puts the total back, and the signature with it.
    ch(&mut app, 'u');
    ch(&mut app, 'y');
    assert_eq!(score(&app, m), signed_for);
    assert_eq!(signature(&app, m).as_deref(), Some("confirmed"));
}

#[test]
fn the_confirmation_sheet_shows_verdicts_counted_points_and_whole_reasons() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    let m = member_with_pending(&mut app, 2);
    key(&mut app, KeyCode::Tab);
    let rejected = app.selected_claim_id().expect("claim");
    let claimed = app.ledger().claim(rejected).expect("claim").claimed;
    assert!(claimed > 0.0);
    ch(&mut app, 'r');
    let reason = "证明材料不全,会后补交原件并经党小组长签字后再行申报";
    typed(&mut app, reason);
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        app.ledger().claim(rejected).expect("claim").status,
        ClaimStatus::Rejected
    );
    ch(&mut app, 'c');
    assert_eq!(app.screen_kind(), ScreenKind::Confirm);
    assert_eq!(app.selected_member_id(), Some(m));
    let text = screen(&mut app, 80, 24);
    let line = text
        .lines()
        .find(|l| l.contains("驳回"))
        .unwrap_or_default();
    assert!(
        line.contains(" 0 "),
        "a rejected row counts 0, not +{claimed}: {line}\n{text}"
    );
    let shown: String = text
        .lines()
        .map(|l| l.trim().trim_matches('│').trim())
        .collect();
    assert!(shown.contains(reason), "the whole reason, wrapped:\n{text}");
}

#[test]
fn the_adjust_prompt_replaces_its_prefilled_points_and_keeps_to_the_scheme() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    member_with_pending(&mut app, 1);
    key(&mut app, KeyCode::Tab);
    // A fixed-point claim worth 3 (disaster relief) or any claim: adjust down.
    let id = app.selected_claim_id().expect("claim");
    let claimed = app.ledger().claim(id).expect("claim").claimed;
    ch(&mut app, 'e');
    ch(&mut app, '0');
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Enter);
    assert!(app.has_overlay(), "an adjustment needs a reason");
    typed(&mut app, "按实际认定");
    key(&mut app, KeyCode::Up);
    ch(&mut app, '3');
    ch(&mut app, '2');
    key(&mut app, KeyCode::Enter);
    assert!(app.has_overlay(), "32 is beyond what the item allows");
    let text = screen(&mut app, 80, 24);
    assert!(text.contains("超出"), "says why:\n{text}");
    assert_eq!(
        app.ledger().claim(id).expect("claim").status,
        ClaimStatus::Pending
    );
    // Back to the points: Ctrl-U clears what was typed; 0 is within bounds.
    key(&mut app, KeyCode::Backspace);
    key(&mut app, KeyCode::Backspace);
    ch(&mut app, '0');
    key(&mut app, KeyCode::Enter);
    assert!(!app.has_overlay(), "{:?}", app.status());
    let c = app.ledger().claim(id).expect("claim");
    assert_eq!((c.status, c.points), (ClaimStatus::Adjusted, 0.0));
    assert!(claimed > 0.0);
}

#[test]
fn typing_over_the_prefilled_points_gives_what_was_typed() {
    let (_d, _p, mut app) = demo(Lang::En);
    member_with_pending(&mut app, 1);
    key(&mut app, KeyCode::Tab);
    let id = app.selected_claim_id().expect("claim");
    ch(&mut app, 'e');
    ch(&mut app, '0');
    key(&mut app, KeyCode::Tab);
    typed(&mut app, "not as claimed");
    key(&mut app, KeyCode::Enter);
    assert!(!app.has_overlay(), "{:?}", app.status());
    assert_eq!(app.ledger().claim(id).expect("claim").points, 0.0);
}

#[test]
fn correcting_an_absence_withdraws_the_claim_it_made() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    ch(&mut app, '1');
    assert_eq!(app.screen_kind(), ScreenKind::RollCall);
    let m = app.selected_member_id().expect("member");
    let before = pending_of(&app, m);
    ch(&mut app, 'x');
    assert_eq!(pending_of(&app, m), before + 1, "absence makes a claim");
    ch(&mut app, 'k');
    assert_eq!(app.selected_member_id(), Some(m));
    ch(&mut app, 'l');
    assert_eq!(
        pending_of(&app, m),
        before,
        "the absence claim is withdrawn: {:?}",
        app.status()
    );
    let text = screen(&mut app, 80, 24);
    assert!(text.contains("已撤回"), "the status says so:\n{text}");
    // Undo of the correction brings the absence back, and its claim.
    ch(&mut app, 'u');
    ch(&mut app, 'y');
    assert_eq!(pending_of(&app, m), before + 1, "{:?}", app.status());
}

#[test]
fn approving_member_by_member_keeps_the_walk_in_place() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    ch(&mut app, '2');
    key(&mut app, KeyCode::Home);
    let first = app.selected_member_id().expect("member");
    let mut seen = vec![first];
    for _ in 0..45 {
        let at = app.selected_member_id().expect("member");
        ch(&mut app, 'A');
        ch(&mut app, 'y');
        assert_eq!(
            app.selected_member_id(),
            Some(at),
            "approving never moves the cursor's member"
        );
        ch(&mut app, 'j');
        let next = app.selected_member_id().expect("member");
        if !seen.contains(&next) {
            seen.push(next);
        }
    }
    assert_eq!(all_pending(&app), 0, "no member was skipped");
}

#[test]
fn next_pending_jumps_over_members_with_nothing_to_decide() {
    let (_d, _p, mut app) = demo(Lang::En);
    ch(&mut app, '2');
    key(&mut app, KeyCode::Home);
    for _ in 0..60 {
        let m = app.selected_member_id().expect("member");
        assert!(pending_of(&app, m) > 0 || all_pending(&app) == 0);
        ch(&mut app, 'A');
        ch(&mut app, 'y');
        if all_pending(&app) == 0 {
            break;
        }
        ch(&mut app, 'N');
    }
    assert_eq!(all_pending(&app), 0);
    ch(&mut app, 'N');
    assert_eq!(app.status(), Some("no member has pending claims"));
}

#[test]
fn undo_shows_what_it_takes_back_and_never_reaches_before_the_session() {
    let (_d, path, app) = demo(Lang::En);
    drop(app);
    // A verdict taken before this console opened.
    let mut l = jifen::app::Ledger::open(&path, None).expect("open");
    let early = l
        .claims(&ClaimFilter {
            period: Some("2026Q4".into()),
            pending_only: true,
            ..Default::default()
        })
        .expect("claims")[0]
        .id;
    l.verdict(early, jifen::domain::model::Outcome::Approved, None, None)
        .expect("verdict");
    let mut app = App::new(l, Lang::En).expect("console");
    ch(&mut app, 'u');
    assert!(!app.has_overlay());
    assert_eq!(app.status(), Some("nothing of this session to undo"));
    assert_eq!(
        app.ledger().claim(early).expect("claim").status,
        ClaimStatus::Approved
    );

    let m = member_with_pending(&mut app, 1);
    key(&mut app, KeyCode::Tab);
    let id = app.selected_claim_id().expect("claim");
    ch(&mut app, 'a');
    ch(&mut app, 'u');
    let text = screen(&mut app, 80, 24);
    assert!(
        text.contains(&format!("verdict on claim #{id}")),
        "says what it will undo:\n{text}"
    );
    ch(&mut app, 'n');
    assert_eq!(
        app.ledger().claim(id).expect("claim").status,
        ClaimStatus::Approved,
        "no keeps it"
    );
    ch(&mut app, 'u');
    ch(&mut app, 'y');
    assert_eq!(
        app.ledger().claim(id).expect("claim").status,
        ClaimStatus::Pending
    );
    assert!(pending_of(&app, m) > 0);
}

#[test]
fn roll_call_counts_the_quorum_over_voting_members() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    ch(&mut app, '1');
    let q = app.ledger().quorum(&q4()).expect("quorum");
    let members = app.ledger().members().expect("members");
    let voting = members
        .iter()
        .filter(|m| {
            m.category == jifen::domain::model::Category::Full
                && m.status == jifen::domain::model::MemberStatus::Active
        })
        .count();
    assert_eq!(q.expected, voting);
    let text = screen(&mut app, 80, 24);
    assert!(
        text.contains(&format!("应到 {voting}")),
        "roll call shows 应到:\n{text}"
    );
    assert!(text.contains("到会未过半数"), "{text}");
    // Mark present until more than half of the voting members are.
    for _ in 0..members.len() {
        if app.ledger().quorum(&q4()).expect("quorum").quorate() {
            break;
        }
        ch(&mut app, 'p');
    }
    let q = app.ledger().quorum(&q4()).expect("quorum");
    assert!(q.present * 2 > q.expected);
    assert!(screen(&mut app, 80, 24).contains("到会过半数"));
}

/// The quorum notes in the journal: (waived, present, expected).
fn quorum_notes(path: &std::path::Path) -> Vec<(bool, i64, i64)> {
    let conn = rusqlite::Connection::open(path).expect("open");
    let mut st = conn
        .prepare(
            "SELECT json_extract(payload, '$.waived'), json_extract(payload, '$.present'),
                    json_extract(payload, '$.expected')
             FROM event WHERE kind = 'quorum_noted' ORDER BY seq",
        )
        .expect("prepare");
    let rows = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .expect("query");
    rows.collect::<rusqlite::Result<_>>().expect("rows")
}

fn decide_everything(path: &std::path::Path) {
    let mut l = jifen::app::Ledger::open(path, None).expect("ledger");
    for c in l
        .claims(&ClaimFilter {
            period: Some("2026Q4".into()),
            pending_only: true,
            ..Default::default()
        })
        .expect("claims")
    {
        l.verdict(c.id, jifen::domain::model::Outcome::Approved, None, None)
            .expect("approve");
    }
}

#[test]
fn locking_an_inquorate_session_asks_and_the_record_says_so() {
    let (_d, path, mut app) = demo(Lang::Zh);
    decide_everything(&path);
    ch(&mut app, '4');
    let text = screen(&mut app, 80, 24);
    assert!(
        text.contains("[ ] 应到"),
        "the lock checklist carries the quorum:\n{text}"
    );
    key(&mut app, KeyCode::Enter);
    let text = screen(&mut app, 80, 24);
    assert!(text.contains("到会未过半数,仍要封账"), "asks:\n{text}");
    ch(&mut app, 'n');
    assert!(!app.has_overlay());
    assert!(quorum_notes(&path).is_empty(), "no answer, no record");
    key(&mut app, KeyCode::Enter);
    ch(&mut app, 'y');
    typed(&mut app, "2026Q4");
    key(&mut app, KeyCode::Enter);
    let state = app
        .ledger()
        .period_row(&q4())
        .expect("row")
        .expect("period")
        .state;
    assert_eq!(
        state,
        jifen::domain::model::PeriodState::Published,
        "{:?}",
        app.status()
    );
    let notes = quorum_notes(&path);
    assert_eq!(notes.len(), 1);
    assert!(
        notes[0].0,
        "the lock went ahead on the secretary's word: {notes:?}"
    );
}

#[test]
fn a_quorate_session_locks_without_the_extra_question() {
    let (_d, path, mut app) = demo(Lang::En);
    decide_everything(&path);
    ch(&mut app, '1');
    for _ in 0..45 {
        ch(&mut app, 'p');
    }
    key(&mut app, KeyCode::Esc);
    // Marks made no claims to decide (present), so the lock is ready.
    ch(&mut app, '4');
    key(&mut app, KeyCode::Enter);
    typed(&mut app, "2026Q4");
    key(&mut app, KeyCode::Enter);
    let state = app
        .ledger()
        .period_row(&q4())
        .expect("row")
        .expect("period")
        .state;
    assert_eq!(
        state,
        jifen::domain::model::PeriodState::Published,
        "{:?}",
        app.status()
    );
    let notes = quorum_notes(&path);
    assert_eq!(notes.len(), 1);
    assert!(!notes[0].0, "quorate: nothing waived");
    assert!(notes[0].1 * 2 > notes[0].2);
}

#[test]
fn a_follow_up_ticked_after_the_lock_can_be_undone() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    let scope = jifen::app::RankScope::Year(2026);
    let done = |app: &App| {
        app.ledger()
            .follow_ups(&scope, true)
            .expect("follow-ups")
            .iter()
            .filter(|f| f.done)
            .count()
    };
    // The demo's 2026Q3 is locked; its year view lists the follow-ups.
    ch(&mut app, '5');
    key(&mut app, KeyCode::Tab);
    ch(&mut app, 'x');
    assert_eq!(done(&app), 1, "{:?}", app.status());
    ch(&mut app, 'u');
    let text = screen(&mut app, 80, 24);
    assert!(text.contains("跟进事项"), "says what it undoes:\n{text}");
    ch(&mut app, 'y');
    assert_eq!(done(&app), 0, "{:?}", app.status());
    ch(&mut app, 'u');
    assert_eq!(app.status(), Some("本次会议没有可撤销的操作"));
}

#[test]
fn a_read_only_console_fits_its_banner_and_leaves_write_keys_out() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    app.set_read_only_note(
        "只读: 控制台正由 secretary@branch-laptop.example.org 使用中,开始于 2026-12-01 08:00:00 (pid 12345)"
            .into(),
    );
    ch(&mut app, '2');
    let text = screen(&mut app, 80, 24);
    let lines: Vec<&str> = text.lines().collect();
    let header = lines[0];
    assert!(header.contains("[只读"), "{header}");
    assert!(
        header.trim_end().ends_with(']'),
        "the banner closes inside 80 columns: {header}"
    );
    let footer = lines[23];
    for write in ["通过", "调整", "驳回", "新增", "撤销", "大屏"] {
        assert!(!footer.contains(write), "no '{write}' key: {footer}");
    }
    assert!(footer.contains("搜索"), "reading keys stay: {footer}");
    assert!(
        lines[22].contains("secretary@branch-laptop"),
        "the status line names the holder"
    );
}

#[cfg(unix)]
#[test]
fn a_console_whose_process_died_frees_the_database_at_once() {
    let (_d, path, app) = demo(Lang::Zh);
    drop(app);
    // A console of this user on this machine whose process is gone (a
    // terminal closed without a goodbye): its heartbeat is still fresh.
    let mut child = std::process::Command::new("true").spawn().expect("spawn");
    let dead = i64::from(child.id());
    child.wait().expect("wait");
    let l = jifen::app::Ledger::open(&path, None).expect("open");
    let now = chrono::Utc::now().to_rfc3339();
    let held = jifen::store::lease::take(
        &jifen::store::open_rw(&path).expect("db"),
        "me@here",
        dead,
        &now,
        |_| true,
    )
    .expect("take");
    assert!(held.is_none(), "the dead console took the lease");
    // Someone else still waits for the heartbeat to go stale...
    assert!(l.take_console_lease("other@there").expect("lease").is_err());
    // ...but the same user on the same machine gets it back at once.
    let mine = l.take_console_lease("me@here").expect("lease");
    assert!(mine.is_ok(), "{mine:?}");
}
