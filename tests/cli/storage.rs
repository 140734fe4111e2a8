//! One row per fact: ids and preconditions are taken inside the write that
//! uses them, `verify` compares every table (kept scores too), CSV is read as
//! any CSV reader reads it, and a database an older jifen wrote with packed
//! imports folds back into plain claim rows that replay and verify.

use crate::common;

use common::cli::{jifen, ok};
use jifen::app::{verify, ClaimDraft, ClaimFilter, Ledger, MemberDraft, RankScope};
use jifen::domain::model::{Category, ClaimSource, ClaimStatus, MemberStatus, Outcome};
use jifen::store::{journal, Event, LockedTotal, NewClaim, NewMember};
use rusqlite::Connection;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

/// A branch of `members` members on `scheme` with 2026Q4 open.
pub(crate) fn branch(path: &Path, scheme: &str, members: usize) -> Vec<i64> {
    let mut l = Ledger::init(path, "存储支部", scheme, None).expect("init");
    l.open_period("2026Q4").expect("period");
    let drafts: Vec<MemberDraft> = (0..members)
        .map(|i| MemberDraft {
            name: format!("成员{i:02}"),
            category: Category::Full,
            tier: None,
            group: None,
            status: MemberStatus::Active,
        })
        .collect();
    l.add_members(&drafts).expect("members")
}

pub(crate) fn claims_json(db: &Path) -> Vec<serde_json::Value> {
    let out = ok(db, &["claim", "list", "--format", "json"]);
    serde_json::from_str(&out).expect("json")
}

#[test]
fn claim_add_while_an_import_runs_gets_a_new_id_and_both_succeed() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("b.sqlite");
    branch(&db, "village-quarterly", 20);
    let csv = dir.path().join("claims.csv");
    let mut text = String::from("member,item,level,count,points,date,note,period,verdict\n");
    let rows = 30_000;
    for i in 0..rows {
        let verdict = if i % 5 == 0 { "" } else { "approved" };
        text.push_str(&format!(
            "成员{:02},bonus.contribution,,1,1,2026-10-02,第{i}条,2026Q4,{verdict}\n",
            i % 20
        ));
    }
    std::fs::write(&csv, text).expect("write");
    let import = std::process::Command::new(env!("CARGO_BIN_EXE_jifen"))
        .arg("--db")
        .arg(&db)
        .args(["--lang", "en", "claim", "import"])
        .arg(&csv)
        .spawn()
        .expect("spawn import");
    let mut added = Vec::new();
    for k in 0..8 {
        let note = format!("会上补报{k}");
        let out = jifen(
            &db,
            &[
                "claim",
                "add",
                "成员03",
                "bonus.contribution",
                "--points",
                "2",
                "--note",
                &note,
            ],
        );
        assert!(
            out.status.success(),
            "claim add {k}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let id: i64 = String::from_utf8_lossy(&out.stdout)
            .trim()
            .parse()
            .expect("id");
        added.push((id, note));
    }
    let out = import.wait_with_output().expect("import");
    assert!(out.status.success(), "import failed");
    let all = claims_json(&db);
    assert_eq!(all.len(), rows + added.len());
    let mut ids: Vec<i64> = all.iter().map(|c| c["id"].as_i64().expect("id")).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), rows + added.len(), "every claim has its own id");
    let l = Ledger::open(&db, None).expect("open");
    for (id, note) in &added {
        assert_eq!(l.claim(*id).expect("claim").note.as_deref(), Some(&**note));
    }
    drop(l);
    // The period can be decided and locked: nothing is left undecidable.
    let mut l = Ledger::open(&db, None).expect("open");
    let pending: Vec<i64> = l
        .claims(&ClaimFilter::default())
        .expect("claims")
        .into_iter()
        .filter(|c| c.status == ClaimStatus::Pending)
        .map(|c| c.id)
        .collect();
    for id in pending {
        l.verdict(id, Outcome::Approved, None, None)
            .expect("verdict");
    }
    l.lock(&"2026Q4".parse().expect("period")).expect("lock");
    drop(l);
    verify(&db, None).expect("verify");
}

