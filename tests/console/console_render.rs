//! Every console screen rendered into TestBackend at 80x24 and 120x40 with
//! the Chinese demo branch, snapshotted as text.

use crate::console_common;

use console_common::{ch, demo, key, screen};
use jifen::i18n::Lang;
use jifen::tui::console::App;
use ratatui::crossterm::event::KeyCode;

fn both_sizes(name: &str, app: &mut App) {
    insta::assert_snapshot!(format!("{name}_80x24"), screen(app, 80, 24));
    insta::assert_snapshot!(format!("{name}_120x40"), screen(app, 120, 40));
}

#[test]
fn overview() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    both_sizes("overview", &mut app);
}

#[test]
fn roll_call() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    ch(&mut app, '1');
    both_sizes("roll_call", &mut app);
}

#[test]
fn members_and_claims() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    ch(&mut app, '2');
    both_sizes("members", &mut app);
    key(&mut app, KeyCode::Tab);
    both_sizes("members_claims_pane", &mut app);
}

#[test]
fn members_in_english() {
    let (_d, _p, mut app) = demo(Lang::En);
    ch(&mut app, '2');
    both_sizes("members_en", &mut app);
}

#[test]
fn confirmation() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    ch(&mut app, '3');
    both_sizes("confirm", &mut app);
}

#[test]
fn lock_checklist() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    ch(&mut app, '4');
    both_sizes("lock", &mut app);
}

#[test]
fn year_view() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    ch(&mut app, '5');
    both_sizes("year", &mut app);
}

#[test]
fn help_overlay() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    ch(&mut app, '2');
    ch(&mut app, '?');
    both_sizes("help", &mut app);
}

#[test]
fn board_popup() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    ch(&mut app, '2');
    ch(&mut app, 'b');
    both_sizes("board_popup", &mut app);
}

#[test]
fn adjust_prompt() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    ch(&mut app, '2');
    ch(&mut app, 'e');
    both_sizes("adjust_prompt", &mut app);
}

#[test]
fn new_claim_form() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    ch(&mut app, '2');
    ch(&mut app, 'n');
    console_common::typed(&mut app, "献血");
    both_sizes("new_claim", &mut app);
}

#[test]
fn new_claim_form_level_picker() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    ch(&mut app, '2');
    ch(&mut app, 'n');
    console_common::typed(&mut app, "会议发言");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Right);
    both_sizes("new_claim_level", &mut app);
}

#[test]
fn too_small_and_tiny_sizes_never_panic() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    insta::assert_snapshot!("too_small_60x12", screen(&mut app, 60, 12));
    for screen_key in ['1', '2', '3', '4', '5', '6'] {
        ch(&mut app, screen_key);
        for (w, h) in [
            (1, 1),
            (2, 2),
            (10, 3),
            (79, 24),
            (80, 23),
            (80, 24),
            (81, 25),
            (200, 60),
        ] {
            screen(&mut app, w, h);
        }
        ch(&mut app, '?');
        screen(&mut app, 80, 24);
        key(&mut app, KeyCode::Esc);
        key(&mut app, KeyCode::Esc);
    }
}

#[test]
fn lock_sealed_with_summary() {
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
    }
    ch(&mut app, '4');
    key(&mut app, KeyCode::Enter);
    // Not quorate (nobody was called): lock anyway.
    ch(&mut app, 'y');
    console_common::typed(&mut app, "2026Q4");
    key(&mut app, KeyCode::Enter);
    let q4: jifen::domain::model::PeriodId = "2026Q4".parse().expect("period");
    let seal = app
        .ledger()
        .period_row(&q4)
        .expect("query")
        .and_then(|r| r.seal)
        .expect("sealed");
    // The papers are offered at once, then the summary is under them.
    assert!(app.has_overlay(), "{:?}", app.status());
    for (w, h) in [(80, 24), (120, 40)] {
        let text = screen(&mut app, w, h).replace(&seal, "<seal>");
        insta::assert_snapshot!(format!("lock_papers_{w}x{h}"), text);
    }
    key(&mut app, KeyCode::Esc);
    for (w, h) in [(80, 24), (120, 40)] {
        let text = screen(&mut app, w, h).replace(&seal, "<seal>");
        insta::assert_snapshot!(format!("lock_sealed_{w}x{h}"), text);
    }
}

#[test]
fn pending_claims_are_drawn_in_the_warning_role() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    ch(&mut app, '2');
    let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).expect("t");
    term.draw(|f| app.draw(f)).expect("draw");
    let buf = term.backend().buffer();
    let warning = jifen::tui::theme::Theme::default().style(jifen::tui::theme::Role::Warning);
    let cell = (38..80)
        .flat_map(|x| (2..20).map(move |y| (x, y)))
        .map(|(x, y)| &buf[(x, y)])
        .find(|c| c.symbol() == "待")
        .expect("a pending claim on screen");
    assert_eq!(cell.fg, warning.fg.unwrap_or_default());
}

