//! The journal's actions: a journal written before events carried a branch
//! and an action still replays and verifies; every new command is one action
//! of one branch, and undo takes back that branch's last action whole.

use crate::common::*;
use jifen::app::undo::{UndoScope, UndoStep};
use jifen::app::{verify, ClaimFilter, CoreError, Ledger};
use jifen::domain::model::{Category::Full, ClaimStatus, Outcome};
use std::path::{Path, PathBuf};

/// The fixture: a database written by jifen before this change (schema 7):
/// two branches (一支部 with a locked, published 2026Q3 and an upheld appeal,
/// 60 imported claims in 2026Q4; 二支部 with one pending claim, #66).
const BEFORE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/journal-v0.sqlite"
);
/// The seal `jifen lock 2026Q3` printed when the fixture was written: 16
/// digits, then; the whole seal is its lock event's hash, which begins so.
const SHORT_SEAL: &str = "1821cd763f30b066";

/// The whole seal of the fixture's lock (its lock event's hash).
fn whole_seal(path: &Path) -> String {
    let hash: String = rusqlite::Connection::open(path)
        .expect("open")
        .query_row("SELECT hash FROM event WHERE kind = 'lock'", [], |r| {
            r.get(0)
        })
        .expect("the lock event");
    assert!(hash.starts_with(SHORT_SEAL), "{hash}");
    hash
}

fn copy_of_fixture() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("before.sqlite");
    std::fs::copy(BEFORE, &path).expect("copy fixture");
    (dir, path)
}

#[test]
fn a_journal_from_before_actions_verifies_untouched_and_after_new_actions() {
    let (_d, path) = copy_of_fixture();
    let seal = whole_seal(&path);
    let before = std::fs::read(&path).expect("read");
    // The 16 digits the old minutes carry are a prefix now: refused.
    let e = crate::common::en(&verify(&path, Some(SHORT_SEAL)).expect_err("a prefix"));
    assert!(e.contains("the whole seal is needed"), "{e}");
    let r = verify(&path, Some(&seal)).expect("the old journal verifies");
    assert_eq!(r.events, 42);
    assert_eq!(r.seal_matched.as_deref(), Some("2026Q3"));
    assert_eq!(r.locks, vec![("2026Q3".to_string(), seal.clone())]);
    assert_eq!(
        std::fs::read(&path).expect("read"),
        before,
        "verify changes nothing"
    );
    // Opened by this jifen (migrated), worked on, the chain still holds.
    let mut l = Ledger::open(&path, Some("一支部")).expect("open");
    l.verdict(6, Outcome::Approved, None, None)
        .expect("verdict");
    drop(l);
    let r = verify(&path, Some(&seal)).expect("old and new events verify together");
    assert_eq!(r.events, 43);
    assert_eq!(r.locks.len(), 1);
}

#[test]
fn an_old_event_is_an_action_of_its_own_and_of_the_branch_it_names() {
    let (_d, path) = copy_of_fixture();
    // 二支部's only undoable event is its claim #66 (no branch column then).
    let mut two = Ledger::open(&path, Some("二支部")).expect("open");
    let plan = two.undo_plan(UndoScope::Branch).expect("plan");
    assert_eq!(
        plan.steps,
        vec![UndoStep::NewClaim {
            claim: 66,
            member: "孙丽".into()
        }]
    );
    // 一支部's last undoable act lies behind its lock: 二支部's claim is not its own.
    let one = Ledger::open(&path, Some("一支部")).expect("open");
    match one.undo_plan(UndoScope::Branch) {
        Err(CoreError::UndoPastLock(p)) => assert_eq!(p, "2026Q3"),
        other => panic!("expected the lock to stop the undo, got {other:?}"),
    }
    two.undo(&plan, UndoScope::Branch).expect("undo");
    assert_eq!(two.claim(66).expect("claim").status, ClaimStatus::Withdrawn);
    drop((one, two));
    let seal = whole_seal(&path);
    verify(&path, Some(&seal)).expect("verifies");
}

/// Two branches in one database, each with a member and an open 2026Q4.
fn two_branches() -> (tempfile::TempDir, PathBuf, Ledger, Ledger) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("two.sqlite");
    let mut a = Ledger::init(&path, "一支部", "bureau-80", None).expect("init A");
    let mut b = Ledger::init(&path, "二支部", "bureau-80", None).expect("init B");
    member(&mut a, "张伟", Full, None);
    member(&mut b, "李娜", Full, None);
    a.open_period("2026Q4").expect("open A");
    b.open_period("2026Q4").expect("open B");
    (dir, path, a, b)
}

