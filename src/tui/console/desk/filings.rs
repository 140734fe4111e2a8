//! The filings screen: every branch the committee expects with its state
//! for the period (received, published until a day, final, late, awaited,
//! missing), its seal in short, the day received, its member count and its
//! reconsiderations; sorted, searched, and a row's details in a popup.

use super::table::{self, left, right, Columns, TableRow};
use crate::app::committee::DeskState;
use crate::app::committee_view::{FilingLine, FilingsView, LineStatus};
use crate::domain::text::natural_key;
use crate::tui::console::screen::Ctx;
use crate::tui::widgets::Scroll;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// How the rows are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// By branch name (numbers in names in their order: 第2 before 第10).
    #[default]
    Branch,
    /// Missing and late first, then awaited, received, published, final.
    State,
    /// Latest received first; those not filed last.
    Received,
}

impl Sort {
    /// The next order of `s`.
    pub fn next(self) -> Sort {
        match self {
            Sort::Branch => Sort::State,
            Sort::State => Sort::Received,
            Sort::Received => Sort::Branch,
        }
    }

    /// Index into the catalogue's sort names.
    pub fn index(self) -> usize {
        self as usize
    }
}

/// The filings screen's state.
#[derive(Debug, Default)]
pub struct Filings {
    pub view: Option<FilingsView>,
    pub sort: Sort,
    pub scroll: Scroll,
}

/// Rank of a state for the state order: what needs the clerk first.
fn urgency(l: &FilingLine) -> u8 {
    match (&l.status, l.late) {
        (LineStatus::Missing, _) => 0,
        (_, true) => 1,
        (LineStatus::Awaited, _) => 2,
        (LineStatus::Filed(DeskState::Received), _) => 3,
        (LineStatus::Filed(DeskState::Published { .. }), _) => 4,
        (LineStatus::Filed(DeskState::Final { .. }), _) => 5,
    }
}

impl Filings {
    /// Take a fresh view, keeping the order and the selected branch.
    pub fn set(&mut self, mut v: FilingsView) {
        let keep = self.selected().map(|l| l.branch.clone());
        sort_lines(&mut v.lines, self.sort);
        self.view = Some(v);
        if let Some(b) = keep {
            self.select_branch(&b);
        }
    }

    /// Order the rows by the next sort.
    pub fn cycle_sort(&mut self) {
        self.sort = self.sort.next();
        let keep = self.selected().map(|l| l.branch.clone());
        if let Some(v) = &mut self.view {
            sort_lines(&mut v.lines, self.sort);
        }
        if let Some(b) = keep {
            self.select_branch(&b);
        }
    }

    /// The selected row.
    pub fn selected(&self) -> Option<&FilingLine> {
        self.view.as_ref()?.lines.get(self.scroll.selected)
    }

    /// Select `branch`'s row, if listed.
    pub fn select_branch(&mut self, branch: &str) -> bool {
        let Some(v) = &self.view else { return false };
        match v.lines.iter().position(|l| l.branch == branch) {
            Some(i) => {
                self.scroll.select(i, v.lines.len());
                true
            }
            None => false,
        }
    }

    /// Select the first row whose branch contains `text`; false when none.
    pub fn search(&mut self, text: &str) -> bool {
        let text = text.trim();
        let Some(v) = &self.view else { return false };
        if text.is_empty() {
            return true;
        }
        match v.lines.iter().position(|l| l.branch.contains(text)) {
            Some(i) => {
                self.scroll.select(i, v.lines.len());
                true
            }
            None => false,
        }
    }

    /// Rows in the list.
    pub fn len(&self) -> usize {
        self.view.as_ref().map_or(0, |v| v.lines.len())
    }

