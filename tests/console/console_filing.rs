//! The console offers the filing file (备案) after the lock, next to the
//! papers: `f` in the papers popup writes it into the papers' folder and says
//! where; the file verifies with no database.

use crate::console_common;

use console_common::{ch, demo, key, screen};
use jifen::i18n::Lang;
use ratatui::crossterm::event::KeyCode;

#[test]
fn f_in_the_papers_popup_writes_the_filing_beside_the_papers_and_says_where() {
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
    // Lock 2026Q4 as the secretary does (not quorate: locked anyway); the
    // papers popup opens at once.
    ch(&mut app, '4');
    key(&mut app, KeyCode::Enter);
    ch(&mut app, 'y');
    console_common::typed(&mut app, "2026Q4");
    key(&mut app, KeyCode::Enter);
    assert!(
        app.has_overlay(),
        "the papers are offered: {:?}",
        app.status()
    );
    let popup = screen(&mut app, 80, 24);
    assert!(popup.contains("f 备案文件"), "{popup}");

    ch(&mut app, 'f');
    let dir = app.papers_dir(&"2026Q4".parse().expect("period"));
    let file = std::fs::read_dir(&dir)
        .expect("papers folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.to_string_lossy().ends_with(".jifen-filing.json"))
        .expect("the filing file is in the papers' folder");
    let name = file
        .file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned();
    assert!(name.is_ascii(), "{name}");
    let shown = screen(&mut app, 120, 40);
    assert!(shown.contains(&name), "the popup lists it: {shown}");
    let status = app.status().map(|s| s.to_string()).unwrap_or_default();
    assert!(
        status.contains("备案文件") && status.contains(&name),
        "{status}"
    );

    let checked = jifen::app::filing::check_file(&file).expect("the file verifies");
    assert_eq!(checked.filing.period.id, "2026Q4");
    let seal = app
        .ledger()
        .period_row(&"2026Q4".parse().expect("period"))
        .expect("row")
        .and_then(|r| r.seal)
        .expect("sealed");
    assert_eq!(checked.filing.seal, seal);
}
