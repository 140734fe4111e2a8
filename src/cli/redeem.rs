//! `jifen redeem` and `jifen balance`: points redemption (积分兑换) from the
//! command line.

use super::output::csv_out;
use super::Format;
use crate::app::{CoreError, Ledger};
use crate::domain::model::fmt_points;
use crate::domain::text::{printable, table};
use crate::i18n::redemption::redemption_words;
use crate::i18n::Lang;
use clap::Args;
use std::path::Path;

type Out = Result<(), CoreError>;

/// `jifen redeem MEMBER GIFT [--count N] [--period P]`.
#[derive(Debug, Args)]
pub struct RedeemArgs {
    /// Member's name or id.
    pub member: String,
    /// Gift code or title (see the scheme's [redemption] catalogue), e.g. gift.kettle or 热水壶.
    pub gift: String,
    /// How many of the gift.
    #[arg(long, default_value_t = 1, allow_negative_numbers = true)]
    pub count: i64,
    /// Period, e.g. 2026Q4 (default: the current one); a sealed period takes none.
    #[arg(long)]
    pub period: Option<String>,
}

/// `jifen balance [MEMBER] [--period P] [--format table|json|csv]`.
#[derive(Debug, Args)]
pub struct BalanceArgs {
    /// Only this member (name or id).
    pub member: Option<String>,
    /// The balance as it stood at the end of this period (default: now).
    #[arg(long)]
    pub period: Option<String>,
    /// Output: table (the default), json or csv.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

/// Redeem, printing one line with the balance before and after.
pub fn redeem(db: &Path, branch: Option<&str>, a: RedeemArgs, lang: Lang) -> Out {
    let mut l = Ledger::open(db, branch)?;
    let m = l.find_member(&a.member)?;
    let p = l.period_or_current(a.period.as_deref())?;
    let zh = lang == Lang::Zh;
    let r = l.redeem(m.id, &a.gift, a.count, &p, zh)?;
    let line = (redemption_words(lang).done)(
        &r.member,
        r.count,
        r.gift.title_in(zh),
        r.cost,
        r.before.balance,
        r.after.balance,
    );
    println!("{}", printable(&line));
    Ok(())
}

/// Print balances: one member's or every member's.
pub fn balance(db: &Path, branch: Option<&str>, a: BalanceArgs, lang: Lang) -> Out {
    let l = Ledger::open(db, branch)?;
    let up_to = match a.period.as_deref() {
        Some(p) => Some(l.period_or_current(Some(p))?),
        None => None,
    };
    let mut rows = l.balances(up_to.as_ref())?;
    if let Some(key) = &a.member {
        let m = l.find_member(key)?;
        rows.retain(|r| r.member_id == m.id);
    }
    if a.format == Format::Json {
        let s = serde_json::to_string_pretty(&rows).map_err(|e| CoreError::User(e.to_string()))?;
        println!("{s}");
        return Ok(());
    }
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            vec![
                r.member_id.to_string(),
                r.member.clone(),
                fmt_points(r.balance.earned),
                fmt_points(r.balance.spent),
                fmt_points(r.balance.balance),
            ]
        })
        .collect();
    if a.format == Format::Csv {
        return csv_out(
            &["member_id", "member", "earned", "spent", "balance"],
            &cells,
        );
    }
    let w = redemption_words(lang);
    let header = ["#", w.member, w.earned, w.spent, w.balance];
    print!(
        "{}",
        table(&header, &cells, &[true, false, true, true, true])
    );
    Ok(())
}

/// The statement's redemption line (earned, spent, balance), where the
/// scheme has a gift catalogue.
pub(super) fn statement_line(l: &Ledger, s: &crate::app::Statement, lang: Lang) -> Option<String> {
    if l.scheme().gifts().is_empty() {
        return None;
    }
    let (w, b) = (redemption_words(lang), &s.redemption);
    Some(format!(
        "{} {}  {} {}  {} {}",
        w.earned,
        fmt_points(b.earned),
        w.spent,
        fmt_points(b.spent),
        w.balance,
        fmt_points(b.balance)
    ))
}
