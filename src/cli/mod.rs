//! The command-line front end: arguments in, core calls, text/JSON/CSV out.

mod after;
mod appraisal;
mod args;
mod filing;
mod meeting;
mod output;
mod progress;
mod redeem;
mod review;
mod roster;
mod year;

pub use args::*;

use crate::app::{ClaimDraft, ClaimFilter, CoreError, Ledger, MemberDraft, RankScope};
use crate::domain::model::{Category, MemberStatus, Outcome};
use crate::domain::text::printable;
use crate::i18n::cli::CliWords;
use crate::i18n::Lang;
use std::path::{Path, PathBuf};

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
pub fn resolve_lang(flag: Option<LangArg>) -> Lang {
    flag.map_or_else(Lang::from_locale, |l| l.0)
}

type Out = Result<(), CoreError>;

/// A file the system would not read or write, said in the interface's words.
fn file_error(_: &CliWords, path: &Path, e: &std::io::Error) -> CoreError {
    CoreError::file(path, e)
}

fn fail<T>(m: impl Into<String>) -> Result<T, CoreError> {
    Err(CoreError::User(m.into()))
}

/// `jifen retotal [--check]`: a one-line summary; with `--check`, the first
/// differences and exit 1 when there are any.
fn retotal(db: &Path, check: bool, w: &CliWords) -> Out {
    if !db.exists() {
        return fail((w.no_database)(&db.display().to_string()));
    }
    let mut bar = progress::Progress::new("retotal", false);
    let r =
        crate::app::retotal::retotal_all_with(db, check, &mut |d, t| bar.tell(d as u64, t as u64))?;
    drop(bar);
    println!("{}", output::retotal_summary(&r));
    if check && r.changed() > 0 {
        for c in &r.first {
            println!("  {}", output::retotal_change(c));
        }
        return fail((w.retotal_differs)(&db.display().to_string(), r.changed()));
    }
    Ok(())
}

/// The console on `db`: the committee's desk on a committee database, else
/// the branch's console.
fn console(db: &Path, branch: Option<&str>, lang: Lang) -> Out {
    if crate::app::filing::is_committee(db) {
        return crate::tui::console::desk::run(db, lang);
    }
    let ledger = Ledger::open(db, branch)?;
    crate::tui::console::run(ledger, lang)
}

