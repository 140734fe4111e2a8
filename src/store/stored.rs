//! The typed states bound to SQLite: each binds as its stored word and reads
//! back only from that word (see `domain::model`'s stored words).

use crate::domain::model::{
    AppealOutcome, AppealStage, Attendance, Category, ClaimSource, ClaimStatus, ConfirmState,
    MemberStatus, Outcome, PeriodState,
};
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

/// `ToSql`/`FromSql` for a state with a `code()` and a `from_code()`.
macro_rules! bound_as_word {
    ($($t:ident),+ $(,)?) => {$(
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
    )+};
}

bound_as_word!(
    PeriodState,
    ClaimStatus,
    Outcome,
    Attendance,
    ConfirmState,
    MemberStatus,
    Category,
    ClaimSource,
    AppealOutcome,
    AppealStage,
);

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::Connection;

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
