//! The board's few words, in Chinese or English.

use super::snapshot::Signed;

/// Words for one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Labels {
    pub zh: bool,
}

impl Labels {
    fn pick(self, zh: &'static str, en: &'static str) -> &'static str {
        if self.zh {
            zh
        } else {
            en
        }
    }

    /// The heading of a ranking group (members, activists).
    pub fn rank_group(self, g: crate::domain::model::RankGroup) -> &'static str {
        crate::i18n::rank_group(self.lang(), g)
    }

    /// A period state as the room reads it.
    pub fn state(self, state: &str) -> String {
        crate::i18n::period_state(self.lang(), state)
    }

    /// The interface language of these words.
    pub fn lang(self) -> crate::i18n::Lang {
        if self.zh {
            crate::i18n::Lang::Zh
        } else {
            crate::i18n::Lang::En
        }
    }

    /// How final the numbers of a period in `state` are. Only a final period
    /// says final: locked and in publication are still open to appeal.
    pub fn verdict(self, state: &str) -> &'static str {
        match state {
            "final" => self.pick("最终结果", "FINAL"),
            "published" => self.pick("公示中 可申诉", "IN PUBLICATION, appeals open"),
            "locked" => self.pick("已封账 待公示", "LOCKED, not yet published"),
            _ => self.pick("初步结果", "PRELIMINARY"),
        }
    }

    pub fn seal(self) -> &'static str {
        self.pick("封存码", "seal")
    }

    /// A frozen copy, not live, taken at `clock`.
    pub fn frozen_at(self, clock: &str) -> String {
        if self.zh {
            format!("冻结于 {clock}  非实时")
        } else {
            format!("frozen at {clock}, not live")
        }
    }

    /// A frozen copy being revealed.
    pub fn revealing_at(self, clock: &str) -> String {
        if self.zh {
            format!("揭晓中  冻结于 {clock}")
        } else {
            format!("revealing, frozen at {clock}")
        }
    }

    /// A frozen copy fully revealed (still not live).
    pub fn revealed_at(self, clock: &str) -> String {
        if self.zh {
            format!("已揭晓  冻结于 {clock}  非实时")
        } else {
            format!("revealed, frozen at {clock}, not live")
        }
    }

    pub fn rank(self) -> &'static str {
        self.pick("名次", "Rank")
    }

    pub fn name(self) -> &'static str {
        self.pick("姓名", "Name")
    }

    pub fn score(self) -> &'static str {
        self.pick("得分", "Score")
    }

    pub fn demerits(self) -> &'static str {
        self.pick("记分", "Points")
    }

    pub fn grade(self) -> &'static str {
        self.pick("等次", "Grade")
    }

    /// The grade column's header when grades are only projected.
    pub fn grade_projected(self) -> &'static str {
        self.pick("预计等次", "Projected")
    }

    /// A grade shown as a projection.
    pub fn projected(self, mark: &str) -> String {
        if self.zh {
            format!("预计{mark}")
        } else {
            format!("{mark} (projected)")
        }
    }

    pub fn projected_legend(self) -> &'static str {
        self.pick(
            "等次为预计,以年终评定为准",
            "grades are projected; the year decides",
        )
    }

    /// The rank-move column's header.
    pub fn move_head(self) -> &'static str {
        self.pick("升降", "Move")
    }

    /// The sign-off column's header.
    pub fn signed_head(self) -> &'static str {
        self.pick("签字", "Signed")
    }

    /// A member's sign-off: three distinct words (never the dispute's text).
    pub fn signed(self, s: Signed) -> &'static str {
        match s {
            Signed::Confirmed => self.pick("已签字", "signed"),
            Signed::Disputed => self.pick("有异议", "disputed"),
            Signed::NotYet => self.pick("未签字", "not yet"),
        }
    }

    /// A podium place shared by `n` members.
    pub fn tied(self, n: usize) -> String {
        if self.zh {
            format!("并列{n}人")
        } else {
            format!("{n} tied")
        }
    }

    pub fn place(self, rank: u32) -> String {
        if self.zh {
            format!("第{rank}名")
        } else {
            format!("No. {rank}")
        }
    }

    pub fn stars(self, n: u8) -> String {
        if self.zh {
            format!("{n}星")
        } else {
            format!("{n} star{}", if n == 1 { "" } else { "s" })
        }
    }

    /// A rank move: positive is up.
    pub fn moved(self, by: i32) -> String {
        match (self.zh, by > 0) {
            (true, true) => format!("升{by}"),
            (true, false) => format!("降{}", -by),
            (false, true) => format!("+{by}"),
            (false, false) => format!("-{}", -by),
        }
    }

    pub fn page(self, page: usize, pages: usize) -> String {
        if self.zh {
            format!("第 {page}/{pages} 页")
        } else {
            format!("page {page}/{pages}")
        }
    }

    pub fn lower_is_better(self) -> &'static str {
        self.pick("记分越少越好", "lower is better")
    }

    pub fn overtime(self) -> &'static str {
        self.pick("已超时", "OVERTIME")
    }

    pub fn pending(self, n: usize) -> String {
        if self.zh {
            format!("另有 {n} 项待审")
        } else {
            format!("{n} item{} pending", if n == 1 { "" } else { "s" })
        }
    }

    pub fn no_public_items(self) -> &'static str {
        self.pick("无公开事项", "no public items")
    }

    pub fn no_period(self) -> &'static str {
        self.pick("尚无考评期", "no period yet")
    }

    pub fn nothing_to_show(self) -> &'static str {
        self.pick(
            "本期尚无申报,暂无可显示的排名",
            "no claims in this period yet: nothing to show",
        )
    }

    pub fn no_members(self) -> &'static str {
        self.pick("尚无排名", "no ranking yet")
    }

    pub fn unknown_member(self) -> &'static str {
        self.pick("该党员不在本期排名中", "this member is not in the ranking")
    }

    pub fn db_gone(self) -> &'static str {
        self.pick("数据库文件不见了", "the database file is gone")
    }

    pub fn db_locked(self) -> &'static str {
        self.pick(
            "数据库被长时间锁定",
            "the database has been locked for long",
        )
    }

    pub fn db_error(self) -> &'static str {
        self.pick("无法读取数据库", "cannot read the database")
    }

    pub fn retrying(self, secs: i64) -> String {
        if self.zh {
            format!("正在自动重试({secs} 秒),显示的是最后读到的结果")
        } else {
            format!("retrying by itself ({secs} s); showing the last result read")
        }
    }
}
