//! Points redemption (积分兑换, seed 004's community branch): the gift
//! catalogue in scheme files, balances, refusals, stock, locks, undo, verify.

use crate::common;
use common::*;
use jifen::app::undo::UndoScope;
use jifen::app::CoreError;
use jifen::domain::model::{Category, Outcome, PeriodId};
use jifen::domain::redemption::RedeemError;
use jifen::domain::scheme::Scheme;

fn p(s: &str) -> PeriodId {
    s.parse().expect("period")
}

/// A bureau-80 branch in 2026Q4 with 张伟 and 欧阳娜娜: 张伟 has a province
/// speech (+5), a blood donation (+1), an adjusted suggestion (2 -> 1) and a
/// dues deduction (-1); a rejected and a pending bonus claim do not count.
fn branch() -> (
    tempfile::TempDir,
    std::path::PathBuf,
    jifen::app::Ledger,
    i64,
    i64,
) {
    let (d, path, mut l) = ledger("bureau-80");
    l.open_period("2026Q4").expect("open");
    let zw = member(&mut l, "张伟", Category::Full, None);
    let on = member(&mut l, "欧阳娜娜", Category::Probationary, None);
    approved(&mut l, zw, "2026Q4", "work.speech", Some("province"), None);
    approved(&mut l, zw, "2026Q4", "other.blood", None, None);
    let s = claim(&mut l, zw, "2026Q4", "other.suggestion", None, None);
    l.verdict(s, Outcome::Adjusted, Some(1.0), Some("部分采纳"))
        .expect("adjust");
    approved(&mut l, zw, "2026Q4", "discipline.dues", None, None);
    let r = claim(&mut l, zw, "2026Q4", "other.poverty", None, None);
    l.verdict(r, Outcome::Rejected, None, Some("材料不全"))
        .expect("reject");
    claim(&mut l, zw, "2026Q4", "other.blood", None, None);
    approved(&mut l, on, "2026Q4", "other.blood", None, None);
    (d, path, l, zw, on)
}

#[test]
fn the_demo_scheme_ships_the_community_gifts() {
    let (s, _) = Scheme::builtin("bureau-80").expect("bureau-80");
    let codes: Vec<&str> = s.gifts().iter().map(|g| g.code.as_str()).collect();
    assert_eq!(
        codes,
        ["gift.tissue", "gift.soap", "gift.kettle", "gift.hair-dryer"]
    );
    let kettle = s.redemption.as_ref().and_then(|r| r.gift("热水壶"));
    assert_eq!(kettle.map(|g| (g.points, g.stock)), Some((15.0, Some(5))));
    // A scheme without the section has no gifts.
    assert!(Scheme::builtin("twelve-point")
        .expect("tp")
        .0
        .gifts()
        .is_empty());
}

fn with_gifts(gifts: &str) -> String {
    let (_, text) = Scheme::builtin("village-quarterly").expect("scheme");
    format!("{text}\n[redemption]\n{gifts}")
}

#[test]
fn bad_gift_catalogues_are_refused_naming_file_line_and_field() {
    let cases = [
        (
            "[[redemption.gifts]]\ncode = \"g.a\"\ntitle = \"A\"\npoints = 0\n",
            "points",
            "above 0",
        ),
        (
            "[[redemption.gifts]]\ncode = \"g.a\"\ntitle = \"A\"\npoints = -2\n",
            "points",
            "above 0",
        ),
        (
            "[[redemption.gifts]]\ncode = \"g.a\"\ntitle = \"A\"\npoints = 2\nstock = -1\n",
            "stock",
            "zero or more",
        ),
        (
            "[[redemption.gifts]]\ncode = \"g.a\"\ntitle = \"A\"\npoints = 2\n[[redemption.gifts]]\ncode = \"g.a\"\ntitle = \"B\"\npoints = 3\n",
            "code",
            "duplicate gift 'g.a'",
        ),
        (
            "[[redemption.gifts]]\ncode = \"g.a\"\ntitle = \"A\"\npoints = inf\n",
            "points",
            "finite",
        ),
        (
            "[[redemption.gifts]]\ncode = \"g.a\"\ntitle = \"A\"\npoints = 200000\n",
            "points",
            "beyond",
        ),
    ];
    for (gifts, field, words) in cases {
        let text = with_gifts(gifts);
        let e = Scheme::parse("gifts.toml", &text).expect_err(gifts);
        assert_eq!(e.file, "gifts.toml");
        assert!(e.field.ends_with(field), "{gifts}: field {}", e.field);
        let said = jifen::i18n::errors::scheme(jifen::i18n::Lang::En, &e);
        assert!(said.contains(words), "{gifts}: {said}");
        let zh = jifen::i18n::errors::scheme(jifen::i18n::Lang::Zh, &e);
        assert!(zh.contains("gifts.toml"), "{zh}");
        // The line is the gift's own line for the field.
        let line = text.lines().nth(e.line - 1).unwrap_or_default();
        assert!(
            line.trim_start().starts_with(field),
            "{gifts}: line {} is {line}",
            e.line
        );
    }
    // A stock of 1.5 is not a whole number.
    let e = Scheme::parse(
        "gifts.toml",
        &with_gifts(
            "[[redemption.gifts]]\ncode = \"g.a\"\ntitle = \"A\"\npoints = 2\nstock = 1.5\n",
        ),
    )
    .expect_err("stock 1.5");
    assert_eq!(e.field, "stock");
    let ok = with_gifts(
        "[[redemption.gifts]]\ncode = \"g.a\"\ntitle = \"A\"\npoints = 2.5\nstock = 0\n",
    );
    assert_eq!(
        Scheme::parse("gifts.toml", &ok)
            .expect("good")
            .gifts()
            .len(),
        1
    );
}