#[test]
fn a_large_branch_stays_fast() {
    use jifen::app::{Ledger, MemberDraft};
    use jifen::domain::model::{Category, MemberStatus};
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("big.sqlite");
    let mut l = Ledger::init(&path, "大支部", "bureau-80", None).expect("init");
    let drafts: Vec<MemberDraft> = (0..900)
        .map(|i| MemberDraft {
            name: format!("欧阳{i}号"),
            category: Category::Full,
            tier: None,
            group: Some(format!("第{}小组", i % 12)),
            status: MemberStatus::Active,
        })
        .collect();
    l.add_members(&drafts).expect("members");
    l.open_period("2026Q4").expect("period");
    let mut app = App::new(l, Lang::Zh).expect("console");
    ch(&mut app, '2');
    let start = std::time::Instant::now();
    for _ in 0..50 {
        key(&mut app, KeyCode::PageDown);
        screen(&mut app, 120, 40);
    }
    assert!(
        start.elapsed() < std::time::Duration::from_secs(10),
        "{:?} for 50 moves and frames",
        start.elapsed()
    );
    assert!(screen(&mut app, 120, 40).contains("欧阳"));
}

/// A demo console with one appeal on 2026Q3, filed on the lock day.
fn demo_with_appeal() -> (
    tempfile::TempDir,
    std::path::PathBuf,
    App,
    chrono::NaiveDate,
) {
    let (d, path, mut app) = demo(Lang::Zh);
    let day = console_common::lock_day(app.ledger(), "2026Q3");
    console_common::file_demo_appeal(&path, day);
    app.set_today(day);
    (d, path, app, day)
}

#[test]
fn overview_with_publication_and_appeal() {
    let (_d, _p, mut app, _) = demo_with_appeal();
    both_sizes("overview_appeal", &mut app);
}

#[test]
fn appeals_screen() {
    let (_d, _p, mut app, _) = demo_with_appeal();
    ch(&mut app, '6');
    assert_eq!(app.screen_kind(), jifen::tui::console::ScreenKind::Appeals);
    both_sizes("appeals", &mut app);
    ch(&mut app, 'a');
    both_sizes("appeal_uphold_prompt", &mut app);
}

#[test]
fn appeals_screen_empty_and_file_form() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    ch(&mut app, '6');
    both_sizes("appeals_empty", &mut app);
    key(&mut app, KeyCode::Esc);
    ch(&mut app, '2');
    ch(&mut app, 'f');
    both_sizes("appeal_file_form", &mut app);
}

#[test]
fn overdue_appeals_are_drawn_in_the_warning_role() {
    let (_d, _p, mut app, day) = demo_with_appeal();
    app.set_today(day + chrono::Duration::days(40));
    let warning = jifen::tui::theme::Theme::default().style(jifen::tui::theme::Role::Warning);
    for screen_key in [None, Some('6')] {
        if let Some(c) = screen_key {
            ch(&mut app, c);
        }
        let text = screen(&mut app, 80, 24);
        assert!(text.contains("逾期"), "{text}");
        let mut term =
            ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).expect("t");
        term.draw(|f| app.draw(f)).expect("draw");
        let buf = term.backend().buffer();
        // The appeal's row (the first line naming the member).
        let cell = (2..22)
            .flat_map(|y| (0..80).map(move |x| (x, y)))
            .map(|(x, y)| &buf[(x, y)])
            .find(|c| c.symbol() == "沈")
            .expect("the appeal on screen");
        assert_eq!(
            cell.fg,
            warning.fg.unwrap_or_default(),
            "overdue in the warning role"
        );
    }
}

#[test]
fn year_view_with_follow_ups() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    ch(&mut app, '5');
    key(&mut app, KeyCode::Tab);
    both_sizes("year_follow_ups", &mut app);
}

#[test]
fn year_view_ranks_the_activists_apart_under_their_heading() {
    let (_d, _p, mut app) = demo(Lang::Zh);
    ch(&mut app, '5');
    ch(&mut app, 'G');
    let s = screen(&mut app, 120, 40);
    let lines: Vec<&str> = s.lines().collect();
    let h = lines
        .iter()
        .position(|l| l.contains("入党积极分子"))
        .unwrap_or_else(|| panic!("no activists' heading:\n{s}"));
    // 李秀英, the demo's top activist, ranks 1 among the activists.
    let words: Vec<&str> = lines[h + 1].split_whitespace().collect();
    let at = words.iter().position(|w| *w == "李秀英").expect("李秀英");
    assert_eq!(words[at - 1], "1", "{s}");
    // The year's tie over the excellent quota is named for the appraisal.
    assert!(s.contains("优秀 9 人, 名额 7: 84 分并列"), "{s}");
}
