//! The words of typed values refused (a period, a date, a category...), of
//! branch settings, holiday files, TOML files and the system's files.

use super::refusals::say;
use crate::app::settings::SettingError;
use crate::domain::calendar::{CalendarError, CalendarFault};
use crate::domain::model::{BadValue, ValueKind};
use crate::domain::scheme::MAX_PROCESS_DAYS;
use crate::domain::theme_fault::{ThemeError, ThemeReason};
use crate::domain::toml_fault::{TomlFault, TomlKind};
use crate::i18n::Lang;

/// A value not among those allowed for its kind.
pub fn bad_value(lang: Lang, e: &BadValue) -> String {
    let g = &e.given;
    match e.kind {
        ValueKind::Period => say!(
            lang,
            format!("期次「{g}」有误 (应形如 2026Q4、2026H2 或 2026)"),
            format!("bad period '{g}' (expected e.g. 2026Q4, 2026H2 or 2026)"),
        ),
        ValueKind::Category => say!(
            lang,
            format!("没有类别「{g}」(可选: 正式党员、预备党员、入党积极分子)"),
            format!("unknown category '{g}' (allowed: full, probationary, activist)"),
        ),
        ValueKind::Verdict => say!(
            lang,
            format!(
                "没有审核结果「{g}」(可选:「approved」通过、「adjusted」调整、「rejected」驳回)"
            ),
            format!("unknown verdict '{g}' (allowed: approved, adjusted, rejected)"),
        ),
        ValueKind::Outcome => say!(
            lang,
            format!("没有审核结果「{g}」(可选:「approve」通过、「adjust」调整、「reject」驳回)"),
            format!("unknown verdict '{g}' (allowed: approve, adjust, reject)"),
        ),
        ValueKind::AppealOutcome => say!(
            lang,
            format!(
                "没有申诉结果「{g}」(可选:「upheld」更正、「dismissed」维持、「reconsider」复议)"
            ),
            format!("unknown appeal outcome '{g}' (upheld, dismissed, reconsider)"),
        ),
        ValueKind::Date => say!(
            lang,
            format!("日期「{g}」有误 (应为 年-月-日, 如 2026-10-01)"),
            format!("bad date '{g}' (expected YYYY-MM-DD)"),
        ),
    }
}

