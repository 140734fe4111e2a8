//! Where an XLSX sheet's printed pages end. Every row of a paper has a height
//! jifen sets itself, and the sheet is fitted to the page width, so the rows a
//! page holds are known before a spreadsheet prints them: jifen breaks the
//! pages itself, before a table's caption that would be left alone at a
//! page's foot, before a last row that would be left alone on the next page,
//! and before the signatures and the seal so they stay together.

use super::{Columns, LANDSCAPE_UNITS, PORTRAIT_UNITS, STORED_EXTRA};

/// A4's height less the top and bottom margins the sheets set (0.6 and 0.7
/// inch), in points: portrait and landscape.
const PORTRAIT_HEIGHT: f64 = (11.69 - 1.3) * 72.0;
const LANDSCAPE_HEIGHT: f64 = (8.27 - 1.3) * 72.0;
/// Room kept free at each page's foot, so a spreadsheet whose rows come out
/// a little taller still breaks where jifen does, never just before.
const SAFETY: f64 = 0.97;

/// The page being filled and the breaks made so far.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Flow {
    /// How many points of rows a printed page holds, at the sheet's scale.
    pub capacity: f64,
    /// Points of rows on the current page.
    pub used: f64,
    /// Rows that begin a new page (zero-based).
    pub breaks: Vec<u32>,
}

impl Flow {
    /// A sheet's flow: fitted to the page width, a page holds more rows the
    /// more the sheet is shrunk.
    pub fn of(cols: &Columns) -> Flow {
        let (room, height) = if cols.landscape {
            (LANDSCAPE_UNITS, LANDSCAPE_HEIGHT)
        } else {
            (PORTRAIT_UNITS, PORTRAIT_HEIGHT)
        };
        let width: f64 = cols.widths.iter().map(|w| w + STORED_EXTRA).sum();
        // Spreadsheets shrink by whole percents, never enlarge.
        let scale = if width > room {
            (100.0 * room / width).floor() / 100.0
        } else {
            1.0
        };
        Flow {
            capacity: height * SAFETY / scale.max(0.1),
            used: 0.0,
            breaks: Vec::new(),
        }
    }

    /// Whether `h` points more fit on the current page (anything fits an empty one).
    pub fn fits(&self, h: f64) -> bool {
        self.used == 0.0 || self.used + h <= self.capacity
    }

    /// Start a new page at `row`.
    pub fn break_at(&mut self, row: u32) {
        if self.used > 0.0 && self.breaks.last() != Some(&row) {
            self.breaks.push(row);
        }
        self.used = 0.0;
    }

    /// Keep the next `h` points on one page: a new page at `row` unless they fit.
    /// Returns whether a page was started.
    pub fn keep(&mut self, row: u32, h: f64) -> bool {
        if self.fits(h) {
            false
        } else {
            self.break_at(row);
            true
        }
    }

    /// A row of `h` points placed on the current page.
    pub fn place(&mut self, h: f64) {
        self.used += h;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cols(widths: Vec<f64>, landscape: bool) -> Columns {
        Columns { widths, landscape }
    }

    #[test]
    fn a_page_holds_its_height_and_more_when_the_sheet_is_shrunk() {
        let narrow = Flow::of(&cols(vec![10.0, 20.0], false));
        assert!((narrow.capacity - PORTRAIT_HEIGHT * SAFETY).abs() < 1e-9);
        // 102.96 units of columns (with what is stored) on 99: shrunk to
        // 96 % (a whole percent), a page holds more rows.
        let wide = Flow::of(&cols(vec![50.0, 51.52], false));
        assert!((wide.capacity - PORTRAIT_HEIGHT * SAFETY / 0.96).abs() < 1e-6);
        let land = Flow::of(&cols(vec![10.0], true));
        assert!(land.capacity < narrow.capacity);
    }

    #[test]
    fn a_block_that_does_not_fit_starts_a_new_page_once() {
        let mut f = Flow::of(&cols(vec![10.0], true));
        let cap = f.capacity;
        assert!(!f.keep(0, cap * 2.0), "an empty page takes anything");
        f.place(cap - 10.0);
        assert!(f.fits(10.0));
        assert!(!f.fits(10.5));
        assert!(f.keep(30, 20.0));
        assert_eq!(f.breaks, vec![30]);
        assert!(!f.keep(30, 20.0), "a fresh page is not broken again");
        assert_eq!(f.breaks, vec![30]);
    }
}
