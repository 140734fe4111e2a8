//! Each scheme's rules, worked by hand from its seed document.

use crate::common;
use common::*;
use jifen::app::RankScope;
use jifen::domain::model::Category::{Full, Probationary};
use jifen::domain::scheme::Scheme;

fn year(y: i32) -> RankScope {
    RankScope::Year(y)
}

#[test]
fn every_builtin_scheme_loads() {
    for (id, _) in jifen::domain::scheme::BUILTIN {
        let (s, _) = Scheme::builtin(id).unwrap_or_else(|| panic!("{id} loads"));
        assert_eq!(s.id, *id);
        assert!(!s.items.is_empty());
    }
}

// ---- A bureau-80 (seed 000): 80 + bonuses - deductions, floor 0, veto -> 0 ----

#[test]
fn bureau_base_bonus_deduction_and_levels() {
    let (_d, _p, mut l) = ledger("bureau-80");
    l.open_period("2026Q1").unwrap();
    let a = member(&mut l, "欧阳娜娜", Full, None);
    approved(&mut l, a, "2026Q1", "work.speech", Some("province"), None); // +5
    approved(&mut l, a, "2026Q1", "other.blood", None, None); // +1
    approved(&mut l, a, "2026Q1", "discipline.dues", None, None); // -1
    approved(&mut l, a, "2026Q1", "duty.criticism", Some("city"), None); // -2
    assert_eq!(score(&l, q("2026Q1"), a), 83.0);
}

#[test]
fn bureau_never_below_zero_and_veto_zeroes_the_year() {
    let (_d, _p, mut l) = ledger("bureau-80");
    l.open_period("2026Q1").unwrap();
    l.open_period("2026Q2").unwrap();
    let a = member(&mut l, "张伟", Full, None);
    let b = member(&mut l, "李娜", Full, None);
    for _ in 0..9 {
        approved(
            &mut l,
            a,
            "2026Q1",
            "discipline.inspection",
            Some("above"),
            None,
        ); // -10 each
    }
    assert_eq!(score(&l, q("2026Q1"), a), 0.0);
    approved(
        &mut l,
        b,
        "2026Q1",
        "work.innovation",
        Some("national"),
        None,
    ); // +15
    approved(&mut l, b, "2026Q2", "veto.law", None, None);
    assert_eq!(score(&l, q("2026Q1"), b), 95.0);
    assert_eq!(score(&l, year(2026), b), 0.0);
}

#[test]
fn bureau_grades_quota_probationary_hold_and_bottom_talk() {
    let (_d, _p, mut l) = ledger("bureau-80");
    l.open_period("2026Q1").unwrap();
    // Ten members; bonuses give 95, 90, 88, 85, 80, 80, 79, 75, 70, 60.
    let plan: [(&str, i32); 10] = [
        ("甲", 15),
        ("乙", 10),
        ("丙", 8),
        ("丁", 5),
        ("戊", 0),
        ("己", 0),
        ("庚", -1),
        ("辛", -5),
        ("壬", -10),
        ("癸", -20),
    ];
    let mut ids = Vec::new();
    for (name, delta) in plan {
        let cat = if name == "庚" { Probationary } else { Full };
        let m = member(&mut l, name, cat, None);
        let mut left = delta;
        while left >= 5 {
            approved(&mut l, m, "2026Q1", "work.major-task", None, Some(5.0));
            left -= 5;
        }
        if left > 0 {
            approved(
                &mut l,
                m,
                "2026Q1",
                "work.major-task",
                None,
                Some(left as f64),
            );
        }
        while left <= -3 {
            approved(&mut l, m, "2026Q1", "politics.rumor", None, None); // -3
            left += 3;
        }
        while left < 0 {
            approved(&mut l, m, "2026Q1", "politics.improper", None, None); // -1
            left += 1;
        }
        ids.push(m);
    }
    let r = l.ranking(&year(2026)).unwrap();
    let by = |m: i64| r.rows.iter().find(|x| x.member_id == m).unwrap().clone();
    let scores: Vec<f64> = ids.iter().map(|m| by(*m).score).collect();
    assert_eq!(
        scores,
        vec![95.0, 90.0, 88.0, 85.0, 80.0, 80.0, 79.0, 75.0, 70.0, 60.0]
    );
    // Excellent quota: 20% of 10 = 2, from the top among those >= 80.
    let grades: Vec<String> = ids
        .iter()
        .map(|m| by(*m).grade.as_deref().unwrap_or_default().to_string())
        .collect();
    assert_eq!(
        grades,
        vec![
            "excellent",
            "excellent",
            "qualified",
            "qualified",
            "qualified",
            "qualified",
            "basic",
            "basic",
            "basic",
            "unqualified"
        ]
    );
    // Ties share a rank: the two 80s are both 5th, next is 7th.
    assert_eq!(by(ids[4]).rank, 5);
    assert_eq!(by(ids[5]).rank, 5);
    assert_eq!(by(ids[6]).rank, 7);
    // Probationary below 80 for the year: not converted on schedule.
    assert!(by(ids[6]).actions.contains(&"conversion-hold".to_string()));
    assert!(!by(ids[4]).actions.contains(&"conversion-hold".to_string()));
    // Bottom 10% (one member): admonition talk.
    assert_eq!(by(ids[9]).actions, vec!["talk".to_string()]);
    // The branch may change the excellent quota.
    l.set_setting("excellent_quota", serde_json::json!(0.4))
        .unwrap();
    let r = l.ranking(&year(2026)).unwrap();
    let excellent = r
        .rows
        .iter()
        .filter(|x| x.grade.as_deref() == Some("excellent"))
        .count();
    assert_eq!(excellent, 4);
}

