//! The typed states as SQLite stores them: each binds as its word (the same
//! word serde writes into the journal) and reads back only from that word.

use super::{
    AppealOutcome, AppealStage, Attendance, Category, ClaimSource, ClaimStatus, ConfirmState,
    MemberStatus, Outcome, PeriodState,
};
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use std::fmt;

/// `ToSql`/`FromSql` for a state with a `code()`, over all its variants.
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

        impl ToSql for $t {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::Borrowed(ValueRef::Text(self.code().as_bytes())))
            }
        }

        impl FromSql for $t {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                let word = value.as_str()?;
                $t::from_code(word).ok_or_else(|| {
                    FromSqlError::Other(format!("unknown {} '{word}'", stringify!($t)).into())
                })
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
    use rusqlite::Connection;

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

    #[test]
    fn states_round_trip_through_sqlite_and_refuse_strangers() {
        let c = Connection::open_in_memory().expect("memory db");
        for s in PeriodState::EVERY {
            let back: PeriodState = c
                .query_row("SELECT ?1", [s], |r| r.get(0))
                .expect("reads back");
            assert_eq!(back, *s);
        }
        let odd: rusqlite::Result<ClaimStatus> = c.query_row("SELECT 'approve'", [], |r| r.get(0));
        assert!(odd.is_err(), "only the stored word reads back");
        let n: i64 = c
            .query_row("SELECT 'in-session' = ?1", [PeriodState::InSession], |r| {
                r.get(0)
            })
            .expect("compares");
        assert_eq!(n, 1, "binds as its word");
    }
}
