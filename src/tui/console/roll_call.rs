//! Roll call: mark each scored member present, on leave or absent.

use super::action::Action;
use super::keymap::{bind, ch, code, Binding, Show};
use super::screen::Ctx;
use crate::app::{Ledger, Result};
use crate::domain::model::{Attendance, MemberStatus, PeriodId};
use crate::tui::widgets::{cell, draw_rows, Scroll};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

/// The roll call's keys.
pub const KEYS: &[Binding<Action>] = &[
    bind(
        &[ch('p'), ch(' ')],
        Action::Mark(Attendance::Present),
        |t| t.k_present,
        Show::Footer,
    ),
    bind(
        &[ch('l')],
        Action::Mark(Attendance::Leave),
        |t| t.k_leave,
        Show::Footer,
    ),
    bind(
        &[ch('x')],
        Action::Mark(Attendance::Absent),
        |t| t.k_absent,
        Show::Footer,
    ),
    bind(
        &[code(KeyCode::Enter)],
        Action::Mark(Attendance::Present),
        |t| t.k_present,
        Show::Help,
    ),
    bind(&[ch('/')], Action::Search, |t| t.k_search, Show::Footer),
];

/// One member at roll call.
#[derive(Debug, Clone, PartialEq)]
pub struct RollRow {
    pub member_id: i64,
    pub name: String,
    pub group: String,
    pub mark: Option<Attendance>,
}

/// Roll-call state and view model.
#[derive(Debug, Default)]
pub struct RollCall {
    pub list: Scroll,
    pub rows: Vec<RollRow>,
    /// 应到 / 实到 / 请假 / 缺席 over the voting members.
    pub quorum: crate::app::Quorum,
}

impl RollCall {
    pub fn load(&mut self, l: &Ledger, p: &PeriodId) -> Result<()> {
        let marks = l.attendance(p)?;
        self.rows = l
            .members()?
            .into_iter()
            .filter(|m| m.status == MemberStatus::Active)
            .map(|m| RollRow {
                mark: marks.get(&m.id).copied(),
                member_id: m.id,
                name: m.name.to_string(),
                group: m.group.as_deref().unwrap_or_default().to_string(),
            })
            .collect();
        self.list.select(self.list.selected, self.rows.len());
        self.quorum = l.quorum(p)?;
        Ok(())
    }

    pub fn selected(&self) -> Option<&RollRow> {
        self.rows.get(self.list.selected)
    }

    pub fn draw(&mut self, area: Rect, buf: &mut Buffer, ctx: &Ctx) {
        let (t, pal) = (ctx.t, ctx.pal);
        let marked = self.rows.iter().filter(|r| r.mark.is_some()).count();
        let title = format!(
            " {}  {} {}/{} ",
            t.roll_call,
            t.marked,
            marked,
            self.rows.len(),
        );
        let block = Block::default()
            .borders(Borders::ALL)
            .title(Span::styled(title, pal.title));
        let inner = block.inner(area);
        block.render(area, buf);
        let [quorum, hint, list] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Min(0),
        ])
        .areas(inner);
        let q = &self.quorum;
        buf.set_line(
            quorum.x,
            quorum.y,
            &Line::from(Span::styled(
                format!(" {}", ctx.lang.words().meeting.quorum_line(q)),
                if q.quorate() { pal.ok } else { pal.warning },
            )),
            quorum.width,
        );
        buf.set_line(
            hint.x,
            hint.y,
            &Line::from(Span::styled(format!(" {}", t.roll_hint), pal.muted)),
            hint.width,
        );
        let group_w = if list.width >= 60 { 16 } else { 10 };
        let header = Line::from(Span::styled(
            format!(
                "  {} {} {} {}",
                cell("#", 4),
                cell(t.col_name, 10),
                cell(t.col_group, group_w),
                cell(t.col_mark, 8)
            ),
            pal.header,
        ));
        let range = self
            .list
            .window(self.rows.len(), list.height.saturating_sub(1) as usize);
        let rows: Vec<Line> = self.rows[range.clone()]
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let mark = r
                    .mark
                    .map(|m| (ctx.lang.words().common.attendance)(m))
                    .unwrap_or("-");
                let style = match r.mark {
                    Some(Attendance::Present) => pal.bonus,
                    Some(Attendance::Absent) => pal.deduction,
                    Some(Attendance::Leave) => pal.warning,
                    None => pal.muted,
                };
                Line::from(vec![
                    Span::raw(format!(
                        "  {} {} {} ",
                        cell(&(range.start + i + 1).to_string(), 4),
                        cell(&r.name, 10),
                        cell(&r.group, group_w)
                    )),
                    Span::styled(cell(mark, 8), style),
                ])
            })
            .collect();
        let sel = self.list.selected.checked_sub(range.start);
        draw_rows(list, buf, Some(header), &rows, sel, pal.selected);
    }
}
