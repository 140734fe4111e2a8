//! The rules with no I/O: typed states, schemes, scoring and the calendar.
//! Nothing here knows SQL, a terminal or a language.

pub mod appraisal;
pub mod calendar;
pub mod model;
pub mod number;
pub mod redemption;
pub mod scheme;
pub mod scoring;
pub mod text;
pub mod theme_fault;
pub mod toml_fault;
