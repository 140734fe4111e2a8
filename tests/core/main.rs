//! The core tests, gathered into one test binary.

#[path = "../common/mod.rs"]
mod common;
#[path = "../grading_common/mod.rs"]
mod grading_common;

mod appraisal_ledger;
mod appraisal_rule;
mod calendar_days;
mod catalogue;
mod committee_desk;
mod counting_words;
mod filing;
mod filing_appraisal;
mod grading;
mod grading_props;
mod journal_actions;
mod kept_totals;
mod layering;
mod ledger;
mod props;
mod readiness;
mod redemption;
mod redemption_props;
mod retotal;
mod scheme_files;
mod schemes;
mod year_grade;
mod year_grade_fault;
