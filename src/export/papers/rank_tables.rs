//! The ranking tables of the papers: one per ranking group (members, then
//! activists), and the notes of quotas a tie went over.

use super::{category, stars, Ctx};
use crate::app::{RankRow, Ranking};
use crate::domain::model::{ConfirmState, PeriodId, RankGroup};
use crate::export::{Cell, Table};
use std::collections::HashMap;

pub(super) fn rank_table(
    cx: &Ctx,
    r: &Ranking,
    confirmations: Option<&HashMap<i64, (ConfirmState, Option<String>)>>,
) -> Table {
    let w = cx.w;
    let (g, s) = (cx.has_grades(r), cx.has_stars(r));
    let mut header = vec![
        w.rank.to_string(),
        w.name.to_string(),
        w.category_head.to_string(),
        w.group.to_string(),
    ];
    // The year's periods by name (第三季度); the title says the year.
    header.extend(r.periods.iter().map(|p| match p.parse::<PeriodId>() {
        Ok(id) => (w.period_column)(id),
        Err(_) => p.clone(),
    }));
    header.push(if r.periods.is_empty() {
        w.score.to_string()
    } else {
        w.year_score.to_string()
    });
    if g {
        header.push(w.grade.to_string());
    }
    if s {
        header.push(w.stars.to_string());
    }
    if confirmations.is_some() {
        header.push(w.sign_off.to_string());
    }
    let rows = r
        .rows
        .iter()
        .map(|x: &RankRow| {
            let mut row: Vec<Cell> = vec![
                Cell::Int(i64::from(x.rank)),
                (&*x.name).into(),
                category(w, x.category).into(),
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
                    match c.get(&x.member_id).map(|v| v.0) {
                        Some(ConfirmState::Confirmed) => w.signed.to_string(),
                        Some(ConfirmState::Disputed) => w.disputed.to_string(),
                        None => w.not_signed.to_string(),
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
pub(super) fn by_group(cx: &Ctx, table: Table, r: &Ranking) -> Vec<Table> {
    let groups = r.groups();
    if groups.len() <= 1 && groups.first().is_none_or(|g| *g == RankGroup::Members) {
        return vec![table];
    }
    let lang = super::lang(cx.zh);
    let mut tables: Vec<Table> = groups
        .iter()
        .map(|g| Table {
            caption: Some(lang.words().grading.rank_group(*g).to_string()),
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
    let lang = super::lang(cx.zh);
    let mut notes = vec![(cx.w.objections_year)(&cx.contact())];
    notes.extend(
        r.quota_notes
            .iter()
            .map(|n| lang.words().grading.quota(cx.l.scheme(), n)),
    );
    notes
}
