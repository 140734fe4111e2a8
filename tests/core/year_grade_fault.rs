//! A final grade (评定等次) the points no longer allow, in the core: seed
//! 000's "80 分(含 80 分)以上且排名靠前的, 可评为优秀 ... 70-79 分评为基本
//! 合格" worked by hand. 优秀 is recorded at 82 with the one quota place of
//! five members; 3 points off (a late verdict, or an upheld appeal's
//! correction after the lock) leave 79, which allows at most 基本合格. The
//! lock and the final of the period that ends the year refuse, naming the
//! member, the grade and the grade allowed, with nothing written; a period
//! that does not end the year is not held; an undo of a final grade gives
//! the grade before and is refused once the year is final.

use crate::common::{approved, en, ledger, member};
use jifen::app::appeals::AppealOutcome;
use jifen::app::year_grade::{GradeFault, YearGradeError};
use jifen::app::{CoreError, Ledger};
use jifen::domain::model::{Category, PeriodId};
use jifen::i18n::Lang;
use sha2::{Digest, Sha256};
use std::path::Path;

const YEAR: i32 = 2026;

fn pid(s: &str) -> PeriodId {
    s.parse().expect("period")
}

fn sha(p: &Path) -> String {
    hex::encode(Sha256::digest(std::fs::read(p).expect("read db")))
}

fn day(m: u32, d: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2027, m, d).expect("day")
}

/// Bureau-80, 2026Q3 and 2026Q4 open: 欧阳娜娜 82 (+2 in Q4), 李娜 81
/// (+1), 张伟 and 刘洋 80, 王芳 78 (-2). One 优秀 place (20% of five):
/// 欧阳娜娜's. Her final grade recorded 优秀.
fn bureau() -> (tempfile::TempDir, std::path::PathBuf, Ledger, Vec<i64>) {
    let (d, p, mut l) = ledger("bureau-80");
    let ids: Vec<i64> = ["欧阳娜娜", "张伟", "王芳", "李娜", "刘洋"]
        .iter()
        .map(|n| member(&mut l, n, Category::Full, None))
        .collect();
    l.open_period("2026Q3").expect("open Q3");
    l.open_period("2026Q4").expect("open Q4");
    approved(&mut l, ids[0], "2026Q4", "other.suggestion", None, None);
    approved(&mut l, ids[3], "2026Q4", "other.blood", None, None);
    approved(&mut l, ids[2], "2026Q4", "purpose.service", None, None);
    let g = l
        .set_final_grade(YEAR, ids[0], Some("excellent"))
        .expect("优秀 at 82 with the place");
    assert_eq!(g.points_grade.as_deref(), Some("excellent"));
    assert!(g.final_allowed);
    (d, p, l, ids)
}

/// 欧阳娜娜's (year score, points grade, final grade, final allowed).
fn top(l: &Ledger, id: i64) -> (f64, String, String, bool) {
    let r = l.ranking(&jifen::app::RankScope::Year(YEAR)).expect("rank");
    let g = l.year_grades_of(YEAR, &r).expect("grades");
    let row = r.rows.iter().find(|x| x.member_id == id).expect("ranked");
    let f = g.of(id).expect("graded");
    (
        row.score,
        f.points_grade.clone().unwrap_or_default(),
        f.final_grade.clone().unwrap_or_default(),
        f.final_allowed,
    )
}

/// The faults a refusal names.
fn faults(e: &CoreError) -> Vec<GradeFault> {
    match e {
        CoreError::YearGrade(b) => match &**b {
            YearGradeError::AboveAtSeal { faults, .. } => faults.clone(),
            other => panic!("{other:?}"),
        },
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_late_verdict_holds_the_lock_of_the_years_last_quarter_only() {
    let (_d, p, mut l, ids) = bureau();
    // -3 in Q3 (a delay that harmed the unit's goals): 82 - 3 = 79.
    approved(&mut l, ids[0], "2026Q3", "duty.delay", None, None);
    assert_eq!(
        top(&l, ids[0]),
        (79.0, "basic".into(), "excellent".into(), false)
    );
    // Q3 does not end the year: it locks.
    l.lock(&pid("2026Q3")).expect("Q3 locks");
    let before = sha(&p);
    let e = l.lock(&pid("2026Q4")).unwrap_err();
    let f = faults(&e);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].member, "欧阳娜娜");
    assert_eq!(f[0].grade.code, "excellent");
    assert_eq!(
        f[0].allowed.as_ref().map(|a| a.code.as_str()),
        Some("basic")
    );
    let zh = jifen::i18n::meeting::core_error(Lang::Zh, &e);
    assert!(
        zh.contains("2026Q4") && zh.contains("欧阳娜娜「优秀」") && zh.contains("「基本合格」"),
        "{zh}"
    );
    let words = en(&e);
    assert!(
        words.contains("欧阳娜娜 Excellent") && words.contains("at most Basic"),
        "{words}"
    );
    assert_eq!(sha(&p), before, "nothing written");
    // 合格 is still above 79; 基本合格 is allowed and clears the fault.
    assert!(l.set_final_grade(YEAR, ids[0], Some("qualified")).is_err());
    let g = l
        .set_final_grade(YEAR, ids[0], Some("basic"))
        .expect("基本合格");
    assert!(g.final_allowed);
    assert!(l.year_grade_faults(YEAR).expect("faults").is_empty());
    l.lock(&pid("2026Q4")).expect("Q4 locks");
}

#[test]
fn an_upheld_appeal_after_the_lock_holds_the_years_final_and_an_undo_then() {
    let (_d, p, mut l, ids) = bureau();
    let q4 = pid("2026Q4");
    l.lock(&q4).expect("lock");
    l.publish(&q4, Some(day(1, 4))).expect("publish");
    // The appeal upheld posts a correction: 3 more off on duty.delay.
    let a = l
        .file_appeal(ids[0], &q4, None, "另有延误未计", day(1, 5))
        .expect("appeal");
    l.reply_appeal(
        a,
        AppealOutcome::Upheld,
        "属实",
        Some(("duty.delay", 3.0)),
        day(1, 6),
    )
    .expect("upheld");
    assert_eq!(
        top(&l, ids[0]),
        (79.0, "basic".into(), "excellent".into(), false)
    );
    let before = sha(&p);
    let e = l.finalize(&q4, day(2, 1)).unwrap_err();
    assert_eq!(faults(&e)[0].member, "欧阳娜娜", "{e:?}");
    assert_eq!(sha(&p), before, "nothing written");
    // 基本合格 recorded; an undo gives 优秀 back (the record before, a fault
    // again) as one journal event.
    l.set_final_grade(YEAR, ids[0], Some("basic"))
        .expect("基本合格");
    let head = l.journal_head().expect("head");
    let said = l.undo_last().expect("undo");
    assert!(
        said.contains("final grade basic") && said.contains("excellent"),
        "{said}"
    );
    assert_eq!(l.journal_head().expect("head"), head + 1);
    assert_eq!(top(&l, ids[0]).2, "excellent");
    l.set_final_grade(YEAR, ids[0], Some("basic"))
        .expect("基本合格 again");
    l.finalize(&q4, day(2, 1)).expect("final");
    // The year is final: an undo of its grade is refused, nothing written.
    let before = sha(&p);
    let e = l.undo_last().unwrap_err();
    assert!(
        matches!(&e, CoreError::YearGrade(b) if matches!(&**b, YearGradeError::YearFinal { .. })),
        "{e:?}"
    );
    assert_eq!(sha(&p), before);
    assert_eq!(top(&l, ids[0]).2, "basic");
}
