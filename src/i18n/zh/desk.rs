//! 上级党组织备案台 (控制台与大屏) 的中文用语.

use crate::app::committee::DeskState;
use crate::app::committee_view::LineStatus;
use crate::i18n::desk::DeskWords;

/// Chinese words of the committee's desk.
pub const DESK: DeskWords = DeskWords {
    committee: "上级党组织备案",
    filings: "报备情况",
    ranking: "分类排名",
    branch_ranking: "支部排名",
    reviews: "复议",
    state: |l| {
        let s = match &l.status {
            LineStatus::Filed(DeskState::Received) => "已接收".to_string(),
            LineStatus::Filed(DeskState::Published { until }) => format!("公示中 至 {until}"),
            LineStatus::Filed(DeskState::Final { .. }) => "已定".to_string(),
            LineStatus::Awaited => "待报".to_string(),
            LineStatus::Missing => "逾期未报".to_string(),
        };
        if l.late {
            format!("{s} (迟报)")
        } else {
            s
        }
    },
    summary: |period, due, expected, filed, late, missing, awaited| {
        let mut s = format!("{period}  应报 {expected}  已报 {filed}");
        if late > 0 {
            s.push_str(&format!("  迟报 {late}"));
        }
        if missing > 0 {
            s.push_str(&format!("  逾期未报 {missing}"));
        }
        if awaited > 0 {
            s.push_str(&format!("  待报 {awaited}"));
        }
        s.push_str(&format!("  报送截止 {due}"));
        s
    },
    board_counts: |filed, expected, late, missing| {
        let mut s = format!("已报 {filed}/{expected}");
        if late > 0 {
            s.push_str(&format!("  迟报 {late}"));
        }
        if missing > 0 {
            s.push_str(&format!("  未报 {missing}"));
        }
        s
    },
    h_filings: ["支部", "状态", "印记", "接收日期", "人数", "复议"],
    h_ranking: ["名次", "姓名", "支部", "得分", "支部名次", "等次"],
    h_branch: ["名次", "姓名", "得分", "等次", "星级", "处置"],
    h_reviews: [
        "编号", "支部", "党员", "事项", "状态", "期限", "剩余", "分值",
    ],
    group: |scheme, category, n| format!("{category}  {scheme}  共 {n} 人"),
    days_left: |d| match d {
        d if d < 0 => format!("超期 {} 天", -d),
        0 => "今日到期".to_string(),
        d => format!("{d} 个工作日"),
    },
    overdue: "已超期",
    sort_names: ["按支部", "按状态", "按接收日期"],
    sorted: |s| format!("排序: {s}"),
    none_yet: "还没有收到备案: 按 r 接收收件箱文件夹",
    none_ranked: "该期没有可排名的党员",
    no_reviews: "没有复议申请: 按 n 受理一件",
    no_match: |s| format!("没有找到: {s}"),
    detail: "备案详情",
    d_period: "期次",
    d_state: "状态",
    d_seal: "封账印记",
    d_received: "接收时间",
    d_members: "党员人数",
    d_scheme: "方案",
    d_file: "文件",
    d_sha: "文件摘要",
    d_last_filed: "最近一次报备",
    d_due: "报送截止",
    ask_publish: "公示备案",
    publish_info: |period, n, days, from, end| {
        format!(
            "公示 {period} 未公示的备案 {n} 份:\n自 {from} 起 {days} 个工作日, 至 {end} 止. 确定?"
        )
    },
    ask_receive: "接收备案",
    f_folder: "文件夹或文件路径",
    receive_info: "接收其中每个 .jifen-filing.json 备案文件, 逐份校验",
    receiving: |done, all| format!("接收中 {done}/{all}"),
    receiving_note: "Ctrl-C 退出, 不撤销已接收的备案: 每份文件整份接收或未接收",
    while_receiving: "接收备案时 (其他键不起作用)",
    receipt_failed: |e| format!("无法开始接收「{e}」"),
    receipt_stopped: "接收中断: 已接收的备案保留, 可再次接收该文件夹",
    received: |new, again, refused| format!("新接收 {new} 份, 已有 {again} 份, 拒收 {refused} 份"),
    ask_file: "受理复议申请",
    f_branch: "支部",
    f_member: "党员 (姓名或编号)",
    f_item: "事项 (代码或名称, 可空)",
    f_text: "申请内容",
    f_points: "分值 (如 2 或 -1)",
    f_reason: "理由",
    ask_uphold: "复议决定: 予以支持",
    ask_dismiss: "复议决定: 维持原结果",
    review_info: |id, branch, member, text| format!("复议 {id}: {branch} {member}: {text}"),
    ask_export: "导出复议决定书",
    bad_points: "分值须是数字",
    needs_open: "该复议已作出决定",
    needs_decided: "该复议尚未决定, 不能导出",
    nothing_selected: "没有选中的行",
    search: "搜索支部",
    k_filings: "报备",
    k_ranking: "排名",
    k_reviews: "复议",
    k_screens: "1 报备  2 排名  3 复议",
    k_next_screen: "下一页面",
    k_prev_period: "上一期",
    k_next_period: "下一期",
    k_detail: "详情",
    k_sort: "排序",
    k_search: "搜索",
    k_publish: "公示",
    k_receive: "接收",
    k_branch: "支部排名",
    k_file: "受理",
    k_uphold: "支持",
    k_dismiss: "维持",
    k_export: "导出决定书",
    k_close: "关闭",
    k_leave: "退出 (已接收的保留)",
    board_title: "分类排名",
    board_nothing: "本期尚无备案",
    board_cols: ["名次", "姓名", "支部", "得分"],
};
