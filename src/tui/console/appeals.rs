//! Appeals (申诉) after the lock: the list with reply-due dates (overdue in
//! the warning role), the selected appeal's words and replies.

use super::screen::Ctx;
use crate::app::appeals::AppealRow;
use crate::app::{Ledger, Result};
use crate::i18n::Strings;
use crate::tui::widgets::{cell, cell_right, draw_rows, Scroll};
use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};
use super::action::Action;
use super::keymap::{bind, ch, Binding, Show};

/// The appeals screen's keys.
pub const KEYS: &[Binding<Action>] = &[
    bind(&[ch('f')], Action::FileAppeal, |t| t.k_file_appeal, Show::Footer),
    bind(&[ch('a')], Action::Uphold, |t| t.k_uphold, Show::Footer),
    bind(&[ch('r')], Action::Dismiss, |t| t.k_dismiss, Show::Footer),
    bind(&[ch('R')], Action::Reconsider, |t| t.k_reconsider, Show::Footer),
    bind(&[ch('p')], Action::Papers, |t| t.k_papers, Show::Footer),
];

/// Appeals state and view model.
#[derive(Debug, Default)]
pub struct Appeals {
    pub list: Scroll,
    pub rows: Vec<AppealRow>,
}

/// An appeal's stage in words.
pub fn stage_name(t: &Strings, stage: &str) -> String {
    match stage {
        "branch" => t.stage_branch.to_string(),
        "higher" => t.stage_higher.to_string(),
        s => s.to_string(),
    }
}

/// An appeal's status in words (open and overdue says so).
pub fn status_name(t: &Strings, a: &AppealRow) -> String {
    match (a.status.as_str(), a.overdue) {
        ("open", true) => t.overdue.to_string(),
        ("open", false) => t.appeal_open.to_string(),
        ("upheld", _) => t.appeal_upheld.to_string(),
        ("dismissed", _) => t.appeal_dismissed.to_string(),
        (s, _) => s.to_string(),
    }
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
                        cell(&stage_name(t, &a.stage), 8),
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
        let outcome = match s.outcome.as_str() {
            "upheld" => t.appeal_upheld,
            "dismissed" => t.appeal_dismissed,
            "reconsider" => t.k_reconsider,
            o => o,
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
