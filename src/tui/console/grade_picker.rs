//! The final grade's picker on the year screen (评定等次): the scheme's
//! grades, those above what the member's points allow marked so; Enter
//! records the chosen one through the core (which refuses one above, and
//! the picker shows its reason), `d` takes the recorded grade back.

use super::keymap::{bind, ch, code, lookup, popup_hints, Binding, Show};
use super::screen::Ctx;
use crate::app::year_grade::FinalGrade;
use crate::domain::scheme::Scheme;
use crate::tui::widgets::{centered, draw_rows, key_hints, popup};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// What the picker's keys do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickAct {
    Up,
    Down,
    Pick,
    Default,
    Cancel,
}

/// The picker's keys.
pub const KEYS: &[Binding<PickAct>] = &[
    bind(
        &[code(KeyCode::Up), ch('k')],
        PickAct::Up,
        |t| t.k_up,
        Show::Help,
    ),
    bind(
        &[code(KeyCode::Down), ch('j')],
        PickAct::Down,
        |t| t.k_down,
        Show::Help,
    ),
    bind(
        &[code(KeyCode::Enter)],
        PickAct::Pick,
        |t| t.grade_k_pick,
        Show::Footer,
    ),
    bind(
        &[ch('d')],
        PickAct::Default,
        |t| t.grade_k_default,
        Show::Footer,
    ),
    bind(
        &[code(KeyCode::Esc)],
        PickAct::Cancel,
        |t| t.grade_k_cancel,
        Show::Footer,
    ),
];

/// What a key asked of the picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PickKey {
    Stay,
    Close,
    /// Record this grade (`None`: take the recorded one back).
    Record(Option<String>),
}

/// One grade the picker offers.
#[derive(Debug, Clone, PartialEq)]
pub struct PickRow {
    pub code: String,
    pub name: String,
    /// Whether the member's points allow it.
    pub allowed: bool,
}

/// The picker's state.
#[derive(Debug, Clone)]
pub struct GradePicker {
    pub year: i32,
    pub member_id: i64,
    pub member: String,
    /// The points and appraisal grades, in words.
    pub info: String,
    pub rows: Vec<PickRow>,
    pub sel: usize,
    /// The core's reason for the last grade refused.
    pub refusal: Option<String>,
}

impl GradePicker {
    /// A picker for one member's grades, the cursor on the final grade now.
    pub fn new(scheme: &Scheme, year: i32, member: &str, g: &FinalGrade, ctx: &Ctx) -> Self {
        let zh = ctx.zh();
        let name = |k: &str| scheme.grade(k).map_or(k, |b| b.name_in(zh)).to_string();
        let rows: Vec<PickRow> = scheme
            .grades
            .iter()
            .map(|b| PickRow {
                code: b.key.clone(),
                name: b.name_in(zh).to_string(),
                allowed: g.choices.contains(&b.key),
            })
            .collect();
        let sel = g
            .final_grade
            .as_deref()
            .and_then(|f| rows.iter().position(|r| r.code == f))
            .unwrap_or(0);
        let w = ctx.lang.words().year_close;
        let points = g.points_grade.as_deref().map(name).unwrap_or_default();
        let appraisal = g.appraisal_grade.as_deref().map(name);
        GradePicker {
            year,
            member_id: g.member_id,
            member: member.to_string(),
            info: (w.pick_info)(&points, appraisal.as_deref()),
            rows,
            sel,
            refusal: None,
        }
    }

    /// Feed one key.
    pub fn handle_key(&mut self, key: KeyEvent) -> PickKey {
        let n = self.rows.len().max(1);
        match lookup(KEYS, &key) {
            Some(PickAct::Up) => self.sel = (self.sel + n - 1) % n,
            Some(PickAct::Down) => self.sel = (self.sel + 1) % n,
            Some(PickAct::Pick) => {
                return PickKey::Record(self.rows.get(self.sel).map(|r| r.code.clone()))
            }
            Some(PickAct::Default) => return PickKey::Record(None),
            Some(PickAct::Cancel) => return PickKey::Close,
            None => {}
        }
        PickKey::Stay
    }

    pub fn draw(&self, area: Rect, buf: &mut Buffer, ctx: &Ctx) {
        let (t, pal) = (ctx.t, ctx.pal);
        let w = ctx.lang.words().year_close;
        let extra = u16::from(self.refusal.is_some()) * 2;
        let h = self.rows.len() as u16 + 5 + extra;
        let rect = centered(area, 60, h);
        let inner = popup(
            rect,
            buf,
            &(w.pick_title)(&self.member, self.year),
            pal.title,
        );
        let mut lines = vec![Line::from(Span::styled(
            format!(" {}", self.info),
            pal.muted,
        ))];
        for r in &self.rows {
            let mut spans = vec![Span::raw(format!(" {}", r.name))];
            if !r.allowed {
                spans.push(Span::styled(format!("  ({})", w.above), pal.muted));
            }
            lines.push(Line::from(spans));
        }
        lines.push(Line::raw(""));
        if let Some(why) = &self.refusal {
            for l in crate::domain::text::wrap(why, inner.width.saturating_sub(2) as usize) {
                lines.push(Line::from(Span::styled(format!(" {l}"), pal.warning)));
            }
        }
        lines.push(key_hints(
            &popup_hints(KEYS, t),
            inner.width as usize,
            pal.key,
            pal.muted,
        ));
        draw_rows(inner, buf, None, &lines, Some(self.sel + 1), pal.selected);
    }
}
