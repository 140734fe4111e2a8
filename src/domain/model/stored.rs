//! The typed states' stored words: each state is written as its word (the
//! same word serde writes into the journal) and read back only from that word.
//! `store::stored` binds them to SQLite.

use super::{
    AppealOutcome, AppealStage, Attendance, Category, ClaimSource, ClaimStatus, ConfirmState,
    MemberStatus, Outcome, PeriodState,
};
use std::fmt;

/// Every variant and the lookup from its stored word.
macro_rules! stored_word {
    ($t:ident: $($v:ident),+ $(,)?) => {
        impl $t {
            /// Every state, in order.
            pub const EVERY: &'static [$t] = &[$($t::$v),+];

            /// The state a stored word names, if any.
            pub fn from_code(word: &str) -> Option<$t> {
                $t::EVERY.iter().copied().find(|s| s.code() == word)
            }
        }
    };
}

/// `Display` as the stored word (for states without words of their own).
macro_rules! shown_as_word {
    ($($t:ident),+) => {$(
        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.code())
            }
        }
    )+};
}

shown_as_word!(
    PeriodState,
    ClaimStatus,
    Attendance,
    ConfirmState,
    AppealOutcome,
    AppealStage
);

stored_word!(PeriodState: Open, InSession, Locked, Published, Final);
stored_word!(ClaimStatus: Pending, Approved, Adjusted, Rejected, Withdrawn);
stored_word!(Outcome: Approved, Adjusted, Rejected);
stored_word!(Attendance: Present, Leave, Absent);
stored_word!(ConfirmState: Confirmed, Disputed);
stored_word!(MemberStatus: Active, Exempt);
stored_word!(Category: Full, Probationary, Activist);
stored_word!(ClaimSource: SelfClaim, Group, Secretary, Import);
stored_word!(AppealOutcome: Upheld, Dismissed, Reconsider);
stored_word!(AppealStage: Branch, Higher);

#[cfg(test)]
mod tests {
    use super::*;

    /// The journal's bytes depend on serde writing exactly the stored word.
    fn same_words<T: serde::Serialize + Copy>(all: &[T], code: impl Fn(T) -> &'static str) {
        for s in all {
            let json = serde_json::to_string(s).expect("serializes");
            assert_eq!(json, format!("\"{}\"", code(*s)));
        }
    }

    #[test]
    fn serde_names_are_the_stored_words() {
        same_words(PeriodState::EVERY, PeriodState::code);
        same_words(ClaimStatus::EVERY, ClaimStatus::code);
        same_words(Outcome::EVERY, Outcome::code);
        same_words(Attendance::EVERY, Attendance::code);
        same_words(ConfirmState::EVERY, ConfirmState::code);
        same_words(MemberStatus::EVERY, MemberStatus::code);
        same_words(Category::EVERY, Category::code);
        same_words(ClaimSource::EVERY, ClaimSource::code);
        same_words(AppealOutcome::EVERY, AppealOutcome::code);
        same_words(AppealStage::EVERY, AppealStage::code);
        assert_eq!(PeriodState::InSession.code(), "in-session");
    }
}
