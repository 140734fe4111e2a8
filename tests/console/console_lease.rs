//! A second console says whose the lease is and whether it still binds: a
//! live holder with its last heartbeat, a stale one taken over and why.

use crate::console_common;

use console_common::{demo, screen};
use jifen::app::console_support::{LeaseState, LEASE_STALE_SECS};
use jifen::app::Ledger;
use jifen::i18n::Lang;
use jifen::tui::console::App;

#[test]
fn a_live_lease_is_shown_with_its_holder_since_and_heartbeat() {
    let (_d, path, app) = demo(Lang::Zh);
    drop(app);
    let a = Ledger::open(&path, None).expect("a");
    let mine = a
        .take_console_lease("alice@laptop")
        .expect("db")
        .expect("free");
    assert_eq!(mine.took_over, None, "nothing was taken over");
    let b = Ledger::open(&path, None).expect("b");
    let held = b
        .take_console_lease("bob@desk")
        .expect("db")
        .expect_err("alice holds it");
    assert_eq!(held.row.holder, "alice@laptop");
    let LeaseState::Live { silent_secs } = held.state else {
        panic!("a fresh lease is live: {held:?}");
    };
    assert!((0..LEASE_STALE_SECS).contains(&silent_secs));

    let zh = Lang::Zh.words().meeting.held(&held);
    assert!(
        zh.contains("alice@laptop") && zh.contains("最近心跳"),
        "{zh}"
    );
    assert!(zh.contains(&held.row.since[..10]), "since when: {zh}");
    let en = Lang::En.words().meeting.held(&held);
    assert!(
        en.contains("last heartbeat") && en.contains("since"),
        "{en}"
    );

    // The second console shows it in its status line at 80 columns.
    let ro = Ledger::open_read_only(&path, None).expect("read-only");
    let mut second = App::new(ro, Lang::Zh).expect("console");
    second.set_read_only_note(zh);
    let text = screen(&mut second, 80, 24);
    assert!(text.contains("alice@laptop"), "{text}");
    a.release_console_lease(&mine).expect("release");
}

#[test]
fn a_stale_lease_is_taken_over_saying_how_long_it_was_silent() {
    let (_d, path, app) = demo(Lang::En);
    drop(app);
    let _a = Ledger::open(&path, None).expect("a");
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
    let lease = b
        .take_console_lease("bob@desk")
        .expect("db")
        .expect("taken");
    let old = lease.took_over.expect("says what it replaced");
    assert_eq!(old.row.holder, "ghost@old");
    let LeaseState::Stale {
        silent_secs: Some(n),
    } = old.state
    else {
        panic!("stale: {old:?}");
    };
    assert!(n > 365 * 24 * 3600, "silent since 2020: {n}");
    let en = Lang::En.words().meeting.taken_over(&old);
    assert!(
        en.contains(&format!("stale: no heartbeat for {n} s")) && en.contains("ghost@old"),
        "{en}"
    );
    assert!(en.contains("2020-01-01 00:00:00"), "since when: {en}");
    let zh = Lang::Zh.words().meeting.taken_over(&old);
    assert!(zh.contains(&format!("{n} 秒无心跳")), "{zh}");
}

#[cfg(unix)]
#[test]
fn a_lease_whose_process_is_gone_says_so() {
    let (_d, path, app) = demo(Lang::Zh);
    drop(app);
    let mut child = std::process::Command::new("true").spawn().expect("spawn");
    let dead = i64::from(child.id());
    child.wait().expect("wait");
    let l = Ledger::open(&path, None).expect("open");
    let now = chrono::Utc::now().to_rfc3339();
    jifen::store::lease::take(
        &jifen::store::open_rw(&path).expect("db"),
        "me@here",
        dead,
        &now,
        |_| true,
    )
    .expect("take");
    let mine = l.take_console_lease("me@here").expect("db").expect("free");
    let old = mine.took_over.expect("says what it replaced");
    assert_eq!(old.state, LeaseState::ProcessGone);
    assert!(Lang::En
        .words()
        .meeting
        .taken_over(&old)
        .contains("process is gone"));
    assert!(Lang::Zh
        .words()
        .meeting
        .taken_over(&old)
        .contains("进程已不在"));
}
