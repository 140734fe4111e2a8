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
