//! Snapshots of every board mode: member under review, frozen and revealing,
//! countdown (normal, warning, overrun), message, blank, final header, and a
//! demerit scheme with its thresholds.

use crate::board_common;

use board_common::*;
use jifen::app::board_state::{BoardMode, Reveal, RevealStyle};
use jifen::app::{Ledger, MemberDraft};
use jifen::domain::model::{Category, MemberStatus, PeriodState};
use jifen::tui::board::view::{Screen, COUNTDOWN_WARN_SECS};
use jifen::tui::theme::Theme;

fn with_mode(path: &std::path::Path, mode: &BoardMode) -> String {
    console(path).set_board_mode(mode).expect("set mode");
    let view = poller(path).view(clock());
    let t = Theme::shipped("projector-dark").expect("theme");
    format!(
        "{}\n{}",
        screen(&view, &t, 80, 24),
        screen(&view, &t, 140, 40)
    )
}

#[test]
fn member_under_review() {
    let (_dir, path) = demo();
    let id = member_id(&console(&path), "吴芳");
    insta::assert_snapshot!(
        "member",
        with_mode(&path, &BoardMode::Member { member_id: id })
    );
}

#[test]
fn frozen_then_bottom_up_reveal() {
    let (_dir, path) = demo();
    let mut l = console(&path);
    let p = l.current_period().expect("period").expect("some period");
    l.freeze_board(&p).expect("freeze");
    let BoardMode::Frozen { period, rows, .. } = l.board_mode().expect("mode") else {
        panic!("not frozen");
    };
    let frozen = BoardMode::Frozen {
        at: "2026-12-20T09:30:00+08:00".into(),
        period: period.clone(),
        rows: rows.clone(),
        reveal: None,
    };
    insta::assert_snapshot!("frozen", with_mode(&path, &frozen));
    // Three rank groups stepped from the bottom: the activists' 80 (three tied)
    // and 85 under their heading, then the members' 79 (two tied).
    let revealing = BoardMode::Frozen {
        at: "2026-12-20T09:30:00+08:00".into(),
        period,
        rows,
        reveal: Some(Reveal {
            style: RevealStyle::BottomUp,
            shown: 3,
            since: "2026-12-20T09:59:50+08:00".into(),
            every_ms: None,
        }),
    };
    insta::assert_snapshot!("reveal_bottom_up", with_mode(&path, &revealing));
}

#[test]
fn countdown_normal_warning_overrun() {
    let (_dir, path) = demo();
    let mut out = String::new();
    let t = Theme::shipped("projector-dark").expect("theme");
    for (ends, role) in [
        ("2026-12-20T10:05:00+08:00", "Big"),
        ("2026-12-20T10:00:45+08:00", "Warning"),
        ("2026-12-20T09:58:30+08:00", "Deduction"),
    ] {
        console(&path)
            .set_board_mode(&BoardMode::Countdown {
                ends_at: ends.into(),
                label: "分组讨论".into(),
            })
            .expect("mode");
        let view = poller(&path).view(clock());
        let Screen::Countdown(c) = &view.screen else {
            panic!("not a countdown");
        };
        assert_eq!(format!("{:?}", c.role()), role, "{ends}");
        // The digits are painted in the role's colour.
        let want = t.style(c.role()).fg.or(Some(t.big_colour()));
        let buf = render(&view, &t, 80, 24);
        assert!(
            buf.content()
                .iter()
                .any(|cell| Some(cell.bg) == want && cell.symbol() == " "),
            "{ends}"
        );
        out.push_str(&screen(&view, &t, 80, 24));
    }
    const { assert!(COUNTDOWN_WARN_SECS >= 45) };
    insta::assert_snapshot!("countdown", out);
}

#[test]
fn message_and_blank() {
    let (_dir, path) = demo();
    let msg = with_mode(
        &path,
        &BoardMode::Message {
            text: "请各位党员准备投票".into(),
        },
    );
    insta::assert_snapshot!("message", msg);
    let blank = with_mode(&path, &BoardMode::Blank);
    assert!(
        blank.lines().all(|l| l.trim().is_empty()),
        "blank shows nothing:\n{blank}"
    );
}

#[test]
fn final_header_with_seal() {
    let (_dir, path) = demo();
    let p = poller(&path);
    let mut snap = p.snapshot().clone();
    snap.seal = Some("3f9a1c0b7d2e5a64c0ffee".into());
    // Locked and in publication are not final: appeals may still change them.
    for (state, words) in [("locked", "已封账 待公示"), ("published", "公示中 可申诉")]
    {
        snap.state = Some(state.parse().expect("a state"));
        let view = jifen::tui::board::view::build(&snap, &Default::default(), clock(), None, ZH);
        let text = screen(&view, &Theme::default(), 80, 24);
        assert!(
            text.contains(&format!("{words}  封存码 3f9a1c0b7d2e")),
            "{text}"
        );
        assert!(!text.contains("最终结果"), "{state}: {text}");
    }
    snap.state = Some(PeriodState::Final);
    let view = jifen::tui::board::view::build(&snap, &Default::default(), clock(), None, ZH);
    let text = screen(&view, &Theme::default(), 80, 24);
    assert!(text.contains("最终结果  封存码 3f9a1c0b7d2e"), "{text}");
    assert!(!text.contains("初步结果"));
    insta::assert_snapshot!("final_80x24", text);
}

/// A demerit branch (twelve-point): lower ranks higher; thresholds 6/9/12 shown.
#[test]
fn demerit_scheme_thresholds() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("d.sqlite");
    let mut l = Ledger::init(&path, "红星村党支部", "twelve-point", None).expect("init");
    let names = ["欧阳娜娜", "张伟", "李秀英", "王建国", "司马光明", "陈静"];
    l.add_members(
        &names
            .iter()
            .map(|n| MemberDraft {
                name: n.to_string(),
                category: Category::Full,
                tier: None,
                group: None,
                status: MemberStatus::Active,
            })
            .collect::<Vec<_>>(),
    )
    .expect("members");
    l.open_period("2026Q4").expect("period");
    for (name, item) in [
        ("张伟", "life.absent-leave"),
        ("陈静", "life.absent-leave"),
        ("李秀英", "life.absent"),
        ("王建国", "style.admonition"),
        ("司马光明", "decision.disobey"),
    ] {
        approve(&mut l, name, item, None, "备注", "理由");
    }
    drop(l);
    let view = poller(&path).view(clock());
    let t = Theme::shipped("high-contrast").expect("theme");
    let text = screen(&view, &t, 80, 24);
    assert!(text.contains("记分"), "{text}");
    insta::assert_snapshot!("demerit_80x24", text);
    insta::assert_snapshot!("demerit_colours_80x24", colours(&render(&view, &t, 80, 24)));
}
