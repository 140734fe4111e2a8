//! Terminal front ends: the secretary's console and the room display.

pub mod board;
pub mod console;
pub mod theme;
pub mod widgets;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// Exit the process if a stop signal (SIGHUP, SIGTERM, SIGINT) was raised and the
/// view did not finish by itself shortly after: when the terminal goes away,
/// crossterm's `poll` can spin without returning, and a console left spinning on
/// a dead tty helps nobody. Every action is already committed, so exiting loses nothing.
pub fn exit_watchdog(stop: &Arc<AtomicBool>) {
    let flag = Arc::clone(stop);
    std::thread::spawn(move || {
        while !flag.load(Ordering::Relaxed) {
            std::thread::sleep(Duration::from_millis(100));
        }
        std::thread::sleep(Duration::from_millis(1500));
        std::process::exit(0);
    });
}
