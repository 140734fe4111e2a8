//! Each kind of refusal the core types, provoked through the real binary in
//! Chinese and in English: the Chinese names the field or value at fault in
//! Chinese words only, the English says the same in English.

use crate::common::zh_words::assert_chinese;
use std::path::{Path, PathBuf};
use std::process::Command;

/// `jifen --db DB --lang LANG ARGS…`: its exit code and standard error.
fn run(db: &Path, lang: &str, args: &[&str]) -> (Option<i32>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_jifen"))
        .arg("--db")
        .arg(db)
        .args(["--lang", lang])
        .args(args)
        .env("JIFEN_ACTOR", "test")
        .env_remove("JIFEN_THEME")
        .output()
        .expect("run jifen");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn ok(db: &Path, args: &[&str]) {
    let (code, err) = run(db, "en", args);
    assert_eq!(code, Some(0), "jifen {args:?}: {err}");
}

/// A branch 第一支部 on bureau-80: 张伟 and 李娜, 2026Q4 open, one claim pending.
fn branch() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("t.sqlite");
    ok(
        &db,
        &["init", "--branch", "第一支部", "--scheme", "bureau-80"],
    );
    ok(&db, &["member", "add", "张伟"]);
    ok(&db, &["member", "add", "李娜"]);
    ok(&db, &["period", "open", "2026Q4"]);
    ok(&db, &["claim", "add", "张伟", "other.blood"]);
    (dir, db)
}

/// A file beside the database.
fn file(db: &Path, name: &str, text: &str) -> String {
    let p = db.with_file_name(name);
    std::fs::write(&p, text).expect("write");
    p.display().to_string()
}

/// The refusal of `args` in both languages: exit 1, the Chinese holds every
/// piece of `zh` and no English word, the English every piece of `en`.
fn refused(db: &Path, args: &[&str], zh: &[&str], en: &[&str]) {
    let (code, words) = run(db, "zh", args);
    assert_eq!(code, Some(1), "jifen {args:?} (zh): {words}");
    assert_chinese(&format!("jifen {args:?}"), &words);
    for piece in zh {
        assert!(
            words.contains(piece),
            "jifen {args:?} (zh) lacks {piece:?}: {words}"
        );
    }
    let (code, words) = run(db, "en", args);
    assert_eq!(code, Some(1), "jifen {args:?} (en): {words}");
    for piece in en {
        assert!(
            words.contains(piece),
            "jifen {args:?} (en) lacks {piece:?}: {words}"
        );
    }
}

#[test]
fn ledger_and_branch_refusals_name_the_file_and_branch() {
    let (_d, db) = branch();
    let missing = db.with_file_name("nowhere.sqlite");
    refused(
        &missing,
        &["member", "list"],
        &["nowhere.sqlite", "没有这个数据库"],
        &["no such database"],
    );
    let empty = db.with_file_name("empty.sqlite");
    std::fs::write(&empty, "").expect("write");
    refused(
        &empty,
        &["member", "list"],
        &["文件是空的"],
        &["the file is empty"],
    );
    refused(
        &db,
        &["--branch", "第二支部", "member", "list"],
        &["没有名为「第二支部」的支部", "第一支部"],
        &["no branch named '第二支部'", "branches: 第一支部"],
    );
    refused(
        &db,
        &["init", "--branch", "第一支部", "--scheme", "bureau-80"],
        &["支部「第一支部」已经存在"],
        &["branch '第一支部' already exists"],
    );
}

#[test]
fn period_refusals_name_the_period_and_its_state() {
    let (_d, db) = branch();
    refused(
        &db,
        &["period", "open", "2026Q4"],
        &["期次 2026Q4 已经开启"],
        &["period 2026Q4 is already open"],
    );
    refused(
        &db,
        &["period", "open", "2026H2"],
        &["按季度", "2026Q4"],
        &["runs by quarter"],
    );
    refused(
        &db,
        &["period", "open", "2026X"],
        &["期次「2026X」有误"],
        &["bad period '2026X'"],
    );
    refused(
        &db,
        &["publish", "2026Q4"],
        &["期次 2026Q4 申报中", "请先封账"],
        &["is open: lock it first"],
    );
}

#[test]
fn setting_member_and_value_refusals_name_the_key_and_value() {
    let (_d, db) = branch();
    refused(
        &db,
        &["set", "colour", "1"],
        &["没有设置项「colour」"],
        &["unknown setting 'colour'"],
    );
    refused(
        &db,
        &["set", "publication_days", "99"],
        &["publication_days", "1 至 60", "99"],
        &["publication_days is a whole number of days from 1 to 60, got 99"],
    );
    refused(
        &db,
        &["member", "add", "王\u{1b}五"],
        &["姓名不能含控制字符"],
        &["name may not hold control characters"],
    );
    refused(
        &db,
        &["member", "add", "王五", "--category", "boss"],
        &["没有类别「boss」", "预备党员"],
        &["unknown category 'boss'"],
    );
}

