//! The console's state: the core, the screen stack, the overlay (help,
//! prompt, popup) and the status line; key routing and drawing.

use super::action::Action;
use super::board_popup::BoardPopup;
use super::chrome::{self, Header};
use super::keymap::Hint;
use super::new_claim::ClaimForm;
use super::papers::{PapersKey, PapersPopup};
use super::prompt::{Form, FormKind, Outcome};
use super::screen::{Ctx, Screen, ScreenKind};
use super::style::Palette;
use super::{appeals, confirm, help, keymap, keys, lock, members, overview, prompt, roll_call};
use crate::app::{Ledger, Result};
use crate::domain::model::PeriodId;
use crate::domain::model::PeriodState;
use crate::i18n::Lang;
use crate::i18n::Strings;
use crate::tui::widgets::{centered, fits, popup, too_small};
use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyEvent, KeyEventKind};
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::Line;
use ratatui::Frame;
use std::path::PathBuf;

/// Smallest terminal the console lays out for.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// What is drawn over the screen and reads keys first.
#[derive(Debug)]
pub enum Overlay {
    None,
    Help,
    Form(Form),
    NewClaim(ClaimForm),
    Board(BoardPopup),
    Papers(PapersPopup),
    /// The final grade's picker on the year screen.
    Grade(super::grade_picker::GradePicker),
}

/// The secretary's console.
pub struct App {
    pub(super) ledger: Ledger,
    pub(super) lang: Lang,
    pub(super) t: &'static Strings,
    pub(super) pal: Palette,
    pub(super) period: Option<PeriodId>,
    pub(super) stack: Vec<Screen>,
    pub(super) overlay: Overlay,
    pub(super) status: Option<(String, bool)>,
    pub(super) quit: bool,
    pub(super) ask_quit: bool,
    pub(super) read_only: Option<String>,
    /// The period's state code, refreshed with every reload.
    pub(super) period_state: Option<PeriodState>,
    /// The day deadlines are counted against; `None` is the local date.
    pub(super) today: Option<NaiveDate>,
    /// The undo offered by `u`, waiting for yes.
    pub(super) undo_plan: Option<crate::app::undo::UndoPlan>,
}

impl App {
    /// A console on the ledger's current period, starting at the overview.
    pub fn new(ledger: Ledger, lang: Lang) -> Result<App> {
        let period = ledger.current_period()?;
        // The undo of `u` reaches only what this console does.
        ledger.begin_session();
        let mut app = App {
            ledger,
            lang,
            t: lang.words().console,
            pal: Palette::default(),
            period,
            stack: vec![Screen::Overview(overview::Overview::default())],
            overlay: Overlay::None,
            status: None,
            quit: false,
            ask_quit: false,
            read_only: None,
            period_state: None,
            today: None,
            undo_plan: None,
        };
        app.reload();
        Ok(app)
    }

    /// Show the console as read-only, saying why (e.g. who holds the lease).
    pub fn set_read_only_note(&mut self, note: String) {
        self.read_only = Some(note);
    }

    /// Say something on the status line (e.g. a stale lease taken over).
    pub fn set_notice(&mut self, msg: String) {
        self.ok(msg);
    }

    /// Count deadlines (reply-due, overdue, publication windows) against this
    /// day instead of the local date: for tests and for looking ahead.
    pub fn set_today(&mut self, today: NaiveDate) {
        self.today = Some(today);
        self.reload();
    }

    /// The day deadlines are counted against.
    pub fn today(&self) -> NaiveDate {
        self.today.unwrap_or_else(crate::domain::calendar::today)
    }

    /// Where the papers of a period are written: `<db>.papers/<period>/`.
    pub fn papers_dir(&self, p: &PeriodId) -> PathBuf {
        let mut s = self.ledger.path().as_os_str().to_owned();
        s.push(".papers");
        PathBuf::from(s).join(p.to_string())
    }

    /// The appeals in the order the appeals screen lists them (empty elsewhere).
    pub fn appeal_ids(&self) -> Vec<i64> {
        match self.stack.last() {
            Some(Screen::Appeals(s)) => s.rows.iter().map(|a| a.id).collect(),
            _ => Vec::new(),
        }
    }