#[test]
fn the_balance_is_decided_bonus_points_less_points_spent() {
    let (_d, _p, mut l, zw, on) = branch();
    // +5 +1 +1 (adjusted): deductions, rejected and pending claims do not count.
    let b = l.balance_of(zw, None).expect("balance");
    assert_eq!((b.earned, b.spent, b.balance), (7.0, 0.0, 7.0));
    let score = score(&l, q("2026Q4"), zw);
    let r = l
        .redeem(zw, "香皂(一块)", 2, &p("2026Q4"), true)
        .expect("two bars of soap");
    assert_eq!((r.cost, r.before.balance, r.after.balance), (6.0, 7.0, 1.0));
    assert_eq!(l.balance_of(zw, None).expect("b").spent, 6.0);
    // Spending changes no score.
    assert_eq!(common::score(&l, q("2026Q4"), zw), score);
    let all = l.balances(None).expect("all");
    let names: Vec<(&str, f64)> = all
        .iter()
        .map(|r| (r.member.as_str(), r.balance.balance))
        .collect();
    assert_eq!(names, [("张伟", 1.0), ("欧阳娜娜", 1.0)]);
    let _ = on;
}

#[test]
fn beyond_the_balance_is_refused_and_nothing_changes() {
    let (_d, _p, mut l, zw, _) = branch();
    let head = l.journal_head().expect("head");
    let e = l
        .redeem(zw, "gift.kettle", 1, &p("2026Q4"), true)
        .expect_err("a kettle costs 15, the balance is 7");
    assert!(matches!(
        e,
        CoreError::Redeem(RedeemError::OverBalance { cost, balance, .. }) if cost == 15.0 && balance == 7.0
    ));
    assert_eq!(l.journal_head().expect("head"), head);
    assert!(l.redemptions(None).expect("rows").is_empty());
    for (gift, count) in [
        ("gift.nothing", 1),
        ("gift.tissue", 0),
        ("gift.tissue", 101),
    ] {
        assert!(l.redeem(zw, gift, count, &p("2026Q4"), true).is_err());
    }
    assert_eq!(l.journal_head().expect("head"), head);
}

#[test]
fn stock_is_never_exceeded() {
    let (_d, _p, mut l, zw, _) = branch();
    for _ in 0..20 {
        approved(&mut l, zw, "2026Q4", "work.speech", Some("national"), None);
    }
    // 207 points; 3 hair dryers in stock at 20 each.
    l.redeem(zw, "gift.hair-dryer", 2, &p("2026Q4"), false)
        .expect("two");
    let e = l
        .redeem(zw, "gift.hair-dryer", 2, &p("2026Q4"), false)
        .expect_err("one left");
    assert!(matches!(
        e,
        CoreError::Redeem(RedeemError::OverStock {
            left: 1,
            wanted: 2,
            ..
        })
    ));
    l.redeem(zw, "gift.hair-dryer", 1, &p("2026Q4"), false)
        .expect("the last");
    let row = l
        .gift_rows()
        .expect("gifts")
        .into_iter()
        .find(|g| g.gift.code == "gift.hair-dryer")
        .expect("dryer");
    assert_eq!((row.given, row.left), (3, Some(0)));
    assert!(l
        .redeem(zw, "gift.hair-dryer", 1, &p("2026Q4"), false)
        .is_err());
}

