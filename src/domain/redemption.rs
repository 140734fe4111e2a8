//! Points redemption (积分兑换): a member's balance, and whether a
//! redemption fits it. The balance is spent, never scored: nothing here
//! touches a score, a rank or a grade.

use super::model::round2;
use super::scheme::redemption::Gift;
use serde::Serialize;

/// What a member has earned, spent and has left to spend.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Balance {
    /// Bonus points decided in the member's favour (approved or adjusted
    /// bonus claims, and corrections of bonus items).
    pub earned: f64,
    /// Points redeemed for gifts.
    pub spent: f64,
    /// `earned - spent`.
    pub balance: f64,
}

impl Balance {
    /// A balance from what was earned and spent (to the cent).
    pub fn new(earned: f64, spent: f64) -> Balance {
        let (earned, spent) = (round2(earned), round2(spent));
        Balance {
            earned,
            spent,
            balance: round2(earned - spent),
        }
    }

    /// The balance once `cost` more is spent.
    pub fn after(&self, cost: f64) -> Balance {
        Balance::new(self.earned, self.spent + cost)
    }
}

/// The most of one gift a single redemption takes.
pub const MAX_GIFTS: i64 = 100;

/// The gifts' codes, for a log line.
fn codes(gifts: &[Gift]) -> String {
    gifts
        .iter()
        .map(|g| g.code.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Why a redemption is refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RedeemError {
    /// The branch's scheme has no gift catalogue.
    #[error("the scheme has no gift catalogue ([redemption] with [[redemption.gifts]])")]
    NoCatalogue,
    /// No gift has that code or title.
    #[error("no gift '{key}' (gifts: {})", codes(.known))]
    UnknownGift { key: String, known: Vec<Gift> },
    /// A count outside 1..=MAX_GIFTS.
    #[error("count must be from 1 to {MAX_GIFTS}, got {count}")]
    BadCount { count: i64 },
    /// The gifts cost more than the member's balance.
    #[error("{member}: {count} x {gift} costs {} points, balance is {}; nothing redeemed", super::model::fmt_points(*.cost), super::model::fmt_points(*.balance))]
    OverBalance {
        member: String,
        gift: String,
        count: i64,
        cost: f64,
        balance: f64,
    },
    /// Fewer of the gift are left than asked for.
    #[error("{gift}: {wanted} asked, {left} left in stock; nothing redeemed")]
    OverStock {
        gift: String,
        wanted: i64,
        left: i64,
    },
}

/// What one redemption would cost, or why it is refused: `count` of `gift`
/// against `balance`, with `left` of the gift in stock (`None`: no limit).
/// `member` and `title` name them in the refusal.
pub fn cost_of(
    member: &str,
    title: &str,
    gift: &Gift,
    count: i64,
    balance: &Balance,
    left: Option<i64>,
) -> Result<f64, RedeemError> {
    if !(1..=MAX_GIFTS).contains(&count) {
        return Err(RedeemError::BadCount { count });
    }
    if let Some(left) = left {
        if count > left {
            return Err(RedeemError::OverStock {
                gift: title.to_string(),
                wanted: count,
                left: left.max(0),
            });
        }
    }
    let cost = round2(gift.points * count as f64);
    if cost > balance.balance + 1e-9 {
        return Err(RedeemError::OverBalance {
            member: member.to_string(),
            gift: title.to_string(),
            count,
            cost,
            balance: balance.balance,
        });
    }
    Ok(cost)
}

/// How many of a gift are left: its stock less what was given out.
pub fn left_of(gift: &Gift, given: i64) -> Option<i64> {
    gift.stock.map(|s| (s - given).max(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kettle() -> Gift {
        Gift {
            code: "gift.kettle".into(),
            title: "electric kettle".into(),
            title_zh: Some("热水壶".into()),
            points: 20.0,
            stock: Some(2),
        }
    }

    #[test]
    fn a_kettle_fits_a_balance_of_twenty_and_not_of_nineteen() {
        let g = kettle();
        assert_eq!(
            cost_of("张伟", "热水壶", &g, 1, &Balance::new(20.0, 0.0), Some(2)),
            Ok(20.0)
        );
        let e = cost_of("张伟", "热水壶", &g, 1, &Balance::new(24.0, 5.0), Some(2)).unwrap_err();
        assert!(
            matches!(e, RedeemError::OverBalance { balance, cost, .. } if balance == 19.0 && cost == 20.0)
        );
    }

    #[test]
    fn stock_is_never_exceeded() {
        let g = kettle();
        let e = cost_of(
            "张伟",
            "热水壶",
            &g,
            3,
            &Balance::new(100.0, 0.0),
            left_of(&g, 0),
        );
        assert_eq!(
            e,
            Err(RedeemError::OverStock {
                gift: "热水壶".into(),
                wanted: 3,
                left: 2
            })
        );
        assert_eq!(left_of(&g, 2), Some(0));
        assert!(cost_of(
            "张伟",
            "热水壶",
            &g,
            1,
            &Balance::new(100.0, 0.0),
            left_of(&g, 2)
        )
        .is_err());
    }

    #[test]
    fn counts_outside_one_to_a_hundred_are_refused() {
        let g = kettle();
        for n in [0, -1, MAX_GIFTS + 1] {
            assert_eq!(
                cost_of("a", "b", &g, n, &Balance::new(1e4, 0.0), None),
                Err(RedeemError::BadCount { count: n })
            );
        }
    }

    #[test]
    fn balance_is_earned_less_spent_to_the_cent() {
        let b = Balance::new(0.1 + 0.2, 0.3);
        assert_eq!(b.balance, 0.0);
        assert_eq!(Balance::new(35.0, 0.0).after(20.0).balance, 15.0);
    }
}