/// Run a parsed command line; errors are for the caller to print (exit 1).
pub fn run(cli: Cli) -> Out {
    let db = cli.db.clone().unwrap_or_else(default_db);
    let lang = resolve_lang(cli.lang);
    let branch = cli.branch.as_deref();
    let zh = lang == Lang::Zh;
    let w = lang.words().cli;
    let cmd = match cli.command {
        None | Some(Command::Console) => return console(&db, branch, lang),
        Some(cmd) => cmd,
    };
    match cmd {
        Command::Console => console(&db, branch, lang),
        Command::Completions { shell } => {
            use clap::CommandFactory;
            clap_complete::generate(shell, &mut Cli::command(), "jifen", &mut std::io::stdout());
            Ok(())
        }
        Command::Appeal(c) => after::appeal(&db, branch, c, lang),
        Command::Publish(a) => after::publish(&db, branch, a, lang),
        Command::Finalize(a) => after::finalize(&db, branch, a, lang),
        Command::Export(a) => after::export(&db, branch, a, lang),
        Command::FollowUp(c) => after::follow_up(&db, branch, c, lang),
        Command::Filing(c) => filing::run(&db, branch, c, lang),
        Command::Review(c) => review::run(&db, branch, c, lang),
        Command::Redeem(a) => redeem::redeem(&db, branch, a, lang),
        Command::Meeting(c) => meeting::meeting(&db, branch, c, lang),
        Command::Balance(a) => redeem::balance(&db, branch, a, lang),
        Command::Appraisal(c) => appraisal::run(&db, branch, c, lang),
        Command::Year(c) => year::run(&db, branch, c, lang),
        Command::Demo { no_console } => {
            let path = match cli.db.clone() {
                Some(p) => p,
                None => {
                    let dir =
                        std::env::temp_dir().join(format!("jifen-demo-{}", std::process::id()));
                    std::fs::create_dir_all(&dir).map_err(|e| file_error(w, &dir, &e))?;
                    dir.join("demo.sqlite")
                }
            };
            let ledger = crate::dev::demo::write_demo(&path)?;
            eprintln!("{}", (w.demo_written)(&path.display().to_string()));
            eprintln!("{}", (w.demo_board)(&path.display().to_string()));
            if no_console {
                println!("{}", path.display());
                return Ok(());
            }
            crate::tui::console::run(ledger, lang)
        }
        Command::Board { theme, period } => {
            let theme = theme.unwrap_or_else(|| "projector-dark".into());
            if crate::app::filing::is_committee(&db) {
                return crate::tui::board::committee::run(&db, &theme, lang, period.as_deref());
            }
            crate::tui::board::run(&db, branch, &theme, lang, period.as_deref())
        }
        Command::Init {
            scheme,
            scheme_file,
            year,
        } => {
            let Some(name) = cli.branch.clone() else {
                return fail(w.init_needs_branch);
            };
            let ledger = match &scheme_file {
                Some(f) => {
                    let text = std::fs::read_to_string(f).map_err(|e| file_error(w, f, &e))?;
                    Ledger::init(&db, &name, "", Some((&f.display().to_string(), &text)))?
                }
                None => Ledger::init(&db, &name, scheme.as_deref().unwrap_or(""), None)?,
            };
            let mut ledger = ledger;
            if let Some(y) = year {
                let first = match ledger.scheme().cycle {
                    crate::domain::scheme::Cycle::Quarter => format!("{y}Q1"),
                    crate::domain::scheme::Cycle::Half => format!("{y}H1"),
                };
                ledger.open_period(&first)?;
            }
            println!(
                "{}",
                (w.branch_made)(&name, &ledger.scheme().id, &db.display().to_string())
            );
            Ok(())
        }
        Command::Schemes { id: None } => {
            output::schemes(lang);
            Ok(())
        }
        Command::Schemes { id: Some(id) } => output::scheme_choices(&id, lang),
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
                    let category: Category = category.parse()?;
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
                    println!("{}", (w.imported_members)(n));
                }
                MemberCmd::List { format } => output::members(&ledger, format, lang)?,
                MemberCmd::Rename { member, name } => {
                    let m = ledger.find_member(&member)?;
                    let done = (w.renamed)(m.id, &m.name, name.trim());
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
                    println!("{}", (w.period_opened)(&id.to_string()));
                }
                PeriodCmd::Start { period } => {
                    let id = ledger.period_or_current(Some(&period))?;
                    crate::app::backup::auto_backup(&ledger, "session")?;
                    ledger.start_session(&id)?;
                    println!("{}", (w.period_started)(&id.to_string()));
                }
                PeriodCmd::List => output::periods(&ledger, lang)?,
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
                ClaimCmd::Import { file, again } => {
                    use crate::app::import::Repeats;
                    let mut bar = progress::Progress::new("import", true);
                    let repeats = if again {
                        Repeats::Allow
                    } else {
                        Repeats::Refuse
                    };
                    let n = ledger
                        .import_claims_as(&file, repeats, &mut |d, t| bar.tell(d, t))
                        .map_err(|e| output::import_refusal(e, lang))?;
                    drop(bar);
                    println!("{}", (w.imported_claims)(n));
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
                    output::claims(&ledger, &ledger.claims(&f)?, format, lang)?;
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
            let status = (w.cell_claim_status)(c.status);
            println!(
                "{}",
                (w.verdict_given)(
                    claim,
                    &c.member,
                    status,
                    &crate::domain::model::fmt_points(c.counted())
                )
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
            let said = if dispute.is_some() {
                w.disputed
            } else {
                w.confirmed
            };
            println!("{}", said(&printable(&m.name), &p.to_string()));
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
                MarkArg::Present => crate::domain::model::Attendance::Present,
                MarkArg::Leave => crate::domain::model::Attendance::Leave,
                MarkArg::Absent => crate::domain::model::Attendance::Absent,
            };
            let done = ledger.mark_attendance(m.id, &p, mark)?;
            let mark = (w.cell_attendance)(mark);
            let line = (w.marked)(&m.name, mark, &p.to_string(), done.withdrawn, done.claim);
            println!("{line}");
            Ok(())
        }
        Command::Rank {
            period,
            year,
            category,
            by_category,
            format,
        } => {
            if by_category || crate::app::filing::is_committee(&db) {
                return filing::rank(&db, branch, period.as_deref(), by_category, format, lang);
            }
            let ledger = Ledger::open(&db, branch)?;
            let scope = match year {
                Some(y) => RankScope::Year(y),
                None => RankScope::Period(ledger.period_or_current(period.as_deref())?),
            };
            let cat = match category {
                Some(c) => Some(c.parse::<Category>()?),
                None => None,
            };
            let r = ledger.ranking_of(&scope, cat)?;
            match (scope, format) {
                (RankScope::Year(y), Format::Json) => year::rank_json(&ledger, &r, y),
                _ => output::ranking(&ledger, &r, format, lang),
            }
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
            output::statement(&ledger, &s, format, lang)
        }
        Command::Lock { period } => {
            let mut ledger = Ledger::open(&db, branch)?;
            let p = ledger.period_or_current(Some(&period))?;
            // A script cannot be asked: an inquorate lock goes ahead, and the record says so.
            let (q, done) = ledger.lock_noting_quorum(&p, true)?;
            println!("{}", lang.words().meeting.quorum_line(&q));
            let r = &done.report;
            println!("{}", (w.locked)(&r.period.to_string(), r.members));
            if !r.unconfirmed.is_empty() {
                println!("{}", (w.unconfirmed)(&printable(&r.unconfirmed.join(", "))));
            }
            println!("{}", (w.seal)(&r.seal));
            for n in &r.quota_notes {
                println!("{}", lang.words().grading.quota(ledger.scheme(), n));
            }
            after::after_lock(&done.publication?, w);
            Ok(())
        }
        Command::Undo => {
            let mut ledger = Ledger::open(&db, branch)?;
            let plan = ledger.undo_plan(crate::app::undo::UndoScope::Branch)?;
            ledger.undo(&plan, crate::app::undo::UndoScope::Branch)?;
            let what: Vec<String> = plan
                .steps
                .iter()
                .map(|s| (lang.words().meeting.undo_step)(s))
                .collect();
            println!("{}", (w.undone)(&printable(&what.join(", "))));
            Ok(())
        }
        Command::Verify { seal } if crate::app::filing::is_committee(&db) => {
            let v = crate::app::filing::verify_committee(&db, seal.as_deref())?;
            let w = &lang.words().filing;
            println!("{}", (w.verified_received)(v.filings));
            if let (Some(s), Some((branch, period))) = (seal, v.seal_matched) {
                println!("{}", (w.verified_seal)(s.trim(), &branch, &period));
            }
            Ok(())
        }
        Command::Verify { seal } => {
            let mut bar = progress::Progress::new("verify", false);
            let r = crate::app::verify_with(&db, seal.as_deref(), &mut |d, t| bar.tell(d, t))?;
            drop(bar);
            println!("{}", (w.verified)(r.events));
            for (p, s) in &r.locks {
                println!("{}", (w.verified_lock)(&p.to_string(), s));
            }
            if let Some(p) = r.seal_matched {
                println!("{}", (w.seal_matches)(&p.to_string()));
            }
            Ok(())
        }
        Command::Retotal { check } => retotal(&db, check, w),
        Command::Backup { file } => {
            let ledger = Ledger::open(&db, branch)?;
            let dest = match file {
                Some(f) => {
                    crate::app::backup::backup_to(&ledger, &f)?;
                    f
                }
                None => crate::app::backup::auto_backup(&ledger, "manual")?,
            };
            println!("{}", dest.display());
            Ok(())
        }
        Command::Restore { file, force } => {
            if !Path::new(&file).exists() {
                return fail((w.no_backup)(&file.display().to_string()));
            }
            let (plan, kept) = crate::app::backup::restore(&file, &db, force)?;
            let kept = kept.map(|k| k.display().to_string());
            println!(
                "{}",
                (w.restored)(
                    &db.display().to_string(),
                    &file.display().to_string(),
                    plan.lost_events,
                    kept.as_deref()
                )
            );
            Ok(())
        }
        Command::Gen {
            what: Some(what), ..
        } => filing::gen(what, lang),
        Command::Gen {
            what: None,
            members,
            branches,
            years,
            first_year,
            claims,
            open_quarters,
        } => {
            if db.exists() {
                return fail((w.gen_exists)(&db.display().to_string()));
            }
            let spec = crate::dev::gen::GenSpec {
                branches,
                members,
                years,
                first_year,
                claims_per_member_quarter: claims,
                scheme: "bureau-80",
                open_quarters,
            };
            let t = std::time::Instant::now();
            crate::dev::gen::generate(&db, &spec)?;
            println!(
                "{}",
                (w.generated)(members, branches, years, t.elapsed().as_secs_f64())
            );
            Ok(())
        }
        Command::Set { key, value } => {
            let mut ledger = Ledger::open(&db, branch)?;
            let v = crate::app::settings::parse_value(&key, &value);
            ledger.set_setting(&key, v.clone())?;
            println!(
                "{}",
                (w.setting_set)(
                    &printable(&key),
                    &v.to_string(),
                    &printable(&ledger.branch().name)
                )
            );
            Ok(())
        }
    }
}
