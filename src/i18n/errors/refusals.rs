//! The words of the core's refusals (ledger, periods, appeals, members,
//! verify, backups), each language in its own word order.

use crate::app::{
    AppealError, BackupError, JournalFault, LedgerError, MemberError, PeriodError, VerifyError,
};
use crate::domain::model::{fmt_points, AppealStatus, PeriodState};
use crate::domain::scheme::Cycle;
use crate::i18n::Lang;

/// The Chinese or the English, as `lang` asks.
macro_rules! say {
    ($lang:expr, $zh:expr, $en:expr $(,)?) => {
        match $lang {
            Lang::Zh => $zh,
            Lang::En => $en,
        }
    };
}
pub(super) use say;

/// A list as words: the first 20, then how many more.
pub(super) fn list(lang: Lang, all: &[String]) -> String {
    let shown = all.iter().take(20).cloned().collect::<Vec<_>>().join(", ");
    match all.len().saturating_sub(20) {
        0 => shown,
        more => say!(
            lang,
            format!("{shown} 等, 另有 {more} 个"),
            format!("{shown} and {more} more")
        ),
    }
}

fn state(lang: Lang, s: PeriodState) -> String {
    say!(
        lang,
        crate::i18n::period_state(lang, s),
        s.code().to_string()
    )
}

/// A database or branch that cannot be used as asked.
pub fn ledger(lang: Lang, e: &LedgerError) -> String {
    use LedgerError as E;
    match e {
        E::NoDatabase { path, for_board: false } => say!(
            lang,
            format!("{path}: 没有这个数据库; 请先运行 `jifen init` 或 `jifen demo --db {path}`"),
            format!("{path}: no such database; run `jifen init` or `jifen demo --db {path}` first"),
        ),
        E::NoDatabase { path, for_board: true } => say!(
            lang,
            format!("{path}: 没有这个数据库; 大屏显示一个支部的数据库: 可用 `jifen demo --db {path}` 建一个演示支部, 或 `jifen --db {path} init --branch NAME --scheme ID`"),
            format!("{path}: no such database; the room display shows a branch's database: create one with `jifen demo --db {path}` (a demo branch) or `jifen --db {path} init --branch NAME --scheme ID`"),
        ),
        E::EmptyFile { path } => say!(
            lang,
            format!("{path}: 文件是空的, 不是积分数据库; 请运行 `jifen init` 或 `jifen demo --db {path}`"),
            format!("{path}: the file is empty, not a jifen database; run `jifen init` or `jifen demo --db {path}`"),
        ),
        E::NoBranchYet { path } => say!(
            lang,
            format!("{path}: 还没有支部; 请先运行 `jifen init --branch NAME --scheme ID`"),
            format!("{path}: no branch yet; run `jifen init --branch NAME --scheme ID` first"),
        ),
        E::UnknownBranch { path, name, branches } => say!(
            lang,
            format!("{path}: 没有名为「{name}」的支部 (现有支部: {})", list(lang, branches)),
            format!("{path}: no branch named '{name}' (branches: {})", list(lang, branches)),
        ),
        E::BranchNeeded { path, branches } => say!(
            lang,
            format!("{path}: 有多个支部, 请用 --branch 选一个 ({})", list(lang, branches)),
            format!("{path}: several branches; pick one with --branch ({})", list(lang, branches)),
        ),
        E::BranchVanished { path, id } => say!(
            lang,
            format!("{path}: 支部 {id} 在读取时消失了"),
            format!("{path}: branch {id} vanished"),
        ),
        E::BranchExists { path, name } => say!(
            lang,
            format!("{path}: 支部「{name}」已经存在"),
            format!("{path}: branch '{name}' already exists"),
        ),
        E::DemoExists { path } => say!(
            lang,
            format!("{path}: 文件已存在; 请为演示支部另给一个新文件"),
            format!("{path}: already exists; give a new file for the demo"),
        ),
        E::BranchNameEmpty => say!(lang, "支部名称不能为空".into(), "branch name must not be empty".into()),
        E::UnknownScheme { id, builtin } => say!(
            lang,
            format!("没有方案「{id}」(内置方案: {})", builtin.join(", ")),
            format!("unknown scheme '{id}' (built-in: {})", builtin.join(", ")),
        ),
    }
}

