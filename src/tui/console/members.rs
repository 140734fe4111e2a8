//! Claims, member by member: the ranking on the left, the selected member's
//! claims on the right, the verdict one key away.

use super::action::Action;
use super::app::Overlay;
use super::field::Field;
use super::keymap::{bind, ch, code, Binding, Show};
use super::new_claim::ClaimForm;
use super::prompt::{Form, FormKind};
use super::screen::Screen;
use super::screen::{signed_points, stars_text, Ctx};
use crate::app::{Ledger, RankRow, Result, StatementLine};
use crate::domain::model::Outcome;
use crate::domain::model::{fmt_points, ClaimStatus, ConfirmState, PeriodId};
use crate::tui::widgets::{cell, cell_right, draw_rows, pane, put_line, Cells, Scroll};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// The members screen's keys.
pub const KEYS: &[Binding<Action>] = &[
    bind(&[ch('a')], Action::Approve, |t| t.k_approve, Show::Footer),
    bind(&[ch('e')], Action::Adjust, |t| t.k_adjust, Show::Footer),
    bind(&[ch('r')], Action::Reject, |t| t.k_reject, Show::Footer),
    bind(
        &[ch('A')],
        Action::ApproveAll,
        |t| t.k_approve_all,
        Show::Footer,
    ),
    bind(
        &[ch('N')],
        Action::NextPending,
        |t| t.k_next_pending,
        Show::Footer,
    ),
    bind(&[ch('n')], Action::NewClaim, |t| t.k_new, Show::Footer),
    bind(&[ch('c')], Action::Confirm, |t| t.k_confirm, Show::Footer),
    bind(
        &[code(KeyCode::Tab), code(KeyCode::Right), ch('l')],
        Action::NextPane,
        |t| t.k_pane,
        Show::Footer,
    ),
    bind(&[ch('/')], Action::Search, |t| t.k_search, Show::Footer),
    bind(
        &[ch('f')],
        Action::FileAppeal,
        |t| t.k_file_appeal,
        Show::Footer,
    ),
    bind(&[ch('d')], Action::Dispute, |t| t.k_dispute, Show::Help),
    bind(
        &[code(KeyCode::Left), ch('h')],
        Action::PrevPane,
        |t| t.k_pane_back,
        Show::Help,
    ),
];

/// Which pane has the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Pane {
    #[default]
    Members,
    Claims,
}

/// Members-and-claims state and view model.
#[derive(Debug, Default)]
pub struct Members {
    pub list: Scroll,
    pub claims: Scroll,
    pub focus: Pane,
    pub rows: Vec<RankRow>,
    pub lines: Vec<StatementLine>,
    /// Members whose signature was voided: they sign again.
    pub resign: std::collections::HashSet<i64>,
    lines_for: Option<i64>,
    loaded: bool,
}

impl Members {
    /// Reload the members in the walk's fixed order (roster order), keeping
    /// the selected member.
    pub fn load(&mut self, l: &Ledger, p: &PeriodId, ctx: &Ctx) -> Result<()> {
        let keep = self.selected_member().map(|r| r.member_id);
        self.rows = l.review_rows(p)?;
        self.resign = l.voided_signatures(p)?;
        super::screen::name_grades(l, &mut self.rows, ctx.zh());
        let idx = match keep {
            Some(id) => self.rows.iter().position(|r| r.member_id == id),
            // First visit: start at the first member with claims to decide.
            None if !self.loaded => self.rows.iter().position(|r| r.pending > 0),
            None => None,
        };
        self.loaded = true;
        self.list
            .select(idx.unwrap_or(self.list.selected), self.rows.len());
        self.load_lines(l, p, ctx, true)
    }

    /// Reload the selected member's claims; `keep` keeps the claim selection.
    pub fn load_lines(&mut self, l: &Ledger, p: &PeriodId, ctx: &Ctx, keep: bool) -> Result<()> {
        let Some(id) = self.selected_member().map(|r| r.member_id) else {
            self.lines.clear();
            self.lines_for = None;
            return Ok(());
        };
        let same = self.lines_for == Some(id);
        self.lines = l.member_lines(id, p, ctx.zh())?;
        self.lines_for = Some(id);
        if !(same && keep) {
            let first = self
                .lines
                .iter()
                .position(|x| x.claim.status == ClaimStatus::Pending);
            self.claims = Scroll::default();
            self.claims.select(first.unwrap_or(0), self.lines.len());
        } else {
            self.claims.select(self.claims.selected, self.lines.len());
        }
        Ok(())
    }

    pub fn selected_member(&self) -> Option<&RankRow> {
        self.rows.get(self.list.selected)
    }

    pub fn selected_line(&self) -> Option<&StatementLine> {
        self.lines.get(self.claims.selected)
    }

