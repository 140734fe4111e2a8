//! The redemption list (积分兑换登记表) of a period: who redeemed which gift,
//! how many, for how many points, with a column for the recipient's signature.

use super::*;
use crate::i18n::redemption::redemption_words;

pub(super) fn redemptions(cx: &Ctx, p: &PeriodId) -> Result<Doc> {
    let (zh, w) = (cx.zh, redemption_words(lang(cx.zh)));
    let (meta, seal) = cx.period_meta(p)?;
    let done = cx.l.redemptions(Some(p))?;
    let title_of = |code: &str| {
        cx.l.scheme()
            .gifts()
            .iter()
            .find(|g| g.code == code)
            .map_or_else(|| code.to_string(), |g| g.title_in(zh).to_string())
    };
    let rows: Vec<Vec<Cell>> = done
        .iter()
        .enumerate()
        .map(|(i, r)| {
            vec![
                Cell::from(i + 1),
                r.member.clone().into(),
                title_of(&r.gift).into(),
                Cell::Int(r.count),
                Cell::Num(r.points),
                Cell::day(r.at.get(..10).or(Some(&r.at))),
                // Tall enough for the recipient to sign.
                Cell::Sign,
            ]
        })
        .collect();
    let (count, points) = done
        .iter()
        .fold((0, 0.0), |(n, s), r| (n + r.count, s + r.points));
    let mut notes = vec![w.never_scored.to_string()];
    if done.is_empty() {
        notes.insert(0, w.no_redemptions.to_string());
    } else {
        notes.insert(
            0,
            format!(
                "{}: {} {}, {} {}",
                w.total,
                w.count,
                count,
                w.cost,
                fmt_points(points)
            ),
        );
    }
    let title = (w.paper_title)(&cx.l.branch().name, &cx.period_name(p));
    Ok(Doc {
        title: title.clone(),
        branch: cx.l.branch().name.clone(),
        pages: vec![Page {
            sheet: w.paper.to_string(),
            heading: title,
            meta,
            tables: vec![Table {
                caption: None,
                header: vec![
                    w.number.to_string(),
                    w.member.to_string(),
                    w.gift.to_string(),
                    w.count.to_string(),
                    w.cost.to_string(),
                    w.date.to_string(),
                    w.signature.to_string(),
                ],
                rows,
            }],
            notes,
            owner: None,
            signatures: Vec::new(),
        }],
        seals: seal.iter().map(|s| (p.to_string(), s.clone())).collect(),
        footer: Vec::new(),
        zh,
    })
}

/// A card's lines for redemption (earned, spent, balance through the
/// period), where the scheme has a gift catalogue.
pub(super) fn balance_meta(cx: &Ctx, member_id: i64, p: &PeriodId) -> Result<Meta> {
    if cx.l.scheme().gifts().is_empty() {
        return Ok(Vec::new());
    }
    let w = redemption_words(lang(cx.zh));
    let b = cx.l.balance_of(member_id, Some(p))?;
    Ok(vec![
        (w.earned.to_string(), fmt_points(b.earned)),
        (w.spent.to_string(), fmt_points(b.spent)),
        (w.balance.to_string(), fmt_points(b.balance)),
    ])
}
