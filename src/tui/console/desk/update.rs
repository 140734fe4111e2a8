//! What the desk's keys do: move, switch screens and periods, and the acts,
//! each through the app function the command line uses (`filing publish`,
//! `filing receive`, `review file|decide|export`), asked in a form first.

use super::app::{Ask, Desk, DeskScreen, Overlay};
use super::keys::DeskAction;
use super::ranking::{Branch, Ranking};
use super::reviews::Reviews;
use crate::app::committee_view as cv;
use crate::app::review::{self, Decision};
use crate::domain::model::{AppealOutcome, AppealStatus};
use crate::tui::console::field::Field;
use crate::tui::console::prompt::{Form, FormKind, Outcome};
use crate::tui::widgets::Scroll;
use ratatui::crossterm::event::KeyEvent;

/// Rows a page key moves.
const PAGE: isize = 10;

impl Desk {
    fn scroll(&mut self) -> Option<(&mut Scroll, usize)> {
        match self.stack.last_mut()? {
            DeskScreen::Filings(s) => {
                let n = s.len();
                Some((&mut s.scroll, n))
            }
            DeskScreen::Ranking(s) => Some((&mut s.scroll, s.lines.len())),
            DeskScreen::Branch(s) => Some((&mut s.scroll, s.lines.len())),
            DeskScreen::Reviews(s) => Some((&mut s.scroll, s.rows.len())),
        }
    }

    fn step(&mut self, delta: isize) {
        if let Some((s, n)) = self.scroll() {
            s.step(delta, n);
        }
    }

    /// Put screen `s` alone over the filings screen (or the filings alone).
    fn show(&mut self, s: Option<DeskScreen>) {
        self.stack.truncate(1);
        if let Some(s) = s {
            self.stack.push(s);
        }
        self.reload();
    }

    fn screen_n(&mut self, n: u8) {
        match n {
            0 => self.show(None),
            1 => self.show(Some(DeskScreen::Ranking(Ranking::default()))),
            _ => self.show(Some(DeskScreen::Reviews(Reviews::default()))),
        }
    }

    fn next_screen(&mut self) {
        let n = match self.stack.last() {
            Some(DeskScreen::Filings(_)) => 1,
            Some(DeskScreen::Ranking(_) | DeskScreen::Branch(_)) => 2,
            _ => 0,
        };
        self.screen_n(n);
    }

    fn step_period(&mut self, delta: isize) {
        let Some(p) = &self.period else { return };
        let Some(i) = self.periods.iter().position(|x| x == p) else {
            return;
        };
        let j = (i as isize + delta).clamp(0, self.periods.len() as isize - 1) as usize;
        self.period = Some(self.periods[j].clone());
        self.reload();
    }

    /// Do what a key asked.
    pub(super) fn update(&mut self, a: DeskAction) {
        self.status = None;
        match a {
            DeskAction::Up => self.step(-1),
            DeskAction::Down => self.step(1),
            DeskAction::PageUp => self.step(-PAGE),
            DeskAction::PageDown => self.step(PAGE),
            DeskAction::Top => self.step(isize::MIN / 2),
            DeskAction::Bottom => self.step(isize::MAX / 2),
            DeskAction::Screen(n) => self.screen_n(n),
            DeskAction::NextScreen => self.next_screen(),
            DeskAction::PrevPeriod => self.step_period(-1),
            DeskAction::NextPeriod => self.step_period(1),
            DeskAction::Open => self.open(),
            DeskAction::Sort => {
                if let Some(DeskScreen::Filings(s)) = self.stack.last_mut() {
                    s.cycle_sort();
                }
            }
            DeskAction::Search => self.ask(Ask::Search),
            DeskAction::Publish => self.ask_publish(),
            DeskAction::Receive => self.ask(Ask::Receive),
            DeskAction::FileReview => self.ask_file(),
            DeskAction::Uphold => self.ask_decision(true),
            DeskAction::Dismiss => self.ask_decision(false),
            DeskAction::Export => self.ask_export(),
            DeskAction::Back => {
                if self.stack.len() > 1 {
                    self.stack.pop();
                    self.reload();
                }
            }
            DeskAction::Help => self.overlay = Overlay::Help,
            DeskAction::Quit => self.quit = true,
        }
    }

    /// Enter: a filing's details, or the selected place's branch ranking.
    fn open(&mut self) {
        let w = self.t.desk;
        match self.stack.last() {
            Some(DeskScreen::Filings(s)) => match s.selected() {
                Some(l) => {
                    let lines = super::detail::lines(l, s.view.as_ref(), self.lang);
                    self.overlay = Overlay::Lines(format!("{}  {}", w.detail, l.branch), lines);
                }
                None => self.ok(w.nothing_selected.to_string()),
            },
            Some(DeskScreen::Ranking(s)) => match s.selected_branch() {
                Some(b) => {
                    let b = Branch::new(b);
                    self.stack.push(DeskScreen::Branch(b));
                    self.reload();
                }
                None => self.ok(w.nothing_selected.to_string()),
            },
            _ => {}
        }
    }

