//! The papers a branch files after the lock: the publication notice (公示表),
//! member notification cards (积分/记分告知卡), the quarterly summary card
//! (记分汇总公示卡), the filing report to the higher committee and the meeting
//! minutes (会议记录). Each paper is built once as a [`Doc`] (plain rows) and
//! written as CSV (UTF-8 with BOM, by the `csv` crate), XLSX (by
//! `rust_xlsxwriter`) or a printable A4 HTML page.

mod papers;
mod render;

use crate::app::{CoreError, Ledger, RankScope, Result};
use std::path::{Path, PathBuf};

/// Which paper.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paper {
    Notice,
    Cards,
    Summary,
    Filing,
    Minutes,
    /// The period's redemption list (兑换登记表); not among `ALL`, the lock's papers.
    Redemptions,
    /// The period's appraisal result table (测评结果统计表); not among `ALL`.
    Appraisal,
}

impl Paper {
    /// File name stem: `notice`, `cards`, ...
    pub fn code(self) -> &'static str {
        match self {
            Paper::Notice => "notice",
            Paper::Cards => "cards",
            Paper::Summary => "summary",
            Paper::Filing => "filing",
            Paper::Minutes => "minutes",
            Paper::Redemptions => "redemptions",
            Paper::Appraisal => "appraisal",
        }
    }

    pub const ALL: [Paper; 5] = [
        Paper::Notice,
        Paper::Cards,
        Paper::Summary,
        Paper::Filing,
        Paper::Minutes,
    ];
}

impl std::str::FromStr for Paper {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Self, String> {
        Paper::ALL
            .into_iter()
            .chain([Paper::Redemptions, Paper::Appraisal])
            .find(|p| p.code() == s.trim())
            .ok_or_else(|| {
                format!(
                    "unknown paper '{s}' (notice, cards, summary, filing, minutes, redemptions, appraisal)"
                )
            })
    }
}

/// File format of a paper.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaperFormat {
    Csv,
    Xlsx,
    Html,
}

impl PaperFormat {
    pub fn ext(self) -> &'static str {
        match self {
            PaperFormat::Csv => "csv",
            PaperFormat::Xlsx => "xlsx",
            PaperFormat::Html => "html",
        }
    }
}

impl std::str::FromStr for PaperFormat {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Self, String> {
        match s.trim() {
            "csv" => Ok(PaperFormat::Csv),
            "xlsx" => Ok(PaperFormat::Xlsx),
            "html" => Ok(PaperFormat::Html),
            o => Err(format!("unknown format '{o}' (csv, xlsx, html)")),
        }
    }
}

/// One cell of a table.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    /// Points: whole or with up to two decimals.
    Num(f64),
    /// A count, a rank or a number.
    Int(i64),
    /// A calendar day (a spreadsheet date, not text).
    Date(chrono::NaiveDate),
    Empty,
    /// A box a person signs by hand (领取人签字): empty, and its row as tall
    /// as a signature line.
    Sign,
    /// A box a voter ticks by hand (a ballot's □), centred in its column.
    Mark,
}

impl Cell {
    /// The cell as text (numbers as the ledger prints points, days as `YYYY-MM-DD`).
    pub fn text(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Num(x) => crate::domain::model::fmt_points(*x),
            Cell::Int(n) => n.to_string(),
            Cell::Date(d) => d.format("%Y-%m-%d").to_string(),
            Cell::Empty | Cell::Sign => String::new(),
            Cell::Mark => "□".to_string(),
        }
    }

    /// A day as a date cell; any other text (or none) stays text.
    pub fn day(s: Option<&str>) -> Cell {
        match s {
            Some(t) => chrono::NaiveDate::parse_from_str(t.trim(), "%Y-%m-%d")
                .map(Cell::Date)
                .unwrap_or_else(|_| Cell::Text(t.to_string())),
            None => Cell::Empty,
        }
    }
}

impl From<&str> for Cell {
    fn from(s: &str) -> Cell {
        Cell::Text(s.to_string())
    }
}

impl From<String> for Cell {
    fn from(s: String) -> Cell {
        Cell::Text(s)
    }
}

impl From<f64> for Cell {
    fn from(x: f64) -> Cell {
        Cell::Num(x)
    }
}

