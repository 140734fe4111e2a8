//! Terminal front ends: the secretary's console and the room display.

pub mod board;
pub mod console;
pub mod widgets;
