//! 民主测评的中文词语.

use crate::domain::model::fmt_points as p;
use crate::i18n::appraisal::AppraisalWords;

pub const APPRAISAL: AppraisalWords = AppraisalWords {
    title: "民主测评",
    count: &super::counting::COUNTING,
    ballot_paper: "民主测评票",
    result_paper: "测评结果统计表",
    number: "序号",
    member: "姓名",
    blank: "弃权",
    counted: "已计票数",
    grade: "测评等次",
    points: "得分",
    rater: "票号",
    issued: "发出",
    returned: "收回",
    spoiled: "废票",
    valid: "有效票",
    representatives: "群众代表",
    complete: "已计完",
    incomplete: "未计完",
    open: "进行中",
    closed: "已结束",
    vote_note:
        "请在每位党员所选等次下的方框内画“√”, 每人只选一项; 不画视为弃权, 多画视为该人弃权。",
    score_note: "请对照考核细则为每位党员逐项打分, 不超过该项满分:",
    secret_note: "本票不记名, 投票人不写姓名。",
    counted_by: "计票人",
    checked_by: "监票人",
    part_max: |title, max| format!("{title}(满分 {})", p(max)),
    paper_head: |branch, period| format!("{branch}  {period}"),
    ballots_line: |issued, reps, returned, spoiled, valid| {
        let reps = match reps {
            0 => String::new(),
            r => format!("(含群众代表 {r} 张)"),
        };
        format!("发出 {issued} 张{reps}, 收回 {returned} 张, 废票 {spoiled} 张, 有效票 {valid} 张")
    },
    opened: |period, ballots| format!("{period} 民主测评开始: {ballots}"),
    recorded: |member, counted, valid, grade| match grade {
        Some(g) => format!("{member}: 已计 {counted}/{valid} 张, 当前等次 {g}"),
        None => format!("{member}: 已计 {counted}/{valid} 张, 尚无等次"),
    },
    imported: |n, file| format!("从 {file} 导入 {n} 行测评票数"),
    closed_line: |period, results, posted| {
        format!("{period} 民主测评结束: {results} 名党员有测评结果, {posted} 条得分已计入积分")
    },
    progress: |done, all| format!("已计完 {done}/{all} 人"),
    written: |n, dir| format!("已写出 {n} 个文件到 {dir}"),
};
