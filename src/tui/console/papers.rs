//! The papers popup offered after the lock: pick a paper (or all) and a
//! format; `App` writes them with `jifen::export` next to the database.

use super::app::Overlay;
use super::keymap::{bind, ch, code, lookup, nth, popup_hints, Binding, Show};
use super::screen::Ctx;
use super::screen::Screen;
use crate::app::{CoreError, RankScope};
use crate::domain::model::PeriodId;
use crate::export::{Paper, PaperFormat};
use crate::i18n::Strings;
use crate::tui::widgets::{centered, draw_rows, key_hints, popup};
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
        Paper::Redemptions => t.paper_redemptions,
        Paper::Appraisal => t.paper_appraisal,
    }
}

/// What a key asked of the popup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PapersKey {
    Close,
    Stay,
    /// Write these papers in this format.
    Write(Option<Paper>, PaperFormat),
    /// Write the period's filing file (备案) beside the papers.
    Filing,
}

/// What the popup's keys do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PapersAct {
    /// Write the n-th entry (0-based; the last is every paper) at once.
    WriteNth(u8),
    Up,
    Down,
    PrevFormat,
    NextFormat,
    /// Pick the n-th of `FORMATS`.
    Format(u8),
    /// Write the selected entry.
    Write,
    /// Write the filing file.
    Filing,
    Close,
}

/// The papers popup's keys.
pub const KEYS: &[Binding<PapersAct>] = &[
    nth(
        &[ch('1'), ch('2'), ch('3'), ch('4'), ch('5'), ch('6')],
        PapersAct::WriteNth,
        "1-6",
        |t| t.k_write_nth,
        Show::Footer,
    ),
    bind(
        &[code(KeyCode::Up), ch('k')],
        PapersAct::Up,
        |t| t.k_up,
        Show::Help,
    ),
    bind(
        &[code(KeyCode::Down), ch('j')],
        PapersAct::Down,
        |t| t.k_down,
        Show::Help,
    ),
    bind(
        &[code(KeyCode::Left), ch('h')],
        PapersAct::PrevFormat,
        |t| t.k_format,
        Show::Help,
    ),
    bind(
        &[code(KeyCode::Right), ch('l'), code(KeyCode::Tab)],
        PapersAct::NextFormat,
        |t| t.k_format,
        Show::Footer,
    ),
    nth(
        &[ch('x'), ch('c'), ch('w')],
        PapersAct::Format,
        "x c w",
        |t| t.k_format_pick,
        Show::Help,
    ),
    bind(
        &[code(KeyCode::Enter)],
        PapersAct::Write,
        |t| t.k_write,
        Show::Footer,
    ),
    bind(&[ch('f')], PapersAct::Filing, |t| t.k_filing, Show::Footer),
    bind(
        &[code(KeyCode::Esc), ch('q')],
        PapersAct::Close,
        |t| t.k_close,
        Show::Footer,
    ),
];

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
        match lookup(KEYS, &key) {
            Some(PapersAct::Close) => PapersKey::Close,
            Some(PapersAct::Up) => {
                self.sel = (self.sel + n - 1) % n;
                PapersKey::Stay
            }
            Some(PapersAct::Down) => {
                self.sel = (self.sel + 1) % n;
                PapersKey::Stay
            }
            Some(PapersAct::PrevFormat) => {
                self.format = (self.format + FORMATS.len() - 1) % FORMATS.len();
                PapersKey::Stay
            }
            Some(PapersAct::NextFormat) => {
                self.format = (self.format + 1) % FORMATS.len();
                PapersKey::Stay
            }
            Some(PapersAct::Format(i)) => {
                self.format = usize::from(i) % FORMATS.len();
                PapersKey::Stay
            }
            Some(PapersAct::Filing) => PapersKey::Filing,
            Some(PapersAct::Write) => PapersKey::Write(Paper::ALL.get(self.sel).copied(), fmt),
            Some(PapersAct::WriteNth(i)) => {
                self.sel = usize::from(i).min(n - 1);
                PapersKey::Write(Paper::ALL.get(self.sel).copied(), fmt)
            }
            None => PapersKey::Stay,
        }
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
        let room = inner.width.saturating_sub(1) as usize;
        let mut hints = key_hints(&popup_hints(KEYS, t), room, pal.key, pal.muted);
        hints.spans.insert(0, Span::raw(" "));
        lines.push(hints);
        draw_rows(inner, buf, None, &lines, sel, pal.selected);
    }
}

/// What the keys of this screen do.
impl super::app::App {
    pub(super) fn new_papers_popup(&self, p: PeriodId) -> PapersPopup {
        let db = self
            .ledger
            .path()
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        PapersPopup::new(p, format!("{db}.papers/{p}/"))
    }

    pub(super) fn papers_popup(&mut self) {
        let p = match self.stack.last() {
            Some(Screen::Appeals(s)) => s
                .selected()
                .and_then(|a| a.period.parse::<PeriodId>().ok())
                .or(self.period),
            _ => self.period,
        };
        let Some(p) = p else {
            return self.err(self.t.no_period);
        };
        self.overlay = Overlay::Papers(self.new_papers_popup(p));
    }

    /// Write the popup's period's filing file into the papers' folder, and
    /// say where; a refusal (a period not locked) stays in the popup.
    pub(super) fn write_filing(&mut self, pp: &mut PapersPopup) {
        let dir = self.papers_dir(&pp.period);
        pp.error = None;
        let made = std::fs::create_dir_all(&dir).map_err(|e| CoreError::file(&dir, &e));
        match made.and_then(|_| crate::app::filing::export(&self.ledger, &pp.period, Some(&dir))) {
            Ok(e) => {
                let name = e
                    .path
                    .file_name()
                    .map(|f| f.to_string_lossy().into_owned())
                    .unwrap_or_default();
                if !pp.written.contains(&name) {
                    pp.written.push(name.clone());
                }
                self.ok(format!("{}: {}{name}", self.t.k_filing, pp.dir));
            }
            Err(e) => pp.error = Some(crate::i18n::errors::core(self.lang, &e)),
        }
    }

    /// Write one paper (or all) of the popup's period; errors stay in the popup.
    pub(super) fn write_papers(
        &mut self,
        pp: &mut PapersPopup,
        paper: Option<Paper>,
        format: PaperFormat,
    ) {
        let dir = self.papers_dir(&pp.period);
        let scope = RankScope::Period(pp.period);
        let zh = self.lang == crate::i18n::Lang::Zh;
        let list: Vec<Paper> = match paper {
            Some(p) => vec![p],
            None => Paper::ALL.to_vec(),
        };
        pp.error = None;
        let mut n = 0;
        for p in list {
            match crate::export::export(&self.ledger, p, &scope, format, &dir, zh) {
                Ok(path) => {
                    let name = path
                        .file_name()
                        .map(|f| f.to_string_lossy().into_owned())
                        .unwrap_or_else(|| path.display().to_string());
                    if !pp.written.contains(&name) {
                        pp.written.push(name);
                    }
                    n += 1;
                }
                Err(e) => {
                    pp.error = Some(format!("{}: {e}", p.code()));
                    break;
                }
            }
        }
        if n > 0 {
            self.ok(format!("{} {n}: {}", self.t.paper_written, pp.dir));
        }
    }
}
