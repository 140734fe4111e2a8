//! 大屏的中文用语.

use crate::i18n::board::BoardWords;
use crate::i18n::Lang;

/// Chinese words of the board.
pub const BOARD: BoardWords = BoardWords {
    lang: Lang::Zh,
    verdict_final: "最终结果",
    verdict_published: "公示中 可申诉",
    verdict_locked: "已封账 待公示",
    verdict_preliminary: "初步结果",
    seal: "封存码",
    frozen_at: |clock| format!("冻结于 {clock}  非实时"),
    revealing_at: |clock| format!("揭晓中  冻结于 {clock}"),
    revealed_at: |clock| format!("已揭晓  冻结于 {clock}  非实时"),
    rank: "名次",
    name: "姓名",
    score: "得分",
    demerits: "记分",
    grade: "等次",
    grade_projected: "预计等次",
    projected: |mark| format!("预计{mark}"),
    projected_legend: "等次为预计,以年终评定为准",
    move_head: "升降",
    signed_head: "签字",
    signed_yes: "已签字",
    signed_disputed: "有异议",
    signed_not_yet: "未签字",
    tied: |n| format!("并列{n}人"),
    place: |rank| format!("第{rank}名"),
    stars: |n| format!("{n}星"),
    moved: |by| {
        if by > 0 {
            format!("升{by}")
        } else {
            format!("降{}", -by)
        }
    },
    page: |page, pages| format!("第 {page}/{pages} 页"),
    lower_is_better: "记分越少越好",
    overtime: "已超时",
    pending: |n| format!("另有 {n} 项待审"),
    no_public_items: "无公开事项",
    no_period: "尚无考评期",
    nothing_to_show: "本期尚无申报,暂无可显示的排名",
    no_members: "尚无排名",
    unknown_member: "该党员不在本期排名中",
    db_gone: "数据库文件不见了",
    db_locked: "数据库被长时间锁定",
    db_error: "无法读取数据库",
    retrying: |secs| format!("正在自动重试({secs} 秒),显示的是最后读到的结果"),
};
