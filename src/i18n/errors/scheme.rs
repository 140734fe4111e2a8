//! The words of a scheme file that cannot be used: its file, line and field,
//! then the reason, each language in its own order.

use super::refusals::say;
use crate::domain::model::fmt_points;
use crate::domain::scheme::{Entry, SchemeError, SchemeReason as R};
use crate::i18n::Lang;

/// A scheme file refused: `file:line: field 'f': reason` (English) or
/// `file 第 N 行 「f」字段: 原因` (Chinese).
pub fn scheme(lang: Lang, e: &SchemeError) -> String {
    let mut at = e.file.clone();
    match lang {
        Lang::Zh => {
            if e.line > 0 {
                at.push_str(&format!(" 第 {} 行", e.line));
            }
            if !e.field.is_empty() {
                at.push_str(&format!(" 「{}」字段", e.field));
            }
        }
        Lang::En => {
            if e.line > 0 {
                at.push_str(&format!(":{}", e.line));
            }
            if !e.field.is_empty() {
                at.push_str(&format!(": field '{}'", e.field));
            }
        }
    }
    format!("{at}: {}", reason(lang, &e.reason, &e.field))
}

/// An entry of a scheme, as a word.
fn entry(lang: Lang, e: Entry) -> &'static str {
    match (lang, e) {
        (Lang::Zh, Entry::Part) => "部分",
        (Lang::Zh, Entry::Item) => "项目",
        (Lang::Zh, Entry::Grade) => "等次",
        (Lang::Zh, Entry::Action) => "处置",
        (Lang::Zh, Entry::Gift) => "兑换奖品",
        (Lang::Zh, Entry::Choice) => "测评等次",
        (Lang::Zh, Entry::Rated) => "测评评分部分",
        (Lang::En, Entry::Part) => "part",
        (Lang::En, Entry::Item) => "item",
        (Lang::En, Entry::Grade) => "grade",
        (Lang::En, Entry::Action) => "action",
        (Lang::En, Entry::Gift) => "gift",
        (Lang::En, Entry::Choice) => "appraisal choice",
        (Lang::En, Entry::Rated) => "rated part",
    }
}

