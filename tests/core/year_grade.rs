//! The year close's final grade (评定等次, seed 001 "综合研判"; seed 000 结果运用):
//! the points and the quota give each member the highest grade allowed, the
//! branch records a grade at most that, refused above with nothing written,
//! the scheme's default where none is recorded, verify replaying the table,
//! and no change once the year is final.

use crate::common::{approved, en, ledger, member};
use jifen::app::year_grade::YearGradeError;
use jifen::app::{verify, CoreError, Ledger};
use jifen::domain::model::{Category, PeriodId};
use jifen::i18n::Lang;
use rusqlite::Connection;
use sha2::{Digest, Sha256};
use std::path::Path;

const YEAR: i32 = 2026;

fn pid(s: &str) -> PeriodId {
    s.parse().expect("period")
}

fn sha(p: &Path) -> String {
    hex::encode(Sha256::digest(std::fs::read(p).expect("read db")))
}

/// Ten bureau members with year scores (base 80 once, Q4 only) worked so:
/// 甲 90 (+10 national endorsement), 乙 and 丙 85 (+5 province), 丁 and 戊
/// 80, 己 79.5 (-2 service, +1.5 major task), 庚 75 (-5), 辛 70 (-5 -5),
/// 壬 69 (-5 -5 -1), 癸 60 (four times -5).
fn bureau() -> (tempfile::TempDir, std::path::PathBuf, Ledger, Vec<i64>) {
    let (d, p, mut l) = ledger("bureau-80");
    let names = ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"];
    let ids: Vec<i64> = names
        .iter()
        .map(|n| member(&mut l, &format!("党员{n}"), Category::Full, None))
        .collect();
    l.open_period("2026Q4").expect("open Q4");
    let q4 = "2026Q4";
    approved(
        &mut l,
        ids[0],
        q4,
        "work.endorsement",
        Some("national"),
        None,
    );
    approved(
        &mut l,
        ids[1],
        q4,
        "work.endorsement",
        Some("province"),
        None,
    );
    approved(
        &mut l,
        ids[2],
        q4,
        "work.endorsement",
        Some("province"),
        None,
    );
    approved(&mut l, ids[5], q4, "purpose.service", None, None);
    approved(&mut l, ids[5], q4, "work.major-task", None, Some(1.5));
    approved(&mut l, ids[6], q4, "politics.remarks", None, None);
    for _ in 0..2 {
        approved(&mut l, ids[7], q4, "politics.remarks", None, None);
        approved(&mut l, ids[8], q4, "politics.remarks", None, None);
    }
    approved(&mut l, ids[8], q4, "politics.improper", None, None);
    for _ in 0..4 {
        approved(&mut l, ids[9], q4, "politics.remarks", None, None);
    }
    (d, p, l, ids)
}

/// Each member's (score, points grade, final grade) for the year.
fn grades(l: &Ledger, ids: &[i64]) -> Vec<(f64, String, String)> {
    let r = l.ranking(&jifen::app::RankScope::Year(YEAR)).expect("rank");
    let g = l.year_grades_of(YEAR, &r).expect("grades");
    ids.iter()
        .map(|id| {
            let row = r.rows.iter().find(|x| x.member_id == *id).expect("ranked");
            let fg = g.of(*id).expect("graded");
            (
                row.score,
                fg.points_grade.clone().unwrap_or_default(),
                fg.final_grade.clone().unwrap_or_default(),
            )
        })
        .collect()
}

