//! The one quota rule: the excellent quota, the star quotas and the bottom
//! share all fill their places with it.
//!
//! Places go to tie groups in ranking order (best first for top quotas, worst
//! first for the bottom share). A group that fits is in. The group at the
//! quota's edge, the one that does not fit whole, is in as a whole under
//! [`TieRule::All`] (the seeds' shares are "左右", about) and out as a whole
//! under [`TieRule::None`]; nobody after the edge group is in. So a place
//! never goes to a member while one who ranks better (or, at the bottom,
//! worse) goes without.

pub use crate::domain::scheme::TieRule;

/// How one quota was filled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fill {
    /// How many of the groups, from the first, are in.
    pub groups_in: usize,
    /// Members in those groups.
    pub granted: usize,
}

/// Fill `limit` places from tie groups of the given sizes, in order.
pub fn fill(group_sizes: &[usize], limit: usize, rule: TieRule) -> Fill {
    let mut out = Fill {
        groups_in: 0,
        granted: 0,
    };
    for &size in group_sizes {
        if out.granted + size <= limit {
            out.groups_in += 1;
            out.granted += size;
            continue;
        }
        // The edge group: it straddles the last place.
        if rule == TieRule::All && out.granted < limit {
            out.groups_in += 1;
            out.granted += size;
        }
        break;
    }
    out
}

/// Sizes of the runs of equal keys in `keys` (already in ranking order).
pub fn runs<K: PartialEq>(keys: impl IntoIterator<Item = K>) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    let mut last: Option<K> = None;
    for k in keys {
        match (&last, out.last_mut()) {
            (Some(l), Some(n)) if *l == k => *n += 1,
            _ => out.push(1),
        }
        last = Some(k);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edge_group_is_in_whole_or_out_whole() {
        // (group sizes, limit, granted under All, granted under None)
        let cases: &[(&[usize], usize, usize, usize)] = &[
            // Bureau-80: 95, 90, 90, 88 ... quota 2: both 90s in (3), or 95 alone.
            (&[1, 2, 1, 1], 2, 3, 1),
            (&[1, 1, 1], 2, 2, 2),
            (&[3], 1, 3, 0),
            (&[2, 2], 2, 2, 2),
            (&[2, 2], 3, 4, 2),
            (&[1, 1], 0, 0, 0),
            (&[], 5, 0, 0),
            // A group after an edge group never comes in, even if it would fit.
            (&[1, 3, 1], 2, 4, 1),
        ];
        for (sizes, limit, all, none) in cases {
            assert_eq!(
                fill(sizes, *limit, TieRule::All).granted,
                *all,
                "{sizes:?} {limit}"
            );
            assert_eq!(
                fill(sizes, *limit, TieRule::None).granted,
                *none,
                "{sizes:?} {limit}"
            );
        }
    }

    #[test]
    fn runs_count_equal_neighbours() {
        assert_eq!(runs([95, 90, 90, 88]), vec![1, 2, 1]);
        assert_eq!(runs(Vec::<i32>::new()), Vec::<usize>::new());
        assert_eq!(runs([1, 1, 1]), vec![3]);
    }

    #[test]
    fn tie_rule_reads_its_two_values_only() {
        assert_eq!("all".parse::<TieRule>(), Ok(TieRule::All));
        assert_eq!("none".parse::<TieRule>(), Ok(TieRule::None));
        assert!("some".parse::<TieRule>().is_err());
    }
}
