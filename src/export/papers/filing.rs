//! What the filing report to the higher committee (备案表) carries beyond the
//! summary card: the counts per grade and per star that add up to the members
//! scored, the list of consequences, the exempt members, and the seal as the
//! paper's fingerprint with the command that checks it against the filing file.

use super::{or_none, stars, Ctx, Meta};
use crate::app::Ranking;
use crate::domain::model::{Member, MemberStatus};
use crate::export::{Cell, Table};

/// The report's own tables: grades, stars (where the scheme has them),
/// consequences and exempt members, each saying 无 when empty.
pub(super) fn tables(cx: &Ctx, r: &Ranking, members: &[Member]) -> Vec<Table> {
    let mut out = Vec::new();
    if cx.has_grades(r) {
        out.push(grade_counts(cx, r));
    }
    if cx.l.scheme().stars.is_some() {
        out.push(star_counts(cx, r));
    }
    out.push(consequences(cx, r));
    out.push(exempt(cx, members));
    out
}

/// The seal as the report's fingerprint, whole.
pub(super) fn fingerprint(cx: &Ctx, seal: &str) -> Meta {
    vec![(cx.w.fingerprint.to_string(), seal.to_string())]
}

/// How the committee checks the report against the filing file.
pub(super) fn check_note(cx: &Ctx) -> String {
    cx.w.filing_check.to_string()
}

/// A count table: label and number of members, with the total row.
fn counted(cx: &Ctx, caption: &str, head: &str, rows: Vec<(String, usize)>) -> Table {
    let w = cx.w;
    let total: usize = rows.iter().map(|(_, n)| n).sum();
    let mut rows: Vec<Vec<Cell>> = rows
        .into_iter()
        .map(|(k, n)| vec![k.into(), n.into()])
        .collect();
    rows.push(vec![w.sum.into(), total.into()]);
    Table {
        caption: Some(caption.to_string()),
        header: vec![head.to_string(), w.headcount.to_string()],
        rows,
    }
}

/// Members per grade, in the scheme's order, then those without a grade.
fn grade_counts(cx: &Ctx, r: &Ranking) -> Table {
    let w = cx.w;
    let count = |k: Option<&str>| r.rows.iter().filter(|x| x.grade.as_deref() == k).count();
    let mut rows: Vec<(String, usize)> =
        cx.l.scheme()
            .grades
            .iter()
            .map(|g| (g.name_in(cx.zh).to_string(), count(Some(&g.key))))
            .collect();
    let known = |k: &str| cx.l.scheme().grades.iter().any(|g| g.key == k);
    let other = r
        .rows
        .iter()
        .filter(|x| x.grade.as_deref().is_none_or(|k| !known(k)))
        .count();
    if other > 0 {
        rows.push((w.ungraded.to_string(), other));
    }
    counted(cx, w.grade_counts, w.grade, rows)
}

/// Members per number of stars, most first, then those with none.
fn star_counts(cx: &Ctx, r: &Ranking) -> Table {
    let w = cx.w;
    let most =
        cx.l.scheme()
            .stars
            .as_ref()
            .and_then(|s| s.bands.iter().map(|b| b.stars).max())
            .unwrap_or(0)
            .max(r.rows.iter().filter_map(|x| x.stars).max().unwrap_or(0));
    let mut rows: Vec<(String, usize)> = (1..=most)
        .rev()
        .map(|n| {
            let c = r.rows.iter().filter(|x| x.stars == Some(n)).count();
            (stars(Some(n)), c)
        })
        .collect();
    let none = r
        .rows
        .iter()
        .filter(|x| x.stars.is_none_or(|n| n == 0))
        .count();
    rows.push((w.no_star.to_string(), none));
    counted(cx, w.star_counts, w.stars, rows)
}

/// Each member with a consequence (talks, conversion holds...), by rank.
fn consequences(cx: &Ctx, r: &Ranking) -> Table {
    let w = cx.w;
    let rows = r
        .rows
        .iter()
        .filter(|x| !x.actions.is_empty())
        .map(|x| {
            let names: Vec<String> = x.actions.iter().map(|a| cx.action(a)).collect();
            vec![x.name.to_string().into(), names.join("、").into()]
        })
        .collect();
    or_none(
        w,
        Table {
            caption: Some(w.consequences.to_string()),
            header: vec![w.name.to_string(), w.actions.to_string()],
            rows,
        },
    )
}

/// The members exempt from scoring, with what the ledger holds of why.
fn exempt(cx: &Ctx, members: &[Member]) -> Table {
    let w = cx.w;
    let rows = members
        .iter()
        .filter(|m| m.status == MemberStatus::Exempt)
        .map(|m| {
            vec![
                m.name.to_string().into(),
                super::category(w, m.category).into(),
                w.exempt_reason_default.into(),
            ]
        })
        .collect();
    or_none(
        w,
        Table {
            caption: Some(w.exempt_caption.to_string()),
            header: vec![
                w.name.to_string(),
                w.category_head.to_string(),
                w.exempt_reason.to_string(),
            ],
            rows,
        },
    )
}
