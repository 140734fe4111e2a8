//! Progress bars for long work (imports, verify, retotal), drawn on stderr
//! only when a person watches: quiet when stdout or stderr is not a terminal.

use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;

/// A bar that shows `label` and how far the work is; hidden when not watched.
pub struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    /// A bar for work measured in `unit` (for example "bytes" or "events").
    pub fn new(label: &str, bytes: bool) -> Progress {
        let watched = std::io::stdout().is_terminal() && std::io::stderr().is_terminal();
        let bar = watched.then(|| {
            let template = if bytes {
                "{msg} [{bar:30}] {bytes}/{total_bytes} {eta}"
            } else {
                "{msg} [{bar:30}] {pos}/{len} {eta}"
            };
            let style = ProgressStyle::with_template(template)
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> ");
            let b = ProgressBar::new(0).with_style(style);
            b.set_message(label.to_string());
            b
        });
        Progress { bar }
    }

    /// Report `done` of `total`.
    pub fn tell(&mut self, done: u64, total: u64) {
        if let Some(b) = &self.bar {
            b.set_length(total);
            b.set_position(done);
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}
