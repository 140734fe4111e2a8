//! Words of the assembly's acts: signing, safe entry, the walk, undo and the
//! quorum. Fixed words are fields, messages with values are functions (so
//! that word order stays right per language); one value per language, in
//! `zh/meeting.rs` and `en/meeting.rs`. `core_error` puts the core's errors
//! in words.

use crate::app::console_support::{HeldLease, LeaseState};
use crate::app::undo::UndoStep;
use crate::app::CoreError;
use crate::app::Quorum;
use crate::i18n::Lang;

/// The words of the assembly's acts.
#[derive(Debug)]
pub struct Meeting {
    /// Conf column: the signature was voided, the member signs again.
    pub conf_again: &'static str,
    /// Confirmation screen: the signature was voided.
    pub status_voided: &'static str,
    /// Confirmation sheet: the points that count.
    pub col_counted: &'static str,
    /// A roll-call correction withdrew the claim the earlier mark made.
    pub withdrawn: &'static str,
    pub no_more_pending: &'static str,
    pub prompt_undo: &'static str,
    pub nothing_to_undo: &'static str,
    pub quorum: &'static str,
    pub expected: &'static str,
    pub present: &'static str,
    pub leave: &'static str,
    pub absent: &'static str,
    pub unmarked: &'static str,
    pub quorate: &'static str,
    pub quorate_short: &'static str,
    pub inquorate: &'static str,
    pub prompt_inquorate: &'static str,
    pub inquorate_recorded: &'static str,
    pub reason_needed: &'static str,
    /// Overview: the command that opens the room display.
    pub board_command: &'static str,
    /// One step an undo will take back, in words.
    pub undo_step: fn(&UndoStep) -> String,
    /// Why a console lease binds or not: `最近心跳 3 秒前`, `stale: no heartbeat for 45 s`.
    pub lease_state: fn(LeaseState) -> String,
    /// The read-only banner of a second console: holder, pid, the lease's
    /// state, since when. What matters most comes first: a status line at 80
    /// columns cuts the tail.
    pub lease_held: fn(holder: &str, pid: i64, state: &str, since: &str) -> String,
    /// A console took over an abandoned lease: holder, pid, since when, why it could.
    pub lease_taken_over: fn(holder: &str, pid: i64, since: &str, state: &str) -> String,
}

/// The words of the assembly's acts in `lang` (kept for `core_error`).
pub fn words(lang: Lang) -> &'static Meeting {
    lang.words().meeting
}

impl Meeting {
    /// 应到 / 实到 / 请假 / 缺席 and whether the assembly is quorate, on one line.
    pub fn quorum_line(&self, q: &Quorum) -> String {
        let mut s = self.counts(q);
        if q.unmarked > 0 {
            s.push_str(&format!("  {} {}", self.unmarked, q.unmarked));
        }
        s.push_str("  ");
        s.push_str(if q.quorate() {
            self.quorate
        } else {
            self.inquorate
        });
        s
    }

    /// The quorum without the members not yet called, for narrow places.
    pub fn quorum_short(&self, q: &Quorum) -> String {
        let verdict = if q.quorate() {
            self.quorate_short
        } else {
            self.inquorate
        };
        format!("{}  {verdict}", self.counts(q))
    }

    /// 应到 n  实到 n  请假 n  缺席 n.
    fn counts(&self, q: &Quorum) -> String {
        format!(
            "{} {}  {} {}  {} {}  {} {}",
            self.expected,
            q.expected,
            self.present,
            q.present,
            self.leave,
            q.leave,
            self.absent,
            q.absent
        )
    }

    /// The read-only banner of a second console: who holds the lease, since
    /// when, and its last heartbeat.
    pub fn held(&self, h: &HeldLease) -> String {
        let state = (self.lease_state)(h.state);
        (self.lease_held)(&h.row.holder, h.row.pid, &state, &lease_time(&h.row.since))
    }

    /// What a console says when it took over an abandoned lease, and why it could.
    pub fn taken_over(&self, h: &HeldLease) -> String {
        let state = (self.lease_state)(h.state);
        (self.lease_taken_over)(&h.row.holder, h.row.pid, &lease_time(&h.row.since), &state)
    }
}

/// A stored time as `2026-12-01 10:00:00` (UTC, as the lease keeps it).
fn lease_time(at: &str) -> String {
    at.chars().take(19).collect::<String>().replace('T', " ")
}

/// A core error in the interface language (errors without a translation
/// keep the core's English words).
pub fn core_error(lang: Lang, e: &CoreError) -> String {
    crate::i18n::errors::core(lang, e)
}

