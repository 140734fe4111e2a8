//! The core's typed errors in words, in both languages: [`core`] words any
//! error of the core; storage faults and claim checks here, the refusals and
//! typed values in the modules below.

mod appraisal;
mod refusals;
mod scheme;
mod values;
mod year_grade;

pub use appraisal::appraisal;
pub use refusals::{appeal, backup, ledger, member, period, verify};
pub use scheme::scheme;
pub use values::{bad_value, calendar, file, meeting_record, setting, theme, toml};
pub use year_grade::year_grade;

use crate::app::ClaimError;
use crate::app::CoreError;
use crate::app::Fault;
use crate::domain::model::fmt_points;
use crate::domain::number::NotFinite;
use crate::domain::scheme::{Allowed, PriceError};
use crate::i18n::Lang;

/// Any error of the core, in the reader's language.
pub fn core(lang: Lang, e: &CoreError) -> String {
    use refusals::say;
    match e {
        CoreError::User(words) => words.clone(),
        CoreError::Ledger(x) => ledger(lang, x),
        CoreError::Scheme(x) => scheme(lang, x),
        CoreError::Period(x) => period(lang, x),
        CoreError::Appeal(x) => appeal(lang, x),
        CoreError::Member(x) => member(lang, x),
        CoreError::Appraisal(x) => appraisal(lang, x),
        CoreError::YearGrade(x) => year_grade(lang, x),
        CoreError::Verify(x) => verify(lang, x),
        CoreError::Backup(x) => backup(lang, x),
        CoreError::Setting(x) => setting(lang, x),
        CoreError::Meeting(x) => meeting_record(lang, x),
        CoreError::Value(x) => bad_value(lang, x),
        CoreError::Calendar(x) => calendar(lang, x),
        CoreError::Theme(x) => theme(lang, x),
        CoreError::File { path, kind, detail } => file(lang, path, *kind, detail),
        CoreError::Terminal { detail } => say!(
            lang,
            "终端出错, 无法显示画面".to_string(),
            format!("terminal: {detail}")
        ),
        CoreError::Damaged { .. } => say!(
            lang,
            "有一条记录无法读取 (文件已损坏或 jifen 内部出错), 未作任何修改".to_string(),
            "a record does not read back (a damaged file or a fault in jifen); nothing was changed"
                .to_string()
        ),
        CoreError::NoMemberId(id) => say!(
            lang,
            format!("没有编号为 {id} 的党员"),
            format!("no member {id}")
        ),
        CoreError::UnknownAction { scheme, action } => say!(
            lang,
            format!("方案 {scheme} 没有处置「{action}」"),
            format!("scheme {scheme} has no action '{action}'")
        ),
        CoreError::NotDue {
            member,
            action,
            scope,
            due,
        } => say!(
            lang,
            format!(
                "{member} 在 {scope} 没有处置「{action}」(应办处置: {})",
                if due.is_empty() { "无".to_string() } else { due.join(", ") }
            ),
            format!(
                "{member} has no action '{action}' in {scope} (actions: {})",
                if due.is_empty() { "none".to_string() } else { due.join(", ") }
            )
        ),
        CoreError::AdjustNeedsPoints => say!(
            lang,
            "调整须给出分值 (--points)".to_string(),
            "adjust needs --points".to_string()
        ),
        CoreError::Sqlite(x) => sqlite(lang, None, x),
        CoreError::Open(crate::app::OpenError::Sqlite { path, source }) => {
            sqlite(lang, Some(path), source)
        }
        CoreError::Open(crate::app::OpenError::Pragma { path, .. }) => say!(
            lang,
            format!("{path}: 数据库无法按 jifen 的要求设置 (日志模式、外键), 未作任何修改"),
            format!("{path}: the database cannot be set up as jifen needs (journal mode, foreign keys); nothing was changed")
        ),
        other => crate::i18n::meeting::worded(lang, other),
    }
}

