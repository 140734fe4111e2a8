//! 评定等次的中文用语.

use crate::i18n::grading::GradingWords;

/// Chinese words of grading.
pub const GRADING: GradingWords = GradingWords {
    zh_titles: true,
    group_members: "党员(正式、预备)",
    group_activists: "入党积极分子",
    stars: |n| format!("{n}星"),
    quota_note: |group, what, granted, limit, tie| {
        format!("{group} {what} {granted} 人, 名额 {limit}: {tie} 分并列, 请在评议时决定")
    },
    no_ranking: |year| format!("{year} 年没有任何考核期: 没有排名, 也没有等次"),
    choices_heading: |id, seed| {
        format!(
            "方案 {id}: 以下数值原件(种子 {seed})未作规定, 由支部自定, 可在本支部的方案文件中修改"
        )
    },
    choices_columns: ["位置", "取值", "说明"],
};
