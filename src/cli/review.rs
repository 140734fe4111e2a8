//! `jifen review ...` at the committee (reconsideration, 复议: file, decide,
//! export, list) and a branch receiving the decision files: parse, call the
//! core's review, print.

use super::filing::day_or_today;
use super::{output, Format};
use crate::app::review::{self, Decision, DecisionReceipt};
use crate::app::{CoreError, Ledger};
use crate::domain::model::{fmt_points, AppealOutcome};
use crate::domain::text::{printable, table};
use crate::i18n::Lang;
use clap::{Subcommand, ValueEnum};
use std::path::{Path, PathBuf};

type Out = Result<(), CoreError>;

/// The committee's decision.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum DecisionArg {
    /// Upheld: the member's score is corrected by --points on --item.
    Uphold,
    /// Dismissed: the result stands.
    Dismiss,
}

#[derive(Debug, Subcommand)]
pub enum ReviewCmd {
    /// File a member's reconsideration request against a received filing
    /// (--branch NAME); the decision is due in 3 working days.
    File {
        /// The period of the filing, e.g. 2026Q4.
        #[arg(long)]
        period: String,
        /// The member: name, or id at the branch.
        member: String,
        /// The member's words.
        #[arg(long)]
        text: String,
        /// The item objected to: its code or title.
        #[arg(long)]
        item: Option<String>,
        /// The branch's appeal (申诉) sent up, by its number at the branch:
        /// the decision, received there, closes it.
        #[arg(long)]
        appeal: Option<i64>,
        /// Day the request was received (default: today).
        #[arg(long)]
        date: Option<String>,
    },
    /// Decide a reconsideration: uphold (with --points, and --item unless
    /// the request named one) or dismiss. Once.
    Decide {
        /// The reconsideration's number.
        id: i64,
        /// uphold or dismiss.
        #[arg(value_enum)]
        decision: DecisionArg,
        /// Upheld: the points, as on a claim of the item (negative takes back).
        #[arg(long, allow_hyphen_values = true)]
        points: Option<f64>,
        /// Upheld: the item corrected (code or title).
        #[arg(long)]
        item: Option<String>,
        /// The committee's reason.
        #[arg(long)]
        reason: Option<String>,
        /// Day of the decision (default: today).
        #[arg(long)]
        date: Option<String>,
    },
    /// Write a decided reconsideration's decision file for the branch.
    Export {
        /// The reconsideration's number.
        id: i64,
        /// The file, or a folder for the default name
        /// (BRANCH-PERIOD-review-ID.jifen-decision.json).
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// The reconsiderations filed at the committee, with their deadlines.
    List {
        /// Only this period.
        #[arg(long)]
        period: Option<String>,
        /// Output: table (the default), json or csv.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
        /// Judge deadlines as of this day (default: today).
        #[arg(long)]
        today: Option<String>,
    },
}

/// Run one `jifen review` command on the committee database `db`.
pub fn run(db: &Path, branch: Option<&str>, cmd: ReviewCmd, lang: Lang) -> Out {
    let w = lang.words().review;
    match cmd {
        ReviewCmd::File {
            period,
            member,
            text,
            item,
            appeal,
            date,
        } => {
            let Some(branch) = branch else {
                return Err(CoreError::User(
                    lang.words().filing.needs_branch.to_string(),
                ));
            };
            let on = day_or_today(date.as_deref())?;
            let request = review::Request {
                branch,
                period: &period,
                member: &member,
                item: item.as_deref(),
                text: &text,
                appeal,
            };
            let r = review::file_request(db, &request, on)?;
            let line = (w.filed)(r.id, &r.branch, &r.period, &r.member, &r.due);
            println!("{}", printable(&line));
            Ok(())
        }
        ReviewCmd::Decide {
            id,
            decision,
            points,
            item,
            reason,
            date,
        } => {
            let d = Decision {
                outcome: match decision {
                    DecisionArg::Uphold => AppealOutcome::Upheld,
                    DecisionArg::Dismiss => AppealOutcome::Dismissed,
                },
                item,
                points,
                reason,
            };
            let r = review::decide(db, id, &d, day_or_today(date.as_deref())?)?;
            println!("{}", printable(&(w.decided)(&r)));
            Ok(())
        }
        ReviewCmd::Export { id, out } => {
            let e = review::export(db, id, out.as_deref())?;
            let f = &e.file;
            let line = (w.exported)(
                &e.path.display().to_string(),
                id,
                &f.branch,
                &f.period,
                &f.committee.hash,
            );
            println!("{}", printable(&line));
            Ok(())
        }
        ReviewCmd::List {
            period,
            format,
            today,
        } => {
            let all = review::reviews(db, period.as_deref(), day_or_today(today.as_deref())?)?;
            if format == Format::Json {
                return output::json(&all);
            }
            let rows: Vec<Vec<String>> = all
                .iter()
                .map(|r| {
                    vec![
                        r.id.to_string(),
                        printable(&r.branch).into_owned(),
                        r.period.clone(),
                        printable(&r.member).into_owned(),
                        match format {
                            Format::Csv => r.status.code().to_string(),
                            _ => (w.status)(r.status).to_string(),
                        },
                        r.due.clone(),
                        r.points.map(fmt_points).unwrap_or_default(),
                        printable(r.reason.as_deref().unwrap_or_default()).into_owned(),
                    ]
                })
                .collect();
            if format == Format::Csv {
                let h = [
                    "id", "branch", "period", "member", "status", "due", "points", "reason",
                ];
                return output::csv_out(&h, &rows);
            }
            if rows.is_empty() {
                println!("{}", w.none);
            } else {
                let right = [true, false, false, false, false, false, true, false];
                print!("{}", table(&w.h_reviews, &rows, &right));
            }
            Ok(())
        }
    }
}

/// `filing receive` on a branch's database: each file a committee's
/// decision, posted through the journal; exit 1 when any was refused.
pub fn receive(db: &Path, branch: Option<&str>, files: &[PathBuf], lang: Lang) -> Out {
    let w = lang.words().review;
    let mut ledger = Ledger::open(db, branch)?;
    let mut refused = Vec::new();
    let got = review::receive_decisions(&mut ledger, files);
    let n = got.len();
    for r in got {
        let file = r.file.display().to_string();
        match r.outcome {
            Ok(DecisionReceipt::Posted {
                review,
                period,
                member,
                outcome,
                before,
                after,
            }) => {
                let line = (w.posted_decision)(
                    &file,
                    review,
                    &period,
                    &member,
                    outcome == AppealOutcome::Upheld,
                    &fmt_points(before),
                    &fmt_points(after),
                );
                println!("{}", printable(&line));
            }
            Ok(DecisionReceipt::Again { review, period }) => {
                println!("{}", printable(&(w.again)(&file, review, &period)));
            }
            Err(e) => refused.push(e),
        }
    }
    if n == 1 {
        return refused.pop().map_or(Ok(()), Err);
    }
    for e in &refused {
        eprintln!(
            "jifen: {}",
            printable(&crate::i18n::meeting::core_error(lang, e))
        );
    }
    match refused.len() {
        0 => Ok(()),
        k => Err(crate::app::filing::FilingError::SomeRefused {
            refused: k,
            files: n,
        }
        .into()),
    }
}