impl From<usize> for Cell {
    fn from(n: usize) -> Cell {
        Cell::Int(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<Option<String>> for Cell {
    fn from(s: Option<String>) -> Cell {
        s.map(Cell::Text).unwrap_or(Cell::Empty)
    }
}

/// A table with a header row.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    pub caption: Option<String>,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// One page of a paper (one sheet in XLSX, one printed page in HTML).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Page {
    /// Worksheet name (made unique and short enough when written).
    pub sheet: String,
    pub heading: String,
    pub meta: Vec<(String, String)>,
    pub tables: Vec<Table>,
    pub notes: Vec<String>,
    /// Signature lines, e.g. `本人签字`.
    pub signatures: Vec<String>,
    /// Whose page this is (a card's member): its printed pages are numbered
    /// on their own, the member's name at their foot, and it starts a new page.
    pub owner: Option<String>,
}

/// A whole paper, ready to be written in any format.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Doc {
    pub title: String,
    pub branch: String,
    pub pages: Vec<Page>,
    /// The period seal(s) the receiver checks with `jifen verify --seal`.
    pub seals: Vec<(String, String)>,
    pub footer: Vec<String>,
    pub zh: bool,
}

impl Doc {
    /// The papers' words in this paper's language.
    pub fn words(&self) -> &'static crate::i18n::papers::PaperWords {
        crate::i18n::Lang::of_zh(self.zh).words().papers
    }
}

/// Build a paper for a period (`RankScope::Period`) or a year (notice only).
pub fn build(ledger: &Ledger, paper: Paper, scope: &RankScope, zh: bool) -> Result<Doc> {
    papers::build(ledger, paper, scope, zh)
}

/// The secret ballots (民主测评票) of a period's democratic appraisal.
pub fn appraisal_ballots(
    ledger: &Ledger,
    period: &crate::domain::model::PeriodId,
    zh: bool,
) -> Result<Doc> {
    papers::appraisal_ballots(ledger, period, zh)
}

/// Write a built paper to `path` in `format`.
/// Every text of the paper goes out with its control characters shown
/// (`text::visible_controls`): any text a person can type makes a valid file.
pub fn write_doc(doc: &Doc, format: PaperFormat, path: &Path) -> Result<()> {
    let doc = &doc.with_visible_controls();
    match format {
        PaperFormat::Csv => render::csv(doc, path),
        PaperFormat::Xlsx => render::xlsx(doc, path),
        PaperFormat::Html => render::html(doc, path),
    }
}

impl Doc {
    /// A copy with every text's control characters made visible.
    fn with_visible_controls(&self) -> Doc {
        let v = |s: &String| crate::domain::text::visible_controls(s).into_owned();
        let pair = |(a, b): &(String, String)| (v(a), v(b));
        Doc {
            title: v(&self.title),
            branch: v(&self.branch),
            pages: self
                .pages
                .iter()
                .map(|p| Page {
                    sheet: v(&p.sheet),
                    heading: v(&p.heading),
                    meta: p.meta.iter().map(pair).collect(),
                    tables: p
                        .tables
                        .iter()
                        .map(|t| Table {
                            caption: t.caption.as_ref().map(v),
                            header: t.header.iter().map(v).collect(),
                            rows: t
                                .rows
                                .iter()
                                .map(|r| {
                                    r.iter()
                                        .map(|c| match c {
                                            Cell::Text(s) => Cell::Text(v(s)),
                                            other => other.clone(),
                                        })
                                        .collect()
                                })
                                .collect(),
                        })
                        .collect(),
                    notes: p.notes.iter().map(v).collect(),
                    signatures: p.signatures.iter().map(v).collect(),
                    owner: p.owner.as_ref().map(v),
                })
                .collect(),
            seals: self.seals.iter().map(pair).collect(),
            footer: self.footer.iter().map(v).collect(),
            zh: self.zh,
        }
    }
}

/// Build and write a paper into `dir` as `<paper>-<scope>.<ext>`; returns the file written.
pub fn export(
    ledger: &Ledger,
    paper: Paper,
    scope: &RankScope,
    format: PaperFormat,
    dir: &Path,
    zh: bool,
) -> Result<PathBuf> {
    let doc = build(ledger, paper, scope, zh)?;
    std::fs::create_dir_all(dir).map_err(|e| CoreError::file(dir, &e))?;
    let path = dir.join(format!("{}-{}.{}", paper.code(), scope, format.ext()));
    write_doc(&doc, format, &path)?;
    Ok(path)
}
