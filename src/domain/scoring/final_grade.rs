//! The year's final grade (评定等次, seed 001 "综合研判"; seed 000 结果运用):
//! the points (and the quota) give each member the highest grade allowed;
//! the branch records a final grade at most that. Grades are ordered as the
//! scheme lists them, the best first.

use crate::domain::scheme::{FinalDefault, Scheme};

/// Where a grade stands among the scheme's grades (0: the best).
fn place(scheme: &Scheme, key: &str) -> Option<usize> {
    scheme.grades.iter().position(|g| g.key == key)
}

/// Whether `asked` is no better than `allowed` (both the scheme's grades).
pub fn within(scheme: &Scheme, allowed: &str, asked: &str) -> bool {
    match (place(scheme, allowed), place(scheme, asked)) {
        (Some(a), Some(b)) => b >= a,
        _ => false,
    }
}

/// The grades a member allowed `allowed` may be given, the best first.
pub fn choices<'s>(scheme: &'s Scheme, allowed: &str) -> Vec<&'s str> {
    match place(scheme, allowed) {
        Some(a) => scheme.grades[a..].iter().map(|g| g.key.as_str()).collect(),
        None => Vec::new(),
    }
}

/// The final grade until the branch records one: see [`FinalDefault`].
pub fn default_grade<'s>(
    scheme: &'s Scheme,
    rule: FinalDefault,
    allowed: Option<&'s str>,
    appraisal: Option<&str>,
) -> Option<&'s str> {
    let allowed = allowed?;
    let a = place(scheme, allowed)?;
    let quota = scheme.grades[a].quota.is_some();
    let below = appraisal
        .and_then(|g| place(scheme, g))
        .is_some_and(|g| g > a);
    match (rule, quota && below, scheme.grades.get(a + 1)) {
        (FinalDefault::Appraisal, true, Some(next)) => Some(next.key.as_str()),
        _ => Some(allowed),
    }
}
