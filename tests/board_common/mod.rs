//! Helpers shared by the board tests: a demo database, a fixed clock, and
//! rendering a view into text.
#![allow(dead_code)]

use chrono::{DateTime, FixedOffset};
use jifen::tui::board::{draw, BoardView, Poller};
use jifen::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use std::path::PathBuf;

/// The fixed "now" of every snapshot.
pub fn clock() -> DateTime<FixedOffset> {
    at("2026-12-20T10:00:00+08:00")
}

pub fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).expect("test time")
}

pub const ZH: &jifen::i18n::BoardWords = jifen::i18n::ZH.board;

/// A fresh demo branch in a temporary directory (kept alive by the returned guard).
pub fn demo() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("demo.sqlite");
    jifen::dev::demo::write_demo(&path).expect("demo");
    (dir, path)
}

/// A poller that has read the database once.
pub fn poller(path: &std::path::Path) -> Poller {
    let mut p = Poller::new(path, None, ZH);
    p.poll(clock());
    p
}

/// Draw a view into a fresh buffer.
pub fn render(view: &BoardView, theme: &Theme, w: u16, h: u16) -> Buffer {
    let area = Rect::new(0, 0, w, h);
    let mut buf = Buffer::empty(area);
    draw(view, theme, area, &mut buf);
    buf
}

/// The buffer as text, one line per row, trailing spaces trimmed; wide
/// characters take their two cells once.
pub fn text(buf: &Buffer) -> String {
    let a = buf.area;
    let mut out = String::new();
    for y in a.top()..a.bottom() {
        let mut line = String::new();
        let mut skip = 0;
        for x in a.left()..a.right() {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let s = buf[(x, y)].symbol();
            line.push_str(s);
            skip = jifen::domain::text::width(s).saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// A theme that paints block letters with '#', so text snapshots show them.
pub fn visible(theme: &Theme) -> Theme {
    let mut t = theme.clone();
    t.pixel = Some("#".into());
    t
}

/// Render as text with visible block letters.
pub fn screen(view: &BoardView, theme: &Theme, w: u16, h: u16) -> String {
    text(&render(view, &visible(theme), w, h))
}

/// A colour map: a legend of the styles used and one letter per cell.
pub fn colours(buf: &Buffer) -> String {
    let a = buf.area;
    let mut legend: Vec<String> = Vec::new();
    let mut grid = String::new();
    const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    for y in a.top()..a.bottom() {
        let mut hidden = false;
        for x in a.left()..a.right() {
            // The cell behind a wide character takes that character's style.
            let c = &buf[(x.saturating_sub(u16::from(hidden)), y)];
            hidden = !hidden && jifen::domain::text::width(buf[(x, y)].symbol()) == 2;
            let key = format!("fg={:?} bg={:?} mod={:?}", c.fg, c.bg, c.modifier);
            let i = match legend.iter().position(|k| *k == key) {
                Some(i) => i,
                None => {
                    legend.push(key);
                    legend.len() - 1
                }
            };
            grid.push(char::from(LETTERS[i % LETTERS.len()]));
        }
        grid.push('\n');
    }
    let mut out = String::new();
    for (i, k) in legend.iter().enumerate() {
        out.push_str(&format!("{} {k}\n", char::from(LETTERS[i % LETTERS.len()])));
    }
    out.push('\n');
    out.push_str(&grid);
    out
}

/// A read-write ledger on the same file (the console's side).
pub fn console(path: &std::path::Path) -> jifen::app::Ledger {
    jifen::app::Ledger::open(path, None).expect("open rw")
}

/// A member's id by name.
pub fn member_id(l: &jifen::app::Ledger, name: &str) -> i64 {
    l.find_member(name).expect("member").id
}

/// Add a claim with a note, and approve it with a reason; returns the claim id.
pub fn approve(
    l: &mut jifen::app::Ledger,
    name: &str,
    item: &str,
    level: Option<&str>,
    note: &str,
    reason: &str,
) -> i64 {
    let id = member_id(l, name);
    let c = l
        .add_claim(&jifen::app::ClaimDraft {
            member_id: id,
            item: item.into(),
            level: level.map(String::from),
            count: 1,
            points: None,
            date: Some("2026-11-30".into()),
            note: Some(note.into()),
            evidence: Some(format!("证据{note}")),
            period: None,
            source: jifen::domain::model::ClaimSource::Secretary,
            verdict: None,
            reason: None,
        })
        .expect("claim");
    l.verdict(
        c,
        jifen::domain::model::Outcome::Approved,
        None,
        Some(reason),
    )
    .expect("verdict");
    c
}
