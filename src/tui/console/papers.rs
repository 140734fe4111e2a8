//! The papers popup offered after the lock: pick a paper (or all) and a
//! format; `App` writes them with `jifen::export` next to the database.

use super::screen::Ctx;
use crate::domain::model::PeriodId;
use crate::export::{Paper, PaperFormat};
use crate::i18n::Strings;
use crate::tui::widgets::{centered, draw_rows, popup};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// The formats in the order Left/Right cycles them.
pub const FORMATS: [PaperFormat; 3] = [PaperFormat::Xlsx, PaperFormat::Csv, PaperFormat::Html];

/// A paper's name in the user's language.
pub fn paper_name(t: &Strings, p: Paper) -> &'static str {
    match p {
        Paper::Notice => t.paper_notice,
        Paper::Cards => t.paper_cards,
        Paper::Summary => t.paper_summary,
        Paper::Filing => t.paper_filing,
        Paper::Minutes => t.paper_minutes,
    }
}

/// What a key asked of the popup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PapersKey {
    Close,
    Stay,
    /// Write these papers in this format.
    Write(Option<Paper>, PaperFormat),
}

/// Popup state: the period, the selection, and what has been written.
#[derive(Debug, Clone)]
pub struct PapersPopup {
    pub period: PeriodId,
    /// 0..5 a paper, 5 all papers.
    pub sel: usize,
    pub format: usize,
    /// Where the papers go (shown to the user).
    pub dir: String,
    pub written: Vec<String>,
    pub error: Option<String>,
}

impl PapersPopup {
    pub fn new(period: PeriodId, dir: String) -> PapersPopup {
        PapersPopup {
            period,
            sel: Paper::ALL.len(),
            format: 0,
            dir,
            written: Vec::new(),
            error: None,
        }
    }

    pub fn handle_key(&mut self, key: KeyEvent) -> PapersKey {
        let n = Paper::ALL.len() + 1;
        let fmt = FORMATS[self.format % FORMATS.len()];
        match key.code {
            KeyCode::Esc | KeyCode::Char('q') => PapersKey::Close,
            KeyCode::Up | KeyCode::Char('k') => {
                self.sel = (self.sel + n - 1) % n;
                PapersKey::Stay
            }
            KeyCode::Down | KeyCode::Char('j') => {
                self.sel = (self.sel + 1) % n;
                PapersKey::Stay
            }
            KeyCode::Left | KeyCode::Char('h') => {
                self.format = (self.format + FORMATS.len() - 1) % FORMATS.len();
                PapersKey::Stay
            }
            KeyCode::Right | KeyCode::Char('l') | KeyCode::Tab => {
                self.format = (self.format + 1) % FORMATS.len();
                PapersKey::Stay
            }
            KeyCode::Char('x') => self.pick_format(PaperFormat::Xlsx),
            KeyCode::Char('c') => self.pick_format(PaperFormat::Csv),
            KeyCode::Char('w') => self.pick_format(PaperFormat::Html),
            KeyCode::Enter => PapersKey::Write(Paper::ALL.get(self.sel).copied(), fmt),
            KeyCode::Char(c @ '1'..='6') => {
                self.sel = (c as usize) - ('1' as usize);
                PapersKey::Write(Paper::ALL.get(self.sel).copied(), fmt)
            }
            _ => PapersKey::Stay,
        }
    }

    fn pick_format(&mut self, f: PaperFormat) -> PapersKey {
        self.format = FORMATS.iter().position(|x| *x == f).unwrap_or(0);
        PapersKey::Stay
    }

    pub fn draw(&self, area: Rect, buf: &mut Buffer, ctx: &Ctx) {
        let (t, pal) = (ctx.t, ctx.pal);
        let shown = self.written.len().min(6);
        let h = (Paper::ALL.len() + 1 + 6 + shown) as u16 + 2;
        let rect = centered(area, 76, h);
        let inner = popup(
            rect,
            buf,
            &format!("{}  {}", t.papers, self.period),
            pal.title,
        );
        let mut formats = vec![Span::styled(format!(" {}: ", t.paper_format), pal.muted)];
        for (i, f) in FORMATS.iter().enumerate() {
            let text = format!(" {} ", f.ext());
            formats.push(if i == self.format % FORMATS.len() {
                Span::styled(format!("[{}]", text.trim()), pal.key)
            } else {
                Span::styled(text, pal.muted)
            });
        }
        let mut lines = vec![Line::from(formats), Line::raw("")];
        // Each paper with the file it will be written to (notice-2026Q4.xlsx).
        let ext = FORMATS[self.format % FORMATS.len()].ext();
        for (i, p) in Paper::ALL.iter().enumerate() {
            lines.push(Line::raw(format!(
                " {} {}  ({}-{}.{ext})",
                i + 1,
                paper_name(t, *p),
                p.code(),
                self.period
            )));
        }
        lines.push(Line::raw(format!(
            " {} {}",
            Paper::ALL.len() + 1,
            t.paper_all
        )));
        let sel = Some(self.sel + 2);
        lines.push(Line::from(vec![
            Span::styled(format!(" {}: ", t.paper_dir), pal.muted),
            Span::raw(self.dir.clone()),
        ]));
        match &self.error {
            Some(e) => lines.push(Line::from(Span::styled(format!(" {e}"), pal.warning))),
            None if !self.written.is_empty() => lines.push(Line::from(Span::styled(
                format!(" {} ({})", t.paper_written, self.written.len()),
                pal.ok,
            ))),
            None => lines.push(Line::raw("")),
        }
        let skip = self.written.len() - shown;
        for w in &self.written[skip..] {
            lines.push(Line::raw(format!("  {w}")));
        }
        lines.push(Line::from(Span::styled(
            format!(" {}", t.paper_keys),
            pal.muted,
        )));
        draw_rows(inner, buf, None, &lines, sel, pal.selected);
    }
}
