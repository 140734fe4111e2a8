//! The real binary, driven as a script would: English messages, actor `test`.

use std::path::Path;
use std::process::{Command, Output};

/// Run `jifen --db DB --lang en ARGS…` and return what it did.
///
/// A refusal (exit 1) is asked again in Chinese (`LANG=zh_CN.UTF-8`, no
/// `--lang`): that too must refuse, and say why in Chinese words only. So every
/// error path the suite walks is also walked in Chinese.
pub fn jifen(db: &Path, args: &[&str]) -> Output {
    let out = run_in(db, args, "en_US.UTF-8", Some("en"));
    if out.status.code() == Some(1) {
        let zh = run_in(db, args, "zh_CN.UTF-8", None);
        assert_eq!(
            zh.status.code(),
            Some(1),
            "jifen {args:?} in Chinese did not refuse alike"
        );
        super::zh_words::assert_chinese(
            &format!("jifen {args:?} (zh)"),
            &String::from_utf8_lossy(&zh.stderr),
        );
    }
    out
}

/// Run `jifen --db DB [--lang L] ARGS…` under the locale `locale`.
fn run_in(db: &Path, args: &[&str], locale: &str, lang: Option<&str>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_jifen"));
    cmd.arg("--db").arg(db);
    if let Some(l) = lang {
        cmd.args(["--lang", l]);
    }
    cmd.args(args)
        .env("LANG", locale)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("JIFEN_ACTOR", "test")
        .output()
        .expect("run jifen")
}

/// Run and require success; returns standard output.
pub fn ok(db: &Path, args: &[&str]) -> String {
    let o = jifen(db, args);
    assert!(
        o.status.success(),
        "jifen {args:?} failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}
