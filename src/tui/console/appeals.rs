//! Appeals (申诉) after the lock: the list with reply-due dates (overdue in
//! the warning role), the selected appeal's words and replies.

use super::action::Action;
use super::app::Overlay;
use super::field::Field;
use super::keymap::{bind, ch, Binding, Show};
use super::prompt::{Form, FormKind};
use super::screen::Ctx;
use super::screen::Screen;
use crate::app::appeals::AppealOutcome;
use crate::app::appeals::AppealRow;
use crate::app::{Ledger, Result};
use crate::domain::model::{AppealStage, AppealStatus, PeriodId};
use crate::i18n::Strings;
use crate::tui::widgets::{cell, cell_right, draw_rows, Scroll};
use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

/// The appeals screen's keys.
pub const KEYS: &[Binding<Action>] = &[
    bind(
        &[ch('f')],
        Action::FileAppeal,
        |t| t.k_file_appeal,
        Show::Footer,
    ),
    bind(&[ch('a')], Action::Uphold, |t| t.k_uphold, Show::Footer),
    bind(&[ch('r')], Action::Dismiss, |t| t.k_dismiss, Show::Footer),
    bind(
        &[ch('R')],
        Action::Reconsider,
        |t| t.k_reconsider,
        Show::Footer,
    ),
    bind(&[ch('p')], Action::Papers, |t| t.k_papers, Show::Footer),
];

/// Appeals state and view model.
#[derive(Debug, Default)]
pub struct Appeals {
    pub list: Scroll,
    pub rows: Vec<AppealRow>,
}

/// An appeal's stage in words.
pub fn stage_name(t: &Strings, stage: AppealStage) -> String {
    match stage {
        AppealStage::Branch => t.stage_branch,
        AppealStage::Higher => t.stage_higher,
    }
    .to_string()
}

/// An appeal's status in words (open and overdue says so).
pub fn status_name(t: &Strings, a: &AppealRow) -> String {
    match (a.status, a.overdue) {
        (AppealStatus::Open, true) => t.overdue,
        (AppealStatus::Open, false) => t.appeal_open,
        (AppealStatus::Upheld, _) => t.appeal_upheld,
        (AppealStatus::Dismissed, _) => t.appeal_dismissed,
    }
    .to_string()
}

/// The due date with the working days left, e.g. `2026-10-20 (5)`.
pub fn due_text(a: &AppealRow) -> String {
    match a.days_left {
        Some(d) => format!("{} ({d})", a.due),
        None => a.due.clone(),
    }
}

impl Appeals {
    /// Every appeal of the branch as of `today`, open ones first.
    pub fn load(&mut self, l: &Ledger, today: NaiveDate) -> Result<()> {
        let mut rows = l.appeals_on(None, today)?;
        rows.sort_by_key(|a| (!a.open, !a.overdue, a.due.clone(), a.id));
        self.rows = rows;
        Ok(())
    }

    pub fn selected(&self) -> Option<&AppealRow> {
        self.rows.get(self.list.selected)
    }