#[test]
fn seed_000_thresholds_and_the_quota_give_the_highest_grade_allowed() {
    let (_d, _p, mut l, ids) = bureau();
    // 20% of ten: two 优秀 places. 90 takes one; the two at 85 straddle
    // the last place: all in under quota_ties = all, none under none.
    let want_all = [
        (90.0, "excellent"),
        (85.0, "excellent"),
        (85.0, "excellent"),
        (80.0, "qualified"), // 80 without a quota place: 合格, never 优秀
        (80.0, "qualified"),
        (79.5, "basic"), // 79.5 is below 80: at most 基本合格
        (75.0, "basic"),
        (70.0, "basic"), // 70 included (含 70 分)
        (69.0, "unqualified"),
        (60.0, "unqualified"),
    ];
    let got = grades(&l, &ids);
    for ((score, points, fin), (s, g)) in got.iter().zip(want_all) {
        assert_eq!((*score, points.as_str()), (s, g), "{got:?}");
        // No appraisal held: the default is the points grade.
        assert_eq!(fin, points);
    }
    l.set_setting("quota_ties", serde_json::json!("none"))
        .expect("ties none");
    let got = grades(&l, &ids);
    let points: Vec<&str> = got.iter().map(|g| g.1.as_str()).collect();
    assert_eq!(
        &points[..3],
        &["excellent", "qualified", "qualified"],
        "the tie at the edge is out whole"
    );
    // Now 乙 may not be 优秀 either.
    let e = l
        .set_final_grade(YEAR, ids[1], Some("excellent"))
        .unwrap_err();
    assert!(
        matches!(&e, CoreError::YearGrade(b) if matches!(&**b, YearGradeError::AboveAllowed { allowed, .. } if allowed.code == "qualified")),
        "{e:?}"
    );
}

#[test]
fn a_grade_above_the_points_is_refused_naming_member_grade_and_allowed_and_nothing_changes() {
    let (_d, p, l, ids) = bureau();
    drop(l);
    let before = sha(&p);
    let mut l = Ledger::open(&p, None).expect("reopen");
    for (who, asked) in [(3, "excellent"), (5, "qualified"), (8, "basic")] {
        let e = l.set_final_grade(YEAR, ids[who], Some(asked)).unwrap_err();
        let CoreError::YearGrade(b) = &e else {
            panic!("{e:?}");
        };
        let YearGradeError::AboveAllowed {
            member,
            asked: a,
            allowed,
            year,
        } = &**b
        else {
            panic!("{e:?}");
        };
        assert_eq!((a.code.as_str(), *year), (asked, YEAR));
        let zh = jifen::i18n::meeting::core_error(Lang::Zh, &e);
        assert!(
            zh.contains(member.as_str())
                && zh.contains(&a.name_zh)
                && zh.contains(&allowed.name_zh),
            "{zh}"
        );
        let words = en(&e);
        assert!(
            words.contains(&a.name) && words.contains(&allowed.name),
            "{words}"
        );
    }
    let unknown = l.set_final_grade(YEAR, ids[0], Some("gold")).unwrap_err();
    assert!(
        matches!(&unknown, CoreError::YearGrade(b) if matches!(**b, YearGradeError::UnknownGrade { .. })),
        "{unknown:?}"
    );
    drop(l);
    assert_eq!(sha(&p), before, "a refusal writes nothing");
}

#[test]
fn the_branch_records_any_grade_up_to_the_points_and_default_takes_it_back() {
    let (_d, _p, mut l, ids) = bureau();
    // 综合研判: a member at 80 may be graded lower than the points allow.
    let g = l
        .set_final_grade(YEAR, ids[3], Some("basic"))
        .expect("lower");
    assert_eq!(
        (
            g.points_grade.as_deref(),
            g.final_grade.as_deref(),
            g.recorded
        ),
        (Some("qualified"), Some("basic"), true)
    );
    let same = l
        .set_final_grade(YEAR, ids[0], Some("excellent"))
        .expect("top");
    assert_eq!(same.final_grade.as_deref(), Some("excellent"));
    let back = l.set_final_grade(YEAR, ids[3], None).expect("default");
    assert_eq!(
        (back.final_grade.as_deref(), back.recorded),
        (Some("qualified"), false)
    );
    assert_eq!(
        g.choices,
        vec!["qualified", "basic", "unqualified"],
        "the picker's grades"
    );
}