    /// After a verdict: the next pending claim of the member, if any.
    pub fn next_pending(&mut self) {
        let n = self.lines.len();
        let from = self.claims.selected;
        if let Some(i) = (1..=n).map(|d| (from + d) % n.max(1)).find(|&i| {
            self.lines
                .get(i)
                .is_some_and(|x| x.claim.status == ClaimStatus::Pending)
        }) {
            self.claims.select(i, n);
        }
    }

    pub fn draw(&mut self, area: Rect, buf: &mut Buffer, ctx: &Ctx) {
        let left_w = if area.width >= 110 { 50 } else { 37 };
        let [left, right] =
            Layout::horizontal([Constraint::Length(left_w), Constraint::Min(0)]).areas(area);
        self.draw_members(left, buf, ctx);
        self.draw_claims(right, buf, ctx);
    }

    /// A bordered pane titled `title`, highlighted when it has the keys;
    /// returns its inner area.
    fn draw_pane(area: Rect, buf: &mut Buffer, title: String, focused: bool, ctx: &Ctx) -> Rect {
        let (title_style, border_style) = if focused {
            (ctx.pal.title, Style::default())
        } else {
            (ctx.pal.muted, ctx.pal.muted)
        };
        pane(
            area,
            buf,
            &Line::from(Span::styled(title, title_style)),
            border_style,
        )
    }

    fn draw_members(&mut self, area: Rect, buf: &mut Buffer, ctx: &Ctx) {
        let (t, pal) = (ctx.t, ctx.pal);
        let inner = Self::draw_pane(
            area,
            buf,
            format!(" {} ({}) ", t.members, self.rows.len()),
            self.focus == Pane::Members,
            ctx,
        );
        let wide = inner.width >= 46;
        let mut head = format!(
            " {} {} {} {} {} {}",
            cell_right(t.col_rank, 4),
            cell(t.col_name, 8),
            cell(t.col_cat, 4),
            cell_right(t.col_score, 5),
            cell_right(t.col_pending, 4),
            cell(t.col_conf, 4)
        );
        if wide {
            head.push_str(&format!(" {}", cell(t.col_grade, 8)));
        }
        let header = Line::from(Span::styled(head, pal.header));
        let range = self
            .list
            .window(self.rows.len(), inner.height.saturating_sub(1) as usize);
        let rows: Vec<Line> = self.rows[range.clone()]
            .iter()
            .map(|r| member_row(r, self.resign.contains(&r.member_id), wide, ctx))
            .collect();
        let sel = self.list.selected.checked_sub(range.start);
        let sel_style = if self.focus == Pane::Members {
            pal.selected
        } else {
            pal.key
        };
        draw_rows(inner, buf, Some(header), &rows, sel, sel_style);
    }

    fn draw_claims(&mut self, area: Rect, buf: &mut Buffer, ctx: &Ctx) {
        let (t, pal) = (ctx.t, ctx.pal);
        let title = match self.selected_member() {
            Some(r) => format!(
                " {}  {} {}  {} {}  {} {} ",
                r.name,
                t.total,
                fmt_points(r.score),
                t.rank_of,
                r.rank,
                t.pending,
                r.pending
            ),
            None => format!(" {} ", t.claims),
        };
        let inner = Self::draw_pane(area, buf, title, self.focus == Pane::Claims, ctx);
        if self.lines.is_empty() {
            put_line(
                buf,
                inner.x,
                inner.y,
                &Line::from(Span::styled(format!(" {}", t.no_claims), pal.muted)),
                inner.width,
            );
            return;
        }
        let details = self
            .selected_line()
            .map(|x| detail_lines(x, inner.width as usize, ctx))
            .unwrap_or_default();
        let detail_h = (details.len() as u16 + 1).clamp(4, (inner.height / 2).max(4));
        let [list, detail] =
            Layout::vertical([Constraint::Min(0), Constraint::Length(detail_h)]).areas(inner);
        let w = list.width as usize;
        let show_count = w >= 60;
        let level_w = if show_count { 8 } else { 6 };
        let fixed = 1 + 4 + 1 + 1 + level_w + 1 + 7 + if show_count { 4 } else { 0 };
        let item_w = w.saturating_sub(fixed).max(6);
        let mut head = format!(
            " {} {} {}",
            cell(t.col_status, 4),
            cell(t.col_item, item_w),
            cell(t.col_level, level_w)
        );
        if show_count {
            head.push_str(&format!(" {}", cell_right(t.col_count, 3)));
        }
        head.push_str(&format!(" {}", cell_right(t.col_points, 7)));
        let header = Line::from(Span::styled(head, pal.header));
        let range = self
            .claims
            .window(self.lines.len(), list.height.saturating_sub(1) as usize);
        let cols = ClaimCols {
            item_w,
            level_w,
            show_count,
        };
        let rows: Vec<Line> = self.lines[range.clone()]
            .iter()
            .map(|x| claim_row(x, cols, ctx))
            .collect();
        let sel = self.claims.selected.checked_sub(range.start);
        let sel_style = if self.focus == Pane::Claims {
            pal.selected
        } else {
            pal.key
        };
        draw_rows(list, buf, Some(header), &rows, sel, sel_style);
        if !details.is_empty() {
            let [rule, text] =
                Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(detail);
            let dash = "-".repeat(rule.width as usize);
            put_line(
                buf,
                rule.x,
                rule.y,
                &Line::from(Span::styled(dash, pal.muted)),
                rule.width,
            );
            draw_rows(text, buf, None, &details, None, pal.selected);
        }
    }
}