#[test]
fn bureau_refuses_bad_claims_listing_what_is_allowed() {
    let (_d, _p, mut l) = ledger("bureau-80");
    l.open_period("2026Q1").unwrap();
    let s = l.scheme().clone();
    let e = s.price_claim("work.nonsense", None, 1, None).unwrap_err();
    assert_eq!(e.field(), jifen::domain::scheme::ClaimField::Item);
    let e = price_words(&e);
    assert!(
        e.contains("unknown item 'work.nonsense'") && e.contains("work.speech"),
        "{e}"
    );
    let e = s
        .price_claim("work.speech", Some("unit"), 1, None)
        .unwrap_err();
    let e = price_words(&e);
    assert!(
        e.contains("no level 'unit'") && e.contains("city = 3") && e.contains("national = 10"),
        "{e}"
    );
    let e = s.price_claim("work.speech", None, 1, None).unwrap_err();
    assert_eq!(e.field(), jifen::domain::scheme::ClaimField::Level);
    let e = price_words(&e);
    assert!(e.contains("needs a level"), "{e}");
    let e = s
        .price_claim("work.major-task", None, 1, Some(6.0))
        .unwrap_err();
    let e = price_words(&e);
    assert!(
        e.contains("outside the bounds") && e.contains("0 to 5"),
        "{e}"
    );
    let e = s
        .price_claim("other.branch", None, 1, Some(0.5))
        .unwrap_err();
    let e = price_words(&e);
    assert!(e.contains("1 to 2"), "{e}");
    assert_eq!(
        s.price_claim("work.written", Some("province"), 2, None),
        Ok(6.0)
    );
}

// ---- B twelve-point (seed 002): demerits 0..12, lower is better ----