#[test]
fn undo_takes_a_redemption_back_and_verify_replays_it() {
    let (_d, path, mut l, zw, _) = branch();
    l.redeem(zw, "gift.tissue", 1, &p("2026Q4"), true)
        .expect("tissue");
    l.redeem(zw, "gift.soap", 1, &p("2026Q4"), true)
        .expect("soap");
    assert_eq!(l.balance_of(zw, None).expect("b").balance, 2.0);
    let plan = l.undo_plan(UndoScope::Branch).expect("plan");
    assert_eq!(plan.steps.len(), 1);
    assert_eq!(
        (jifen::i18n::Lang::Zh.words().meeting.undo_step)(&plan.steps[0]),
        "张伟 兑换的 香皂(一块) 1 件"
    );
    l.undo(&plan, UndoScope::Branch).expect("undo");
    assert_eq!(l.balance_of(zw, None).expect("b").balance, 5.0);
    let rows = l.redemptions(Some(&p("2026Q4"))).expect("rows");
    assert_eq!(
        rows.iter().map(|r| r.gift.as_str()).collect::<Vec<_>>(),
        ["gift.tissue"]
    );
    drop(l);
    let r = jifen::app::verify(&path, None).expect("verify");
    assert!(r.events > 0);
    // A row written behind the journal's back is found.
    let c = rusqlite::Connection::open(&path).expect("open");
    c.execute(
        "INSERT INTO redemption (id, branch_id, period, member_id, gift, count, points, at)
         VALUES (99, 1, '2026Q4', ?1, 'gift.kettle', 1, 15, 'x')",
        [zw],
    )
    .expect("tamper");
    drop(c);
    let e = jifen::app::verify(&path, None).expect_err("tampered");
    assert!(e.to_string().contains("redemption"), "{e}");
}

#[test]
fn an_undone_redemptions_number_is_never_given_again() {
    let (_d, _path, mut l, zw, _) = branch();
    let first = l
        .redeem(zw, "gift.tissue", 1, &p("2026Q4"), true)
        .expect("tissue");
    let slip = l
        .redeem(zw, "gift.soap", 1, &p("2026Q4"), true)
        .expect("soap");
    let plan = l.undo_plan(UndoScope::Branch).expect("plan");
    l.undo(&plan, UndoScope::Branch).expect("undo");
    // The soap's slip (its number) was handed out and taken back: the next
    // redemption gets a new number, so two slips never share one.
    let next = l
        .redeem(zw, "gift.soap", 1, &p("2026Q4"), true)
        .expect("soap again");
    assert_eq!((first.id, slip.id), (1, 2));
    assert_eq!(next.id, 3);
}

#[test]
fn a_locked_period_takes_no_redemption_and_keeps_its_own() {
    let (_d, path, mut l, zw, on) = branch();
    l.redeem(on, "gift.tissue", 1, &p("2026Q4"), true).err();
    l.redeem(zw, "gift.tissue", 1, &p("2026Q4"), true)
        .expect("tissue");
    // Settle what is pending, then lock.
    for c in l.claims(&Default::default()).expect("claims") {
        if c.status == jifen::domain::model::ClaimStatus::Pending {
            l.verdict(c.id, Outcome::Rejected, None, Some("重复"))
                .expect("reject");
        }
    }
    l.lock(&p("2026Q4")).expect("lock");
    let e = l
        .redeem(zw, "gift.tissue", 1, &p("2026Q4"), true)
        .expect_err("locked");
    assert!(matches!(e, CoreError::PeriodClosed { .. }), "{e}");
    assert!(matches!(
        l.undo_plan(UndoScope::Branch),
        Err(CoreError::UndoPastLock(_))
    ));
    // Not behind the ledger's back either.
    let c = rusqlite::Connection::open(&path).expect("open");
    assert!(c.execute("DELETE FROM redemption", []).is_err());
    assert!(c
        .execute(
            "INSERT INTO redemption (id, branch_id, period, member_id, gift, count, points, at)
             VALUES (99, 1, '2026Q4', ?1, 'gift.soap', 1, 3, 'x')",
            [zw]
        )
        .is_err());
    // The next quarter spends what is left.
    l.open_period("2027Q1").expect("next");
    let r = l
        .redeem(zw, "gift.tissue", 2, &p("2027Q1"), true)
        .expect("next quarter");
    assert_eq!((r.before.balance, r.after.balance), (5.0, 1.0));
}