/// The selected claim's note, evidence and reason, each shown whole
/// (wrapped under its label) in a pane `width` cells wide.
fn detail_lines(x: &StatementLine, width: usize, ctx: &Ctx) -> Vec<Line<'static>> {
    let (t, pal) = (ctx.t, ctx.pal);
    let c = &x.claim;
    let note = format!(
        "#{} {} {}",
        c.id,
        c.date.clone().unwrap_or_default(),
        c.note
            .as_deref()
            .map(|n| ctx.lang.words().common.claim_note(n))
            .unwrap_or_default()
    );
    let evidence = c.evidence.clone().unwrap_or_else(|| "-".into());
    let mut fields = vec![
        (t.note, note, Style::default()),
        (t.evidence, evidence, Style::default()),
    ];
    if let Some(r) = &c.reason {
        fields.push((t.reason, r.clone(), pal.warning));
    }
    let mut out = Vec::new();
    for (name, text, style) in fields {
        let label = format!(" {name}: ");
        let indent = crate::domain::text::width(&label);
        let parts = crate::domain::text::wrap(&text, width.saturating_sub(indent + 1));
        for (i, part) in parts.into_iter().enumerate() {
            let head = if i == 0 {
                label.clone()
            } else {
                " ".repeat(indent)
            };
            out.push(Line::from(vec![
                Span::styled(head, pal.muted),
                Span::styled(part, style),
            ]));
        }
    }
    out
}

/// One member of the ranking, in the columns of the members pane's header;
/// `resign`: their signature was voided.
fn member_row(r: &RankRow, resign: bool, wide: bool, ctx: &Ctx) -> Line<'static> {
    let (t, pal) = (ctx.t, ctx.pal);
    let (conf, conf_style) = match r.confirmation.map(ConfirmState::as_str) {
        Some("confirmed") => (t.conf_yes, Style::default()),
        Some("disputed") => (t.conf_dispute, Style::default()),
        _ if resign => (ctx.lang.words().meeting.conf_again, pal.warning),
        _ => ("-", Style::default()),
    };
    let score_style = if r.provisional() {
        pal.provisional
    } else {
        Style::default()
    };
    let (pending, pend_style) = if r.pending > 0 {
        (r.pending.to_string(), pal.warning)
    } else {
        ("-".to_string(), pal.muted)
    };
    let lead = Cells::default()
        .raw(" ")
        .right(&r.rank.to_string(), 4)
        .raw(" ")
        .left(&r.name, 8)
        .raw(" ")
        .left((ctx.lang.words().common.category)(r.category), 4)
        .raw(" ");
    let mut spans = Vec::with_capacity(5);
    spans.push(Span::raw(String::from(lead)));
    spans.push(Span::styled(
        cell_right(&fmt_points(r.score), 5),
        score_style,
    ));
    spans.push(Span::styled(
        String::from(Cells::default().raw(" ").right(&pending, 4)),
        pend_style,
    ));
    spans.push(Span::styled(
        String::from(Cells::default().raw(" ").left(conf, 4)),
        conf_style,
    ));
    if wide {
        let stars;
        let grade = match &r.grade {
            Some(g) => &**g,
            None => {
                stars = stars_text(r.stars);
                stars.as_str()
            }
        };
        spans.push(Span::raw(String::from(
            Cells::default().raw(" ").left(grade, 8),
        )));
    }
    Line::from(spans)
}

/// The widths of the claims pane's columns.
#[derive(Debug, Clone, Copy)]
struct ClaimCols {
    item_w: usize,
    level_w: usize,
    show_count: bool,
}

