//! Words of the assembly's acts in both languages: signing, safe entry, the
//! walk, undo and the quorum. Messages with values are one function each, so
//! that word order stays right per language.

use crate::app::console_support::{HeldLease, LeaseState};
use crate::app::undo::UndoStep;
use crate::app::CoreError;
use crate::app::Quorum;
use crate::i18n::Lang;

/// Fixed words of the assembly's acts.
#[derive(Debug)]
pub struct Meeting {
    /// Conf column: the signature was voided, the member signs again.
    pub conf_again: &'static str,
    /// Confirmation screen: the signature was voided.
    pub status_voided: &'static str,
    /// Confirmation sheet: the points that count.
    pub col_counted: &'static str,
    pub k_next_pending: &'static str,
    /// A roll-call correction withdrew the claim the earlier mark made.
    pub withdrawn: &'static str,
    pub no_more_pending: &'static str,
    pub prompt_undo: &'static str,
    pub nothing_to_undo: &'static str,
    pub quorum: &'static str,
    pub expected: &'static str,
    pub present: &'static str,
    pub leave: &'static str,
    pub absent: &'static str,
    pub unmarked: &'static str,
    pub quorate: &'static str,
    pub quorate_short: &'static str,
    pub inquorate: &'static str,
    pub prompt_inquorate: &'static str,
    pub inquorate_recorded: &'static str,
    pub reason_needed: &'static str,
    /// Overview: the command that opens the room display.
    pub board_command: &'static str,
}

pub const ZH: Meeting = Meeting {
    conf_again: "重签",
    status_voided: "签字已作废:签字后总分有变动,请本人重新确认",
    col_counted: "计分",
    k_next_pending: "下一位待审",
    withdrawn: "已撤回",
    no_more_pending: "没有待审的党员了",
    prompt_undo: "撤销以下操作?",
    nothing_to_undo: "本次会议没有可撤销的操作",
    quorum: "到会",
    expected: "应到",
    present: "实到",
    leave: "请假",
    absent: "缺席",
    unmarked: "未点",
    quorate: "到会过半数,会议有效",
    quorate_short: "会议有效",
    inquorate: "到会未过半数",
    prompt_inquorate: "到会未过半数,仍要封账并记入会议记录?",
    inquorate_recorded: "到会未过半数:封账时一并记入会议记录",
    reason_needed: "调整须填写理由",
    board_command: "大屏终端",
};

pub const EN: Meeting = Meeting {
    conf_again: "void",
    status_voided: "signature void: the total changed after signing; the member signs again",
    col_counted: "counts",
    k_next_pending: "next pending",
    withdrawn: "withdrew",
    no_more_pending: "no member has pending claims",
    prompt_undo: "Undo this?",
    nothing_to_undo: "nothing of this session to undo",
    quorum: "attendance",
    expected: "expected",
    present: "present",
    leave: "leave",
    absent: "absent",
    unmarked: "unmarked",
    quorate: "quorate (more than half present)",
    quorate_short: "quorate",
    inquorate: "not quorate",
    prompt_inquorate: "Not quorate: lock anyway and record it in the minutes?",
    inquorate_recorded: "not quorate: the lock records that it went ahead",
    reason_needed: "an adjustment needs a reason",
    board_command: "Room display",
};

/// The fixed words of a language.
pub fn words(lang: Lang) -> &'static Meeting {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// 应到 / 实到 / 请假 / 缺席 and whether the assembly is quorate, on one line.
pub fn quorum_line(lang: Lang, q: &Quorum) -> String {
    let w = words(lang);
    let mut s = format!(
        "{} {}  {} {}  {} {}  {} {}",
        w.expected, q.expected, w.present, q.present, w.leave, q.leave, w.absent, q.absent
    );
    if q.unmarked > 0 {
        s.push_str(&format!("  {} {}", w.unmarked, q.unmarked));
    }
    s.push_str("  ");
    s.push_str(if q.quorate() { w.quorate } else { w.inquorate });
    s
}

/// The quorum without the members not yet called, for narrow places.
pub fn quorum_short(lang: Lang, q: &Quorum) -> String {
    let w = words(lang);
    format!(
        "{} {}  {} {}  {} {}  {} {}  {}",
        w.expected,
        q.expected,
        w.present,
        q.present,
        w.leave,
        q.leave,
        w.absent,
        q.absent,
        if q.quorate() {
            w.quorate_short
        } else {
            w.inquorate
        }
    )
}

