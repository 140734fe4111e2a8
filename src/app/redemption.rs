//! Points redemption (积分兑换): each member's balance, the gifts left, and
//! the redemption itself, journalled like any action and undone like one.
//! Spending never touches a claim, a tally or a score, so no score, rank,
//! grade or signature moves.

use super::{CoreError, Ledger, Result};
use crate::domain::model::PeriodId;
use crate::domain::redemption::{cost_of, left_of, Balance, RedeemError};
use crate::domain::scheme::{Gift, ItemKind};
use crate::store::redemptions::{self, RedemptionRow};
use crate::store::Event;
use serde::Serialize;
use std::collections::HashMap;

/// One member's balance, as `jifen balance` prints it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BalanceRow {
    pub member_id: i64,
    /// The member's name.
    pub member: String,
    #[serde(flatten)]
    pub balance: Balance,
}

/// A gift of the catalogue with how many are left (`None`: no limit).
#[derive(Debug, Clone, PartialEq)]
pub struct GiftRow {
    pub gift: Gift,
    pub given: i64,
    pub left: Option<i64>,
}

/// What one redemption did.
#[derive(Debug, Clone, PartialEq)]
pub struct Redeemed {
    pub id: i64,
    pub period: PeriodId,
    pub member: String,
    pub gift: Gift,
    pub count: i64,
    pub cost: f64,
    pub before: Balance,
    pub after: Balance,
}

impl Ledger {
    /// Codes of the scheme's bonus items: what a balance is earned on.
    fn bonus_items(&self) -> Vec<&str> {
        self.scheme()
            .items
            .iter()
            .filter(|i| i.kind == ItemKind::Bonus)
            .map(|i| i.code.as_str())
            .collect()
    }

    /// A member's balance through `up_to` (every period when `None`).
    pub fn balance_of(&self, member_id: i64, up_to: Option<&PeriodId>) -> Result<Balance> {
        let up = up_to.map(PeriodId::to_string);
        let (b, items) = (self.branch.id, self.bonus_items());
        let earned = redemptions::earned(self.conn(), b, &items, Some(member_id), up.as_deref())?;
        let spent = redemptions::spent(self.conn(), b, Some(member_id), up.as_deref())?;
        let sum = |v: &[(i64, f64)]| v.iter().map(|x| x.1).sum::<f64>();
        Ok(Balance::new(sum(&earned), sum(&spent)))
    }

    /// Every member's balance through `up_to`, in roster order.
    pub fn balances(&self, up_to: Option<&PeriodId>) -> Result<Vec<BalanceRow>> {
        let up = up_to.map(PeriodId::to_string);
        let (b, items) = (self.branch.id, self.bonus_items());
        let earned: HashMap<i64, f64> =
            redemptions::earned(self.conn(), b, &items, None, up.as_deref())?
                .into_iter()
                .collect();
        let spent: HashMap<i64, f64> = redemptions::spent(self.conn(), b, None, up.as_deref())?
            .into_iter()
            .collect();
        Ok(self
            .roster()?
            .iter()
            .map(|m| BalanceRow {
                member_id: m.id,
                member: m.name.to_string(),
                balance: Balance::new(
                    earned.get(&m.id).copied().unwrap_or(0.0),
                    spent.get(&m.id).copied().unwrap_or(0.0),
                ),
            })
            .collect())
    }

    /// The scheme's gifts with how many of each are given out and left.
    pub fn gift_rows(&self) -> Result<Vec<GiftRow>> {
        let given: HashMap<String, i64> = redemptions::given(self.conn(), self.branch.id)?
            .into_iter()
            .collect();
        Ok(self
            .scheme()
            .gifts()
            .iter()
            .map(|g| {
                let n = given.get(&g.code).copied().unwrap_or(0);
                GiftRow {
                    gift: g.clone(),
                    given: n,
                    left: left_of(g, n),
                }
            })
            .collect())
    }

    /// The gift `key` names (code or title), or why none.
    pub fn gift(&self, key: &str) -> std::result::Result<&Gift, RedeemError> {
        let r = self
            .scheme()
            .redemption
            .as_ref()
            .filter(|r| !r.gifts.is_empty())
            .ok_or(RedeemError::NoCatalogue)?;
        r.gift(key).ok_or_else(|| RedeemError::UnknownGift {
            key: key.trim().to_string(),
            known: r.gifts.clone(),
        })
    }

    /// What redeeming `count` of `gift` would cost `member_id` now, or why
    /// it is refused (the console's preview; `redeem` checks again).
    pub fn redeem_cost(&self, member_id: i64, gift: &Gift, count: i64, zh: bool) -> Result<f64> {
        let name = self.member_name(member_id)?;
        let balance = self.balance_of(member_id, None)?;
        let given = redemptions::given(self.conn(), self.branch.id)?
            .into_iter()
            .find(|g| g.0 == gift.code)
            .map_or(0, |g| g.1);
        let left = left_of(gift, given);
        Ok(cost_of(
            &name,
            gift.title_in(zh),
            gift,
            count,
            &balance,
            left,
        )?)
    }

    fn member_name(&self, member_id: i64) -> Result<String> {
        self.roster()?
            .iter()
            .find(|m| m.id == member_id)
            .map(|m| m.name.to_string())
            .ok_or_else(|| CoreError::Claim(super::ClaimError::NoMember(member_id)))
    }

    /// Redeem `count` of the gift `gift_key` names for a member in `period`:
    /// refused (nothing written) beyond the member's balance or the gift's
    /// stock, or in a sealed period. Every figure is read inside the write.
    pub fn redeem(
        &mut self,
        member_id: i64,
        gift_key: &str,
        count: i64,
        period: &PeriodId,
        zh: bool,
    ) -> Result<Redeemed> {
        self.write(|l| {
            l.writable_period(period)?;
            let gift = l.gift(gift_key)?.clone();
            let before = l.balance_of(member_id, None)?;
            let cost = l.redeem_cost(member_id, &gift, count, zh)?;
            let id = redemptions::next_id(l.conn())?;
            l.journal(&[Event::Redeem {
                id,
                branch_id: l.branch.id,
                period: period.to_string(),
                member_id,
                gift: gift.code.clone(),
                count,
                points: cost,
            }])?;
            Ok(Redeemed {
                id,
                period: *period,
                member: l.member_name(member_id)?,
                after: before.after(cost),
                before,
                gift,
                count,
                cost,
            })
        })
    }

    /// The branch's redemptions in `period` (all when `None`), in the order made.
    pub fn redemptions(&self, period: Option<&PeriodId>) -> Result<Vec<RedemptionRow>> {
        let p = period.map(PeriodId::to_string);
        Ok(redemptions::rows(
            self.conn(),
            self.branch.id,
            p.as_deref(),
        )?)
    }
}
