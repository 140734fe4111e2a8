//! Words of grading: the ranking groups, quota notes, a year without data,
//! a scheme's branch choices.

use crate::domain::model::{fmt_points, RankGroup};
use crate::domain::scheme::Scheme;
use crate::domain::scoring::{Quota, QuotaNote};
use crate::i18n::Lang;

/// A ranking group's heading.
pub fn rank_group(lang: Lang, g: RankGroup) -> &'static str {
    match (lang, g) {
        (Lang::Zh, RankGroup::Members) => "党员(正式、预备)",
        (Lang::Zh, RankGroup::Activists) => "入党积极分子",
        (Lang::En, RankGroup::Members) => "Members (full and probationary)",
        (Lang::En, RankGroup::Activists) => "Activists",
    }
}

/// A quota that ties took over its count: "优秀 7 人, 名额 5: 88 分并列".
pub fn quota_note(lang: Lang, scheme: &Scheme, n: &QuotaNote) -> String {
    let zh = lang == Lang::Zh;
    let what = match &n.quota {
        Quota::Grade(k) => scheme
            .grade(k)
            .map_or_else(|| k.clone(), |g| g.name_in(zh).to_string()),
        Quota::Action(k) => scheme
            .action(k)
            .map_or_else(|| k.clone(), |a| a.name_in(zh).to_string()),
        Quota::Stars(s) if zh => format!("{s}星"),
        Quota::Stars(s) => format!("{s} stars"),
    };
    let group = rank_group(lang, n.group);
    let tie = fmt_points(n.tie_score);
    match lang {
        Lang::Zh => format!(
            "{group} {what} {} 人, 名额 {}: {tie} 分并列, 请在评议时决定",
            n.granted, n.limit
        ),
        Lang::En => format!(
            "{group}: {what} {}, quota {}: tie at {tie}; for the branch to decide at the appraisal",
            n.granted, n.limit
        ),
    }
}

/// A year ranking asked for a year without any period.
pub fn no_ranking(lang: Lang, year: &str) -> String {
    match lang {
        Lang::Zh => format!("{year} 年没有任何考核期: 没有排名, 也没有等次"),
        Lang::En => format!("{year}: no periods held, so no ranking and no grades"),
    }
}

/// The heading of `jifen schemes ID`'s list of branch choices.
pub fn choices_heading(lang: Lang, id: &str, seed: Option<&str>) -> String {
    let seed = seed.unwrap_or("-");
    match lang {
        Lang::Zh => format!(
            "方案 {id}: 以下数值原件(种子 {seed})未作规定, 由支部自定, 可在本支部的方案文件中修改"
        ),
        Lang::En => format!(
            "scheme {id}: figures its seed ({seed}) does not state, chosen for the branch; change them in a scheme file of your own"
        ),
    }
}

/// Column headers of the branch-choices table.
pub fn choices_columns(lang: Lang) -> [&'static str; 3] {
    match lang {
        Lang::Zh => ["位置", "取值", "说明"],
        Lang::En => ["at", "value", "why"],
    }
}
