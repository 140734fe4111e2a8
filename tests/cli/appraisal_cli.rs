//! `jifen appraisal ...` (民主测评) driven as a script would: ballots from the
//! roll call, counts refused above the ballots with the database unchanged
//! byte for byte, the close posting 优秀 at 24 as +12 in that quarter
//! (seed 004, x50%), the lock and `verify --seal`, the import all or
//! nothing, the ballot and result papers. Every refusal is also asked in
//! Chinese (`common::cli::jifen`).

use crate::bad_inputs::fingerprint;
use crate::common::cli::{jifen, ok};
use serde_json::Value;
use std::path::{Path, PathBuf};

const NAMES: [&str; 5] = ["欧阳娜娜", "张伟", "王芳", "李娜", "刘洋"];

/// A pipeline branch: five full members, all present at the 2026Q2 assembly.
fn branch(dir: &Path) -> PathBuf {
    let db = dir.join("a.sqlite");
    ok(
        &db,
        &[
            "init",
            "--branch",
            "管道一支部",
            "--scheme",
            "pipeline-75-25",
        ],
    );
    for n in NAMES {
        ok(&db, &["member", "add", n]);
    }
    ok(&db, &["period", "open", "2026Q1"]);
    ok(&db, &["period", "open", "2026Q2"]);
    for n in NAMES {
        ok(&db, &["attend", n, "present", "--period", "2026Q2"]);
    }
    db
}

fn json(db: &Path, args: &[&str]) -> Value {
    serde_json::from_str(&ok(db, args)).expect("json")
}

/// The refusal of `args`: exit 1, `needle` in the English message, and the
/// database unchanged (after the English and the Chinese asking).
fn refused(db: &Path, args: &[&str], needle: &str) -> String {
    let before = fingerprint(db);
    let o = jifen(db, args);
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert_eq!(o.status.code(), Some(1), "{args:?}: {err}");
    assert!(err.contains(needle), "{args:?} lacks {needle:?}: {err}");
    assert_eq!(fingerprint(db), before, "{args:?} changed the database");
    err
}

/// Run `jifen --db DB ARGS…` in a Chinese locale (no `--lang`): exit
/// status, standard output, standard error.
fn zh(db: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_jifen"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("LANG", "zh_CN.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("run jifen");
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (o.status.code(), text(&o.stdout), text(&o.stderr))
}

fn score_of(rank: &Value, name: &str) -> f64 {
    rank.as_array()
        .and_then(|a| a.iter().find(|r| r["member"] == name))
        .and_then(|r| r["score"].as_f64())
        .unwrap_or(f64::NAN)
}