/// A branch setting refused.
pub fn setting(lang: Lang, e: &SettingError) -> String {
    if lang == Lang::En {
        return e.to_string();
    }
    match e {
        SettingError::Unknown { key } => format!(
            "没有设置项「{key}」(设置项: {})",
            // Each key as typed after `jifen set`.
            crate::app::settings::KEYS
                .iter()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        SettingError::Share { key, value } => {
            format!("{key} 是大于 0、至多为 1 的比例 (0.2 即 20%), 现为「{value}」")
        }
        SettingError::Days { key, value } => {
            format!("{key} 是 1 至 {MAX_PROCESS_DAYS} 的整数天数, 现为「{value}」")
        }
        SettingError::Ties { value } => format!(
            "quota_ties 为「all」(名额边上并列的全部计入) 或「none」(并列的都不计入), 现为「{value}」"
        ),
        SettingError::Contact { value } => format!(
            "设置项「contact」是受理异议的人, 一行 1 至 {} 个字 (如「组织委员 王五 138xxxx」), 现为「{value}」",
            crate::app::settings::CONTACT_MAX
        ),
    }
}

/// A meeting record's value refused.
pub fn meeting_record(lang: Lang, e: &crate::app::meeting::MeetingError) -> String {
    use crate::app::meeting::{MeetingError, MeetingField};
    let field = |f: MeetingField| match (lang, f) {
        (Lang::Zh, MeetingField::Place) => "地点 (--place)",
        (Lang::Zh, MeetingField::Host) => "主持人 (--host)",
        (Lang::Zh, MeetingField::Recorder) => "记录人 (--recorder)",
        (Lang::Zh, MeetingField::Agenda) => "议程 (--agenda)",
        (Lang::Zh, MeetingField::Resolution) => "决议 (--resolution)",
        (_, MeetingField::Place) => "place (--place)",
        (_, MeetingField::Host) => "host (--host)",
        (_, MeetingField::Recorder) => "recorder (--recorder)",
        (_, MeetingField::Agenda) => "agenda (--agenda)",
        (_, MeetingField::Resolution) => "resolution (--resolution)",
    };
    match e {
        MeetingError::Text {
            field: f,
            max,
            given,
        } => {
            // A line break typed into a name is shown as `\n`, not obeyed.
            let given = given.escape_debug();
            say!(
                lang,
                format!("{} 为一行、至多 {max} 个字, 现为「{given}」", field(*f)),
                format!(
                    "{}: at most {max} characters on one line, got '{given}'",
                    field(*f)
                ),
            )
        }
        MeetingError::TooMany { field: f, count } => say!(
            lang,
            format!(
                "{} 至多 {} 条, 现为 {count} 条",
                field(*f),
                crate::app::meeting::LIST_MAX
            ),
            format!(
                "{}: at most {} lines, got {count}",
                field(*f),
                crate::app::meeting::LIST_MAX
            ),
        ),
    }
}

/// A holiday file that cannot be used.
pub fn calendar(lang: Lang, e: &CalendarError) -> String {
    let file = &e.file;
    match &e.kind {
        CalendarFault::Unreadable { detail } => say!(
            lang,
            format!("{file}: 节假日文件无法读取"),
            format!("{file}: {detail}"),
        ),
        CalendarFault::Toml(t) => format!("{file}: {}", toml(lang, t)),
        CalendarFault::BadDate { given } => say!(
            lang,
            format!("{file}: 日期「{given}」有误 (应为 年-月-日, 如 2026-10-01)"),
            format!("{file}: bad date '{given}' (expected YYYY-MM-DD)"),
        ),
        CalendarFault::BadRange { holiday, from, to } => say!(
            lang,
            format!("{file}: 假日「{holiday}」: {from} 至 {to} 不是一个至多一个月的时段"),
            format!("{file}: holiday {holiday}: {from} .. {to} is not a range of at most a month"),
        ),
    }
}

/// A theme file (colours) that cannot be used.
pub fn theme(lang: Lang, e: &ThemeError) -> String {
    if lang == Lang::En {
        return e.to_string();
    }
    match e {
        ThemeError::Unknown { name, shipped } => {
            format!("没有名为「{name}」的配色方案 (内置: {shipped}; 也可给出一个 .toml 文件的路径)")
        }
        ThemeError::Io {
            file: path,
            kind,
            detail,
        } => file(lang, path, *kind, detail),
        ThemeError::Invalid {
            file,
            line,
            field,
            reason,
        } => {
            let why = match reason {
                ThemeReason::Toml { kind, note } => toml(
                    lang,
                    &TomlFault {
                        line: 0,
                        column: 0,
                        kind: kind.clone(),
                        note: note.clone(),
                    },
                ),
                ThemeReason::InheritLoop => "继承关系绕成了一个圈".into(),
                ThemeReason::NoParent { name } => {
                    format!("没有可继承的配色方案「{name}」")
                }
                ThemeReason::BadColour { given } => format!(
                    "「{given}」不是颜色 (应为调色板中的名字、颜色名如 yellow、#rrggbb 或 0-255)"
                ),
                ThemeReason::Pixel => "应为一个半角字符, 如 \"#\"".into(),
            };
            format!("{file}: 第 {line} 行: {field}: {why}")
        }
    }
}

/// A TOML file that does not read: where, then what (file named by the caller).
pub fn toml(lang: Lang, t: &TomlFault) -> String {
    let at = match (lang, t.line, t.column) {
        (_, 0, _) => String::new(),
        (Lang::Zh, l, 0) => format!("第 {l} 行: "),
        (Lang::Zh, l, c) => format!("第 {l} 行第 {c} 列: "),
        (Lang::En, l, 0) => format!("line {l}: "),
        (Lang::En, l, c) => format!("line {l}, column {c}: "),
    };
    let what = match (&t.kind, lang) {
        (_, Lang::En) => t.note.clone(),
        (TomlKind::Syntax, Lang::Zh) => "不是有效的 toml 格式 (请检查引号、括号和等号)".into(),
        (TomlKind::UnknownField { field }, Lang::Zh) => format!("没有字段「{field}」"),
        (TomlKind::MissingField { field }, Lang::Zh) => format!("缺少字段「{field}」"),
        (TomlKind::WrongType, Lang::Zh) => "值的类型不对 (例如该写数字处写了文字)".into(),
    };
    format!("{at}{what}")
}

/// A file the system would not read or write.
pub fn file(lang: Lang, path: &str, kind: std::io::ErrorKind, detail: &str) -> String {
    use std::io::ErrorKind as K;
    if lang == Lang::En {
        return format!("{path}: {detail}");
    }
    let why = match kind {
        K::NotFound => "找不到该文件或目录",
        K::PermissionDenied => "没有读写权限",
        K::AlreadyExists => "已经存在",
        K::InvalidData => "不是「UTF-8」编码的文本",
        K::IsADirectory => "是一个目录, 不是文件",
        K::StorageFull => "磁盘已满",
        K::ReadOnlyFilesystem => "所在位置是只读的",
        _ => "读写失败",
    };
    format!("{path}: {why}")
}