#[test]
fn twelve_point_thresholds_offsets_and_cap() {
    let (_d, _p, mut l) = ledger("twelve-point");
    l.open_period("2026Q1").unwrap();
    l.open_period("2026Q2").unwrap();
    let a = member(&mut l, "王芳", Full, None);
    let b = member(&mut l, "赵强", Full, None);
    let c = member(&mut l, "孙丽", Full, None);
    let d = member(&mut l, "周杰", Full, None);
    approved(&mut l, a, "2026Q1", "life.absent", None, None); // 6
    let ra = row(&l, q("2026Q1"), a);
    assert_eq!(ra.score, 6.0);
    assert!(ra.actions.contains(&"reminder".into()));
    approved(&mut l, a, "2026Q2", "style.talk", None, None); // 9 year to date
    let ra = row(&l, q("2026Q2"), a);
    assert_eq!(
        ra.score, 9.0,
        "a quarter shows the year's accumulated demerits"
    );
    assert!(ra.actions.contains(&"warning".into()) && !ra.actions.contains(&"reminder".into()));
    approved(&mut l, a, "2026Q2", "offset.volunteer", None, None); // -2 -> 7
    assert_eq!(score(&l, q("2026Q2"), a), 7.0);
    // Cap 12 and "12 at once".
    approved(&mut l, b, "2026Q1", "life.absent", None, None);
    approved(&mut l, b, "2026Q1", "style.notice", None, None);
    approved(&mut l, b, "2026Q1", "wish.uncompleted", None, None);
    assert_eq!(score(&l, q("2026Q1"), b), 12.0);
    approved(&mut l, c, "2026Q1", "petition.illegal", None, None);
    let rc = row(&l, q("2026Q1"), c);
    assert_eq!(rc.score, 12.0);
    assert!(rc.actions.contains(&"unqualified".into()));
    // Offsets never take a member below zero.
    approved(&mut l, d, "2026Q1", "offset.volunteer", None, None);
    assert_eq!(score(&l, q("2026Q1"), d), 0.0);
    // Lower ranks higher; ties share.
    let r = l.ranking(&q("2026Q1")).unwrap();
    assert!(r.lower_is_better);
    let ranks: Vec<(i64, u32)> = r.rows.iter().map(|x| (x.member_id, x.rank)).collect();
    assert_eq!(ranks[0], (d, 1));
    assert!(ranks.contains(&(a, 2)));
    assert!(ranks.contains(&(b, 3)) && ranks.contains(&(c, 3)));
}

#[test]
fn twelve_point_admonition_makes_a_warning_member() {
    let (_d, _p, mut l) = ledger("twelve-point");
    l.open_period("2026Q1").unwrap();
    let a = member(&mut l, "钱多多", Full, None);
    approved(&mut l, a, "2026Q1", "style.admonition", None, None);
    let r = row(&l, q("2026Q1"), a);
    assert_eq!(r.score, 9.0);
    assert!(r.actions.contains(&"warning".into()));
    assert!(r.actions.contains(&"no-award".into()));
}

// ---- C star-rating (seed 003): common 60 + star 40, half-yearly, quotas ----

#[test]
fn star_rating_quotas_and_common_part_gate() {
    let (_d, _p, mut l) = ledger("star-rating");
    l.open_period("2026H1").unwrap();
    // Twenty members scoring 100 down to 81 (common 60, star 40..21).
    let mut ids = Vec::new();
    for i in 0..20 {
        let m = member(&mut l, &format!("党员{i:02}"), Full, None);
        approved(&mut l, m, "2026H1", "common", None, Some(60.0));
        approved(&mut l, m, "2026H1", "star", None, Some(40.0 - i as f64));
        ids.push(m);
    }
    // Common part below 50: no star whatever the total.
    let low = member(&mut l, "共性不足", Full, None);
    approved(&mut l, low, "2026H1", "common", None, Some(45.0));
    approved(&mut l, low, "2026H1", "star", None, Some(40.0));
    let weak = member(&mut l, "低分", Full, None);
    approved(&mut l, weak, "2026H1", "common", None, Some(40.0));
    approved(&mut l, weak, "2026H1", "star", None, Some(5.0));
    let r = l.ranking(&q("2026H1")).unwrap();
    let stars = |m: i64| r.rows.iter().find(|x| x.member_id == m).unwrap().stars;
    // N = 22: 5 stars round(2.2) = 2, 4 stars round(3.3) = 3, 3 stars round(4.4) = 4.
    let got: Vec<Option<u8>> = ids.iter().map(|m| stars(*m)).collect();
    let mut want = vec![Some(5); 2];
    want.extend(vec![Some(4); 3]);
    want.extend(vec![Some(3); 4]);
    want.extend(vec![None; 11]);
    assert_eq!(got, want);
    assert_eq!(stars(low), None);
    let w = r.rows.iter().find(|x| x.member_id == weak).unwrap();
    assert_eq!(w.score, 45.0);
    // Under 60 is a talk, under 50 the double warning as well (seed 003).
    assert_eq!(
        w.actions,
        vec!["talk".to_string(), "double-warning".to_string()]
    );
}