#[test]
fn undo_in_one_branch_never_touches_another() {
    let (_d, path, mut a, mut b) = two_branches();
    let ma = a.find_member("张伟").expect("member").id;
    let mb = b.find_member("李娜").expect("member").id;
    let ca = approved(&mut a, ma, "2026Q4", "other.blood", None, None);
    let cb = approved(&mut b, mb, "2026Q4", "other.blood", None, None);
    // B acted last; A's undo takes back A's own verdict, and B's stands.
    let what = a.undo_last().expect("A undoes");
    assert_eq!(what, format!("verdict on claim {ca}"));
    assert_eq!(a.claim(ca).expect("claim").status, ClaimStatus::Pending);
    assert_eq!(b.claim(cb).expect("claim").status, ClaimStatus::Approved);
    // B's own undo is still its verdict.
    let what = b.undo_last().expect("B undoes");
    assert_eq!(what, format!("verdict on claim {cb}"));
    assert_eq!(b.claim(cb).expect("claim").status, ClaimStatus::Pending);
    // Next in A: the claim itself; B's claim is untouched.
    assert_eq!(a.undo_last().expect("A"), format!("new claim {ca}"));
    assert_eq!(b.claim(cb).expect("claim").status, ClaimStatus::Pending);
    drop((a, b));
    verify(&path, None).expect("verifies");
}

#[test]
fn a_console_undoes_only_its_own_actions() {
    let (_d, path, mut console, _b) = two_branches();
    let m = console.find_member("张伟").expect("member").id;
    let first = approved(&mut console, m, "2026Q4", "other.blood", None, None);
    // Someone else (the command line) decides another claim of the branch.
    let mut other = Ledger::open(&path, Some("一支部")).expect("open");
    let second = claim(&mut other, m, "2026Q4", "other.blood", None, None);
    other
        .verdict(second, Outcome::Approved, None, None)
        .expect("verdict");
    // The branch's last action is not the console's: `u` offers nothing.
    assert!(matches!(
        console.undo_plan(UndoScope::Own),
        Err(CoreError::NothingToUndo)
    ));
    // Once the other's actions are taken back, the console's last is offered.
    other.undo_last().expect("verdict");
    other.undo_last().expect("claim");
    let plan = console.undo_plan(UndoScope::Own).expect("own plan");
    assert_eq!(
        plan.steps,
        vec![UndoStep::Verdict {
            claim: first,
            member: "张伟".into()
        }]
    );
    console.undo(&plan, UndoScope::Own).expect("undo");
    assert_eq!(
        console.claim(first).expect("claim").status,
        ClaimStatus::Pending
    );
}

/// `n` claims of other.blood for 张伟 in 2026Q4, as an import file.
fn claims_file(dir: &Path, n: usize) -> PathBuf {
    let mut text = String::from("member,item,level,count,points,date,note,period\n");
    for i in 0..n {
        text.push_str(&format!("张伟,other.blood,,1,,2026-10-02,第{i}次,2026Q4\n"));
    }
    let p = dir.join("claims.csv");
    std::fs::write(&p, text).expect("write");
    p
}

#[test]
fn an_import_of_any_size_is_one_action_of_its_branch() {
    let (d, path, mut a, mut b) = two_branches();
    let mb = b.find_member("李娜").expect("member").id;
    let kept = approved(&mut b, mb, "2026Q4", "other.blood", None, None);
    for n in [3, 51, 3000] {
        let file = claims_file(d.path(), n);
        assert_eq!(a.import_claims(&file).expect("import"), n);
        let what = a.undo_last().expect("undo the import");
        if n <= 50 {
            assert_eq!(what.matches("new claim").count(), n, "{what}");
        } else {
            assert_eq!(what, format!("import of {n} claims"));
        }
        let left = a.claims(&ClaimFilter::default()).expect("claims");
        assert!(left.is_empty(), "{n}: every imported claim is withdrawn");
    }
    assert_eq!(b.claim(kept).expect("claim").status, ClaimStatus::Approved);
    drop((a, b));
    verify(&path, None).expect("verifies");
}
