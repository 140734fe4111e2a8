//! The year's papers: the year notice (年度公示表, posted) and each member's
//! year card (年度告知卡). Where the scheme's appraisal feeds the year grade
//! (bureau-80, company-60-40) both carry the three grades side by side: the
//! points' (积分等次), the appraisal's (测评等次) and the final one the branch
//! recorded (评定等次, `jifen year grade`), and what a final grade brings
//! where the scheme states it (seed 000: 不合格).

use super::*;
use crate::app::year_grade::YearGrades;
use crate::domain::scheme::Feeds;

/// The year's grades, where the scheme's appraisal feeds the year grade.
fn year_grades(cx: &Ctx, y: i32, r: &Ranking) -> Result<Option<YearGrades>> {
    let feeds =
        cx.l.scheme()
            .appraisal
            .as_ref()
            .is_some_and(|a| a.feeds == Feeds::YearGrade);
    if !feeds || !cx.has_grades(r) {
        return Ok(None);
    }
    cx.l.year_grades_of(y, r).map(Some)
}

/// The year table's grade column becomes 积分等次, followed by 测评等次 and 评定等次.
fn add_grade_columns(cx: &Ctx, t: &mut Table, r: &Ranking, g: &YearGrades) {
    let w = cx.w;
    let Some(at) = t.header.iter().position(|h| h == w.grade) else {
        return;
    };
    t.header[at] = w.points_grade.to_string();
    t.header.insert(at + 1, w.appraisal_grade.to_string());
    t.header.insert(at + 2, w.final_grade.to_string());
    for (row, x) in t.rows.iter_mut().zip(&r.rows) {
        let fg = g.of(x.member_id);
        let appr = fg.and_then(|f| f.appraisal_grade.as_deref());
        let fin = fg.and_then(|f| f.final_grade.as_deref());
        row.insert(at + 1, cx.grade(appr).into());
        row.insert(at + 2, cx.grade(fin).into());
    }
}

/// The consequences the scheme states for the final grades held: one line
/// each (评定为不合格的：…), in the scheme's order.
fn consequences(cx: &Ctx, held: &[Option<&str>]) -> Vec<String> {
    cx.l.scheme()
        .grades
        .iter()
        .filter(|b| held.contains(&Some(b.key.as_str())))
        .filter_map(|b| {
            b.consequence_in(cx.zh)
                .map(|text| (cx.w.grade_consequence)(b.name_in(cx.zh), text))
        })
        .collect()
}

/// The year's periods by name, and the seals of those locked.
fn year_meta(cx: &Ctx, y: i32, r: &Ranking) -> Result<(Meta, Vec<(String, String)>)> {
    let w = cx.w;
    let mut seals = Vec::new();
    for pr in cx.l.periods()? {
        if let (Ok(pid), Some(s)) = (pr.id.parse::<PeriodId>(), pr.seal) {
            if pid.year == y {
                seals.push((pr.id.clone(), s));
            }
        }
    }
    let periods = r
        .periods
        .iter()
        .map(|p| {
            p.parse()
                .map_or_else(|_| p.clone(), |id| cx.period_name(&id))
        })
        .collect::<Vec<_>>()
        .join("、");
    let meta = vec![
        (w.branch.to_string(), cx.l.branch().name.clone()),
        (
            w.scheme.to_string(),
            cx.l.scheme().name_in(cx.zh).to_string(),
        ),
        (
            w.year.to_string(),
            (w.period_name)(PeriodId {
                year: y,
                kind: crate::domain::model::PeriodKind::Year,
            }),
        ),
        (w.periods.to_string(), periods),
    ];
    Ok((meta, seals))
}