#[test]
fn star_rating_part_caps() {
    let (_d, _p, mut l) = ledger("star-rating");
    l.open_period("2026H1").unwrap();
    let m = member(&mut l, "张三", Full, None);
    approved(&mut l, m, "2026H1", "common", None, Some(40.0));
    approved(&mut l, m, "2026H1", "common", None, Some(30.0));
    approved(&mut l, m, "2026H1", "star", None, Some(15.0));
    let r = row(&l, q("2026H1"), m);
    assert_eq!(r.score, 75.0, "common part holds at 60");
    assert_eq!(r.actions, Vec::<String>::new());
}

// ---- D company-60-40 (seed 004): parts with caps, quarterly stars, year = average ----

#[test]
fn company_parts_caps_stars_and_excellent_rule() {
    let (_d, _p, mut l) = ledger("company-60-40");
    for p in ["2026Q1", "2026Q2", "2026Q3", "2026Q4"] {
        l.open_period(p).unwrap();
    }
    let x = member(&mut l, "优秀者", Full, None);
    let y = member(&mut l, "起伏者", Full, None);
    let z = member(&mut l, "落后者", Full, None);
    // x: 95 every quarter -> 5 stars each, year 95 -> excellent.
    for p in ["2026Q1", "2026Q2", "2026Q3", "2026Q4"] {
        approved(&mut l, x, p, "general.bonus", None, Some(5.0));
        approved(&mut l, x, p, "general.bonus", None, Some(3.0)); // part cap 5
    }
    assert_eq!(score(&l, q("2026Q1"), x), 95.0);
    // y: 95, 95, 70, 95 -> average 88.75 -> 4 stars for the year; Q3 has 3 stars.
    for p in ["2026Q1", "2026Q2", "2026Q4"] {
        approved(&mut l, y, p, "custom.bonus", None, Some(5.0));
    }
    approved(&mut l, y, "2026Q3", "general.veto", None, Some(10.0));
    approved(&mut l, y, "2026Q3", "general.veto", None, Some(10.0));
    approved(&mut l, y, "2026Q3", "general.veto", None, Some(10.0)); // part cap 20 -> 70
    assert_eq!(score(&l, q("2026Q3"), y), 70.0);
    assert_eq!(row(&l, q("2026Q3"), y).stars, Some(3));
    // z: custom part deductions capped at 10, general 15 -> 65 every quarter -> 2 stars.
    for p in ["2026Q1", "2026Q2", "2026Q3", "2026Q4"] {
        approved(&mut l, z, p, "custom.veto", None, Some(10.0));
        approved(&mut l, z, p, "custom.veto", None, Some(5.0));
        approved(&mut l, z, p, "general.veto", None, Some(10.0));
        approved(&mut l, z, p, "general.veto", None, Some(5.0));
    }
    assert_eq!(score(&l, q("2026Q2"), z), 65.0);
    let yx = row(&l, year(2026), x);
    assert_eq!(
        (yx.score, yx.stars, yx.grade.as_deref()),
        (95.0, Some(5), Some("excellent"))
    );
    let yy = row(&l, year(2026), y);
    assert_eq!(
        (yy.score, yy.stars, yy.grade.as_deref()),
        (88.75, Some(4), Some("qualified"))
    );
    let yz = row(&l, year(2026), z);
    assert_eq!(
        (yz.score, yz.stars, yz.grade.as_deref()),
        (65.0, Some(2), Some("basic"))
    );
    assert_eq!(yz.actions, vec!["talk".to_string()]);
    assert_eq!(yz.period_scores, vec![Some(65.0); 4]);
}

#[test]
fn company_five_stars_but_one_weak_quarter_is_not_excellent() {
    let (_d, _p, mut l) = ledger("company-60-40");
    for p in ["2026Q1", "2026Q2", "2026Q3", "2026Q4"] {
        l.open_period(p).unwrap();
    }
    let m = member(&mut l, "差一季", Full, None);
    for p in ["2026Q1", "2026Q2", "2026Q4"] {
        approved(&mut l, m, p, "general.bonus", None, Some(5.0));
        approved(&mut l, m, p, "custom.bonus", None, Some(5.0)); // 100
    }
    approved(&mut l, m, "2026Q3", "general.veto", None, Some(10.0)); // 80: 4 stars
    approved(&mut l, m, "2026Q3", "custom.veto", None, Some(1.0)); // 79: 3 stars
    let y = row(&l, year(2026), m);
    assert_eq!(y.score, 94.75);
    assert_eq!(y.stars, Some(5));
    assert_eq!(y.grade.as_deref(), Some("qualified"));
}