    pub fn draw(&mut self, area: Rect, buf: &mut Buffer, ctx: &Ctx) {
        let (t, pal) = (ctx.t, ctx.pal);
        let open = self.rows.iter().filter(|a| a.open).count();
        let overdue = self.rows.iter().filter(|a| a.overdue).count();
        let block = Block::default().borders(Borders::ALL).title(Span::styled(
            format!(
                " {}  {} {}  {} {} ",
                t.appeals_title, t.open_appeals, open, t.overdue, overdue
            ),
            pal.title,
        ));
        let inner = block.inner(area);
        block.render(area, buf);
        if self.rows.is_empty() {
            let line = Line::from(Span::styled(format!(" {}", t.no_appeals), pal.muted));
            draw_rows(inner, buf, None, &[line], None, pal.selected);
            return;
        }
        let detail_h = if inner.height >= 16 { 6 } else { 4 };
        let [list_area, detail_area] =
            Layout::vertical([Constraint::Min(0), Constraint::Length(detail_h)]).areas(inner);
        // Fixed columns; the items column takes what is left.
        let fixed = 1 + 4 + 1 + 8 + 1 + 7 + 1 + 10 + 1 + 15 + 1 + 8 + 1 + 6;
        let items_w = (inner.width as usize).saturating_sub(fixed + 1).max(6);
        let header = Line::from(Span::styled(
            format!(
                " {} {} {} {} {} {} {} {}",
                cell_right("#", 4),
                cell(t.col_name, 8),
                cell(t.period, 7),
                cell(t.col_items, items_w),
                cell(t.col_filed, 10),
                cell(t.col_due, 15),
                cell(t.col_stage, 8),
                cell(t.col_status, 6),
            ),
            pal.header,
        ));
        let range = self
            .list
            .window(self.rows.len(), list_area.height.saturating_sub(1) as usize);
        let rows: Vec<Line> = self.rows[range.clone()]
            .iter()
            .map(|a| {
                let style = if a.overdue {
                    pal.warning
                } else if a.open {
                    ratatui::style::Style::default()
                } else {
                    pal.muted
                };
                Line::from(Span::styled(
                    format!(
                        " {} {} {} {} {} {} {} {}",
                        cell_right(&a.id.to_string(), 4),
                        cell(&a.member, 8),
                        cell(&a.period, 7),
                        cell(a.items.as_deref().unwrap_or("-"), items_w),
                        cell(&a.filed_on, 10),
                        cell(&due_text(a), 15),
                        cell(&stage_name(t, a.stage), 8),
                        cell(&status_name(t, a), 6),
                    ),
                    style,
                ))
            })
            .collect();
        let sel = self.list.selected.checked_sub(range.start);
        draw_rows(list_area, buf, Some(header), &rows, sel, pal.selected);
        if let Some(a) = self.selected() {
            let lines = detail_lines(a, t, pal);
            draw_rows(detail_area, buf, None, &lines, None, pal.selected);
        }
    }
}

fn detail_lines<'a>(a: &AppealRow, t: &Strings, pal: &super::style::Palette) -> Vec<Line<'a>> {
    let label = |s: &str| Span::styled(format!(" {s}: "), pal.muted);
    let mut lines = vec![
        Line::from(Span::styled(
            format!(" #{} {} {}", a.id, a.member, a.period),
            pal.header,
        )),
        Line::from(vec![label(t.appeal_words), Span::raw(a.text.clone())]),
    ];
    for s in &a.history {
        let outcome = match s.outcome {
            AppealOutcome::Upheld => t.appeal_upheld,
            AppealOutcome::Dismissed => t.appeal_dismissed,
            AppealOutcome::Reconsider => t.k_reconsider,
        };
        let mut text = format!("{} {outcome}: {}", s.on, s.reply);
        if let Some(d) = &s.next_due {
            text.push_str(&format!("  ({} {d})", t.reply_due));
        }
        lines.push(Line::from(vec![label(t.appeal_reply), Span::raw(text)]));
    }
    if let Some(c) = &a.correction {
        lines.push(Line::from(vec![
            label(t.appeal_correction),
            Span::styled(c.clone(), pal.bonus),
        ]));
    }
    lines
}

/// What the keys of this screen do.
impl super::app::App {
    pub(super) fn file_appeal_prompt(&mut self) {
        let t = self.t;
        let member = self.current_member();
        let period = match self.stack.last() {
            Some(Screen::Appeals(s)) => s.selected().map(|a| a.period.clone()),
            _ => None,
        }
        .or_else(|| {
            let p = self.ledger.appealable_period(self.today()).ok()??;
            Some(p.to_string())
        })
        .unwrap_or_default();
        let name = member.as_ref().map(|m| m.1.clone()).unwrap_or_default();
        let f = Form::new(
            FormKind::FileAppeal { member },
            t.prompt_appeal,
            vec![format!("{} {}", t.col_filed, self.today())],
            vec![
                Field::new(t.prompt_appeal_member, &name),
                Field::new(t.prompt_appeal_period, &period),
                Field::new(t.prompt_appeal_items, ""),
                Field::new(t.prompt_appeal_words, ""),
            ],
        );
        self.overlay = Overlay::Form(f);
    }

