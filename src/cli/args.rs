//! The command line's shape: every command, argument and its help (clap).

use super::after;
use crate::i18n::Lang;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// jifen: points for a branch's quarterly members' assembly.
#[derive(Debug, Parser)]
#[command(name = "jifen", version, about, propagate_version = true)]
pub struct Cli {
    /// Database file (default: $JIFEN_DB, else jifen.sqlite in the user data folder).
    #[arg(long, global = true)]
    pub db: Option<PathBuf>,
    /// Interface language (default: from the locale).
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
    /// Branch to work on where a database holds several (and the new branch's name for `init`).
    #[arg(long, global = true)]
    pub branch: Option<String>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// `--lang zh|en`: the interface language, parsed by its code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LangArg(pub Lang);

impl ValueEnum for LangArg {
    fn value_variants<'a>() -> &'a [Self] {
        &[LangArg(Lang::Zh), LangArg(Lang::En)]
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        Some(clap::builder::PossibleValue::new(self.0.code()))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Format {
    #[default]
    Table,
    Json,
    Csv,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open the console (as with no command): on a committee database, the
    /// committee's desk (filings, ranking by category, reconsiderations).
    Console,
    /// Write a fresh demo branch (to --db or a temporary file) and open the console.
    Demo {
        /// Write the demo and exit without opening the console.
        #[arg(long)]
        no_console: bool,
    },
    /// The room display: the live ranking board, read-only.
    Board {
        /// Theme: default, projector-dark (the default), projector-light,
        /// high-contrast, or a theme file (.toml).
        #[arg(long)]
        theme: Option<String>,
        /// Keep the board on this period (e.g. 2026Q4) whatever the console chooses.
        #[arg(long)]
        period: Option<String>,
    },
    /// Create a branch on a scheme.
    Init {
        /// Built-in scheme id (see `jifen schemes`).
        #[arg(long, required_unless_present = "scheme_file")]
        scheme: Option<String>,
        /// A scheme file of the branch's own.
        #[arg(long)]
        scheme_file: Option<PathBuf>,
        /// Open the first period of this year (Q1 or H1).
        #[arg(long)]
        year: Option<i32>,
    },
    /// List the built-in schemes, or with an id the figures of that scheme
    /// that its seed does not state (the branch's choices).
    Schemes {
        /// A built-in scheme id, e.g. bureau-80.
        id: Option<String>,
    },
    /// Members: add, import, list, rename.
    #[command(subcommand)]
    Member(MemberCmd),
    /// Periods: open, list, start the session.
    #[command(subcommand)]
    Period(PeriodCmd),
    /// Claims: add, import, list.
    #[command(subcommand)]
    Claim(ClaimCmd),
    /// The committee's verdict on a claim.
    Verdict {
        /// The claim number.
        claim: i64,
        /// approve, adjust or reject.
        #[arg(value_enum)]
        outcome: OutcomeArg,
        /// Adjusted points (adjust).
        #[arg(long, allow_hyphen_values = true)]
        points: Option<f64>,
        /// The committee's reason (needed to adjust or reject).
        #[arg(long)]
        reason: Option<String>,
    },
    /// A member's confirmation of their statement, or a dispute.
    Confirm {
        /// Member's name or id.
        member: String,
        /// Period, e.g. 2026Q4 (default: the current one).
        #[arg(long)]
        period: Option<String>,
        /// Record a dispute with these words instead of a confirmation.
        #[arg(long)]
        dispute: Option<String>,
    },
    /// Roll call: mark a member present, on leave or absent.
    Attend {
        /// Member's name or id.
        member: String,
        /// present, leave or absent.
        #[arg(value_enum)]
        mark: MarkArg,
        /// Period, e.g. 2026Q4 (default: the current one).
        #[arg(long)]
        period: Option<String>,
    },
    /// Ranking of a period or a year.
    Rank {
        /// Period, e.g. 2026Q4 (default: the current one).
        #[arg(long, conflicts_with = "year")]
        period: Option<String>,
        /// Rank a whole year instead, e.g. 2026.
        #[arg(long)]
        year: Option<i32>,
        /// Show one member category (full, probationary, activist) with the
        /// places it holds in its ranking (full and probationary are ranked
        /// together, activists apart).
        #[arg(long)]
        category: Option<String>,
        /// On a committee database: rank every branch's members of the
        /// period across branches, by scheme and member category (分类排名).
        #[arg(long, conflicts_with_all = ["year", "category"])]
        by_category: bool,
        /// Output: table (the default), json or csv.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// A member's statement for a period.
    Statement {
        /// Member's name or id.
        member: String,
        /// Period, e.g. 2026Q4 (default: the current one).
        #[arg(long)]
        period: Option<String>,
        /// Output: table (the default), json or csv.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Seal a period.
    Lock {
        /// The period to seal, e.g. 2026Q4.
        period: String,
    },
    /// Undo the last action (as a new journal event).
    Undo,
    /// Check the hash chain, replay the journal and check locked totals.
    Verify {
        /// The seal printed at lock time (on the minutes).
        #[arg(long)]
        seal: Option<String>,
    },
    /// Re-compute every kept score of every branch from the tallies and write
    /// the ones that differ.
    Retotal {
        /// Write nothing; exit 1 if any kept score differs.
        #[arg(long)]
        check: bool,
    },
    /// Write an online backup of the database.
    Backup {
        /// Where to write it (default: a dated file in the backups folder).
        file: Option<PathBuf>,
    },
    /// Restore a backup over the database (after checking it verifies); refuses
    /// while a console holds the database, and says what newer events would be
    /// lost unless --force.
    Restore {
        /// The backup file to restore.
        file: PathBuf,
        /// Restore even though the database holds events the backup lacks.
        #[arg(long)]
        force: bool,
    },
    /// Set a branch setting: excellent_quota (above 0 to 1, e.g. 0.2),
    /// quota_ties (all | none), publication_days, appeal_reply_days,
    /// reconsider_days (whole days, 1-60), contact (who takes objections
    /// to the notice, e.g. "组织委员 王五 138xxxx"; 1-60 characters).
    Set {
        /// excellent_quota, quota_ties, publication_days, appeal_reply_days, reconsider_days or contact.
        key: String,
        /// The value: a share for excellent_quota (0.2), all or none for
        /// quota_ties, text for contact, a number of days otherwise.
        #[arg(allow_hyphen_values = true)]
        value: String,
    },
    /// Appeals (申诉) against a locked period: file, reply, list.
    #[command(subcommand)]
    Appeal(after::AppealCmd),
    /// Post a locked period's results (公示), or `--check`: finalize periods whose window closed.
    Publish(after::PublishArgs),
    /// Make a period final: publication window closed, no open appeals.
    Finalize(after::FinalizeArgs),
    /// Write the papers: notice, cards, summary, filing, minutes (or all).
    Export(after::ExportArgs),
    /// The follow-up list of actions (talks, reminders, holds): list, done.
    #[command(subcommand)]
    FollowUp(after::FollowUpCmd),
    /// The filing (备案): export a locked period's file, verify files, and on
    /// a committee database receive and list them.
    #[command(subcommand)]
    Filing(super::filing::FilingCmd),
    /// Reconsideration (复议) at the committee: file, decide, export the decision, list.
    #[command(subcommand)]
    Review(super::review::ReviewCmd),
    /// Redeem points for gifts (积分兑换): refused beyond the member's balance or the gift's stock.
    Redeem(super::redeem::RedeemArgs),
    /// The meeting's record for the minutes: place, host, recorder, agenda, resolutions.
    #[command(subcommand)]
    Meeting(super::meeting::MeetingCmd),
    /// Members' points balances for redemption: earned, spent, balance.
    Balance(super::redeem::BalanceArgs),
    /// The democratic appraisal (民主测评): open, returned, ballots, record, import, close, show.
    #[command(subcommand)]
    Appraisal(super::appraisal::AppraisalCmd),
    /// The year close (年终评定): record a member's final grade, at most what the points allow.
    #[command(subcommand)]
    Year(super::year::YearCmd),
    /// Print shell completions for jifen (bash, zsh, fish or powershell) to standard output.
    Completions {
        /// The shell to complete for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Generate realistic data for benchmarks and load tests.
    Gen {
        /// `county`: many branches' filings instead of one database.
        #[command(subcommand)]
        what: Option<super::filing::GenWhat>,
        /// Members per branch.
        #[arg(long, default_value_t = 800)]
        members: usize,
        /// Number of branches.
        #[arg(long, default_value_t = 1)]
        branches: usize,
        /// Number of years of periods.
        #[arg(long, default_value_t = 1)]
        years: i32,
        /// The first year.
        #[arg(long, default_value_t = 2026)]
        first_year: i32,
        /// Claims per member and period.
        #[arg(long, default_value_t = 6)]
        claims: usize,
        /// Quarters left open at the end; every earlier quarter is locked.
        #[arg(long, default_value_t = 1)]
        open_quarters: usize,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum OutcomeArg {
    Approve,
    Adjust,
    Reject,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum MarkArg {
    Present,
    Leave,
    Absent,
}

#[derive(Debug, Subcommand)]
pub enum MemberCmd {
    /// Add one member.
    Add {
        /// The member's name as on the roster.
        name: String,
        /// full, probationary or activist.
        #[arg(long, default_value = "full")]
        category: String,
        /// Tier (档次) where the scheme ranks members by tier.
        #[arg(long)]
        tier: Option<i64>,
        /// Party group (党小组).
        #[arg(long)]
        group: Option<String>,
        /// Exempt from scoring (年老体弱, on application).
        #[arg(long)]
        exempt: bool,
    },
    /// Import members from CSV or XLSX (name,category,tier,group).
    Import {
        /// The CSV or XLSX file.
        file: PathBuf,
    },
    /// List members.
    List {
        /// Output: table (the default), json or csv.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Rename a member (history stays with the member's id).
    Rename {
        /// The member's present name or id.
        member: String,
        /// The new name.
        name: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum PeriodCmd {
    /// Open a period, e.g. 2026Q4 or 2026H2.
    Open {
        /// The period, e.g. 2026Q4.
        period: String,
    },
    /// List periods with their state and seal.
    List,
    /// Start the assembly session of a period.
    Start {
        /// The period, e.g. 2026Q4.
        period: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum ClaimCmd {
    /// Add a claim; prints the new claim's id alone.
    Add(ClaimAddArgs),
    /// Import claims from CSV or XLSX (all-or-nothing).
    Import {
        /// The CSV or XLSX file: member,item,level,count,points,date,note,period[,verdict,reason]; items by code or title.
        file: PathBuf,
        /// Import the rows even if the same rows were imported before (otherwise refused, naming that import).
        #[arg(long)]
        again: bool,
    },
    /// List claims.
    List {
        /// Only this period, e.g. 2026Q4.
        #[arg(long)]
        period: Option<String>,
        /// Only this member's claims (name or id).
        #[arg(long)]
        member: Option<String>,
        /// Only pending or only decided claims.
        #[arg(long, value_enum)]
        status: Option<StatusArg>,
        /// Output: table (the default), json or csv.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
}

#[derive(Debug, Args)]
pub struct ClaimAddArgs {
    /// Member's name or id.
    pub member: String,
    /// Item code or title (e.g. other.blood or 无偿献血).
    pub item: String,
    /// Level code or Chinese name (province or 省级), where the item has levels.
    #[arg(long)]
    pub level: Option<String>,
    /// How many times (for items priced per occurrence).
    #[arg(long, default_value_t = 1, allow_negative_numbers = true)]
    pub count: i64,
    /// Points claimed, for items scored within a range.
    #[arg(long, allow_hyphen_values = true)]
    pub points: Option<f64>,
    /// Act date, YYYY-MM-DD (must lie in the period).
    #[arg(long)]
    pub date: Option<String>,
    /// A note kept with the record.
    #[arg(long)]
    pub note: Option<String>,
    /// Evidence: a document, photo or file reference.
    #[arg(long)]
    pub evidence: Option<String>,
    /// Period, e.g. 2026Q4 (default: the current one).
    #[arg(long)]
    pub period: Option<String>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum StatusArg {
    Pending,
    Decided,
}
