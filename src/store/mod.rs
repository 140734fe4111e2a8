//! Storage: the only module that knows SQL. SQLite with migrations, an
//! append-only hash-chained journal, lock triggers and backups.

pub mod appeal_queries;
pub mod apply;
pub mod claim_rows;
pub mod compare;
pub mod db;
pub mod events;
mod fold_packs;
pub mod imports;
pub mod journal;
pub mod lease;
pub mod queries;
pub mod signing;
pub mod totals;

pub use db::{open_memory, open_reader, open_ro, open_rw, OpenError};
pub use events::{Event, LockedTotal, NewClaim, NewMember};

/// The short seal printed at lock time: 16 hex digits of the lock event's hash.
pub fn seal_of(hash: &str) -> String {
    hash.chars().take(16).collect()
}
