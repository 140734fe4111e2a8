use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = jifen::cli::Cli::parse();
    match jifen::cli::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("jifen: {e}");
            ExitCode::from(1)
        }
    }
}
