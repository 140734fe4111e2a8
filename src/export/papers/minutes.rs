//! The minutes of the assembly (会议记录): time, place, who attended and the
//! quorum, the agenda and the resolutions.

use super::*;

pub(super) fn minutes(cx: &Ctx, p: &PeriodId) -> Result<Doc> {
    let zh = cx.zh;
    let ps = p.to_string();
    let row =
        cx.l.period_row(p)?
            .ok_or_else(|| CoreError::User(format!("no period {p} in this branch")))?;
    let (mut meta, seal) = cx.period_meta(p)?;
    let members = cx.l.members()?;
    let active: Vec<_> = members
        .iter()
        .filter(|m| m.status == crate::domain::model::MemberStatus::Active)
        .collect();
    let att = cx.l.attendance(p)?;
    let names = |mark: &str| -> String {
        let v: Vec<&str> = active
            .iter()
            .filter(|m| att.get(&m.id).map(String::as_str) == Some(mark))
            .map(|m| &*m.name)
            .collect();
        if v.is_empty() {
            t(zh, "无", "none")
        } else {
            v.join("、")
        }
    };
    let day = row
        .locked_at
        .as_deref()
        .and_then(|s| s.get(..10))
        .map(String::from);
    meta.insert(
        0,
        (
            t(zh, "会议", "Meeting"),
            if zh {
                format!("{p} 党员大会（{}评议）", cx.points_word())
            } else {
                format!("{p} members' assembly")
            },
        ),
    );
    meta.insert(
        1,
        (
            t(zh, "日期", "Date"),
            day.unwrap_or_else(|| t(zh, "（未封账）", "(not locked)")),
        ),
    );
    // Counted over the voting members (active full members), as the quorum is.
    let q = crate::app::Quorum::count(&members, &att);
    let words = crate::i18n::meeting::words(if zh {
        crate::i18n::Lang::Zh
    } else {
        crate::i18n::Lang::En
    });
    meta.push((t(zh, "应到", "Expected"), q.expected.to_string()));
    if att.is_empty() {
        meta.push((t(zh, "点名", "Roll call"), t(zh, "未记录", "not recorded")));
    } else {
        meta.push((t(zh, "实到", "Present"), q.present.to_string()));
        meta.push((t(zh, "请假", "On leave"), names("leave")));
        meta.push((t(zh, "缺席", "Absent"), names("absent")));
    }
    let valid = if q.quorate() {
        words.quorate
    } else {
        words.inquorate
    };
    meta.push((t(zh, "到会情况", "Quorum"), valid.to_string()));
    let claims = cx.l.claims(&ClaimFilter {
        period: Some(ps.clone()),
        ..Default::default()
    })?;
    let count = |s: ClaimStatus| claims.iter().filter(|c| c.status == s).count();
    let decided = Table {
        caption: Some(t(zh, "申报认定情况", "Claims decided")),
        header: vec![t(zh, "结论", "Verdict"), t(zh, "条数", "Claims")],
        rows: [
            ClaimStatus::Approved,
            ClaimStatus::Adjusted,
            ClaimStatus::Rejected,
            ClaimStatus::Pending,
        ]
        .into_iter()
        .map(|s| vec![status(zh, s).into(), Cell::Num(count(s) as f64)])
        .collect(),
    };
    let changed = Table {
        caption: Some(t(zh, "调整与驳回事项", "Adjusted and rejected claims")),
        header: vec![
            t(zh, "姓名", "Name"),
            t(zh, "项目", "Item"),
            t(zh, "申报分值", "Claimed"),
            t(zh, "认定分值", "Counted"),
            t(zh, "结论", "Verdict"),
            t(zh, "理由", "Reason"),
        ],
        rows: claims
            .iter()
            .filter(|c| matches!(c.status, ClaimStatus::Adjusted | ClaimStatus::Rejected))
            .map(|c| {
                vec![
                    c.member.clone().into(),
                    cx.item_title(&c.item).into(),
                    Cell::Num(c.claimed),
                    Cell::Num(if c.status.counts() { c.points } else { 0.0 }),
                    status(zh, c.status).into(),
                    c.reason.clone().into(),
                ]
            })
            .collect(),
    };
    let conf = queries::confirmations(cx.l.conn(), cx.l.branch().id, &ps)?;
    let by_id: HashMap<i64, &str> = members.iter().map(|m| (m.id, &*m.name)).collect();
    let mut disputes: Vec<(&str, String)> = conf
        .iter()
        .filter(|(_, v)| v.0 == "disputed")
        .map(|(id, v)| {
            (
                by_id.get(id).copied().unwrap_or(""),
                v.1.clone().unwrap_or_default(),
            )
        })
        .collect();
    disputes.sort();
    let disputes = Table {
        caption: Some(t(zh, "异议", "Disputes")),
        header: vec![t(zh, "姓名", "Name"), t(zh, "异议内容", "Words")],
        rows: disputes
            .into_iter()
            .map(|(n, w)| vec![n.into(), w.into()])
            .collect(),
    };
    let signed = conf.values().filter(|c| c.0 == "confirmed").count();
    let mut notes = vec![if zh {
        format!(
            "签字确认：已签字 {signed} 人，有异议 {} 人。",
            disputes.rows.len()
        )
    } else {
        format!(
            "Sign-off: {signed} signed, {} disputed.",
            disputes.rows.len()
        )
    }];
    match (&row.locked_at, &seal) {
        (Some(at), Some(s)) => notes.push(if zh {
            format!(
                "{} 封账，封存码 {s}。",
                at.get(..19).unwrap_or(at).replace('T', " ")
            )
        } else {
            format!(
                "Locked at {}, seal {s}.",
                at.get(..19).unwrap_or(at).replace('T', " ")
            )
        }),
        _ => notes.push(t(zh, "本期尚未封账。", "The period is not locked yet.")),
    }
    let title = if zh {
        format!("{} {p} 党员大会会议记录", cx.l.branch().name)
    } else {
        format!(
            "{} {p}: minutes of the members' assembly",
            cx.l.branch().name
        )
    };
    let seals: Vec<(String, String)> = seal.iter().map(|s| (ps.clone(), s.clone())).collect();
    Ok(Doc {
        title: title.clone(),
        branch: cx.l.branch().name.clone(),
        pages: vec![Page {
            sheet: t(zh, "会议记录", "Minutes"),
            heading: title,
            meta,
            tables: vec![decided, changed, disputes],
            notes,
            signatures: vec![t(zh, "主持人", "Chair"), t(zh, "记录人", "Recorder")],
        }],
        footer: seals.iter().map(|(_, s)| verify_line(zh, s)).collect(),
        seals,
        zh,
    })
}