/// A period not in the state the command needs.
pub fn period(lang: Lang, e: &PeriodError) -> String {
    use PeriodError as E;
    match e {
        E::NoSuchPeriod(p) => say!(lang, format!("本支部没有期次 {p}"), format!("no period {p} in this branch")),
        E::NoPeriodYet => say!(
            lang,
            "还没有期次; 请先运行 `jifen period open 2026Q4`".into(),
            "no period yet; run `jifen period open 2026Q4` first".into(),
        ),
        E::AlreadyOpen(p) => say!(lang, format!("期次 {p} 已经开启"), format!("period {p} is already open")),
        E::WrongCycle { scheme, cycle } => {
            let (zh, en, like) = match cycle {
                Cycle::Quarter => ("按季度", "quarter", "2026Q4"),
                Cycle::Half => ("按半年", "half-year", "2026H2"),
            };
            say!(
                lang,
                format!("方案 {scheme} {zh}积分: 请开启形如 {like} 的期次"),
                format!("scheme {scheme} runs by {en}: open a period like {like}"),
            )
        }
        E::Already { period, state: s } => say!(
            lang,
            match s {
                PeriodState::Final => format!("期次 {period} 已定案"),
                _ => format!("期次 {period} 已在公示"),
            },
            format!("period {period} is already {}", s.code()),
        ),
        E::LockFirst { period, state: s } => say!(
            lang,
            format!("期次 {period} {}: 请先封账 (`jifen lock {period}`)", state(lang, *s)),
            format!("period {period} is {}: lock it first (`jifen lock {period}`)", s.code()),
        ),
        E::PostedBeforeLock { period, locked, posted } => say!(
            lang,
            format!("期次 {period} 于 {locked} 封账: 不能在 {posted} 公示"),
            format!("period {period} was locked on {locked}: it cannot be posted on {posted}"),
        ),
        E::WindowOpen { period, end } => say!(
            lang,
            format!("期次 {period}: 公示期到 {end} 为止; 过了这一天才能定案"),
            format!("period {period}: the publication window runs until {end}; finalize after that day"),
        ),
        E::AppealsOpen { period, open } => say!(
            lang,
            format!("期次 {period}: 还有 {open} 件申诉未答复; 请先答复 (`jifen appeal list --period {period}`)"),
            format!("period {period}: {open} appeal(s) still open; reply first (`jifen appeal list --period {period}`)"),
        ),
        E::Undecided { period, count, claims } => {
            let more = if *count > claims.len() { ", ..." } else { "" };
            let shown = claims
                .iter()
                .map(|(id, member, item)| match lang {
                    Lang::Zh => format!("#{id} {member}「{item}」"),
                    Lang::En => format!("#{id} {member} {item}"),
                })
                .collect::<Vec<_>>()
                .join(", ");
            say!(
                lang,
                format!("不能封账 {period}: 还有 {count} 条申报待审: {shown}{more}"),
                format!("cannot lock {period}: {count} claim(s) still undecided: {shown}{more}"),
            )
        }
    }
}

/// An appeal, a reply or a correction refused.
pub fn appeal(lang: Lang, e: &AppealError) -> String {
    use AppealError as E;
    let status = |s: &AppealStatus| {
        say!(
            lang,
            (Lang::Zh.words().cli.appeal_status)(*s, false),
            s.code().to_string()
        )
    };
    match e {
        E::NeedsWords => say!(lang, "申诉须写明党员本人的意见".into(), "an appeal needs the member's words".into()),
        E::NoSuchAppeal { id, branch } => say!(
            lang,
            format!("{branch} 没有申诉 {id}"),
            format!("no appeal {id} in branch {branch}"),
        ),
        E::PeriodFinal(p) => say!(
            lang,
            format!("期次 {p} 已定案: 申诉已截止"),
            format!("period {p} is final: appeals are closed"),
        ),
        E::BeforeLock { period, state: s } => say!(
            lang,
            format!("期次 {period} {}: 封账后才能申诉 (会议期间请用 `confirm --dispute` 提出异议)", state(lang, *s)),
            format!("period {period} is {}: appeals are filed after the lock (use `confirm --dispute` during the session)", s.code()),
        ),
        E::BeforeLockDay { period, locked, filed } => say!(
            lang,
            format!("期次 {period} 于 {locked} 封账: 不能在 {filed} 提出申诉"),
            format!("period {period} was locked on {locked}: an appeal cannot be filed on {filed}"),
        ),
        E::Late { period, end } => say!(
            lang,
            format!("期次 {period}: 公示期已于 {end} 结束; 申诉逾期"),
            format!("period {period}: the publication window closed on {end}; the appeal is late"),
        ),
        E::UnknownItem { scheme, key } => say!(
            lang,
            format!("方案 {scheme} 没有项目「{key}」(请给出项目代码、名称或申报编号)"),
            format!("scheme {scheme} has no item '{key}' (give item codes, titles or claim ids)"),
        ),
        E::ReplyNeedsText => say!(lang, "答复须写明内容 (--reply)".into(), "a reply needs its text (--reply)".into()),
        E::Decided { id, status: s } => say!(
            lang,
            format!("申诉 {id} 已答复: {}", status(s)),
            format!("appeal {id} is already {}", s.code()),
        ),
        E::Reconsidered(id) => say!(
            lang,
            format!("申诉 {id} 已经提交过复议"),
            format!("appeal {id} has already gone to reconsideration"),
        ),
        E::ReconsiderNotDismissed { id, status: s } => say!(
            lang,
            format!("申诉 {id} 的结果是{}: 只有维持原结果的申诉才能提交复议", status(s)),
            format!("appeal {id} was {}: only a dismissed appeal goes to reconsideration", s.code()),
        ),
        E::UpheldNeedsCorrection => say!(
            lang,
            "申诉成立须作更正: 请给出 --item 项目代码 --points 分值".into(),
            "an upheld appeal posts a correction: give --item CODE --points P".into(),
        ),
        E::CorrectionOnlyUpheld => say!(
            lang,
            "只有申诉成立才作更正".into(),
            "only an upheld appeal posts a correction".into(),
        ),
        E::CorrectionItem { scheme, item } => say!(
            lang,
            format!("方案 {scheme} 没有项目「{item}」"),
            format!("scheme {scheme} has no item '{item}'"),
        ),
        E::CorrectionZero => say!(lang, "更正的分值不能为零".into(), "a correction needs non-zero points".into()),
        E::BelowZero { member, have, item, period, points } => say!(
            lang,
            format!(
                "{member} 在 {period} 的「{item}」共 {} 分: 更正 {} 分会低于零",
                fmt_points(*have),
                fmt_points(*points)
            ),
            format!(
                "{member} has {} point(s) of {item} in {period}: a correction of {} would go below zero",
                fmt_points(*have),
                fmt_points(*points)
            ),
        ),
    }
}

