//! The ranking screens: the cross-branch ranking by category (seed 001
//! 分类排名), each group under its heading with the branch per row; and one
//! branch's own ranking as it filed it (the rows of `--branch NAME rank`).

use super::table::{self, left, right, Columns, TableRow};
use crate::app::committee_view::CategoryGroup;
use crate::app::filing::CategoryPlace;
use crate::app::RankRow;
use crate::domain::model::{fmt_points, Category, RankGroup};
use crate::tui::console::screen::{stars_text, Ctx};
use crate::tui::widgets::Scroll;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// One line of the ranking: a group's heading or a member's place.
#[derive(Debug, Clone, PartialEq)]
pub enum RankLine {
    Heading {
        /// The scheme's name to show.
        scheme: String,
        category: String,
        members: usize,
    },
    Place(CategoryPlace),
}

/// The ranking by category's state.
#[derive(Debug, Default)]
pub struct Ranking {
    pub lines: Vec<RankLine>,
    pub scroll: Scroll,
}

/// A category's name in the user's words (its code if unknown).
pub fn category_name(code: &str, ctx: &Ctx) -> String {
    match code.parse::<Category>() {
        Ok(c) => (ctx.lang.words().common.category)(c).to_string(),
        Err(_) => code.to_string(),
    }
}

impl Ranking {
    /// Take the groups, each behind its heading.
    pub fn set(&mut self, groups: Vec<CategoryGroup>) {
        self.lines.clear();
        for g in groups {
            self.lines.push(RankLine::Heading {
                scheme: g.scheme_name,
                category: g.category,
                members: g.places.len(),
            });
            self.lines.extend(g.places.into_iter().map(RankLine::Place));
        }
        let len = self.lines.len();
        self.scroll.select(self.scroll.selected, len);
    }

    /// The branch of the selected place, if a place is selected.
    pub fn selected_branch(&self) -> Option<&str> {
        match self.lines.get(self.scroll.selected) {
            Some(RankLine::Place(p)) => Some(&p.branch),
            _ => None,
        }
    }

    /// Select the first place whose member or branch contains `text`.
    pub fn search(&mut self, text: &str) -> bool {
        let text = text.trim();
        if text.is_empty() {
            return true;
        }
        let hit = self.lines.iter().position(|l| match l {
            RankLine::Place(p) => p.member.contains(text) || p.branch.contains(text),
            RankLine::Heading { .. } => false,
        });
        match hit {
            Some(i) => {
                self.scroll.select(i, self.lines.len());
                true
            }
            None => false,
        }
    }

    pub fn draw(&mut self, area: Rect, buf: &mut Buffer, ctx: &Ctx) {
        let w = ctx.t.desk;
        if self.lines.is_empty() {
            let line = Line::from(Span::styled(format!(" {}", w.none_ranked), ctx.pal.muted));
            buf.set_line(area.x, area.y, &line, area.width);
            return;
        }
        let cols = [right(4), left(12), left(0), right(6), right(8), left(8)];
        let lines = &self.lines;
        table::draw(
            area,
            buf,
            Columns {
                cols: &cols,
                head: &w.h_ranking,
            },
            lines.len(),
            &mut self.scroll,
            |i| match &lines[i] {
                RankLine::Heading {
                    scheme,
                    category,
                    members,
                } => TableRow::Heading((w.group)(scheme, &category_name(category, ctx), *members)),
                RankLine::Place(p) => TableRow::Cells(
                    vec![
                        p.rank.to_string(),
                        p.member.clone(),
                        p.branch.clone(),
                        fmt_points(p.score),
                        p.branch_rank.to_string(),
                        p.grade.clone().unwrap_or_default(),
                    ],
                    Style::default(),
                ),
            },
            ctx,
        );
    }
}

/// A line of a branch's ranking: a ranking group's heading (activists are
/// ranked apart from members) or a member's row.
#[derive(Debug, Clone)]
pub enum BranchLine {
    Heading(RankGroup),
    Member(RankRow),
}

/// One branch's ranking as filed.
#[derive(Debug)]
pub struct Branch {
    pub branch: String,
    pub lines: Vec<BranchLine>,
    pub scroll: Scroll,
}

impl Branch {
    pub fn new(branch: &str) -> Branch {
        Branch {
            branch: branch.to_string(),
            lines: Vec::new(),
            scroll: Scroll::default(),
        }
    }

    /// Take the branch's rows, in its order; a heading before each ranking
    /// group when there are several.
    pub fn set(&mut self, rows: Vec<RankRow>) {
        let apart = rows.iter().any(|r| r.ranking != rows[0].ranking);
        self.lines.clear();
        for r in rows {
            let new_group = match self.lines.iter().rev().find_map(|l| match l {
                BranchLine::Member(m) => Some(m.ranking),
                BranchLine::Heading(_) => None,
            }) {
                Some(g) => g != r.ranking,
                None => true,
            };
            if apart && new_group {
                self.lines.push(BranchLine::Heading(r.ranking));
            }
            self.lines.push(BranchLine::Member(r));
        }
        let len = self.lines.len();
        self.scroll.select(self.scroll.selected, len);
    }

    /// The selected member's name.
    pub fn selected_member(&self) -> Option<&str> {
        match self.lines.get(self.scroll.selected) {
            Some(BranchLine::Member(r)) => Some(&r.name),
            _ => None,
        }
    }

    pub fn draw(&mut self, area: Rect, buf: &mut Buffer, ctx: &Ctx) {
        let w = ctx.t.desk;
        let title = Line::from(Span::styled(format!(" {}", self.branch), ctx.pal.title));
        buf.set_line(area.x, area.y, &title, area.width);
        let list = Rect {
            y: area.y + 1,
            height: area.height.saturating_sub(1),
            ..area
        };
        let cols = [right(4), left(12), right(6), left(8), left(5), left(0)];
        let lines = &self.lines;
        let groups = ctx.lang.words().grading;
        table::draw(
            list,
            buf,
            Columns {
                cols: &cols,
                head: &w.h_branch,
            },
            lines.len(),
            &mut self.scroll,
            |i| match &lines[i] {
                BranchLine::Heading(g) => TableRow::Heading(groups.rank_group(*g).to_string()),
                BranchLine::Member(r) => TableRow::Cells(
                    vec![
                        r.rank.to_string(),
                        r.name.to_string(),
                        fmt_points(r.score),
                        r.grade.as_deref().unwrap_or_default().to_string(),
                        stars_text(r.stars),
                        r.actions.join(" "),
                    ],
                    Style::default(),
                ),
            },
            ctx,
        );
    }
}
