//! Words of grading: the ranking groups, quota notes, a year without data,
//! a scheme's branch choices. One value per language, in `zh/grading.rs`
//! and `en/grading.rs`.

use crate::domain::model::{fmt_points, RankGroup};
use crate::domain::scheme::Scheme;
use crate::domain::scoring::{Quota, QuotaNote};

/// The words of grading.
#[derive(Debug)]
pub struct GradingWords {
    /// Whether scheme titles (grades, actions) are read in Chinese.
    pub zh_titles: bool,
    /// The ranking groups' headings.
    pub group_members: &'static str,
    pub group_activists: &'static str,
    /// A star rating as a quota names it (`5星`, `5 stars`).
    pub stars: fn(n: u8) -> String,
    /// A quota ties took over its count: the group, what the quota is of,
    /// how many got it, the quota, the tied score.
    pub quota_note: fn(group: &str, what: &str, granted: usize, limit: usize, tie: &str) -> String,
    /// A year ranking asked for a year without any period.
    pub no_ranking: fn(year: &str) -> String,
    /// The heading of `jifen schemes ID`'s list of branch choices.
    pub choices_heading: fn(id: &str, seed: &str) -> String,
    /// Column headers of the branch-choices table.
    pub choices_columns: [&'static str; 3],
}

impl GradingWords {
    /// A ranking group's heading.
    pub fn rank_group(&self, g: RankGroup) -> &'static str {
        match g {
            RankGroup::Members => self.group_members,
            RankGroup::Activists => self.group_activists,
        }
    }

    /// A quota that ties took over its count: "优秀 7 人, 名额 5: 88 分并列".
    pub fn quota(&self, scheme: &Scheme, n: &QuotaNote) -> String {
        let zh = self.zh_titles;
        let what = match &n.quota {
            Quota::Grade(k) => scheme
                .grade(k)
                .map_or_else(|| k.clone(), |g| g.name_in(zh).to_string()),
            Quota::Action(k) => scheme
                .action(k)
                .map_or_else(|| k.clone(), |a| a.name_in(zh).to_string()),
            Quota::Stars(s) => (self.stars)(*s),
        };
        (self.quota_note)(
            self.rank_group(n.group),
            &what,
            n.granted,
            n.limit,
            &fmt_points(n.tie_score),
        )
    }
}
