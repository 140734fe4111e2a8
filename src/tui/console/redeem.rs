//! Points redemption (积分兑换) at the assembly: pick the member and the
//! gift, set the count, see the balance before and after, Enter records it.
//! A redemption beyond the balance or the stock is refused with the reason;
//! `u` takes it back like any action. The core decides; this only draws.

use super::action::Action;
use super::app::App;
use super::keymap::{bind, ch, code, Binding, Show};
use super::screen::{Ctx, Screen};
use crate::app::redemption::{BalanceRow, GiftRow};
use crate::app::{Ledger, Result};
use crate::domain::model::{fmt_points, PeriodId};
use crate::tui::widgets::{draw_rows, pane, Cells, Scroll};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};

/// The redemption screen's keys.
pub const KEYS: &[Binding<Action>] = &[
    bind(
        &[code(KeyCode::Enter)],
        Action::Redeem,
        |t| t.redeem_k_redeem,
        Show::Footer,
    ),
    bind(
        &[code(KeyCode::Tab)],
        Action::NextPane,
        |t| t.redeem_k_pane,
        Show::Footer,
    ),
    bind(
        &[ch('+'), ch('='), code(KeyCode::Right)],
        Action::CountUp,
        |t| t.redeem_k_more,
        Show::Footer,
    )
    .short("+"),
    bind(
        &[ch('-'), code(KeyCode::Left)],
        Action::CountDown,
        |t| t.redeem_k_fewer,
        Show::Footer,
    )
    .short("-"),
];

/// Which list the arrows move.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    #[default]
    Members,
    Gifts,
}

/// What recording the chosen redemption would do, as the core answers.
#[derive(Debug, Clone, PartialEq)]
pub enum Preview {
    /// It fits: the points it costs and the balance before.
    Fits { cost: f64, before: f64 },
    /// It is refused, in words.
    Refused(String),
}

/// The redemption screen's state and view model.
#[derive(Debug)]
pub struct Redeem {
    pub members: Scroll,
    pub gifts: Scroll,
    pub focus: Focus,
    pub count: i64,
    pub rows: Vec<BalanceRow>,
    pub gift_rows: Vec<GiftRow>,
    pub preview: Option<Preview>,
    /// Redemptions recorded in the period so far.
    pub in_period: usize,
}

impl Default for Redeem {
    fn default() -> Self {
        Redeem {
            members: Scroll::default(),
            gifts: Scroll::default(),
            focus: Focus::Members,
            count: 1,
            rows: Vec::new(),
            gift_rows: Vec::new(),
            preview: None,
            in_period: 0,
        }
    }
}

impl Redeem {
    /// Rebuild the balances, the gifts and the preview from the core.
    pub fn load(&mut self, l: &Ledger, p: &PeriodId, ctx: &Ctx) -> Result<()> {
        self.rows = l.balances(None)?;
        self.gift_rows = l.gift_rows()?;
        self.in_period = l.redemptions(Some(p))?.len();
        self.members.select(self.members.selected, self.rows.len());
        self.gifts.select(self.gifts.selected, self.gift_rows.len());
        self.preview = match (self.selected_member(), self.selected_gift()) {
            (Some(m), Some(g)) => Some(
                match l.redeem_cost(m.member_id, &g.gift, self.count, ctx.zh()) {
                    Ok(cost) => Preview::Fits {
                        cost,
                        before: m.balance.balance,
                    },
                    Err(e) => Preview::Refused(crate::i18n::meeting::core_error(ctx.lang, &e)),
                },
            ),
            _ => None,
        };
        Ok(())
    }

    pub fn selected_member(&self) -> Option<&BalanceRow> {
        self.rows.get(self.members.selected)
    }

    pub fn selected_gift(&self) -> Option<&GiftRow> {
        self.gift_rows.get(self.gifts.selected)
    }