/// The year notice: posted, so no 处置; the three grades where the scheme has a year grade.
pub(super) fn notice(cx: &Ctx, y: i32) -> Result<Doc> {
    let (zh, w) = (cx.zh, cx.w);
    let r = cx.l.ranking(&RankScope::Year(y))?;
    let title = (w.year_notice_title)(&cx.l.branch().name, y, &cx.points_word());
    // Posted on the wall: no 处置 (talks, conversion holds); those go on
    // each member's card and to the committee.
    let mut table = rank_table(cx, &r, None);
    let mut notes = year_notes(cx, &r);
    if let Some(g) = year_grades(cx, y, &r)? {
        add_grade_columns(cx, &mut table, &r, &g);
        let held: Vec<Option<&str>> = r
            .rows
            .iter()
            .map(|x| g.of(x.member_id).and_then(|f| f.final_grade.as_deref()))
            .collect();
        notes.extend(consequences(cx, &held));
    }
    let (mut meta, seals) = year_meta(cx, y, &r)?;
    meta.push((w.members_scored.to_string(), r.rows.len().to_string()));
    let footer = seals.iter().map(|(_, s)| (w.verify_line)(s)).collect();
    Ok(Doc {
        title: title.clone(),
        branch: cx.l.branch().name.clone(),
        pages: vec![Page {
            sheet: w.sheet_year_notice.to_string(),
            heading: title,
            meta,
            tables: by_group(cx, table, &r),
            notes,
            owner: None,
            signatures: vec![w.stamp.to_string(), w.date.to_string()],
        }],
        seals,
        footer,
        zh,
    })
}

/// Each member's year card: the periods' scores, the year's score and
/// rank, the three grades, the stars, the 处置 and what the final grade brings.
pub(super) fn cards(cx: &Ctx, y: i32) -> Result<Doc> {
    let (zh, w) = (cx.zh, cx.w);
    let r = cx.l.ranking(&RankScope::Year(y))?;
    let grades = year_grades(cx, y, &r)?;
    let (base, seals) = year_meta(cx, y, &r)?;
    let word = cx.points_word();
    let n = r.rows.len();
    let mut pages = Vec::new();
    for x in &r.rows {
        let mut meta = vec![
            (w.name.to_string(), x.name.to_string()),
            (w.category_head.to_string(), category(w, x.category)),
            (
                w.group.to_string(),
                x.group.as_deref().unwrap_or_default().to_string(),
            ),
        ];
        meta.extend(base.iter().cloned());
        meta.push((w.year_score.to_string(), fmt_points(x.score)));
        meta.push((w.rank.to_string(), format!("{} / {n}", x.rank)));
        let fg = grades.as_ref().and_then(|g| g.of(x.member_id));
        let mut notes = Vec::new();
        match (&grades, fg) {
            (Some(_), Some(f)) => {
                meta.push((w.points_grade.to_string(), cx.grade(x.grade.as_deref())));
                meta.push((
                    w.appraisal_grade.to_string(),
                    cx.grade(f.appraisal_grade.as_deref()),
                ));
                meta.push((
                    w.final_grade.to_string(),
                    cx.grade(f.final_grade.as_deref()),
                ));
                notes.extend(consequences(cx, &[f.final_grade.as_deref()]));
            }
            _ if x.grade.is_some() => {
                meta.push((w.grade.to_string(), cx.grade(x.grade.as_deref())));
            }
            _ => {}
        }
        if x.stars.is_some() {
            meta.push((w.stars.to_string(), stars(x.stars)));
        }
        if !x.actions.is_empty() {
            let names: Vec<String> = x.actions.iter().map(|a| cx.action(a)).collect();
            meta.push((w.actions.to_string(), names.join("、")));
        }
        notes.push(w.card_note.to_string());
        let rows = r
            .periods
            .iter()
            .zip(&x.period_scores)
            .map(|(p, s)| {
                let name = p
                    .parse()
                    .map_or_else(|_| p.clone(), |id| cx.period_name(&id));
                vec![name.into(), s.map_or(Cell::Empty, Cell::Num)]
            })
            .collect();
        pages.push(Page {
            sheet: format!("{} {}", x.member_id, x.name),
            heading: (w.year_card_heading)(&x.name, y, &word),
            meta,
            tables: vec![Table {
                caption: Some(w.year_scores.to_string()),
                header: vec![w.period.to_string(), w.score.to_string()],
                rows,
            }],
            notes,
            owner: Some(x.name.to_string()),
            signatures: vec![
                w.member_signature.to_string(),
                w.secretary.to_string(),
                w.date.to_string(),
            ],
        });
    }
    Ok(Doc {
        title: (w.year_cards_title)(&cx.l.branch().name, y, &word),
        branch: cx.l.branch().name.clone(),
        pages,
        seals,
        footer: Vec::new(),
        zh,
    })
}
