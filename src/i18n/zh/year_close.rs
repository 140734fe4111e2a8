//! 年终评定等次的中文词语.

use crate::i18n::year_close::YearCloseWords;

pub const YEAR_CLOSE: YearCloseWords = YearCloseWords {
    col_points_grade: "积分等次",
    col_appraisal: "测评等次",
    col_final: "评定等次",
    pick_title: |member, year| format!("{member} {year} 年评定等次"),
    pick_info: |points, appraisal| match appraisal {
        Some(a) => format!("积分等次 {points}, 测评等次 {a}"),
        None => format!("积分等次 {points}, 未测评"),
    },
    above: "高于积分允许",
    default_note: "灰色: 支部尚未录入, 为默认等次",
    no_grade: "该党员本年没有积分等次, 无法评定",
    year_final: |period| format!("本年已定稿 ({period}), 评定等次不能再改"),
    recorded: |member, year, grade, allowed| {
        format!("已录入 {member} {year} 年评定等次: {grade} (积分允许最高: {allowed})")
    },
    cleared: |member, year, default| {
        format!("已撤回 {member} {year} 年的评定等次, 恢复默认: {default}")
    },
    above_now: |member, grade, allowed| match allowed {
        Some(a) => format!(
            "! {member} 的评定等次「{grade}」高于年积分现在允许的「{a}」: 重新评定后才能封账"
        ),
        None => format!("! {member} 的评定等次「{grade}」: 现已没有积分等次, 请撤回"),
    },
    above_more: |more| format!("! 另有 {more} 人的评定等次高于积分允许"),
};
