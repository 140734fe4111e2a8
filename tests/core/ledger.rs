//! The ledger: locks, tamper evidence, undo, all-or-nothing imports.

use crate::common;
use common::*;
use jifen::app::{verify, ClaimFilter, Ledger};
use jifen::domain::model::{Category::Full, ClaimStatus, Outcome};
use rusqlite::Connection;

fn setup() -> (tempfile::TempDir, std::path::PathBuf, Ledger, i64, i64) {
    let (d, p, mut l) = ledger("bureau-80");
    l.open_period("2026Q1").unwrap();
    let a = member(&mut l, "欧阳娜娜", Full, None);
    let b = member(&mut l, "张伟", Full, None);
    approved(&mut l, a, "2026Q1", "work.speech", Some("city"), None);
    approved(&mut l, b, "2026Q1", "other.blood", None, None);
    (d, p, l, a, b)
}

#[test]
fn pragmas_are_set_on_every_connection() {
    let (_d, _p, l, _, _) = setup();
    // A connection of its own, opened as the ledger opens its own.
    let c = &jifen::store::open_rw(l.path()).expect("db");
    let mode: String = c
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    let sync: i64 = c.query_row("PRAGMA synchronous", [], |r| r.get(0)).unwrap();
    let fk: i64 = c
        .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
        .unwrap();
    assert_eq!((mode.as_str(), sync, fk), ("wal", 2, 1));
}

#[test]
fn lock_refuses_pending_claims_and_names_them() {
    let (_d, _p, mut l, a, _) = setup();
    let c = claim(&mut l, a, "2026Q1", "other.suggestion", None, None);
    let err = crate::common::en(&l.lock(&"2026Q1".parse().unwrap()).unwrap_err());
    assert!(
        err.contains(&format!("#{c} 欧阳娜娜 other.suggestion")),
        "{err}"
    );
    l.verdict(c, Outcome::Rejected, None, Some("未被采用"))
        .unwrap();
    l.confirm(a, &"2026Q1".parse().unwrap(), None).unwrap();
    let r = l.lock(&"2026Q1".parse().unwrap()).unwrap();
    assert_eq!(r.unconfirmed, vec!["张伟".to_string()]);
    assert_eq!(r.seal.len(), 64, "the whole seal");
    // After the lock nothing about the period changes through jifen.
    let e = l.verdict(c, Outcome::Approved, None, None).unwrap_err();
    let e = crate::common::en(&e);
    assert!(e.contains("locked"), "{e}");
    assert!(l.confirm(a, &"2026Q1".parse().unwrap(), Some("x")).is_err());
    let e = crate::common::en(&l.undo_last().unwrap_err());
    assert!(e.contains("locked"), "{e}");
    let ok = verify(l.path(), Some(&r.seal)).unwrap();
    assert_eq!(ok.locks.len(), 1);
}

