//! The year close's final grades in English.

use crate::i18n::year_close::YearCloseWords;

pub const YEAR_CLOSE: YearCloseWords = YearCloseWords {
    col_points_grade: "Points grade",
    col_appraisal: "Appraisal",
    col_final: "Final",
    pick_title: |member, year| format!("{member}: final grade {year}"),
    pick_info: |points, appraisal| match appraisal {
        Some(a) => format!("points grade {points}, appraisal {a}"),
        None => format!("points grade {points}, no appraisal"),
    },
    above: "above the points",
    default_note: "grey: not recorded yet, the default",
    no_grade: "this member has no points grade this year: nothing to decide",
    year_final: |period| format!("the year is final ({period}): its grades are fixed"),
    recorded: |member, year, grade, allowed| {
        format!(
            "{member}: final grade {year} recorded: {grade} (the points allow at most {allowed})"
        )
    },
    cleared: |member, year, default| {
        format!("{member}: final grade {year} taken back; the default again: {default}")
    },
    above_now: |member, grade, allowed| {
        match allowed {
        Some(a) => format!(
            "! {member}: final grade {grade} is above what the points now allow ({a}): record another before the lock"
        ),
        None => format!("! {member}: final grade {grade}, but no points grade any more: take it back"),
    }
    },
    above_more: |more| format!("! {more} more final grades above the points"),
};
