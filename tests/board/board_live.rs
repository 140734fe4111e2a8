//! The board follows the database: a verdict from another connection is drawn
//! on the next poll, nothing is re-read when nothing changed, private words
//! never reach the screen, and a lost database is reported and recovered.

use crate::board_common;

use board_common::*;
use chrono::Duration;
use jifen::app::board_state::BoardMode;
use jifen::tui::board::view::Screen;
use jifen::tui::theme::Theme;

fn row_line<'a>(text: &'a str, name: &str) -> &'a str {
    text.lines().find(|l| l.contains(name)).unwrap_or("")
}

#[test]
fn verdict_from_another_connection_is_drawn_on_next_poll() {
    let (_dir, path) = demo();
    let mut p = poller(&path);
    let theme = Theme::default();
    let before = screen(&p.view(clock()), &theme, 140, 40);
    assert!(row_line(&before, "赵敏").contains("79"), "{before}");

    // Nothing committed: the poll neither re-reads nor reports a change.
    let reads = p.reads;
    assert!(!p.poll(clock()));
    assert_eq!(p.reads, reads);

    // The console approves a 5-point claim for 赵敏 (79 -> 84, rank 34 -> 2
    // among the members; the activists are ranked apart).
    let mut console = console(&path);
    approve(
        &mut console,
        "赵敏",
        "work.speech",
        Some("province"),
        "发言",
        "属实",
    );
    let now = clock() + Duration::milliseconds(100);
    assert!(p.poll(now), "the next poll sees the commit");
    assert_eq!(p.reads, reads + 1);
    let after = screen(&p.view(now), &theme, 140, 40);
    assert!(
        after.contains("赵 敏"),
        "赵敏 is now in the top three:\n{after}"
    );
    assert!(after.contains("第2名  升32"), "the move is shown:\n{after}");
    // 邓丽君 went from 2 to 3, still on the podium.
    assert!(
        after.contains("邓 丽 君") && after.contains("第3名  降1"),
        "{after}"
    );

    // The move marks fade after a while.
    let later = clock() + Duration::seconds(40);
    let faded = screen(&p.view(later), &theme, 140, 40);
    assert!(!faded.contains("升32") && !faded.contains("降1"), "{faded}");
}

#[test]
fn board_mode_change_is_drawn_on_next_poll() {
    let (_dir, path) = demo();
    let mut p = poller(&path);
    console(&path)
        .set_board_mode(&BoardMode::Message {
            text: "休会十分钟".into(),
        })
        .expect("mode");
    assert!(p.poll(clock()));
    assert_eq!(p.view(clock()).screen, Screen::Message("休会十分钟".into()));
}

const SECRETS: [&str; 5] = [
    "绝密备注甲乙丙",
    "证据绝密备注甲乙丙",
    "不予公开理由丁戊",
    "驳回理由辛壬",
    "争议内容己庚",
];

#[test]
fn reasons_notes_evidence_disputes_never_appear() {
    let (_dir, path) = demo();
    let mut l = console(&path);
    approve(
        &mut l,
        "吴芳",
        "work.speech",
        Some("city"),
        SECRETS[0],
        SECRETS[2],
    );
    let wu = member_id(&l, "吴芳");
    let c = l
        .add_claim(&jifen::app::ClaimDraft {
            member_id: wu,
            item: "discipline.dues".into(),
            level: None,
            count: 1,
            points: None,
            date: Some("2026-11-30".into()),
            note: Some(SECRETS[0].into()),
            evidence: None,
            period: None,
            source: jifen::domain::model::ClaimSource::Secretary,
            verdict: None,
            reason: None,
        })
        .expect("claim");
    l.verdict(
        c,
        jifen::domain::model::Outcome::Rejected,
        None,
        Some(SECRETS[3]),
    )
    .expect("reject");
    let p = l.current_period().expect("period").expect("some");
    // A member signs (or disputes) once nothing of theirs is pending.
    l.approve_all(wu, &p).expect("approve the rest");
    l.confirm(wu, &p, Some(SECRETS[4])).expect("dispute");
    let modes = [BoardMode::Live, BoardMode::Member { member_id: wu }];
    for mode in modes {
        l.set_board_mode(&mode).expect("mode");
        let view = poller(&path).view(clock());
        // Not in the view model at all...
        let model = format!("{view:?}");
        // ...and not on screen at any size.
        let mut shown = String::new();
        for (w, h) in [(80, 24), (140, 40), (240, 70)] {
            shown.push_str(&screen(&view, &Theme::default(), w, h));
        }
        for s in SECRETS {
            assert!(!model.contains(s), "{s} in the view model of {mode:?}");
            assert!(!shown.contains(s), "{s} on screen in {mode:?}");
        }
        if matches!(mode, BoardMode::Member { .. }) {
            assert!(
                shown.contains("工作在会议发言交流"),
                "public item titles do show:\n{shown}"
            );
        }
    }
}

#[test]
fn lost_database_is_reported_and_recovered() {
    let (dir, path) = demo();
    let mut p = poller(&path);
    let aside = dir.path().join("aside.sqlite");
    std::fs::rename(&path, &aside).expect("move away");
    let t1 = clock() + Duration::seconds(1);
    assert!(p.poll(t1), "losing the file is a change");
    let view = p.view(t1 + Duration::seconds(3));
    let trouble = view.trouble.clone().expect("trouble shown");
    assert!(
        trouble.contains("数据库文件不见了") && trouble.contains("3 秒"),
        "{trouble}"
    );
    // The last ranking stays up under the notice.
    assert!(matches!(view.screen, Screen::Ranking(_)));
    let text = screen(&view, &Theme::default(), 80, 24);
    assert!(text.contains("数据库文件不见了"), "{text}");

    std::fs::rename(&aside, &path).expect("move back");
    let t2 = t1 + Duration::seconds(5);
    assert!(p.poll(t2), "recovered");
    assert!(p.view(t2).trouble.is_none());

    // A file that is not a database: reported, then recovered when fixed.
    std::fs::rename(&path, &aside).expect("move away");
    std::fs::write(&path, b"not a database").expect("junk");
    let t3 = t2 + Duration::seconds(2);
    p.poll(t3);
    assert!(p.view(t3).trouble.is_some());
    std::fs::rename(&aside, &path).expect("move back");
    let t4 = t3 + Duration::seconds(2);
    p.poll(t4);
    assert!(p.view(t4).trouble.is_none());
}

#[test]
fn a_stuck_reader_is_reported_as_a_long_lock() {
    let (_dir, path) = demo();
    let frame = poller(&path).frame();
    assert!(frame.view(clock(), None).trouble.is_none());
    let view = frame.view(clock(), Some(12));
    let line = view.trouble.clone().expect("trouble");
    assert!(
        line.contains("数据库被长时间锁定") && line.contains("12 秒"),
        "{line}"
    );
    assert!(
        matches!(view.screen, Screen::Ranking(_)),
        "the last ranking stays up"
    );
}