#[test]
fn triggers_refuse_outside_changes_to_a_locked_period() {
    let (_d, p, mut l, a, b) = setup();
    l.confirm(a, &"2026Q1".parse().unwrap(), None).unwrap();
    l.confirm(b, &"2026Q1".parse().unwrap(), None).unwrap();
    l.lock(&"2026Q1".parse().unwrap()).unwrap();
    let c = Connection::open(&p).unwrap();
    // The tallies are a view of the claims, not a table to edit.
    let rows: i64 = c
        .query_row(
            "SELECT count(*) FROM tally WHERE period = '2026Q1'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(rows > 0);
    assert!(c
        .execute("DELETE FROM tally", [])
        .unwrap_err()
        .to_string()
        .contains("view"));
    for sql in [
        "UPDATE claim SET points = 50",
        "DELETE FROM claim",
        "INSERT INTO claim (id, branch_id, member_id, period, item, count, claimed, points, source, status)
         SELECT 9999, branch_id, member_id, period, item, 1, 1, 1, 'manual', 'approved' FROM claim LIMIT 1",
        "UPDATE claim SET status = 'rejected' WHERE period = '2026Q1'",
        "UPDATE confirmation SET state = 'disputed'",
        "DELETE FROM confirmation",
        "DELETE FROM event WHERE seq = 1",
        "UPDATE event SET actor = 'x'",
        "UPDATE period SET state = 'open'",
        "UPDATE lock_total SET score = 100",
    ] {
        let e = c.execute(sql, []).unwrap_err().to_string();
        assert!(
            e.contains("locked") || e.contains("append-only") || e.contains("cannot change"),
            "{sql}: {e}"
        );
    }
    // Refused statements leave nothing behind: the journal still replays to
    // exactly these tables.
    drop(c);
    drop(l);
    verify(&p, None).unwrap();
}

#[test]
fn verify_names_an_edited_row_even_with_triggers_dropped() {
    let (_d, p, l, a, _) = setup();
    drop(l);
    assert!(verify(&p, None).is_ok());
    let c = Connection::open(&p).unwrap();
    c.execute("UPDATE claim SET points = 10 WHERE member_id = ?1", [a])
        .unwrap();
    let e = crate::common::en(&verify(&p, None).unwrap_err());
    assert!(e.contains("table claim"), "{e}");
}

#[test]
fn verify_names_an_edited_event() {
    let (_d, p, l, _, _) = setup();
    drop(l);
    let c = Connection::open(&p).unwrap();
    c.execute_batch("DROP TRIGGER event_no_update").unwrap();
    c.execute("UPDATE event SET payload = replace(payload, 'work.speech', 'work.innovation') WHERE kind = 'claims_add'", [])
        .unwrap();
    let e = crate::common::en(&verify(&p, None).unwrap_err());
    assert!(
        e.contains("hash mismatch") && e.contains("claims_add"),
        "{e}"
    );
}

#[test]
fn a_rewritten_chain_fails_against_the_printed_seal() {
    let (_d, p, mut l, a, b) = setup();
    l.confirm(a, &"2026Q1".parse().unwrap(), None).unwrap();
    l.confirm(b, &"2026Q1".parse().unwrap(), None).unwrap();
    let seal = l.lock(&"2026Q1".parse().unwrap()).unwrap().seal;
    drop(l);
    // Rewrite one actor name and recompute every hash after it, as an insider could.
    let c = Connection::open(&p).unwrap();
    c.execute_batch("DROP TRIGGER event_no_update").unwrap();
    type Row = (i64, String, String, String, String, i64, i64);
    let rows: Vec<Row> = c
        .prepare("SELECT seq, at, actor, kind, payload, branch_id, action FROM event ORDER BY seq")
        .unwrap()
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
            ))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut prev = jifen::store::journal::GENESIS.to_string();
    for (seq, at, actor, kind, payload, branch, action) in rows {
        let actor = if seq == 2 {
            "someone else".to_string()
        } else {
            actor
        };
        let stamp = jifen::store::journal::Stamp { branch, action };
        let h = jifen::store::journal::stamped_hash(
            &prev,
            seq,
            &at,
            &actor,
            &kind,
            &payload,
            Some(stamp),
        );
        c.execute(
            "UPDATE event SET actor = ?2, prev_hash = ?3, hash = ?4 WHERE seq = ?1",
            rusqlite::params![seq, actor, prev, h],
        )
        .unwrap();
        prev = h;
    }
    // ... and the seal column the lock wrote, so every table agrees again.
    c.execute_batch("DROP TRIGGER period_no_unlock").unwrap();
    c.execute(
        "UPDATE period SET seal = ?1 WHERE state = 'locked'",
        [&prev],
    )
    .unwrap();
    if let Err(e) = verify(&p, None) {
        panic!("the chain alone cannot tell: {e}");
    }
    let e = crate::common::en(&verify(&p, Some(&seal)).unwrap_err());
    assert!(e.contains("matches no lock"), "{e}");
}

#[test]
fn verify_fails_when_locked_totals_disagree_with_the_journal() {
    let (_d, p, mut l, a, b) = setup();
    l.confirm(a, &"2026Q1".parse().unwrap(), None).unwrap();
    l.confirm(b, &"2026Q1".parse().unwrap(), None).unwrap();
    l.lock(&"2026Q1".parse().unwrap()).unwrap();
    drop(l);
    let c = Connection::open(&p).unwrap();
    c.execute_batch("DROP TRIGGER lock_total_no_update")
        .unwrap();
    c.execute("UPDATE lock_total SET score = 99 WHERE member_id = ?1", [a])
        .unwrap();
    let e = crate::common::en(&verify(&p, None).unwrap_err());
    assert!(e.contains("lock_total"), "{e}");
}

#[test]
fn undo_puts_back_verdicts_confirmations_and_new_claims() {
    let (_d, _p, mut l, a, _) = setup();
    let p1 = "2026Q1".parse().unwrap();
    let c = claim(&mut l, a, "2026Q1", "other.relief", None, None);
    l.verdict(c, Outcome::Adjusted, Some(2.0), Some("按实际参与时长"))
        .unwrap();
    assert_eq!(score(&l, q("2026Q1"), a), 85.0);
    l.undo_last().unwrap();
    assert_eq!(l.claim(c).unwrap().status, ClaimStatus::Pending);
    assert_eq!(score(&l, q("2026Q1"), a), 83.0);
    l.undo_last().unwrap(); // the claim itself
    assert_eq!(l.claim(c).unwrap().status, ClaimStatus::Withdrawn);
    l.confirm(a, &p1, Some("加分项目漏报")).unwrap();
    l.confirm(a, &p1, None).unwrap();
    l.undo_last().unwrap();
    let st = l.progress(Some(&p1)).unwrap();
    assert_eq!((st.confirmed, st.disputed), (0, 1));
    // The journal only grew, and still verifies.
    assert!(verify(l.path(), None).is_ok());
}

