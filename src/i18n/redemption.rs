//! The words of points redemption (积分兑换), in Chinese and English: the
//! console's screen, the command line, the papers and the refusals.

use super::Lang;
use crate::domain::model::fmt_points as p;
use crate::domain::redemption::{RedeemError, MAX_GIFTS};

/// Every word of redemption in one language.
#[derive(Debug)]
pub struct RedemptionWords {
    /// The screen's and the paper's name: 积分兑换.
    pub title: &'static str,
    pub member: &'static str,
    pub earned: &'static str,
    pub spent: &'static str,
    pub balance: &'static str,
    pub gift: &'static str,
    /// Points one gift costs.
    pub points_each: &'static str,
    pub left: &'static str,
    pub count: &'static str,
    /// Points a redemption spent.
    pub cost: &'static str,
    pub date: &'static str,
    pub number: &'static str,
    pub period: &'static str,
    /// The paper's last column: the member signs for the gift.
    pub signature: &'static str,
    /// A gift with no stock limit.
    pub unlimited: &'static str,
    pub before: &'static str,
    pub after: &'static str,
    pub total: &'static str,
    pub no_catalogue: &'static str,
    pub no_redemptions: &'static str,
    /// Said under the balance: spending changes no score.
    pub never_scored: &'static str,
    pub refused: &'static str,
    /// Key labels (the screen's key list and the overview's key).
    /// The paper's name in messages (兑换登记表).
    pub paper: &'static str,
    /// The paper's title: branch, period.
    pub paper_title: fn(&str, &str) -> String,
    /// What a redemption did: member, count, gift, cost, balance before, after.
    pub done: fn(&str, i64, &str, f64, f64, f64) -> String,
    /// The console's preview: count, gift, cost, balance before, after.
    pub preview: fn(i64, &str, f64, f64, f64) -> String,
    /// An undo step: member, count, gift.
    pub undo_step: fn(&str, i64, &str) -> String,
    /// Why a redemption is refused.
    pub refusal: fn(&RedeemError) -> String,
}

/// The Chinese words.
pub const ZH: RedemptionWords = RedemptionWords {
    title: "积分兑换",
    member: "姓名",
    earned: "累计得分",
    spent: "已兑换",
    balance: "积分余额",
    gift: "奖品",
    points_each: "所需积分",
    left: "库存",
    count: "数量",
    cost: "消耗积分",
    date: "日期",
    number: "序号",
    period: "期次",
    signature: "领取人签字",
    unlimited: "不限",
    before: "兑换前余额",
    after: "兑换后余额",
    total: "合计",
    no_catalogue: "本方案没有兑换奖品目录(方案文件的 [redemption] 一节)",
    no_redemptions: "本期尚无兑换",
    never_scored: "兑换只用积分余额,不改变得分、名次和等次",
    refused: "不能兑换",
    paper: "兑换登记表",
    paper_title: |branch, period| format!("{branch} {period} 积分兑换登记表"),
    done: |member, count, gift, cost, before, after| {
        format!(
            "{member} 兑换 {gift} {count} 件, 用去 {} 分; 余额 {} -> {}",
            p(cost),
            p(before),
            p(after)
        )
    },
    preview: |count, gift, cost, before, after| {
        format!(
            "{gift} {count} 件, 共 {} 分; 余额 {} -> {}",
            p(cost),
            p(before),
            p(after)
        )
    },
    undo_step: |member, count, gift| format!("{member} 兑换的 {gift} {count} 件"),
    refusal: refusal_zh,
};

/// The English words.
pub const EN: RedemptionWords = RedemptionWords {
    title: "Points redemption",
    member: "member",
    earned: "earned",
    spent: "spent",
    balance: "balance",
    gift: "gift",
    points_each: "points",
    left: "in stock",
    count: "count",
    cost: "points spent",
    date: "date",
    number: "No.",
    period: "period",
    signature: "recipient's signature",
    unlimited: "no limit",
    before: "balance before",
    after: "balance after",
    total: "total",
    no_catalogue: "the scheme has no gift catalogue (a [redemption] section in its file)",
    no_redemptions: "no redemptions in this period yet",
    never_scored: "redemption spends the balance only; no score, rank or grade changes",
    refused: "refused",
    paper: "redemption list",
    paper_title: |branch, period| format!("{branch} {period} redemption list"),
    done: |member, count, gift, cost, before, after| {
        format!(
            "{member} redeemed {count} x {gift} for {} points; balance {} -> {}",
            p(cost),
            p(before),
            p(after)
        )
    },
    preview: |count, gift, cost, before, after| {
        format!(
            "{count} x {gift}, {} points; balance {} -> {}",
            p(cost),
            p(before),
            p(after)
        )
    },
    undo_step: |member, count, gift| format!("redemption of {count} x {gift} by {member}"),
    refusal: |e| e.to_string(),
};

fn refusal_zh(e: &RedeemError) -> String {
    match e {
        RedeemError::NoCatalogue => ZH.no_catalogue.to_string(),
        RedeemError::UnknownGift { key, known } => {
            let named: Vec<String> = known
                .iter()
                .map(|g| format!("{}({})", g.title_in(true), g.code))
                .collect();
            format!("没有奖品「{key}」(可选:{})", named.join("、"))
        }
        RedeemError::BadCount { count } => {
            format!("数量须在 1 至 {MAX_GIFTS} 之间,现为 {count}")
        }
        RedeemError::OverBalance {
            member,
            gift,
            count,
            cost,
            balance,
        } => format!(
            "{member} 积分余额 {} 分, 兑换 {gift} {count} 件需 {} 分: 余额不足, 未兑换",
            p(*balance),
            p(*cost)
        ),
        RedeemError::OverStock { gift, wanted, left } => {
            format!("{gift} 库存只剩 {left} 件, 要兑换 {wanted} 件: 未兑换")
        }
    }
}

/// The redemption words of a language.
pub fn redemption_words(lang: Lang) -> &'static RedemptionWords {
    lang.words().redemption
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_refusal_reads_in_chinese() {
        let all = [
            RedeemError::NoCatalogue,
            RedeemError::UnknownGift {
                key: "x".into(),
                known: vec![],
            },
            RedeemError::BadCount { count: 0 },
            RedeemError::OverBalance {
                member: "张伟".into(),
                gift: "热水壶".into(),
                count: 1,
                cost: 15.0,
                balance: 4.0,
            },
            RedeemError::OverStock {
                gift: "热水壶".into(),
                wanted: 2,
                left: 1,
            },
        ];
        for e in &all {
            let zh = (ZH.refusal)(e);
            let latin: String = zh.chars().filter(char::is_ascii_alphabetic).collect();
            // Only the scheme file's section name and a gift key stay Latin.
            assert!(
                latin.is_empty() || latin == "redemption" || latin == "x",
                "{zh}"
            );
            assert_eq!((EN.refusal)(e), e.to_string());
        }
    }
}