#[test]
fn a_lock_racing_verdicts_seals_exactly_what_the_journal_gives() {
    for round in 0..12 {
        let dir = tempfile::tempdir().expect("dir");
        let db = dir.path().join("r.sqlite");
        let members = branch(&db, "bureau-80", 6);
        let mut l = Ledger::open(&db, None).expect("open");
        let all = l.members().expect("members");
        let drafts: Vec<NewClaim> = (0..24)
            .map(|i| {
                let mut d = ClaimDraft::new(members[i % members.len()], "other.blood");
                d.period = Some("2026Q4".into());
                l.check_claim(&d, &all).expect("claim")
            })
            .collect();
        let ids = l.add_checked_claims(drafts).expect("claims");
        for id in &ids {
            l.verdict(*id, Outcome::Approved, None, None)
                .expect("approve");
        }
        let done = Arc::new(AtomicUsize::new(0));
        let (db2, ids2, done2) = (db.clone(), ids.clone(), done.clone());
        // The committee keeps changing its mind until the period is locked.
        let verdicts = std::thread::spawn(move || {
            let mut c = Ledger::open(&db2, None).expect("open");
            let mut given = 0;
            for k in 0.. {
                let id = ids2[k % ids2.len()];
                let r = if k % 2 == 0 {
                    c.verdict(id, Outcome::Rejected, None, Some("证明不全"))
                } else {
                    c.verdict(id, Outcome::Approved, None, None)
                };
                match r {
                    Ok(()) => {
                        given += 1;
                        done2.store(given, Ordering::SeqCst);
                        // A committee at its fastest: SQLite's busy wait
                        // polls, and a writer that never pauses would starve
                        // the lock instead of racing it.
                        std::thread::sleep(std::time::Duration::from_millis(2));
                    }
                    Err(e) => {
                        let msg = e.to_string();
                        assert!(
                            msg.contains("locked") || msg.contains("cannot change"),
                            "{msg}"
                        );
                        return given;
                    }
                }
            }
            given
        });
        while done.load(Ordering::SeqCst) < 3 + round {
            std::thread::yield_now();
        }
        let report = l.lock(&"2026Q4".parse().expect("period")).expect("lock");
        let given = verdicts.join().expect("verdict thread");
        assert!(given >= 3 + round);
        // The sealed totals are the journal's: verify replays every verdict
        // and compares each locked total with the replayed claims.
        drop(l);
        let v = verify(&db, Some(&report.seal)).expect("verify");
        assert_eq!(v.locks.len(), 1);
        let l = Ledger::open_read_only(&db, None).expect("open");
        let ranking = l
            .ranking(&RankScope::Period("2026Q4".parse().expect("period")))
            .expect("rank");
        let conn = Connection::open(&db).expect("conn");
        for r in &ranking.rows {
            let locked: f64 = conn
                .query_row(
                    "SELECT score FROM lock_total WHERE member_id = ?1",
                    [r.member_id],
                    |row| row.get(0),
                )
                .expect("locked total");
            assert_eq!(locked, r.score, "round {round}");
        }
    }
}

#[test]
fn a_forged_score_is_found_by_verify_whatever_else_the_database_holds() {
    let dir = tempfile::tempdir().expect("dir");
    let clean = dir.path().join("clean.sqlite");
    let members = branch(&clean, "bureau-80", 3);
    let mut l = Ledger::open(&clean, None).expect("open");
    for m in &members {
        common::approved(&mut l, *m, "2026Q4", "other.blood", None, None);
    }
    drop(l);
    verify(&clean, None).expect("clean database verifies");
    let forgeries: &[&[&str]] = &[
        &["UPDATE score SET total = total + 5 WHERE member_id = 1"],
        // Notes that other scores wait to be re-scored hide nothing.
        &[
            "UPDATE score SET total = 99 WHERE member_id = 1",
            "INSERT INTO score_dirty VALUES (1, '2026Q4', 2)",
        ],
        &[
            "UPDATE score SET total = 99 WHERE member_id = 1",
            "INSERT INTO score_dirty VALUES (1, NULL, NULL)",
        ],
        &["UPDATE score SET forced_grade = 'excellent' WHERE member_id = 2"],
        &["DELETE FROM score WHERE member_id = 3"],
    ];
    for (k, sqls) in forgeries.iter().enumerate() {
        let db = dir.path().join(format!("forged{k}.sqlite"));
        std::fs::copy(&clean, &db).expect("copy");
        let c = Connection::open(&db).expect("conn");
        for sql in *sqls {
            c.execute(sql, []).expect(sql);
        }
        drop(c);
        let e = verify(&db, None).expect_err("a forged score must not verify");
        let msg = crate::common::en(&e);
        assert!(msg.contains("table score"), "{sqls:?}: {msg}");
    }
}

