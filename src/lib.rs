//! jifen: points-based member management for a branch's quarterly members' assembly.
//!
//! One core, three front ends: the secretary's console, the room display and
//! the CLI all go through [`app::Ledger`].

pub mod app;
pub mod cli;
pub mod dev;
pub mod domain;
pub mod export;
pub mod i18n;
pub mod store;
pub mod tui;

/// mimalloc serves the many short-lived rows of rankings and imports faster
/// than the platform allocator, and returns memory without page-fault storms.
/// Fuzzing builds keep the platform allocator, which the sanitizers watch.
#[cfg(not(fuzzing))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