    fn ask(&mut self, ask: Ask) {
        let w = self.t.desk;
        let (title, info, fields) = match &ask {
            Ask::Search => (w.search, vec![], vec![Field::new(w.f_branch, "")]),
            Ask::Receive => {
                let dir = self.db.parent().map(|p| p.display().to_string());
                (
                    w.ask_receive,
                    vec![w.receive_info.to_string()],
                    vec![Field::new(w.f_folder, &dir.unwrap_or_default())],
                )
            }
            _ => return,
        };
        let kind = match ask {
            Ask::Search => FormKind::Search,
            _ => FormKind::Desk,
        };
        self.overlay = Overlay::Form(ask, Form::new(kind, title, info, fields));
    }

    fn ask_publish(&mut self) {
        let w = self.t.desk;
        let Some(p) = self.period.clone() else {
            self.ok(w.none_yet.to_string());
            return;
        };
        let today = self.today();
        let days = crate::app::committee::PUBLICATION_DAYS;
        let plan = cv::filings_view(&self.db, &p, today).and_then(|v| {
            let end = cv::window_end(&self.db, today, days)?;
            Ok((v.unposted(), end))
        });
        match plan {
            Ok((n, end)) => {
                let text = (w.publish_info)(&p, n, days, &today.to_string(), &end.to_string());
                let info = text.lines().map(String::from).collect();
                let f = Form::new(FormKind::Desk, w.ask_publish, info, vec![]);
                self.overlay = Overlay::Form(Ask::Publish { period: p }, f);
            }
            Err(e) => self.fail(&e),
        }
    }

    fn ask_file(&mut self) {
        let w = self.t.desk;
        let Some(p) = self.period.clone() else {
            self.ok(w.none_yet.to_string());
            return;
        };
        let (branch, member) = match self.stack.last() {
            Some(DeskScreen::Filings(s)) => (s.selected().map(|l| l.branch.clone()), None),
            Some(DeskScreen::Branch(s)) => (
                Some(s.branch.clone()),
                s.selected_member().map(String::from),
            ),
            Some(DeskScreen::Reviews(s)) => (s.selected().map(|r| r.branch.clone()), None),
            _ => (None, None),
        };
        let fields = vec![
            Field::new(w.f_branch, &branch.unwrap_or_default()),
            Field::new(w.f_member, &member.unwrap_or_default()),
            Field::new(w.f_item, ""),
            Field::new(w.f_text, ""),
        ];
        let f = Form::new(FormKind::Desk, w.ask_file, vec![p.clone()], fields);
        self.overlay = Overlay::Form(Ask::File { period: p }, f);
    }

    /// The reconsideration selected on the reconsiderations screen.
    fn selected_review(&self) -> Option<review::ReviewView> {
        match self.stack.last() {
            Some(DeskScreen::Reviews(s)) => s.selected().cloned(),
            _ => None,
        }
    }

    fn ask_decision(&mut self, uphold: bool) {
        let w = self.t.desk;
        let Some(r) = self.selected_review() else {
            self.ok(w.nothing_selected.to_string());
            return;
        };
        if r.status != AppealStatus::Open {
            self.ok(w.needs_open.to_string());
            return;
        }
        let info = vec![(w.review_info)(r.id, &r.branch, &r.member, &r.text)];
        let (title, ask, fields) = if uphold {
            (
                w.ask_uphold,
                Ask::Uphold { id: r.id },
                vec![
                    Field::new(w.f_points, ""),
                    Field::new(w.f_item, r.item.as_deref().unwrap_or_default()),
                    Field::new(w.f_reason, ""),
                ],
            )
        } else {
            (
                w.ask_dismiss,
                Ask::Dismiss { id: r.id },
                vec![Field::new(w.f_reason, "")],
            )
        };
        self.overlay = Overlay::Form(ask, Form::new(FormKind::Desk, title, info, fields));
    }

    fn ask_export(&mut self) {
        let w = self.t.desk;
        let Some(r) = self.selected_review() else {
            self.ok(w.nothing_selected.to_string());
            return;
        };
        if r.status == AppealStatus::Open {
            self.ok(w.needs_decided.to_string());
            return;
        }
        let dir = self.db.parent().map(|p| p.display().to_string());
        let info = vec![(w.review_info)(r.id, &r.branch, &r.member, &r.text)];
        let fields = vec![Field::new(w.f_folder, &dir.unwrap_or_default())];
        let f = Form::new(FormKind::Desk, w.ask_export, info, fields);
        self.overlay = Overlay::Form(Ask::Export { id: r.id }, f);
    }

