//! What a quota does with a tied group at its edge.

use serde::{Deserialize, Serialize};

/// What a quota does with a tied group at its edge (branch setting `quota_ties`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TieRule {
    /// The whole tied group is in, even when that takes the count over the quota.
    #[default]
    All,
    /// None of the tied group is in: the count stays within the quota.
    None,
}

impl TieRule {
    /// The setting's value as stored and typed (`all`, `none`).
    pub fn code(self) -> &'static str {
        match self {
            TieRule::All => "all",
            TieRule::None => "none",
        }
    }
}

impl std::str::FromStr for TieRule {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim() {
            "all" => Ok(TieRule::All),
            "none" => Ok(TieRule::None),
            other => Err(format!("unknown tie rule '{other}' (allowed: all, none)")),
        }
    }
}
