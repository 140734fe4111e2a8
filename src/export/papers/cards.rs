//! The notification cards (告知卡): each member's items, subtotals, total and
//! appeal deadline; and the appeals table they share with the summary.

use super::*;

pub(super) fn cards(cx: &Ctx, p: &PeriodId) -> Result<Doc> {
    let (zh, w) = (cx.zh, cx.w);
    let r = cx.l.ranking(&RankScope::Period(*p))?;
    let (_, seal) = cx.period_meta(p)?;
    let claims = cx.l.claims(&ClaimFilter {
        period: Some(p.to_string()),
        ..Default::default()
    })?;
    let mut by: HashMap<i64, Vec<&Claim>> = HashMap::new();
    for c in &claims {
        by.entry(c.member_id).or_default().push(c);
    }
    // Each member's items in the order they happened.
    for v in by.values_mut() {
        v.sort_by(|a, b| a.date.cmp(&b.date).then(a.id.cmp(&b.id)));
    }
    let sums = cx.l.kind_sums(p)?;
    let tiers: HashMap<i64, Option<i64>> = cx.l.members()?.iter().map(|m| (m.id, m.tier)).collect();
    let deadline = cx.window(p)?.map(|(_, end, _)| end);
    let corr = corrections_of(cx, p)?;
    let word = cx.points_word();
    let title = (w.cards_title)(&cx.l.branch().name, &cx.period_name(p), &word);
    let n = r.rows.len();
    let mut pages = Vec::new();
    for x in &r.rows {
        let header = vec![
            w.date.to_string(),
            w.item.to_string(),
            w.kind.to_string(),
            w.level.to_string(),
            w.count.to_string(),
            w.claimed.to_string(),
            w.counted.to_string(),
            w.verdict.to_string(),
            w.reason.to_string(),
            w.note.to_string(),
        ];
        let rows = by
            .get(&x.member_id)
            .map(|v| v.as_slice())
            .unwrap_or(&[])
            .iter()
            .map(|c| {
                let counted = if c.status.counts() {
                    Cell::Num(c.points)
                } else {
                    Cell::Num(0.0)
                };
                vec![
                    Cell::day(c.date.as_deref()),
                    cx.item_title(&c.item).into(),
                    kind(w, cx.item_kind(&c.item), cx.lower).into(),
                    c.level
                        .as_deref()
                        .map(|k| (super::lang(zh).words().common.level)(k))
                        .into(),
                    Cell::Int(c.count),
                    Cell::Num(c.claimed),
                    counted,
                    status(w, c.status).into(),
                    c.reason.clone().into(),
                    c.note.clone().into(),
                ]
            })
            .collect();
        let mut tables = vec![Table {
            caption: Some(w.recorded_items.to_string()),
            header,
            rows,
        }];
        if let Some(cs) = corr.get(&x.member_id) {
            tables.push(Table {
                caption: Some(w.corrections_caption.to_string()),
                header: vec![
                    w.item.to_string(),
                    w.correction_points.to_string(),
                    w.reason.to_string(),
                ],
                rows: cs
                    .iter()
                    .map(|c| {
                        vec![
                            cx.item_title(&c.item).into(),
                            Cell::Num(c.points),
                            c.reason.clone().into(),
                        ]
                    })
                    .collect(),
            });
        }
        let s = sums.get(&x.member_id).copied().unwrap_or_default();
        let base =
            cx.l.scheme()
                .base_for(tiers.get(&x.member_id).copied().flatten());
        // The name first: a CSV of the cards lists each item under it.
        let mut meta = vec![
            (w.name.to_string(), x.name.to_string()),
            (w.branch.to_string(), cx.l.branch().name.clone()),
            (w.category_head.to_string(), category(w, x.category)),
            (
                w.group.to_string(),
                x.group.as_deref().unwrap_or_default().to_string(),
            ),
            (w.period.to_string(), cx.period_name(p)),
            (w.base_score.to_string(), fmt_points(base)),
            (w.bonus_subtotal.to_string(), fmt_points(s.bonus)),
            (w.deduction_subtotal.to_string(), fmt_points(s.deduction)),
        ];
        if s.offset != 0.0 {
            meta.push((
                kind(w, Some(ItemKind::Offset), cx.lower),
                fmt_points(s.offset),
            ));
        }
        meta.push((w.total.to_string(), fmt_points(x.score)));
        meta.push((w.rank.to_string(), format!("{} / {n}", x.rank)));
        if let Some(end) = &deadline {
            meta.push((w.appeal_deadline.to_string(), end.clone()));
        }
        if x.grade.is_some() {
            meta.push((w.grade.to_string(), cx.grade(x.grade.as_deref())));
        }
        if x.stars.is_some() {
            meta.push((w.stars.to_string(), stars(x.stars)));
        }
        if !x.actions.is_empty() {
            meta.push((
                w.actions.to_string(),
                x.actions
                    .iter()
                    .map(|a| cx.action(a))
                    .collect::<Vec<_>>()
                    .join("、"),
            ));
        }
        meta.extend(super::redemptions::balance_meta(cx, x.member_id, p)?);
        pages.push(Page {
            sheet: format!("{} {}", x.member_id, x.name),
            heading: (w.card_heading)(&x.name, &cx.period_name(p), &word),
            meta,
            tables,
            notes: vec![w.card_note.to_string()],
            owner: Some(x.name.to_string()),
            signatures: vec![
                w.member_signature.to_string(),
                w.secretary.to_string(),
                w.date.to_string(),
            ],
        });
    }
    Ok(Doc {
        title,
        branch: cx.l.branch().name.clone(),
        pages,
        seals: seal.iter().map(|s| (p.to_string(), s.clone())).collect(),
        footer: Vec::new(),
        zh,
    })
}

pub(super) fn appeal_table(cx: &Ctx, appeals: &[AppealRow]) -> Table {
    let w = cx.w;
    Table {
        caption: Some(w.appeals_caption.to_string()),
        header: vec![
            w.number.to_string(),
            w.name.to_string(),
            w.appeal.to_string(),
            w.stage.to_string(),
            w.outcome.to_string(),
            w.reply.to_string(),
            w.correction.to_string(),
        ],
        rows: appeals
            .iter()
            .map(|a| {
                vec![
                    Cell::Int(a.id),
                    a.member.clone().into(),
                    a.text.clone().into(),
                    match a.stage {
                        AppealStage::Higher => w.stage_higher.to_string(),
                        AppealStage::Branch => w.stage_branch.to_string(),
                    }
                    .into(),
                    match a.status {
                        AppealStatus::Upheld => w.upheld.to_string(),
                        AppealStatus::Dismissed => w.dismissed.to_string(),
                        AppealStatus::Open => (w.appeal_open)(&a.due),
                    }
                    .into(),
                    a.reply.clone().into(),
                    a.correction
                        .as_deref()
                        .map(|c| correction_words(cx, c))
                        .into(),
                ]
            })
            .collect(),
    }
}

/// An appeal's corrections (`discipline.dues 1; ...`) with each item by its
/// title (党费缴纳 1), as the paper's reader says it.
fn correction_words(cx: &Ctx, c: &str) -> String {
    c.split("; ")
        .map(|one| match one.rsplit_once(' ') {
            Some((item, points)) => format!("{} {points}", cx.item_title(item)),
            None => one.to_string(),
        })
        .collect::<Vec<_>>()
        .join("；")
}
