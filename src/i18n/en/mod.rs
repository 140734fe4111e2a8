//! Every area's English words.

mod appraisal;
mod board;
mod cli;
mod common;
mod console;
mod counting;
mod desk;
mod filing;
mod grading;
mod meeting;
mod papers;
mod review;
mod year_close;

use super::{Catalogue, Lang};

/// Every English word.
pub const EN: Catalogue = Catalogue {
    lang: Lang::En,
    console: &console::CONSOLE,
    meeting: &meeting::MEETING,
    cli: &cli::CLI,
    board: &board::BOARD,
    papers: &papers::PAPERS,
    grading: &grading::GRADING,
    common: &common::COMMON,
    redemption: &super::redemption::EN,
    appraisal: &appraisal::APPRAISAL,
    filing: &filing::FILING,
    review: &review::REVIEW,
    year_close: &year_close::YEAR_CLOSE,
};
