use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    quiet_on_closed_pipe();
    let cli = jifen::cli::Cli::parse();
    let db = cli.db.clone();
    let lang = jifen::cli::resolve_lang(cli.lang);
    match jifen::cli::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(jifen::app::CoreError::Sqlite(e)) => {
            // A bare SQLite failure (read-only file, full disk, I/O error)
            // names no file by itself: say which database it was.
            let db = db.unwrap_or_else(jifen::cli::default_db);
            let e = jifen::app::CoreError::Sqlite(e);
            let msg = format!(
                "{}: {}",
                db.display(),
                jifen::i18n::meeting::core_error(lang, &e)
            );
            eprintln!("jifen: {}", printable_lines(&msg));
            ExitCode::from(1)
        }
        Err(e) => {
            // The CLI's ledger is read-only only where the file cannot be
            // written: that is said as the storage fault it is.
            let e = match e {
                jifen::app::CoreError::ReadOnly => jifen::app::CoreError::Storage {
                    path: None,
                    fault: jifen::app::Fault::ReadOnly,
                },
                e => e,
            };
            // A storage fault names its file even where the core did not know it.
            let e = e.at_path(&db.unwrap_or_else(jifen::cli::default_db));
            let msg = jifen::i18n::meeting::core_error(lang, &e);
            eprintln!("jifen: {}", printable_lines(&msg));
            ExitCode::from(1)
        }
    }
}

/// A message as it may reach the terminal: its own lines kept, any control
/// character a person's text brought in (a member name with ESC) made a space.
fn printable_lines(msg: &str) -> String {
    msg.split('\n')
        .map(|l| jifen::domain::text::printable(l).into_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

/// `jifen claim list | head` ends quietly, as other command-line tools do,
/// instead of failing on the closed pipe: the default SIGPIPE action is back.
fn quiet_on_closed_pipe() {
    #[cfg(unix)]
    // SAFETY: setting a signal's action to the default at start-up, before any
    // thread exists, has no other effect.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}