#[test]
fn renaming_keeps_history() {
    let (_d, _p, mut l, a, _) = setup();
    let m = l.find_member("欧阳娜娜").unwrap();
    l.update_member(
        a,
        &jifen::app::MemberDraft {
            name: "欧阳娜".into(),
            category: m.category,
            tier: m.tier,
            group: m.group.as_deref().map(str::to_string),
            status: m.status,
        },
    )
    .unwrap();
    let cs = l
        .claims(&ClaimFilter {
            member: Some(a),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(cs.len(), 1);
    assert_eq!(cs[0].member, "欧阳娜");
    assert_eq!(score(&l, q("2026Q1"), a), 83.0);
}

fn count_claims(l: &Ledger) -> usize {
    l.claims(&ClaimFilter::default()).unwrap().len()
}

#[test]
fn claim_import_is_all_or_nothing_and_names_line_and_column() {
    let (d, _p, mut l, _, _) = setup();
    let before = count_claims(&l);
    let f = d.path().join("claims.csv");
    let bom = "\u{feff}";
    std::fs::write(
        &f,
        format!(
            "{bom}member,item,level,count,points,date,note,period\n\
             欧阳娜娜,other.blood,,1,,2026-02-01,献血,2026Q1\n\
             张伟,work.speech,county,1,,2026-02-02,发言,2026Q1\n"
        ),
    )
    .unwrap();
    let e = crate::common::en(&l.import_claims(&f).unwrap_err());
    assert!(
        e.contains("claims.csv:3") && e.contains("column 'level'") && e.contains("city = 3"),
        "{e}"
    );
    assert_eq!(count_claims(&l), before);
    for (body, line, col) in [
        ("张三,other.blood,,1,,,,2026Q1\n", 2, "member"),
        ("张伟,work.major-task,,1,9,,,2026Q1\n", 2, "points"),
        ("张伟,other.blood,,1,,2026-13-01,,2026Q1\n", 2, "date"),
        ("张伟,other.blood,,x,,,,2026Q1\n", 2, "count"),
        (
            "张伟,other.blood,,1,,,,2026Q1\n张伟,other.blood,,1,,,,2026Q1\n",
            3,
            "",
        ),
    ] {
        std::fs::write(
            &f,
            format!("member,item,level,count,points,date,note,period\n{body}"),
        )
        .unwrap();
        let e = crate::common::en(&l.import_claims(&f).unwrap_err());
        assert!(
            e.contains(&format!("claims.csv:{line}")) && e.contains(col),
            "{body}: {e}"
        );
        assert_eq!(count_claims(&l), before);
    }
    std::fs::write(&f, "name,item\n").unwrap();
    assert!(crate::common::en(&l.import_claims(&f).unwrap_err()).contains("wrong header"));
    // GBK bytes are refused with a hint.
    std::fs::write(&f, b"member,item,level,count,points,date,note,period\n\xd5\xc5\xce\xb0,other.blood,,1,,,,2026Q1\n").unwrap();
    let e = crate::common::en(&l.import_claims(&f).unwrap_err());
    assert!(e.contains("not UTF-8") && e.contains(":2"), "{e}");
    // A good file with decided history goes in whole.
    std::fs::write(
        &f,
        "member,item,level,count,points,date,note,period,verdict,reason\n\
         欧阳娜娜,other.blood,,1,,2026-02-01,献血,2026Q1,approved,\n\
         张伟,other.suggestion,,1,,2026-02-03,建议,2026Q1,rejected,未采纳\n\
         张伟,work.written,province,2,,2026-02-04,交流,2026Q1,,\n",
    )
    .unwrap();
    assert_eq!(l.import_claims(&f).unwrap(), 3);
    assert_eq!(count_claims(&l), before + 3);
    assert_eq!(
        score(&l, q("2026Q1"), l.find_member("欧阳娜娜").unwrap().id),
        84.0
    );
}

#[test]
fn member_import_checks_every_row_first() {
    let (d, _p, mut l, _, _) = setup();
    let f = d.path().join("members.csv");
    std::fs::write(
        &f,
        "\u{feff}name,category,tier,group\n李雷,full,,一组\n韩梅梅,member,,二组\n",
    )
    .unwrap();
    let e = crate::common::en(&l.import_members(&f).unwrap_err());
    assert!(
        e.contains("members.csv:3") && e.contains("column 'category'"),
        "{e}"
    );
    assert_eq!(l.members().unwrap().len(), 2);
    std::fs::write(
        &f,
        "name,category,tier,group\n李雷,full,,一组\n,full,,二组\n",
    )
    .unwrap();
    assert!(crate::common::en(&l.import_members(&f).unwrap_err()).contains("column 'name'"));
    std::fs::write(
        &f,
        "name,category,tier,group\n李雷,full,,一组\n韩梅梅,probationary,,二组\n老王,exempt,,三组\n",
    )
    .unwrap();
    assert_eq!(l.import_members(&f).unwrap(), 3);
    let ranked = l.ranking(&q("2026Q1")).unwrap().rows.len();
    assert_eq!(ranked, 4, "exempt members are not scored");
}

#[test]
fn a_database_from_a_newer_jifen_is_refused() {
    let (_d, p, l, _, _) = setup();
    drop(l);
    Connection::open(&p)
        .unwrap()
        .execute_batch("PRAGMA user_version = 99")
        .unwrap();
    let e = crate::common::en(&Ledger::open(&p, None).err().unwrap());
    assert!(e.contains("newer"), "{e}");
}