    pub(super) fn submit_appeal(
        &mut self,
        f: &Form,
        member: Option<(i64, String)>,
    ) -> std::result::Result<String, String> {
        let t = self.t;
        let key = f.value(0).trim();
        let (id, name) = match member {
            Some((id, name)) if name == key => (id, name),
            _ => {
                let m = self
                    .ledger
                    .find_member(key)
                    .map_err(|e| crate::i18n::meeting::core_error(self.lang, &e))?;
                (m.id, m.name.to_string())
            }
        };
        let p: PeriodId = f
            .value(1)
            .trim()
            .parse()
            .map_err(|e| crate::i18n::errors::bad_value(self.lang, &e))?;
        let items = Some(f.value(2)).filter(|s| !s.trim().is_empty());
        let today = self.today();
        let appeal = self
            .ledger
            .file_appeal(id, &p, items, f.value(3), today)
            .map_err(|e| crate::i18n::meeting::core_error(self.lang, &e))?;
        if let Some(Screen::Appeals(s)) = self.stack.last_mut() {
            s.list = Default::default();
        }
        self.reload();
        if let Some(Screen::Appeals(s)) = self.stack.last_mut() {
            if let Some(i) = s.rows.iter().position(|a| a.id == appeal) {
                s.list.select(i, s.rows.len());
            }
        }
        let due = self
            .ledger
            .appeal_on(appeal, today)
            .map(|a| format!("  {} {}", t.reply_due, a.due))
            .unwrap_or_default();
        Ok(format!("{} #{appeal} {name} {p}{due}", t.done_file_appeal))
    }

    pub(super) fn reply_prompt(&mut self, outcome: AppealOutcome) {
        let t = self.t;
        let Some(Screen::Appeals(s)) = self.stack.last() else {
            return;
        };
        let Some(a) = s.selected() else {
            return self.err(t.no_appeal);
        };
        let info = vec![
            format!("#{} {} {}  {}", a.id, a.member, a.period, a.text),
            format!("{} {}", t.reply_due, super::appeals::due_text(a)),
        ];
        let (title, fields) = match outcome {
            AppealOutcome::Upheld => {
                // The first item the member named, as a starting point.
                let item = a.first_item(self.ledger.scheme()).unwrap_or("");
                (
                    t.prompt_uphold,
                    vec![
                        Field::new(t.prompt_reply_text, ""),
                        Field::new(t.prompt_corr_item, item),
                        Field::new(t.prompt_corr_points, ""),
                    ],
                )
            }
            AppealOutcome::Dismissed => {
                (t.prompt_dismiss, vec![Field::new(t.prompt_reply_text, "")])
            }
            AppealOutcome::Reconsider => (
                t.prompt_reconsider,
                vec![Field::new(t.prompt_reply_text, "")],
            ),
        };
        let f = Form::new(
            FormKind::AppealReply { id: a.id, outcome },
            title,
            info,
            fields,
        );
        self.overlay = Overlay::Form(f);
    }

    pub(super) fn submit_reply(
        &mut self,
        f: &Form,
        id: i64,
        outcome: AppealOutcome,
    ) -> std::result::Result<String, String> {
        let t = self.t;
        let points = match outcome {
            AppealOutcome::Upheld => match f.value(2).trim().parse::<f64>() {
                Ok(x) if x.is_finite() => Some(x),
                _ => return Err(format!("{}: {}", t.prompt_corr_points, t.bad_number)),
            },
            _ => None,
        };
        let correction = points.map(|x| (f.value(1).trim(), x));
        let today = self.today();
        let a = self
            .ledger
            .reply_appeal(id, outcome, f.value(0), correction, today)
            .map_err(|e| crate::i18n::meeting::core_error(self.lang, &e))?;
        let mut msg = format!(
            "{} #{id} {}: {}",
            t.done_reply,
            a.member,
            super::appeals::status_name(t, &a)
        );
        if let Some(c) = &a.correction {
            msg.push_str(&format!("  {} {c}", t.appeal_correction));
        }
        Ok(msg)
    }
}
