//! Lock: a checklist, a typed confirmation, then the seal and the summary.

use super::action::Action;
use super::app::Overlay;
use super::keymap::{bind, ch, code, Binding, Show};
use super::screen::Screen;
use super::screen::{stars_text, Ctx};
use crate::app::board_state::BoardMode;
use crate::app::{Ledger, LockReport, MeetingProgress, RankRow, RankScope, Result};
use crate::domain::model::{fmt_points, PeriodId};
use crate::tui::widgets::{cell, cell_right, draw_rows};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

/// The lock screen's keys.
pub const KEYS: &[Binding<Action>] = &[
    bind(
        &[code(KeyCode::Enter), ch('L')],
        Action::Lock,
        |t| t.k_lock,
        Show::Footer,
    ),
    bind(&[ch('p')], Action::Papers, |t| t.k_papers, Show::Footer),
    bind(
        &[ch('m')],
        Action::MeetingRecord,
        |t| t.k_meeting,
        Show::Footer,
    ),
];

/// Lock state and view model.
#[derive(Debug, Default)]
pub struct Lock {
    pub progress: MeetingProgress,
    /// Whether the core would lock the period now.
    pub readiness: Option<crate::app::LockReadiness>,
    pub board_shown: bool,
    pub report: Option<LockReport>,
    /// The assembly's quorum as the roll call stands.
    pub quorum: crate::app::Quorum,
    /// The final ranking once sealed.
    pub ranking: Vec<RankRow>,
    /// Quotas a tie took over their count in the sealed ranking, in words.
    pub quota_notes: Vec<String>,
}

impl Lock {
    pub fn load(&mut self, l: &Ledger, p: &PeriodId, zh: bool) -> Result<()> {
        self.progress = l.progress(Some(p))?;
        self.readiness = Some(l.lock_readiness(p)?);
        self.quorum = l.quorum(p)?;
        self.board_shown = matches!(
            l.board_mode()?,
            BoardMode::Live
                | BoardMode::Frozen {
                    reveal: Some(_),
                    ..
                }
        );
        self.ranking = Vec::new();
        self.quota_notes = Vec::new();
        if self.progress.seal.is_some() {
            let r = l.ranking(&RankScope::Period(*p))?;
            self.quota_notes = super::screen::quota_notes(l, &r, zh);
            self.ranking = r.rows;
            super::screen::name_grades(l, &mut self.ranking, zh);
        }
        Ok(())
    }

    /// Whether the core will accept a lock now.
    pub fn ready(&self) -> bool {
        self.readiness
            .is_some_and(crate::app::LockReadiness::is_ready)
    }