    /// Select the first member `hit` finds; whether one was found.
    pub fn find(&mut self, hit: impl Fn(&str) -> bool) -> bool {
        match self.rows.iter().position(|r| hit(&r.member)) {
            Some(i) => {
                self.members.select(i, self.rows.len());
                self.focus = Focus::Members;
                true
            }
            None => false,
        }
    }

    pub fn draw(&mut self, area: Rect, buf: &mut Buffer, ctx: &Ctx) {
        let w = ctx.lang.words().redemption;
        let [lists, foot] =
            Layout::vertical([Constraint::Min(0), Constraint::Length(5)]).areas(area);
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)])
                .areas(lists);
        self.draw_members(left, buf, ctx);
        self.draw_gifts(right, buf, ctx);
        let title = Line::from(Span::styled(format!(" {} ", w.title), ctx.pal.title));
        let inner = pane(foot, buf, &title, ctx.pal.muted);
        let mut lines = Vec::new();
        if self.gift_rows.is_empty() {
            lines.push(Line::from(Span::styled(
                format!(" {}", w.no_catalogue),
                ctx.pal.warning,
            )));
        } else if let Some(m) = self.selected_member() {
            lines.push(Line::raw(format!(
                " {}  {} {}  {} {}  {} {}",
                m.member,
                w.earned,
                fmt_points(m.balance.earned),
                w.spent,
                fmt_points(m.balance.spent),
                w.balance,
                fmt_points(m.balance.balance)
            )));
        }
        let gift = self.selected_gift().map(|g| g.gift.title_in(ctx.zh()));
        match (&self.preview, gift) {
            (Some(Preview::Fits { cost, before }), Some(g)) => {
                lines.push(Line::from(Span::styled(
                    format!(
                        " {}",
                        (w.preview)(self.count, g, *cost, *before, before - cost)
                    ),
                    ctx.pal.ok,
                )));
            }
            (Some(Preview::Refused(why)), _) => lines.push(Line::from(Span::styled(
                format!(" {}: {why}", w.refused),
                ctx.pal.warning,
            ))),
            _ => {}
        }
        lines.push(Line::from(Span::styled(
            format!(" {}", w.never_scored),
            ctx.pal.muted,
        )));
        draw_rows(inner, buf, None, &lines, None, ctx.pal.selected);
    }

    fn border(&self, focus: Focus, ctx: &Ctx) -> ratatui::style::Style {
        if self.focus == focus {
            ctx.pal.title
        } else {
            ctx.pal.muted
        }
    }

    fn draw_members(&mut self, area: Rect, buf: &mut Buffer, ctx: &Ctx) {
        let w = ctx.lang.words().redemption;
        let title = Line::from(Span::styled(
            format!(" {} ({}) ", ctx.t.members, self.rows.len()),
            ctx.pal.title,
        ));
        let inner = pane(area, buf, &title, self.border(Focus::Members, ctx));
        let n = 8;
        let header = Line::from(Span::styled(
            String::from(
                Cells::default()
                    .raw(" ")
                    .left(w.member, 10)
                    .raw(" ")
                    .right(w.earned, n)
                    .raw(" ")
                    .right(w.spent, n)
                    .raw(" ")
                    .right(w.balance, n),
            ),
            ctx.pal.header,
        ));
        let range = self
            .members
            .window(self.rows.len(), inner.height.saturating_sub(1) as usize);
        let rows: Vec<Line> = self.rows[range.clone()]
            .iter()
            .map(|r| {
                Line::raw(String::from(
                    Cells::default()
                        .raw(" ")
                        .left(&r.member, 10)
                        .raw(" ")
                        .right(&fmt_points(r.balance.earned), n)
                        .raw(" ")
                        .right(&fmt_points(r.balance.spent), n)
                        .raw(" ")
                        .right(&fmt_points(r.balance.balance), n),
                ))
            })
            .collect();
        let sel = (self.focus == Focus::Members).then(|| self.members.selected - range.start);
        draw_rows(inner, buf, Some(header), &rows, sel, ctx.pal.selected);
    }

    fn draw_gifts(&mut self, area: Rect, buf: &mut Buffer, ctx: &Ctx) {
        let w = ctx.lang.words().redemption;
        let title = Line::from(Span::styled(
            format!(" {}  {} {} ", w.gift, w.count, self.count),
            ctx.pal.title,
        ));
        let inner = pane(area, buf, &title, self.border(Focus::Gifts, ctx));
        let header = Line::from(Span::styled(
            String::from(
                Cells::default()
                    .raw(" ")
                    .left(w.gift, 14)
                    .raw(" ")
                    .right(w.points_each, 8)
                    .raw(" ")
                    .right(w.left, 8),
            ),
            ctx.pal.header,
        ));
        let range = self.gifts.window(
            self.gift_rows.len(),
            inner.height.saturating_sub(1) as usize,
        );
        let rows: Vec<Line> = self.gift_rows[range.clone()]
            .iter()
            .map(|g| {
                let left = g
                    .left
                    .map_or_else(|| w.unlimited.to_string(), |n| n.to_string());
                Line::raw(String::from(
                    Cells::default()
                        .raw(" ")
                        .left(g.gift.title_in(ctx.zh()), 14)
                        .raw(" ")
                        .right(&fmt_points(g.gift.points), 8)
                        .raw(" ")
                        .right(&left, 8),
                ))
            })
            .collect();
        let sel = Some(self.gifts.selected.saturating_sub(range.start))
            .filter(|_| !self.gift_rows.is_empty());
        let style = if self.focus == Focus::Gifts {
            ctx.pal.selected
        } else {
            ctx.pal.header
        };
        draw_rows(inner, buf, Some(header), &rows, sel, style);
    }
}

