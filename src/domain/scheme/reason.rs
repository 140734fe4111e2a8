//! Why a scheme file cannot be used, by kind, with the values its words need
//! (`i18n::errors::scheme` words it; the file, line and field are the error's).

use crate::domain::toml_fault::TomlFault;

/// What a scheme file's fault is about, when it is inside one entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    Part,
    Item,
    Grade,
    Action,
    /// A gift of the redemption catalogue.
    Gift,
    /// A grade an appraisal ballot offers.
    Choice,
    /// A part appraisal raters score.
    Rated,
}

/// Why a scheme file cannot be used.
#[derive(Debug, Clone, PartialEq)]
pub enum SchemeReason {
    /// The file could not be read (`detail`: the system's words).
    Unreadable { detail: String },
    /// Not a scheme in TOML (syntax, an unknown or missing field, a wrong type).
    Toml(TomlFault),
    /// `inf` or `nan` where a number belongs.
    NotFinite,
    /// A figure beyond any a scheme sets.
    BeyondSense { max: f64 },
    /// A value that must not be empty.
    Empty,
    /// A value that must be zero or more.
    Negative,
    /// A value that must be above 0.
    NotPositive,
    /// Days that must be a whole number from 1 to `max`.
    DaysRange { max: u32 },
    /// A floor above the cap.
    FloorAboveCap { floor: f64, cap: f64 },
    /// An id or key given twice (`name`: the one repeated).
    Duplicate { entry: Entry, name: String },
    /// A tier id given twice.
    DuplicateTier(i64),
    /// A name that no entry of the scheme defines (`known`: those defined, when listed).
    Undefined {
        entry: Entry,
        name: String,
        known: Option<Vec<String>>,
    },
    /// The fault is inside one entry (`item 'work.x': ...`).
    In {
        entry: Entry,
        name: String,
        reason: Box<SchemeReason>,
    },
    /// More than one of points, levels and min/max.
    OneWayOnly,
    /// Negative points (the kind gives the sign).
    SignedPoints,
    /// A min above the max.
    MinAboveMax { min: f64, max: f64 },
    /// Levels given as an empty table.
    NoLevels,
    /// A level code that is not one of the known levels.
    UnknownLevel {
        level: String,
        allowed: Vec<&'static str>,
    },
    /// A level with negative points.
    NegativeLevel { level: String },
    /// A veto item without its effect.
    VetoNeedsEffect,
    /// `effect = grade` without the grade.
    GradeNeeded,
    /// `effect = cap` in a scheme without a cap.
    CapNeeded,
    /// An effect on an item that is not a veto.
    EffectOnlyVeto,
    /// An attendance mark other than leave or absent.
    Attendance,
    /// A grade's min not below its upper bound.
    MinNotBelow { min: f64, below: f64 },
    /// A quota that is not a share from 0 to 1.
    Quota,
    /// A star band outside 1-5 stars.
    StarsRange(u8),
    /// A star band with neither min nor share.
    StarBand,
    /// A branch choice that marks no figure of the file.
    ChoiceMarksNothing { at: String },
    /// An appraisal field that only a `kind` or `feeds` of `kind` takes
    /// (`votes`, `scores` or `points`).
    AppraisalOnly { kind: &'static str },
    /// An appraisal posting points on an item whose points are fixed.
    FixedItem { item: String },
    /// Votes with fewer than two grades to choose from.
    FewChoices,
    /// A figure outside the range it must fall in (`max` `None`: no bound).
    OutsideRange {
        value: f64,
        min: f64,
        max: Option<f64>,
    },
}