/// A member's record refused.
pub fn member(lang: Lang, e: &MemberError) -> String {
    use MemberError as E;
    match e {
        E::NameEmpty => say!(lang, "姓名不能为空".into(), "name must not be empty".into()),
        E::NameTooLong { max } => say!(
            lang,
            format!("姓名超过 {max} 个字"),
            format!("name is longer than {max} characters"),
        ),
        E::ControlChars { field } => say!(
            lang,
            format!(
                "{}不能含控制字符 (如退出符、换行符、空字符)",
                member_field(field)
            ),
            format!("{field} may not hold control characters (ESC, line breaks, NUL)"),
        ),
        E::TierNotInScheme {
            tier,
            scheme,
            tiers,
        } => {
            let tiers = tiers
                .iter()
                .map(i64::to_string)
                .collect::<Vec<_>>()
                .join(", ");
            if tiers.is_empty() {
                say!(
                    lang,
                    format!("方案 {scheme} 不分档次,不能填档次 {tier}"),
                    format!("tier {tier} is not in scheme {scheme} (tiers: none: it does not rank members by tier)"),
                )
            } else {
                say!(
                    lang,
                    format!("档次 {tier} 不在方案 {scheme} 中 (档次: {tiers})"),
                    format!("tier {tier} is not in scheme {scheme} (tiers: {tiers})"),
                )
            }
        }
    }
}

/// A member record's field in Chinese.
fn member_field(field: &str) -> &str {
    match field {
        "name" => "姓名",
        "group" => "党小组",
        "tier" => "档次",
        "category" => "类别",
        other => other,
    }
}

/// What `verify` found wrong.
pub fn verify(lang: Lang, e: &VerifyError) -> String {
    use VerifyError as E;
    match e {
        E::Tampered { path, table, row, missing } => {
            let row = row.join(", ");
            say!(
                lang,
                format!(
                    "{path}: 表 `{table}` 的记录「{row}」{}: 数据库在 jifen 之外被改动过",
                    if *missing { "在文件中缺失" } else { "不是记录日志所能得出的" }
                ),
                format!(
                    "{path}: table {table}: row ({row}) {}: the database was changed outside jifen",
                    if *missing { "missing from the file" } else { "not explained by the journal" }
                ),
            )
        }
        E::LockDiffers { path, period, member, locked, got } => say!(
            lang,
            format!(
                "{path}: {period} 封账时党员 {member} 为 {locked} 分, 但记录日志得出 {}",
                got.map(|g| format!("{g} 分")).unwrap_or_else(|| "无得分".into())
            ),
            format!(
                "{path}: lock of {period}: member {member} was locked at {locked} but the journal gives {}",
                got.map(|g| g.to_string()).unwrap_or_else(|| "no score".into())
            ),
        ),
        E::Journal { seq, kind, fault } => journal(lang, *seq, kind, fault),
        E::SealNotWhole { given } => say!(
            lang,
            format!("封存码须完整输入 64 位十六进制数字 (纪要上印的整串), 这里只有 {given} 位: 前几位不能证明什么"),
            format!("the whole seal is needed: 64 hex digits as the minutes print it, not {given}; a prefix proves nothing"),
        ),
        E::SealUnmatched { path, seal } => say!(
            lang,
            format!("{path}: 封存码 {seal} 与本文件的任何封账都不符: 记录日志被改写过, 或这是另一本台账"),
            format!("{path}: seal {seal} matches no lock in this file: the journal was rewritten or this is another ledger"),
        ),
    }
}