#[test]
fn claim_refusals_name_the_item_level_and_count() {
    let (_d, db) = branch();
    refused(
        &db,
        &["claim", "add", "张伟", "work.speech", "--level", "unit"],
        &["没有级别 'unit'", "市级 3"],
        &["has no level 'unit'", "city = 3"],
    );
    refused(
        &db,
        &["claim", "add", "张伟", "work.major-task", "--points", "9"],
        &["分值 9 超出「work.major-task」的范围", "每次 0 至 5 分"],
        &["0 to 5 per occurrence"],
    );
    refused(
        &db,
        &["claim", "add", "张伟", "other.blood", "--points", "7"],
        &["每次 1 分"],
        &["1 per occurrence"],
    );
}

#[test]
fn appeal_and_verify_refusals_name_the_period_and_seal() {
    let (_d, db) = branch();
    refused(
        &db,
        &[
            "appeal", "file", "张伟", "--period", "2026Q4", "--text", "有误",
        ],
        &["期次 2026Q4 申报中", "封账后才能申诉"],
        &["appeals are filed after the lock"],
    );
    refused(
        &db,
        &["verify", "--seal", "abc"],
        &["封存码须完整输入 64 位", "只有 3 位"],
        &["the whole seal is needed", "not 3"],
    );
    let whole = "0123456789abcdef".repeat(4);
    refused(
        &db,
        &["verify", "--seal", &whole],
        &[&format!("封存码 {whole} 与本文件的任何封账都不符")],
        &["matches no lock in this file"],
    );
}

#[test]
fn import_refusals_name_line_column_and_value() {
    let (_d, db) = branch();
    let members = file(
        &db,
        "m.csv",
        "name,category,tier,group\n王五,full,,\n王五,full,,\n",
    );
    refused(
        &db,
        &["member", "import", &members],
        &[
            "第 3 行",
            "「name」列",
            "党员「王五」重复 (第 2 行也有)",
            "未导入任何内容",
        ],
        &[":3: column 'name': duplicate member '王五' (also on line 2)"],
    );
    let tiers = file(&db, "t.csv", "name,category,tier,group\n王五,full,两,\n");
    refused(
        &db,
        &["member", "import", &tiers],
        &["「tier」列", "「两」不是整数"],
        &["'两' is not a whole number"],
    );
    let claims = file(
        &db,
        "c.csv",
        "member,item,level,count,points,date,note,period\n赵六,other.blood,,1,,,,2026Q4\n",
    );
    refused(
        &db,
        &["claim", "import", &claims],
        &["「member」列", "名册中没有党员「赵六」"],
        &["unknown member '赵六'"],
    );
    let header = file(&db, "h.csv", "who,what\n张伟,other.blood\n");
    refused(
        &db,
        &["claim", "import", &header],
        &["第 1 行", "表头「who,what」不对"],
        &["wrong header 'who,what'"],
    );
}

#[test]
fn scheme_file_refusals_name_line_column_and_field() {
    let (_d, db) = branch();
    let good = include_str!("../../data/schemes/bureau-80.toml");
    let syntax = file(
        &db,
        "syntax.toml",
        &good.replacen("name = \"", "name = ", 1),
    );
    refused(
        &db.with_file_name("n1.sqlite"),
        &["init", "--branch", "乙", "--scheme-file", &syntax],
        &["syntax.toml 第 ", "列: 不是有效的 toml 格式"],
        &["syntax.toml:", ", column "],
    );
    let unknown = file(
        &db,
        "unknown.toml",
        &good.replacen("points = ", "pionts = ", 1),
    );
    refused(
        &db.with_file_name("n2.sqlite"),
        &["init", "--branch", "乙", "--scheme-file", &unknown],
        &["没有字段「pionts」"],
        &["unknown field `pionts`"],
    );
    let negative = file(&db, "neg.toml", &good.replacen("min = 0", "min = -3", 1));
    refused(
        &db.with_file_name("n3.sqlite"),
        &["init", "--branch", "乙", "--scheme-file", &negative],
        &["「min」字段", "须为零或正数"],
        &["field 'min'", "must be zero or more"],
    );
}

#[test]
fn a_holiday_file_refusal_names_the_holiday_and_its_days() {
    let (_d, db) = branch();
    ok(&db, &["verdict", "1", "approve"]);
    ok(&db, &["lock", "2026Q4"]);
    file(
        &db,
        "holidays.toml",
        "[[holiday]]\nname = \"国庆节\"\nfrom = \"2026-10-01\"\nto = \"2026-12-01\"\n",
    );
    refused(
        &db,
        &["finalize", "2026Q4"],
        &[
            "holidays.toml",
            "假日「国庆节」",
            "2026-10-01 至 2026-12-01",
        ],
        &["is not a range of at most a month"],
    );
    file(&db, "holidays.toml", "[[holiday]\nname = 1\n");
    refused(
        &db,
        &["finalize", "2026Q4"],
        &["holidays.toml: 第 1 行第 "],
        &["holidays.toml: line 1, column "],
    );
}
