//! The committee's board: on a committee database, the projector shows the
//! cross-branch ranking by category (seed 001 分类排名) of the selected or
//! latest period, with how many branches filed of how many expected in the
//! header; it follows the database live (a cheap change check, a re-read
//! only after another connection committed) and turns its pages by itself.

use super::view::{Header, PAGE_SECS};
use crate::app::committee_view::{self as cv, Watch};
use crate::app::{CoreError, Result};
use crate::domain::model::{fmt_points, Category};
use crate::i18n::Lang;
use crate::tui::theme::Theme;
use chrono::NaiveDate;
use std::path::Path;
use std::time::{Duration, Instant};

/// One line of the board's ranking.
#[derive(Debug, Clone, PartialEq)]
pub enum Line {
    /// A group's heading: category, scheme and count in words.
    Heading(String),
    /// Place, member, branch, score.
    Place {
        rank: u32,
        member: String,
        branch: String,
        score: String,
    },
}

/// What one frame of the committee's board shows.
#[derive(Debug, Clone, PartialEq)]
pub struct CommitteeView {
    pub lang: Lang,
    pub header: Header,
    pub lines: Vec<Line>,
    /// Page intervals so far (pages turn every `PAGE_SECS`).
    pub tick: u64,
    /// Said instead of the ranking when there is none.
    pub empty: Option<String>,
    pub trouble: Option<String>,
}

/// Read the view of `period` (else the latest filed) at `db` as of `today`.
pub fn read(
    db: &Path,
    lang: Lang,
    period: Option<&str>,
    today: NaiveDate,
) -> Result<CommitteeView> {
    let w = lang.words().console.desk;
    let periods = cv::periods(db, today)?;
    let chosen = period.map(String::from).or_else(|| periods.last().cloned());
    let mut header = Header {
        branch: w.committee.to_string(),
        ..Header::default()
    };
    let Some(p) = chosen else {
        return Ok(CommitteeView {
            lang,
            header,
            lines: Vec::new(),
            tick: 0,
            empty: Some(w.board_nothing.to_string()),
            trouble: None,
        });
    };
    let v = cv::filings_view(db, &p, today)?;
    header.period = format!("{p}  {}", w.board_title);
    header.verdict = (w.board_counts)(v.filed, v.expected, v.late, v.missing);
    let mut lines = Vec::new();
    for g in cv::category_groups(db, &p, lang.is_zh())? {
        let cat = g
            .category
            .parse::<Category>()
            .map(|c| (lang.words().common.category)(c).to_string())
            .unwrap_or_else(|_| g.category.clone());
        lines.push(Line::Heading((w.group)(
            &g.scheme_name,
            &cat,
            g.places.len(),
        )));
        lines.extend(g.places.into_iter().map(|pl| Line::Place {
            rank: pl.rank,
            member: pl.member,
            branch: pl.branch,
            score: fmt_points(pl.score),
        }));
    }
    let empty = lines.is_empty().then(|| w.board_nothing.to_string());
    Ok(CommitteeView {
        lang,
        header,
        lines,
        tick: 0,
        empty,
        trouble: None,
    })
}

/// Follows a committee database: re-reads only when it changed.
pub struct CommitteePoller {
    db: std::path::PathBuf,
    lang: Lang,
    pin: Option<String>,
    watch: Option<Watch>,
    version: Option<i64>,
    view: Option<CommitteeView>,
    /// Re-reads so far, for tests.
    pub reads: u64,
}

impl CommitteePoller {
    /// A poller on `db`; `pin` keeps the board on one period.
    pub fn new(db: &Path, lang: Lang, pin: Option<&str>) -> CommitteePoller {
        CommitteePoller {
            db: db.to_path_buf(),
            lang,
            pin: pin.map(String::from),
            watch: None,
            version: None,
            view: None,
            reads: 0,
        }
    }

