//! Words of the claim import.

use crate::i18n::Lang;

/// An import refused because the same rows were imported before: the file
/// given now, the earlier file, its size, when, and its first claim's id.
pub fn already_imported(
    lang: Lang,
    file: &str,
    earlier: &str,
    rows: i64,
    at: &str,
    first_claim: i64,
) -> String {
    let last = first_claim + rows - 1;
    let at = at.get(..16).unwrap_or(at).replace('T', " ");
    match lang {
        Lang::Zh => format!(
            "{file}: 这 {rows} 行已于 {at} 从 {earlier} 导入过 (申报 {first_claim} 至 {last}); 本次未导入任何内容。确需再次导入, 请加 --again"
        ),
        Lang::En => format!(
            "{file}: these {rows} rows were already imported at {at} from {earlier} (claims {first_claim} to {last}); nothing was imported (to import them again, add --again)"
        ),
    }
}

/// A refused import file: where (file, line, column), then why.
pub fn import_error(lang: Lang, e: &crate::app::import::ImportError) -> String {
    let mut at = e.file.clone();
    match lang {
        Lang::Zh => {
            if e.line > 0 {
                at.push_str(&format!(" 第 {} 行", e.line));
            }
            if !e.column.is_empty() {
                at.push_str(&format!(" 「{}」列", e.column));
            }
            format!("{at}: {} (未导入任何内容)", kind(lang, &e.kind))
        }
        Lang::En => {
            if e.line > 0 {
                at.push_str(&format!(":{}", e.line));
            }
            if !e.column.is_empty() {
                at.push_str(&format!(": column '{}'", e.column));
            }
            format!("{at}: {} (nothing was imported)", kind(lang, &e.kind))
        }
    }
}

/// Why an import file was refused, in words.
fn kind(lang: Lang, k: &crate::app::import::ImportKind) -> String {
    use crate::app::import::ImportKind as K;
    let zh = lang == Lang::Zh;
    let pick = |z: String, e: String| if zh { z } else { e };
    match k {
        K::Unreadable { detail } => pick("文件无法读取".into(), format!("cannot read: {detail}")),
        K::BadWorkbook { sheet: None, detail } => pick(
            "无法读取该电子表格".into(),
            format!("cannot read spreadsheet: {detail}"),
        ),
        K::BadWorkbook {
            sheet: Some(s),
            detail,
        } => pick(
            format!("无法读取工作表「{s}」"),
            format!("cannot read sheet '{s}': {detail}"),
        ),
        K::NoSheet => pick("工作簿里没有工作表".into(), "the workbook has no sheet".into()),
        K::SheetTooBig {
            sheet,
            row,
            column,
            max_cells,
            max_columns,
            max_rows,
        } => pick(
            format!("工作表「{sheet}」用到了第 {row} 行第 {column} 列, 或超过 {max_cells} 个单元格: 导入的工作表至多 {max_columns} 列、{max_rows} 行"),
            format!("sheet '{sheet}' uses a cell at row {row}, column {column} or more than {max_cells} cells: an import sheet has at most {max_columns} columns and {max_rows} rows"),
        ),
        K::NotUtf8 => pick(
            "不是「UTF-8」编码的文本 (GBK/ANSI 编码的文件? 请另存为「CSV UTF-8」)".into(),
            "not UTF-8 text (a GBK/ANSI file? save it as \"CSV UTF-8\")".into(),
        ),
        K::EmptyFile => pick("文件是空的".into(), "the file is empty".into()),
        K::TooLarge => pick(
            "文件超过 4 GiB, 请拆分".into(),
            "the file is larger than 4 GiB; split it".into(),
        ),
        K::BadCsv { detail } => pick("不是有效的 csv 格式".into(), format!("bad CSV: {detail}")),
        K::FieldCount { expected, found } => pick(
            format!("应与表头一样有 {expected} 栏, 实有 {found} 栏"),
            format!("expected {expected} fields as in the header, found {found}"),
        ),
        K::FieldTooLong { bytes, max } => pick(
            format!("单元格长 {bytes} 字节 (至多 {max})"),
            format!("field is {bytes} bytes long (at most {max})"),
        ),
        K::WrongHeader { got, expected } => pick(
            format!("表头「{got}」不对 (应为「{expected}」)"),
            format!("wrong header '{got}' (expected '{expected}')"),
        ),
        K::NoRows => pick("表头下面没有数据行".into(), "no rows below the header".into()),
        K::DuplicateRow { first } => pick(
            format!("重复的行 (与第 {first} 行相同)"),
            format!("duplicate row (same as line {first})"),
        ),
        K::DuplicateMember { name, first } => pick(
            format!("党员「{name}」重复 (第 {first} 行也有)"),
            format!("duplicate member '{name}' (also on line {first})"),
        ),
        K::OnRoster { name } => pick(
            format!("「{name}」已在名册中"),
            format!("'{name}' is already on the roster"),
        ),
        K::AmbiguousMember { name } => pick(
            format!("有几位党员都叫「{name}」, 请写编号"),
            format!("several members are named '{name}'; use the id"),
        ),
        K::UnknownMember { who } => pick(
            format!("名册中没有党员「{who}」"),
            format!("unknown member '{who}'"),
        ),
        K::NotWhole { given } => pick(
            format!("「{given}」不是整数"),
            format!("'{given}' is not a whole number"),
        ),
        K::NotNumber { given } => pick(
            format!("「{given}」不是数字"),
            format!("'{given}' is not a number"),
        ),
        K::Value(v) => crate::i18n::errors::bad_value(lang, v),
        K::Member(m) => crate::i18n::errors::member(lang, m),
        K::Claim(c) => crate::i18n::errors::claim(lang, c),
        K::Appraisal(a) => crate::i18n::errors::appraisal(lang, a),
        K::UnknownColumns { columns, allowed } => {
            let quoted = |v: &[String]| {
                v.iter()
                    .map(|c| if zh { format!("「{c}」") } else { format!("'{c}'") })
                    .collect::<Vec<_>>()
                    .join(if zh { "、" } else { ", " })
            };
            pick(
                format!(
                    "没有这样的列: {} (可用的列: {})",
                    quoted(columns),
                    quoted(allowed)
                ),
                format!(
                    "unknown column{} {} (the columns are {})",
                    if columns.len() == 1 { "" } else { "s" },
                    quoted(columns),
                    quoted(allowed)
                ),
            )
        }
        K::EmptyCell => pick("不能为空".into(), "must not be empty".into()),
        K::DuplicateBranch { name, first } => pick(
            format!("支部「{name}」重复 (第 {first} 行也有)"),
            format!("duplicate branch '{name}' (also on line {first})"),
        ),
        K::UnknownScheme { id, known } => {
            let list = known
                .iter()
                .map(|k| if zh { format!("「{k}」") } else { k.clone() })
                .collect::<Vec<_>>()
                .join(if zh { "、" } else { ", " });
            pick(
                format!("没有编号为「{id}」的方案 (可用: {list})"),
                format!("no scheme '{id}' (known: {list})"),
            )
        }
    }
}
