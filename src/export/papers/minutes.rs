//! The minutes of the assembly (支部党员大会会议记录): time to the minute,
//! place, host and recorder, who attended and who did not and the quorum,
//! the agenda, the appraisal's counts when one was held, the claims decided,
//! the resolutions, and the host's and recorder's signatures.

use super::*;
use crate::app::meeting::MeetingRecord;
use crate::domain::model::Member;

/// The democratic appraisal's ballots, when one was held at the meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AppraisalCounts {
    pub issued: usize,
    pub returned: usize,
    pub valid: usize,
}

/// The minutes, with the ballots of the appraisal held in the period (if one was).
pub(super) fn minutes(cx: &Ctx, p: &PeriodId) -> Result<Doc> {
    let counts = cx.l.appraisal_ballots(p)?.map(|b| AppraisalCounts {
        issued: usize::try_from(b.issued).unwrap_or(0),
        returned: usize::try_from(b.returned).unwrap_or(0),
        valid: usize::try_from(b.valid).unwrap_or(0),
    });
    minutes_with(cx, p, counts.as_ref())
}

/// The minutes; `appraisal`: the ballot counts of an appraisal held at the meeting.
pub(super) fn minutes_with(
    cx: &Ctx,
    p: &PeriodId,
    appraisal: Option<&AppraisalCounts>,
) -> Result<Doc> {
    let (zh, w) = (cx.zh, cx.w);
    let ps = p.to_string();
    let row =
        cx.l.period_row(p)?
            .ok_or_else(|| CoreError::User((w.no_period)(&ps)))?;
    let (mut meta, seal) = cx.period_meta(p)?;
    let rec = cx.l.meeting(p)?;
    let members = cx.l.members()?;
    let att = cx.l.attendance(p)?;
    let mut head = vec![
        (
            w.meeting.to_string(),
            (w.meeting_line)(&cx.period_name(p), &cx.points_word()),
        ),
        (w.time.to_string(), time_line(w, &rec)),
    ];
    let or_unset = |v: &Option<String>| v.clone().unwrap_or_else(|| w.not_recorded.to_string());
    head.push((w.place.to_string(), or_unset(&rec.place)));
    head.push((w.chair.to_string(), or_unset(&rec.host)));
    head.push((w.recorder.to_string(), or_unset(&rec.recorder)));
    meta.splice(0..0, head);
    meta.extend(roll_call_lines(cx, &members, &att));
    let mut tables = vec![numbered(w, w.agenda, &rec.agenda)];
    tables.extend(appraisal_table(w, appraisal));
    tables.extend(claim_tables(cx, p, &members)?);
    tables.push(numbered(w, w.resolutions, &rec.resolutions));
    let conf = cx.l.confirmations(p)?;
    let signed = conf
        .values()
        .filter(|c| c.0 == ConfirmState::Confirmed)
        .count();
    let disputed = conf.len() - signed;
    let mut notes = vec![
        w.voting_note.to_string(),
        (w.sign_off_note)(signed, disputed),
    ];
    match (&row.locked_at, &seal) {
        (Some(at), Some(s)) => notes.push((w.locked_note)(
            &at.get(..19).unwrap_or(at).replace('T', " "),
            s,
        )),
        _ => notes.push(w.not_locked_note.to_string()),
    }
    let title = (w.minutes_title)(&cx.l.branch().name, &cx.period_name(p));
    let seals: Vec<(String, String)> = seal.iter().map(|s| (ps.clone(), s.clone())).collect();
    Ok(Doc {
        title: title.clone(),
        branch: cx.l.branch().name.clone(),
        pages: vec![Page {
            sheet: w.sheet_minutes.to_string(),
            heading: title,
            meta,
            tables,
            notes,
            owner: None,
            signatures: vec![
                w.host_signature.to_string(),
                w.recorder_signature.to_string(),
            ],
        }],
        footer: seals.iter().map(|(_, s)| (w.verify_line)(s)).collect(),
        seals,
        zh,
    })
}

/// When the meeting sat, to the minute: opened (session start or first
/// mark) to closed (the lock), the end's day left out when it is the same.
fn time_line(w: &PaperWords, rec: &MeetingRecord) -> String {
    match (&rec.opened, &rec.closed) {
        (Some(from), Some(to)) => {
            let same_day = from.get(..10) == to.get(..10);
            let to = if same_day {
                to.get(11..).unwrap_or(to)
            } else {
                to
            };
            (w.time_span)(from, to)
        }
        (Some(from), None) => format!("{from} {}", w.not_locked_day),
        (None, Some(to)) => to.clone(),
        (None, None) => w.not_locked_day.to_string(),
    }
}