#[test]
fn a_whole_appraisal_posts_points_into_its_quarter_and_the_seal_verifies() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = branch(dir.path());
    let q2 = ["--period", "2026Q2"];
    let open = ok(&db, &["appraisal", "open", q2[0], q2[1]]);
    assert_eq!(open.lines().count(), 1, "{open}");
    assert!(open.contains("5 ballots issued"), "{open}");
    // 欧阳娜娜: 4 of 5 for 优秀, the branch gives 24 (23-25).
    let rec = ok(
        &db,
        &[
            "appraisal",
            "record",
            "欧阳娜娜",
            q2[0],
            q2[1],
            "--votes",
            "excellent=4,qualified=1",
            "--points",
            "24",
        ],
    );
    assert!(rec.contains("5 of 5"), "{rec}");
    // 张伟 by the Chinese titles: 1 优秀, 3 合格, 1 弃权 -> 合格, 22 by default.
    ok(
        &db,
        &[
            "appraisal",
            "record",
            "张伟",
            q2[0],
            q2[1],
            "--votes",
            "优秀=1,合格=3,blank=1",
        ],
    );
    // 6 votes of 5 ballots: refused, nothing changed.
    let err = refused(
        &db,
        &[
            "appraisal",
            "record",
            "王芳",
            q2[0],
            q2[1],
            "--votes",
            "excellent=5,qualified=1",
        ],
        "王芳",
    );
    assert!(
        err.contains("6 ballots counted") && err.contains("5 valid"),
        "{err}"
    );
    // Points outside 合格's 15-22: refused.
    refused(
        &db,
        &[
            "appraisal",
            "record",
            "张伟",
            q2[0],
            q2[1],
            "--points",
            "23",
        ],
        "15 to 22",
    );
    let shown = json(
        &db,
        &["appraisal", "show", q2[0], q2[1], "--format", "json"],
    );
    let rows = shown.as_array().expect("array");
    assert_eq!(rows.len(), 5);
    let a = &rows[0];
    assert_eq!(a["member"], "欧阳娜娜");
    assert_eq!(a["votes"]["excellent"], 4);
    assert_eq!(a["ballots"], 5);
    assert_eq!(a["result"], "excellent");
    assert_eq!(a["points"], 24.0);
    assert_eq!(rows[1]["votes"]["blank"], 1);
    assert_eq!(rows[1]["result"], "qualified");
    assert_eq!(rows[2]["result"], Value::Null);
    assert_eq!(rows[2]["points"], Value::Null);
    let closed = ok(&db, &["appraisal", "close", q2[0], q2[1]]);
    assert!(closed.contains("2 points entries posted"), "{closed}");
    let rank = json(&db, &["rank", "--period", "2026Q2", "--format", "json"]);
    assert_eq!(score_of(&rank, "欧阳娜娜"), 12.0, "24 x 50%");
    assert_eq!(score_of(&rank, "张伟"), 11.0, "22 x 50%");
    assert_eq!(score_of(&rank, "王芳"), 0.0);
    let q1 = json(&db, &["rank", "--period", "2026Q1", "--format", "json"]);
    assert_eq!(
        score_of(&q1, "欧阳娜娜"),
        0.0,
        "only the appraisal's quarter"
    );
    // The close is final; then the lock seals the posted points.
    refused(
        &db,
        &[
            "appraisal",
            "record",
            "李娜",
            q2[0],
            q2[1],
            "--votes",
            "excellent=1",
        ],
        "closed",
    );
    let locked = ok(&db, &["lock", "2026Q2"]);
    let seal = locked
        .lines()
        .find_map(|l| l.strip_prefix("seal "))
        .expect("seal line")
        .trim()
        .to_string();
    let v = ok(&db, &["verify", "--seal", &seal]);
    assert!(v.contains("2026Q2"), "{v}");
    // A locked period refuses new counts (and a new appraisal).
    refused(
        &db,
        &[
            "appraisal",
            "record",
            "李娜",
            q2[0],
            q2[1],
            "--votes",
            "excellent=1",
        ],
        "cannot change",
    );
}

#[test]
fn an_open_appraisal_holds_the_lock_and_a_scheme_without_one_refuses() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = branch(dir.path());
    ok(&db, &["appraisal", "open", "--period", "2026Q2"]);
    refused(&db, &["lock", "2026Q2"], "still open");
    refused(
        &db,
        &["appraisal", "open", "--period", "2026Q2"],
        "opened before",
    );
    refused(
        &db,
        &[
            "appraisal",
            "record",
            "张伟",
            "--period",
            "2026Q1",
            "--votes",
            "excellent=1",
        ],
        "no appraisal is open",
    );
    refused(
        &db,
        &[
            "appraisal",
            "record",
            "张伟",
            "--period",
            "2026Q2",
            "--votes",
            "excellent=x",
        ],
        "'x'",
    );
    refused(
        &db,
        &[
            "appraisal",
            "record",
            "张伟",
            "--period",
            "2026Q2",
            "--votes",
            "great=1",
        ],
        "great",
    );
    refused(
        &db,
        &[
            "appraisal",
            "record",
            "无此人",
            "--period",
            "2026Q2",
            "--votes",
            "excellent=1",
        ],
        "无此人",
    );
    refused(
        &db,
        &["appraisal", "returned", "6", "--period", "2026Q2"],
        "more than the 5 issued",
    );
    let other = dir.path().join("t.sqlite");
    ok(
        &other,
        &["init", "--branch", "村支部", "--scheme", "twelve-point"],
    );
    ok(&other, &["period", "open", "2026Q1"]);
    let err = refused(
        &other,
        &["appraisal", "open", "--period", "2026Q1", "--ballots", "5"],
        "twelve-point",
    );
    assert!(err.contains("[appraisal]"), "{err}");
}

