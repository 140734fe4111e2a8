//! Drawing never panics, at any size from 1x1 to 300x100, in every mode.

use crate::board_common;

use board_common::*;
use jifen::app::board_state::{BoardMode, Reveal, RevealStyle};
use jifen::tui::board::snapshot::Snapshot;
use jifen::tui::board::view::{build, BoardView};
use jifen::tui::theme::Theme;
use proptest::prelude::*;
use std::sync::OnceLock;

/// Views of every mode over the demo data (built once).
fn views() -> &'static Vec<BoardView> {
    static V: OnceLock<Vec<BoardView>> = OnceLock::new();
    V.get_or_init(|| {
        let (_dir, path) = demo();
        let p = poller(&path);
        let base: Snapshot = p.snapshot().clone();
        let l = console(&path);
        let wu = member_id(&l, "吴芳");
        let member = l
            .public_statement(wu, &l.current_period().expect("p").expect("p"), true)
            .expect("statement");
        let frozen = base.rows.clone();
        let mut out = Vec::new();
        let modes = vec![
            BoardMode::Live,
            BoardMode::Blank,
            BoardMode::Message {
                text: "请各位党员准备投票,会议将于十分钟后继续".repeat(5),
            },
            BoardMode::Countdown {
                ends_at: "2026-12-20T12:00:00+08:00".into(),
                label: "分组讨论".into(),
            },
            BoardMode::Countdown {
                ends_at: "2026-12-20T09:00:00+08:00".into(),
                label: "超时".into(),
            },
            BoardMode::Countdown {
                ends_at: "garbage".into(),
                label: String::new(),
            },
            BoardMode::Member { member_id: wu },
            BoardMode::Member { member_id: -1 },
            BoardMode::Frozen {
                at: "x".into(),
                period: "2026Q4".into(),
                rows: Vec::new(),
                reveal: Some(Reveal {
                    style: RevealStyle::BottomUp,
                    shown: 1,
                    since: "2026-12-20T09:59:58+08:00".into(),
                    every_ms: Some(1500),
                }),
            },
        ];
        for mode in modes {
            let mut s = base.clone();
            s.member = matches!(mode, BoardMode::Member { member_id } if member_id == wu)
                .then(|| member.clone());
            if matches!(mode, BoardMode::Frozen { .. }) {
                s.frozen = frozen.clone();
            }
            s.mode = mode;
            out.push(build(
                &s,
                &Default::default(),
                clock(),
                Some("数据库文件不见了".into()),
                ZH,
            ));
            out.push(build(&s, &Default::default(), clock(), None, ZH));
        }
        let mut empty = Snapshot::default();
        out.push(build(&empty, &Default::default(), clock(), None, ZH));
        empty.period = Some("2026Q4".into());
        out.push(build(&empty, &Default::default(), clock(), None, ZH));
        out
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn draw_never_panics(w in 1u16..=300, h in 1u16..=100, which in 0usize..64, t in 0usize..4) {
        let vs = views();
        let view = &vs[which % vs.len()];
        let theme = Theme::shipped(Theme::shipped_names()[t]).expect("theme");
        let _ = render(view, &theme, w, h);
    }
}

#[test]
fn every_small_size_draws() {
    let theme = Theme::default();
    for view in views() {
        for w in 1..=40 {
            for h in 1..=30 {
                let _ = render(view, &theme, w, h);
            }
        }
    }
}
