//! The lock screen's meeting prompt: `m` opens the minutes' place, host and
//! recorder, filled with what is recorded; Enter records them (one journal
//! event), so the minutes print them; after the lock the record is refused.

use crate::console_common::{ch, demo, key, screen, typed};
use jifen::domain::model::PeriodId;
use jifen::i18n::Lang;
use ratatui::crossterm::event::KeyCode;

fn q4() -> PeriodId {
    "2026Q4".parse().expect("period")
}

#[test]
fn the_lock_screen_records_place_host_and_recorder() {
    for (lang, title, place) in [
        (Lang::Zh, "会议记录", "地点"),
        (Lang::En, "Minutes", "Place"),
    ] {
        let (_d, _path, mut app) = demo(lang);
        ch(&mut app, '4');
        let s = screen(&mut app, 80, 24);
        let hint = if lang == Lang::Zh {
            "m 会议信息"
        } else {
            "m meeting record"
        };
        assert!(s.contains(hint), "{lang:?}: footer lacks {hint}:\n{s}");
        ch(&mut app, 'm');
        let s = screen(&mut app, 80, 24);
        assert!(app.has_overlay(), "{s}");
        assert!(s.contains(title) && s.contains(place), "{lang:?}:\n{s}");
        typed(&mut app, "党员活动室");
        key(&mut app, KeyCode::Tab);
        typed(&mut app, "王五");
        key(&mut app, KeyCode::Tab);
        typed(&mut app, "刘洋");
        key(&mut app, KeyCode::Enter);
        assert!(!app.has_overlay(), "{:?}", app.status());
        let r = app.ledger().meeting(&q4()).expect("record");
        assert_eq!(r.place.as_deref(), Some("党员活动室"));
        assert_eq!(r.host.as_deref(), Some("王五"));
        assert_eq!(r.recorder.as_deref(), Some("刘洋"));
        assert!(
            app.status().is_some_and(|s| s.contains("王五")),
            "{:?}",
            app.status()
        );
        // Opened again, the prompt shows what is recorded.
        ch(&mut app, 'm');
        assert!(screen(&mut app, 80, 24).contains("党员活动室"));
        key(&mut app, KeyCode::Esc);
    }
}

#[test]
fn a_bad_name_keeps_the_prompt_open_with_the_reason() {
    let (_d, _path, mut app) = demo(Lang::Zh);
    ch(&mut app, '4');
    ch(&mut app, 'm');
    key(&mut app, KeyCode::Tab);
    typed(&mut app, &"长".repeat(61));
    key(&mut app, KeyCode::Enter);
    assert!(app.has_overlay(), "refused, the prompt stays");
    let s = screen(&mut app, 120, 34);
    assert!(s.contains("主持人"), "{s}");
    assert_eq!(app.ledger().meeting(&q4()).expect("record").host, None);
}

#[test]
fn after_the_lock_the_prompt_is_refused_with_the_reason() {
    let (_d, path, mut app) = demo(Lang::Zh);
    {
        let mut l = jifen::app::Ledger::open(&path, None).expect("ledger");
        let pending = l
            .claims(&jifen::app::ClaimFilter {
                period: Some("2026Q4".into()),
                pending_only: true,
                ..Default::default()
            })
            .expect("claims");
        for c in pending {
            l.verdict(c.id, jifen::domain::model::Outcome::Approved, None, None)
                .expect("approve");
        }
        l.lock(&q4()).expect("lock");
    }
    ch(&mut app, '4');
    ch(&mut app, 'm');
    assert!(!app.has_overlay(), "no prompt on a locked period");
    let s = app.status().unwrap_or_default().to_string();
    assert!(s.contains("2026Q4"), "{s}");
}
