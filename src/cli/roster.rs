//! `jifen filing roster ...`: the committee's roster of branches (应报支部名册).

use super::{output, Format};
use crate::app::committee;
use crate::app::CoreError;
use crate::domain::text::{printable, table};
use crate::i18n::Lang;
use clap::Subcommand;
use std::path::{Path, PathBuf};

#[derive(Debug, Subcommand)]
pub enum RosterCmd {
    /// Import the committee's roster of branches from a CSV file (header
    /// `branch[,scheme]`), replacing the roster before it; all or nothing.
    /// Makes the committee database if missing.
    Import {
        /// The roster file (UTF-8, with or without a BOM).
        file: PathBuf,
    },
    /// The roster: each branch, its scheme and the last period it filed.
    List {
        /// Output: table (the default), json or csv.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
}

/// Run one `jifen filing roster` command on the committee database `db`.
pub fn run(db: &Path, cmd: RosterCmd, lang: Lang) -> Result<(), CoreError> {
    let w = lang.words().filing;
    match cmd {
        RosterCmd::Import { file } => {
            let r = committee::import_roster(db, &file)?;
            if r.made {
                println!("{}", (w.made_committee)(&db.display().to_string()));
            }
            let line = (w.roster_imported)(&r.file, r.branches, r.replaced, r.never_filed);
            println!("{line}");
            Ok(())
        }
        RosterCmd::List { format } => {
            let lines = committee::roster(db)?;
            if format == Format::Json {
                return output::json(&lines);
            }
            let csv = format == Format::Csv;
            let rows: Vec<Vec<String>> = lines
                .iter()
                .map(|l| {
                    vec![
                        printable(&l.branch).into_owned(),
                        l.scheme.clone().unwrap_or_default(),
                        match (&l.last_filed, csv) {
                            (Some(p), _) => p.clone(),
                            (None, true) => String::new(),
                            (None, false) => w.never_filed.to_string(),
                        },
                    ]
                })
                .collect();
            if csv {
                return output::csv_out(&["branch", "scheme", "last_filed"], &rows);
            }
            if rows.is_empty() {
                println!("{}", w.no_roster);
            } else {
                print!("{}", table(&w.h_roster, &rows, &[]));
            }
            Ok(())
        }
    }
}