#[test]
fn the_messages_are_chinese_under_lang_zh() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = branch(dir.path());
    let (code, opened, _) = zh(&db, &["appraisal", "open", "--period", "2026Q2"]);
    assert_eq!(code, Some(0));
    assert!(
        opened.contains("民主测评开始") && opened.contains("有效票 5 张"),
        "{opened}"
    );
    let (code, _, err) = zh(
        &db,
        &[
            "appraisal",
            "record",
            "王芳",
            "--period",
            "2026Q2",
            "--votes",
            "优秀=6",
        ],
    );
    assert_eq!(code, Some(1));
    assert!(err.contains("王芳 计了 6 张票, 超过有效票 5 张"), "{err}");
    let (_, _, err) = zh(
        &db,
        &[
            "appraisal",
            "record",
            "王芳",
            "--period",
            "2026Q2",
            "--votes",
            "好=1",
        ],
    );
    assert!(
        err.contains("「优秀」「合格」「基本合格」「不合格」「弃权」"),
        "{err}"
    );
    let (_, shown, _) = zh(&db, &["appraisal", "show", "--period", "2026Q2"]);
    for w in ["优秀", "基本合格", "弃权", "测评等次", "已计完 0/5 人"] {
        assert!(shown.contains(w), "{w}: {shown}");
    }
}

#[test]
fn an_import_is_all_or_nothing_and_names_the_bad_line() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = branch(dir.path());
    ok(&db, &["appraisal", "open", "--period", "2026Q2"]);
    ok(
        &db,
        &[
            "appraisal",
            "returned",
            "5",
            "--spoiled",
            "1",
            "--period",
            "2026Q2",
        ],
    );
    let bad = dir.path().join("bad.csv");
    // 4 valid ballots: line 3's 3 + 2 is one too many.
    std::fs::write(
        &bad,
        "\u{feff}member,excellent,qualified,basic,unqualified,blank\n欧阳娜娜,3,1,0,0,0\n张伟,3,2,0,0,0\n王芳,0,0,4,0,0\n",
    )
    .expect("write");
    let err = refused(
        &db,
        &[
            "appraisal",
            "import",
            bad.to_str().expect("path"),
            "--period",
            "2026Q2",
        ],
        ":3",
    );
    assert!(err.contains("张伟") && err.contains("4 valid"), "{err}");
    let shown = json(
        &db,
        &[
            "appraisal",
            "show",
            "--period",
            "2026Q2",
            "--format",
            "json",
        ],
    );
    assert_eq!(shown[0]["counted"], 0, "nothing of the file was recorded");
    let header = dir.path().join("header.csv");
    std::fs::write(&header, "member,excellent,good\n欧阳娜娜,1,1\n").expect("write");
    refused(
        &db,
        &[
            "appraisal",
            "import",
            header.to_str().expect("path"),
            "--period",
            "2026Q2",
        ],
        "member,excellent,qualified,basic,unqualified",
    );
    let not_whole = dir.path().join("nw.csv");
    std::fs::write(
        &not_whole,
        "member,excellent,qualified,basic,unqualified\n欧阳娜娜,1,1,0,0\n张伟,1,x,0,0\n",
    )
    .expect("write");
    refused(
        &db,
        &[
            "appraisal",
            "import",
            not_whole.to_str().expect("path"),
            "--period",
            "2026Q2",
        ],
        ":3",
    );
    // The same counts from a workbook.
    let good = dir.path().join("good.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    let rows: [[&str; 5]; 3] = [
        ["member", "excellent", "qualified", "basic", "unqualified"],
        ["欧阳娜娜", "3", "1", "0", "0"],
        ["张伟", "1", "3", "0", "0"],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            match v.parse::<f64>() {
                Ok(n) if r > 0 => ws.write_number(r as u32, c as u16, n),
                _ => ws.write_string(r as u32, c as u16, *v),
            }
            .expect("cell");
        }
    }
    wb.save(&good).expect("save");
    let done = ok(
        &db,
        &[
            "appraisal",
            "import",
            good.to_str().expect("path"),
            "--period",
            "2026Q2",
        ],
    );
    assert!(done.contains("2 rows"), "{done}");
    let shown = json(
        &db,
        &[
            "appraisal",
            "show",
            "--period",
            "2026Q2",
            "--format",
            "json",
        ],
    );
    assert_eq!(shown[0]["votes"]["excellent"], 3);
    assert_eq!(shown[0]["complete"], true);
    assert_eq!(shown[1]["result"], "qualified");
}