    /// A key in an open form: edit, cancel, or submit it.
    pub(super) fn form_key(&mut self, ask: Ask, mut f: Form, key: KeyEvent) {
        match f.handle_key(key) {
            Outcome::Cancel => {}
            Outcome::Continue => self.overlay = Overlay::Form(ask, f),
            Outcome::Changed => {
                if ask == Ask::Search {
                    self.search(f.value(0));
                }
                self.overlay = Overlay::Form(ask, f);
            }
            Outcome::Submit => match self.submit(&ask, &f) {
                Ok(None) => {}
                Ok(Some(msg)) => {
                    self.ok(msg);
                    self.reload();
                }
                Err(e) => {
                    f.error = Some(e);
                    self.overlay = Overlay::Form(ask, f);
                }
            },
        }
    }

    fn search(&mut self, text: &str) {
        let found = match self.stack.last_mut() {
            Some(DeskScreen::Filings(s)) => s.search(text),
            Some(DeskScreen::Ranking(s)) => s.search(text),
            _ => true,
        };
        if !found {
            self.ok((self.t.desk.no_match)(text));
        } else {
            self.status = None;
        }
    }

    /// Run a submitted form; `Ok(Some(words))` for the status line, an
    /// error's words keep the form open.
    fn submit(&mut self, ask: &Ask, f: &Form) -> Result<Option<String>, String> {
        let lang = self.lang;
        let words = |e: crate::app::CoreError| crate::i18n::meeting::core_error(lang, &e);
        let rw = lang.words().review;
        let w = self.t.desk;
        let today = self.today();
        let opt = |s: &str| Some(s.trim()).filter(|s| !s.is_empty()).map(String::from);
        match ask {
            Ask::Search => Ok(None),
            Ask::Publish { period } => {
                let p =
                    crate::app::committee::publish(&self.db, period, None, today).map_err(words)?;
                Ok(Some((rw.posted)(
                    &p.period,
                    p.posted.len(),
                    p.already,
                    &p.posted_on,
                    p.days,
                    &p.window_end,
                )))
            }
            Ask::Receive => {
                // The files are listed here (a folder with none keeps the
                // form open, saying so); the worker receives them.
                let path = std::path::PathBuf::from(f.value(0).trim());
                let files = crate::app::filing::inbox_files(&[path]).map_err(words)?;
                let r = super::receipt::Receiving::start(&self.db, files, lang)?;
                self.overlay = Overlay::Receiving(r);
                Ok(None)
            }
            Ask::File { period } => {
                let r = review::file(
                    &self.db,
                    f.value(0).trim(),
                    period,
                    f.value(1),
                    opt(f.value(2)).as_deref(),
                    f.value(3),
                    today,
                )
                .map_err(words)?;
                self.show(Some(DeskScreen::Reviews(Reviews::default())));
                if let Some(DeskScreen::Reviews(s)) = self.stack.last_mut() {
                    if let Some(i) = s.rows.iter().position(|x| x.id == r.id) {
                        s.scroll.select(i, s.rows.len());
                    }
                }
                Ok(Some((rw.filed)(
                    r.id, &r.branch, &r.period, &r.member, &r.due,
                )))
            }
            Ask::Uphold { id } => {
                let points: f64 = f
                    .value(0)
                    .trim()
                    .parse()
                    .map_err(|_| w.bad_points.to_string())?;
                let d = Decision {
                    outcome: AppealOutcome::Upheld,
                    item: opt(f.value(1)),
                    points: Some(points),
                    reason: opt(f.value(2)),
                };
                let r = review::decide(&self.db, *id, &d, today).map_err(words)?;
                Ok(Some((rw.decided)(&r)))
            }
            Ask::Dismiss { id } => {
                let d = Decision {
                    outcome: AppealOutcome::Dismissed,
                    item: None,
                    points: None,
                    reason: opt(f.value(0)),
                };
                let r = review::decide(&self.db, *id, &d, today).map_err(words)?;
                Ok(Some((rw.decided)(&r)))
            }
            Ask::Export { id } => {
                let out = std::path::PathBuf::from(f.value(0).trim());
                let out = (!out.as_os_str().is_empty()).then_some(out);
                let e = review::export(&self.db, *id, out.as_deref()).map_err(words)?;
                let file = &e.file;
                Ok(Some((rw.exported)(
                    &e.path.display().to_string(),
                    *id,
                    &file.branch,
                    &file.period,
                    &file.committee.hash,
                )))
            }
        }
    }
}