    /// Look for a change and re-read after one; whether the view changed.
    pub fn poll(&mut self, today: NaiveDate) -> bool {
        let before = self.view.clone();
        if let Err(e) = self.poll_inner(today) {
            // Keep the last ranking on screen, the trouble under it.
            self.watch = None;
            self.version = None;
            let words = crate::i18n::meeting::core_error(self.lang, &e);
            let l = self.lang.words().board;
            let v = self.view.get_or_insert_with(|| CommitteeView {
                lang: self.lang,
                header: Header::default(),
                lines: Vec::new(),
                tick: 0,
                empty: None,
                trouble: None,
            });
            v.trouble = Some(format!("{}: {words}", l.db_error));
        }
        before != self.view
    }

    fn poll_inner(&mut self, today: NaiveDate) -> Result<()> {
        if self.watch.is_none() {
            let w = Watch::open(&self.db)?;
            w.set_busy_timeout(Duration::from_millis(150))?;
            self.watch = Some(w);
        }
        let v = match &self.watch {
            Some(w) => w.version()?,
            None => return Ok(()),
        };
        if self.version == Some(v) && self.view.as_ref().is_some_and(|v| v.trouble.is_none()) {
            return Ok(());
        }
        self.view = Some(read(&self.db, self.lang, self.pin.as_deref(), today)?);
        self.version = Some(v);
        self.reads += 1;
        Ok(())
    }

    /// The view for page interval `tick`.
    pub fn view(&self, tick: u64) -> Option<CommitteeView> {
        self.view.clone().map(|mut v| {
            v.tick = tick;
            v
        })
    }
}

/// Run the committee's board on `db` until the operator quits (q, Esc, Ctrl-C).
pub fn run(db: &Path, theme: &str, lang: Lang, period: Option<&str>) -> Result<()> {
    let theme = Theme::load(theme).map_err(CoreError::from)?;
    // Refuse a wrong path or period before taking the screen.
    drop(Watch::open(db)?);
    if let Some(p) = period {
        let today = crate::domain::calendar::today();
        if !cv::periods(db, today)?.iter().any(|x| x == p) {
            return Err(crate::app::filing::FilingError::NotReceived {
                branch: String::new(),
                period: p.to_string(),
                known: Vec::new(),
            }
            .into());
        }
    }
    let poller = CommitteePoller::new(db, lang, period);
    draw_loop(poller, &theme).map_err(|e| CoreError::Terminal {
        detail: e.to_string(),
    })
}

fn draw_loop(mut poller: CommitteePoller, theme: &Theme) -> std::io::Result<()> {
    use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
    use std::sync::atomic::{AtomicBool, Ordering};
    let stop = std::sync::Arc::new(AtomicBool::new(false));
    for sig in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        signal_hook::flag::register(sig, std::sync::Arc::clone(&stop))?;
    }
    crate::tui::exit_watchdog(&stop);
    let today = crate::domain::calendar::today;
    poller.poll(today());
    let mut terminal = ratatui::try_init()?;
    struct Restore;
    impl Drop for Restore {
        fn drop(&mut self) {
            ratatui::restore();
        }
    }
    let _restore = Restore;
    let start = Instant::now();
    let mut last: Option<CommitteeView> = None;
    let mut dirty = true;
    while !stop.load(Ordering::Relaxed) {
        poller.poll(today());
        let tick = start.elapsed().as_secs() / PAGE_SECS as u64;
        let view = poller.view(tick);
        if dirty || view != last {
            terminal.draw(|f| {
                let area = f.area();
                if let Some(v) = &view {
                    super::draw::committee::draw(v, theme, area, f.buffer_mut());
                }
            })?;
            last = view;
            dirty = false;
        }
        if event::poll(super::poller::POLL * 4)? {
            match event::read()? {
                Event::Key(k) if k.kind == KeyEventKind::Press => {
                    let ctrl_c =
                        k.code == KeyCode::Char('c') && k.modifiers.contains(KeyModifiers::CONTROL);
                    if ctrl_c || matches!(k.code, KeyCode::Char('q') | KeyCode::Esc) {
                        break;
                    }
                }
                Event::Resize(..) => dirty = true,
                _ => {}
            }
        }
    }
    Ok(())
}