/// A SQLite failure jifen did not expect, by its error code, never its own words.
fn sqlite(lang: Lang, path: Option<&str>, e: &crate::app::SqlError) -> String {
    let at = path.map(|p| format!("{p}: ")).unwrap_or_default();
    let code = crate::app::sql_code(e).map_or_else(|| "-".to_string(), |c| c.to_string());
    match lang {
        Lang::Zh => format!("{at}数据库出错 (错误码 {code})"),
        Lang::En => format!("{at}database error (code {code})"),
    }
}

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
    match e {
        ClaimError::BadPeriod(v) => return bad_value(lang, v),
        ClaimError::Price(p) => return price(lang, p),
        _ => {}
    }
    if lang == Lang::En {
        return e.to_string();
    }
    match e {
        ClaimError::Price(p) => price(lang, p),
        ClaimError::NoMember(id) => format!("没有编号为 {id} 的成员"),
        ClaimError::Exempt(name) => format!("{name} 免于积分"),
        ClaimError::NoPeriod => "没有开启的积分期;请用 --period 指定或先开启一期".into(),
        ClaimError::BadPeriod(v) => bad_value(lang, v),
        ClaimError::BadDate(d) => format!("日期「{d}」有误 (应为 年-月-日, 如 2026-10-01)"),
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

/// The points an item allows (`市级 3, 省级 5`, `每次 3 分`).
pub fn allowed(lang: Lang, a: &Allowed) -> String {
    let levels = |l: &[(String, f64)], sep: &str| {
        l.iter()
            .map(|(k, v)| {
                let k = match lang {
                    Lang::Zh => (lang.words().common.level)(k),
                    Lang::En => k.clone(),
                };
                format!("{k}{sep}{}", fmt_points(*v))
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    match (lang, a) {
        (Lang::Zh, Allowed::Levels(l)) => format!("级别: {}", levels(l, " ")),
        (Lang::En, Allowed::Levels(l)) => format!("levels: {}", levels(l, " ")),
        (Lang::Zh, Allowed::Fixed(p)) => format!("每次 {} 分", fmt_points(*p)),
        (Lang::En, Allowed::Fixed(p)) => format!("{} per occurrence", fmt_points(*p)),
        (Lang::Zh, Allowed::Veto) => "一票否决 (不计分)".into(),
        (Lang::En, Allowed::Veto) => "veto (no points)".into(),
        (Lang::Zh, Allowed::Range { min, max }) => format!(
            "每次 {} 至 {} 分, 由支委会认定",
            fmt_points(*min),
            max.map(fmt_points).unwrap_or_else(|| "不限".into())
        ),
        (Lang::En, Allowed::Range { min, max }) => format!(
            "{} to {} per occurrence, decided by the committee",
            fmt_points(*min),
            max.map(fmt_points).unwrap_or_else(|| "any".into())
        ),
    }
}

/// A claim that does not fit the item catalogue.
pub fn price(lang: Lang, e: &PriceError) -> String {
    if lang == Lang::Zh {
        return price_zh(e);
    }
    match e {
        PriceError::UnknownItem {
            code,
            scheme,
            allowed,
        } => format!(
            "unknown item '{code}' in scheme {scheme} (allowed: {})",
            allowed.join(", ")
        ),
        PriceError::NotInScheme { code } => format!("unknown item '{code}'"),
        PriceError::NotFinite(n) => not_finite(lang, n),
        PriceError::CountOutOfRange { count } => format!(
            "count must be from 1 to {}, got {count}",
            crate::domain::scheme::MAX_COUNT
        ),
        PriceError::NeedsLevel { code, levels } => {
            format!("item '{code}' needs a level ({})", levels.join(", "))
        }
        PriceError::NoSuchLevel {
            code,
            level,
            allowed,
        } => {
            let list: Vec<String> = allowed
                .iter()
                .map(|(k, v)| format!("{k} = {}", fmt_points(*v)))
                .collect();
            format!(
                "item '{code}' has no level '{level}' (allowed: {})",
                list.join(", ")
            )
        }
        PriceError::NoLevels { code, level } => {
            format!("item '{code}' has no levels, got level '{level}'")
        }
        PriceError::NeedsPoints { code, allowed: a } => {
            format!("item '{code}' needs --points ({})", allowed(lang, a))
        }
        PriceError::OutOfBounds {
            code,
            points,
            allowed: a,
        } => format!(
            "points {} outside the bounds of '{code}' ({})",
            fmt_points(*points),
            allowed(lang, a)
        ),
        PriceError::Mismatch {
            code,
            points,
            allowed: a,
            expected,
        } => format!(
            "points {} do not match item '{code}' ({}): expected {}",
            fmt_points(*points),
            allowed(lang, a),
            fmt_points(*expected)
        ),
        PriceError::NegativeAdjust { points } => format!(
            "adjusted points must be zero or more, got {}",
            fmt_points(*points)
        ),
    }
}

/// A claim that does not fit the item catalogue, in Chinese.
fn price_zh(e: &PriceError) -> String {
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
        } => {
            let list: Vec<String> = allowed
                .iter()
                .map(|(k, v)| format!("{} {}", (Lang::Zh.words().common.level)(k), fmt_points(*v)))
                .collect();
            format!("项目 '{code}' 没有级别 '{level}'(可选:{})", list.join(", "))
        }
        PriceError::NoLevels { code, level } => {
            format!("项目 '{code}' 不分级别,却给了级别 '{level}'")
        }
        PriceError::NeedsPoints { code, allowed: a } => {
            format!(
                "项目 '{code}' 须给出分值 --points({})",
                allowed(Lang::Zh, a)
            )
        }
        PriceError::OutOfBounds {
            code,
            points,
            allowed: a,
        } => format!(
            "分值 {} 超出「{code}」的范围({})",
            fmt_points(*points),
            allowed(Lang::Zh, a)
        ),
        PriceError::Mismatch {
            code,
            points,
            allowed: a,
            expected,
        } => format!(
            "分值 {} 与项目「{code}」不符({}):应为 {}",
            fmt_points(*points),
            allowed(Lang::Zh, a),
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
