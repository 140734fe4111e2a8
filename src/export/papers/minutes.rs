//! The minutes of the assembly (会议记录): time, place, who attended and the
//! quorum, the agenda and the resolutions.

use super::*;

pub(super) fn minutes(cx: &Ctx, p: &PeriodId) -> Result<Doc> {
    let (zh, w) = (cx.zh, cx.w);
    let ps = p.to_string();
    let row =
        cx.l.period_row(p)?
            .ok_or_else(|| CoreError::User((w.no_period)(&ps)))?;
    let (mut meta, seal) = cx.period_meta(p)?;
    let members = cx.l.members()?;
    let active: Vec<_> = members
        .iter()
        .filter(|m| m.status == crate::domain::model::MemberStatus::Active)
        .collect();
    let att = cx.l.attendance(p)?;
    let names = |mark: Attendance| -> String {
        let v: Vec<&str> = active
            .iter()
            .filter(|m| att.get(&m.id) == Some(&mark))
            .map(|m| &*m.name)
            .collect();
        if v.is_empty() {
            w.none.to_string()
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
            w.meeting.to_string(),
            (w.meeting_line)(&ps, &cx.points_word()),
        ),
    );
    meta.insert(
        1,
        (
            w.date.to_string(),
            day.unwrap_or_else(|| w.not_locked_day.to_string()),
        ),
    );
    // Counted over the voting members (active full members), as the quorum is.
    let q = crate::app::Quorum::count(&members, &att);
    let words = super::lang(zh).words().meeting;
    meta.push((w.expected.to_string(), q.expected.to_string()));
    if att.is_empty() {
        meta.push((w.roll_call.to_string(), w.not_recorded.to_string()));
    } else {
        meta.push((w.present.to_string(), q.present.to_string()));
        meta.push((w.on_leave.to_string(), names(Attendance::Leave)));
        meta.push((w.absent.to_string(), names(Attendance::Absent)));
    }
    let valid = if q.quorate() {
        words.quorate
    } else {
        words.inquorate
    };
    meta.push((w.quorum.to_string(), valid.to_string()));
    let claims = cx.l.claims(&ClaimFilter {
        period: Some(ps.clone()),
        ..Default::default()
    })?;
    let count = |s: ClaimStatus| claims.iter().filter(|c| c.status == s).count();
    let decided = Table {
        caption: Some(w.claims_decided.to_string()),
        header: vec![w.verdict.to_string(), w.claims_count.to_string()],
        rows: [
            ClaimStatus::Approved,
            ClaimStatus::Adjusted,
            ClaimStatus::Rejected,
            ClaimStatus::Pending,
        ]
        .into_iter()
        .map(|s| vec![status(w, s).into(), count(s).into()])
        .collect(),
    };
    let changed = Table {
        caption: Some(w.changed_caption.to_string()),
        header: vec![
            w.name.to_string(),
            w.item.to_string(),
            w.claimed.to_string(),
            w.counted.to_string(),
            w.verdict.to_string(),
            w.reason.to_string(),
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
                    status(w, c.status).into(),
                    c.reason.clone().into(),
                ]
            })
            .collect(),
    };
    let conf = cx.l.confirmations(p)?;
    let by_id: HashMap<i64, &str> = members.iter().map(|m| (m.id, &*m.name)).collect();
    let mut disputes: Vec<(&str, String)> = conf
        .iter()
        .filter(|(_, v)| v.0 == ConfirmState::Disputed)
        .map(|(id, v)| {
            (
                by_id.get(id).copied().unwrap_or(""),
                v.1.clone().unwrap_or_default(),
            )
        })
        .collect();
    disputes.sort();
    let disputes = Table {
        caption: Some(w.disputes.to_string()),
        header: vec![w.name.to_string(), w.dispute_words.to_string()],
        rows: disputes
            .into_iter()
            .map(|(n, w)| vec![n.into(), w.into()])
            .collect(),
    };
    let signed = conf
        .values()
        .filter(|c| c.0 == ConfirmState::Confirmed)
        .count();
    let mut notes = vec![(w.sign_off_note)(signed, disputes.rows.len())];
    match (&row.locked_at, &seal) {
        (Some(at), Some(s)) => notes.push((w.locked_note)(
            &at.get(..19).unwrap_or(at).replace('T', " "),
            s,
        )),
        _ => notes.push(w.not_locked_note.to_string()),
    }
    let title = (w.minutes_title)(&cx.l.branch().name, &ps);
    let seals: Vec<(String, String)> = seal.iter().map(|s| (ps.clone(), s.clone())).collect();
    Ok(Doc {
        title: title.clone(),
        branch: cx.l.branch().name.clone(),
        pages: vec![Page {
            sheet: w.sheet_minutes.to_string(),
            heading: title,
            meta,
            tables: vec![decided, changed, disputes],
            notes,
            signatures: vec![w.chair.to_string(), w.recorder.to_string()],
        }],
        footer: seals.iter().map(|(_, s)| (w.verify_line)(s)).collect(),
        seals,
        zh,
    })
}
