//! The board's view of the appraisal (唱票): while counting, each member's
//! tallies per choice filling in against the valid ballots; once closed,
//! the result table (member, grade, points). Only counts exist to show:
//! the ballots are secret, and no note or reason is ever read here.

use super::snapshot::Snapshot;
use super::view::Screen;
use crate::app::appraisal_view::{AppraisalLine, AppraisalView};
use crate::domain::appraisal::AppraisalState;
use crate::domain::model::fmt_points;
use crate::domain::scheme::AppraisalKind;
use crate::i18n::BoardWords;

/// The count or the results, as one frame shows them.
#[derive(Debug, Clone, PartialEq)]
pub struct CountView {
    /// 民主测评 唱票, or 民主测评结果 once closed.
    pub title: String,
    /// Ballots issued, returned, spoiled, valid in one line.
    pub ballots: String,
    /// Members counted in full, of how many.
    pub progress: String,
    pub closed: bool,
    /// The tally columns: the choices and 弃权, or the rated parts.
    pub columns: Vec<String>,
    /// Headers: member, grade, points, ballots counted.
    pub heads: [String; 4],
    pub rows: Vec<CountRow>,
    /// The row of the member being counted (the console's selection).
    pub current: Option<usize>,
    /// Page intervals so far, for turning pages when nobody is marked.
    pub tick: u64,
}

/// One member's line of the count.
#[derive(Debug, Clone, PartialEq)]
pub struct CountRow {
    pub name: String,
    /// Per column: the number shown and how full its bar is (0 to 1).
    pub tallies: Vec<(String, f64)>,
    /// Ballots counted of the valid (`8/12`), or score ballots counted.
    pub counted: String,
    /// Every valid ballot is counted for the member.
    pub complete: bool,
    pub grade: String,
    /// Index of the grade among the choices, from the top (for its colour).
    pub grade_rank: Option<usize>,
    pub points: String,
}

/// The count's screen for the board, or a message when there is none.
pub fn screen(
    snap: &Snapshot,
    member_id: Option<i64>,
    tick: u64,
    l: &'static BoardWords,
) -> Screen {
    let w = l.lang.words().appraisal;
    let Some(v) = &snap.appraisal else {
        let p = snap.period.clone().unwrap_or_default();
        return Screen::Message((w.count.not_opened)(&p));
    };
    Screen::Count(build(v, member_id, tick, l))
}

/// Build the view from the core's appraisal view.
pub fn build(
    v: &AppraisalView,
    member_id: Option<i64>,
    tick: u64,
    l: &'static BoardWords,
) -> CountView {
    let zh = l.zh();
    let w = l.lang.words().appraisal;
    let b = v.ballots;
    let closed = v.state == AppraisalState::Closed;
    let (done, all) = v.progress();
    let columns = match v.kind {
        AppraisalKind::Votes => v
            .choices
            .iter()
            .map(|c| c.title_in(zh).to_string())
            .chain(std::iter::once(w.blank.to_string()))
            .collect(),
        AppraisalKind::Scores => v.parts.iter().map(|p| p.title_in(zh).to_string()).collect(),
    };
    CountView {
        title: if closed {
            w.count.results
        } else {
            w.count.counting
        }
        .to_string(),
        ballots: (w.ballots_line)(b.issued, b.representatives, b.returned, b.spoiled, b.valid),
        progress: (w.count.board_progress)(done, all),
        closed,
        columns,
        heads: [
            w.member.to_string(),
            w.grade.to_string(),
            w.points.to_string(),
            w.counted.to_string(),
        ],
        rows: v.lines.iter().map(|x| row(v, x, zh)).collect(),
        current: member_id
            .filter(|_| !closed)
            .and_then(|m| v.lines.iter().position(|x| x.member_id == m)),
        tick,
    }
}

fn row(v: &AppraisalView, x: &AppraisalLine, zh: bool) -> CountRow {
    let valid = v.ballots.valid.max(1) as f64;
    let tallies = match v.kind {
        AppraisalKind::Votes => x
            .votes
            .iter()
            .chain(std::iter::once(&x.blank))
            .map(|n| {
                let shown = if x.counted == 0 {
                    String::new()
                } else {
                    n.to_string()
                };
                (shown, (*n as f64 / valid).clamp(0.0, 1.0))
            })
            .collect(),
        AppraisalKind::Scores => v
            .parts
            .iter()
            .zip(&x.means)
            .map(|(p, m)| match m {
                Some(m) => (fmt_points(*m), (m / p.max.max(1e-9)).clamp(0.0, 1.0)),
                None => (String::new(), 0.0),
            })
            .collect(),
    };
    let counted = match v.kind {
        AppraisalKind::Votes => format!("{}/{}", x.counted, v.ballots.valid),
        AppraisalKind::Scores => x.counted.to_string(),
    };
    CountRow {
        name: x.member.clone(),
        tallies,
        counted,
        complete: x.complete,
        grade: x
            .grade
            .and_then(|g| v.choices.get(g))
            .map(|c| c.title_in(zh).to_string())
            .unwrap_or_default(),
        grade_rank: x.grade,
        points: x.points.map(fmt_points).unwrap_or_default(),
    }
}
