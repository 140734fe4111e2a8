//! The cross-branch ranking by category (seed 001 分类排名) as groups: one
//! per scheme and member category, each its places in order.

use crate::app::filing::{by_category, CategoryPlace};
use crate::app::Result;
use std::path::Path;

/// One ranking group: a scheme's members of one category across branches.
#[derive(Debug, Clone, PartialEq)]
pub struct CategoryGroup {
    /// The scheme's id.
    pub scheme: String,
    /// The scheme's name in the interface's language (its id when jifen
    /// does not ship it).
    pub scheme_name: String,
    /// The member category's code (`full`, `probationary`, `activist`).
    pub category: String,
    /// Highest score first; ties share a place (1, 2, 2, 4).
    pub places: Vec<CategoryPlace>,
}

/// `period`'s places across branches at the committee `db`, in groups (the
/// same places as `rank --by-category`), each scheme and grade named in
/// Chinese when `zh`.
pub fn category_groups(db: &Path, period: &str, zh: bool) -> Result<Vec<CategoryGroup>> {
    let mut out: Vec<CategoryGroup> = Vec::new();
    for p in by_category(db, period)? {
        match out.last_mut() {
            Some(g) if g.scheme == p.scheme && g.category == p.category => g.places.push(p),
            _ => out.push(CategoryGroup {
                scheme: p.scheme.clone(),
                scheme_name: p.scheme.clone(),
                category: p.category.clone(),
                places: vec![p],
            }),
        }
    }
    // Each scheme is looked up once, however many groups it has.
    let mut names: std::collections::HashMap<String, SchemeNames> = Default::default();
    for g in &mut out {
        let n = names
            .entry(g.scheme.clone())
            .or_insert_with(|| scheme_names(&g.scheme, zh));
        g.scheme_name = n.name.clone();
        for pl in &mut g.places {
            pl.grade = pl.grade.as_deref().map(|k| n.grade(k));
        }
    }
    // Full members first, then probationary, then activists (as the
    // branch's own ranking lists them); schemes in name order.
    let order = |c: &str| {
        crate::domain::model::Category::ALL
            .iter()
            .position(|k| k.code() == c)
            .unwrap_or(usize::MAX)
    };
    out.sort_by(|a, b| {
        a.scheme
            .cmp(&b.scheme)
            .then(order(&a.category).cmp(&order(&b.category)))
    });
    Ok(out)
}

/// A scheme's name and the names of its grades and actions by key, in
/// Chinese when `zh`.
#[derive(Debug, Clone, Default)]
pub struct SchemeNames {
    /// The scheme's name to show (its id for a scheme jifen does not ship).
    pub name: String,
    pub grades: std::collections::HashMap<String, String>,
    pub actions: std::collections::HashMap<String, String>,
}

impl SchemeNames {
    /// A grade's name, else its key.
    pub fn grade(&self, key: &str) -> String {
        self.grades
            .get(key)
            .cloned()
            .unwrap_or_else(|| key.to_string())
    }

    /// An action's name, else its key.
    pub fn action(&self, key: &str) -> String {
        self.actions
            .get(key)
            .cloned()
            .unwrap_or_else(|| key.to_string())
    }
}

/// The names of the built-in scheme `scheme` and its grades and actions
/// (for a scheme jifen does not ship: its id, and keys are shown).
pub fn scheme_names(scheme: &str, zh: bool) -> SchemeNames {
    match crate::domain::scheme::Scheme::builtin(scheme) {
        Some((s, _)) => SchemeNames {
            name: s.name_in(zh).to_string(),
            grades: s
                .grades
                .iter()
                .map(|g| (g.key.to_string(), g.name_in(zh).to_string()))
                .collect(),
            actions: s
                .actions
                .iter()
                .map(|a| (a.key.clone(), a.name_in(zh).to_string()))
                .collect(),
        },
        None => SchemeNames {
            name: scheme.to_string(),
            ..SchemeNames::default()
        },
    }
}

#[cfg(test)]
mod tests {
    use super::scheme_names;

    #[test]
    fn a_scheme_is_named_in_the_language_asked_and_an_unknown_one_by_its_id() {
        assert_eq!(
            scheme_names("bureau-80", true).name,
            "机关党员积分制(基础分80)"
        );
        assert_eq!(
            scheme_names("bureau-80", false).name,
            "Bureau 80-point scheme"
        );
        let other = scheme_names("county-own-2026", true);
        assert_eq!(other.name, "county-own-2026");
        assert_eq!(other.grade("excellent"), "excellent");
    }
}
