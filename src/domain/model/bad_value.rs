//! A value typed by a person that is not one of the values allowed: which kind
//! of value, and what was given (the front ends word it, `i18n::errors`).

use std::fmt;

/// The kind of value a [`BadValue`] was meant to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    /// A period id (`2026Q4`, `2026H2`, `2026`).
    Period,
    /// A member's category (`full`, `probationary`, `activist`).
    Category,
    /// A verdict as an import file gives it (`approved`, `adjusted`, `rejected`).
    Verdict,
    /// A verdict as a command gives it (`approve`, `adjust`, `reject`).
    Outcome,
    /// An appeal's outcome (`upheld`, `dismissed`, `reconsider`).
    AppealOutcome,
    /// A calendar date (`YYYY-MM-DD`).
    Date,
}

/// A value that is not one of those allowed for its kind.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct BadValue {
    pub kind: ValueKind,
    /// What was given, as given.
    pub given: String,
}

impl BadValue {
    /// `given` refused as a value of `kind`.
    pub fn new(kind: ValueKind, given: &str) -> BadValue {
        BadValue {
            kind,
            given: given.to_string(),
        }
    }
}

/// For logs only: people read the words of `i18n::errors`.
impl fmt::Display for BadValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "bad {:?} '{}'", self.kind, self.given)
    }
}
