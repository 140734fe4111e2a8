//! The ranking tables of the papers: one per ranking group (members, then
//! activists), and the notes of quotas a tie went over.

use super::{category, stars, t, Ctx};
use crate::app::{RankRow, Ranking};
use crate::domain::model::RankGroup;
use crate::export::{Cell, Table};
use crate::i18n::Lang;
use std::collections::HashMap;

pub(super) fn rank_table(
    cx: &Ctx,
    r: &Ranking,
    confirmations: Option<&HashMap<i64, (String, Option<String>)>>,
) -> Table {
    let zh = cx.zh;
    let (g, s) = (cx.has_grades(r), cx.has_stars(r));
    let mut header = vec![
        t(zh, "排名", "Rank"),
        t(zh, "姓名", "Name"),
        t(zh, "类别", "Category"),
        t(zh, "党小组", "Group"),
    ];
    header.extend(r.periods.iter().cloned());
    header.push(if r.periods.is_empty() {
        t(zh, "得分", "Score")
    } else {
        t(zh, "年度得分", "Year score")
    });
    if g {
        header.push(t(zh, "等次", "Grade"));
    }
    if s {
        header.push(t(zh, "星级", "Stars"));
    }
    if confirmations.is_some() {
        header.push(t(zh, "签字确认", "Sign-off"));
    }
    let rows = r
        .rows
        .iter()
        .map(|x: &RankRow| {
            let mut row: Vec<Cell> = vec![
                Cell::Num(f64::from(x.rank)),
                (&*x.name).into(),
                category(zh, x.category).into(),
                x.group.as_deref().unwrap_or_default().into(),
            ];
            row.extend(
                x.period_scores
                    .iter()
                    .map(|v| v.map(Cell::Num).unwrap_or(Cell::Empty)),
            );
            row.push(Cell::Num(x.score));
            if g {
                row.push(cx.grade(x.grade.as_deref()).into());
            }
            if s {
                row.push(stars(x.stars).into());
            }
            if let Some(c) = confirmations {
                row.push(
                    match c.get(&x.member_id).map(|v| v.0.as_str()) {
                        Some("confirmed") => t(zh, "已签字", "signed"),
                        Some("disputed") => t(zh, "有异议", "disputed"),
                        _ => t(zh, "未确认", "not signed"),
                    }
                    .into(),
                );
            }
            row
        })
        .collect();
    Table {
        caption: None,
        header,
        rows,
    }
}

/// A ranking table split into one table per ranking group (members, then
/// activists), each under its heading; one group alone stays one table.
pub(super) fn by_group(zh: bool, table: Table, r: &Ranking) -> Vec<Table> {
    let groups = r.groups();
    if groups.len() <= 1 && groups.first().is_none_or(|g| *g == RankGroup::Members) {
        return vec![table];
    }
    let lang = if zh { Lang::Zh } else { Lang::En };
    let mut tables: Vec<Table> = groups
        .iter()
        .map(|g| Table {
            caption: Some(crate::i18n::rank_group(lang, *g).to_string()),
            header: table.header.clone(),
            rows: Vec::new(),
        })
        .collect();
    for (row, x) in table.rows.into_iter().zip(&r.rows) {
        if let Some(i) = groups.iter().position(|g| *g == x.ranking) {
            tables[i].rows.push(row);
        }
    }
    tables
}

/// The year notice's notes: how to object, and each quota ties went over
/// (for the branch to settle at the appraisal).
pub(super) fn year_notes(cx: &Ctx, r: &Ranking) -> Vec<String> {
    let lang = if cx.zh { Lang::Zh } else { Lang::En };
    let mut notes = vec![t(
        cx.zh,
        "公示期内如有异议，请以书面形式向党支部提出申诉。",
        "Objections in writing to the branch during the publication.",
    )];
    notes.extend(
        r.quota_notes
            .iter()
            .map(|n| crate::i18n::quota_note(lang, cx.l.scheme(), n)),
    );
    notes
}