    pub fn draw(&mut self, area: Rect, buf: &mut Buffer, ctx: &Ctx) {
        let w = ctx.t.desk;
        let Some(v) = &self.view else {
            let line = Line::from(Span::styled(format!(" {}", w.none_yet), ctx.pal.muted));
            buf.set_line(area.x, area.y, &line, area.width);
            return;
        };
        let [sum, list] = Layout::vertical([Constraint::Length(2), Constraint::Min(0)]).areas(area);
        let summary = (w.summary)(
            &v.period,
            &v.due.to_string(),
            v.expected,
            v.filed,
            v.late,
            v.missing,
            v.awaited,
        );
        let sort = (w.sorted)(w.sort_names[self.sort.index()]);
        let line = Line::from(vec![
            Span::styled(format!(" {summary}"), ctx.pal.title),
            Span::styled(format!("  {sort}"), ctx.pal.muted),
        ]);
        buf.set_line(sum.x, sum.y, &line, sum.width);
        if v.lines.is_empty() {
            let line = Line::from(Span::styled(format!(" {}", w.none_yet), ctx.pal.muted));
            buf.set_line(list.x, list.y, &line, list.width);
            return;
        }
        let wide = area.width >= 110;
        // The state column as wide as its longest word, within reason.
        let state_w = v
            .lines
            .iter()
            .map(|l| crate::domain::text::width(&(w.state)(l)))
            .max()
            .unwrap_or(8)
            .clamp(8, 26);
        let seal_w = if wide { 16 } else { 8 };
        let cols = [
            left(0),
            left(state_w),
            left(seal_w),
            left(10),
            right(4),
            right(6),
        ];
        let lines = &v.lines;
        let pal = ctx.pal;
        table::draw(
            list,
            buf,
            Columns {
                cols: &cols,
                head: &w.h_filings,
            },
            lines.len(),
            &mut self.scroll,
            |i| row(&lines[i], seal_w, ctx, style_of(&lines[i], pal)),
            ctx,
        );
    }
}

/// A row's colour: missing, late and scored by another scheme than the
/// roster's in the warning colour, awaited muted,
/// published provisional, final as done.
fn style_of(l: &FilingLine, pal: &crate::tui::console::style::Palette) -> Style {
    match (&l.status, l.late) {
        (LineStatus::Missing, _) | (_, true) => pal.warning,
        _ if l.roster_scheme.is_some() => pal.warning,
        (LineStatus::Awaited, _) => pal.muted,
        (LineStatus::Filed(DeskState::Final { .. }), _) => pal.ok,
        (LineStatus::Filed(DeskState::Published { .. }), _) => pal.provisional,
        (LineStatus::Filed(DeskState::Received), _) => Style::default(),
    }
}

fn row(l: &FilingLine, seal_w: usize, ctx: &Ctx, style: Style) -> TableRow {
    let w = ctx.t.desk;
    let f = l.filing.as_ref();
    let reviews = match (l.reviews, l.open_reviews) {
        (0, _) => String::new(),
        (n, 0) => n.to_string(),
        (n, open) => format!("{open}/{n}"),
    };
    TableRow::Cells(
        vec![
            l.branch.clone(),
            (w.state)(l),
            f.map(|f| f.seal.chars().take(seal_w).collect())
                .unwrap_or_default(),
            l.received_on
                .map(|d| d.to_string())
                .unwrap_or_else(|| match (&l.last_filed, f) {
                    (Some(p), _) => format!("({p})"),
                    (None, None) => format!("({})", ctx.lang.words().filing.never_filed),
                    (None, Some(_)) => String::new(),
                }),
            f.map(|f| f.members.to_string()).unwrap_or_default(),
            reviews,
        ],
        style,
    )
}

/// Order `lines` by `sort` (ties by branch name, naturally).
pub fn sort_lines(lines: &mut [FilingLine], sort: Sort) {
    lines.sort_by(|a, b| {
        let by_name = || natural_key(&a.branch).cmp(&natural_key(&b.branch));
        match sort {
            Sort::Branch => by_name(),
            Sort::State => urgency(a).cmp(&urgency(b)).then_with(by_name),
            Sort::Received => b.received_on.cmp(&a.received_on).then_with(by_name),
        }
    });
}

#[cfg(test)]
mod tests {
    use crate::domain::text::natural_key;

    #[test]
    fn branch_numbers_order_as_numbers() {
        let mut v = vec!["第10党支部", "第2党支部", "第1党支部", "机关党支部"];
        v.sort_by_key(|s| natural_key(s));
        assert_eq!(v, ["机关党支部", "第1党支部", "第2党支部", "第10党支部"]);
    }
}