// ---- E pipeline-75-25 (seed 004): conduct 75 + appraisal x50% + reward <= 10 ----

#[test]
fn pipeline_quarter_and_year() {
    let (_d, _p, mut l) = ledger("pipeline-75-25");
    for p in ["2026Q1", "2026Q2", "2026Q3", "2026Q4"] {
        l.open_period(p).unwrap();
    }
    let m = member(&mut l, "管道工", Full, None);
    for (p, study) in [
        ("2026Q1", 30.0),
        ("2026Q2", 30.0),
        ("2026Q3", 26.0),
        ("2026Q4", 30.0),
    ] {
        approved(&mut l, m, p, "conduct.study", None, Some(study));
        approved(&mut l, m, p, "conduct.achievement", None, Some(18.0));
        approved(&mut l, m, p, "conduct.service", None, Some(8.0));
        approved(&mut l, m, p, "conduct.discipline", None, Some(8.0));
        approved(&mut l, m, p, "conduct.integrity", None, Some(6.0));
    }
    approved(&mut l, m, "2026Q2", "appraisal", None, Some(24.0)); // x 50% = 12
    approved(&mut l, m, "2026Q4", "appraisal", None, Some(22.0)); // x 50% = 11
    approved(&mut l, m, "2026Q2", "reward.article-external", None, None); // 5
    approved(&mut l, m, "2026Q2", "reward.commend-group", None, None); // 5
    approved(&mut l, m, "2026Q2", "reward.commend-company", None, None); // 3 -> capped 10
    assert_eq!(score(&l, q("2026Q1"), m), 70.0);
    let q2 = row(&l, q("2026Q2"), m);
    assert_eq!(q2.score, 92.0);
    assert_eq!(q2.grade.as_deref(), Some("excellent"));
    // Year: conduct averaged (70+70+66+70)/4 = 69, appraisals 12 + 11, rewards 10.
    let y = row(&l, year(2026), m);
    assert_eq!(y.score, 102.0);
    // Conduct items refuse points above their bound.
    let e = l
        .scheme()
        .price_claim("conduct.study", None, 1, Some(35.0))
        .unwrap_err();
    let e = price_words(&e);
    assert!(e.contains("0 to 33"), "{e}");
}

#[test]
fn pipeline_violation_forces_unqualified_and_two_in_a_row_get_mentoring() {
    let (_d, _p, mut l) = ledger("pipeline-75-25");
    for p in ["2026Q1", "2026Q2", "2026Q3"] {
        l.open_period(p).unwrap();
    }
    let a = member(&mut l, "违纪者", Full, None);
    let b = member(&mut l, "低分者", Full, None);
    approved(&mut l, a, "2026Q1", "conduct.study", None, Some(33.0));
    approved(&mut l, a, "2026Q1", "conduct.achievement", None, Some(20.0));
    approved(&mut l, a, "2026Q1", "conduct.service", None, Some(8.0));
    approved(&mut l, a, "2026Q1", "conduct.discipline", None, Some(8.0));
    approved(&mut l, a, "2026Q1", "conduct.integrity", None, Some(6.0));
    approved(&mut l, a, "2026Q1", "reward.other", None, Some(10.0));
    approved(&mut l, a, "2026Q1", "veto.violation", None, None);
    let ra = row(&l, q("2026Q1"), a);
    assert_eq!(ra.score, 85.0);
    assert_eq!(ra.grade.as_deref(), Some("unqualified"));
    for p in ["2026Q1", "2026Q2", "2026Q3"] {
        approved(&mut l, b, p, "conduct.study", None, Some(20.0));
    }
    assert_eq!(row(&l, q("2026Q1"), b).actions, vec!["talk".to_string()]);
    let r2 = row(&l, q("2026Q2"), b);
    assert!(r2.actions.contains(&"mentoring".into()), "{:?}", r2.actions);
}

// ---- F village-tiered (seed 004): tier bases + the year's points ----

