//! 命令行的中文用语.

use super::common::COMMON;
use super::console::CONSOLE;
use crate::domain::model::{AppealStage, AppealStatus};
use crate::i18n::cli::CliWords;

fn days(n: u32, working: bool) -> String {
    if working {
        format!("{n} 个工作日")
    } else {
        format!("{n} 天")
    }
}

/// Chinese words of the command line.
pub const CLI: CliWords = CliWords {
    init_needs_branch: "init 需要支部名称: --branch 名称",
    correction_needs_both: "更正须同时给出 --item 和 --points",
    publish_needs_period: "请给出要公示的期次, 或用 --check",
    done: "已办结",
    overdue: "逾期",
    h_members: ["编号", "姓名", "类别", "层次", "党小组", "状态"],
    h_periods: ["期次", "状态", "封存码", "公示截止"],
    h_claims: [
        "编号",
        "期次",
        "党员",
        "项目代码",
        "事项",
        "级别",
        "次数",
        "分值",
        "状态",
        "理由",
    ],
    h_rank: ["名次", "党员", "类别"],
    h_rank_tail: ["得分", "等次", "星级", "处置", "签字确认"],
    h_statement: ["编号", "事项", "级别", "次数", "分值", "状态", "理由"],
    h_appeals: [
        "编号",
        "期次",
        "姓名",
        "阶段",
        "状态",
        "答复期限",
        "剩余工作日",
        "更正",
        "申诉内容",
    ],
    h_follow_ups: ["党员", "得分", "名次", "处置代码", "处置", "办结", "说明"],
    h_schemes: ["代码", "名称", "周期", "项目数"],
    no_database: |path| format!("{path}: 没有这个数据库"),
    no_backup: |path| format!("{path}: 没有这个备份"),
    gen_exists: |path| format!("{path}: 文件已存在; gen 只写新的数据库"),
    file_error: |path, e| {
        use std::io::ErrorKind as K;
        let why = match e.kind() {
            K::NotFound => "找不到该文件或目录".to_string(),
            K::PermissionDenied => "没有读写权限".to_string(),
            K::AlreadyExists => "已经存在".to_string(),
            K::IsADirectory => "是一个目录, 不是文件".to_string(),
            _ => format!("读写失败 ({e})"),
        };
        format!("{path}: {why}")
    },
    retotal_differs: |path, n| {
        format!("{path}: {n} 个保存的得分与明细不符 (运行 `jifen retotal` 重写)")
    },
    no_scheme: |id, ids| format!("没有内置方案「{id}」(可选: {ids})"),
    demo_written: |path| format!("演示支部已写入 {path}"),
    demo_board: |path| format!("大屏 (另开一个终端): jifen board --db {path}"),
    branch_made: |branch, scheme, path| format!("支部 {branch} 采用方案 {scheme}, 数据库 {path}"),
    imported_members: |n| format!("已导入 {n} 名党员"),
    imported_claims: |n| format!("已导入 {n} 条申报"),
    renamed: |id, old, new| format!("党员 {id} {old} 已改名为 {new}"),
    period_opened: |p| format!("期次 {p} 已开启, 开始申报"),
    period_started: |p| format!("期次 {p} 会议进行中"),
    verdict_given: |claim, member, status, points| {
        format!("{member} 的申报 #{claim} {status}: 计 {points} 分")
    },
    confirmed: |member, p| format!("{member} 已签字确认 {p} 的积分明细"),
    disputed: |member, p| format!("{member} 对 {p} 的积分明细提出异议"),
    marked: |member, mark, p, withdrawn, made| {
        let mut s = format!("{p} 点名: {member} {mark}");
        if let Some(id) = withdrawn {
            s.push_str(&format!("; 申报 #{id} 已撤回"));
        }
        if let Some(id) = made {
            s.push_str(&format!("; 申报 #{id} 待审"));
        }
        s
    },
    locked: |p, n| format!("{p} 已封账 ({n} 名党员)"),
    unconfirmed: |names| format!("未签字: {names}"),
    seal: |seal| format!("封存码 {seal}"),
    undone: |what| format!("已撤销: {what}"),
    verified: |n| format!("核验通过: {n} 条日志, 链条完整, 现状与日志一致"),
    verified_lock: |p, seal| format!("{p} 已封账: 封存码 {seal}, 得分相符"),
    seal_matches: |p| format!("封存码与 {p} 的封账相符"),
    restored: |db, from, lost, kept| {
        let mut s = format!("已从 {from} 恢复 {db} (舍弃较新的日志 {lost} 条)");
        if let Some(k) = kept {
            s.push_str(&format!("; 被替换的数据库保留为 {k}"));
        }
        s
    },
    generated: |members, branches, years, secs| {
        format!("已生成 {branches} 个支部的 {members} 名党员, {years} 年, 用时 {secs:.1} 秒")
    },
    setting_set: |key, value, branch| format!("支部 {branch} 的 {key} 已设为 {value}"),
    published_until: |p| match p.window_end {
        Some(end) => format!("公示至 {end} ({})", days(p.days, p.working_days)),
        None => String::new(),
    },
    published: |p, end| format!("{p} 公示至 {end}"),
    provisional_calendar: "注意: 该年的节假日表为估计, 请核对 data/holidays 或 holidays.toml",
    finalized: |p| format!("{p} 已定案"),
    appeal_filed: |id, due| format!("申诉 {id}: 答复期限 {due}"),
    appeal_at_higher: |id, due| format!("申诉 {id} 已提交上级复议, 答复期限 {due}"),
    appeal_replied: |id, status, correction| match correction {
        Some(c) => format!("申诉 {id} {status}: 更正 {c}"),
        None => format!("申诉 {id} {status}"),
    },
    appeal_status: |status, overdue| {
        match (status, overdue) {
            (AppealStatus::Open, true) => "逾期",
            (AppealStatus::Open, false) => "办理中",
            (AppealStatus::Upheld, _) => "更正",
            (AppealStatus::Dismissed, _) => "维持",
        }
        .to_string()
    },
    window_line: |p, finalized| {
        let end = p.window_end.map(|d| d.to_string()).unwrap_or_default();
        let state = crate::i18n::period_state(crate::i18n::Lang::Zh, p.state);
        let what = if finalized {
            "现已定案".to_string()
        } else if !p.closed {
            format!("公示至 {end}")
        } else {
            format!("公示期已于 {end} 届满, 办理中的申诉 {} 件", p.open_appeals)
        };
        let overdue = if p.overdue_appeals > 0 {
            format!(", 逾期 {} 件", p.overdue_appeals)
        } else {
            String::new()
        };
        format!("{} {state}: {what}{overdue}", p.period)
    },
    follow_up_done: |member, action, scope| format!("{member} {scope} {action}: 已办结"),
    rank_heading: |branch, scope, state, seal| match seal {
        Some(s) => format!("{branch} {scope} {state} 封存码 {s}"),
        None => format!("{branch} {scope} {state}"),
    },
    statement_total: |total, rank, of, grade, stars| {
        let stars = stars.map(|n| format!(" {n}星")).unwrap_or_default();
        format!("总分 {total}  名次 {rank}/{of}  {grade}{stars}")
    },
    unknown_paper: |p| {
        format!("没有「{p}」这种材料 (可选: `notice` 公示表, `cards` 告知卡, `summary` 汇总公示卡, `filing` 备案表, `minutes` 会议记录, `all` 全部)")
    },
    unknown_format: |f| format!("不支持「{f}」格式 (可选: csv, xlsx, html)"),
    bad_period: |text| format!("「{text}」不是期次 (应如 2026Q4、2026H2 或 2026)"),
    cell_category: COMMON.category,
    cell_member_status: COMMON.member_status,
    cell_claim_status: COMMON.claim_status,
    cell_confirmation: COMMON.confirmation,
    cell_attendance: COMMON.attendance,
    cell_period_state: |s| COMMON.period_state(s),
    cell_level: COMMON.level,
    cell_stage: |s| match s {
        AppealStage::Branch => CONSOLE.stage_branch.to_string(),
        AppealStage::Higher => CONSOLE.stage_higher.to_string(),
    },
};
