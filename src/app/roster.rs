//! The branch's roster as read once per change, with the display order by
//! name that rankings use to order members inside a tie.

use crate::domain::model::Member;
use std::ops::Deref;
use std::sync::OnceLock;

/// Members of one branch in id order.
#[derive(Debug, Default)]
pub struct Roster {
    members: Vec<Member>,
    /// Each member's place when ordered by (name, id); worked out on first use.
    by_name: OnceLock<Vec<u32>>,
}

impl Roster {
    pub fn new(members: Vec<Member>) -> Self {
        Roster {
            members,
            by_name: OnceLock::new(),
        }
    }

    /// The place of `members[i]` in (name, id) order: comparing two places
    /// compares the names without touching the strings.
    pub fn name_place(&self, i: usize) -> u32 {
        let places = self.by_name.get_or_init(|| {
            let mut order: Vec<u32> = (0..self.members.len() as u32).collect();
            order.sort_unstable_by(|&a, &b| {
                let (a, b) = (&self.members[a as usize], &self.members[b as usize]);
                a.name.cmp(&b.name).then(a.id.cmp(&b.id))
            });
            let mut places = vec![0u32; order.len()];
            for (place, &i) in order.iter().enumerate() {
                places[i as usize] = place as u32;
            }
            places
        });
        places.get(i).copied().unwrap_or(u32::MAX)
    }
}

impl Deref for Roster {
    type Target = [Member];
    fn deref(&self) -> &[Member] {
        &self.members
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::{Category, MemberStatus};

    fn m(id: i64, name: &str) -> Member {
        Member {
            id,
            name: name.into(),
            category: Category::Full,
            tier: None,
            group: None,
            status: MemberStatus::Active,
        }
    }

    #[test]
    fn places_follow_name_then_id() {
        let r = Roster::new(vec![m(1, "王五"), m(2, "张三"), m(3, "李四"), m(4, "张三")]);
        let places: Vec<u32> = (0..4).map(|i| r.name_place(i)).collect();
        let mut by_place: Vec<(u32, i64)> = places
            .iter()
            .zip(r.iter())
            .map(|(p, m)| (*p, m.id))
            .collect();
        by_place.sort();
        let ids: Vec<i64> = by_place.into_iter().map(|(_, id)| id).collect();
        let mut expected: Vec<&Member> = r.iter().collect();
        expected.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
        assert_eq!(ids, expected.iter().map(|m| m.id).collect::<Vec<_>>());
        assert_eq!(places[1] + 1, places[3], "same name: lower id first");
        assert_eq!(r.name_place(9), u32::MAX);
    }
}
