//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod cli;
pub mod committee;
pub mod pty;
pub mod zh_words;

use jifen::app::{ClaimDraft, Ledger, MemberDraft};
use jifen::domain::model::{Category, MemberStatus, Outcome};
use std::path::PathBuf;

/// A fresh ledger on a built-in scheme in a temporary folder.
pub fn ledger(scheme: &str) -> (tempfile::TempDir, PathBuf, Ledger) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("t.sqlite");
    let l = Ledger::init(&path, "测试支部", scheme, None).expect("init");
    (dir, path, l)
}

pub fn member(l: &mut Ledger, name: &str, category: Category, tier: Option<i64>) -> i64 {
    l.add_members(&[MemberDraft {
        name: name.into(),
        category,
        tier,
        group: None,
        status: MemberStatus::Active,
    }])
    .expect("add member")[0]
}

/// Add and approve a claim.
pub fn approved(
    l: &mut Ledger,
    m: i64,
    period: &str,
    item: &str,
    level: Option<&str>,
    points: Option<f64>,
) -> i64 {
    let id = claim(l, m, period, item, level, points);
    l.verdict(id, Outcome::Approved, None, None)
        .expect("approve");
    id
}

/// Add a pending claim.
pub fn claim(
    l: &mut Ledger,
    m: i64,
    period: &str,
    item: &str,
    level: Option<&str>,
    points: Option<f64>,
) -> i64 {
    let mut d = ClaimDraft::new(m, item);
    d.level = level.map(String::from);
    d.points = points;
    d.period = Some(period.into());
    l.add_claim(&d).expect("add claim")
}

pub fn score(l: &Ledger, scope: jifen::app::RankScope, m: i64) -> f64 {
    l.ranking(&scope)
        .expect("ranking")
        .rows
        .iter()
        .find(|r| r.member_id == m)
        .expect("member ranked")
        .score
}

pub fn row(l: &Ledger, scope: jifen::app::RankScope, m: i64) -> jifen::app::RankRow {
    l.ranking(&scope)
        .expect("ranking")
        .rows
        .into_iter()
        .find(|r| r.member_id == m)
        .expect("member ranked")
}

pub fn q(s: &str) -> jifen::app::RankScope {
    jifen::app::RankScope::Period(s.parse().expect("period"))
}

/// A copy of the database with no kept scores and every branch noted as out
/// of date, so whatever opens it scores afresh from the tallies.
pub fn copy_without_kept_scores(path: &std::path::Path) -> PathBuf {
    let copy = path.with_extension("fresh.sqlite");
    let _ = std::fs::remove_file(&copy);
    let c = rusqlite::Connection::open(path).expect("open");
    c.execute("VACUUM INTO ?1", [copy.to_string_lossy()])
        .expect("copy");
    let c = rusqlite::Connection::open(&copy).expect("open copy");
    c.execute_batch(
        "DELETE FROM score; INSERT INTO score_dirty SELECT id, NULL, NULL FROM branch;",
    )
    .expect("drop kept scores");
    copy
}

/// Undo migration 6 (seals and score digests) as far as reads and writes can
/// tell: its triggers and tables dropped, the older lock guard on tallies back.
/// The caller sets `user_version`.
pub fn undo_migration_6(c: &rusqlite::Connection) {
    c.execute_batch(
        "DROP TRIGGER score_digest_insert; DROP TRIGGER score_digest_update;
         DROP TRIGGER score_digest_delete;
         DROP TRIGGER tally_locked_delete;
         CREATE TRIGGER tally_locked_delete BEFORE DELETE ON tally
         WHEN EXISTS (SELECT 1 FROM period WHERE branch_id = OLD.branch_id AND id = OLD.period
                      AND (state = 'locked' OR state = 'published' OR state = 'final'))
         BEGIN SELECT RAISE(ABORT, 'period is locked'); END;
         DROP TABLE score_digest; DROP TABLE tally_seal;",
    )
    .expect("undo migration 6");
}

/// A core error as an English reader reads it.
pub fn en(e: &jifen::app::CoreError) -> String {
    jifen::i18n::meeting::core_error(jifen::i18n::Lang::En, e)
}
