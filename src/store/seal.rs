//! The seal a lock prints.

/// How many hex digits a whole seal has: the lock event's SHA-256.
pub const SEAL_DIGITS: usize = 64;

/// The seal printed at lock time: the lock event's whole hash (64 hex
/// digits). A shorter prefix is no seal: 8 digits were matched by grinding a
/// whitespace tail on two cores in half an hour.
pub fn seal_of(hash: &str) -> String {
    hash.to_string()
}

/// Whether `s` has the shape of a whole seal (64 hex digits, any case).
pub fn is_whole_seal(s: &str) -> bool {
    s.len() == SEAL_DIGITS && s.bytes().all(|b| b.is_ascii_hexdigit())
}
