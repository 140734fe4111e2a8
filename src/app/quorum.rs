//! The assembly's validity (党员大会须有半数以上有表决权的党员到会): voting
//! members are full members who are active; probationary members and
//! activists have no vote, exempt members are not counted.

use super::{CoreError, Ledger, Result};
use crate::domain::model::{Attendance, Category, Member, MemberStatus, PeriodId};
use crate::store::Event;
use serde::Serialize;
use std::collections::HashMap;

/// Roll call counted over the voting members: 应到 / 实到 / 请假 / 缺席.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Quorum {
    /// Voting members (应到).
    pub expected: usize,
    /// Marked present (实到).
    pub present: usize,
    pub leave: usize,
    pub absent: usize,
    /// Voting members not yet called.
    pub unmarked: usize,
}

impl Quorum {
    /// Count the voting members of `members` by their roll-call marks.
    pub fn count(members: &[Member], marks: &HashMap<i64, Attendance>) -> Quorum {
        let mut q = Quorum::default();
        for m in members.iter().filter(|m| votes(m)) {
            q.expected += 1;
            match marks.get(&m.id) {
                Some(Attendance::Present) => q.present += 1,
                Some(Attendance::Leave) => q.leave += 1,
                Some(Attendance::Absent) => q.absent += 1,
                None => q.unmarked += 1,
            }
        }
        q
    }

    /// More than half of the voting members are present.
    pub fn quorate(&self) -> bool {
        self.present * 2 > self.expected
    }
}

/// Whether a member has a vote at the assembly.
pub fn votes(m: &Member) -> bool {
    m.category == Category::Full && m.status == MemberStatus::Active
}

impl Ledger {
    /// The quorum of a period's assembly as the roll call stands.
    pub fn quorum(&self, p: &PeriodId) -> Result<Quorum> {
        let marks = self.attendance(p)?;
        Ok(Quorum::count(&self.roster()?, &marks))
    }

    /// Before a lock: record the quorum in the journal. An inquorate session
    /// is refused unless `waive` (the secretary's explicit confirmation),
    /// which the record keeps.
    pub fn note_quorum(&mut self, p: &PeriodId, waive: bool) -> Result<Quorum> {
        self.write(|l| {
            l.writable_period(p)?;
            let q = l.quorum(p)?;
            if !q.quorate() && !waive {
                return Err(CoreError::Inquorate {
                    period: p.to_string(),
                    expected: q.expected,
                    present: q.present,
                });
            }
            l.journal(&[Event::QuorumNoted {
                branch_id: l.branch.id,
                period: p.to_string(),
                expected: q.expected,
                present: q.present,
                leave: q.leave,
                absent: q.absent,
                waived: !q.quorate(),
            }])?;
            Ok(q)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(id: i64, category: Category, status: MemberStatus) -> Member {
        Member {
            id,
            name: format!("m{id}").as_str().into(),
            category,
            tier: None,
            group: None,
            status,
        }
    }

    #[test]
    fn only_active_full_members_count_and_half_is_not_enough() {
        let members = vec![
            member(1, Category::Full, MemberStatus::Active),
            member(2, Category::Full, MemberStatus::Active),
            member(3, Category::Full, MemberStatus::Active),
            member(4, Category::Full, MemberStatus::Active),
            member(5, Category::Probationary, MemberStatus::Active),
            member(6, Category::Activist, MemberStatus::Active),
            member(7, Category::Full, MemberStatus::Exempt),
        ];
        use Attendance::{Leave, Present};
        let mut marks: HashMap<i64, Attendance> = [(1, Present), (2, Present), (3, Leave)]
            .into_iter()
            .collect();
        marks.insert(5, Present);
        marks.insert(7, Present);
        let q = Quorum::count(&members, &marks);
        assert_eq!(
            (q.expected, q.present, q.leave, q.absent, q.unmarked),
            (4, 2, 1, 0, 1)
        );
        assert!(!q.quorate(), "2 of 4 is half, not more than half");
        marks.insert(4, Present);
        assert!(Quorum::count(&members, &marks).quorate(), "3 of 4");
    }
}