/// The core errors worded before the refusals were typed (`errors::core` words the rest).
pub(crate) fn worded(lang: Lang, e: &CoreError) -> String {
    match (lang, e) {
        (_, CoreError::Storage { path, fault }) => {
            crate::i18n::errors::storage(lang, path.as_deref(), *fault)
        }
        (_, CoreError::Claim(c)) => crate::i18n::errors::claim(lang, c),
        (_, CoreError::NotFinite(n)) => crate::i18n::errors::not_finite(lang, n),
        (
            Lang::Zh,
            CoreError::OutOfRange {
                field,
                value,
                min,
                max,
            },
        ) => crate::i18n::errors::out_of_range_zh(field, *value, *min, *max),
        (_, CoreError::Redeem(r)) => (super::redemption::redemption_words(lang).refusal)(r),
        (_, CoreError::Filing(f)) => (lang.words().filing.refusal)(f),
        (Lang::Zh, CoreError::UnknownMember { key, branch }) => {
            format!("{branch} 支部没有成员 '{key}'(请给出编号或完整姓名)")
        }
        (Lang::Zh, CoreError::AmbiguousMember { key, ids }) => format!(
            "有几位成员都叫 '{key}'(编号 {}),请给出编号",
            ids.iter()
                .map(i64::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ),
        (Lang::Zh, CoreError::UnknownClaim(id)) => format!("没有记录 #{id}"),
        (Lang::Zh, CoreError::Open(crate::app::OpenError::NotJifen { path })) => {
            format!("{path}: 不是积分数据库(请先运行 `jifen init` 或 `jifen demo`)")
        }
        (Lang::Zh, CoreError::Open(crate::app::OpenError::TooNew { path, found })) => format!(
            "{path}: 数据库版本 {found} 比本程序能读的 ({}) 新,请换用新版 jifen",
            crate::app::SCHEMA_VERSION
        ),
        (Lang::Zh, CoreError::ReadOnly) => "只读视图:此控制台不能修改记录".to_string(),
        (Lang::Zh, CoreError::PeriodNotOpen(p)) => format!("{p} 尚未开启,请先开启该期"),
        (Lang::Zh, CoreError::PeriodClosed { period, state }) => format!(
            "{period} {},不能再修改(只能申诉和更正)",
            crate::i18n::period_state(lang, *state)
        ),
        (Lang::Zh, CoreError::ClaimWithdrawn(id)) => format!("申报 #{id} 已撤回"),
        (Lang::Zh, CoreError::ApproveChangesPoints) => {
            "通过按申报分值计分;要改分值请用调整".to_string()
        }
        (Lang::Zh, CoreError::DisputeNeedsWords) => "有异议须记下本人的意见".to_string(),
        (Lang::Zh, CoreError::UndoStale) => "提出撤销后记录又有变动,请重新按 u".to_string(),
        (Lang::Zh, CoreError::UndoPastLock(p)) => format!("{p} 已封账,没有可撤销的操作"),
        (
            Lang::Zh,
            CoreError::PendingClaims {
                member,
                period,
                pending,
            },
        ) => format!("{member} 在 {period} 还有 {pending} 条待审申报,审定后才能签字确认"),
        (
            Lang::Zh,
            CoreError::AdjustOutOfBounds {
                item, points, max, ..
            },
        ) => format!(
            "调整分值 {} 超出「{item}」允许的范围(0 至 {})",
            crate::domain::model::fmt_points(*points),
            crate::domain::model::fmt_points(*max)
        ),
        (
            Lang::Zh,
            CoreError::Inquorate {
                period,
                expected,
                present,
            },
        ) => format!("{period}: 应到 {expected} 实到 {present},到会未过半数"),
        (Lang::Zh, CoreError::NothingToUndo) => words(lang).nothing_to_undo.to_string(),
        (Lang::Zh, CoreError::ReasonNeeded(o)) => match o {
            crate::domain::model::Outcome::Rejected => "驳回须填写理由".to_string(),
            _ => words(lang).reason_needed.to_string(),
        },
        (Lang::Zh, CoreError::Open(o)) => open_error_zh(o),
        (_, CoreError::Import(i)) => crate::i18n::imports::import_error(lang, i),
        _ => e.to_string(),
    }
}

/// A database that would not open, in Chinese.
fn open_error_zh(e: &crate::app::OpenError) -> String {
    use crate::app::OpenError as O;
    match e {
        O::TooNew { path, found } => format!(
            "{path}: 数据库结构版本 {found} 比本程序能读的 ({}) 新, 请改用更新的 jifen",
            crate::app::SCHEMA_VERSION
        ),
        O::NotJifen { path } => {
            format!("{path}: 不是 jifen 数据库 (请先运行 `jifen init` 或 `jifen demo`)")
        }
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_of_the_walk_have_chinese_words() {
        let all = [
            CoreError::ReadOnly,
            CoreError::PeriodNotOpen("2026Q4".into()),
            CoreError::PeriodClosed {
                period: "2026Q3".into(),
                state: crate::domain::model::PeriodState::Locked,
            },
            CoreError::ClaimWithdrawn(7),
            CoreError::UnknownClaim(7),
            CoreError::UnknownMember {
                key: "王五".into(),
                branch: "第一支部".into(),
            },
            CoreError::AmbiguousMember {
                key: "张伟".into(),
                ids: vec![3, 9],
            },
            CoreError::Claim(crate::app::ClaimError::RejectedNeedsReason),
            CoreError::Claim(crate::app::ClaimError::NoMember(4)),
            CoreError::ApproveChangesPoints,
            CoreError::DisputeNeedsWords,
            CoreError::UndoStale,
            CoreError::UndoPastLock("2026Q3".into()),
        ]
        .into_iter()
        .chain(
            [
                crate::app::Fault::Busy,
                crate::app::Fault::ReadOnly,
                crate::app::Fault::Duplicate,
                crate::app::Fault::DiskFull,
                crate::app::Fault::Corrupt,
                crate::app::Fault::Refused,
            ]
            .map(|fault| CoreError::Storage { path: None, fault }),
        );
        for e in &all.collect::<Vec<_>>() {
            let zh = core_error(Lang::Zh, e);
            let latin = zh.chars().filter(char::is_ascii_alphabetic).count();
            // Only a period's quarter letter (2026Q4) may stay in Latin letters.
            assert!(latin <= 1, "{e}: {zh}");
            assert_eq!(core_error(Lang::En, e), e.to_string());
        }
    }
}
