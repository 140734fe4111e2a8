//! `jifen meeting set` and `jifen meeting show`: the meeting's own record of
//! a period (place, host, recorder, agenda, resolutions) for the minutes.

use super::Format;
use crate::app::meeting::{MeetingChange, MeetingRecord};
use crate::app::{CoreError, Ledger};
use crate::domain::text::printable;
use crate::i18n::Lang;
use clap::{Args, Subcommand};
use std::path::Path;

type Out = Result<(), CoreError>;

/// The meeting's record (会议记录): where, who hosted and recorded, the agenda, the resolutions.
#[derive(Debug, Subcommand)]
pub enum MeetingCmd {
    /// Record the meeting's place, host, recorder, agenda or resolutions
    /// (until the lock). A value not given is kept; "" clears a name; the
    /// agenda (or the resolutions) given replace the whole list.
    Set(MeetingSetArgs),
    /// Show a period's meeting record, with when the assembly opened and closed.
    Show {
        /// Period, e.g. 2026Q4 (default: the current one).
        #[arg(long)]
        period: Option<String>,
        /// Output: table (the default) or json.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
}

/// `jifen meeting set [--period P] [--place T] [--host NAME] [--recorder NAME] [--agenda T]... [--resolution T]...`.
#[derive(Debug, Args)]
pub struct MeetingSetArgs {
    /// Period, e.g. 2026Q4 (default: the current one); refused once it is locked.
    #[arg(long)]
    pub period: Option<String>,
    /// Where the assembly met (地点).
    #[arg(long)]
    pub place: Option<String>,
    /// Who hosted it (主持人).
    #[arg(long)]
    pub host: Option<String>,
    /// Who kept the record (记录人).
    #[arg(long)]
    pub recorder: Option<String>,
    /// One agenda item (议程), in order; repeat for each.
    #[arg(long, allow_hyphen_values = true)]
    pub agenda: Vec<String>,
    /// One resolution (决议), in order; repeat for each.
    #[arg(long, allow_hyphen_values = true)]
    pub resolution: Vec<String>,
}

/// Dispatch `jifen meeting ...`.
pub fn meeting(db: &Path, branch: Option<&str>, c: MeetingCmd, lang: Lang) -> Out {
    match c {
        MeetingCmd::Set(a) => set(db, branch, a, lang),
        MeetingCmd::Show { period, format } => show(db, branch, period.as_deref(), format, lang),
    }
}

fn set(db: &Path, branch: Option<&str>, a: MeetingSetArgs, lang: Lang) -> Out {
    let w = lang.words().papers;
    let mut l = Ledger::open(db, branch)?;
    let p = l.period_or_current(a.period.as_deref())?;
    let list = |v: Vec<String>| (!v.is_empty()).then_some(v);
    let change = MeetingChange {
        place: a.place,
        host: a.host,
        recorder: a.recorder,
        agenda: list(a.agenda),
        resolutions: list(a.resolution),
    };
    if change.is_empty() {
        return Err(CoreError::User(w.meeting_nothing_given.to_string()));
    }
    let r = l.set_meeting(&p, change)?;
    let none = w.not_recorded;
    let line = (w.meeting_set_done)(
        &r.period,
        r.place.as_deref().unwrap_or(none),
        r.host.as_deref().unwrap_or(none),
        r.recorder.as_deref().unwrap_or(none),
        r.agenda.len(),
        r.resolutions.len(),
    );
    println!("{}", printable(&line));
    Ok(())
}

fn show(db: &Path, branch: Option<&str>, period: Option<&str>, f: Format, lang: Lang) -> Out {
    let l = Ledger::open(db, branch)?;
    let p = l.period_or_current(period)?;
    let r = l.meeting(&p)?;
    match f {
        Format::Json => {
            let s = serde_json::to_string_pretty(&r).map_err(|e| CoreError::Damaged {
                what: e.to_string(),
            })?;
            println!("{s}");
        }
        Format::Table | Format::Csv => print!("{}", lines(&r, lang)),
    }
    Ok(())
}

/// The record as lines a person reads: each name, then the numbered lists.
fn lines(r: &MeetingRecord, lang: Lang) -> String {
    let w = lang.words().papers;
    let none = w.not_recorded;
    let mut out = String::new();
    let mut put = |k: &str, v: &str| out.push_str(&format!("{k}：{}\n", printable(v)));
    put(w.period, &r.period);
    put(w.opened, r.opened.as_deref().unwrap_or(none));
    put(w.closed, r.closed.as_deref().unwrap_or(w.not_locked_day));
    put(w.place, r.place.as_deref().unwrap_or(none));
    put(w.chair, r.host.as_deref().unwrap_or(none));
    put(w.recorder, r.recorder.as_deref().unwrap_or(none));
    for (caption, v) in [(w.agenda, &r.agenda), (w.resolutions, &r.resolutions)] {
        out.push_str(&format!("{caption}：\n"));
        if v.is_empty() {
            out.push_str(&format!("  {}\n", w.none));
        }
        for (i, t) in v.iter().enumerate() {
            out.push_str(&format!("  {}. {}\n", i + 1, printable(t)));
        }
    }
    out
}
