//! 纸质材料的中文用语.

use crate::domain::model::{Category, ClaimStatus, PeriodKind};
use crate::i18n::papers::PaperWords;

/// Chinese words of the papers.
pub const PAPERS: PaperWords = PaperWords {
    category: |c| match c {
        Category::Full => "正式党员",
        Category::Probationary => "预备党员",
        Category::Activist => "入党积极分子",
    },
    status: |s| match s {
        ClaimStatus::Pending => "待审",
        ClaimStatus::Approved => "通过",
        ClaimStatus::Adjusted => "调整",
        ClaimStatus::Rejected => "驳回",
        ClaimStatus::Withdrawn => "撤回",
    },
    kind_bonus: "加分",
    kind_deduction: "减分",
    kind_demerit: "记分",
    kind_offset: "销分",
    kind_veto: "一票否决",
    points: "积分",
    demerit_points: "记分",
    branch: "党支部",
    scheme: "积分方案",
    period: "期间",
    state: "状态",
    locked_at: "封账时间",
    year: "年度",
    periods: "计入期间",
    members_scored: "参评人数",
    exempt: "免评人数",
    publication: "公示期",
    window_days: |n, working| {
        if working {
            format!("{n}个工作日")
        } else {
            format!("{n}天")
        }
    },
    seal: "封存码",
    seal_csv: "封存码",
    csv_part: "分组",
    verify_line: |seal| {
        format!("核验方法：在本支部数据库上运行 jifen verify --seal {seal}，应显示封存码与该期封账相符。")
    },
    page_of: |page, pages| format!("第 {page} 页 共 {pages} 页"),
    stamp: "党支部（盖章）",
    date: "日期",
    actions: "处置",
    corrections: "申诉更正",
    period_name: |p| match p.kind {
        PeriodKind::Year => format!("{}年度", p.year),
        _ => format!("{}年{}", p.year, period_part(p.kind)),
    },
    period_column: |p| match p.kind {
        PeriodKind::Year => format!("{}年度", p.year),
        k => period_part(k).to_string(),
    },
    notice_title: |branch, p, word| format!("{branch} {p} 党员{word}公示表"),
    year_notice_title: |branch, y, word| format!("{branch} {y}年度党员{word}公示表"),
    cards_title: |branch, p, word| format!("{branch} {p} 党员{word}告知卡"),
    card_heading: |name, p, word| format!("{name} {p} {word}告知卡"),
    summary_title: |branch, p, word| format!("{branch} {p} 党员{word}汇总公示卡"),
    filing_title: |branch, p, word| format!("{branch} {p} 党员{word}情况报上级党委备案表"),
    minutes_title: |branch, p| format!("{branch} {p} 党员大会会议记录"),
    sheet_notice: "公示表",
    sheet_year_notice: "年度公示表",
    sheet_summary: "汇总公示卡",
    sheet_filing: "备案表",
    sheet_minutes: "会议记录",
    objections_until: |end, contact| {
        format!(
            "如有异议，请于公示期内（至{end}）向{contact}反映，以书面形式写明姓名、项目和理由。"
        )
    },
    objections_year: |contact| {
        format!("如有异议，请于公示期内向{contact}反映，以书面形式写明姓名、项目和理由。")
    },
    contact: "异议受理",
    contact_fallback: "支部书记",
    draft: "本期尚未封账，此表为草稿。",
    corrections_included: |n| format!("得分已含申诉更正 {n} 项。"),
    card_note: "如对以上记录有异议，请在公示期内向党支部提出申诉。",
    notice_basis: |scheme| {
        format!("根据《{scheme}》，经党员本人申报、支部委员会逐项审核、党员大会评议，现将本期党员积分情况予以公示，接受党员和群众监督。")
    },
    base_score: "基础分",
    bonus_subtotal: "加分小计",
    deduction_subtotal: "减分小计",
    appeal_deadline: "申诉截止日期",
    note: "备注",
    claims: "申报事项",
    claims_line: |n, approved, adjusted, rejected| {
        format!("{n} 条：通过 {approved}，调整 {adjusted}，驳回 {rejected}")
    },
    sign_off: "签字确认",
    sign_off_line: |signed, disputed, unsigned| {
        format!("已签字 {signed}，有异议 {disputed}，未签字 {unsigned}")
    },
    secretary: "支部书记签字",
    date_filed: "报送日期",
    rank: "排名",
    name: "姓名",
    category_head: "类别",
    group: "党小组",
    score: "得分",
    year_score: "年度得分",
    grade: "等次",
    points_grade: "积分等次",
    appraisal_grade: "测评等次",
    final_grade: "评定等次",
    grade_consequence: |g, text| format!("评定为{g}的：{text}"),
    year_scores: "各期得分",
    year_card_heading: |name, y, word| format!("{name} {y}年度{word}告知卡"),
    year_cards_title: |branch, y, word| format!("{branch} {y}年度党员{word}告知卡"),
    card_foot: |name, page, pages| format!("{name} 告知卡  第 {page} 页 共 {pages} 页"),
    card_foot_name: |name| format!("{name} 告知卡"),
    stars: "星级",
    signed: "已签字",
    disputed: "有异议",
    not_signed: "未签字",
    item: "项目",
    kind: "类型",
    level: "级别",
    count: "次数",
    claimed: "申报分值",
    counted: "认定分值",
    verdict: "结论",
    reason: "理由",
    recorded_items: "记录事项",
    corrections_caption: "申诉更正",
    correction_points: "更正分值",
    total: "合计得分",
    member_signature: "本人签字",
    appeals_caption: "申诉与复议",
    number: "编号",
    appeal: "申诉内容",
    stage: "阶段",
    outcome: "结果",
    reply: "答复",
    correction: "更正",
    stage_branch: "支部",
    stage_higher: "上级复议",
    upheld: "更正",
    dismissed: "维持",
    appeal_open: |due| format!("办理中（期限{due}）"),
    appeals_tally: |n, up, down, open| {
        format!("共 {n} 件：更正 {up} 件，维持原结果 {down} 件，办理中 {open} 件")
    },
    none: "无",
    meeting: "会议",
    meeting_line: |p, word| format!("{p} 党员大会（{word}评议）"),
    not_locked_day: "（未封账）",
    expected: "应到",
    roll_call: "点名",
    not_recorded: "未记录",
    present: "实到",
    on_leave: "请假",
    absent: "缺席",
    quorum: "到会情况",
    claims_decided: "申报认定情况",
    claims_count: "条数",
    changed_caption: "调整与驳回事项",
    disputes: "异议",
    dispute_words: "异议内容",
    sign_off_note: |signed, disputed| {
        format!("签字确认：已签字 {signed} 人，有异议 {disputed} 人。")
    },
    locked_note: |at, seal| format!("{at} 封账，封存码 {seal}。"),
    not_locked_note: "本期尚未封账。",
    chair: "主持人",
    recorder: "记录人",
    place: "地点",
    opened: "开会时间",
    closed: "封账时间",
    time: "时间",
    time_span: |from, to| format!("{from} 至 {to}"),
    agenda: "会议议程",
    resolutions: "会议决议",
    seq: "序号",
    meeting_nothing_given:
        "没有要记录的内容: 请给出 --place、--host、--recorder、--agenda 或 --resolution",
    meeting_set_done: |p, place, host, recorder, agenda, resolutions| {
        format!("{p} 会议记录已更新: 地点 {place}, 主持人 {host}, 记录人 {recorder}, 议程 {agenda} 项, 决议 {resolutions} 项")
    },
    attended: "出席人员",
    names_on_leave: "请假人员",
    names_absent: "缺席人员",
    names_unmarked: "未点名",
    attendance_line: |expected, present, leave, absent, valid| {
        format!("应到 {expected} 人，实到 {present} 人，请假 {leave} 人，缺席 {absent} 人；{valid}")
    },
    voting_note: "应到、实到按有表决权的正式党员计；预备党员、入党积极分子列席，不计入。",
    appraisal: "民主测评",
    ballots_line: |issued, returned, valid| {
        format!("发出测评票 {issued} 张，收回 {returned} 张，有效 {valid} 张")
    },
    grade_counts: "等次人数",
    star_counts: "星级人数",
    headcount: "人数",
    sum: "合计",
    ungraded: "未评等次",
    no_star: "无星",
    consequences: "处置事项",
    exempt_caption: "免评党员",
    exempt_reason: "免评理由",
    exempt_reason_default: "经本人申请、党支部研究同意，不参加积分管理",
    fingerprint: "本表数据指纹",
    filing_check: "核对：jifen filing verify <备案文件>",
    host_signature: "主持人（签字）",
    recorder_signature: "记录人（签字）",
    no_period: |p| format!("本支部没有 {p} 这一期"),
    per_period_only: |what, y| format!("{what}按期制作 (例如 --period {y}Q4), 不按年度"),
    needs_seal: |p, what| {
        format!("{p} 尚未封账: {what}要附该期的封存码; 请先运行 `jifen lock {p}`")
    },
    what_cards: "告知卡",
    what_summary: "汇总公示卡",
    what_filing: "备案报告",
    what_minutes: "会议记录",
};

/// A part of the year in words: 第四季度, 上半年.
fn period_part(k: PeriodKind) -> &'static str {
    match k {
        PeriodKind::Quarter(1) => "第一季度",
        PeriodKind::Quarter(2) => "第二季度",
        PeriodKind::Quarter(3) => "第三季度",
        PeriodKind::Quarter(_) => "第四季度",
        PeriodKind::Half(1) => "上半年",
        PeriodKind::Half(_) => "下半年",
        PeriodKind::Year => "全年",
    }
}
