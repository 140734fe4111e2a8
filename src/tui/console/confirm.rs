//! Confirmation: the member reads their statement; it is recorded as
//! confirmed, or disputed with their words.

use super::action::Action;
use super::app::Overlay;
use super::field::Field;
use super::keymap::{bind, ch, code, Binding, Show};
use super::prompt::{Form, FormKind};
use super::screen::Screen;
use super::screen::{signed_points, stars_text, Ctx};
use crate::app::{Ledger, Result, Statement, StatementLine};
use crate::domain::model::{fmt_points, ClaimStatus, ConfirmState, PeriodId};
use crate::tui::widgets::{cell, cell_right, draw_rows, Scroll};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

/// The confirmation screen's keys.
pub const KEYS: &[Binding<Action>] = &[
    bind(&[ch('c')], Action::Confirm, |t| t.k_confirm, Show::Footer),
    bind(&[ch('d')], Action::Dispute, |t| t.k_dispute, Show::Footer),
    bind(
        &[ch('n'), code(KeyCode::Right)],
        Action::NextPane,
        |t| t.k_next_member,
        Show::Footer,
    ),
    bind(
        &[ch('p'), code(KeyCode::Left)],
        Action::PrevPane,
        |t| t.k_prev_member,
        Show::Footer,
    ),
    bind(
        &[ch('f')],
        Action::FileAppeal,
        |t| t.k_file_appeal,
        Show::Footer,
    ),
];

/// Confirmation state and view model.
#[derive(Debug)]
pub struct Confirm {
    pub member_id: i64,
    /// Members in ranking order, for next / previous.
    pub order: Vec<i64>,
    pub statement: Option<Statement>,
    pub dispute: Option<String>,
    /// The member's signature was voided by a later change: they sign again.
    pub voided: bool,
    pub scroll: Scroll,
}

impl Confirm {
    pub fn new(member_id: i64, order: Vec<i64>) -> Confirm {
        Confirm {
            member_id,
            order,
            statement: None,
            dispute: None,
            voided: false,
            scroll: Scroll::default(),
        }
    }

    pub fn load(&mut self, l: &Ledger, p: &PeriodId, ctx: &Ctx) -> Result<()> {
        let mut s = l.statement(self.member_id, p, ctx.zh())?;
        super::screen::name_grades(l, s.row.iter_mut(), ctx.zh());
        self.statement = Some(s);
        self.dispute = l.confirmation_of(self.member_id, p)?.and_then(|c| c.1);
        self.voided = l.voided_signatures(p)?.contains(&self.member_id);
        Ok(())
    }

    /// Move to the next (`+1`) or previous (`-1`) member.
    pub fn step_member(&mut self, delta: isize) {
        if let Some(i) = self.order.iter().position(|&m| m == self.member_id) {
            let j = (i as isize + delta).clamp(0, self.order.len() as isize - 1) as usize;
            self.member_id = self.order[j];
            self.scroll = Scroll::default();
        }
    }

    pub fn draw(&mut self, area: Rect, buf: &mut Buffer, ctx: &Ctx) {
        let (t, pal) = (ctx.t, ctx.pal);
        let Some(s) = &self.statement else { return };
        let block = Block::default().borders(Borders::ALL).title(Span::styled(
            format!(" {}  {}  {} ", t.confirmation, s.name, s.period),
            pal.title,
        ));
        let inner = block.inner(area);
        block.render(area, buf);
        let [head, list, foot] = Layout::vertical([
            Constraint::Length(3),
            Constraint::Min(0),
            Constraint::Length(2),
        ])
        .areas(inner);
        let row = s.row.as_ref();
        let mut facts = vec![
            Span::styled(format!(" {} ", t.total), pal.muted),
            Span::styled(
                row.map(|r| fmt_points(r.score))
                    .unwrap_or_else(|| "-".into()),
                pal.title,
            ),
            Span::styled(format!("   {} ", t.rank_of), pal.muted),
            Span::raw(
                row.map(|r| format!("{}/{}", r.rank, s.members_ranked))
                    .unwrap_or_else(|| "-".into()),
            ),
        ];
        if let Some(g) = row.and_then(|r| r.grade.clone()) {
            facts.push(Span::styled(format!("   {} ", t.grade), pal.muted));
            facts.push(Span::raw(g.to_string()));
        }
        if let Some(st) = row.and_then(|r| r.stars) {
            facts.push(Span::styled(format!("   {} ", t.stars), pal.muted));
            facts.push(Span::raw(stars_text(Some(st))));
        }
        let actions = row.map(|r| r.actions.join(", ")).unwrap_or_default();
        let (state, style) = match row.and_then(|r| r.confirmation.map(ConfirmState::as_str)) {
            Some("confirmed") => (t.status_confirmed.to_string(), pal.ok),
            Some("disputed") => (
                format!(
                    "{}: {}",
                    t.status_disputed,
                    self.dispute.clone().unwrap_or_default()
                ),
                pal.warning,
            ),
            _ if self.voided => (
                ctx.lang.words().meeting.status_voided.to_string(),
                pal.warning,
            ),
            _ => (t.status_unconfirmed.to_string(), pal.provisional),
        };
        let mut head_lines = vec![
            Line::from(facts),
            Line::from(Span::styled(format!(" {state}"), style)),
        ];
        if !actions.is_empty() {
            head_lines.push(Line::from(vec![
                Span::styled(format!(" {}: ", t.actions), pal.muted),
                Span::raw(actions),
            ]));
        }
        draw_rows(head, buf, None, &head_lines, None, pal.selected);

        let (header, rows) = sheet(&s.lines, list.width as usize, ctx);
        let range = self
            .scroll
            .window(rows.len(), list.height.saturating_sub(1) as usize);
        let rows = &rows[range];
        if s.lines.is_empty() {
            buf.set_line(
                list.x,
                list.y,
                &Line::from(Span::styled(format!(" {}", t.no_claims), pal.muted)),
                list.width,
            );
        } else {
            draw_rows(list, buf, Some(header), rows, None, pal.selected);
        }
        let hint = Line::from(vec![
            Span::styled(" c", pal.key),
            Span::raw(format!(" {}  ", t.k_confirm)),
            Span::styled("d", pal.key),
            Span::raw(format!(" {}  ", t.k_dispute)),
            Span::styled("n/p", pal.key),
            Span::raw(format!(" {}", t.k_next_member)),
        ]);
        draw_rows(foot, buf, None, &[Line::raw(""), hint], None, pal.selected);
    }
}

