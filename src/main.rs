use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    quiet_on_closed_pipe();
    let cli = jifen::cli::Cli::parse();
    let db = cli.db.clone();
    match jifen::cli::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(jifen::core::CoreError::Sqlite(e)) => {
            // A bare SQLite failure (read-only file, full disk, I/O error)
            // names no file by itself: say which database it was.
            let db = db.unwrap_or_else(jifen::cli::default_db);
            eprintln!("jifen: {}: {e}", db.display());
            ExitCode::from(1)
        }
        Err(e) => {
            eprintln!("jifen: {e}");
            ExitCode::from(1)
        }
    }
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
