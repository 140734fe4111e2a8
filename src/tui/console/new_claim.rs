//! New claim on the spot: item search by code or words, the level picked
//! from the item's levels (named in the interface language), count, points, note.

use super::field::Field;
use super::keymap::{bind, ch, code, lookup, popup_hints, Binding, Show};
use super::prompt::Outcome;
use super::screen::Ctx;
use crate::app::ClaimDraft;
use crate::domain::model::PeriodId;
use crate::domain::scheme::{Item, Scheme};
use crate::tui::widgets::{cell, centered, key_hint_rows, popup};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};

const ITEM: usize = 0;
const LEVEL: usize = 1;
const COUNT: usize = 2;
const POINTS: usize = 3;
const NOTE: usize = 4;
const SHOWN: usize = 5;

/// What the form's own keys do (other keys edit the focused field).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NcAct {
    Submit,
    Cancel,
    NextField,
    PrevField,
    /// On the item: the next or previous match; elsewhere, the next or previous field.
    Down,
    Up,
    /// On the level: a level up or down; elsewhere the key edits the field.
    LevelUp,
    LevelDown,
}

/// The new-claim form's keys.
pub const KEYS: &[Binding<NcAct>] = &[
    bind(
        &[code(KeyCode::Enter)],
        NcAct::Submit,
        |t| t.k_submit,
        Show::Footer,
    ),
    bind(
        &[code(KeyCode::Esc)],
        NcAct::Cancel,
        |t| t.k_cancel,
        Show::Footer,
    ),
    bind(
        &[code(KeyCode::Tab)],
        NcAct::NextField,
        |t| t.k_next_field,
        Show::Footer,
    ),
    bind(
        &[code(KeyCode::BackTab)],
        NcAct::PrevField,
        |t| t.k_prev_field,
        Show::Help,
    ),
    bind(
        &[code(KeyCode::Up)],
        NcAct::Up,
        |t| t.k_pick_item,
        Show::Help,
    ),
    bind(
        &[code(KeyCode::Down)],
        NcAct::Down,
        |t| t.k_pick_item,
        Show::Footer,
    ),
    bind(
        &[code(KeyCode::Left)],
        NcAct::LevelDown,
        |t| t.k_level,
        Show::Help,
    ),
    bind(
        &[code(KeyCode::Right), ch(' ')],
        NcAct::LevelUp,
        |t| t.k_level,
        Show::Footer,
    ),
];

/// The new-claim form.
#[derive(Debug, Clone)]
/// A screen, not a claim: what it holds becomes an `app::ClaimDraft`.
pub struct ClaimForm {
    pub member_id: i64,
    pub member: String,
    pub period: PeriodId,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// Selected match in the item list.
    pub pick: usize,
    /// The level picked (a code of the picked item's levels), if any.
    pub level: Option<String>,
    pub error: Option<String>,
}

impl ClaimForm {
    pub fn new(member_id: i64, member: &str, period: PeriodId, ctx: &Ctx) -> ClaimForm {
        let t = ctx.t;
        ClaimForm {
            member_id,
            member: member.to_string(),
            period,
            fields: vec![
                Field::new(t.nc_item, ""),
                Field::new(t.nc_level, ""),
                Field::new(t.nc_count, "1"),
                Field::new(t.nc_points, ""),
                Field::new(t.nc_note, ""),
            ],
            focus: 0,
            pick: 0,
            level: None,
            error: None,
        }
    }

