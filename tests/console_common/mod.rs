//! Shared helpers for the console tests: a demo ledger, keys, screen text.
#![allow(dead_code)]

use jifen::i18n::Lang;
use jifen::tui::console::App;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use std::path::PathBuf;

pub mod desk;

/// A console on a fresh demo branch in a temporary directory.
pub fn demo(lang: Lang) -> (tempfile::TempDir, PathBuf, App) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("demo.sqlite");
    let ledger = jifen::dev::demo::write_demo(&path).expect("demo");
    let day = lock_day(&ledger, "2026Q3");
    let mut app = App::new(ledger, lang).expect("console");
    // Deadlines count from the day the demo locked 2026Q3 (the day the test runs).
    app.set_today(day);
    (dir, path, app)
}

/// The day a period was locked.
pub fn lock_day(l: &jifen::app::Ledger, period: &str) -> chrono::NaiveDate {
    let p: jifen::domain::model::PeriodId = period.parse().expect("period");
    l.publication(&p, jifen::domain::calendar::today())
        .expect("publication")
        .locked_on
        .expect("locked")
}

pub fn key(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

pub fn ch(app: &mut App, c: char) {
    let m = if c.is_ascii_uppercase() {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    app.handle_key(KeyEvent::new(KeyCode::Char(c), m));
}

pub fn typed(app: &mut App, s: &str) {
    for c in s.chars() {
        ch(app, c);
    }
}

/// The screen as text: one line per row, wide characters once, trailing blanks cut.
pub fn screen(app: &mut App, w: u16, h: u16) -> String {
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    term.draw(|f| app.draw(f)).expect("draw");
    let out = buffer_text(term.backend().buffer());
    redact_run_dates(app, &out)
}

/// A drawn buffer as text: one line per row, wide characters once, trailing blanks cut.
pub fn buffer_text(buf: &ratatui::buffer::Buffer) -> String {
    let (w, h) = (buf.area.width, buf.area.height);
    let mut out = String::new();
    for y in 0..h {
        let mut line = String::new();
        let mut skip = 0usize;
        for x in 0..w {
            let c = &buf[(x, y)];
            if skip > 0 {
                skip -= 1;
                continue;
            }
            line.push_str(c.symbol());
            skip = unicode_width::UnicodeWidthStr::width(c.symbol()).saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The dates that depend on the day the test runs (the demo locks 2026Q3
/// "today"): lock days, publication windows, appeal dates, ticks, today.
pub fn run_dates(app: &App) -> Vec<String> {
    let l = app.ledger();
    let today = app.today();
    let mut d = vec![
        today.to_string(),
        jifen::domain::calendar::today().to_string(),
    ];
    for r in l.periods().unwrap_or_default() {
        d.extend(r.locked_at.iter().map(|x| x.chars().take(10).collect()));
        d.extend(r.window_end.clone());
        if let Ok(p) = r.id.parse::<jifen::domain::model::PeriodId>() {
            if let Ok(pb) = l.publication(&p, today) {
                d.extend(pb.window_end.map(|w| w.to_string()));
            }
        }
    }
    for a in l.appeals_on(None, today).unwrap_or_default() {
        d.push(a.filed_on.clone());
        d.push(a.due.clone());
        for s in &a.history {
            d.push(s.on.clone());
            d.extend(s.next_due.clone());
        }
    }
    d.retain(|x| x.len() == 10);
    d.sort();
    d.dedup();
    d
}

/// Run-dependent dates replaced by `YYYY-MM-DD` (same width), the database path by `<db>`.
pub fn redact_run_dates(app: &App, text: &str) -> String {
    let mut out = text.to_string();
    for d in run_dates(app) {
        out = out.replace(&d, "YYYY-MM-DD");
    }
    // The demo's database lives in a fresh temporary folder on every run.
    let db = app.ledger().path().display().to_string();
    out.replace(&db, "<db>")
}

/// File an appeal of 沈从文 against 2026Q3's absence deduction through the core,
/// on `day`; returns (appeal id, member id).
pub fn file_demo_appeal(path: &std::path::Path, day: chrono::NaiveDate) -> (i64, i64) {
    let mut l = jifen::app::Ledger::open(path, None).expect("ledger");
    let m = l.find_member("沈从文").expect("member");
    let q3: jifen::domain::model::PeriodId = "2026Q3".parse().expect("period");
    let id = l
        .file_appeal(
            m.id,
            &q3,
            Some("discipline.absence"),
            "缺勤已补假条,不应扣分",
            day,
        )
        .expect("appeal");
    (id, m.id)
}
