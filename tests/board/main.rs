//! The board tests, gathered into one test binary.

#[path = "../board_common/mod.rs"]
mod board_common;
#[path = "../common/mod.rs"]
mod common;

mod board_committee;
mod board_count;
mod board_live;
mod board_modes;
mod board_props;
mod board_pty;
mod board_render;
mod board_theme;
mod board_truth;
mod board_zh_words;
