//! 会议各环节的中文用语.

use crate::app::console_support::LeaseState;
use crate::app::undo::UndoStep;
use crate::i18n::meeting::Meeting;

/// Chinese words of the assembly's acts.
pub const MEETING: Meeting = Meeting {
    conf_again: "重签",
    status_voided: "签字已作废:签字后总分有变动,请本人重新确认",
    col_counted: "计分",
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
    undo_step: |s| match s {
        UndoStep::Verdict { claim, member } => format!("{member} 申报 #{claim} 的审核"),
        UndoStep::Confirmation { member } => format!("{member} 的签字确认"),
        UndoStep::SignatureBack { member } => format!("恢复 {member} 的签字"),
        UndoStep::Mark { member } => format!("{member} 的点名"),
        UndoStep::NewClaim { claim, member } => format!("{member} 的新申报 #{claim}"),
        UndoStep::FollowUp { member, action } => format!("{member} 的跟进事项 {action} 办结"),
        UndoStep::Import { first, claims } => format!("导入的 {claims} 条记录(#{first} 起)"),
        UndoStep::Redemption {
            member,
            count,
            title,
            title_zh,
        } => (crate::i18n::redemption::ZH.undo_step)(
            member,
            *count,
            title_zh.as_deref().unwrap_or(title),
        ),
        UndoStep::YearGrade {
            member,
            year,
            undone,
            back,
            default,
        } => {
            let name = |g: &Option<crate::app::year_grade::GradeName>| {
                g.as_ref().map_or(String::new(), |g| g.name_zh.clone())
            };
            let undone = match undone {
                Some(_) => format!("「{}」", name(undone)),
                None => "的恢复默认".to_string(),
            };
            let back = match default {
                true => format!("默认「{}」", name(back)),
                false => format!("「{}」", name(back)),
            };
            format!("{member} {year} 年评定等次{undone}, 恢复为{back}")
        }
    },
    lease_state: |s| match s {
        LeaseState::Live { silent_secs } => format!("最近心跳 {silent_secs} 秒前"),
        LeaseState::Stale {
            silent_secs: Some(n),
        } => format!("已失效:{n} 秒无心跳"),
        LeaseState::Stale { silent_secs: None } => "已失效:心跳时间无法读取".into(),
        LeaseState::ProcessGone => "已失效:原控制台进程已不在".into(),
    },
    lease_held: |holder, pid, state, since| {
        format!("只读: 控制台由 {holder} 使用,{state} (pid {pid},自 {since} 起)")
    },
    lease_taken_over: |holder, pid, since, state| {
        format!("已接管 {holder} 的控制台 (pid {pid},自 {since} 起):{state}")
    },
};