/// Why the scheme file cannot be used (`field`: the field at fault).
fn reason(lang: Lang, r: &R, field: &str) -> String {
    let p = |x: &f64| fmt_points(*x);
    match r {
        R::Unreadable { detail } => say!(
            lang,
            "文件无法读取".into(),
            format!("cannot read: {detail}")
        ),
        R::Toml(t) => super::toml(lang, t),
        R::NotFinite => say!(
            lang,
            "须是有限的数 (不能是「inf」或「nan」)".into(),
            "must be a finite number (not inf or nan)".into(),
        ),
        R::BeyondSense { max } => say!(
            lang,
            format!("超出方案可设的任何数值 (正负至多 {})", p(max)),
            format!(
                "is beyond any figure a scheme sets (at most {} either way)",
                p(max)
            ),
        ),
        R::Empty => say!(lang, "不能为空".into(), "must not be empty".into()),
        R::Negative => say!(lang, "须为零或正数".into(), "must be zero or more".into()),
        R::NotPositive => say!(lang, "须大于 0".into(), "must be above 0".into()),
        R::DaysRange { max } => say!(
            lang,
            format!("须是 1 至 {max} 的整数天数"),
            format!("must be a whole number of days from 1 to {max}"),
        ),
        R::FloorAboveCap { floor, cap } => say!(
            lang,
            format!("下限 {} 高于上限 {}", p(floor), p(cap)),
            format!("floor {} is above cap {}", p(floor), p(cap)),
        ),
        R::Duplicate {
            entry: Entry::Item,
            name,
        } => say!(
            lang,
            format!("项目代码「{name}」重复"),
            format!("item '{name}': duplicate item code"),
        ),
        R::Duplicate { entry: e, name } => say!(
            lang,
            format!("{}「{name}」重复", entry(lang, *e)),
            format!("duplicate {} '{name}'", entry(lang, *e)),
        ),
        R::DuplicateTier(t) => say!(
            lang,
            format!("档次 {t} 重复"),
            format!("duplicate tier {t}")
        ),
        R::Undefined {
            entry: e,
            name,
            known,
        } => {
            let known = known.as_ref().map(|k| match lang {
                Lang::Zh => k.iter().map(|x| format!("「{x}」")).collect::<String>(),
                Lang::En => k.join(", "),
            });
            say!(
                lang,
                match known {
                    Some(k) => format!("没有定义{}「{name}」(已定义: {k})", entry(lang, *e)),
                    None => format!("没有定义{}「{name}」", entry(lang, *e)),
                },
                match known {
                    Some(k) => format!(
                        "{} '{name}' is not defined ({}s: {k})",
                        entry(lang, *e),
                        entry(lang, *e)
                    ),
                    None => format!("{} '{name}' is not defined", entry(lang, *e)),
                },
            )
        }
        R::In {
            entry: Entry::Part,
            name,
            reason: inner,
        } if **inner == R::Negative => say!(
            lang,
            format!("部分「{name}」的 {field} 为负数"),
            format!("part '{name}' has a negative {field}"),
        ),
        R::In {
            entry: e,
            name,
            reason: inner,
        } => say!(
            lang,
            format!(
                "{}「{name}」: {}",
                entry(lang, *e),
                reason(lang, inner, field)
            ),
            format!(
                "{} '{name}': {}",
                entry(lang, *e),
                reason(lang, inner, field)
            ),
        ),
        R::OneWayOnly => say!(
            lang,
            "分值 (points)、级别 (levels) 与范围 (min/max) 只能给一种".into(),
            "give only one of points, levels, or min/max".into(),
        ),
        R::SignedPoints => say!(
            lang,
            "分值写正数; 加分还是减分由项目类别决定".into(),
            "points are a positive magnitude; the kind gives the sign".into(),
        ),
        R::MinAboveMax { min, max } => say!(
            lang,
            format!("最小值 {} 大于最大值 {}", p(min), p(max)),
            format!("min {} is above max {}", p(min), p(max)),
        ),
        R::NoLevels => say!(lang, "没有给出级别".into(), "no levels given".into()),
        R::UnknownLevel { level, allowed } => say!(
            lang,
            format!(
                "没有级别「{level}」(可选: {})",
                allowed
                    .iter()
                    .map(|x| format!("「{x}」"))
                    .collect::<String>()
            ),
            format!("unknown level '{level}' (allowed: {})", allowed.join(", ")),
        ),
        R::NegativeLevel { level } => say!(
            lang,
            format!("级别「{level}」的分值为负数"),
            format!("level '{level}' has negative points"),
        ),
        R::VetoNeedsEffect => say!(
            lang,
            "一票否决项目须写明后果 effect = zero、cap 或 grade".into(),
            "a veto item needs effect = zero, cap or grade".into(),
        ),
        R::GradeNeeded => say!(
            lang,
            "effect = grade 须写明等次 (grade)".into(),
            "effect = grade needs a grade".into(),
        ),
        R::CapNeeded => say!(
            lang,
            "effect = cap 须方案设有上限 (cap)".into(),
            "effect = cap needs the scheme to have a cap".into(),
        ),
        R::EffectOnlyVeto => say!(
            lang,
            "只有一票否决项目才有后果 (effect)".into(),
            "only veto items have an effect".into(),
        ),
        R::Attendance => say!(
            lang,
            "须为 leave (请假) 或 absent (缺席)".into(),
            "must be leave or absent".into()
        ),
        R::MinNotBelow { min, below } => say!(
            lang,
            format!("最低分 {} 不低于上界 {}", p(min), p(below)),
            format!("min {} not below {}", p(min), p(below)),
        ),
        R::Quota => say!(
            lang,
            "名额比例须在 0 至 1 之间".into(),
            "quota is a share from 0 to 1".into()
        ),
        R::StarsRange(n) => say!(
            lang,
            format!("{n} 星不在 1 至 5 之间"),
            format!("{n} stars is outside 1-5")
        ),
        R::StarBand => say!(
            lang,
            "星级档须给出最低分 (min) 或比例 (share)".into(),
            "a star band needs min or share".into(),
        ),
        R::ChoiceMarksNothing { at } => say!(
            lang,
            format!("支部可选项「{at}」没有指向文件里设定的任何数值"),
            format!("branch choice '{at}' marks no figure set in the file"),
        ),
        R::AppraisalOnly { kind } => {
            let zh = match *kind {
                "votes" => "只用于投票测评 (kind = \"votes\")",
                "scores" => "只用于评分测评 (kind = \"scores\")",
                _ => "只用于计入积分的测评 (feeds = \"points\")",
            };
            let en = match *kind {
                "points" => "only an appraisal with feeds = \"points\" takes this".to_string(),
                k => format!("only an appraisal with kind = \"{k}\" takes this"),
            };
            say!(lang, zh.to_string(), en)
        }
        R::FixedItem { item } => say!(
            lang,
            format!("项目「{item}」的分值是固定的; 测评结果只能计入由支委会定分的项目 (min/max)"),
            format!("item '{item}' has fixed points; an appraisal posts points only on an item the committee prices (min/max)"),
        ),
        R::FewChoices => say!(
            lang,
            "投票测评至少要有两个等次可选".into(),
            "votes need at least two choices".into(),
        ),
        R::OutsideRange { value, min, max } => match max {
            Some(max) => say!(
                lang,
                format!("{} 不在 {} 至 {} 之间", p(value), p(min), p(max)),
                format!("{} is outside {} to {}", p(value), p(min), p(max)),
            ),
            None => say!(
                lang,
                format!("{} 低于 {}", p(value), p(min)),
                format!("{} is below {}", p(value), p(min)),
            ),
        },
    }
}
