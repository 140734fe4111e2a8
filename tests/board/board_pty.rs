//! End to end: the real `jifen board` in a pseudo-terminal follows a change
//! made through another connection, quits on `q`, and leaves the terminal
//! restored on quit and on hang-up.

use crate::common;
use common::pty::Pty;
use jifen::app::board_state::BoardMode;
use jifen::app::Ledger;
use std::path::Path;
use std::time::Duration;

/// `jifen board` on the demo database in an 80x24 terminal.
fn board(db: &Path) -> Pty {
    Pty::start(
        &[
            "--lang".as_ref(),
            "en".as_ref(),
            "board".as_ref(),
            "--theme".as_ref(),
            "high-contrast".as_ref(),
            "--db".as_ref(),
            db.as_os_str(),
        ],
        80,
        24,
        &[],
    )
}

fn demo() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("demo.sqlite");
    jifen::dev::demo::write_demo(&db).expect("demo");
    (dir, db)
}

#[test]
fn follows_the_console_and_quits_cleanly() {
    let (_dir, db) = demo();
    let mut b = board(&db);
    b.wait_for("PRELIMINARY");
    let mut console = Ledger::open(&db, None).expect("rw");
    console
        .set_board_mode(&BoardMode::Message {
            text: "BACK AT TEN".into(),
        })
        .expect("mode");
    let took = b.wait_for("BACK AT TEN");
    eprintln!("board_pty: commit to text on the pty in {took:?}");
    assert!(took < Duration::from_millis(1500), "shown after {took:?}");
    b.send("q");
    assert!(b.wait_exit(), "clean exit; screen:\n{}", b.text());
    assert!(
        b.text().contains("\x1b[?1049l"),
        "the alternate screen was left"
    );
    // The board wrote nothing: the journal verifies and the file is intact.
    let verify = std::process::Command::new(env!("CARGO_BIN_EXE_jifen"))
        .args(["verify", "--db"])
        .arg(&db)
        .output()
        .expect("verify");
    assert!(verify.status.success());
}

#[test]
fn terminal_restored_on_hang_up() {
    let (_dir, db) = demo();
    let mut b = board(&db);
    b.wait_for("PRELIMINARY");
    if let Some(pid) = b.child.process_id() {
        let _ = std::process::Command::new("kill")
            .args(["-HUP", &pid.to_string()])
            .status();
    }
    let _ = b.wait_exit();
    assert!(
        b.text().contains("\x1b[?1049l"),
        "the alternate screen was left on SIGHUP"
    );
}

#[test]
fn a_broken_theme_is_refused_before_the_screen_is_taken() {
    let (dir, db) = demo();
    let theme = dir.path().join("mine.toml");
    std::fs::write(&theme, "[styles]\ntitle = { fg = \"purpl\" }\n").expect("write");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_jifen"))
        .args(["board", "--db"])
        .arg(&db)
        .arg("--theme")
        .arg(&theme)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("mine.toml:2: styles.title.fg"), "{err}");
}

#[test]
fn a_broken_theme_is_refused_in_chinese_naming_file_line_and_field() {
    let (dir, db) = demo();
    let run = |theme: &std::path::Path| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_jifen"))
            .args(["--lang", "zh", "board", "--db"])
            .arg(&db)
            .arg("--theme")
            .arg(theme)
            .output()
            .expect("run");
        assert_eq!(out.status.code(), Some(1));
        String::from_utf8_lossy(&out.stderr).to_string()
    };
    let colour = dir.path().join("mine.toml");
    std::fs::write(&colour, "[styles]\ntitle = { fg = \"purpl\" }\n").expect("write");
    let err = run(&colour);
    assert!(
        err.contains("mine.toml: 第 2 行: styles.title.fg: 「purpl」不是颜色"),
        "{err}"
    );
    let syntax = dir.path().join("broken.toml");
    std::fs::write(&syntax, "[styles]\ntitle = { fg = \"red\" \n").expect("write");
    let err = run(&syntax);
    assert!(
        err.contains("broken.toml: 第 2 行: styles.title: 不是有效的 toml 格式"),
        "{err}"
    );
    let err = run(std::path::Path::new("sepia"));
    assert!(
        err.contains("没有名为「sepia」的配色方案") && err.contains("projector-dark"),
        "{err}"
    );
    // No English sentence reaches a Chinese reader.
    assert!(!err.contains("unknown theme"), "{err}");
}

#[test]
fn the_count_and_its_results_follow_the_console_on_the_terminal() {
    let (_dir, db) = demo();
    let mut b = board(&db);
    b.wait_for("PRELIMINARY");
    let mut console = Ledger::open(&db, None).expect("rw");
    let q4: jifen::domain::model::PeriodId = "2026Q4".parse().expect("period");
    console.open_appraisal(&q4, Some(12), None).expect("open");
    let first = console.appraised_members().expect("members")[0].id;
    let counts: Vec<(String, i64)> = vec![("excellent".into(), 12)];
    console.record_votes(&q4, first, &counts).expect("votes");
    console
        .set_board(&jifen::app::board_state::BoardState {
            mode: BoardMode::Appraisal {
                member_id: Some(first),
            },
            period: Some("2026Q4".into()),
        })
        .expect("board");
    // A terminal is sent only the cells that change: the needles are text
    // on rows the ranking left with other text.
    let took = b.wait_for("12 ballots issued, 12 returned, 0 spoiled, 12 valid");
    assert!(took < Duration::from_millis(1500), "shown after {took:?}");
    b.wait_for("12/12");
    console.close_appraisal(&q4, &[]).expect("close");
    let took = b.wait_for("results");
    assert!(took < Duration::from_millis(1500), "results after {took:?}");
    b.send("q");
    assert!(b.wait_exit(), "clean exit");
}