#[test]
fn the_appraisal_decides_a_quota_holders_default_and_nothing_else() {
    let (_d, _p, mut l, ids) = bureau();
    let q4 = pid("2026Q4");
    l.open_appraisal(&q4, Some(5), None).expect("open");
    let v = |e: i64, q: i64, b: i64| {
        vec![
            ("excellent".to_string(), e),
            ("qualified".to_string(), q),
            ("basic".to_string(), b),
            ("unqualified".to_string(), 0),
        ]
    };
    l.record_votes(&q4, ids[0], &v(4, 1, 0)).expect("甲");
    // 乙 holds a quota place, but the room rated them 合格 (3 of 5).
    l.record_votes(&q4, ids[1], &v(1, 3, 1)).expect("乙");
    // 丁 at 80 rated 优秀: the points still allow only 合格.
    l.record_votes(&q4, ids[3], &v(5, 0, 0)).expect("丁");
    // 庚 at 75 rated 基本合格 by the room: the points say 基本合格 (应评为).
    l.record_votes(&q4, ids[6], &v(0, 0, 5)).expect("庚");
    l.close_appraisal(&q4, &[]).expect("close");
    let g = l.year_grades(YEAR).expect("grades");
    let at = |i: usize| {
        let x = g.of(ids[i]).expect("graded");
        (
            x.points_grade.as_deref().unwrap_or(""),
            x.appraisal_grade.as_deref(),
            x.final_grade.as_deref().unwrap_or(""),
        )
    };
    assert_eq!(at(0), ("excellent", Some("excellent"), "excellent"));
    assert_eq!(
        at(1),
        ("excellent", Some("qualified"), "qualified"),
        "未评为优秀的, 应评为合格"
    );
    assert_eq!(
        at(2),
        ("excellent", None, "excellent"),
        "no count: the points"
    );
    assert_eq!(at(3), ("qualified", Some("excellent"), "qualified"));
    assert_eq!(at(6), ("basic", Some("basic"), "basic"));
    // The branch may still grade 乙 优秀: the points allow it.
    let x = l
        .set_final_grade(YEAR, ids[1], Some("excellent"))
        .expect("乙");
    assert_eq!(x.final_grade.as_deref(), Some("excellent"));
}

#[test]
fn verify_replays_the_final_grades_and_finds_one_edited() {
    let (_d, p, mut l, ids) = bureau();
    l.set_final_grade(YEAR, ids[1], Some("qualified"))
        .expect("乙");
    l.set_final_grade(YEAR, ids[4], Some("basic")).expect("戊");
    l.set_final_grade(YEAR, ids[4], None).expect("戊 back");
    drop(l);
    verify(&p, None).expect("replays");
    let c = Connection::open(&p).expect("open");
    c.execute("UPDATE year_grade SET grade = 'excellent'", [])
        .expect("edit");
    drop(c);
    let e = en(&verify(&p, None).unwrap_err());
    assert!(e.contains("year_grade"), "{e}");
}

#[test]
fn a_final_year_keeps_its_grades() {
    let (_d, p, mut l, ids) = bureau();
    l.set_final_grade(YEAR, ids[1], Some("qualified"))
        .expect("乙");
    let q4 = pid("2026Q4");
    l.lock(&q4).expect("lock");
    // Locked and published, the year's grades may still be decided.
    let posted = chrono::NaiveDate::from_ymd_opt(2027, 1, 4).expect("day");
    l.publish(&q4, Some(posted)).expect("publish");
    l.set_final_grade(YEAR, ids[2], Some("qualified"))
        .expect("丙 while posted");
    let later = chrono::NaiveDate::from_ymd_opt(2027, 2, 1).expect("day");
    l.finalize(&q4, later).expect("final");
    drop(l);
    let before = sha(&p);
    let mut l = Ledger::open(&p, None).expect("reopen");
    let e = l.set_final_grade(YEAR, ids[1], Some("basic")).unwrap_err();
    assert!(
        matches!(&e, CoreError::YearGrade(b) if matches!(&**b, YearGradeError::YearFinal { period, .. } if period == "2026Q4")),
        "{e:?}"
    );
    assert!(en(&e).contains("2026Q4"), "{}", en(&e));
    drop(l);
    assert_eq!(sha(&p), before);
    // The table itself refuses, whatever writes it.
    let c = Connection::open(&p).expect("open");
    let direct = c.execute("DELETE FROM year_grade", []);
    assert!(direct.is_err(), "{direct:?}");
}