    /// Items matching the search text (an exact code first).
    pub fn matches<'s>(&self, scheme: &'s Scheme) -> Vec<&'s Item> {
        let q = self.fields[ITEM].value.trim();
        let mut v = crate::app::find::items(scheme, q);
        if let Some(i) = v.iter().position(|i| i.code == q) {
            let exact = v.remove(i);
            v.insert(0, exact);
        }
        v
    }

    /// The levels of the picked item with their points, lowest first:
    /// empty when the item has none.
    pub fn levels<'s>(&self, scheme: &'s Scheme) -> Vec<(&'s str, f64)> {
        self.matches(scheme)
            .get(self.pick)
            .map(|i| i.levels_by_points())
            .unwrap_or_default()
    }

    /// Move the level pick one step (Right: up, Left: down) among the picked
    /// item's levels; the first step picks the lowest or the highest.
    fn step_level(&mut self, scheme: &Scheme, up: bool) {
        let levels = self.levels(scheme);
        let at = self
            .level
            .as_deref()
            .and_then(|l| levels.iter().position(|(c, _)| *c == l));
        let next = match (at, up) {
            (None, true) => Some(0),
            (None, false) => levels.len().checked_sub(1),
            (Some(i), true) => Some((i + 1).min(levels.len() - 1)),
            (Some(i), false) => Some(i.saturating_sub(1)),
        };
        self.level = next.and_then(|i| levels.get(i)).map(|(c, _)| c.to_string());
        self.error = None;
    }

    /// Keep the level only if the newly picked item has it.
    fn keep_level(&mut self, scheme: &Scheme) {
        if let Some(l) = &self.level {
            if !self.levels(scheme).iter().any(|(c, _)| c == l) {
                self.level = None;
            }
        }
    }

    pub fn half_filled(&self) -> bool {
        self.level.is_some() || self.fields.iter().any(Field::changed)
    }

    pub fn handle_key(&mut self, key: KeyEvent, scheme: &Scheme) -> Outcome {
        let n = self.fields.len();
        let on_level = self.focus == LEVEL;
        match (lookup(KEYS, &key), self.focus) {
            (Some(NcAct::Submit), _) => return Outcome::Submit,
            (Some(NcAct::Cancel), _) => return Outcome::Cancel,
            (Some(NcAct::NextField), _) | (Some(NcAct::Down), COUNT | POINTS | NOTE) => {
                self.focus = (self.focus + 1) % n;
            }
            (Some(NcAct::PrevField), _) | (Some(NcAct::Up), COUNT | POINTS | NOTE) => {
                self.focus = (self.focus + n - 1) % n;
            }
            (Some(NcAct::Down), _) => {
                let len = self.matches(scheme).len();
                self.pick = (self.pick + 1).min(len.saturating_sub(1));
                self.keep_level(scheme);
            }
            (Some(NcAct::Up), _) => {
                self.pick = self.pick.saturating_sub(1);
                self.keep_level(scheme);
            }
            (Some(NcAct::LevelUp), LEVEL) => self.step_level(scheme, true),
            (Some(NcAct::LevelDown), LEVEL) => self.step_level(scheme, false),
            // The level is picked, not typed.
            _ if on_level => {}
            _ => return self.edit(key, scheme),
        }
        Outcome::Continue
    }

    /// An editing key on the focused field.
    fn edit(&mut self, key: KeyEvent, scheme: &Scheme) -> Outcome {
        let f = self.focus;
        if self.fields[f].edit(key) {
            if f == ITEM {
                self.pick = 0;
                self.keep_level(scheme);
            }
            self.error = None;
            Outcome::Changed
        } else {
            Outcome::Continue
        }
    }

    /// The claim as typed; errors name the field in the user's language.
    pub fn draft(&self, scheme: &Scheme, ctx: &Ctx) -> Result<ClaimDraft, String> {
        let t = ctx.t;
        let item = self
            .matches(scheme)
            .get(self.pick)
            .map(|i| i.code.clone())
            .ok_or_else(|| t.nc_no_match.to_string())?;
        if self.level.is_none() && !self.levels(scheme).is_empty() {
            return Err(t.nc_pick_level.to_string());
        }
        let count = match self.fields[COUNT].value.trim() {
            "" => 1,
            s => s
                .parse::<i64>()
                .map_err(|_| format!("{}: {}", t.nc_count, t.bad_number))?,
        };
        let points = match self.fields[POINTS].value.trim() {
            "" => None,
            s => Some(
                s.parse::<f64>()
                    .map_err(|_| format!("{}: {}", t.nc_points, t.bad_number))?,
            ),
        };
        let mut d = ClaimDraft::new(self.member_id, &item);
        d.level = self.level.clone();
        d.count = count;
        d.points = points;
        d.note = Some(self.fields[NOTE].value.trim().to_string()).filter(|s| !s.is_empty());
        d.period = Some(self.period.to_string());
        Ok(d)
    }

    /// The level row: the picked item's levels named in the interface
    /// language with their points, the picked one highlighted.
    fn level_spans(&self, scheme: &Scheme, ctx: &Ctx) -> Vec<Span<'static>> {
        let (t, pal) = (ctx.t, ctx.pal);
        let levels = self.levels(scheme);
        if levels.is_empty() {
            return vec![Span::styled(t.nc_no_levels, pal.muted)];
        }
        let mut spans = Vec::new();
        for (code, points) in levels {
            let picked = self.level.as_deref() == Some(code);
            // Brackets as well as colour, for a screen without colours.
            let (open, close) = if picked { ("[", "]") } else { (" ", " ") };
            let text = format!(
                "{open}{} {}{close}",
                (ctx.lang.words().common.level)(code),
                crate::domain::model::fmt_points(points)
            );
            spans.push(Span::styled(
                text,
                if picked { pal.selected } else { pal.muted },
            ));
            spans.push(Span::raw(" "));
        }
        spans
    }

    /// Draw centred over `area`; returns where the terminal cursor belongs.
    pub fn draw(
        &self,
        area: Rect,
        buf: &mut Buffer,
        ctx: &Ctx,
        scheme: &Scheme,
    ) -> Option<Position> {
        let (t, pal) = (ctx.t, ctx.pal);
        let rect = centered(area, 72, 20);
        let inner = popup(
            rect,
            buf,
            &format!("{}  {}", t.new_claim, self.member),
            pal.title,
        );
        let bottom = inner.y + inner.height;
        let w = inner.width.saturating_sub(2);
        let mut y = inner.y;
        let mut cursor = None;
        let matches = self.matches(scheme);
        for (i, f) in self.fields.iter().enumerate() {
            if y >= bottom {
                break;
            }
            let style = if i == self.focus { pal.key } else { pal.muted };
            let label = cell(&f.label, 18);
            let mut spans = vec![Span::styled(label, style), Span::raw(" > ")];
            if i == LEVEL {
                spans.extend(self.level_spans(scheme, ctx));
            } else {
                spans.push(Span::raw(f.value.clone()));
            }
            buf.set_line(inner.x + 1, y, &Line::from(spans), w);
            if i == self.focus && i != LEVEL {
                let x = inner.x + 1 + 21 + f.cursor_cells() as u16;
                if x < inner.x + inner.width {
                    cursor = Some(Position::new(x, y));
                }
            }
            y += 1;
            if i == ITEM {
                let start = self.pick.saturating_sub(SHOWN - 1);
                for (j, it) in matches.iter().enumerate().skip(start).take(SHOWN) {
                    if y >= bottom {
                        break;
                    }
                    let text = format!(
                        "   {} {}  {}",
                        cell(&it.code, 24),
                        it.title_in(ctx.zh()),
                        ctx.lang.words().common.item_points(it)
                    );
                    let style = if j == self.pick {
                        pal.selected
                    } else {
                        pal.muted
                    };
                    buf.set_line(
                        inner.x + 1,
                        y,
                        &Line::from(Span::styled(
                            crate::domain::text::truncate(&text, w as usize),
                            style,
                        )),
                        w,
                    );
                    y += 1;
                }
                if matches.is_empty() && y < bottom {
                    buf.set_line(
                        inner.x + 1,
                        y,
                        &Line::from(Span::styled(format!("   {}", t.nc_no_match), pal.warning)),
                        w,
                    );
                    y += 1;
                }
                y = y.max(inner.y + 1 + SHOWN as u16).min(bottom);
            }
        }
        if y + 1 < bottom {
            let err = self.error.clone().unwrap_or_default();
            buf.set_line(
                inner.x + 1,
                y + 1,
                &Line::from(Span::styled(err, pal.warning)),
                w,
            );
        }
        // The keys, on the popup's last rows (two when one is too narrow).
        let rows = key_hint_rows(&popup_hints(KEYS, t), w as usize, pal.key, pal.muted);
        let n = (rows.len() as u16).min(inner.height);
        for (i, row) in rows.iter().take(usize::from(n)).enumerate() {
            buf.set_line(inner.x + 1, bottom - n + i as u16, row, w);
        }
        cursor
    }
}
