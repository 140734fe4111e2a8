//! The words of the final year grade's refusals (评定等次), each language
//! in its own word order.

use super::refusals::{list, say};
use crate::app::year_grade::YearGradeError;
use crate::i18n::Lang;

/// Why a final year grade is refused.
pub fn year_grade(lang: Lang, e: &YearGradeError) -> String {
    use YearGradeError as E;
    match e {
        E::UnknownGrade { grade, known } => {
            let zh: Vec<String> = known.iter().map(|k| format!("「{}」", k.name_zh)).collect();
            let en: Vec<String> = known.iter().map(|k| k.code.clone()).collect();
            say!(
                lang,
                format!("方案没有等次「{grade}」; 可用: {}", list(lang, &zh)),
                format!("the scheme has no grade '{grade}'; it has: {}", list(lang, &en)),
            )
        }
        E::AboveAllowed {
            member,
            year,
            asked,
            allowed,
        } => say!(
            lang,
            format!(
                "{member} {year} 年的评定等次不能定为「{}」: 年积分最高只允许「{}」; 未作任何修改",
                asked.name_zh, allowed.name_zh
            ),
            format!(
                "{member} cannot be graded {} for {year}: the year's points allow at most {}; nothing was changed",
                asked.name, allowed.name
            ),
        ),
        E::NoGrade { member, year } => say!(
            lang,
            format!("{member} {year} 年没有积分等次 (免于积分或全年无积分), 无法评定等次"),
            format!("{member} has no points grade for {year} (exempt, or no score): no final grade can be recorded"),
        ),
        E::AboveAtSeal {
            year,
            period,
            faults,
        } => {
            let zh: Vec<String> = faults
                .iter()
                .map(|f| match &f.allowed {
                    Some(a) => format!("{}「{}」(积分现最高只允许「{}」)", f.member, f.grade.name_zh, a.name_zh),
                    None => format!("{}「{}」(现已没有积分等次)", f.member, f.grade.name_zh),
                })
                .collect();
            let en: Vec<String> = faults
                .iter()
                .map(|f| match &f.allowed {
                    Some(a) => format!("{} {} (the points now allow at most {})", f.member, f.grade.name, a.name),
                    None => format!("{} {} (no points grade any more)", f.member, f.grade.name),
                })
                .collect();
            say!(
                lang,
                format!(
                    "{period} 不能封账或定稿: {year} 年的评定等次高于年积分现在允许的等次: {}; 请先重新评定",
                    list(lang, &zh)
                ),
                format!(
                    "{period} cannot be locked or made final: {year} final grades above what the points now allow: {}; record them again first",
                    list(lang, &en)
                ),
            )
        }
        E::YearFinal { year, period } => say!(
            lang,
            format!("{year} 年已结束 ({period} 已定稿), 评定等次不能再改"),
            format!("{year} is final ({period} is final): its grades can no longer change"),
        ),
    }
}
