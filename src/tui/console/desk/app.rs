//! The committee's desk: its state (the database, the period, the screen
//! stack, the overlay, the status line), key routing and drawing. What the
//! keys do is in `update`.

use super::filings::Filings;
use super::keys::{self, DeskKind};
use super::ranking::{Branch, Ranking};
use super::receipt::{self, Receiving};
use super::reviews::Reviews;
use super::{detail, help};
use crate::app::{committee_view as cv, Result};
use crate::i18n::{Lang, Strings};
use crate::tui::console::chrome::{self, Header};
use crate::tui::console::keymap::{self, Hint};
use crate::tui::console::prompt::Form;
use crate::tui::console::screen::Ctx;
use crate::tui::console::style::Palette;
use crate::tui::widgets::{fits, too_small};
use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyEvent, KeyEventKind};
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::Frame;
use std::path::{Path, PathBuf};

/// A desk screen with its state.
#[derive(Debug)]
pub enum DeskScreen {
    Filings(Filings),
    Ranking(Ranking),
    Branch(Branch),
    Reviews(Reviews),
}

impl DeskScreen {
    pub fn kind(&self) -> DeskKind {
        match self {
            DeskScreen::Filings(_) => DeskKind::Filings,
            DeskScreen::Ranking(_) => DeskKind::Ranking,
            DeskScreen::Branch(_) => DeskKind::Branch,
            DeskScreen::Reviews(_) => DeskKind::Reviews,
        }
    }
}

/// What a desk form asks (the form keeps the fields).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ask {
    Search,
    Publish { period: String },
    Receive,
    File { period: String },
    Uphold { id: i64 },
    Dismiss { id: i64 },
    Export { id: i64 },
}

/// What is drawn over the screen and reads keys first.
#[derive(Debug)]
pub enum Overlay {
    None,
    Help,
    Form(Ask, Form),
    /// A filing's details, or what a receipt did: a title and lines.
    Lines(String, Vec<String>),
    /// A receipt running on its worker: the gauge.
    Receiving(Receiving),
}

/// The committee clerk's desk over a committee database.
pub struct Desk {
    pub(super) db: PathBuf,
    pub(super) lang: Lang,
    pub(super) t: &'static Strings,
    pub(super) pal: Palette,
    /// Every period filed, oldest first, and the one shown.
    pub(super) periods: Vec<String>,
    pub(super) period: Option<String>,
    /// The filings screen stays at the bottom of the stack.
    pub(super) stack: Vec<DeskScreen>,
    pub(super) overlay: Overlay,
    pub(super) status: Option<(String, bool)>,
    pub(super) quit: bool,
    pub(super) today: Option<NaiveDate>,
    /// The period's counts for the header (filed of expected).
    pub(super) counts: Option<String>,
}

impl Desk {
    /// A desk on the committee database `db`, on its latest period filed.
    pub fn new(db: &Path, lang: Lang) -> Result<Desk> {
        // Refuse a branch's database before taking the screen.
        drop(cv::Watch::open(db)?);
        let mut d = Desk {
            db: db.to_path_buf(),
            lang,
            t: lang.words().console,
            pal: Palette::default(),
            periods: Vec::new(),
            period: None,
            stack: vec![DeskScreen::Filings(Filings::default())],
            overlay: Overlay::None,
            status: None,
            quit: false,
            today: None,
            counts: None,
        };
        d.reload();
        Ok(d)
    }

    /// Judge windows and deadlines as of `today` (tests, looking ahead).
    pub fn set_today(&mut self, today: NaiveDate) {
        self.today = Some(today);
        self.reload();
    }

    /// The day deadlines are judged on, and acts are dated.
    pub fn today(&self) -> NaiveDate {
        self.today.unwrap_or_else(crate::domain::calendar::today)
    }

    /// Draw with another palette (e.g. from `JIFEN_THEME`).
    pub fn set_palette(&mut self, pal: Palette) {
        self.pal = pal;
    }

    /// The period shown.
    pub fn period(&self) -> Option<&str> {
        self.period.as_deref()
    }

