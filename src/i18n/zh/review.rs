//! 上级党组织备案台的中文用语: 公示、复议、复议决定书文件.

use crate::app::committee::DeskState;
use crate::app::review::{DecisionFault, ReviewError};
use crate::domain::model::{fmt_points, AppealStatus};
use crate::i18n::review::ReviewWords;

/// Chinese words of the committee's desk.
pub const REVIEW: ReviewWords = ReviewWords {
    posted: |period, now, before, from, days, end| match now {
        0 => format!("{period} 的备案此前均已公示 ({before} 份), 未再公示"),
        n => format!(
            "已公示 {period} 的备案 {n} 份: 自 {from} 起 {days} 个工作日, 至 {end} 止{}",
            if before > 0 {
                format!(" (此前已公示 {before} 份)")
            } else {
                String::new()
            }
        ),
    },
    state: |s| match s {
        DeskState::Received => "已接收".to_string(),
        DeskState::Published { until } => format!("公示中, 至 {until}"),
        DeskState::Final { since } => format!("已定 (公示于 {since} 期满)"),
    },
    filed: |id, branch, period, member, due| {
        format!("已受理复议申请 {id}: {branch} {member} 对 {period} 结果申请复议, 须于 {due} 前作出决定")
    },
    decided: |r| match r.status {
        AppealStatus::Upheld => format!(
            "复议 {} 决定: 予以支持, {} 在 {} 上 {} 分; 请导出决定书交 {}",
            r.id,
            r.member,
            r.item.as_deref().unwrap_or("-"),
            r.points.map(fmt_points).unwrap_or_default(),
            r.branch
        ),
        _ => format!(
            "复议 {} 决定: 维持原结果, {} 的得分不变; 请导出决定书交 {}",
            r.id, r.member, r.branch
        ),
    },
    exported: |file, id, branch, period, head| {
        format!("已写出复议决定书 {file}: 复议 {id}, {branch} {period}, 备案库哈希链头 {head}")
    },
    posted_decision: |file, id, period, member, upheld, before, after| {
        if upheld {
            format!("{file}: 复议 {id} 予以支持; {member} {period} 得分 {before} -> {after} (以更正记入, 封存码不变)")
        } else {
            format!("{file}: 复议 {id} 维持原结果; {member} {period} 得分仍为 {before}")
        }
    },
    again: |file, id, period| {
        format!("{file}: 复议 {id} ({period}) 的决定书此前已接收, 不再重复记入")
    },
    line: |r| {
        let what = match r.status {
            AppealStatus::Upheld => format!(
                "予以支持, {} {} 分",
                r.item.as_deref().unwrap_or("-"),
                r.points.map(fmt_points).unwrap_or_default()
            ),
            AppealStatus::Dismissed => "维持原结果".to_string(),
            _ if r.overdue => format!("待决定, 已逾期 (应于 {} 前)", r.due),
            _ => format!("待决定, 应于 {} 前", r.due),
        };
        format!("复议 {} {}: {what}", r.id, r.member)
    },
    h_reviews: [
        "编号",
        "支部",
        "期次",
        "姓名",
        "状态",
        "决定期限",
        "分值",
        "理由",
    ],
    status: |s| match s {
        AppealStatus::Upheld => "予以支持",
        AppealStatus::Dismissed => "维持原结果",
        AppealStatus::Open => "待决定",
    },
    none: "尚无复议申请",
    closed_by: |status, review| format!("{status} (上级复议 {review} 决定)"),
    refusal,
};

