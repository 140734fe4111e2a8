//! 备案的中文用语.

use crate::app::filing::{FileFault, FilingError};
use crate::app::JournalFault;
use crate::i18n::filing::FilingWords;

/// Chinese words of the filing.
pub const FILING: FilingWords = FilingWords {
    exported: |file, branch, period, seal, members, events| {
        format!("已写出备案文件 {file}: {branch} {period}, 党员 {members} 名, 记录 {events} 条, 封存码 {seal}")
    },
    verified: |file, branch, period, seal| {
        format!("{file}: {branch} {period} 核验通过, 封存码 {seal}")
    },
    other_scheme: |s| format!("注意: 名册规定的方案是 {s}, 与备案所用方案不符"),
    received: |file, branch, period, seal| {
        format!("{file}: 已接收 {branch} {period} 的备案, 封存码 {seal}")
    },
    duplicate: |file, branch, period, seal| {
        format!("{file}: {branch} {period} 的这份备案此前已接收 (封存码 {seal}), 不再重复接收")
    },
    verified_received: |n| format!("备案库核验通过: 已接收的 {n} 份备案均与其文件相符"),
    verified_seal: |seal, branch, period| {
        format!("封存码 {seal} 与已接收的 {branch} {period} 的备案相符, 该备案完好")
    },
    made_committee: |path| format!("已新建上级党组织的备案库 {path}"),
    receive_summary: |got, again, refused| {
        format!("接收 {got} 份, 此前已接收 {again} 份, 拒收 {refused} 份")
    },
    h_list: ["支部", "期次", "状态", "党员数", "封存码", "接收时间"],
    h_missing: ["支部", "期次", "最近备案期次"],
    missing_line: |period, branches| format!("{period} 未备案: {}", branches.join(", ")),
    none_received: |period| match period {
        Some(p) => format!("尚未接收 {p} 的备案"),
        None => "尚未接收任何备案".to_string(),
    },
    h_category: [
        "方案",
        "类别",
        "名次",
        "支部",
        "姓名",
        "得分",
        "支部内名次",
        "等次",
    ],
    h_rank: ["名次", "姓名", "得分", "等次", "星级", "处置"],
    needs_period: "备案库的排名须给出期次: --period 期次",
    gen_quarter: "全县备案按季度生成, 例如 --period 2026Q4",
    generated: |n, dir, secs| format!("已在 {dir} 写出 {n} 个支部的备案文件, 用时 {secs:.1} 秒"),
    needs_branch: "复议申请针对某一支部的备案: 请给出 --branch 支部名称",
    key_label: "备案文件",
    receiving: "接收备案",
    roster_imported: |file, n, replaced, never| {
        let mut s = format!("已从 {file} 导入应报支部名册: {n} 个支部");
        if replaced > 0 {
            s.push_str(&format!(", 取代原名册 ({replaced} 个支部)"));
        }
        if never > 0 {
            s.push_str(&format!(", 其中 {never} 个从未报备"));
        }
        s
    },
    h_roster: ["支部", "方案", "最近备案期次"],
    no_roster: "尚未导入应报支部名册 (`jifen filing roster import 文件`)",
    never_filed: "从未报备",
    refusal,
};

fn journal(seq: i64, fault: &JournalFault) -> String {
    match fault {
        JournalFault::ChainBroken => format!("哈希链在第 {seq} 条记录处断开"),
        JournalFault::Edited => format!("第 {seq} 条记录的哈希不符: 记录被改动过"),
        JournalFault::Unreadable => format!("第 {seq} 条记录的内容无法读取"),
        JournalFault::NotCompact => {
            format!("第 {seq} 条记录的内容不是 jifen 写出的紧凑格式: 被改动过")
        }
        JournalFault::KindMismatch { .. } => format!("第 {seq} 条记录的类型与内容不符"),
        JournalFault::NoReplay { .. } => format!("第 {seq} 条记录无法重放"),
    }
}