#[test]
fn village_tiered_bases_and_grades() {
    let (_d, _p, mut l) = ledger("village-tiered");
    l.open_period("2026Q1").unwrap();
    l.open_period("2026Q2").unwrap();
    let sec = member(&mut l, "村书记", Full, Some(1));
    let dep = member(&mut l, "副书记", Full, Some(2));
    let old = member(&mut l, "老党员", Full, Some(4));
    for (m, p, pts) in [
        (sec, "2026Q1", 20.0),
        (sec, "2026Q2", 20.0),
        (sec, "2026Q2", 15.0),
        (dep, "2026Q1", 20.0),
        (dep, "2026Q2", 20.0),
        (old, "2026Q1", 15.0),
    ] {
        approved(&mut l, m, p, "vanguard.role", None, Some(pts));
    }
    approved(&mut l, old, "2026Q2", "violation.conduct", None, Some(4.0));
    assert_eq!(score(&l, q("2026Q1"), sec), 30.0);
    assert_eq!(
        score(&l, q("2026Q2"), sec),
        65.0,
        "a quarter shows the year so far"
    );
    let y = |l: &jifen::app::Ledger, m| row(l, year(2026), m);
    assert_eq!(
        (y(&l, sec).score, y(&l, sec).grade.as_deref()),
        (65.0, Some("true-colour"))
    );
    assert_eq!(
        (y(&l, dep).score, y(&l, dep).grade.as_deref()),
        (60.0, Some("true-colour"))
    );
    assert_eq!(
        (y(&l, old).score, y(&l, old).grade.as_deref()),
        (61.0, Some("true-colour"))
    );
    approved(&mut l, dep, "2026Q2", "basic.duty", None, Some(20.0));
    assert_eq!(
        (y(&l, dep).score, y(&l, dep).grade.as_deref()),
        (80.0, Some("vanguard"))
    );
    // A tier the scheme lacks is refused.
    let e = l.check_member(&jifen::app::MemberDraft {
        name: "x".into(),
        category: Full,
        tier: Some(9),
        group: None,
        status: jifen::domain::model::MemberStatus::Active,
    });
    assert!(matches!(
        e.unwrap_err(),
        jifen::app::MemberError::TierNotInScheme { tier: 9, .. }
    ));
}

// ---- G village-quarterly (seed 004): 100 a quarter, year = sum / 4, repeats ----

#[test]
fn village_quarterly_year_is_sum_over_four_and_repeats_escalate() {
    let (_d, _p, mut l) = ledger("village-quarterly");
    for p in ["2026Q1", "2026Q2", "2026Q3"] {
        l.open_period(p).unwrap();
    }
    let a = member(&mut l, "徐德品", Full, None);
    let b = member(&mut l, "王玉声", Probationary, None);
    approved(&mut l, a, "2026Q1", "bonus.contribution", None, Some(5.0));
    assert_eq!(
        score(&l, q("2026Q1"), a),
        105.0,
        "points above 100 are reward points"
    );
    for p in ["2026Q1", "2026Q2", "2026Q3"] {
        approved(&mut l, b, p, "deduction.violation", None, Some(40.0));
        approved(&mut l, b, p, "deduction.violation", None, Some(5.0));
    }
    let r1 = row(&l, q("2026Q1"), b);
    assert_eq!((r1.score, r1.grade.as_deref()), (55.0, Some("below-basic")));
    assert!(
        r1.actions.contains(&"rectify".into()) && r1.actions.contains(&"probation-extended".into())
    );
    let r2 = row(&l, q("2026Q2"), b);
    assert!(r2.actions.contains(&"admonition".into()) && !r2.actions.contains(&"rectify".into()));
    let r3 = row(&l, q("2026Q3"), b);
    assert!(r3.actions.contains(&"organisational".into()));
    // Year = (105 + 100 + 100) / 4 with one quarter not held.
    assert_eq!(score(&l, year(2026), a), 76.25);
    assert_eq!(score(&l, year(2026), b), 41.25);
}

/// A pricing error as an English reader reads it.
fn price_words(e: &jifen::domain::scheme::PriceError) -> String {
    jifen::i18n::errors::price(jifen::i18n::Lang::En, e)
}
