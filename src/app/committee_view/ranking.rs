//! The cross-branch ranking by category (seed 001 分类排名) as groups: one
//! per scheme and member category, each its places in order.

use crate::app::filing::{by_category, CategoryPlace};
use crate::app::Result;
use std::path::Path;

/// One ranking group: a scheme's members of one category across branches.
#[derive(Debug, Clone, PartialEq)]
pub struct CategoryGroup {
    pub scheme: String,
    /// The member category's code (`full`, `probationary`, `activist`).
    pub category: String,
    /// Highest score first; ties share a place (1, 2, 2, 4).
    pub places: Vec<CategoryPlace>,
}

/// `period`'s places across branches at the committee `db`, in groups (the
/// same places as `rank --by-category`).
pub fn category_groups(db: &Path, period: &str) -> Result<Vec<CategoryGroup>> {
    let mut out: Vec<CategoryGroup> = Vec::new();
    for p in by_category(db, period)? {
        match out.last_mut() {
            Some(g) if g.scheme == p.scheme && g.category == p.category => g.places.push(p),
            _ => out.push(CategoryGroup {
                scheme: p.scheme.clone(),
                category: p.category.clone(),
                places: vec![p],
            }),
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

/// The names of a scheme's grades and actions by key, in Chinese when `zh`.
#[derive(Debug, Clone, Default)]
pub struct SchemeNames {
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

/// The names of the built-in scheme `scheme`'s grades and actions (empty
/// for a scheme jifen does not ship: keys are shown).
pub fn scheme_names(scheme: &str, zh: bool) -> SchemeNames {
    match crate::domain::scheme::Scheme::builtin(scheme) {
        Some((s, _)) => SchemeNames {
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
        None => SchemeNames::default(),
    }
}
