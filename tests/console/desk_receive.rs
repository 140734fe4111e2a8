//! Receiving an inbox from the committee's desk: the receipt runs on a
//! worker while a gauge says how many files are done of how many, keys
//! other than Ctrl-C wait, and the receipt's lines show when it ends; and a
//! branch of the committee's roster that never filed shows on the filings
//! screen as missing, and one filing by another scheme than the roster's
//! says so in its details.

use crate::common::committee::{committee, filings};
use crate::console_common::desk::{ch, desk, key, screen};
use chrono::NaiveDate;
use jifen::i18n::Lang;
use jifen::tui::console::desk::{Desk, DeskKind};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Ask the desk to receive the folder `inbox`, through its form.
fn ask_receive(d: &mut Desk, inbox: &Path) {
    ch(d, 'r');
    for _ in 0..200 {
        key(d, KeyCode::Backspace);
    }
    for c in inbox.display().to_string().chars() {
        ch(d, c);
    }
    key(d, KeyCode::Enter);
}

/// An inbox holding the county's 2099Q4 filings of `branches` branches,
/// made again: 第2党支部's is new; the others' seals differ from the
/// filings received before, so they are refused.
fn inbox(dir: &Path, branches: usize) -> PathBuf {
    let again = filings(&dir.join("q4b"), branches, 2099, 4);
    let inbox = dir.join("inbox");
    std::fs::create_dir_all(&inbox).expect("inbox");
    for f in &again {
        std::fs::copy(f, inbox.join(f.file_name().expect("name"))).expect("copy");
    }
    inbox
}

/// Tick the desk until the receipt ends (a generous bound, not a guess at
/// how long it takes); returns each different screen drawn on the way.
fn until_received(d: &mut Desk) -> Vec<String> {
    let deadline = Instant::now() + Duration::from_secs(120);
    let mut seen: Vec<String> = Vec::new();
    while d.is_receiving() {
        assert!(Instant::now() < deadline, "the receipt did not end");
        d.tick();
        let t = screen(d, 80, 24);
        if seen.last() != Some(&t) {
            seen.push(t);
        }
        std::thread::yield_now();
    }
    seen
}

#[test]
fn the_gauge_counts_files_done_until_the_receipt_says_what_came_in() {
    let dir = tempfile::tempdir().expect("dir");
    let c = committee(dir.path());
    let inbox = inbox(dir.path(), 3);
    let mut d = desk(&c, Lang::Zh);
    ask_receive(&mut d, &inbox);
    assert!(d.is_receiving(), "the receipt runs on its worker");
    // Drawn before the worker was heard from: none done of the three.
    let t = screen(&mut d, 80, 24);
    assert!(t.contains("接收中 0/3"), "{t}");
    assert!(t.contains("不撤销已接收的备案"), "{t}");
    assert!(
        t.contains("Ctrl-C") && t.contains("退出"),
        "the footer:\n{t}"
    );

    // Keys other than Ctrl-C wait while it runs, Esc and q among them.
    ch(&mut d, '2');
    ch(&mut d, 'P');
    key(&mut d, KeyCode::Esc);
    ch(&mut d, 'q');
    assert_eq!(d.screen_kind(), DeskKind::Filings);
    assert!(!d.should_quit());

    let seen = until_received(&mut d);
    // Every screen drawn while receiving showed the gauge, with a count.
    for t in seen.iter().filter(|t| t.contains("接收中")) {
        assert!(t.contains("/3"), "{t}");
    }
    let t = seen.last().expect("a screen after the receipt");
    assert!(!t.contains("接收中"), "{t}");
    assert!(t.contains("新接收 1 份, 已有 0 份, 拒收 2 份"), "{t}");
    key(&mut d, KeyCode::Esc);
    assert!(!d.has_overlay());
    let t = screen(&mut d, 120, 34);
    assert!(t.contains("已报 5/5"), "read again after the receipt:\n{t}");
}

#[test]
fn ctrl_c_while_receiving_leaves_the_desk_and_the_receipt_is_not_taken_back() {
    let dir = tempfile::tempdir().expect("dir");
    let c = committee(dir.path());
    let inbox = inbox(dir.path(), 2);
    let mut d = desk(&c, Lang::En);
    // The help says what Ctrl-C does while receiving.
    ch(&mut d, '?');
    let t = screen(&mut d, 120, 34);
    assert!(t.contains("While receiving (other keys wait)"), "{t}");
    assert!(t.contains("quit (received files stay)"), "{t}");
    key(&mut d, KeyCode::Esc);
    ask_receive(&mut d, &inbox);
    assert!(screen(&mut d, 80, 24).contains("receiving 0/2"));
    d.handle_key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    assert!(d.should_quit(), "Ctrl-C leaves the desk");
    // The receipt goes on to its end: 第2党支部's filing is in.
    until_received(&mut d);
    let listed = jifen::app::filing::filings(&c, Some("2099Q4")).expect("filings");
    assert!(listed.iter().any(|f| f.branch == "第2党支部"), "{listed:?}");
}

