//! The appraisal's rules (民主测评): the grade from votes as a table and as a
//! property, the raters' mean, the points a grade gives, and each seed's
//! example worked by hand.

use jifen::domain::appraisal::{grade, mean, median_grade, points_for, representatives};
use jifen::domain::scheme::{ResultRule, Scheme};

/// Grades from the top: 0 优秀, 1 合格, 2 基本合格, 3 不合格.
const TABLE: &[(&[u32], u32, Option<usize>)] = &[
    // (votes per grade from the top, valid ballots, grade)
    (&[16, 10, 3, 1], 30, Some(0)), // 16 of 30 pass half at once
    (&[15, 10, 3, 2], 30, Some(1)), // 15 is half, not more: 25 at 合格
    (&[14, 10, 4, 2], 30, Some(1)), // seed 004's example below
    (&[5, 5, 5, 15], 30, Some(3)),  // 15 at 基本合格, 30 at 不合格
    (&[5, 5, 6, 14], 30, Some(2)),  // 16 at 基本合格
    (&[0, 0, 0, 30], 30, Some(3)),  //
    (&[10, 2, 0, 0], 30, None),     // 18 blank: no grade passes half
    (&[0, 0, 0, 0], 0, None),       // no valid ballot
    (&[1, 0, 0, 0], 1, Some(0)),    // one ballot decides
    (&[0, 1, 0, 0], 2, None),       // one of two is half
];

#[test]
fn the_median_grade_by_table() {
    for (counts, valid, want) in TABLE {
        assert_eq!(
            median_grade(counts, *valid),
            *want,
            "{counts:?} of {valid} valid ballots"
        );
        assert_eq!(grade(ResultRule::Median, counts, *valid), *want);
    }
}

/// A small deterministic generator (no crate needed).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: u32) -> u32 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % u64::from(below.max(1))) as u32
    }
}

/// Lower is better: `None` (no grade) ranks below every grade.
fn rank(g: Option<usize>) -> usize {
    g.map_or(usize::MAX, |i| i)
}

#[test]
fn more_excellent_votes_never_lower_a_grade() {
    let mut r = Lcg(19);
    for rule in [ResultRule::Median] {
        for _ in 0..20_000 {
            let grades = 2 + r.next(4) as usize;
            let counts: Vec<u32> = (0..grades).map(|_| r.next(12)).collect();
            let blank = r.next(5);
            let valid = counts.iter().sum::<u32>() + blank;
            let before = rank(grade(rule, &counts, valid));
            // One more ballot, marked 优秀.
            let mut more = counts.clone();
            more[0] += 1;
            let added = rank(grade(rule, &more, valid + 1));
            assert!(
                added <= before,
                "{rule:?}: {counts:?}+blank {blank}: a new 优秀 ballot"
            );
            // One vote (or a blank) of the same ballots moved up to 优秀.
            let from = r.next(grades as u32 + 1) as usize;
            let mut moved = counts.clone();
            match from {
                f if f < grades && moved[f] > 0 => {
                    moved[f] -= 1;
                    moved[0] += 1;
                }
                f if f == grades && blank > 0 => moved[0] += 1,
                _ => continue,
            }
            let after = rank(grade(rule, &moved, valid));
            assert!(
                after <= before,
                "{rule:?}: {counts:?}: a vote moved to 优秀"
            );
        }
    }
}

fn pipeline() -> Scheme {
    Scheme::builtin("pipeline-75-25").expect("built-in").0
}

#[test]
fn seed_004_hand_worked_grade_and_points() {
    // 评议积分: 30 ballots back, all valid. 14 优秀, 10 合格, 4 基本合格, 2 不合格:
    // from the top, 14 is not more than 15; 14 + 10 = 24 is: 合格, 15-22 points,
    // 22 by default (the top), x50% = 11 in the quarter.
    let s = pipeline();
    let a = s.appraisal.as_ref().expect("[appraisal]");
    let g = median_grade(&[14, 10, 4, 2], 30).expect("a grade");
    let c = &a.choices[g];
    assert_eq!(c.title_in(true), "合格");
    assert_eq!(points_for(c, None), Ok(Some(22.0)));
    let w = s.item("appraisal").and_then(|i| i.weight).expect("weight");
    assert_eq!(22.0 * w, 11.0);
    // 优秀 at 24 (the branch chooses within 23-25): 24 x 50% = 12.
    assert_eq!(points_for(&a.choices[0], Some(24.0)), Ok(Some(24.0)));
    assert_eq!(24.0 * w, 12.0);
    // 26 is outside 优秀's 23-25; 不合格 gives 0 (不得分).
    assert!(points_for(&a.choices[0], Some(26.0)).is_err());
    assert_eq!(points_for(&a.choices[3], None), Ok(Some(0.0)));
    // "14分以下": 基本合格 from 0 to 14.
    assert_eq!(a.choices[2].range(), Some((0.0, 14.0)));
}

