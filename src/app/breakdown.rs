//! What each kind of item brings to a member's score: the papers' 加分/减分
//! columns, from the same window and tallies as the total they sit beside.

use super::{totals, Ledger, Result};
use crate::domain::model::PeriodId;
use crate::domain::scoring::{self, KindSums};
use std::collections::HashMap;

impl Ledger {
    /// Each member's bonus, deduction and offset points in period `p` as
    /// their total counts them (caps applied, corrections merged), by member id.
    pub fn kind_sums(&self, p: &PeriodId) -> Result<HashMap<i64, KindSums>> {
        let held = totals::held_periods(self.conn(), self.branch.id)?;
        let window: Vec<String> = totals::window_of(self.scheme(), p, &held)
            .iter()
            .map(|q| q.to_string())
            .collect();
        let t = totals::window_tallies(self.conn(), self.branch.id, &window, self.corrections)?;
        Ok(self
            .members()?
            .iter()
            .map(|m| {
                let merged = totals::merged_of(&t, m.id);
                (m.id, scoring::kind_sums(self.scheme(), m.tier, &merged))
            })
            .collect())
    }
}
