//! The command line explains itself: every subcommand and argument has help
//! text, and `jifen completions SHELL` prints completions a shell can load.

use crate::common;

use clap::CommandFactory;
use common::cli::ok;
use jifen::cli::Cli;

/// Every subcommand and argument under `cmd` that has no help, as paths
/// such as `jifen claim add <member>`.
fn missing_help(cmd: &clap::Command, path: &str, out: &mut Vec<String>) {
    for a in cmd.get_arguments() {
        let id = a.get_id().as_str();
        // clap's own --help and --version explain themselves.
        if id == "help" || id == "version" {
            continue;
        }
        if a.get_help().is_none() && a.get_long_help().is_none() {
            out.push(format!("{path} <{id}>"));
        }
    }
    for sub in cmd.get_subcommands() {
        let here = format!("{path} {}", sub.get_name());
        if sub.get_name() == "help" {
            continue;
        }
        if sub.get_about().is_none() && sub.get_long_about().is_none() {
            out.push(here.clone());
        }
        missing_help(sub, &here, out);
    }
}

#[test]
fn every_subcommand_and_argument_has_help() {
    let cmd = Cli::command();
    let mut missing = Vec::new();
    missing_help(&cmd, "jifen", &mut missing);
    assert!(
        missing.is_empty(),
        "without help text:\n  {}",
        missing.join("\n  ")
    );
}

#[test]
fn the_walk_finds_an_argument_without_help() {
    // The check itself must be able to fail: a command with a bare argument.
    let bare = clap::Command::new("x")
        .about("x")
        .subcommand(clap::Command::new("y").about("y").arg(clap::Arg::new("z")));
    let mut missing = Vec::new();
    missing_help(&bare, "x", &mut missing);
    assert_eq!(missing, vec!["x y <z>".to_string()]);
}

#[test]
fn completions_for_each_shell_name_the_subcommands() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("none.sqlite");
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let out = ok(&db, &["completions", shell]);
        assert!(!out.trim().is_empty(), "{shell}: no completions");
        for sub in [
            "claim",
            "verdict",
            "confirm",
            "appeal",
            "follow-up",
            "board",
        ] {
            assert!(out.contains(sub), "{shell} completions do not name `{sub}`");
        }
        // Nested subcommands are completed too.
        assert!(out.contains("import"), "{shell}: no `claim import`");
    }
    assert!(
        !db.exists(),
        "printing completions must not create a database"
    );
    let bad = common::cli::jifen(&db, &["completions", "cmd"]);
    assert!(!bad.status.success(), "an unknown shell is refused");
}
