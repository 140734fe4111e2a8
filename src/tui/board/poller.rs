//! Following the database live: a cheap `data_version` check on every poll,
//! a re-query only when another connection committed, and recovery by itself
//! when the file goes away or stays locked.

use super::changes::Changes;
use super::snapshot::{self, Snapshot};
use super::view::{self, BoardView};
use crate::app::Ledger;
use crate::domain::model::PeriodId;
use crate::i18n::BoardWords;
use chrono::{DateTime, FixedOffset};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How often the loop polls: a commit reaches the screen within this (plus
/// one re-read). An idle poll is one `data_version` pragma and one stat,
/// a few microseconds, so 40 polls a second stay far below 0.1% of a core.
pub const POLL: Duration = Duration::from_millis(25);
/// How long the board waits on a lock before giving up on one poll.
const BUSY: Duration = Duration::from_millis(150);
/// A lock shorter than this is not worth a word on screen.
const LOCK_GRACE_MS: i64 = 2000;
/// How often a lost database is looked for again.
const REOPEN_MS: i64 = 1000;

#[derive(Debug, Clone)]
struct Trouble {
    since: DateTime<FixedOffset>,
    what: String,
    locked: bool,
}

/// The live link from the database to the board's view.
pub struct Poller {
    path: PathBuf,
    branch: Option<String>,
    labels: &'static BoardWords,
    /// The period fixed by `board --period`, if any.
    pin: Option<PeriodId>,
    ledger: Option<Ledger>,
    version: Option<i64>,
    file_id: Option<u64>,
    last_open: Option<DateTime<FixedOffset>>,
    snapshot: Snapshot,
    changes: Changes,
    trouble: Option<Trouble>,
    /// Snapshots read so far (re-queries), for tests and the bench.
    pub reads: u64,
}

impl Poller {
    /// A poller on `path`; the first `poll` opens the database.
    pub fn new(path: &Path, branch: Option<&str>, labels: &'static BoardWords) -> Poller {
        Poller {
            path: path.to_path_buf(),
            branch: branch.map(String::from),
            labels,
            pin: None,
            ledger: None,
            version: None,
            file_id: None,
            last_open: None,
            snapshot: Snapshot::default(),
            changes: Changes::default(),
            trouble: None,
            reads: 0,
        }
    }

    /// Keep the board on period `p` whatever the console chooses.
    pub fn pinned(mut self, p: Option<PeriodId>) -> Poller {
        self.pin = p;
        self
    }

    /// Check for changes; re-read when another connection committed. Returns
    /// whether the data or the trouble state changed.
    pub fn poll(&mut self, now: DateTime<FixedOffset>) -> bool {
        let had_trouble = self.trouble.is_some();
        let changed = self.poll_inner(now);
        changed || had_trouble != self.trouble.is_some()
    }

    fn poll_inner(&mut self, now: DateTime<FixedOffset>) -> bool {
        let id = match file_id(&self.path) {
            Ok(id) => id,
            Err(_) => {
                self.lose(now, self.labels.db_gone.to_string(), false);
                return false;
            }
        };
        if self.ledger.is_some() && self.file_id.is_some() && id != self.file_id {
            // Replaced (a restore, a copy): open the new file.
            self.ledger = None;
        }
        if self.ledger.is_none() {
            if self
                .last_open
                .is_some_and(|t| (now - t).num_milliseconds() < REOPEN_MS)
            {
                return false;
            }
            self.last_open = Some(now);
            match Ledger::open_read_only(&self.path, self.branch.as_deref()) {
                Ok(l) => {
                    // Never wait long on a writer: the next poll tries again.
                    let _ = l.set_busy_timeout(BUSY);
                    self.ledger = Some(l);
                    self.version = None;
                    self.file_id = id;
                }
                Err(e) => {
                    let locked = is_busy(&e);
                    self.lose(
                        now,
                        format!(
                            "{}: {}",
                            self.labels.db_error,
                            crate::i18n::meeting::core_error(self.labels.lang, &e)
                        ),
                        locked,
                    );
                    return false;
                }
            }
        }
        let Some(ledger) = &self.ledger else {
            return false;
        };
        let v = match ledger.data_version() {
            Ok(v) => v,
            Err(e) => {
                let locked = is_busy(&e);
                self.lose(
                    now,
                    format!(
                        "{}: {}",
                        self.labels.db_error,
                        crate::i18n::meeting::core_error(self.labels.lang, &e)
                    ),
                    locked,
                );
                return false;
            }
        };
        if Some(v) == self.version {
            self.trouble = None;
            return false;
        }
        match snapshot::fetch(ledger, self.labels.zh(), self.pin) {
            Ok(s) => {
                self.reads += 1;
                if s.period != self.snapshot.period {
                    // Another period's ranks are no moves.
                    self.changes = Changes::default();
                }
                self.changes.observe(&s.rows, now);
                let changed = s != self.snapshot;
                self.snapshot = s;
                self.version = Some(v);
                self.trouble = None;
                changed
            }
            Err(e) => {
                let locked = is_busy(&e);
                self.lose(
                    now,
                    format!(
                        "{}: {}",
                        self.labels.db_error,
                        crate::i18n::meeting::core_error(self.labels.lang, &e)
                    ),
                    locked,
                );
                false
            }
        }
    }

    fn lose(&mut self, now: DateTime<FixedOffset>, what: String, locked: bool) {
        if !locked {
            self.ledger = None;
            self.version = None;
        }
        match &mut self.trouble {
            Some(t) => {
                t.what = what;
                t.locked = locked;
            }
            None => {
                self.trouble = Some(Trouble {
                    since: now,
                    what,
                    locked,
                })
            }
        }
    }

    /// The view for `now` (cheap: no database access).
    pub fn view(&self, now: DateTime<FixedOffset>) -> BoardView {
        view_of(
            &self.snapshot,
            &self.changes,
            self.trouble.as_ref(),
            self.labels,
            now,
            None,
        )
    }

    /// What the drawing side needs, to hand to another thread.
    pub fn frame(&self) -> Frame {
        Frame {
            snapshot: self.snapshot.clone(),
            changes: self.changes.clone(),
            trouble: self.trouble.clone(),
            labels: self.labels,
        }
    }

    /// The last snapshot read.
    pub fn snapshot(&self) -> &Snapshot {
        &self.snapshot
    }
}

/// Whether another program holds the database (told by SQLite's code).
fn is_busy(e: &crate::app::CoreError) -> bool {
    e.is_busy()
}

/// The file's identity (inode on Unix), to notice a file replaced under us.
#[cfg(unix)]
fn file_id(path: &Path) -> std::io::Result<Option<u64>> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).map(|m| Some(m.ino()))
}

