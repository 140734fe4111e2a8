//! What is wrong in an import file, by kind, with the values its words need
//! (`i18n::imports` words them; the file, line and column are the error's).

use crate::app::{AppraisalError, ClaimError, MemberError};
use crate::domain::model::BadValue;

/// Why an import file was refused.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportKind {
    /// The file could not be read (`detail`: the system's words, for the log).
    Unreadable { detail: String },
    /// A workbook that does not read (`sheet`: the sheet, when one was reached).
    BadWorkbook {
        sheet: Option<String>,
        detail: String,
    },
    /// A workbook with no sheet.
    NoSheet,
    /// A sheet with a cell beyond what an import sheet may use.
    SheetTooBig {
        sheet: String,
        row: u32,
        column: u32,
        max_cells: usize,
        max_columns: u32,
        max_rows: u32,
    },
    /// Bytes that are not UTF-8 (a GBK/ANSI file).
    NotUtf8,
    /// A file with no row at all.
    EmptyFile,
    /// A file over 4 GiB.
    TooLarge,
    /// The CSV reader's refusal (`detail`: its words, for the log).
    BadCsv { detail: String },
    /// A row with another number of fields than the header.
    FieldCount { expected: usize, found: usize },
    /// A cell over `max` bytes.
    FieldTooLong { bytes: usize, max: usize },
    /// The header is not the one expected.
    WrongHeader { got: String, expected: String },
    /// No row below the header.
    NoRows,
    /// A row given twice (`first`: the line of the first).
    DuplicateRow { first: usize },
    /// A member's name given twice in a member file.
    DuplicateMember { name: String, first: usize },
    /// A member already on the roster.
    OnRoster { name: String },
    /// A member's name that several members have.
    AmbiguousMember { name: String },
    /// No member of that name or id.
    UnknownMember { who: String },
    /// A cell that should be a whole number (`column` names it).
    NotWhole { given: String },
    /// A cell that should be a number.
    NotNumber { given: String },
    /// A typed value refused (a category, a verdict).
    Value(BadValue),
    /// A member's record refused.
    Member(MemberError),
    /// A claim refused by the checks.
    Claim(ClaimError),
    /// An appraisal count refused (above the ballots, a choice the ballot lacks).
    Appraisal(AppraisalError),
    /// Columns the file's kind does not have (`allowed`: the ones it has).
    UnknownColumns {
        columns: Vec<String>,
        allowed: Vec<String>,
    },
    /// A cell that must not be empty.
    EmptyCell,
    /// A branch given twice in a roster (`first`: the line of the first).
    DuplicateBranch { name: String, first: usize },
    /// A scheme id that is neither built in nor any received filing's.
    UnknownScheme { id: String, known: Vec<String> },
}

impl From<BadValue> for ImportKind {
    fn from(v: BadValue) -> Self {
        ImportKind::Value(v)
    }
}

impl From<MemberError> for ImportKind {
    fn from(e: MemberError) -> Self {
        ImportKind::Member(e)
    }
}

impl From<ClaimError> for ImportKind {
    fn from(e: ClaimError) -> Self {
        ImportKind::Claim(e)
    }
}

impl From<AppraisalError> for ImportKind {
    fn from(e: AppraisalError) -> Self {
        ImportKind::Appraisal(e)
    }
}
