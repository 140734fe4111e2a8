use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
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