#[cfg(not(unix))]
fn file_id(path: &Path) -> std::io::Result<Option<u64>> {
    std::fs::metadata(path).map(|_| None)
}

/// The poller's results, detached from the database (for the drawing thread).
#[derive(Debug, Clone)]
pub struct Frame {
    snapshot: Snapshot,
    changes: Changes,
    trouble: Option<Trouble>,
    labels: &'static BoardWords,
}

impl Frame {
    /// The view for `now`; `stalled_secs` is how long the reading thread has
    /// been stuck (waiting on a lock), if it is.
    pub fn view(&self, now: DateTime<FixedOffset>, stalled_secs: Option<i64>) -> BoardView {
        view_of(
            &self.snapshot,
            &self.changes,
            self.trouble.as_ref(),
            self.labels,
            now,
            stalled_secs,
        )
    }
}

fn view_of(
    snapshot: &Snapshot,
    changes: &Changes,
    trouble: Option<&Trouble>,
    labels: &'static BoardWords,
    now: DateTime<FixedOffset>,
    stalled_secs: Option<i64>,
) -> BoardView {
    let line = match stalled_secs {
        Some(secs) => Some(format!("{}  {}", labels.db_locked, (labels.retrying)(secs))),
        None => trouble.and_then(|t| trouble_line(t, labels, now)),
    };
    view::build(snapshot, changes, now, line, labels)
}

/// The words shown at the bottom while something is wrong.
fn trouble_line(
    t: &Trouble,
    labels: &'static BoardWords,
    now: DateTime<FixedOffset>,
) -> Option<String> {
    let secs = (now - t.since).num_seconds().max(0);
    if t.locked && (now - t.since).num_milliseconds() < LOCK_GRACE_MS {
        return None;
    }
    let what = if t.locked {
        labels.db_locked.to_string()
    } else {
        t.what.clone()
    };
    Some(format!("{what}  {}", (labels.retrying)(secs)))
}
