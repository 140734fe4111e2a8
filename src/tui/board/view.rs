//! The board's view model: everything one frame shows, built purely from a
//! snapshot, the rank moves and the clock. Equal views draw equal frames, so
//! the loop redraws only when the view changed.

use super::changes::Changes;
use super::snapshot::{Row, Signed, Snapshot};
use crate::app::board_state::{reveal_progress, BoardMode, RevealProgress};
use crate::domain::model::PeriodState;
use crate::domain::model::{fmt_points, RankGroup};
use crate::i18n::BoardWords;
use crate::tui::theme::Role;
use chrono::{DateTime, FixedOffset};

/// Seconds a page stays up before the next one.
pub const PAGE_SECS: i64 = 8;
/// Seconds before the end of a countdown when it turns to the warning colour.
pub const COUNTDOWN_WARN_SECS: i64 = 60;

/// One frame's content.
#[derive(Debug, Clone, PartialEq)]
pub struct BoardView {
    pub labels: &'static BoardWords,
    pub header: Header,
    pub screen: Screen,
    /// A problem with the database, shown at the bottom until it clears.
    pub trouble: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Header {
    pub branch: String,
    /// Period and state words, e.g. "2026Q4 会议进行中".
    pub period: String,
    /// How final the numbers are: preliminary, locked, in publication, final.
    pub verdict: String,
    /// Only once the period is final (not while locked or in publication).
    pub is_final: bool,
    pub seal: Option<String>,
    /// Not live: frozen, revealing or revealed, with the time of the copy.
    pub note: Option<String>,
}

/// What fills the body.
#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    Ranking(RankingView),
    Member(MemberView),
    Message(String),
    Countdown(CountdownView),
    Blank,
    /// The appraisal's count (唱票), or its results once closed.
    Count(super::count::CountView),
    /// Nothing to rank yet (no period, no members).
    Empty(String),
}

/// How rows that do not fit are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scroll {
    /// Pages turning on their own: the count of page intervals so far.
    Pages(u64),
    /// A window that keeps row `index` on screen (at the top or centred).
    Keep { index: usize, centre: bool },
}