#[test]
fn a_folder_with_no_filings_keeps_the_form_open_saying_so() {
    let dir = tempfile::tempdir().expect("dir");
    let c = committee(dir.path());
    let empty = dir.path().join("empty");
    std::fs::create_dir_all(&empty).expect("empty");
    let mut d = desk(&c, Lang::En);
    ask_receive(&mut d, &empty);
    assert!(!d.is_receiving());
    let t = screen(&mut d, 100, 30);
    assert!(t.contains("holds no filing files"), "{t}");
}

#[test]
fn a_roster_branch_that_never_filed_is_missing_on_the_filings_screen() {
    let dir = tempfile::tempdir().expect("dir");
    let c = committee(dir.path());
    let roster = dir.path().join("roster.csv");
    std::fs::write(&roster, "branch\n第1党支部\n第6党支部\n").expect("roster");
    jifen::app::committee::import_roster(&c, &roster).expect("roster imported");
    let mut d = desk(&c, Lang::Zh);
    let t = screen(&mut d, 120, 34);
    assert!(t.contains("已报 4/6") && t.contains("未报 2"), "{t}");
    let six = t
        .lines()
        .find(|l| l.contains("第6党支部"))
        .unwrap_or_else(|| panic!("第6党支部 in\n{t}"));
    assert!(
        six.contains("逾期未报") && six.contains("(从未报备)"),
        "{six}"
    );
    // Before the due day it is awaited, as a branch that filed before.
    d.set_today("2100-01-05".parse::<NaiveDate>().expect("day"));
    let t = screen(&mut d, 120, 34);
    let six = t.lines().find(|l| l.contains("第6党支部")).expect("row");
    assert!(six.contains("待报"), "{six}");
    assert!(t.contains("待报 2"), "{t}");
}

/// The details of a filing that scores by another scheme than the roster
/// names say so; a filing scoring as the roster says has no such line.
#[test]
fn a_filings_details_say_when_it_scores_by_another_scheme_than_the_rosters() {
    let dir = tempfile::tempdir().expect("dir");
    let c = committee(dir.path());
    let roster = dir.path().join("roster.csv");
    let text = "branch,scheme\n第1党支部,twelve-point\n第3党支部,bureau-80\n第4党支部,\n第5党支部,\n第2党支部,\n";
    std::fs::write(&roster, text).expect("roster");
    jifen::app::committee::import_roster(&c, &roster).expect("roster imported");
    let mut d = desk(&c, Lang::Zh);
    // Sorted by branch: 第1党支部 is selected first.
    key(&mut d, KeyCode::Enter);
    let t = screen(&mut d, 120, 34);
    assert!(t.contains("名册规定的方案是 twelve-point"), "{t}");
    key(&mut d, KeyCode::Esc);
    key(&mut d, KeyCode::Down);
    key(&mut d, KeyCode::Down);
    key(&mut d, KeyCode::Enter);
    let t = screen(&mut d, 120, 34);
    assert!(t.contains("第3党支部") && !t.contains("名册规定"), "{t}");
}

/// With a roster, the quarter that ended last shows at the desk before any
/// branch filed it: every branch of the roster awaited until the day it is
/// due, then missing. Without a roster the desk keeps to the periods filed.
#[test]
fn with_a_roster_the_quarter_just_ended_shows_before_its_first_filing() {
    let dir = tempfile::tempdir().expect("dir");
    let c = committee(dir.path());
    let mut d = desk(&c, Lang::Zh);
    d.set_today("2100-04-03".parse::<NaiveDate>().expect("day"));
    ch(&mut d, ']');
    assert_eq!(
        d.period(),
        Some("2099Q4"),
        "no roster: only the periods filed"
    );
    let roster = dir.path().join("roster.csv");
    std::fs::write(&roster, "branch\n第1党支部\n第6党支部\n").expect("roster");
    jifen::app::committee::import_roster(&c, &roster).expect("roster imported");
    d.set_today("2100-04-03".parse::<NaiveDate>().expect("day"));
    // The desk stays on the period shown; the quarter just ended is next.
    assert_eq!(d.period(), Some("2099Q4"));
    ch(&mut d, ']');
    assert_eq!(d.period(), Some("2100Q1"));
    let t = screen(&mut d, 120, 34);
    assert!(t.contains("已报 0/6") && t.contains("待报 6"), "{t}");
    // Past its due day, every branch that has not filed it is missing.
    d.set_today("2100-05-04".parse::<NaiveDate>().expect("day"));
    let t = screen(&mut d, 120, 34);
    assert!(t.contains("未报 6"), "{t}");
    // The quarters before stay a key away.
    ch(&mut d, '[');
    assert_eq!(d.period(), Some("2099Q4"));
}
