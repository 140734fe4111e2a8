//! Receiving an inbox at the desk: the receipt runs on a worker thread (a
//! county's 2,000 filings take seconds) and says how far it is through a
//! channel; the desk's tick takes that in and a gauge is drawn over the
//! screen until the receipt ends, when its lines show.

use crate::i18n::Lang;
use crate::tui::console::screen::Ctx;
use crate::tui::widgets::{centered, popup};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::symbols;
use ratatui::text::{Line, Span};
use ratatui::widgets::{LineGauge, Widget};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::thread::JoinHandle;

/// What the worker says.
#[derive(Debug)]
enum News {
    /// Files done, files in all.
    Progress(u64, u64),
    /// The receipt's lines, or why it could not be made.
    Done(Result<Vec<String>, String>),
}

/// A receipt under way: how far it is, as last heard.
#[derive(Debug)]
pub struct Receiving {
    news: Receiver<News>,
    pub done: u64,
    pub all: u64,
    worker: Option<JoinHandle<()>>,
    /// Said if the worker ends without a word (it panicked).
    stopped: &'static str,
}

impl Receiving {
    /// Start receiving `files` into the committee database `db` on a worker
    /// thread; an error's words if the thread cannot be started.
    pub fn start(db: &Path, files: Vec<PathBuf>, lang: Lang) -> Result<Receiving, String> {
        let w = lang.words().console.desk;
        let (tx, news) = mpsc::channel();
        let all = files.len() as u64;
        let db = db.to_path_buf();
        let worker = std::thread::Builder::new()
            .name("desk-receive".into())
            .spawn(move || {
                let mut last = None;
                let lines = super::detail::receive(&db, &files, lang, &mut |d, a| {
                    if last != Some((d, a)) {
                        last = Some((d, a));
                        // The desk gone (it quit), no one listens: go on.
                        let _ = tx.send(News::Progress(d, a));
                    }
                });
                let _ = tx.send(News::Done(lines));
            })
            .map_err(|e| (w.receipt_failed)(&e.to_string()))?;
        Ok(Receiving {
            news,
            done: 0,
            all,
            worker: Some(worker),
            stopped: w.receipt_stopped,
        })
    }

    /// Take in everything the worker said since; the receipt's end (its
    /// lines, or why it failed) once it ended.
    pub fn drain(&mut self) -> Option<Result<Vec<String>, String>> {
        loop {
            match self.news.try_recv() {
                Ok(News::Progress(done, all)) => (self.done, self.all) = (done, all),
                Ok(News::Done(end)) => {
                    self.join();
                    return Some(end);
                }
                Err(TryRecvError::Empty) => return None,
                Err(TryRecvError::Disconnected) => {
                    self.join();
                    return Some(Err(self.stopped.to_string()));
                }
            }
        }
    }

    /// Wait for the worker, which has said its last word.
    fn join(&mut self) {
        if let Some(h) = self.worker.take() {
            // A panic was already told as the receipt stopping.
            let _ = h.join();
        }
    }
}

/// Draw the gauge over `area`: files done of all, a bar, what Ctrl-C does
/// (its key is in the footer too).
pub fn draw(area: Rect, buf: &mut Buffer, r: &Receiving, ctx: &Ctx) {
    let (pal, w) = (ctx.pal, ctx.t.desk);
    let inner = popup(centered(area, 78, 5), buf, w.ask_receive, pal.title);
    let [count, bar, note] =
        Layout::vertical([Constraint::Length(1); 3]).areas(inner.inner(ratatui::layout::Margin {
            horizontal: 1,
            vertical: 0,
        }));
    Line::raw((w.receiving)(r.done, r.all)).render(count, buf);
    let ratio = match r.all {
        0 => 0.0,
        all => r.done.min(all) as f64 / all as f64,
    };
    LineGauge::default()
        .ratio(ratio)
        .label("")
        .filled_style(pal.title)
        .unfilled_style(pal.muted)
        .filled_symbol(symbols::line::THICK_HORIZONTAL)
        .render(bar, buf);
    Line::from(Span::styled(w.receiving_note, pal.muted)).render(note, buf);
}
