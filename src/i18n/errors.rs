//! The core's typed errors in words: storage faults and claim checks, in
//! both languages (English is also the core's own `Display`).

use crate::app::ClaimError;
use crate::app::Fault;
use crate::domain::model::fmt_points;
use crate::domain::number::NotFinite;
use crate::domain::scheme::PriceError;
use crate::i18n::Lang;

/// A storage fault, with the file it happened to when known.
pub fn storage(lang: Lang, path: Option<&str>, fault: Fault) -> String {
    let at = path.map(|p| format!("{p}: ")).unwrap_or_default();
    let words = match (lang, fault) {
        (Lang::Zh, Fault::Busy) => "数据库正被另一个程序写入,请稍后再试",
        (Lang::Zh, Fault::ReadOnly) => {
            "数据库不能写入(文件或所在文件夹是只读的);请复制到可写的位置或取得写权限"
        }
        (Lang::Zh, Fault::Duplicate) => "已有相同编号的记录,未作任何修改",
        (Lang::Zh, Fault::DiskFull) => "磁盘已满,未作任何修改",
        (Lang::Zh, Fault::Corrupt) => "文件已损坏或不是积分数据库",
        (Lang::Zh, Fault::Refused) => "台账拒绝了这项修改(该期已封账,或记录不能改动)",
        (Lang::En, _) => {
            return format!("{at}{}", crate::app::Error::Storage { path: None, fault })
        }
    };
    format!("{at}{words}")
}

/// Why a claim was not taken.
pub fn claim(lang: Lang, e: &ClaimError) -> String {
    if lang == Lang::En {
        return e.to_string();
    }
    match e {
        ClaimError::Price(p) => price(p),
        ClaimError::NoMember(id) => format!("没有编号为 {id} 的成员"),
        ClaimError::Exempt(name) => format!("{name} 免于积分"),
        ClaimError::NoPeriod => "没有开启的积分期;请用 --period 指定或先开启一期".into(),
        ClaimError::BadPeriod(text) => format!("积分期有误:{text}"),
        ClaimError::BadDate(d) => format!("日期 '{d}' 有误(应为 YYYY-MM-DD)"),
        ClaimError::DateOutside {
            date,
            period,
            first,
            last,
        } => format!("日期 {date} 不在 {period} 内({first} 至 {last})"),
        ClaimError::ImportedAdjusted => "导入的审核结果只能是通过或驳回".into(),
        ClaimError::RejectedNeedsReason => "驳回须填写理由".into(),
    }
}

/// A claim that does not fit the item catalogue, in Chinese.
fn price(e: &PriceError) -> String {
    match e {
        PriceError::UnknownItem {
            code,
            scheme,
            allowed,
        } => format!(
            "方案 {scheme} 没有项目 '{code}'(可选:{})",
            allowed.join(", ")
        ),
        PriceError::NotInScheme { code } => format!("没有项目 '{code}'"),
        PriceError::CountOutOfRange { count } => format!(
            "次数须在 1 至 {} 之间,现为 {count}",
            crate::domain::scheme::MAX_COUNT
        ),
        PriceError::NeedsLevel { code, levels } => {
            format!("项目 '{code}' 须注明级别({})", levels.join(", "))
        }
        PriceError::NoSuchLevel {
            code,
            level,
            allowed,
        } => format!("项目 '{code}' 没有级别 '{level}'(可选:{allowed})"),
        PriceError::NoLevels { code, level } => {
            format!("项目 '{code}' 不分级别,却给了级别 '{level}'")
        }
        PriceError::NeedsPoints { code, allowed } => {
            format!("项目 '{code}' 须给出分值 --points({allowed})")
        }
        PriceError::OutOfBounds {
            code,
            points,
            allowed,
        } => format!(
            "分值 {} 超出「{code}」的范围({allowed})",
            fmt_points(*points)
        ),
        PriceError::Mismatch {
            code,
            points,
            allowed,
            expected,
        } => format!(
            "分值 {} 与项目「{code}」不符({allowed}):应为 {}",
            fmt_points(*points),
            fmt_points(*expected)
        ),
        PriceError::NegativeAdjust { points } => {
            format!("调整分值不能为负,现为 {}", fmt_points(*points))
        }
        PriceError::NotFinite(n) => not_finite(Lang::Zh, n),
    }
}

/// A number that is not finite (`inf`, `nan`, `1e400`), naming its field.
pub fn not_finite(lang: Lang, e: &NotFinite) -> String {
    match lang {
        Lang::En => e.to_string(),
        Lang::Zh => format!(
            "{}:{} 不是有限的数(不能是 inf、NaN 或大得超出范围的数)",
            field_zh(e.field),
            e.value
        ),
    }
}

/// A whole number outside its field's range, in Chinese.
pub fn out_of_range_zh(field: &str, value: i64, min: i64, max: i64) -> String {
    format!(
        "{}:{value} 超出范围(应在 {min} 至 {max} 之间)",
        field_zh(field)
    )
}

/// A field's name for a Chinese reader: its Chinese word where it has one,
/// else the name as typed (a setting's key).
fn field_zh(field: &str) -> &str {
    match field {
        "points" => "分值",
        "count" => "次数",
        "tier" => "档次",
        "minutes" => "分钟数",
        other => other,
    }
}
