//! The console tests, gathered into one test binary.

#[path = "../common/mod.rs"]
mod common;
#[path = "../console_common/mod.rs"]
mod console_common;

mod console_after_lock;
mod console_appraisal;
mod console_appraisal_scores;
mod console_desk;
mod console_filing;
mod console_find;
mod console_keys;
mod console_lease;
mod console_meeting;
mod console_meeting_record;
mod console_new_claim;
mod console_pty;
mod console_redeem;
mod console_render;
mod console_words;
mod console_year_grade;
mod console_year_grade_fault;
mod console_zh_walk;
mod desk_keys;
mod desk_receive;
mod key_lists;
mod overlay_hints;
mod tty_gone;
