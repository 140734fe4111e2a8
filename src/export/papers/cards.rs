//! The notification cards (告知卡): each member's items, subtotals, total and
//! appeal deadline; and the appeals table they share with the summary.

use super::*;

pub(super) fn cards(cx: &Ctx, p: &PeriodId) -> Result<Doc> {
    let zh = cx.zh;
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
    let corr = corrections_of(cx, p)?;
    let word = cx.points_word();
    let title = if zh {
        format!("{} {p} 党员{word}告知卡", cx.l.branch().name)
    } else {
        format!("{} {p}: member notification cards", cx.l.branch().name)
    };
    let n = r.rows.len();
    let mut pages = Vec::new();
    for x in &r.rows {
        let header = vec![
            t(zh, "日期", "Date"),
            t(zh, "项目", "Item"),
            t(zh, "类型", "Kind"),
            t(zh, "级别", "Level"),
            t(zh, "次数", "Count"),
            t(zh, "申报分值", "Claimed"),
            t(zh, "认定分值", "Counted"),
            t(zh, "结论", "Verdict"),
            t(zh, "理由", "Reason"),
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
                    c.date.clone().into(),
                    cx.item_title(&c.item).into(),
                    kind(zh, cx.item_kind(&c.item), cx.lower).into(),
                    c.level.clone().into(),
                    Cell::Num(c.count as f64),
                    Cell::Num(c.claimed),
                    counted,
                    status(zh, c.status).into(),
                    c.reason.clone().into(),
                ]
            })
            .collect();
        let mut tables = vec![Table {
            caption: Some(t(zh, "记录事项", "Recorded items")),
            header,
            rows,
        }];
        if let Some(cs) = corr.get(&x.member_id) {
            tables.push(Table {
                caption: Some(t(zh, "申诉更正", "Corrections from appeals")),
                header: vec![
                    t(zh, "项目", "Item"),
                    t(zh, "更正分值", "Points"),
                    t(zh, "理由", "Reason"),
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
        let mut meta = vec![
            (t(zh, "姓名", "Name"), x.name.to_string()),
            (t(zh, "类别", "Category"), category(zh, x.category)),
            (
                t(zh, "党小组", "Group"),
                x.group.as_deref().unwrap_or_default().to_string(),
            ),
            (t(zh, "期间", "Period"), p.to_string()),
            (t(zh, "合计得分", "Total"), fmt_points(x.score)),
            (t(zh, "排名", "Rank"), format!("{} / {n}", x.rank)),
        ];
        if x.grade.is_some() {
            meta.push((t(zh, "等次", "Grade"), cx.grade(x.grade.as_deref())));
        }
        if x.stars.is_some() {
            meta.push((t(zh, "星级", "Stars"), stars(x.stars)));
        }
        if !x.actions.is_empty() {
            meta.push((
                t(zh, "处置", "Actions"),
                x.actions
                    .iter()
                    .map(|a| cx.action(a))
                    .collect::<Vec<_>>()
                    .join("、"),
            ));
        }
        pages.push(Page {
            sheet: format!("{} {}", x.member_id, x.name),
            heading: if zh {
                format!("{} {p} {word}告知卡", x.name)
            } else {
                format!("{}: notification card {p}", x.name)
            },
            meta,
            tables,
            notes: vec![t(
                zh,
                "如对以上记录有异议，请在公示期内向党支部提出申诉。",
                "If you disagree with any line, appeal to the branch within the publication window.",
            )],
            signatures: vec![t(zh, "本人签字", "Member's signature"), t(zh, "日期", "Date")],
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
    let zh = cx.zh;
    Table {
        caption: Some(t(zh, "申诉与复议", "Appeals and reconsideration")),
        header: vec![
            t(zh, "编号", "No."),
            t(zh, "姓名", "Name"),
            t(zh, "申诉内容", "Appeal"),
            t(zh, "阶段", "Stage"),
            t(zh, "结果", "Outcome"),
            t(zh, "答复", "Reply"),
            t(zh, "更正", "Correction"),
        ],
        rows: appeals
            .iter()
            .map(|a| {
                vec![
                    Cell::Num(a.id as f64),
                    a.member.clone().into(),
                    a.text.clone().into(),
                    match a.stage {
                        AppealStage::Higher => t(zh, "上级复议", "reconsideration"),
                        AppealStage::Branch => t(zh, "支部", "branch"),
                    }
                    .into(),
                    match a.status.as_str() {
                        "upheld" => t(zh, "更正", "upheld"),
                        "dismissed" => t(zh, "维持", "dismissed"),
                        _ => format!(
                            "{}（{}{}）",
                            t(zh, "办理中", "open"),
                            t(zh, "期限", "due "),
                            a.due
                        ),
                    }
                    .into(),
                    a.reply.clone().into(),
                    a.correction.clone().into(),
                ]
            })
            .collect(),
    }
}