/// One event of the journal that does not hold.
fn journal(lang: Lang, seq: i64, kind: &str, fault: &JournalFault) -> String {
    use JournalFault as F;
    match fault {
        F::ChainBroken => say!(
            lang,
            format!("记录 {seq}: 哈希链断开 (与记录 {} 接不上)", seq - 1),
            format!(
                "event {seq}: chain broken (prev_hash does not match event {})",
                seq - 1
            ),
        ),
        F::Edited => say!(
            lang,
            format!("记录 {seq} ({kind}): 哈希不符: 这条记录在 jifen 之外被改动过"),
            format!("event {seq} ({kind}): hash mismatch: the event was edited outside jifen"),
        ),
        F::Unreadable => say!(
            lang,
            format!("记录 {seq} ({kind}): 内容无法读取"),
            format!("event {seq} ({kind}): unreadable payload"),
        ),
        F::KindMismatch { payload } => say!(
            lang,
            format!("记录 {seq}: 类型栏为 {kind}, 内容却是 {payload}"),
            format!("event {seq}: kind column says {kind} but payload is {payload}"),
        ),
        F::NotCompact => say!(
            lang,
            format!("记录 {seq}: 内容不是 jifen 写出的紧凑格式 (字符串外有空白): 在 jifen 之外被改动过"),
            format!("event {seq} ({kind}): payload is not in jifen's compact form (whitespace outside strings): edited outside jifen"),
        ),
        F::NoReplay { .. } => say!(
            lang,
            format!("记录 {seq} ({kind}): 无法重放"),
            format!("event {seq} ({kind}): cannot be replayed"),
        ),
    }
}

/// A backup or restore that did not happen.
pub fn backup(lang: Lang, e: &BackupError) -> String {
    use BackupError as E;
    match e {
        E::CopyFailed { path, .. } => say!(
            lang,
            format!("{path}: 备份未能完成, 未作任何修改"),
            format!("{path}: backup failed; nothing was changed"),
        ),
        E::NotVerified { path, cause } => say!(
            lang,
            format!("备份 {path} 未通过校验: {}", super::core(lang, cause)),
            format!("backup {path} does not verify: {}", super::core(lang, cause)),
        ),
        E::Held { path, holder, pid } => say!(
            lang,
            format!("{path}: 控制台 ({holder}, pid {pid}) 正在使用该数据库; 请先关闭再恢复"),
            format!("{path}: a console ({holder}, process {pid}) holds the database; close it before restoring"),
        ),
        E::WouldDiscard { path, plan } => would_discard(lang, path, plan),
    }
}

/// The refusal that says what a restore would discard.
fn would_discard(lang: Lang, path: &str, plan: &crate::app::backup::RestorePlan) -> String {
    let periods: Vec<String> = plan
        .changed_periods
        .iter()
        .map(|(b, p, s)| {
            format!(
                "{b} {p} ({})",
                match s.parse::<PeriodState>() {
                    Ok(state) => crate::i18n::period_state(lang, state),
                    Err(_) => s.clone(),
                }
            )
        })
        .collect();
    let n = plan.lost_events;
    let mut msg = say!(
        lang,
        format!("{path}: 恢复将丢弃 {n} 条记录"),
        format!("{path}: restoring would discard {n} journal event(s)"),
    );
    if let Some(at) = &plan.last_lost_at {
        msg.push_str(&say!(
            lang,
            format!(", 最后一条在 {at}"),
            format!(", the last at {at}")
        ));
    }
    if !periods.is_empty() {
        let p = periods.join(", ");
        msg.push_str(&say!(
            lang,
            format!("; 备份之后有改动的期次: {p}"),
            format!("; periods changed since the backup: {p}"),
        ));
    }
    if plan.diverged {
        msg.push_str(say!(
            lang,
            "; 备份的记录日志不是本数据库日志的开头 (另一本台账?)",
            "; the backup's journal is not the start of this database's (another ledger?)",
        ));
    }
    msg.push_str(say!(
        lang,
        "; 确需恢复请加 --force 再运行 (会先把当前数据库存入备份)",
        "; run again with --force to restore anyway (the database is kept among the backups first)",
    ));
    msg
}