/// 应到/实到 of the voting members and whether they are a quorum, then the
/// names of everyone marked present, on leave, absent, and the voting
/// members not called.
fn roll_call_lines(cx: &Ctx, members: &[Member], att: &HashMap<i64, Attendance>) -> Meta {
    let w = cx.w;
    let q = crate::app::Quorum::count(members, att);
    let words = super::lang(cx.zh).words().meeting;
    let active: Vec<&Member> = members
        .iter()
        .filter(|m| m.status == crate::domain::model::MemberStatus::Active)
        .collect();
    let names = |pick: &dyn Fn(&Member) -> bool| -> String {
        let v: Vec<&str> = active
            .iter()
            .filter(|m| pick(m))
            .map(|m| &*m.name)
            .collect();
        if v.is_empty() {
            w.none.to_string()
        } else {
            v.join("、")
        }
    };
    let marked = |mark: Attendance| move |m: &Member| att.get(&m.id) == Some(&mark);
    let valid = if q.quorate() {
        words.quorate
    } else {
        words.inquorate
    };
    let counts = (w.attendance_line)(q.expected, q.present, q.leave, q.absent, valid);
    let mut out = vec![(w.quorum.to_string(), counts)];
    if att.is_empty() {
        out.push((w.roll_call.to_string(), w.not_recorded.to_string()));
    } else {
        out.push((w.attended.to_string(), names(&marked(Attendance::Present))));
        out.push((
            w.names_on_leave.to_string(),
            names(&marked(Attendance::Leave)),
        ));
        out.push((
            w.names_absent.to_string(),
            names(&marked(Attendance::Absent)),
        ));
        if q.unmarked > 0 {
            let unmarked = |m: &Member| crate::app::votes(m) && !att.contains_key(&m.id);
            out.push((w.names_unmarked.to_string(), names(&unmarked)));
        }
    }
    out
}

/// A numbered list (the agenda, the resolutions); 未记录 when empty.
fn numbered(w: &PaperWords, caption: &str, lines: &[String]) -> Table {
    let rows = if lines.is_empty() {
        vec![vec![Cell::Empty, w.not_recorded.into()]]
    } else {
        lines
            .iter()
            .enumerate()
            .map(|(i, t)| vec![Cell::from(i + 1), t.clone().into()])
            .collect()
    };
    Table {
        caption: Some(caption.to_string()),
        header: vec![w.seq.to_string(), caption.to_string()],
        rows,
    }
}

/// The appraisal's ballot counts, when one was held.
fn appraisal_table(w: &PaperWords, counts: Option<&AppraisalCounts>) -> Option<Table> {
    // The header names it: a caption above would say it twice.
    counts.map(|c| Table {
        caption: None,
        header: vec![w.appraisal.to_string()],
        rows: vec![vec![(w.ballots_line)(c.issued, c.returned, c.valid).into()]],
    })
}

/// The claims decided (counts per verdict), those adjusted or rejected with
/// the committee's reason, and the members' disputes.
fn claim_tables(cx: &Ctx, p: &PeriodId, members: &[Member]) -> Result<Vec<Table>> {
    let w = cx.w;
    let claims = cx.l.claims(&ClaimFilter {
        period: Some(p.to_string()),
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
    let by_id: HashMap<i64, &str> = members.iter().map(|m| (m.id, &*m.name)).collect();
    let mut disputes: Vec<(&str, String)> =
        cx.l.confirmations(p)?
            .into_iter()
            .filter(|(_, v)| v.0 == ConfirmState::Disputed)
            .map(|(id, v)| {
                (
                    by_id.get(&id).copied().unwrap_or(""),
                    v.1.unwrap_or_default(),
                )
            })
            .collect();
    disputes.sort();
    let disputes = Table {
        caption: Some(w.disputes.to_string()),
        header: vec![w.name.to_string(), w.dispute_words.to_string()],
        rows: disputes
            .into_iter()
            .map(|(n, t)| vec![n.into(), t.into()])
            .collect(),
    };
    Ok(vec![decided, or_none(w, changed), or_none(w, disputes)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_appraisal_counts_print_only_when_one_was_held() {
        let w = Lang::Zh.words().papers;
        assert!(appraisal_table(w, None).is_none());
        let c = AppraisalCounts {
            issued: 30,
            returned: 29,
            valid: 28,
        };
        let t = appraisal_table(w, Some(&c)).expect("held");
        assert_eq!(
            t.rows[0][0].text(),
            "发出测评票 30 张，收回 29 张，有效 28 张"
        );
    }

    #[test]
    fn the_time_runs_to_the_minute_and_drops_a_repeated_day() {
        let w = Lang::Zh.words().papers;
        let rec = MeetingRecord {
            opened: Some("2026-09-30 14:05".into()),
            closed: Some("2026-09-30 16:20".into()),
            ..Default::default()
        };
        assert_eq!(time_line(w, &rec), "2026-09-30 14:05 至 16:20");
        let rec = MeetingRecord {
            closed: Some("2026-10-01 09:00".into()),
            ..rec
        };
        assert_eq!(time_line(w, &rec), "2026-09-30 14:05 至 2026-10-01 09:00");
    }
}
