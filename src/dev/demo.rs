//! The built-in demo branch: ~40 members, one locked quarter, one quarter in progress.

use crate::app::{CoreError, Ledger, Result};
use crate::domain::model::{Outcome, PeriodId};
use std::path::Path;

const MEMBERS: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/demo/members.csv"
));
const CLAIMS_Q3: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/demo/claims-2026Q3.csv"
));
const CLAIMS_Q4: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/demo/claims-2026Q4.csv"
));

/// Name of the demo branch.
pub const BRANCH: &str = "市直机关第一党支部";

fn import(ledger: &mut Ledger, text: &str, name: &str, members: bool) -> Result<usize> {
    let dir = tempfile::tempdir().map_err(|e| CoreError::file(&std::env::temp_dir(), &e))?;
    let path = dir.path().join(name);
    std::fs::write(&path, text).map_err(|e| CoreError::file(&path, &e))?;
    if members {
        ledger.import_members(&path)
    } else {
        ledger.import_claims(&path)
    }
}

/// Write the demo branch to a new database at `path`.
pub fn write_demo(path: &Path) -> Result<Ledger> {
    if path.exists()
        && std::fs::metadata(path)
            .map(|m| m.len() > 0)
            .unwrap_or(false)
    {
        return Err(crate::app::LedgerError::DemoExists {
            path: path.display().to_string(),
        }
        .into());
    }
    let mut l = Ledger::init(path, BRANCH, "bureau-80", None)?;
    l.set_actor("demo");
    import(&mut l, MEMBERS, "members.csv", true)?;
    l.open_period("2026Q3")?;
    import(&mut l, CLAIMS_Q3, "claims-2026Q3.csv", false)?;
    let q3: PeriodId = "2026Q3".parse()?;
    let members = l.members()?;
    for (i, m) in members
        .iter()
        .enumerate()
        .filter(|(_, m)| m.status == crate::domain::model::MemberStatus::Active)
    {
        if i == 7 {
            l.confirm(m.id, &q3, Some("缺勤已补假条,不应扣分"))?;
        } else if i != 12 {
            l.confirm(m.id, &q3, None)?;
        }
    }
    l.lock(&q3)?;
    let q4 = l.open_period("2026Q4")?;
    import(&mut l, CLAIMS_Q4, "claims-2026Q4.csv", false)?;
    l.start_session(&q4)?;
    let claims = l.claims(&crate::app::ClaimFilter {
        period: Some(q4.to_string()),
        ..Default::default()
    })?;
    for c in claims.iter().take(8) {
        l.verdict(c.id, Outcome::Approved, None, None)?;
    }
    if let Some(c) = claims.get(8) {
        l.verdict(c.id, Outcome::Rejected, None, Some("证明材料不全"))?;
    }
    l.set_actor("secretary");
    Ok(l)
}
