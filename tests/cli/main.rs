//! The cli tests, gathered into one test binary.

#[path = "../common/mod.rs"]
mod common;

mod appeal_sent_up;
mod appeals_cli;
mod appeals_flow;
mod appraisal_cli;
mod backups_interrupted;
mod bad_databases;
mod bad_inputs;
mod bulk_imports;
mod claim_events;
mod cli_help;
mod cli_meeting;
mod cli_pipe;
mod cli_titles;
mod cli_year;
mod committee_review;
mod committee_verify;
mod concurrency;
mod crash;
mod export_papers;
mod filing;
mod grading_cli;
mod grading_papers;
mod hostile;
mod hostile_numbers;
mod import_again;
mod import_chunks;
mod minutes_appraisal;
mod paper_columns;
mod papers_filing;
mod papers_minutes;
mod papers_pages;
mod papers_posted;
mod papers_print;
mod papers_zh_words;
mod races;
mod read_only_folder;
mod redeem_cli;
mod seals;
mod storage;
mod typed_errors;
mod undo_and_faults;
mod year_grade_cli;
