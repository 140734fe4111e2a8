//! Score ballots on the counting screen (seed 003, star rating: "由党员、群众
//! 代表进行集中测评"): each ballot in turn, every member's parts typed with
//! Tab between them; after the last member the next ballot starts from the
//! top; a score above a part's maximum is refused on screen.

use crate::common::{ledger, member};
use crate::console_common::*;
use jifen::domain::model::{Attendance, Category, PeriodId};
use jifen::i18n::Lang;
use jifen::tui::console::{App, ScreenKind};
use ratatui::crossterm::event::KeyCode;

fn h1() -> PeriodId {
    "2026H1".parse().expect("period")
}

/// Three members present at the half-year's assembly; the scheme invites
/// mass representatives too.
fn assembly() -> (tempfile::TempDir, App) {
    let (d, _p, mut l) = ledger("star-rating");
    let ids: Vec<i64> = ["欧阳娜娜", "张伟", "王芳"]
        .iter()
        .map(|n| member(&mut l, n, Category::Full, None))
        .collect();
    l.open_period("2026H1").expect("open");
    for m in &ids {
        l.mark_attendance(*m, &h1(), Attendance::Present)
            .expect("present");
    }
    let mut app = App::new(l, Lang::Zh).expect("console");
    ch(&mut app, 'a');
    assert_eq!(app.screen_kind(), ScreenKind::Appraisal);
    ch(&mut app, 'o');
    key(&mut app, KeyCode::Enter);
    (d, app)
}

fn scores(app: &mut App, common: &str, star: &str) {
    typed(app, common);
    key(app, KeyCode::Tab);
    typed(app, star);
    key(app, KeyCode::Enter);
}

#[test]
fn each_ballot_in_turn_gives_each_member_the_raters_mean() {
    let (_d, mut app) = assembly();
    let v = app.ledger().appraisal_view(&h1()).expect("view");
    let valid = v.ballots.valid;
    assert!(valid >= 3, "members and representatives: {valid}");
    let text = screen(&mut app, 80, 24);
    assert!(text.contains(&format!("第 1/{valid} 张票")), "{text}");
    assert!(
        text.contains("基础分(共性分)") && text.contains("评星分"),
        "{text}"
    );
    // Ballot 1, then ballot 2, each for the three members.
    for (c, s) in [("52", "30"), ("58", "40"), ("60", "35")] {
        scores(&mut app, c, s);
    }
    let text = screen(&mut app, 80, 24);
    assert!(
        text.contains(&format!("欧阳娜娜  第 2/{valid} 张票")),
        "{text}"
    );
    for (c, s) in [("55.5", "35"), ("50", "36"), ("60", "39")] {
        scores(&mut app, c, s);
    }
    let v = app.ledger().appraisal_view(&h1()).expect("view");
    let means: Vec<Vec<Option<f64>>> = v.lines.iter().map(|l| l.means.clone()).collect();
    assert_eq!(
        means,
        [
            vec![Some(53.75), Some(32.5)],
            vec![Some(54.0), Some(38.0)],
            vec![Some(60.0), Some(37.0)],
        ]
    );
    assert!(v.lines.iter().all(|l| l.counted == 2));
}

#[test]
fn a_score_above_the_parts_maximum_is_refused_on_screen() {
    let (_d, mut app) = assembly();
    let head = app.ledger().journal_head().expect("head");
    scores(&mut app, "61", "30");
    assert_eq!(app.ledger().journal_head().expect("head"), head);
    let status = app.status().expect("a reason").to_string();
    assert!(status.contains("60"), "{status}");
    let text = screen(&mut app, 80, 24);
    assert!(text.contains("未记录"), "{text}");
    // Put right and recorded: the same member, the same ballot.
    key(&mut app, KeyCode::BackTab);
    key(&mut app, KeyCode::Backspace);
    typed(&mut app, "0");
    key(&mut app, KeyCode::Enter);
    let v = app.ledger().appraisal_view(&h1()).expect("view");
    assert_eq!(v.lines[0].means, [Some(60.0), Some(30.0)]);
}