/// One claim of the selected member, in the columns of the claims pane.
fn claim_row(x: &StatementLine, cols: ClaimCols, ctx: &Ctx) -> Line<'static> {
    let pal = ctx.pal;
    let c = &x.claim;
    let st_style = match c.status {
        ClaimStatus::Pending => pal.warning,
        ClaimStatus::Rejected | ClaimStatus::Withdrawn => pal.muted,
        _ => Style::default(),
    };
    let level = super::screen::level_text(ctx.lang, c.level.as_deref());
    let mut spans = Vec::with_capacity(5);
    spans.push(Span::raw(" "));
    spans.push(Span::styled(
        cell((ctx.lang.words().common.claim_status)(c.status), 4),
        st_style,
    ));
    spans.push(Span::raw(String::from(
        Cells::default()
            .raw(" ")
            .left(&x.title, cols.item_w)
            .raw(" ")
            .left(&level, cols.level_w),
    )));
    if cols.show_count {
        spans.push(Span::raw(String::from(
            Cells::default().raw(" ").right(&c.count.to_string(), 3),
        )));
    }
    spans.push(Span::styled(
        String::from(
            Cells::default()
                .raw(" ")
                .right(&signed_points(&x.kind, c.points, ctx.lang), 7),
        ),
        pal.points(c.status, &x.kind),
    ));
    Line::from(spans)
}

/// What the keys of this screen do.
impl super::app::App {
    pub(super) fn after_verdict(&mut self, msg: String) {
        self.ok(msg);
        self.reload();
        if let Some(Screen::Members(s)) = self.stack.last_mut() {
            s.next_pending();
        }
    }

    pub(super) fn approve(&mut self) {
        let Some((id, title, _, _)) = self.current_claim() else {
            return self.err(self.t.no_claim);
        };
        match self.ledger.verdict(id, Outcome::Approved, None, None) {
            Ok(()) => self.after_verdict(format!("{} #{id} {title}", self.t.done_approve)),
            Err(e) => self.fail(&e),
        }
    }

    pub(super) fn verdict_prompt(&mut self, adjust: bool) {
        let Some((id, title, claimed, _)) = self.current_claim() else {
            return self.err(self.t.no_claim);
        };
        let t = self.t;
        let info = vec![format!("#{id} {title}  ({})", fmt_points(claimed))];
        let f = if adjust {
            Form::new(
                FormKind::Adjust { claim: id },
                t.prompt_adjust,
                info,
                vec![
                    Field::new(t.prompt_points, &fmt_points(claimed)),
                    Field::new(t.prompt_reason, ""),
                ],
            )
        } else {
            Form::new(
                FormKind::Reject { claim: id },
                t.prompt_reject,
                info,
                vec![Field::new(t.prompt_reason, "")],
            )
        };
        self.overlay = Overlay::Form(f);
    }

    pub(super) fn approve_all_prompt(&mut self) {
        let Some(Screen::Members(s)) = self.stack.last() else {
            return;
        };
        let Some(r) = s.selected_member() else {
            return self.err(self.t.no_member);
        };
        let info = vec![format!("{}: {} {}", r.name, self.t.pending, r.pending)];
        let f = Form::new(
            FormKind::ApproveAll {
                member: r.member_id,
            },
            self.t.prompt_approve_all,
            info,
            vec![],
        );
        self.overlay = Overlay::Form(f);
    }

    pub(super) fn new_claim(&mut self) {
        let (Some((id, name)), Some(p)) = (self.current_member(), self.period) else {
            return self.err(self.t.no_member);
        };
        let f = self.ctx_run(|_, ctx| ClaimForm::new(id, &name, p, ctx));
        self.overlay = Overlay::NewClaim(f);
    }

    /// The selected claim on the members screen: (id, title, claimed, status).
    pub(super) fn current_claim(&self) -> Option<(i64, String, f64, ClaimStatus)> {
        match self.stack.last() {
            Some(Screen::Members(s)) => s
                .selected_line()
                .map(|x| (x.claim.id, x.title.clone(), x.claim.claimed, x.claim.status)),
            _ => None,
        }
    }

    pub(super) fn submit_claim(&mut self, mut f: ClaimForm) {
        let draft = self.ctx_run(|app, ctx| f.draft(app.ledger.scheme(), ctx));
        let r = draft.and_then(|d| {
            self.ledger
                .add_claim(&d)
                .map_err(|e| crate::i18n::meeting::core_error(self.lang, &e))
        });
        match r {
            Ok(id) => {
                self.ok(format!("{} #{id}", self.t.done_new_claim));
                self.reload();
                if let Some(Screen::Members(s)) = self.stack.last_mut() {
                    if let Some(i) = s.lines.iter().position(|x| x.claim.id == id) {
                        s.claims.select(i, s.lines.len());
                        s.focus = Pane::Claims;
                    }
                }
            }
            Err(e) => {
                f.error = Some(e);
                self.overlay = Overlay::NewClaim(f);
            }
        }
    }

    /// The claim selected on the members screen, if any.
    pub fn selected_claim_id(&self) -> Option<i64> {
        self.current_claim().map(|c| c.0)
    }
}
