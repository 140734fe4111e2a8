//! The real terminal: raw mode and the alternate screen behind a guard that
//! always restores them (quit, error, panic, SIGTERM/SIGHUP), and an event
//! loop that exits when the terminal goes away instead of spinning.

use super::app::App;
use crate::app::{CoreError, Result};
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{self, Event};
use ratatui::crossterm::{cursor, execute, terminal};
use ratatui::Terminal;
use std::io::{self, Stdout};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

fn io_err(e: io::Error) -> CoreError {
    CoreError::Terminal {
        detail: e.to_string(),
    }
}

/// Put the terminal back as it was (safe to call twice).
pub fn restore() {
    let _ = terminal::disable_raw_mode();
    let _ = execute!(io::stdout(), terminal::LeaveAlternateScreen, cursor::Show);
}

/// Raw mode and the alternate screen for as long as it lives.
pub struct TerminalGuard {
    pub terminal: Terminal<CrosstermBackend<Stdout>>,
}

impl TerminalGuard {
    pub fn enter() -> Result<TerminalGuard> {
        install_panic_hook();
        terminal::enable_raw_mode().map_err(io_err)?;
        let guard_on_error = scopeguard_restore();
        execute!(io::stdout(), terminal::EnterAlternateScreen).map_err(io_err)?;
        let terminal = Terminal::new(CrosstermBackend::new(io::stdout())).map_err(io_err)?;
        std::mem::forget(guard_on_error);
        Ok(TerminalGuard { terminal })
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

/// Restores on drop unless forgotten: covers a failure half-way through `enter`.
struct RestoreOnDrop;
impl Drop for RestoreOnDrop {
    fn drop(&mut self) {
        restore();
    }
}
fn scopeguard_restore() -> RestoreOnDrop {
    RestoreOnDrop
}

fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}

/// A flag raised by SIGTERM, SIGHUP or SIGINT.
fn stop_flag() -> Result<Arc<AtomicBool>> {
    let flag = Arc::new(AtomicBool::new(false));
    #[cfg(unix)]
    for sig in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        signal_hook::flag::register(sig, Arc::clone(&flag)).map_err(io_err)?;
    }
    Ok(flag)
}

/// A full-screen front end the loop drives: the console, the committee's desk.
pub trait Front {
    /// Draw into a frame.
    fn draw(&mut self, frame: &mut ratatui::Frame);
    /// Feed one key.
    fn handle_key(&mut self, key: event::KeyEvent);
    /// Whether the user has quit.
    fn should_quit(&self) -> bool;
}

impl Front for App {
    fn draw(&mut self, frame: &mut ratatui::Frame) {
        App::draw(self, frame)
    }
    fn handle_key(&mut self, key: event::KeyEvent) {
        App::handle_key(self, key)
    }
    fn should_quit(&self) -> bool {
        App::should_quit(self)
    }
}

/// Called about every quarter second while idle (lease heartbeat).
pub type Tick<'a, F = App> = dyn FnMut(&mut F) + 'a;

/// Draw and read keys until the user quits, a signal arrives or the tty dies.
pub fn event_loop<F: Front>(app: &mut F, tick: &mut Tick<F>) -> Result<()> {
    let stop = stop_flag()?;
    crate::tui::exit_watchdog(&stop);
    let mut guard = TerminalGuard::enter()?;
    // Events per second: a dead tty can make poll report input forever.
    let mut window = Instant::now();
    let mut events = 0u32;
    loop {
        if stop.load(Ordering::Relaxed) || app.should_quit() {
            break;
        }
        guard.terminal.draw(|f| app.draw(f)).map_err(io_err)?;
        match event::poll(Duration::from_millis(250)) {
            Err(_) => break,
            Ok(false) => tick(app),
            Ok(true) => match event::read() {
                Err(_) => break,
                Ok(Event::Key(k)) => app.handle_key(k),
                Ok(_) => {}
            },
        }
        events += 1;
        if window.elapsed() >= Duration::from_secs(1) {
            window = Instant::now();
            events = 0;
        } else if events > 2_000 {
            break;
        }
    }
    drop(guard);
    Ok(())
}