/// Append `ev` to the journal of a database written by hand, as an older
/// jifen did; returns its hash.
fn journal_event(c: &Connection, seq: i64, at: &str, prev: &str, ev: &Event) -> String {
    let payload = serde_json::to_string(ev).expect("payload");
    let hash = journal::chain_hash(prev, seq, at, "secretary", ev.kind(), &payload);
    c.execute(
        "INSERT INTO event (seq, at, actor, kind, payload, prev_hash, hash) VALUES (?1, ?2, 'secretary', ?3, ?4, ?5, ?6)",
        rusqlite::params![seq, at, ev.kind(), payload, prev, hash],
    )
    .expect("event");
    hash
}

#[test]
fn packed_imports_of_an_older_jifen_fold_into_claim_rows_that_replay_and_verify() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("v6.sqlite");
    let c = Connection::open(&db).expect("conn");
    for sql in [
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src/store/migrations/001.sql"
        )),
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src/store/migrations/002.sql"
        )),
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src/store/migrations/003.sql"
        )),
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src/store/migrations/004.sql"
        )),
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src/store/migrations/005.sql"
        )),
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src/store/migrations/006.sql"
        )),
    ] {
        c.execute_batch(sql).expect("older schema");
    }
    c.execute_batch("PRAGMA user_version = 6").expect("version");
    let (_, scheme) = jifen::domain::scheme::Scheme::builtin("village-quarterly").expect("scheme");
    let at = |k: u32| format!("2026-10-01T10:00:{k:02}.000000+08:00");
    let members: Vec<NewMember> = ["欧阳娜娜", "张伟"]
        .iter()
        .enumerate()
        .map(|(i, n)| NewMember {
            id: i as i64 + 1,
            name: n.to_string(),
            category: Category::Full,
            tier: None,
            group: None,
            status: MemberStatus::Active,
        })
        .collect();
    // Q3 is locked with its packs; Q4 is open with a pack and one claim
    // already unpacked by a verdict.
    let claim = |id: i64, member: i64, period: &str, verdict: Option<ClaimStatus>| NewClaim {
        id,
        member_id: member,
        period: period.into(),
        item: "bonus.contribution".into(),
        level: None,
        count: 1,
        claimed: 2.0,
        date: None,
        note: Some(format!("第{id}条")),
        evidence: None,
        source: ClaimSource::Import,
        verdict,
        reason: None,
    };
    let q3: Vec<NewClaim> = (1..=6)
        .map(|i| claim(i, (i + 1) % 2 + 1, "2026Q3", Some(ClaimStatus::Approved)))
        .collect();
    let q4: Vec<NewClaim> = (7..=10).map(|i| claim(i, 1, "2026Q4", None)).collect();
    let events = [
        Event::BranchInit {
            branch_id: 1,
            name: "老支部".into(),
            scheme_id: "village-quarterly".into(),
            scheme_toml: scheme.to_string(),
        },
        Event::MembersAdd {
            branch_id: 1,
            members: members.clone(),
        },
        Event::PeriodOpen {
            branch_id: 1,
            period: "2026Q3".into(),
        },
        Event::ClaimsBatch {
            branch_id: 1,
            first_id: 1,
            rows: jifen::store::claim_rows::encode(&q3).expect("encode"),
            packed: true,
        },
    ];
    let mut prev = journal::GENESIS.to_string();
    for (k, ev) in events.iter().enumerate() {
        prev = journal_event(&c, k as i64 + 1, &at(k as u32), &prev, ev);
    }
    // Both members: base 100, three approved claims of 2 points each.
    let totals: Vec<LockedTotal> = (1..=2)
        .map(|m| LockedTotal {
            member_id: m,
            score: 106.0,
            rank: 1,
            grade: None,
            stars: None,
            confirmed: false,
        })
        .collect();
    let lock = Event::Lock {
        branch_id: 1,
        period: "2026Q3".into(),
        head: prev.clone(),
        totals: totals.clone(),
        unconfirmed: vec![1, 2],
    };
    let lock_hash = journal_event(&c, 5, &at(5), &prev, &lock);
    let later = [
        Event::PeriodOpen {
            branch_id: 1,
            period: "2026Q4".into(),
        },
        Event::ClaimsBatch {
            branch_id: 1,
            first_id: 7,
            rows: jifen::store::claim_rows::encode(&q4).expect("encode"),
            packed: true,
        },
        Event::Verdict {
            claim: 8,
            status: ClaimStatus::Approved,
            points: 2.0,
            reason: None,
            by: "secretary".into(),
            prev: None,
        },
    ];
    prev = lock_hash.clone();
    for (k, ev) in later.iter().enumerate() {
        prev = journal_event(&c, k as i64 + 6, &at(k as u32 + 6), &prev, ev);
    }
    // The state tables as that jifen kept them.
    c.execute(
        "INSERT INTO branch (id, name, scheme_id, scheme_toml) VALUES (1, '老支部', 'village-quarterly', ?1)",
        [scheme],
    )
    .expect("branch");
    for m in &members {
        c.execute(
            "INSERT INTO member (id, branch_id, name, category, tier, grp, status, joined) VALUES (?1, 1, ?2, 'full', NULL, NULL, 'active', ?3)",
            rusqlite::params![m.id, m.name, at(1)],
        )
        .expect("member");
    }
    c.execute(
        "INSERT INTO period (branch_id, id, state, opened_at) VALUES (1, '2026Q3', 'open', ?1)",
        [at(2)],
    )
    .expect("period");
    // Q3's claims: one pack per run of a member's claims.
    let mut first = 1;
    for run in q3.chunk_by(|a, b| a.member_id == b.member_id) {
        c.execute(
            "INSERT INTO claim_pack (first_id, branch_id, period, member_id, n, pending, at, rows) VALUES (?1, 1, '2026Q3', ?2, ?3, 0, ?4, x'00')",
            rusqlite::params![first, run[0].member_id, run.len() as i64, at(3)],
        )
        .expect("pack");
        first += run.len() as i64;
    }
    for t in &totals {
        c.execute(
            "INSERT INTO lock_total (branch_id, period, member_id, score, rank, grade, stars, confirmed) VALUES (1, '2026Q3', ?1, ?2, 1, NULL, NULL, 0)",
            rusqlite::params![t.member_id, t.score],
        )
        .expect("lock total");
    }
    c.execute(
        "UPDATE period SET state = 'locked', locked_at = ?1, seal = ?2 WHERE id = '2026Q3'",
        [at(5), lock_hash[..16].to_string()],
    )
    .expect("lock");
    c.execute(
        "INSERT INTO period (branch_id, id, state, opened_at) VALUES (1, '2026Q4', 'open', ?1)",
        [at(6)],
    )
    .expect("period");
    // Claims 7, 9, 10 still packed (a pack of 4 that lost claim 8 was
    // unpacked whole in that jifen; here the rest stays packed to show
    // both shapes), claim 8 a row.
    c.execute(
        "INSERT INTO claim_pack (first_id, branch_id, period, member_id, n, pending, at, rows) VALUES (9, 1, '2026Q4', 1, 2, 2, ?1, x'00')",
        [at(7)],
    )
    .expect("pack");
    c.execute(
        "INSERT INTO claim_pack (first_id, branch_id, period, member_id, n, pending, at, rows) VALUES (7, 1, '2026Q4', 1, 1, 1, ?1, x'00')",
        [at(7)],
    )
    .expect("pack");
    c.execute(
        "INSERT INTO claim (id, branch_id, member_id, period, item, level, count, claimed, points, act_date, note, evidence, source, status, reason, decided_at, decided_by)
         VALUES (8, 1, 1, '2026Q4', 'bonus.contribution', NULL, 1, 2, 2, NULL, '第8条', NULL, 'import', 'approved', NULL, ?1, 'secretary')",
        [at(8)],
    )
    .expect("claim");
    c.execute("INSERT INTO score_dirty VALUES (1, NULL, NULL)", [])
        .expect("note");
    drop(c);

    // Read as it is (a migrated copy), the older file verifies and is not changed.
    let before = std::fs::read(&db).expect("read");
    let v = verify(&db, Some(&jifen::store::seal_of(&lock_hash))).expect("older file verifies");
    assert_eq!(v.events, 8);
    assert_eq!(std::fs::read(&db).expect("read"), before);
    // Opened, it is migrated: every packed claim is a claim row again.
    let l = Ledger::open(&db, None).expect("open");
    let claims = l.claims(&ClaimFilter::default()).expect("claims");
    let ids: Vec<i64> = claims.iter().map(|c| c.id).collect();
    assert_eq!(ids, (1..=10).collect::<Vec<_>>());
    for c in &claims {
        assert_eq!(c.note.as_deref(), Some(&*format!("第{}条", c.id)));
        let decided = c.period == "2026Q3" || c.id == 8;
        assert_eq!(c.status == ClaimStatus::Approved, decided, "claim {}", c.id);
    }
    let q3_rank = l
        .ranking(&RankScope::Period("2026Q3".parse().expect("period")))
        .expect("rank");
    assert!(q3_rank.rows.iter().all(|r| r.score == 106.0));
    drop(l);
    let conn = Connection::open(&db).expect("conn");
    let packs: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE name IN ('claim_pack', 'tally_seal', 'score_digest')",
            [],
            |r| r.get(0),
        )
        .expect("tables");
    assert_eq!(packs, 0);
    drop(conn);
    verify(&db, Some(&jifen::store::seal_of(&lock_hash))).expect("migrated file verifies");
}