    /// The status line's text.
    pub fn status(&self) -> Option<&str> {
        self.status.as_ref().map(|s| s.0.as_str())
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// Which screen is on top.
    pub fn screen_kind(&self) -> DeskKind {
        self.stack
            .last()
            .map(DeskScreen::kind)
            .unwrap_or(DeskKind::Filings)
    }

    /// Whether a form or popup is open.
    pub fn has_overlay(&self) -> bool {
        !matches!(self.overlay, Overlay::None)
    }

    /// Whether a receipt is running (its gauge shown).
    pub fn is_receiving(&self) -> bool {
        matches!(self.overlay, Overlay::Receiving(_))
    }

    /// Take in what a running receipt said since: its gauge moves, and once
    /// it ended its lines show (or its error on the status line) over the
    /// screen read again. The event loop calls it between keys.
    pub fn tick(&mut self) {
        let end = match &mut self.overlay {
            Overlay::Receiving(r) => r.drain(),
            _ => None,
        };
        let Some(end) = end else { return };
        self.overlay = match end {
            Ok(lines) => Overlay::Lines(self.t.desk.ask_receive.to_string(), lines),
            Err(words) => {
                self.status = Some((words, true));
                Overlay::None
            }
        };
        self.reload();
    }

    pub(super) fn ctx(&self) -> (Lang, &'static Strings, Palette) {
        (self.lang, self.t, self.pal)
    }

    pub(super) fn ok(&mut self, msg: String) {
        self.status = Some((msg, false));
    }

    /// A core error on the status line, in the interface's words.
    pub(super) fn fail(&mut self, e: &crate::app::CoreError) {
        let msg = crate::i18n::meeting::core_error(self.lang, e);
        self.status = Some((msg, true));
    }

    /// Read the periods and the top screen's view model again.
    pub(super) fn reload(&mut self) {
        if let Err(e) = self.try_reload() {
            self.fail(&e);
        }
    }

    fn try_reload(&mut self) -> Result<()> {
        self.periods = cv::periods(&self.db, self.today())?;
        if self
            .period
            .as_ref()
            .is_none_or(|p| !self.periods.contains(p))
        {
            self.period = self.periods.last().cloned();
        }
        let today = self.today();
        let Some(p) = self.period.clone() else {
            return Ok(());
        };
        let view = cv::filings_view(&self.db, &p, today)?;
        let w = self.t.desk;
        self.counts = Some((w.board_counts)(
            view.filed,
            view.expected,
            view.late,
            view.missing,
        ));
        let zh = self.lang.is_zh();
        match self.stack.last_mut() {
            Some(DeskScreen::Filings(s)) => s.set(view),
            Some(DeskScreen::Ranking(s)) => {
                s.set(cv::category_groups(&self.db, &p, zh)?);
            }
            Some(DeskScreen::Branch(s)) => {
                let mut rows = crate::app::filing::branch_ranking(&self.db, &s.branch, &p)?;
                let scheme = view
                    .lines
                    .iter()
                    .find(|l| l.branch == s.branch)
                    .and_then(|l| l.filing.as_ref())
                    .map(|f| f.scheme_id.clone())
                    .unwrap_or_default();
                let names = cv::scheme_names(&scheme, zh);
                for r in &mut rows {
                    r.grade = r.grade.as_deref().map(|k| names.grade(k).into());
                    r.actions = r.actions.iter().map(|a| names.action(a)).collect();
                }
                s.set(rows);
            }
            Some(DeskScreen::Reviews(s)) => {
                s.set(crate::app::review::reviews(&self.db, Some(&p), today)?)
            }
            None => {}
        }
        Ok(())
    }

    /// Feed one key: the overlay first, then the screen's keys, then the shared ones.
    pub fn handle_key(&mut self, key: KeyEvent) {
        if key.kind != KeyEventKind::Press {
            return;
        }
        match std::mem::replace(&mut self.overlay, Overlay::None) {
            Overlay::None => {
                if let Some(a) = keys::action_for(self.screen_kind(), &key) {
                    self.update(a);
                }
            }
            Overlay::Help => {}
            Overlay::Lines(title, lines) => {
                if keymap::lookup(keys::POPUP, &key).is_none() {
                    self.overlay = Overlay::Lines(title, lines);
                }
            }
            Overlay::Form(ask, form) => self.form_key(ask, form, key),
            Overlay::Receiving(r) => {
                // Ctrl-C leaves the desk (a receipt is not taken back: each
                // file is received whole or not at all); other keys, Esc
                // among them, wait: a receipt is not closed by a stray key.
                if keymap::lookup(keys::RECEIVING, &key).is_some() {
                    self.quit = true;
                }
                self.overlay = Overlay::Receiving(r);
                self.tick();
            }
        }
    }

    /// The footer's hints for what reads keys now.
    fn footer_hints(&self) -> (Vec<Hint>, Vec<Hint>) {
        let t = self.t;
        match &self.overlay {
            Overlay::Form(_, f) => keymap::hints(f.keys(), t, |_| true),
            Overlay::Lines(..) => keymap::hints(keys::POPUP, t, |_| true),
            Overlay::Receiving(_) => keymap::hints(keys::RECEIVING, t, |_| true),
            Overlay::None | Overlay::Help => {
                let own = self.screen_kind().keys();
                let (mut k, mut p) = keymap::hints(own, t, |_| true);
                let shared = |b: &keymap::Binding<keys::DeskAction>| {
                    !b.keys
                        .iter()
                        .all(|k| own.iter().any(|o| o.keys.contains(k)))
                };
                let (k2, p2) = keymap::hints(keys::GLOBAL, t, shared);
                k.extend(k2);
                p.extend(p2);
                (k, p)
            }
        }
    }

    /// Draw into a frame (sets the cursor inside forms).
    pub fn draw(&mut self, frame: &mut Frame) {
        let area = frame.area();
        if let Some(p) = self.render(area, frame.buffer_mut()) {
            frame.set_cursor_position(p);
        }
    }

    /// Draw into a buffer; returns where the text cursor belongs, if anywhere.
    pub fn render(&mut self, area: Rect, buf: &mut Buffer) -> Option<Position> {
        let (lang, t, pal) = self.ctx();
        let ctx = Ctx { lang, t, pal: &pal };
        use crate::tui::console::{MIN_HEIGHT, MIN_WIDTH};
        if !fits(area, MIN_WIDTH, MIN_HEIGHT) {
            let need = format!("{} {MIN_WIDTH}x{MIN_HEIGHT}", t.need);
            too_small(area, buf, t.too_small, &need, pal.warning);
            return None;
        }
        let [head, body, status, foot] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(0),
            Constraint::Length(1),
            Constraint::Length(1),
        ])
        .areas(area);
        let kind = self.screen_kind();
        let header = Header {
            branch: t.desk.committee.to_string(),
            period: self.period.clone().unwrap_or_else(|| "-".into()),
            state: self.counts.clone().unwrap_or_default(),
            screen: kind.title(t).to_string(),
            read_only: None,
        };
        chrome::draw_header(head, buf, &header, &ctx);
        match self.stack.last_mut() {
            Some(DeskScreen::Filings(s)) => s.draw(body, buf, &ctx),
            Some(DeskScreen::Ranking(s)) => s.draw(body, buf, &ctx),
            Some(DeskScreen::Branch(s)) => s.draw(body, buf, &ctx),
            Some(DeskScreen::Reviews(s)) => s.draw(body, buf, &ctx),
            None => {}
        }
        chrome::draw_status(status, buf, self.status.as_ref(), &ctx);
        let (keys, pinned) = self.footer_hints();
        chrome::draw_footer(foot, buf, &keys, &pinned, &ctx);
        match &self.overlay {
            Overlay::None => None,
            Overlay::Help => {
                help::draw(area, buf, &help::screen_keys(kind, t), &ctx);
                None
            }
            Overlay::Form(_, f) => f.draw(body, buf, &ctx),
            Overlay::Lines(title, lines) => {
                detail::draw(body, buf, title, lines, &ctx);
                None
            }
            Overlay::Receiving(r) => {
                receipt::draw(body, buf, r, &ctx);
                None
            }
        }
    }
}
