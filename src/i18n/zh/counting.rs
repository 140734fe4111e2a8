//! 唱票 (民主测评计票) 的中文词语.

use crate::domain::model::fmt_points as p;
use crate::i18n::counting::CountWords;

pub const COUNTING: CountWords = CountWords {
    counting: "民主测评 唱票",
    results: "民主测评结果",
    not_opened: |period| format!("{period} 尚未开始民主测评"),
    running: |member, counted, valid| format!("{member}: 已计 {counted}/{valid} 张"),
    left: |n| format!("还差 {n} 张"),
    over: |n| format!("超出 {n} 张"),
    closed_note: "民主测评已结束, 结果已计入",
    ballot_no: |rater, valid| format!("第 {rater}/{valid} 张票"),
    refused: "未记录",
    ask_open: "开始民主测评?",
    ask_open_info: "测评票张数: 点名到会的有表决权党员, 加上方案规定的群众代表",
    will_issue: |issued, present, reps| {
        format!("将发出 {issued} 张: 到会有表决权党员 {present} 人, 群众代表 {reps} 人")
    },
    ask_ballots: "收回票数与废票",
    ask_close: "结束民主测评并计入结果?",
    result_line: |member, grade, points| match points {
        Some(x) => format!("{member}  {grade}  {} 分", p(x)),
        None => format!("{member}  {grade}"),
    },
    without_result: |n| format!("另有 {n} 人未计票, 无测评结果"),
    close_posts_none: "测评等次与年度积分等次并列, 由支部确定",
    ask_undo: "撤销上一次计票?",
    undo_info: |member, before| format!("{member} 恢复为: {before}"),
    undone: |member| format!("已恢复 {member} 此前的票数"),
    undone_scores: |member, rater, before| {
        format!("已恢复 {member} 第 {rater} 张票此前的评分: {before}")
    },
    nothing_to_undo: "本次没有可撤销的计票",
    none: "无",
    board_progress: |done, all| format!("已唱票 {done}/{all} 人"),
    no_ballots: |period| {
        format!("{period} 点名还没有到会的有表决权党员: 请先点名, 或在下面填写要发出的票数后开始")
    },
    ballots_to_issue: "发出票数",
    ask_points: |member, grade| format!("{member} ({grade}) 的测评分值"),
    points_range: |min, max, now| match now {
        Some(x) => format!("可在 {}-{} 分之间选定, 现为 {} 分", p(min), p(max), p(x)),
        None => format!("可在 {}-{} 分之间选定", p(min), p(max)),
    },
    points_none: |member| format!("{member} 还没有带分值区间的测评等次, 无法选定分值"),
    points_chosen: |member, points| format!("已选定 {member} 的测评分值: {} 分", p(points)),
};