#[test]
fn restore_says_what_it_would_discard_keeps_the_replaced_file_and_waits_for_consoles() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("live.sqlite");
    let backup = dir.path().join("monday.sqlite");
    let members = branch(&db, "bureau-80", 2);
    let mut l = Ledger::open(&db, None).expect("open");
    let first = common::claim(&mut l, members[0], "2026Q4", "other.blood", None, None);
    drop(l);
    ok(&db, &["backup", backup.to_str().expect("path")]);
    // Work after the backup: a verdict and a new claim.
    ok(&db, &["verdict", &first.to_string(), "approve"]);
    ok(&db, &["claim", "add", "成员01", "other.blood"]);
    let before = std::fs::read(&db).expect("read");
    let out = jifen(&db, &["restore", backup.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("discard 2 journal event(s)"), "{err}");
    assert!(err.contains("--force"), "{err}");
    assert_eq!(
        std::fs::read(&db).expect("read"),
        before,
        "nothing restored"
    );
    // A console holding the database stops even a forced restore.
    let l = Ledger::open(&db, None).expect("open");
    let lease = l
        .take_console_lease("会议室电脑")
        .expect("lease")
        .expect("taken");
    let out = jifen(&db, &["restore", "--force", backup.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("console"));
    l.release_console_lease(&lease).expect("release");
    drop(l);
    let out = ok(&db, &["restore", "--force", backup.to_str().expect("path")]);
    assert!(out.contains("2 newer event(s) discarded"), "{out}");
    assert_eq!(claims_json(&db).len(), 1);
    // The replaced database is kept, whole, among the backups.
    let kept = jifen::app::backup::backup_dir(&db);
    let copy = std::fs::read_dir(&kept)
        .expect("backups")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.to_string_lossy().contains("before-restore"))
        .expect("replaced copy");
    assert_eq!(claims_json(&copy).len(), 2);
    verify(&copy, None).expect("the kept copy verifies");
    verify(&db, None).expect("the restored database verifies");
}

#[test]
fn two_writers_at_once_both_succeed_with_their_own_ids() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("two.sqlite");
    branch(&db, "bureau-80", 2);
    let writer = |who: &'static str| {
        let db = db.clone();
        std::thread::spawn(move || {
            (0..12)
                .map(|k| {
                    let note = format!("{who}{k}");
                    let out = jifen(&db, &["claim", "add", who, "other.blood", "--note", &note]);
                    assert!(
                        out.status.success(),
                        "{who} {k}: {}",
                        String::from_utf8_lossy(&out.stderr)
                    );
                    String::from_utf8_lossy(&out.stdout)
                        .trim()
                        .parse::<i64>()
                        .expect("id")
                })
                .collect::<Vec<i64>>()
        })
    };
    let (a, b) = (writer("成员00"), writer("成员01"));
    let mut ids = a.join().expect("writer a");
    ids.extend(b.join().expect("writer b"));
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 24);
    assert_eq!(claims_json(&db).len(), 24);
    verify(&db, None).expect("verify");
}
