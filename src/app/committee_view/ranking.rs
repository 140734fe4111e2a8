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
    Ok(out)
}

/// The grade names of the built-in scheme `scheme` by grade key, in Chinese
/// when `zh` (empty for a scheme jifen does not ship: keys are shown).
pub fn grade_names(scheme: &str, zh: bool) -> std::collections::HashMap<String, String> {
    crate::domain::scheme::Scheme::builtin(scheme)
        .map(|(s, _)| {
            s.grades
                .iter()
                .map(|g| (g.key.to_string(), g.name_in(zh).to_string()))
                .collect()
        })
        .unwrap_or_default()
}
