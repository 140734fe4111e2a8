//! Chinese item titles (无偿献血) and level names (省级) are taken wherever a
//! code is asked, through the real binary: the claim import and the appeal's
//! `--items` find items as `claim add` does, and what is kept is the code.

use crate::common;

use common::cli::{jifen, ok};
use std::path::{Path, PathBuf};

/// A bureau-80 branch with two members and 2026Q1 open.
fn branch() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("b.sqlite");
    ok(
        &db,
        &[
            "--branch",
            "第一党支部",
            "init",
            "--scheme",
            "bureau-80",
            "--year",
            "2026",
        ],
    );
    ok(&db, &["member", "add", "张伟"]);
    ok(&db, &["member", "add", "欧阳娜娜"]);
    (dir, db)
}

fn claims(db: &Path) -> Vec<serde_json::Value> {
    serde_json::from_str(&ok(db, &["claim", "list", "--format", "json"])).expect("json")
}

#[test]
fn the_import_takes_item_titles_and_chinese_level_names() {
    let (dir, db) = branch();
    let csv = dir.path().join("claims.csv");
    // The seed: 参加无偿献血的每次加 1 分; a speech at a provincial meeting gives 5.
    std::fs::write(
        &csv,
        "member,item,level,count,points,date,note,period\n\
         张伟,无偿献血,,2,,2026-02-10,两次献血,2026Q1\n\
         欧阳娜娜,工作在会议发言交流,省级,1,,2026-03-02,,2026Q1\n\
         欧阳娜娜,work.written,city,1,,2026-03-03,,2026Q1\n",
    )
    .expect("write csv");
    let out = ok(&db, &["claim", "import", csv.to_str().expect("utf-8 path")]);
    assert!(out.contains("imported 3 claims"), "{out}");
    let list = claims(&db);
    let find = |item: &str| {
        list.iter()
            .find(|c| c["item"] == item)
            .unwrap_or_else(|| panic!("no {item} claim in {list:?}"))
    };
    let blood = find("other.blood");
    assert_eq!(blood["member"], "张伟");
    assert_eq!(
        blood["points"], 2.0,
        "two donations at 1 point each: {blood}"
    );
    let speech = find("work.speech");
    assert_eq!(speech["level"], "province");
    assert_eq!(speech["points"], 5.0, "provincial speech: {speech}");
    assert_eq!(find("work.written")["points"], 1.0);
}

#[test]
fn the_import_names_an_unknown_title_and_adds_nothing() {
    let (dir, db) = branch();
    let csv = dir.path().join("claims.csv");
    std::fs::write(
        &csv,
        "member,item,level,count,points,date,note,period\n\
         张伟,无偿献血,,1,,2026-02-10,,2026Q1\n\
         张伟,献血啦,,1,,2026-02-11,,2026Q1\n",
    )
    .expect("write csv");
    let o = jifen(&db, &["claim", "import", csv.to_str().expect("utf-8 path")]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("献血啦"), "the bad title is named: {err}");
    assert!(claims(&db).is_empty(), "all-or-nothing: {:?}", claims(&db));
}

#[test]
fn an_appeal_names_its_items_by_title() {
    let (_d, db) = branch();
    let c = ok(
        &db,
        &["claim", "add", "张伟", "无偿献血", "--date", "2026-02-10"],
    );
    ok(
        &db,
        &["verdict", c.trim(), "reject", "--reason", "无献血证"],
    );
    ok(&db, &["lock", "2026Q1"]);
    let id = ok(
        &db,
        &[
            "appeal",
            "file",
            "张伟",
            "--period",
            "2026Q1",
            "--items",
            "无偿献血、discipline.dues",
            "--text",
            "献血证已补交",
        ],
    );
    let list: serde_json::Value =
        serde_json::from_str(&ok(&db, &["appeal", "list", "--format", "json"])).expect("json");
    let a = &list[0];
    assert_eq!(
        a["id"].as_i64().map(|n| n.to_string()),
        Some(id.trim().into())
    );
    assert_eq!(
        a["items"], "other.blood,discipline.dues",
        "titles are kept as item codes: {a}"
    );
    // A title the scheme does not know is refused, and named.
    let o = jifen(
        &db,
        &[
            "appeal",
            "file",
            "张伟",
            "--period",
            "2026Q1",
            "--items",
            "献血啦",
            "--text",
            "x",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("献血啦"), "{err}");
}