    pub fn draw(&mut self, area: Rect, buf: &mut Buffer, ctx: &Ctx) {
        let (t, pal) = (ctx.t, ctx.pal);
        let g = &self.progress;
        let block = Block::default().borders(Borders::ALL).title(Span::styled(
            format!(" {}  {} ", t.lock, g.period.clone().unwrap_or_default()),
            pal.title,
        ));
        let inner = block.inner(area);
        block.render(area, buf);
        let left = g.scored.saturating_sub(g.confirmed + g.disputed);
        let check = |ok: bool, text: String| {
            Line::from(vec![
                Span::styled(
                    if ok { " [x] " } else { " [ ] " },
                    if ok { pal.ok } else { pal.warning },
                ),
                Span::raw(text),
            ])
        };
        let mut lines = vec![
            check(
                g.pending == 0,
                format!("{}  ({} {})", t.check_claims, t.pending, g.pending),
            ),
            check(
                left == 0,
                format!(
                    "{}  ({} {}, {} {}, {} {})",
                    t.check_confirm,
                    t.confirmed,
                    g.confirmed,
                    t.disputed,
                    g.disputed,
                    t.unconfirmed,
                    left
                ),
            ),
            check(self.board_shown, t.check_board.to_string()),
            check(
                self.quorum.quorate(),
                ctx.lang.words().meeting.quorum_line(&self.quorum),
            ),
            Line::raw(""),
        ];
        if let Some(seal) = &g.seal {
            // The whole seal (64 digits) on a line of its own: it fits 80 columns.
            lines.push(Line::from(vec![
                Span::styled(format!(" {}  ", t.sealed), pal.ok),
                Span::styled(format!("{}:", t.seal), pal.muted),
            ]));
            lines.push(Line::from(Span::styled(format!("   {seal}"), pal.title)));
            if let Some(r) = &self.report {
                if !r.unconfirmed.is_empty() {
                    lines.push(Line::from(vec![
                        Span::styled(
                            format!(" {} ({}): ", t.unconfirmed, r.unconfirmed.len()),
                            pal.muted,
                        ),
                        Span::raw(r.unconfirmed.join(", ")),
                    ]));
                }
            }
            lines.push(Line::raw(""));
            lines.push(Line::from(Span::styled(
                format!(" {}", t.summary),
                pal.header,
            )));
            let mut grades: Vec<(String, usize)> = Vec::new();
            for r in &self.ranking {
                let g = r
                    .grade
                    .as_deref()
                    .map(str::to_string)
                    .unwrap_or_else(|| stars_text(r.stars));
                match grades.iter_mut().find(|(k, _)| *k == g) {
                    Some(e) => e.1 += 1,
                    None => grades.push((g, 1)),
                }
            }
            let counts: Vec<String> = grades
                .iter()
                .filter(|(k, _)| !k.is_empty())
                .map(|(k, n)| format!("{k} {n}"))
                .collect();
            if !counts.is_empty() {
                lines.push(Line::raw(format!(" {}", counts.join("  "))));
            }
            for n in &self.quota_notes {
                lines.push(Line::from(Span::styled(format!(" {n}"), pal.warning)));
            }
            let room = (inner.height as usize).saturating_sub(lines.len());
            for (i, r) in self.ranking.iter().enumerate().take(room) {
                if i > 0 && self.ranking[i - 1].ranking != r.ranking {
                    lines.push(Line::from(Span::styled(
                        format!(" {}", ctx.lang.words().grading.rank_group(r.ranking)),
                        pal.header,
                    )));
                }
                lines.push(Line::raw(format!(
                    " {} {} {} {}",
                    cell_right(&r.rank.to_string(), 3),
                    cell(&r.name, 10),
                    cell_right(&fmt_points(r.score), 7),
                    cell(
                        &r.grade
                            .as_deref()
                            .map(str::to_string)
                            .unwrap_or_else(|| stars_text(r.stars)),
                        10,
                    )
                )));
            }
        } else if self.ready() {
            lines.push(Line::from(Span::styled(
                format!(" {}", t.lock_ready),
                pal.key,
            )));
        } else {
            lines.push(Line::from(Span::styled(
                format!(" {}", t.lock_blocked),
                pal.warning,
            )));
        }
        draw_rows(inner, buf, None, &lines, None, pal.selected);
    }
}

/// What the keys of this screen do.
impl super::app::App {
    pub(super) fn lock_step(&mut self) {
        if !matches!(self.stack.last(), Some(Screen::Lock(_))) {
            return self.push(Screen::Lock(Lock::default()));
        }
        let Some(p) = self.period else { return };
        let sealed =
            matches!(self.stack.last(), Some(Screen::Lock(s)) if s.progress.seal.is_some());
        if sealed {
            return self.papers_popup();
        }
        let ready = matches!(self.stack.last(), Some(Screen::Lock(s)) if s.ready());
        if !ready {
            return self.err(self.t.lock_blocked);
        }
        self.lock_prompt(p);
    }

    /// The typed confirmation came back: lock and publish, then offer the papers.
    pub(super) fn submit_lock(
        &mut self,
        f: &super::prompt::Form,
        period: PeriodId,
        waive: bool,
    ) -> std::result::Result<String, String> {
        let t = self.t;
        let period = &period;
        if f.value(0).trim() != period.to_string() {
            Err(format!("{} {period}", t.must_type))
        } else {
            match self.ledger.lock_noting_quorum(period, waive) {
                Ok((_, done)) => {
                    let report = done.report;
                    // The whole seal (64 digits) would not fit the status
                    // line: the lock screen above shows it whole.
                    let mut msg = format!("{} {}", t.sealed, report.period);
                    match done.publication {
                        Ok(pb) => {
                            if let Some(end) = pb.window_end {
                                msg.push_str(&format!("  {} {end}", t.posted_until));
                            }
                        }
                        Err(e) => msg.push_str(&format!("  ({}: {e})", t.publication)),
                    }
                    if let Some(Screen::Lock(s)) = self.stack.last_mut() {
                        s.report = Some(report);
                    }
                    self.overlay = Overlay::Papers(self.new_papers_popup(*period));
                    Ok(msg)
                }
                Err(e) => Err(crate::i18n::meeting::core_error(self.lang, &e)),
            }
        }
    }
}
