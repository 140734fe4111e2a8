//! The secretary's console (full-screen). Until the full console lands this
//! prints the current ranking so `jifen demo` shows something useful.

use crate::cli::Lang;
use crate::core::{CoreError, Ledger, RankScope};

/// Open the console on a ledger.
pub fn run(ledger: Ledger, _lang: Lang) -> Result<(), CoreError> {
    let p = ledger.period_or_current(None)?;
    let r = ledger.ranking(&RankScope::Period(p))?;
    for row in r.rows {
        println!("{:>3}  {}  {}", row.rank, crate::text::pad(&row.name, 10), crate::model::fmt_points(row.score));
    }
    Ok(())
}
