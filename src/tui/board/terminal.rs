//! The full-screen loop: terminal set-up and restore, input, signals, redraws.
//! The database is read on its own thread, so a slow or locked database never
//! freezes the screen or the quit key.

use super::draw::draw;
use super::poller::{Frame, Poller, POLL};
use crate::tui::theme::Theme;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A reading thread silent for longer than this is stuck on the database.
const STALL: Duration = Duration::from_secs(2);
/// How often the drawing side looks for a new frame (building a view is a few
/// microseconds; drawing happens only when the view changed).
const TICK: Duration = Duration::from_millis(25);

/// Restores the terminal however the loop ends (early return, error, panic unwind).
struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        ratatui::restore();
    }
}

/// The latest frame from the reading thread and when it last finished a poll.
struct Link {
    frame: Mutex<(Arc<Frame>, Instant)>,
}

fn now() -> chrono::DateTime<chrono::FixedOffset> {
    chrono::Local::now().fixed_offset()
}

/// Poll every POLL on a thread of its own; publish a new frame on each change.
fn reader(
    mut poller: Poller,
    link: Arc<Link>,
    stop: Arc<AtomicBool>,
) -> std::thread::JoinHandle<()> {
    std::thread::spawn(move || {
        while !stop.load(Ordering::Relaxed) {
            let changed = poller.poll(now());
            let fresh = changed.then(|| Arc::new(poller.frame()));
            if let Ok(mut f) = link.frame.lock() {
                if let Some(fr) = fresh {
                    f.0 = fr;
                }
                f.1 = Instant::now();
            }
            std::thread::sleep(POLL);
        }
    })
}

/// Run until a quit key, a hang-up or termination, or the terminal going away.
pub fn run(poller: Poller, theme: &Theme) -> std::io::Result<()> {
    let stop = Arc::new(AtomicBool::new(false));
    for sig in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        signal_hook::flag::register(sig, Arc::clone(&stop))?;
    }
    // The first read happens before the screen is taken: no empty first frame.
    let mut poller = poller;
    crate::tui::exit_watchdog(&stop);
    poller.poll(now());
    let link = Arc::new(Link {
        frame: Mutex::new((Arc::new(poller.frame()), Instant::now())),
    });
    let worker = reader(poller, Arc::clone(&link), Arc::clone(&stop));
    let result = draw_loop(&link, theme, &stop);
    stop.store(true, Ordering::Relaxed);
    // The reader may be waiting on a lock; it is not joined, the process ends.
    drop(worker);
    result
}

fn draw_loop(link: &Link, theme: &Theme, stop: &AtomicBool) -> std::io::Result<()> {
    // try_init also installs a panic hook that restores the terminal first.
    let mut terminal = ratatui::try_init()?;
    let _guard = Guard;
    let mut last = None;
    let mut dirty = true;
    while !stop.load(Ordering::Relaxed) {
        let (frame, beat) = match link.frame.lock() {
            Ok(f) => (Arc::clone(&f.0), f.1),
            Err(_) => break,
        };
        let stalled = (beat.elapsed() > STALL).then(|| beat.elapsed().as_secs() as i64);
        let view = frame.view(now(), stalled);
        if dirty || last.as_ref() != Some(&view) {
            terminal.draw(|f| {
                let area = f.area();
                draw(&view, theme, area, f.buffer_mut());
            })?;
            last = Some(view);
            dirty = false;
        }
        // Errors here mean the terminal is gone: leave instead of spinning.
        if event::poll(TICK)? {
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
