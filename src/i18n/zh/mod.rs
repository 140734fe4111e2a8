//! 中文词表: every area's Chinese words.

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

/// Every Chinese word.
pub const ZH: Catalogue = Catalogue {
    lang: Lang::Zh,
    console: &console::CONSOLE,
    meeting: &meeting::MEETING,
    cli: &cli::CLI,
    board: &board::BOARD,
    papers: &papers::PAPERS,
    grading: &grading::GRADING,
    common: &common::COMMON,
    redemption: &super::redemption::ZH,
    appraisal: &appraisal::APPRAISAL,
    filing: &filing::FILING,
    review: &review::REVIEW,
    year_close: &year_close::YEAR_CLOSE,
};