#[test]
fn score_ballots_from_the_command_line_give_each_part_its_mean() {
    // Seed 003: 6 members present + 20% of 6 = 1 representative: 7 ballots.
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("s.sqlite");
    ok(
        &db,
        &["init", "--branch", "社区支部", "--scheme", "star-rating"],
    );
    for n in ["欧阳娜娜", "张伟", "王芳", "李娜", "刘洋", "陈静"] {
        ok(&db, &["member", "add", n]);
    }
    ok(&db, &["period", "open", "2026H1"]);
    for n in ["欧阳娜娜", "张伟", "王芳", "李娜", "刘洋", "陈静"] {
        ok(&db, &["attend", n, "present", "--period", "2026H1"]);
    }
    let open = ok(&db, &["appraisal", "open", "--period", "2026H1"]);
    assert!(
        open.contains("7 ballots issued (1 for representatives)"),
        "{open}"
    );
    for (i, (c, s)) in [
        (52, 30),
        (55, 35),
        (58, 40),
        (60, 35),
        (50, 35),
        (55, 35),
        (55, 35),
    ]
    .iter()
    .enumerate()
    {
        let rater = (i + 1).to_string();
        let scores = format!("common={c},star={s}");
        ok(
            &db,
            &[
                "appraisal",
                "record",
                "欧阳娜娜",
                "--period",
                "2026H1",
                "--rater",
                &rater,
                "--scores",
                &scores,
            ],
        );
    }
    refused(
        &db,
        &[
            "appraisal",
            "record",
            "张伟",
            "--period",
            "2026H1",
            "--rater",
            "1",
            "--scores",
            "star=45",
        ],
        "above",
    );
    refused(
        &db,
        &[
            "appraisal",
            "record",
            "张伟",
            "--period",
            "2026H1",
            "--votes",
            "excellent=1",
        ],
        "--scores",
    );
    let shown = json(
        &db,
        &[
            "appraisal",
            "show",
            "--period",
            "2026H1",
            "--format",
            "json",
        ],
    );
    assert_eq!(shown[0]["scores"]["common"], 55.0);
    assert_eq!(shown[0]["scores"]["star"], 35.0);
    assert_eq!(shown[0]["points"], 90.0);
    ok(&db, &["appraisal", "close", "--period", "2026H1"]);
    let rank = json(&db, &["rank", "--period", "2026H1", "--format", "json"]);
    assert_eq!(score_of(&rank, "欧阳娜娜"), 90.0);
}

#[test]
fn the_ballot_and_result_papers_name_no_voter() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = branch(dir.path());
    let out = dir.path().join("papers");
    let out_s = out.to_str().expect("path");
    let (_, written, _) = zh(
        &db,
        &[
            "appraisal",
            "ballots",
            "--period",
            "2026Q2",
            "--format",
            "csv",
            "--out",
            out_s,
        ],
    );
    let text = std::fs::read_to_string(written.trim()).expect("ballots csv");
    assert!(
        text.contains("民主测评票")
            && text.contains("管道一支部")
            && text.contains("2026年第二季度"),
        "{text}"
    );
    assert!(text.contains("优秀,合格,基本合格,不合格"), "{text}");
    for n in NAMES {
        assert_eq!(text.matches(n).count(), 1, "one line for {n}: {text}");
    }
    assert!(text.contains("不记名"), "{text}");
    for f in ["html", "xlsx"] {
        let p = ok(
            &db,
            &[
                "appraisal",
                "ballots",
                "--period",
                "2026Q2",
                "--format",
                f,
                "--out",
                out_s,
            ],
        );
        assert!(
            std::fs::metadata(p.trim()).is_ok_and(|m| m.len() > 0),
            "{f}"
        );
    }
    ok(&db, &["appraisal", "open", "--period", "2026Q2"]);
    ok(
        &db,
        &[
            "appraisal",
            "record",
            "欧阳娜娜",
            "--period",
            "2026Q2",
            "--votes",
            "excellent=5",
        ],
    );
    let (_, p, _) = zh(
        &db,
        &[
            "export",
            "appraisal",
            "--period",
            "2026Q2",
            "--format",
            "csv",
            "--out",
            out_s,
        ],
    );
    let text = std::fs::read_to_string(p.trim()).expect("results csv");
    assert!(
        text.contains("测评结果统计表") && text.contains("有效票 5 张"),
        "{text}"
    );
    assert!(text.contains("欧阳娜娜,5,0,0,0,0,优秀,25"), "{text}");
    let (_, p, _) = zh(
        &db,
        &[
            "export",
            "appraisal",
            "--period",
            "2026Q2",
            "--format",
            "html",
            "--out",
            out_s,
        ],
    );
    let html = std::fs::read_to_string(p.trim()).expect("results html");
    assert!(html.contains("计票人") && html.contains("监票人"), "{html}");
}