#[test]
fn seed_003_hand_worked_representatives_and_means() {
    // 一般为党员数的20%: 12 members -> 2 representatives (2.4), 13 -> 3 (2.6).
    let s = Scheme::builtin("star-rating").expect("built-in").0;
    let a = s.appraisal.as_ref().expect("[appraisal]");
    let share = a.representatives.expect("a share");
    assert_eq!(representatives(share, 12), 2);
    assert_eq!(representatives(share, 13), 3);
    // Five raters score 基础分 (max 60): 52, 55, 58, 60, 50 -> mean 55;
    // dropping the highest and lowest: (52 + 55 + 58) / 3 = 55.
    let common = [52.0, 55.0, 58.0, 60.0, 50.0];
    assert_eq!(mean(&common, a.drop_extremes), Some(55.0));
    assert_eq!(mean(&common, true), Some(55.0));
    // 评星分 (max 40): 30, 35, 40 -> 35; dropped: 35.
    assert_eq!(mean(&[30.0, 35.0, 40.0], false), Some(35.0));
    // 36, 38, 20: a low outlier. Plain 31.33; dropped: 36.
    assert_eq!(mean(&[36.0, 38.0, 20.0], false), Some(31.33));
    assert_eq!(mean(&[36.0, 38.0, 20.0], true), Some(36.0));
    let parts: Vec<_> = a.parts.iter().map(|p| (p.code.as_str(), p.max)).collect();
    assert_eq!(parts, [("common", 60.0), ("star", 40.0)]);
}

#[test]
fn seed_001_and_000_year_grades_are_the_schemes_grades() {
    // 民主测评 at the year's end gives a grade shown beside the points grade.
    for id in ["bureau-80", "company-60-40"] {
        let s = Scheme::builtin(id).expect("built-in").0;
        let a = s.appraisal.as_ref().expect("[appraisal]");
        assert_eq!(a.feeds, jifen::domain::scheme::Feeds::YearGrade, "{id}");
        for c in &a.choices {
            assert!(s.grade(&c.code).is_some(), "{id}: {}", c.code);
            assert_eq!(points_for(c, None), Ok(None), "no points: {id}");
        }
        // 20 valid: 8 优秀, 5 合格 -> 13 pass 10 at 合格.
        assert_eq!(median_grade(&[8, 5, 4, 3], 20), Some(1));
    }
}

#[test]
fn a_bad_appraisal_section_is_worded_in_both_languages() {
    let base = jifen::domain::scheme::BUILTIN
        .iter()
        .find(|(id, _)| *id == "pipeline-75-25")
        .map(|(_, t)| *t)
        .expect("built-in");
    let bad = base.replace("min = 15\nmax = 22", "min = 15\nmax = 22\npoints = 30");
    let e = Scheme::parse("pipeline.toml", &bad).expect_err("30 outside 15-22");
    assert_eq!(e.field, "points");
    let line = bad.lines().position(|l| l == "points = 30").map(|i| i + 1);
    assert_eq!(Some(e.line), line);
    let zh = jifen::i18n::errors::scheme(jifen::i18n::Lang::Zh, &e);
    let en = jifen::i18n::errors::scheme(jifen::i18n::Lang::En, &e);
    assert!(
        zh.contains("测评等次「qualified」") && zh.contains("30 不在 15 至 22 之间"),
        "{zh}"
    );
    assert!(
        en.contains("appraisal choice 'qualified'") && en.contains("30 is outside 15 to 22"),
        "{en}"
    );
    let fixed = base.replace(
        "item = \"appraisal\"\n\n[[appraisal",
        "item = \"reward.commend-group\"\n\n[[appraisal",
    );
    let e = Scheme::parse("pipeline.toml", &fixed).expect_err("fixed points");
    let zh = jifen::i18n::errors::scheme(jifen::i18n::Lang::Zh, &e);
    assert!(zh.contains("分值是固定的"), "{zh}");
}

#[test]
fn every_appraisal_word_is_there_in_both_languages() {
    for lang in [jifen::i18n::Lang::Zh, jifen::i18n::Lang::En] {
        let w = jifen::i18n::appraisal::appraisal_words(lang);
        for word in [
            w.title,
            w.ballot_paper,
            w.result_paper,
            w.member,
            w.blank,
            w.counted,
            w.grade,
            w.points,
            w.rater,
            w.issued,
            w.returned,
            w.spoiled,
            w.valid,
            w.representatives,
            w.complete,
            w.incomplete,
            w.open,
            w.closed,
            w.vote_note,
            w.score_note,
            w.secret_note,
            w.counted_by,
            w.checked_by,
            w.number,
        ] {
            assert!(!word.trim().is_empty(), "{lang:?}");
        }
        let line = (w.ballots_line)(12, 2, 11, 1, 10);
        assert!(line.contains("12") && line.contains("10"), "{line}");
    }
    let zh = jifen::i18n::appraisal::appraisal_words(jifen::i18n::Lang::Zh);
    assert_eq!(
        (zh.recorded)("欧阳娜娜", 9, 12, Some("优秀")),
        "欧阳娜娜: 已计 9/12 张, 当前等次 优秀"
    );
}
