//! The seal a lock prints.

/// The short seal printed at lock time: 16 hex digits of the lock event's hash.
pub fn seal_of(hash: &str) -> String {
    hash.chars().take(16).collect()
}
