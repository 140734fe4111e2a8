//! Signatures that mean something (签字确认): a member signs a statement with
//! nothing pending, and a signature stands only for the total it was given
//! for. Any later change to that total voids it with its own journal event.

use super::Result;
use crate::store::Db;
use crate::store::{journal, signing, Event};

/// The signatures standing before a change, with the totals they were given for.
pub(crate) fn standing(conn: &Db, branch: i64) -> Result<Vec<signing::Signed>> {
    Ok(signing::signed_totals(conn, branch)?)
}

/// After a change (its totals refreshed): void every signature of `before`
/// whose member's kept total moved, journalled at the change's instant so
/// that undoing the change gives the signature back. Returns how many.
pub(crate) fn void_moved(
    conn: &Db,
    actor: &str,
    at: &str,
    stamp: journal::Stamp,
    before: &[signing::Signed],
) -> Result<usize> {
    let branch = stamp.branch;
    if before.is_empty() {
        return Ok(0);
    }
    let now = signing::signed_totals(conn, branch)?;
    let mut voided = 0;
    for was in before {
        // Gone (undone, or its period locked by this change): nothing to void.
        let Some(still) = now
            .iter()
            .find(|n| n.period == was.period && n.member_id == was.member_id)
        else {
            continue;
        };
        if same_total(was.total, still.total) {
            continue;
        }
        let ev = Event::ConfirmVoid {
            branch_id: branch,
            period: was.period.clone(),
            member_id: was.member_id,
            state: still.state,
            text: still.text.clone(),
            signed_total: was.total,
            total: still.total,
        };
        journal::append(conn, actor, &ev, at, stamp)?;
        voided += 1;
    }
    Ok(voided)
}

/// Whether two kept totals are the same number (`None` is the base score).
fn same_total(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => (x - y).abs() < 1e-9,
        (None, None) => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::same_total;

    #[test]
    fn totals_compare_as_numbers_and_base() {
        assert!(same_total(Some(83.0), Some(83.0 + 1e-12)));
        assert!(!same_total(Some(83.0), Some(86.0)));
        assert!(!same_total(None, Some(80.0)));
        assert!(same_total(None, None));
    }
}