impl App {
    /// Carry out an action on the redemption screen; `false` when the
    /// screen leaves it to the shared handling (undo, back, help, search...).
    pub(super) fn redemption_action(&mut self, a: Action) -> bool {
        let Some(Screen::Redeem(s)) = self.stack.last_mut() else {
            return false;
        };
        let (members, gifts) = (s.rows.len(), s.gift_rows.len());
        let moved = |s: &mut Redeem, d: isize| match s.focus {
            Focus::Members => s.members.step(d, members),
            Focus::Gifts => s.gifts.step(d, gifts),
        };
        match a {
            Action::Up => moved(s, -1),
            Action::Down => moved(s, 1),
            Action::PageUp => moved(s, -10),
            Action::PageDown => moved(s, 10),
            Action::Top => moved(s, -isize::MAX / 2),
            Action::Bottom => moved(s, isize::MAX / 2),
            Action::NextPane | Action::PrevPane => {
                s.focus = match s.focus {
                    Focus::Members => Focus::Gifts,
                    Focus::Gifts => Focus::Members,
                }
            }
            Action::CountUp => s.count = (s.count + 1).min(crate::domain::redemption::MAX_GIFTS),
            Action::CountDown => s.count = (s.count - 1).max(1),
            Action::Redeem => {
                self.record_redemption();
                return true;
            }
            _ => return false,
        }
        self.reload();
        true
    }

    /// Record the chosen redemption; the status line says what it did or why not.
    fn record_redemption(&mut self) {
        let Some(Screen::Redeem(s)) = self.stack.last() else {
            return;
        };
        let (Some(m), Some(g), Some(p)) = (s.selected_member(), s.selected_gift(), self.period)
        else {
            return self.err(self.lang.words().redemption.no_catalogue);
        };
        let (member, gift, count) = (m.member_id, g.gift.code.clone(), s.count);
        let zh = self.lang == crate::i18n::Lang::Zh;
        match self.ledger.redeem(member, &gift, count, &p, zh) {
            Ok(r) => {
                let line = (self.lang.words().redemption.done)(
                    &r.member,
                    r.count,
                    r.gift.title_in(zh),
                    r.cost,
                    r.before.balance,
                    r.after.balance,
                );
                self.ok(line);
            }
            Err(e) => self.fail(&e),
        }
        self.reload();
    }
}
