//! The redemption screen (积分兑换): reached from the overview with `x`,
//! member and gift picked, the balance before and after shown, Enter
//! records, refusals say why, `u` takes it back. Drawn into TestBackend.

use crate::console_common::*;
use jifen::app::RankScope;
use jifen::i18n::Lang;
use jifen::tui::console::{App, ScreenKind};
use ratatui::crossterm::event::KeyCode;

fn open(app: &mut App) {
    ch(app, 'x');
    assert_eq!(app.screen_kind(), ScreenKind::Redeem);
}

fn scores(app: &App) -> Vec<(i64, String, u32)> {
    let p = app.ledger().current_period().expect("p").expect("period");
    app.ledger()
        .ranking(&RankScope::Period(p))
        .expect("ranking")
        .rows
        .into_iter()
        .map(|r| (r.member_id, format!("{:.2}", r.score), r.rank))
        .collect()
}

#[test]
fn redemption_screen_80x24_and_120x40() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    open(&mut app);
    for (w, h) in [(80, 24), (120, 40)] {
        let text = screen(&mut app, w, h);
        for word in [
            "积分兑换",
            "累计得分",
            "已兑换",
            "积分余额",
            "奖品",
            "所需积分",
            "库存",
            "热水壶",
            "兑换只用积分余额",
        ] {
            assert!(text.contains(word), "{w}x{h} lacks {word}:\n{text}");
        }
        insta::assert_snapshot!(format!("redeem_{w}x{h}"), text);
    }
}

#[test]
fn enter_records_a_redemption_and_u_takes_it_back() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    let before_scores = scores(&app);
    open(&mut app);
    // The first member with enough for a roll of tissue.
    let rows = app.ledger().balances(None).expect("balances");
    let i = rows
        .iter()
        .position(|r| r.balance.balance >= 2.0)
        .expect("someone");
    for _ in 0..i {
        key(&mut app, KeyCode::Down);
    }
    let (id, name, was) = (
        rows[i].member_id,
        rows[i].member.clone(),
        rows[i].balance.balance,
    );
    let text = screen(&mut app, 120, 40);
    let after = jifen::domain::model::fmt_points(was - 2.0);
    let preview = format!(
        "抽纸(一卷) 1 件, 共 2 分; 余额 {} -> {after}",
        jifen::domain::model::fmt_points(was)
    );
    assert!(text.contains(&preview), "{preview}:\n{text}");
    key(&mut app, KeyCode::Enter);
    let b = app.ledger().balance_of(id, None).expect("balance");
    assert_eq!(b.balance, was - 2.0);
    assert!(app
        .status()
        .expect("status")
        .starts_with(&format!("{name} 兑换 抽纸(一卷) 1 件")));
    assert_eq!(
        scores(&app),
        before_scores,
        "spending moves no score or rank"
    );
    ch(&mut app, 'u');
    let asked = screen(&mut app, 120, 40);
    assert!(
        asked.contains(&format!("{name} 兑换的 抽纸(一卷) 1 件")),
        "{asked}"
    );
    ch(&mut app, 'y');
    assert_eq!(app.ledger().balance_of(id, None).expect("b").balance, was);
    assert_eq!(app.screen_kind(), ScreenKind::Redeem);
}

#[test]
fn beyond_the_stock_or_the_balance_is_refused_with_the_reason() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    open(&mut app);
    let head = app.ledger().journal_head().expect("head");
    // The hair dryer (3 in stock), four of them.
    key(&mut app, KeyCode::Tab);
    for _ in 0..3 {
        key(&mut app, KeyCode::Down);
    }
    for _ in 0..3 {
        ch(&mut app, '+');
    }
    let text = screen(&mut app, 80, 24);
    assert!(
        text.contains("不能兑换: 吹风机 库存只剩 3 件, 要兑换 4 件"),
        "{text}"
    );
    key(&mut app, KeyCode::Enter);
    assert!(app.status().expect("status").contains("库存只剩 3 件"));
    assert_eq!(app.ledger().journal_head().expect("head"), head);
    // One dryer is more than a member with nothing can spend.
    ch(&mut app, '-');
    ch(&mut app, '-');
    ch(&mut app, '-');
    key(&mut app, KeyCode::Tab);
    let rows = app.ledger().balances(None).expect("balances");
    let poor = rows
        .iter()
        .position(|r| r.balance.balance < 20.0)
        .expect("someone");
    for _ in 0..poor {
        key(&mut app, KeyCode::Down);
    }
    let text = screen(&mut app, 120, 40);
    assert!(text.contains("余额不足, 未兑换"), "{text}");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.ledger().journal_head().expect("head"), head);
}