fn fault(f: &FileFault) -> String {
    match f {
        FileFault::Truncated => "文件不完整 (在中途被截断)".into(),
        FileFault::NotJson { line, column } => {
            format!("不是 json 格式的文件 (第 {line} 行第 {column} 列)")
        }
        FileFault::NotFiling => "不是 jifen 备案文件".into(),
        FileFault::Version { found } => format!("备案文件格式版本为 {found}, 本 jifen 只认版本 1"),
        FileFault::Malformed { detail } => format!("备案文件缺项或有项格式不对 ({detail})"),
        FileFault::NoEvents => "备案文件没有任何记录, 无从核对".into(),
        FileFault::Gap { seq, expected } => format!("记录编号不连续: 应为 {expected}, 却是 {seq}"),
        FileFault::Journal { seq, fault, .. } => journal(*seq, fault),
        FileFault::NotSealEvent { seq } => format!("最后一条记录 (第 {seq} 条) 不是本期的封账记录"),
        FileFault::SealMismatch { file_seal, head } => {
            format!("封存码不符: 文件写的是 {file_seal}, 封账记录的哈希是 {head}")
        }
        FileFault::BranchDiffers {
            field,
            file_says,
            events_give,
        } => {
            format!("支部信息 {field} 不符: 文件写的是 {file_says}, 记录得出 {events_give}")
        }
        FileFault::ResultDiffers {
            member,
            field,
            file_says,
            events_give,
        } => format!(
            "{member}的{}不符: 文件写的是 {file_says}, 记录得出 {events_give}",
            field_zh(field)
        ),
        FileFault::MemberMissing { member } => format!("记录中有 {member} 的结果, 文件里却没有"),
        FileFault::NoReceipt => "备案库的记录中没有这份备案 (或与所存不符) 的接收记录: 备案库在 jifen 之外被改动过".into(),
        FileFault::StoredTextEdited => {
            "备案库中保存的这份备案与接收时不符: 备案库在 jifen 之外被改动过".into()
        }
        FileFault::StoredDiffers { member, field, file_says, stored } => format!(
            "备案库中 {member}的{}与所存文件不符: 文件写的是 {file_says}, 库中是 {stored}: 备案库在 jifen 之外被改动过",
            field_zh(field)
        ),
        FileFault::MemberExtra { member } => format!("文件里有 {member} 的结果, 记录中却没有此人"),
    }
}

fn field_zh(field: &str) -> &'static str {
    match field {
        "score" => "得分",
        "rank" => "名次",
        "grade" => "等次",
        "stars" => "星级",
        "actions" => "处置",
        "confirmation" => "签字确认",
        "category" => "类别",
        "status" => "状态",
        "member" => "姓名",
        "ranking" => "排名组",
        "group" => "党小组",
        _ => "结果",
    }
}

fn refusal(e: &FilingError) -> String {
    match e {
        FilingError::NotLocked { period, .. } => {
            format!("{period} 尚未封账, 不能备案: 封账后才能写出备案文件")
        }
        FilingError::NoLockEvent { period } => {
            format!("{period} 已封账, 但记录日志中找不到封账记录: 数据库已损坏, 请运行 `jifen verify`")
        }
        FilingError::File { file, fault: f } => format!("{file}: {}", fault(f)),
        FilingError::CommitteeDatabase { path } => format!(
            "{path} 是上级党组织的备案库, 只接收和查看各支部的备案 (`jifen filing ...`, `jifen --branch 支部 rank`), 不能在这里记分"
        ),
        FilingError::BranchDatabase { path } => format!(
            "{path} 是支部的台账, 不能接收其他支部的备案: 请用上级党组织的备案库 (`--db` 另一个文件)"
        ),
        FilingError::Conflict { file, branch, period, received, offered } => format!(
            "{file}: {branch} {period} 已接收过另一份备案 (封存码 {received}), 这份的封存码是 {offered}: 未接收, 请与支部核实"
        ),
        FilingError::NoFiles { path } => format!("{path} 中没有备案文件 (*.jifen-filing.json)"),
        FilingError::NotCommittee { path } => format!("{path} 不是上级党组织的备案库 (先用 `jifen filing receive` 接收备案, 或用 `jifen filing roster import` 导入应报支部名册)"),
        FilingError::NotReceived { branch, period, known } => {
            if known.is_empty() {
                format!("尚未接收 {branch} {period} 的备案 (本期还没有任何支部备案)")
            } else {
                format!("尚未接收 {branch} {period} 的备案 (已备案的支部: {})", known.join(", "))
            }
        }
        FilingError::SealNotReceived { path, seal } => format!(
            "{path}: 已接收的备案中没有封存码为 {seal} 的: 请先接收该支部的备案文件 (`jifen --db {path} filing receive 文件`), 或核对纪要上印的封存码"
        ),
        FilingError::SomeRefused { refused, files } => format!("{files} 份文件中有 {refused} 份被拒收"),
        FilingError::Review(r) => (crate::i18n::Lang::Zh.words().review.refusal)(r),
    }
}