fn fault(f: &DecisionFault) -> String {
    match f {
        DecisionFault::Truncated => "文件不完整 (JSON 未结束)".into(),
        DecisionFault::NotJson { line, column } => {
            format!("不是 JSON (第 {line} 行第 {column} 列)")
        }
        DecisionFault::NotDecision => "不是 jifen 的复议决定书".into(),
        DecisionFault::IsFiling => "这是备案文件, 应由上级党组织的备案库接收".into(),
        DecisionFault::Version { found } => {
            format!("决定书格式版本为 {found}; 本 jifen 只读版本 1")
        }
        DecisionFault::Malformed { detail } => format!("缺少字段或字段格式不对 ({detail})"),
        DecisionFault::EventEdited => {
            "决定书所载上级党组织的决定记录与其哈希不符: 文件被改动过".into()
        }
        DecisionFault::Differs { field } => {
            format!("{field} 与上级党组织的决定记录不符: 文件被改动过")
        }
    }
}

fn refusal(e: &ReviewError) -> String {
    match e {
        ReviewError::NothingToPost { period } => format!("尚未接收 {period} 的备案: 无可公示"),
        ReviewError::BadDays { days } => format!("{days} 天: 公示期为 1 至 60 个工作日"),
        ReviewError::NoSuchReview { id } => format!("没有编号为 {id} 的复议申请"),
        ReviewError::Decided { id, outcome } => {
            let o = if outcome == "upheld" { "予以支持" } else { "维持原结果" };
            format!("复议 {id} 已作出决定 ({o}): 决定不再更改")
        }
        ReviewError::NotDecided { id } => {
            format!("复议 {id} 尚未作出决定: 请先决定 (`jifen review decide {id} uphold|dismiss`)")
        }
        ReviewError::NeedsText => "复议申请须写明党员的申请内容 (--text)".into(),
        ReviewError::UnknownMember { branch, period, member } => {
            format!("{branch} {period} 的备案中没有 {member}")
        }
        ReviewError::UnknownItem { scheme, item } => format!("方案 {scheme} 中没有 {item} 这一项"),
        ReviewError::UpheldNeedsPoints => {
            "予以支持须给出分值 --points 和项目 (--item 代码, 或申请时所列项目)".into()
        }
        ReviewError::PointsOnlyUpheld => "--points 和 --item 只用于予以支持 (`uphold`)".into(),
        ReviewError::PointsZero => "0 分无须更正: 请给出加回或扣减的分值".into(),
        ReviewError::NotADecision => "复议决定只有予以支持 (`uphold`) 或维持原结果 (`dismiss`)".into(),
        ReviewError::File { file, fault: f } => format!("{file}: {}", fault(f)),
        ReviewError::OtherBranch { file, for_branch, here } => format!(
            "{file}: 这份决定书是给 {for_branch} 的, 本库是 {here} 的: 拒收, 未作任何改动"
        ),
        ReviewError::UnknownSeal { file, period, seal } => format!(
            "{file}: 决定书针对的是 {period} 封存码为 {seal} 的备案, 本支部从未封存过它: 拒收, 未作任何改动"
        ),
        ReviewError::NoSuchMember { file, member } => {
            format!("{file}: 决定书涉及的 {member} 不是本支部党员: 拒收")
        }
        ReviewError::BadAppeal { appeal } => {
            format!("--appeal {appeal}: 申诉编号是支部登记时给出的正整数 (`jifen appeal list`)")
        }
        ReviewError::NoSuchAppeal { file, appeal } => format!(
            "{file}: 决定书了结的是申诉 {appeal}, 本支部没有这一申诉: 拒收, 未作任何改动"
        ),
        ReviewError::AppealClosed { file, appeal, status } => {
            let s = if *status == AppealStatus::Upheld {
                "予以支持"
            } else {
                "维持原结果"
            };
            format!("{file}: 决定书了结的申诉 {appeal} 已办结 ({s}): 拒收, 未作任何改动")
        }
        ReviewError::AppealOther { file, appeal, member, period } => format!(
            "{file}: 申诉 {appeal} 是 {member} 对 {period} 的申诉, 与决定书所涉党员或期次不符: 拒收, 未作任何改动"
        ),
        ReviewError::IntoCommittee { path } => format!(
            "{path} 是上级党组织的备案库: 复议决定书由支部接收 (`jifen --db 支部库 filing receive 文件`)"
        ),
    }
}