/// One step an undo will take back, in words.
pub fn undo_step(lang: Lang, s: &UndoStep) -> String {
    let zh = lang == Lang::Zh;
    match s {
        UndoStep::Verdict { claim, member } if zh => format!("{member} 申报 #{claim} 的审核"),
        UndoStep::Verdict { claim, member } => format!("verdict on claim #{claim} of {member}"),
        UndoStep::Confirmation { member } if zh => format!("{member} 的签字确认"),
        UndoStep::Confirmation { member } => format!("confirmation of {member}"),
        UndoStep::SignatureBack { member } if zh => format!("恢复 {member} 的签字"),
        UndoStep::SignatureBack { member } => format!("signature of {member} given back"),
        UndoStep::Mark { member } if zh => format!("{member} 的点名"),
        UndoStep::Mark { member } => format!("roll-call mark of {member}"),
        UndoStep::NewClaim { claim, member } if zh => format!("{member} 的新申报 #{claim}"),
        UndoStep::NewClaim { claim, member } => format!("new claim #{claim} of {member}"),
        UndoStep::FollowUp { member, action } if zh => format!("{member} 的跟进事项 {action} 办结"),
        UndoStep::FollowUp { member, action } => format!("follow-up {action} of {member} done"),
        UndoStep::Import { first, claims } if zh => {
            format!("导入的 {claims} 条记录(#{first} 起)")
        }
        UndoStep::Import { first, claims } => {
            format!("import of {claims} claims (#{first} on)")
        }
    }
}

/// Why a console lease binds or not: `最近心跳 3 秒前`, `stale: no heartbeat for 45 s`.
pub fn lease_state(lang: Lang, s: LeaseState) -> String {
    let zh = lang == Lang::Zh;
    match s {
        LeaseState::Live { silent_secs } if zh => format!("最近心跳 {silent_secs} 秒前"),
        LeaseState::Live { silent_secs } => format!("last heartbeat {silent_secs} s ago"),
        LeaseState::Stale {
            silent_secs: Some(n),
        } if zh => format!("已失效:{n} 秒无心跳"),
        LeaseState::Stale {
            silent_secs: Some(n),
        } => format!("stale: no heartbeat for {n} s"),
        LeaseState::Stale { silent_secs: None } if zh => "已失效:心跳时间无法读取".into(),
        LeaseState::Stale { silent_secs: None } => "stale: unreadable heartbeat".into(),
        LeaseState::ProcessGone if zh => "已失效:原控制台进程已不在".into(),
        LeaseState::ProcessGone => "stale: its process is gone".into(),
    }
}

/// A stored time as `2026-12-01 10:00:00` (UTC, as the lease keeps it).
fn lease_time(at: &str) -> String {
    at.chars().take(19).collect::<String>().replace('T', " ")
}

/// The read-only banner of a second console: who holds the lease, since
/// when, and its last heartbeat.
pub fn lease_held(lang: Lang, h: &HeldLease) -> String {
    // What matters most comes first: a status line at 80 columns cuts the tail.
    let (r, since, state) = (&h.row, lease_time(&h.row.since), lease_state(lang, h.state));
    match lang {
        Lang::Zh => format!(
            "只读: 控制台由 {} 使用,{state} (pid {},自 {since} 起)",
            r.holder, r.pid
        ),
        Lang::En => format!(
            "read-only: console held by {}, {state} (pid {}, since {since})",
            r.holder, r.pid
        ),
    }
}

/// What a console says when it took over an abandoned lease, and why it could.
pub fn lease_taken_over(lang: Lang, h: &HeldLease) -> String {
    let (r, since, state) = (&h.row, lease_time(&h.row.since), lease_state(lang, h.state));
    match lang {
        Lang::Zh => format!(
            "已接管 {} 的控制台 (pid {},自 {since} 起):{state}",
            r.holder, r.pid
        ),
        Lang::En => format!(
            "took over the console of {} (pid {}, since {since}): {state}",
            r.holder, r.pid
        ),
    }
}