    /// The papers written since the papers popup opened (while it is open).
    pub fn papers_written(&self) -> Vec<PathBuf> {
        match (&self.overlay, self.period) {
            (Overlay::Papers(pp), _) => {
                let dir = self.papers_dir(&pp.period);
                pp.written.iter().map(|w| dir.join(w)).collect()
            }
            _ => Vec::new(),
        }
    }

    /// Draw with another palette (e.g. from `JIFEN_THEME`).
    pub fn set_palette(&mut self, pal: Palette) {
        self.pal = pal;
    }

    pub fn ledger(&self) -> &Ledger {
        &self.ledger
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// The status line's text (the last result or error).
    pub fn status(&self) -> Option<&str> {
        self.status.as_ref().map(|s| s.0.as_str())
    }

    pub fn screen_kind(&self) -> ScreenKind {
        self.stack
            .last()
            .map(Screen::kind)
            .unwrap_or(ScreenKind::Overview)
    }

    /// Whether a prompt or popup is open.
    pub fn has_overlay(&self) -> bool {
        !matches!(self.overlay, Overlay::None)
    }

    pub(super) fn ctx_parts(&self) -> (Lang, &'static Strings, Palette) {
        (self.lang, self.t, self.pal)
    }

    pub(super) fn ok(&mut self, msg: String) {
        self.status = Some((msg, false));
    }

    pub(super) fn err(&mut self, msg: impl std::fmt::Display) {
        self.status = Some((msg.to_string(), true));
    }

    /// Rebuild the top screen's view model from the core.
    pub(super) fn reload(&mut self) {
        if let Err(e) = self.try_reload() {
            self.fail(&e);
        }
    }

    /// Show a core error on the status line, in the interface language.
    pub(super) fn fail(&mut self, e: &crate::app::CoreError) {
        self.err(crate::i18n::meeting::core_error(self.lang, e));
    }

    fn try_reload(&mut self) -> Result<()> {
        let (lang, t, pal) = self.ctx_parts();
        let ctx = Ctx { lang, t, pal: &pal };
        let p = self.period;
        self.period_state = match &p {
            Some(p) => self.ledger.period_row(p)?.map(|r| r.state),
            None => None,
        };
        let board = self.board_words()?;
        let today = self.today();
        let l = &self.ledger;
        match (self.stack.last_mut(), p) {
            (Some(Screen::Overview(s)), _) => s.load(l, p.as_ref(), &ctx, board, today),
            (Some(Screen::RollCall(s)), Some(p)) => s.load(l, &p),
            (Some(Screen::Members(s)), Some(p)) => s.load(l, &p, &ctx),
            (Some(Screen::Confirm(s)), Some(p)) => s.load(l, &p, &ctx),
            (Some(Screen::Lock(s)), Some(p)) => s.load(l, &p, ctx.zh()),
            (Some(Screen::Year(s)), _) => s.load(l, ctx.zh()),
            (Some(Screen::Appeals(s)), _) => s.load(l, today),
            (Some(Screen::Redeem(s)), Some(p)) => s.load(l, &p, &ctx),
            (Some(Screen::Appraisal(s)), Some(p)) => s.load(l, &p, &ctx),
            _ => Ok(()),
        }
    }

    /// What the room display shows, in words.
    pub(super) fn board_words(&self) -> Result<String> {
        let mode = self.ledger.board_mode()?;
        let on = self.ledger.board_period(None)?.map(|p| p.to_string());
        let members = self.ledger.roster()?;
        Ok(super::board_popup::describe(
            &mode,
            on.as_deref(),
            self.t,
            |id| {
                members
                    .iter()
                    .find(|m| m.id == id)
                    .map(|m| m.name.to_string())
                    .unwrap_or_else(|| format!("#{id}"))
            },
        ))
    }

    /// Push a screen (it needs a period unless it is the overview or year).
    pub(super) fn push(&mut self, s: Screen) {
        let needs = !matches!(
            s.kind(),
            ScreenKind::Overview | ScreenKind::Year | ScreenKind::Appeals
        );
        if needs && self.period.is_none() {
            self.err(self.t.no_period);
            return;
        }
        self.stack.push(s);
        self.reload();
    }

    /// Feed one key through the console: overlay first, then the screen's key map.
    pub fn handle_key(&mut self, key: KeyEvent) {
        if key.kind != KeyEventKind::Press {
            return;
        }
        if self.ask_quit {
            self.ask_quit = false;
            if keymap::lookup(prompt::YES_NO_KEYS, &key) == Some(prompt::FormAct::Submit) {
                self.quit = true;
            }
            return;
        }
        let force = keys::action_for(ScreenKind::Overview, key) == Some(Action::ForceQuit);
        match std::mem::replace(&mut self.overlay, Overlay::None) {
            Overlay::None => {
                if let Some(a) = keys::action_for(self.screen_kind(), key) {
                    self.update(a);
                    self.follow_spotlight();
                }
            }
            Overlay::Help => {}
            Overlay::Form(mut f) => {
                if force {
                    self.ask_or_quit(f.half_filled(), Overlay::Form(f));
                    return;
                }
                match f.handle_key(key) {
                    Outcome::Cancel => {}
                    Outcome::Submit => self.submit(f),
                    Outcome::Changed => {
                        if f.kind == FormKind::Search {
                            self.search(f.value(0));
                        }
                        self.overlay = Overlay::Form(f);
                    }
                    Outcome::Continue => self.overlay = Overlay::Form(f),
                }
            }
            Overlay::NewClaim(mut f) => {
                if force {
                    self.ask_or_quit(f.half_filled(), Overlay::NewClaim(f));
                    return;
                }
                match f.handle_key(key, self.ledger.scheme()) {
                    Outcome::Cancel => {}
                    Outcome::Submit => self.submit_claim(f),
                    _ => self.overlay = Overlay::NewClaim(f),
                }
            }
            Overlay::Board(mut b) => {
                if force {
                    self.quit = true;
                    return;
                }
                match b.handle_key(key) {
                    Err(()) => {}
                    Ok(None) => self.overlay = Overlay::Board(b),
                    Ok(Some(c)) => {
                        let member = b.member.clone();
                        self.board_choice(c, member);
                    }
                }
            }
            Overlay::Grade(mut g) => {
                if force {
                    self.quit = true;
                    return;
                }
                match g.handle_key(key) {
                    super::grade_picker::PickKey::Stay => self.overlay = Overlay::Grade(g),
                    super::grade_picker::PickKey::Close => {}
                    super::grade_picker::PickKey::Record(grade) => {
                        self.record_final_grade(g, grade)
                    }
                }
            }
            Overlay::Papers(mut pp) => {
                if force {
                    self.quit = true;
                    return;
                }
                match pp.handle_key(key) {
                    PapersKey::Close => {}
                    PapersKey::Stay => self.overlay = Overlay::Papers(pp),
                    PapersKey::Write(paper, format) => {
                        self.write_papers(&mut pp, paper, format);
                        self.overlay = Overlay::Papers(pp);
                    }
                    PapersKey::Filing => {
                        self.write_filing(&mut pp);
                        self.overlay = Overlay::Papers(pp);
                    }
                }
            }
        }
    }

    /// The footer's hints for what reads keys now: the open prompt or popup,
    /// else the screen's keys and the shared ones (a read-only console
    /// leaves out the keys that write).
    fn footer_hints(&self) -> (Vec<Hint>, Vec<Hint>) {
        let t = self.t;
        if self.ask_quit {
            return keymap::hints(prompt::YES_NO_KEYS, t, |_| true);
        }
        match &self.overlay {
            Overlay::Form(f) => keymap::hints(f.keys(), t, |_| true),
            Overlay::NewClaim(_) => keymap::hints(super::new_claim::KEYS, t, |_| true),
            Overlay::Board(_) => keymap::hints(super::board_popup::KEYS, t, |_| true),
            Overlay::Papers(_) => keymap::hints(super::papers::KEYS, t, |_| true),
            Overlay::Grade(_) => keymap::hints(super::grade_picker::KEYS, t, |_| true),
            Overlay::None | Overlay::Help => {
                let ro = self.read_only.is_some();
                let keep = |b: &keymap::Binding<Action>| !ro || !b.some_action().writes();
                let own = self.screen_kind().keys();
                let (mut keys, mut pinned) = keymap::hints(own, t, keep);
                // A shared key the screen gives its own meaning is shown once, as the screen's.
                let shared = |b: &keymap::Binding<Action>| {
                    keep(b)
                        && !b
                            .keys
                            .iter()
                            .all(|k| own.iter().any(|o| o.keys.contains(k)))
                };
                let (k, p) = keymap::hints(super::keys::GLOBAL, t, shared);
                keys.extend(k);
                pinned.extend(p);
                (keys, pinned)
            }
        }
    }

    fn ask_or_quit(&mut self, half: bool, keep: Overlay) {
        if half {
            self.ask_quit = true;
            self.overlay = keep;
        } else {
            self.quit = true;
        }
    }

    /// Draw into a frame (sets the cursor inside prompts).
    pub fn draw(&mut self, frame: &mut Frame) {
        let area = frame.area();
        if let Some(p) = self.render(area, frame.buffer_mut()) {
            frame.set_cursor_position(p);
        }
    }

    /// Draw into a buffer; returns where the text cursor belongs, if anywhere.
    pub fn render(&mut self, area: Rect, buf: &mut Buffer) -> Option<Position> {
        let (lang, t, pal) = self.ctx_parts();
        let ctx = Ctx { lang, t, pal: &pal };
        if !fits(area, MIN_WIDTH, MIN_HEIGHT) {
            too_small(
                area,
                buf,
                t.too_small,
                &format!("{} {MIN_WIDTH}x{MIN_HEIGHT}", t.need),
                pal.warning,
            );
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
            branch: self.ledger.branch().name.clone(),
            period: self
                .period
                .map(|p| p.to_string())
                .unwrap_or_else(|| "-".into()),
            state: self
                .period_state
                .map(|s| lang.words().common.period_state(s))
                .unwrap_or_default(),
            screen: kind.title(t).to_string(),
            read_only: self.read_only.clone(),
        };
        chrome::draw_header(head, buf, &header, &ctx);
        match self.stack.last_mut() {
            Some(Screen::Overview(s)) => s.draw(body, buf, &ctx),
            Some(Screen::RollCall(s)) => s.draw(body, buf, &ctx),
            Some(Screen::Members(s)) => s.draw(body, buf, &ctx),
            Some(Screen::Confirm(s)) => s.draw(body, buf, &ctx),
            Some(Screen::Lock(s)) => s.draw(body, buf, &ctx),
            Some(Screen::Year(s)) => s.draw(body, buf, &ctx),
            Some(Screen::Appeals(s)) => s.draw(body, buf, &ctx),
            Some(Screen::Redeem(s)) => s.draw(body, buf, &ctx),
            Some(Screen::Appraisal(s)) => s.draw(body, buf, &ctx),
            None => {}
        }
        // A read-only console with nothing else to say shows who holds the database.
        let note = self.read_only.clone().map(|n| (n, true));
        chrome::draw_status(status, buf, self.status.as_ref().or(note.as_ref()), &ctx);
        let (keys, pinned) = self.footer_hints();
        chrome::draw_footer(foot, buf, &keys, &pinned, &ctx);
        let cursor = match &self.overlay {
            Overlay::None => None,
            Overlay::Help => {
                help::draw(area, buf, &help::screen_keys(kind, t), &ctx);
                None
            }
            Overlay::Form(f) => f.draw(body, buf, &ctx),
            Overlay::NewClaim(f) => f.draw(body, buf, &ctx, self.ledger.scheme()),
            Overlay::Board(b) => {
                b.draw(body, buf, &ctx);
                None
            }
            Overlay::Papers(pp) => {
                pp.draw(body, buf, &ctx);
                None
            }
            Overlay::Grade(g) => {
                g.draw(body, buf, &ctx);
                None
            }
        };
        if self.ask_quit {
            let inner = popup(centered(body, 50, 4), buf, t.k_quit, pal.warning);
            let lines = [
                Line::raw(t.prompt_quit),
                crate::tui::widgets::key_hints(
                    &keymap::popup_hints(prompt::YES_NO_KEYS, t),
                    inner.width as usize,
                    pal.key,
                    pal.muted,
                ),
            ];
            crate::tui::widgets::draw_rows(inner, buf, None, &lines, None, pal.selected);
            return None;
        }
        cursor
    }
}

// Screens used by the update half (kept here so both halves share one import list).
pub(super) use appeals::Appeals as AppealsScreen;
pub(super) use confirm::Confirm as ConfirmScreen;
pub(super) use lock::Lock as LockScreen;
pub(super) use members::{Members as MembersScreen, Pane};
pub(super) use roll_call::RollCall as RollCallScreen;
