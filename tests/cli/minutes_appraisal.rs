//! The minutes record the appraisal's ballots (发出/收回/有效) when one was
//! held in the period, read from the ledger, and say nothing of one that
//! was not.

use crate::common::{ledger, member};
use jifen::app::RankScope;
use jifen::domain::model::{Attendance, Category};
use jifen::export::{export, Paper, PaperFormat};

/// Four full members, three present at 2026Q3's assembly; `appraise`: an
/// appraisal held with one spoiled ballot, closed before the lock. The
/// minutes' HTML in Chinese and in English.
fn minutes(appraise: bool) -> (String, String) {
    let (dir, _db, mut l) = ledger("bureau-80");
    let p = l.open_period("2026Q3").expect("open");
    let ids: Vec<i64> = ["欧阳娜娜", "张伟", "孙丽", "李娜"]
        .iter()
        .map(|n| member(&mut l, n, Category::Full, None))
        .collect();
    l.start_session(&p).expect("session");
    for m in &ids[..3] {
        l.mark_attendance(*m, &p, Attendance::Present)
            .expect("mark");
    }
    for m in &ids {
        l.approve_all(*m, &p).expect("decide the marks' claims");
    }
    if appraise {
        assert_eq!(l.open_appraisal(&p, None, None).expect("open").issued, 3);
        l.appraisal_returned(&p, 3, 1).expect("one spoiled");
        for m in &ids {
            l.record_votes(&p, *m, &[("excellent".to_string(), 2)])
                .expect("votes");
        }
        l.close_appraisal(&p, &[]).expect("close");
    }
    l.lock(&p).expect("lock");
    let read = |zh: bool| {
        let out = dir.path().join(if zh { "zh" } else { "en" });
        let path = export(
            &l,
            Paper::Minutes,
            &RankScope::Period(p),
            PaperFormat::Html,
            &out,
            zh,
        )
        .expect("minutes");
        std::fs::read_to_string(path).expect("html")
    };
    (read(true), read(false))
}

#[test]
fn the_minutes_carry_the_ballots_of_the_appraisal_held() {
    let (zh, en) = minutes(true);
    assert!(zh.contains("民主测评"), "{zh}");
    assert!(zh.contains("发出测评票 3 张，收回 3 张，有效 2 张"), "{zh}");
    let words = jifen::i18n::EN.papers;
    assert!(en.contains(&(words.ballots_line)(3, 3, 2)), "{en}");
}

#[test]
fn minutes_without_an_appraisal_name_none() {
    let (zh, _) = minutes(false);
    assert!(!zh.contains("测评票"), "{zh}");
}