/// A claim's note as a person reads it: the note a roll-call mark wrote
/// (`roll call: absent`) in the interface language (点名: 缺席), a member's
/// own note as written.
pub fn claim_note(lang: Lang, note: &str) -> String {
    match crate::app::roll_call_mark(note) {
        Some(mark) if lang == Lang::Zh => format!("点名: {}", crate::i18n::attendance(lang, mark)),
        Some(mark) => format!("roll call: {}", crate::i18n::attendance(lang, mark)),
        None => note.to_string(),
    }
}

/// A core error in the interface language (errors without a translation
/// keep the core's English words).
pub fn core_error(lang: Lang, e: &CoreError) -> String {
    crate::i18n::errors::core(lang, e)
}

/// The core errors worded before the refusals were typed (`errors::core` words the rest).
pub(crate) fn worded(lang: Lang, e: &CoreError) -> String {
    match (lang, e) {
        (_, CoreError::Storage { path, fault }) => {
            crate::i18n::errors::storage(lang, path.as_deref(), *fault)
        }
        (_, CoreError::Claim(c)) => crate::i18n::errors::claim(lang, c),
        (Lang::Zh, CoreError::UnknownMember { key, branch }) => {
            format!("{branch} 支部没有成员 '{key}'(请给出编号或完整姓名)")
        }
        (Lang::Zh, CoreError::AmbiguousMember { key, ids }) => format!(
            "有几位成员都叫 '{key}'(编号 {}),请给出编号",
            ids.iter()
                .map(i64::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ),
        (Lang::Zh, CoreError::UnknownClaim(id)) => format!("没有记录 #{id}"),
        (Lang::Zh, CoreError::Open(crate::app::OpenError::NotJifen { path })) => {
            format!("{path}: 不是积分数据库(请先运行 `jifen init` 或 `jifen demo`)")
        }
        (Lang::Zh, CoreError::Open(crate::app::OpenError::TooNew { path, found })) => format!(
            "{path}: 数据库版本 {found} 比本程序能读的 ({}) 新,请换用新版 jifen",
            crate::app::SCHEMA_VERSION
        ),
        (Lang::Zh, CoreError::ReadOnly) => "只读视图:此控制台不能修改记录".to_string(),
        (Lang::Zh, CoreError::PeriodNotOpen(p)) => format!("{p} 尚未开启,请先开启该期"),
        (Lang::Zh, CoreError::PeriodClosed { period, state }) => format!(
            "{period} {},不能再修改(只能申诉和更正)",
            crate::i18n::period_state(lang, state.code())
        ),
        (Lang::Zh, CoreError::ClaimWithdrawn(id)) => format!("申报 #{id} 已撤回"),
        (Lang::Zh, CoreError::ApproveChangesPoints) => {
            "通过按申报分值计分;要改分值请用调整".to_string()
        }
        (Lang::Zh, CoreError::DisputeNeedsWords) => "有异议须记下本人的意见".to_string(),
        (Lang::Zh, CoreError::UndoStale) => "提出撤销后记录又有变动,请重新按 u".to_string(),
        (Lang::Zh, CoreError::UndoPastLock(p)) => format!("{p} 已封账,没有可撤销的操作"),
        (
            Lang::Zh,
            CoreError::PendingClaims {
                member,
                period,
                pending,
            },
        ) => format!("{member} 在 {period} 还有 {pending} 条待审申报,审定后才能签字确认"),
        (
            Lang::Zh,
            CoreError::AdjustOutOfBounds {
                item, points, max, ..
            },
        ) => format!(
            "调整分值 {} 超出「{item}」允许的范围(0 至 {})",
            crate::domain::model::fmt_points(*points),
            crate::domain::model::fmt_points(*max)
        ),
        (
            Lang::Zh,
            CoreError::Inquorate {
                period,
                expected,
                present,
            },
        ) => format!("{period}: 应到 {expected} 实到 {present},到会未过半数"),
        (Lang::Zh, CoreError::NothingToUndo) => words(lang).nothing_to_undo.to_string(),
        (Lang::Zh, CoreError::ReasonNeeded(o)) => match o {
            crate::domain::model::Outcome::Rejected => "驳回须填写理由".to_string(),
            _ => words(lang).reason_needed.to_string(),
        },
        (Lang::Zh, CoreError::Open(o)) => open_error_zh(o),
        (_, CoreError::Import(i)) => crate::i18n::imports::import_error(lang, i),
        _ => e.to_string(),
    }
}

/// A database that would not open, in Chinese.
fn open_error_zh(e: &crate::app::OpenError) -> String {
    use crate::app::OpenError as O;
    match e {
        O::TooNew { path, found } => format!(
            "{path}: 数据库结构版本 {found} 比本程序能读的 ({}) 新, 请改用更新的 jifen",
            crate::app::SCHEMA_VERSION
        ),
        O::NotJifen { path } => {
            format!("{path}: 不是 jifen 数据库 (请先运行 `jifen init` 或 `jifen demo`)")
        }
        other => other.to_string(),
    }
}

/// The points an item allows, with level names in the interface language
/// (`市级 3 / 省级 5 / 国家级 10`, `3`, `0-5`).
pub fn item_points(lang: Lang, item: &crate::domain::scheme::Item) -> String {
    use crate::domain::model::fmt_points;
    if item.levels.is_some() {
        let list: Vec<String> = item
            .levels_by_points()
            .iter()
            .map(|(k, v)| format!("{} {}", crate::i18n::level(lang, k), fmt_points(*v)))
            .collect();
        return list.join(" / ");
    }
    if let Some(p) = item.points {
        return fmt_points(p);
    }
    if item.kind == crate::domain::scheme::ItemKind::Veto {
        return match lang {
            Lang::Zh => "一票否决".into(),
            Lang::En => "veto".into(),
        };
    }
    let max = item.max.map(fmt_points).unwrap_or_else(|| "?".into());
    let by = match lang {
        Lang::Zh => "支委认定",
        Lang::En => "committee",
    };
    format!("{}-{max} {by}", fmt_points(item.min.unwrap_or(0.0)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_of_the_walk_have_chinese_words() {
        let all = [
            CoreError::ReadOnly,
            CoreError::PeriodNotOpen("2026Q4".into()),
            CoreError::PeriodClosed {
                period: "2026Q3".into(),
                state: crate::domain::model::PeriodState::Locked,
            },
            CoreError::ClaimWithdrawn(7),
            CoreError::UnknownClaim(7),
            CoreError::UnknownMember {
                key: "王五".into(),
                branch: "第一支部".into(),
            },
            CoreError::AmbiguousMember {
                key: "张伟".into(),
                ids: vec![3, 9],
            },
            CoreError::Claim(crate::app::ClaimError::RejectedNeedsReason),
            CoreError::Claim(crate::app::ClaimError::NoMember(4)),
            CoreError::ApproveChangesPoints,
            CoreError::DisputeNeedsWords,
            CoreError::UndoStale,
            CoreError::UndoPastLock("2026Q3".into()),
        ]
        .into_iter()
        .chain(
            [
                crate::app::Fault::Busy,
                crate::app::Fault::ReadOnly,
                crate::app::Fault::Duplicate,
                crate::app::Fault::DiskFull,
                crate::app::Fault::Corrupt,
                crate::app::Fault::Refused,
            ]
            .map(|fault| CoreError::Storage { path: None, fault }),
        );
        for e in &all.collect::<Vec<_>>() {
            let zh = core_error(Lang::Zh, e);
            let latin = zh.chars().filter(char::is_ascii_alphabetic).count();
            // Only a period's quarter letter (2026Q4) may stay in Latin letters.
            assert!(latin <= 1, "{e}: {zh}");
            assert_eq!(core_error(Lang::En, e), e.to_string());
        }
    }

    #[test]
    fn roll_call_notes_read_in_the_interface_language() {
        assert_eq!(claim_note(Lang::Zh, "roll call: absent"), "点名: 缺席");
        assert_eq!(claim_note(Lang::Zh, "roll call: leave"), "点名: 请假");
        assert_eq!(
            claim_note(Lang::En, "roll call: absent"),
            "roll call: absent"
        );
        assert_eq!(claim_note(Lang::Zh, "会上补报"), "会上补报");
        assert_eq!(claim_note(Lang::Zh, "roll call: maybe"), "roll call: maybe");
    }
}