/// The statement as the member signs it: every item with its verdict, the
/// points that count (a rejected claim counts 0) and the whole reason,
/// wrapped under its column. Returns the header and the lines.
fn sheet(lines: &[StatementLine], w: usize, ctx: &Ctx) -> (Line<'static>, Vec<Line<'static>>) {
    let (t, pal) = (ctx.t, ctx.pal);
    // Leading space, then the separators and the level, count, status and points cells.
    let fixed = 1 + 1 + 6 + 1 + 3 + 1 + 4 + 1 + 7 + 1;
    let free = w.saturating_sub(fixed);
    let item_w = (free / 2).max(8);
    let reason_w = free.saturating_sub(item_w).max(6);
    let counted = ctx.lang.words().meeting.col_counted;
    let header = Line::from(Span::styled(
        format!(
            " {} {} {} {} {} {}",
            cell(t.col_item, item_w),
            cell(t.col_level, 6),
            cell_right(t.col_count, 3),
            cell(t.col_status, 4),
            cell_right(counted, 7),
            cell(t.reason, reason_w)
        ),
        pal.header,
    ));
    let mut out = Vec::with_capacity(lines.len());
    for x in lines {
        let c = &x.claim;
        let level = super::screen::level_text(ctx.lang, c.level.as_deref());
        let points = match c.status {
            ClaimStatus::Pending => "-".to_string(),
            _ if c.counted() == 0.0 => "0".to_string(),
            _ => signed_points(&x.kind, c.counted(), ctx.lang),
        };
        let status_style = match c.status {
            ClaimStatus::Pending => pal.warning,
            ClaimStatus::Rejected | ClaimStatus::Withdrawn => pal.muted,
            _ => Style::default(),
        };
        let reason = crate::domain::text::wrap(c.reason.as_deref().unwrap_or(""), reason_w);
        out.push(Line::from(vec![
            Span::raw(format!(
                " {} {} {} ",
                cell(&x.title, item_w),
                cell(&level, 6),
                cell_right(&c.count.to_string(), 3)
            )),
            Span::styled(
                cell((ctx.lang.words().common.claim_status)(c.status), 4),
                status_style,
            ),
            Span::styled(
                format!(" {}", cell_right(&points, 7)),
                pal.points(c.status, &x.kind),
            ),
            Span::styled(format!(" {}", reason[0]), pal.muted),
        ]));
        for more in &reason[1..] {
            out.push(Line::from(Span::styled(
                format!("{}{more}", " ".repeat(fixed + item_w)),
                pal.muted,
            )));
        }
    }
    (header, out)
}

/// What the keys of this screen do.
impl super::app::App {
    pub(super) fn dispute(&mut self) {
        if matches!(self.stack.last(), Some(Screen::Members(_))) {
            self.confirm();
        }
        let Some(Screen::Confirm(s)) = self.stack.last() else {
            return;
        };
        let name = s
            .statement
            .as_ref()
            .map(|x| x.name.clone())
            .unwrap_or_default();
        let f = Form::new(
            FormKind::Dispute {
                member: s.member_id,
            },
            self.t.prompt_dispute,
            vec![name],
            vec![Field::new(self.t.prompt_dispute_text, "")],
        );
        self.overlay = Overlay::Form(f);
    }
}
