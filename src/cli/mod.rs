//! The command-line front end: arguments in, core calls, text/JSON/CSV out.

mod after;
mod output;
mod progress;

use crate::core::{ClaimDraft, ClaimFilter, CoreError, Ledger, MemberDraft, RankScope};
use crate::model::{Category, MemberStatus, Outcome};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::{Path, PathBuf};

/// jifen: points for a branch's quarterly members' assembly.
#[derive(Debug, Parser)]
#[command(name = "jifen", version, about, propagate_version = true)]
pub struct Cli {
    /// Database file (default: $JIFEN_DB, else jifen.sqlite in the user data folder).
    #[arg(long, global = true)]
    pub db: Option<PathBuf>,
    /// Interface language (default: from the locale).
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,
    /// Branch to work on where a database holds several (and the new branch's name for `init`).
    #[arg(long, global = true)]
    pub branch: Option<String>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    Zh,
    En,
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
        #[arg(long)]
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
    /// reconsider_days (whole days, 1-60).
    Set {
        /// excellent_quota, quota_ties, publication_days, appeal_reply_days or reconsider_days.
        key: String,
        /// The value: a share for excellent_quota (0.2), all or none for
        /// quota_ties, a number of days otherwise.
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
    /// Print shell completions for jifen (bash, zsh, fish or powershell) to standard output.
    Completions {
        /// The shell to complete for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Generate realistic data for benchmarks and load tests.
    Gen {
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
    #[arg(long, default_value_t = 1)]
    pub count: i64,
    /// Points claimed, for items scored within a range.
    #[arg(long)]
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

/// Where the database lives when `--db` is not given.
pub fn default_db() -> PathBuf {
    if let Ok(p) = std::env::var("JIFEN_DB") {
        return PathBuf::from(p);
    }
    let dir = dirs::data_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join("jifen");
    let _ = std::fs::create_dir_all(&dir);
    dir.join("jifen.sqlite")
}

/// Language from the flag, else the locale.
pub fn resolve_lang(flag: Option<Lang>) -> Lang {
    if let Some(l) = flag {
        return l;
    }
    for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        if let Ok(v) = std::env::var(var) {
            if v.is_empty() {
                continue;
            }
            return if v.to_lowercase().starts_with("zh") {
                Lang::Zh
            } else {
                Lang::En
            };
        }
    }
    Lang::Zh
}

type Out = Result<(), CoreError>;

fn fail<T>(m: impl Into<String>) -> Result<T, CoreError> {
    Err(CoreError::User(m.into()))
}

/// `jifen retotal [--check]`: a one-line summary; with `--check`, the first
/// differences and exit 1 when there are any.
fn retotal(db: &Path, check: bool) -> Out {
    if !db.exists() {
        return fail(format!("{}: no such database", db.display()));
    }
    let mut bar = progress::Progress::new("retotal", false);
    let r = crate::core::retotal::retotal_all_with(db, check, &mut |d, t| {
        bar.tell(d as u64, t as u64)
    })?;
    drop(bar);
    println!("{}", output::retotal_summary(&r));
    if check && r.changed() > 0 {
        for c in &r.first {
            println!("  {}", output::retotal_change(c));
        }
        return fail(format!(
            "{}: {} kept scores differ from the tallies (run `jifen retotal` to rewrite them)",
            db.display(),
            r.changed()
        ));
    }
    Ok(())
}

/// Run a parsed command line; errors are for the caller to print (exit 1).
pub fn run(cli: Cli) -> Out {
    let db = cli.db.clone().unwrap_or_else(default_db);
    let lang = resolve_lang(cli.lang);
    let branch = cli.branch.as_deref();
    let zh = lang == Lang::Zh;
    let Some(cmd) = cli.command else {
        let ledger = Ledger::open(&db, branch)?;
        return crate::tui::console::run(ledger, lang);
    };
    match cmd {
        Command::Completions { shell } => {
            use clap::CommandFactory;
            clap_complete::generate(shell, &mut Cli::command(), "jifen", &mut std::io::stdout());
            Ok(())
        }
        Command::Appeal(c) => after::appeal(&db, branch, c, zh),
        Command::Publish(a) => after::publish(&db, branch, a),
        Command::Finalize(a) => after::finalize(&db, branch, a),
        Command::Export(a) => after::export(&db, branch, a, zh),
        Command::FollowUp(c) => after::follow_up(&db, branch, c, zh),
        Command::Demo { no_console } => {
            let path = match cli.db.clone() {
                Some(p) => p,
                None => {
                    let dir =
                        std::env::temp_dir().join(format!("jifen-demo-{}", std::process::id()));
                    std::fs::create_dir_all(&dir)
                        .map_err(|e| CoreError::User(format!("{}: {e}", dir.display())))?;
                    dir.join("demo.sqlite")
                }
            };
            let ledger = crate::demo::write_demo(&path)?;
            eprintln!("demo branch written to {}", path.display());
            eprintln!(
                "room display (a second terminal): jifen board --db {}",
                path.display()
            );
            if no_console {
                println!("{}", path.display());
                return Ok(());
            }
            crate::tui::console::run(ledger, lang)
        }
        Command::Board { theme, period } => {
            let theme = theme.unwrap_or_else(|| "projector-dark".into());
            crate::tui::board::run(&db, branch, &theme, lang, period.as_deref())
        }
        Command::Init {
            scheme,
            scheme_file,
            year,
        } => {
            let Some(name) = cli.branch.clone() else {
                return fail("init needs --branch NAME");
            };
            let ledger = match &scheme_file {
                Some(f) => {
                    let text = std::fs::read_to_string(f)
                        .map_err(|e| CoreError::User(format!("{}: {e}", f.display())))?;
                    Ledger::init(&db, &name, "", Some((&f.display().to_string(), &text)))?
                }
                None => Ledger::init(&db, &name, scheme.as_deref().unwrap_or(""), None)?,
            };
            let mut ledger = ledger;
            if let Some(y) = year {
                let first = match ledger.scheme().cycle {
                    crate::scheme::Cycle::Quarter => format!("{y}Q1"),
                    crate::scheme::Cycle::Half => format!("{y}H1"),
                };
                ledger.open_period(&first)?;
            }
            println!(
                "branch {} on scheme {} in {}",
                name,
                ledger.scheme().id,
                db.display()
            );
            Ok(())
        }
        Command::Schemes { id: None } => {
            output::schemes(zh);
            Ok(())
        }
        Command::Schemes { id: Some(id) } => output::scheme_choices(&id, zh),
        Command::Member(m) => {
            let mut ledger = Ledger::open(&db, branch)?;
            match m {
                MemberCmd::Add {
                    name,
                    category,
                    tier,
                    group,
                    exempt,
                } => {
                    let category: Category = category.parse().map_err(CoreError::User)?;
                    let ids = ledger.add_members(&[MemberDraft {
                        name,
                        category,
                        tier,
                        group,
                        status: if exempt {
                            MemberStatus::Exempt
                        } else {
                            MemberStatus::Active
                        },
                    }])?;
                    println!("{}", ids[0]);
                }
                MemberCmd::Import { file } => {
                    let n = ledger.import_members(&file)?;
                    println!("imported {n} members");
                }
                MemberCmd::List { format } => output::members(&ledger, format)?,
                MemberCmd::Rename { member, name } => {
                    let m = ledger.find_member(&member)?;
                    let done = format!("member {} {} renamed to {}", m.id, m.name, name.trim());
                    ledger.update_member(
                        m.id,
                        &MemberDraft {
                            name,
                            category: m.category,
                            tier: m.tier,
                            group: m.group.as_deref().map(str::to_string),
                            status: m.status,
                        },
                    )?;
                    println!("{done}");
                }
            }
            Ok(())
        }
        Command::Period(p) => {
            let mut ledger = Ledger::open(&db, branch)?;
            match p {
                PeriodCmd::Open { period } => {
                    let id = ledger.open_period(&period)?;
                    println!("period {id} open");
                }
                PeriodCmd::Start { period } => {
                    let id = ledger.period_or_current(Some(&period))?;
                    crate::backup::auto_backup(&ledger, "session").map_err(CoreError::User)?;
                    ledger.start_session(&id)?;
                    println!("period {id} in session");
                }
                PeriodCmd::List => output::periods(&ledger)?,
            }
            Ok(())
        }
        Command::Claim(c) => {
            let mut ledger = Ledger::open(&db, branch)?;
            match c {
                ClaimCmd::Add(a) => {
                    let m = ledger.find_member(&a.member)?;
                    let mut d = ClaimDraft::new(m.id, &a.item);
                    d.level = a.level;
                    d.count = a.count;
                    d.points = a.points;
                    d.date = a.date;
                    d.note = a.note;
                    d.evidence = a.evidence;
                    d.period = a.period;
                    let id = ledger.add_claim(&d)?;
                    println!("{id}");
                }
                ClaimCmd::Import { file } => {
                    let mut bar = progress::Progress::new("import", true);
                    let n = ledger.import_claims_with(&file, &mut |d, t| bar.tell(d, t))?;
                    drop(bar);
                    println!("imported {n} claims");
                }
                ClaimCmd::List {
                    period,
                    member,
                    status,
                    format,
                } => {
                    let member = match member {
                        Some(m) => Some(ledger.find_member(&m)?.id),
                        None => None,
                    };
                    let f = ClaimFilter {
                        period,
                        member,
                        pending_only: matches!(status, Some(StatusArg::Pending)),
                        decided_only: matches!(status, Some(StatusArg::Decided)),
                    };
                    output::claims(&ledger, &ledger.claims(&f)?, format, zh)?;
                }
            }
            Ok(())
        }
        Command::Verdict {
            claim,
            outcome,
            points,
            reason,
        } => {
            let mut ledger = Ledger::open(&db, branch)?;
            let o = match outcome {
                OutcomeArg::Approve => Outcome::Approved,
                OutcomeArg::Adjust => Outcome::Adjusted,
                OutcomeArg::Reject => Outcome::Rejected,
            };
            ledger.verdict(claim, o, points, reason.as_deref())?;
            let c = ledger.claim(claim)?;
            println!(
                "claim {claim} of {} {}: {} points count",
                c.member,
                c.status.code(),
                crate::model::fmt_points(c.counted())
            );
            Ok(())
        }
        Command::Confirm {
            member,
            period,
            dispute,
        } => {
            let mut ledger = Ledger::open(&db, branch)?;
            let m = ledger.find_member(&member)?;
            let p = ledger.period_or_current(period.as_deref())?;
            ledger.confirm(m.id, &p, dispute.as_deref())?;
            let what = if dispute.is_some() {
                "disputed"
            } else {
                "confirmed"
            };
            println!("{} {what} the statement of {p}", m.name);
            Ok(())
        }
        Command::Attend {
            member,
            mark,
            period,
        } => {
            let mut ledger = Ledger::open(&db, branch)?;
            let m = ledger.find_member(&member)?;
            let p = ledger.period_or_current(period.as_deref())?;
            let mark = match mark {
                MarkArg::Present => crate::model::Attendance::Present,
                MarkArg::Leave => crate::model::Attendance::Leave,
                MarkArg::Absent => crate::model::Attendance::Absent,
            };
            let done = ledger.mark_attendance(m.id, &p, mark)?;
            let mut line = format!("{} {} in {p}", m.name, mark.code());
            if let Some(id) = done.withdrawn {
                line.push_str(&format!("; claim {id} withdrawn"));
            }
            if let Some(id) = done.claim {
                line.push_str(&format!("; claim {id} pending"));
            }
            println!("{line}");
            Ok(())
        }
        Command::Rank {
            period,
            year,
            category,
            format,
        } => {
            let ledger = Ledger::open(&db, branch)?;
            let scope = match year {
                Some(y) => RankScope::Year(y),
                None => RankScope::Period(ledger.period_or_current(period.as_deref())?),
            };
            let cat = match category {
                Some(c) => Some(c.parse::<Category>().map_err(CoreError::User)?),
                None => None,
            };
            let r = ledger.ranking_of(&scope, cat)?;
            output::ranking(&ledger, &r, format, zh)
        }
        Command::Statement {
            member,
            period,
            format,
        } => {
            let ledger = Ledger::open(&db, branch)?;
            let m = ledger.find_member(&member)?;
            let p = ledger.period_or_current(period.as_deref())?;
            let s = ledger.statement(m.id, &p, zh)?;
            output::statement(&ledger, &s, format, zh)
        }
        Command::Lock { period } => {
            let mut ledger = Ledger::open(&db, branch)?;
            let p = ledger.period_or_current(Some(&period))?;
            // A script cannot be asked: an inquorate lock goes ahead, and the record says so.
            let q = ledger.note_quorum(&p, true)?;
            let done = ledger.lock_and_publish(&p)?;
            println!("{}", crate::i18n::meeting::quorum_line(lang, &q));
            let r = &done.report;
            println!("locked {} ({} members)", r.period, r.members);
            if !r.unconfirmed.is_empty() {
                println!("unconfirmed: {}", r.unconfirmed.join(", "));
            }
            println!("seal {}", r.seal);
            for n in &r.quota_notes {
                println!(
                    "{}",
                    crate::i18n::quota_note(output::lang_of(zh), ledger.scheme(), n)
                );
            }
            after::after_lock(&done.publication?);
            Ok(())
        }
        Command::Undo => {
            let mut ledger = Ledger::open(&db, branch)?;
            let what = ledger.undo_last()?;
            println!("undone: {what}");
            Ok(())
        }
        Command::Verify { seal } => {
            let mut bar = progress::Progress::new("verify", false);
            let r = crate::core::verify_with(&db, seal.as_deref(), &mut |d, t| bar.tell(d, t))?;
            drop(bar);
            println!(
                "ok: {} events, chain intact, state matches the journal",
                r.events
            );
            for (p, s) in &r.locks {
                println!("locked {p}: seal {s}, totals match");
            }
            if let Some(p) = r.seal_matched {
                println!("seal matches the lock of {p}");
            }
            Ok(())
        }
        Command::Retotal { check } => retotal(&db, check),
        Command::Backup { file } => {
            let ledger = Ledger::open(&db, branch)?;
            let dest = match file {
                Some(f) => {
                    crate::backup::backup_to(&ledger, &f).map_err(CoreError::User)?;
                    f
                }
                None => crate::backup::auto_backup(&ledger, "manual").map_err(CoreError::User)?,
            };
            println!("{}", dest.display());
            Ok(())
        }
        Command::Restore { file, force } => {
            if !Path::new(&file).exists() {
                return fail(format!("{}: no such backup", file.display()));
            }
            let (plan, kept) =
                crate::backup::restore(&file, &db, force).map_err(CoreError::User)?;
            let kept = kept
                .map(|k| format!("; the replaced database is kept as {}", k.display()))
                .unwrap_or_default();
            println!(
                "restored {} from {} ({} newer event(s) discarded){kept}",
                db.display(),
                file.display(),
                plan.lost_events
            );
            Ok(())
        }
        Command::Gen {
            members,
            branches,
            years,
            first_year,
            claims,
            open_quarters,
        } => {
            if db.exists() {
                return fail(format!(
                    "{}: already exists; gen writes a new database",
                    db.display()
                ));
            }
            let spec = crate::gen::GenSpec {
                branches,
                members,
                years,
                first_year,
                claims_per_member_quarter: claims,
                scheme: "bureau-80",
                open_quarters,
            };
            let t = std::time::Instant::now();
            crate::gen::generate(&db, &spec)?;
            println!(
                "generated {members} members in {branches} branches, {years} years, in {:.1}s",
                t.elapsed().as_secs_f64()
            );
            Ok(())
        }
        Command::Set { key, value } => {
            let mut ledger = Ledger::open(&db, branch)?;
            let v: serde_json::Value =
                serde_json::from_str(&value).unwrap_or(serde_json::Value::String(value));
            ledger.set_setting(&key, v.clone())?;
            println!("{key} set to {v} for branch {}", ledger.branch().name);
            Ok(())
        }
    }
}