#[derive(Debug, Clone, PartialEq)]
pub struct RankingView {
    pub rows: Vec<ViewRow>,
    pub scroll: Scroll,
    /// Whether the top three may be drawn large.
    pub podium: bool,
    pub lower_is_better: bool,
    /// Grades are a projection (the scheme grades the year only).
    pub grade_projected: bool,
    /// Footer words: demerit thresholds and the provisional legend...
    pub legend: Vec<(String, Role)>,
    /// ...and the same in short, for narrow screens.
    pub legend_short: Vec<(String, Role)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ViewRow {
    pub rank: u32,
    pub name: String,
    pub score: String,
    pub score_role: Role,
    pub mark: String,
    pub signed: Signed,
    /// A recent move: positive is up.
    pub moved: Option<i32>,
    /// Not yet revealed: drawn as nothing at all.
    pub hidden: bool,
    /// The member under review.
    pub selected: bool,
    /// A ranking group's heading line (its words in `name`), not a member.
    pub heading: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MemberView {
    pub name: String,
    pub place: Option<String>,
    pub score: Option<String>,
    pub mark: String,
    /// Public items: title, signed points, role.
    pub items: Vec<(String, String, Role)>,
    pub pending: Option<String>,
    /// The ranking around the member, for wide screens.
    pub window: Option<RankingView>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CountdownView {
    pub label: String,
    /// Whole seconds left; negative once overrun; None if the end time is unreadable.
    pub remaining: Option<i64>,
}

impl CountdownView {
    /// The role the digits are drawn in.
    pub fn role(&self) -> Role {
        match self.remaining {
            Some(r) if r < 0 => Role::Deduction,
            Some(r) if r <= COUNTDOWN_WARN_SECS => Role::Warning,
            _ => Role::Big,
        }
    }

    /// "MM:SS", or "-MM:SS" when overrun.
    pub fn clock(&self) -> String {
        match self.remaining {
            None => "--:--".into(),
            Some(r) => {
                let a = r.unsigned_abs();
                let sign = if r < 0 { "-" } else { "" };
                if a >= 3600 {
                    format!("{sign}{}:{:02}:{:02}", a / 3600, a / 60 % 60, a % 60)
                } else {
                    format!("{sign}{:02}:{:02}", a / 60, a % 60)
                }
            }
        }
    }
}

/// Build the view for `now`.
pub fn build(
    snap: &Snapshot,
    changes: &Changes,
    now: DateTime<FixedOffset>,
    trouble: Option<String>,
    l: &'static BoardWords,
) -> BoardView {
    let header = header(snap, now, l);
    let screen = screen(snap, changes, now, l);
    BoardView {
        labels: l,
        header,
        screen,
        trouble,
    }
}

fn header(snap: &Snapshot, now: DateTime<FixedOffset>, l: &'static BoardWords) -> Header {
    let state = snap.state;
    let is_final = state == Some(PeriodState::Final);
    let period = match &snap.period {
        Some(p) => format!("{p}  {}", l.state(state)),
        None => String::new(),
    };
    let note = match &snap.mode {
        BoardMode::Frozen {
            at, reveal, rows, ..
        } => {
            let clock = clock_of(at);
            Some(match reveal_progress(reveal.as_ref(), rows, now) {
                RevealProgress::NotStarted => (l.frozen_at)(&clock),
                RevealProgress::Partial { .. } => (l.revealing_at)(&clock),
                RevealProgress::Done => (l.revealed_at)(&clock),
            })
        }
        BoardMode::Appraisal { .. } => snap.appraisal.as_ref().map(|a| {
            let w = l.lang.words().appraisal.count;
            match a.state {
                crate::domain::appraisal::AppraisalState::Open => w.counting.to_string(),
                crate::domain::appraisal::AppraisalState::Closed => w.results.to_string(),
            }
        }),
        _ => None,
    };
    Header {
        branch: snap.branch.clone(),
        period,
        verdict: l.verdict(state).to_string(),
        is_final,
        seal: if state.is_some_and(PeriodState::is_sealed) {
            snap.seal.as_ref().map(|s| short_seal(s))
        } else {
            None
        },
        note,
    }
}

fn short_seal(s: &str) -> String {
    s.chars().take(12).collect()
}

/// "HH:MM" of an RFC 3339 time, or the text itself.
fn clock_of(at: &str) -> String {
    DateTime::parse_from_rfc3339(at)
        .map(|t| t.format("%H:%M").to_string())
        .unwrap_or_else(|_| at.to_string())
}

fn page_tick(now: DateTime<FixedOffset>) -> u64 {
    u64::try_from(now.timestamp().div_euclid(PAGE_SECS)).unwrap_or(0)
}

fn screen(
    snap: &Snapshot,
    changes: &Changes,
    now: DateTime<FixedOffset>,
    l: &'static BoardWords,
) -> Screen {
    match &snap.mode {
        BoardMode::Blank => Screen::Blank,
        BoardMode::Message { text } => Screen::Message(text.clone()),
        BoardMode::Countdown { ends_at, label } => Screen::Countdown(CountdownView {
            label: label.clone(),
            remaining: DateTime::parse_from_rfc3339(ends_at).ok().map(|end| {
                let ms = (end - now).num_milliseconds();
                // Round up while time is left, so 00:00 means "over".
                if ms > 0 {
                    (ms + 999) / 1000
                } else {
                    ms / 1000 - i64::from(ms % 1000 != 0)
                }
            }),
        }),
        BoardMode::Frozen { rows, reveal, .. } => {
            if snap.frozen.is_empty() || !snap.has_data {
                return Screen::Empty(l.nothing_to_show.into());
            }
            let mut v = ranking(snap, &snap.frozen, &Changes::default(), now, l);
            if let RevealProgress::Partial { groups, of } =
                reveal_progress(reveal.as_ref(), rows, now)
            {
                // Whole rank groups from the bottom: tied members appear
                // together; a ranking's heading starts its groups afresh (the
                // activists' first place is not the members' last).
                let hidden_groups = of - groups;
                let mut group = 0;
                let mut last = None;
                for r in v.rows.iter_mut() {
                    if r.heading {
                        last = None;
                        continue;
                    }
                    if last != Some(r.rank) {
                        group += 1;
                        last = Some(r.rank);
                    }
                    r.hidden = group <= hidden_groups;
                }
                // A heading shows with the first member under it.
                let mut below = false;
                for r in v.rows.iter_mut().rev() {
                    if r.heading {
                        r.hidden = below;
                    } else {
                        below = r.hidden;
                    }
                }
                let first_shown = v
                    .rows
                    .iter()
                    .position(|r| !r.hidden)
                    .unwrap_or(v.rows.len());
                v.scroll = Scroll::Keep {
                    index: first_shown.min(v.rows.len().saturating_sub(1)),
                    centre: false,
                };
            }
            Screen::Ranking(v)
        }
        BoardMode::Member { member_id } => member(snap, changes, *member_id, now, l),
        BoardMode::Appraisal { member_id } => {
            super::count::screen(snap, *member_id, page_tick(now), l)
        }
        BoardMode::Live => {
            if snap.period.is_none() {
                Screen::Empty(l.no_period.into())
            } else if snap.rows.is_empty() {
                Screen::Empty(l.no_members.into())
            } else if !snap.has_data {
                Screen::Empty(l.nothing_to_show.into())
            } else {
                Screen::Ranking(ranking(snap, &snap.rows, changes, now, l))
            }
        }
    }
}

fn score_role(snap: &Snapshot, score: f64) -> Role {
    if !snap.lower_is_better {
        return Role::Base;
    }
    let reached = snap.thresholds.iter().filter(|(t, _)| score >= *t).count();
    match reached {
        0 => Role::Base,
        n if n >= snap.thresholds.len() => Role::Deduction,
        _ => Role::Warning,
    }
}

fn ranking(
    snap: &Snapshot,
    rows: &[Row],
    changes: &Changes,
    now: DateTime<FixedOffset>,
    l: &'static BoardWords,
) -> RankingView {
    let mut legend = Vec::new();
    let mut legend_short = Vec::new();
    if snap.lower_is_better {
        legend.push((l.lower_is_better.to_string(), Role::Muted));
        legend_short.push((l.lower_is_better.to_string(), Role::Muted));
        for (t, name) in &snap.thresholds {
            legend.push((format!("{} {name}", fmt_points(*t)), Role::Warning));
        }
        if !snap.thresholds.is_empty() {
            let ts: Vec<String> = snap
                .thresholds
                .iter()
                .map(|(t, _)| fmt_points(*t))
                .collect();
            legend_short.push((ts.join(" / "), Role::Warning));
        }
    }
    if snap.grade_projected && rows.iter().any(|r| !r.mark.is_empty()) {
        legend.push((l.projected_legend.to_string(), Role::Muted));
    }
    // The rankings apart: a heading before the activists (and before any
    // group after the first); the members' ranking leads, with its podium.
    let mut view_rows = Vec::with_capacity(rows.len() + 1);
    for (i, r) in rows.iter().enumerate() {
        let starts = match i {
            0 => r.group != RankGroup::Members,
            _ => rows[i - 1].group != r.group,
        };
        if starts {
            view_rows.push(heading_row(l.rank_group(r.group)));
        }
        view_rows.push(ViewRow {
            rank: r.rank,
            name: r.name.clone(),
            score: fmt_points(r.score),
            score_role: score_role(snap, r.score),
            mark: r.mark.clone(),
            signed: r.signed,
            moved: changes.moved(r.member_id, now),
            hidden: false,
            selected: false,
            heading: false,
        });
    }
    RankingView {
        rows: view_rows,
        scroll: Scroll::Pages(page_tick(now)),
        podium: true,
        lower_is_better: snap.lower_is_better,
        grade_projected: snap.grade_projected,
        legend,
        legend_short,
    }
}

/// A ranking group's heading line.
fn heading_row(words: &str) -> ViewRow {
    ViewRow {
        rank: 0,
        name: words.to_string(),
        score: String::new(),
        score_role: Role::Title,
        mark: String::new(),
        signed: Signed::NotYet,
        moved: None,
        hidden: false,
        selected: false,
        heading: true,
    }
}

/// The view row of the `k`th member row (headings skipped over).
fn view_index(v: &RankingView, k: usize) -> usize {
    v.rows
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.heading)
        .nth(k)
        .map_or(v.rows.len(), |(i, _)| i)
}

fn member(
    snap: &Snapshot,
    changes: &Changes,
    member_id: i64,
    now: DateTime<FixedOffset>,
    l: &'static BoardWords,
) -> Screen {
    let Some(st) = &snap.member else {
        return Screen::Message(l.unknown_member.into());
    };
    let row = snap.rows.iter().position(|r| r.member_id == member_id);
    let window = row.map(|index| {
        let mut v = ranking(snap, &snap.rows, changes, now, l);
        let index = view_index(&v, index);
        if let Some(r) = v.rows.get_mut(index) {
            r.selected = true;
        }
        v.scroll = Scroll::Keep {
            index,
            centre: true,
        };
        v.podium = false;
        v
    });
    let items = st
        .items
        .iter()
        .map(|(title, pts)| {
            let role = if *pts < 0.0 {
                Role::Deduction
            } else {
                Role::Bonus
            };
            let sign = if *pts > 0.0 { "+" } else { "" };
            (title.clone(), format!("{sign}{}", fmt_points(*pts)), role)
        })
        .collect();
    Screen::Member(MemberView {
        name: st.name.clone(),
        place: st.rank.map(|r| (l.place)(r)),
        score: st.score.map(fmt_points),
        mark: row
            .and_then(|i| snap.rows.get(i))
            .filter(|r| !r.mark.is_empty())
            .map(|r| {
                if snap.grade_projected {
                    (l.projected)(&r.mark)
                } else {
                    r.mark.clone()
                }
            })
            .unwrap_or_default(),
        items,
        pending: (st.pending > 0).then(|| (l.pending)(st.pending)),
        window,
    })
}
