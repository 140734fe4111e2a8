//! Writing a [`Doc`] as CSV (UTF-8 with BOM), XLSX or printable HTML, and the
//! print layout the XLSX and the HTML share: how wide each column is, and
//! whether a page's table needs A4 landscape to stay at 10 pt or more.

mod csv;
mod flow;
mod html;
mod xlsx;

pub use self::csv::csv;
pub use html::html;
pub use xlsx::xlsx;

use super::{Cell, Table};
use crate::app::CoreError;
use std::path::Path;
use unicode_width::UnicodeWidthStr;

fn io_err(path: &Path, e: impl Into<std::io::Error>) -> CoreError {
    CoreError::file(path, &e.into())
}

/// Printable width of A4 portrait (210 mm less 2 x 13 mm margins) in
/// spreadsheet character units at 11 pt (one unit is about 1.85 mm).
pub(crate) const PORTRAIT_UNITS: f64 = 99.0;
/// The same for A4 landscape (297 mm less the margins).
pub(crate) const LANDSCAPE_UNITS: f64 = 146.0;
/// How far a sheet may be shrunk to fit its width: 11 pt down to 10 pt.
const SHRINK: f64 = 11.0 / 10.0;
/// No column narrower than this, nor wider (longer text wraps).
const MIN_COL: f64 = 4.0;
const MAX_COL: f64 = 36.0;
/// Room either side of a cell's text.
const PAD: f64 = 2.0;
/// What a spreadsheet adds to each column's width when it stores it.
pub(crate) const STORED_EXTRA: f64 = 0.72;

/// Display width of a text in character units: a Chinese character counts 2,
/// the widest of its lines.
pub(crate) fn text_width(s: &str) -> f64 {
    s.lines().map(UnicodeWidthStr::width).max().unwrap_or(0) as f64
}

/// How many printed lines a text takes in a column `width` units wide.
pub(crate) fn lines_in(s: &str, width: f64) -> usize {
    let room = (width - PAD).max(1.0);
    s.split('\n')
        .map(|l| ((UnicodeWidthStr::width(l) as f64) / room).ceil().max(1.0) as usize)
        .sum::<usize>()
        .max(1)
}

/// The paper's orientation and the width of each column, in character units.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Columns {
    pub widths: Vec<f64>,
    pub landscape: bool,
}

impl Columns {
    /// The widths for tables laid over the same columns: each column as wide as
    /// its widest cell (dates and numbers never wrap), within bounds; portrait
    /// while the sum fits A4 at 10 pt or more, else landscape, and the widest
    /// text columns narrowed (their text wraps) until it fits there.
    /// The first column is at least `first` wide (it also holds the keys of
    /// the lines above the table). A table with fewer columns than the widest
    /// leaves its last column unmeasured: it spans to the right edge.
    pub fn of(tables: &[&Table], at_least: usize, first: f64) -> Columns {
        let n = tables
            .iter()
            .map(|t| t.header.len())
            .max()
            .unwrap_or(0)
            .max(at_least);
        let mut widths = vec![MIN_COL; n];
        let mut fixed = vec![false; n];
        if let Some(w) = widths.first_mut() {
            *w = w.max(first.min(MAX_COL));
        }
        let widest = tables.iter().map(|t| t.header.len()).max().unwrap_or(0);
        for t in tables {
            // A table narrower than the widest spans its last column to the
            // right edge (the XLSX merges it): that text takes the others' room.
            let take = if t.header.len() < widest {
                t.header.len().saturating_sub(1)
            } else {
                n
            };
            for (i, h) in t.header.iter().enumerate().take(take) {
                widths[i] = widths[i].max(text_width(h).min(MAX_COL - PAD) + PAD);
            }
            for r in &t.rows {
                for (i, c) in r.iter().enumerate().take(take) {
                    let w = match c {
                        Cell::Date(_) => {
                            fixed[i] = true;
                            10.0
                        }
                        Cell::Num(_) | Cell::Int(_) => text_width(&c.text()),
                        Cell::Text(s) => text_width(s),
                        Cell::Empty | Cell::Sign => 0.0,
                        Cell::Mark => 2.0,
                    };
                    widths[i] = widths[i].max((w + PAD).min(MAX_COL));
                }
            }
        }
        // A ballot's columns of boxes are as wide as each other: no grade
        // looks bigger on the paper than another.
        let marks: Vec<usize> = (0..n)
            .filter(|&i| {
                tables
                    .iter()
                    .any(|t| t.rows.iter().any(|r| r.get(i) == Some(&Cell::Mark)))
            })
            .collect();
        let widest_mark = marks.iter().map(|&i| widths[i]).fold(0.0, f64::max);
        for &i in &marks {
            widths[i] = widest_mark;
            fixed[i] = true;
        }
        let stored = |w: &[f64]| w.iter().map(|x| x + STORED_EXTRA).sum::<f64>();
        let landscape = stored(&widths) > PORTRAIT_UNITS * SHRINK;
        let room = if landscape {
            LANDSCAPE_UNITS
        } else {
            PORTRAIT_UNITS
        };
        // Narrow the widest column that wraps well until the page holds it at 10 pt.
        while stored(&widths) > room * SHRINK {
            let widest = (0..n)
                .filter(|&i| !fixed[i] && widths[i] > 12.0)
                .max_by(|&a, &b| widths[a].total_cmp(&widths[b]));
            match widest {
                Some(i) => widths[i] -= 1.0,
                None => break,
            }
        }
        Columns { widths, landscape }
    }

    /// The width of columns `from..=to` together.
    pub fn span(&self, from: usize, to: usize) -> f64 {
        self.widths.get(from..=to).map_or(0.0, |w| w.iter().sum())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(header: &[&str], rows: Vec<Vec<Cell>>) -> Table {
        Table {
            caption: None,
            header: header.iter().map(|s| s.to_string()).collect(),
            rows,
        }
    }

    #[test]
    fn a_short_table_stays_portrait_and_a_wide_one_turns_landscape() {
        let t = table(
            &["排名", "姓名", "得分"],
            vec![vec![Cell::Int(1), "欧阳娜娜".into(), Cell::Num(89.5)]],
        );
        let c = Columns::of(&[&t], 2, 0.0);
        assert!(!c.landscape);
        assert_eq!(c.widths, vec![6.0, 10.0, 6.0]);
        let long = "参加市级志愿服务活动并撰写心得体会".repeat(2);
        let wide = table(
            &[
                "日期",
                "项目",
                "类型",
                "级别",
                "次数",
                "申报分值",
                "认定分值",
                "结论",
                "理由",
            ],
            vec![vec![
                Cell::Date(chrono::NaiveDate::from_ymd_opt(2026, 7, 1).expect("day")),
                long.as_str().into(),
                "加分".into(),
                "省级".into(),
                Cell::Int(1),
                Cell::Num(5.0),
                Cell::Num(4.5),
                "调整".into(),
                long.as_str().into(),
            ]],
        );
        let c = Columns::of(&[&wide], 2, 0.0);
        assert!(c.landscape, "{c:?}");
        assert!(c.widths.iter().map(|w| w + STORED_EXTRA).sum::<f64>() <= LANDSCAPE_UNITS * SHRINK);
        assert_eq!(c.widths[0], 12.0, "a date keeps its width");
    }

    #[test]
    fn wrapped_text_counts_its_lines() {
        assert_eq!(lines_in("交流", 10.0), 1);
        // 20 Chinese characters are 40 units: five lines of 8 in a 10-unit column.
        assert_eq!(lines_in(&"实".repeat(20), 10.0), 5);
        assert_eq!(lines_in("一\n二", 10.0), 2);
    }
}
