//! Storage: the only module that knows SQL. SQLite with migrations, an
//! append-only hash-chained journal, lock triggers and backups.

pub mod appeal_queries;
pub mod apply;
pub mod appraisal;
pub mod backup;
mod bulk_schema;
pub mod claim_rows;
pub mod committee;
pub mod committee_view;
pub mod compare;
pub mod db;
pub mod events;
pub mod fault;
pub mod filing;
mod fold_packs;
pub mod imports;
pub mod journal;
pub mod lease;
pub mod meeting;
pub mod queries;
pub mod redemptions;
mod seal;
pub mod signing;
mod stored;
pub mod totals;
pub mod year_grade;

pub use db::{
    keep_replay_db, open_memory, open_reader, open_ro, open_rw, replay_db, Db, OpenError, SqlError,
};
pub use events::{AppraisalResult, Event, LockedTotal, NewClaim, NewMember};
pub use fault::{fault, sql_code, Fault};
pub use seal::{is_whole_seal, seal_of, SEAL_DIGITS};
