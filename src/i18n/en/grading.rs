//! Words of grading, in English.

use crate::i18n::grading::GradingWords;

/// English words of grading.
pub const GRADING: GradingWords = GradingWords {
    zh_titles: false,
    group_members: "Members (full and probationary)",
    group_activists: "Activists",
    stars: |n| format!("{n} stars"),
    quota_note: |group, what, granted, limit, tie| {
        format!("{group}: {what} {granted}, quota {limit}: tie at {tie}; for the branch to decide at the appraisal")
    },
    no_ranking: |year| format!("{year}: no periods held, so no ranking and no grades"),
    choices_heading: |id, seed| {
        format!("scheme {id}: figures its seed ({seed}) does not state, chosen for the branch; change them in a scheme file of your own")
    },
    choices_columns: ["at", "value", "why"],
};
