//! `jifen appraisal ...` (民主测评) with files and other ballots: a count
//! imported all or nothing (csv and xlsx, the bad line named), score
//! ballots from the command line (seed 003: members and representatives
//! score 基础分 and 评星分, each part's mean), and the ballot and result
//! papers naming no voter. The branch and the helpers are `appraisal_cli`'s.

use crate::appraisal_cli::{branch, json, record, refused, score_of, shown, votes, zh, NAMES};
use crate::common::cli::ok;
use std::path::{Path, PathBuf};

/// `appraisal import FILE --period PERIOD`.
fn import<'a>(file: &'a Path, period: &'a str) -> Vec<&'a str> {
    let file = file.to_str().expect("path");
    vec!["appraisal", "import", file, "--period", period]
}

/// Write `text` to `dir/name` and import it into 2026Q2: refused with
/// `needle` in the message, nothing recorded (see `refused`).
fn import_refused(db: &Path, dir: &Path, name: &str, text: &str, needle: &str) -> String {
    let file = dir.join(name);
    std::fs::write(&file, text).expect("write");
    refused(db, &import(&file, "2026Q2"), needle)
}

/// `jifen ... PAPER --period 2026Q2 --format FORMAT --out DIR` (`PAPER`:
/// `appraisal ballots` or `export appraisal`) in a Chinese locale: the file written.
fn paper(db: &Path, paper: [&str; 2], format: &str, out: &str) -> PathBuf {
    let mut args = paper.to_vec();
    args.extend(["--period", "2026Q2", "--format", format, "--out", out]);
    let (code, written, err) = zh(db, &args);
    assert_eq!(code, Some(0), "{args:?}: {err}");
    PathBuf::from(written.trim())
}

/// `appraisal record MEMBER --period PERIOD --rater N --scores SCORES` (`common=52,star=30`).
fn scores<'a>(member: &'a str, period: &'a str, rater: &'a str, scores: &'a str) -> Vec<&'a str> {
    let mut args = record(member, period);
    args.extend(["--rater", rater, "--scores", scores]);
    args
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
    // 4 valid ballots: line 3's 3 + 2 is one too many.
    let err = import_refused(
        &db,
        dir.path(),
        "bad.csv",
        "\u{feff}member,excellent,qualified,basic,unqualified,blank\n欧阳娜娜,3,1,0,0,0\n张伟,3,2,0,0,0\n王芳,0,0,4,0,0\n",
        ":3",
    );
    assert!(err.contains("张伟") && err.contains("4 valid"), "{err}");
    let counts = shown(&db, "2026Q2");
    assert_eq!(counts[0]["counted"], 0, "nothing of the file was recorded");
    import_refused(
        &db,
        dir.path(),
        "header.csv",
        "member,excellent,good\n欧阳娜娜,1,1\n",
        "member,excellent,qualified,basic,unqualified",
    );
    import_refused(
        &db,
        dir.path(),
        "nw.csv",
        "member,excellent,qualified,basic,unqualified\n欧阳娜娜,1,1,0,0\n张伟,1,x,0,0\n",
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
    let done = ok(&db, &import(&good, "2026Q2"));
    assert!(done.contains("2 rows"), "{done}");
    let counts = shown(&db, "2026Q2");
    assert_eq!(counts[0]["votes"]["excellent"], 3);
    assert_eq!(counts[0]["complete"], true);
    assert_eq!(counts[1]["result"], "qualified");
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
        let given = format!("common={c},star={s}");
        ok(&db, &scores("欧阳娜娜", "2026H1", &rater, &given));
    }
    refused(&db, &scores("张伟", "2026H1", "1", "star=45"), "above");
    refused(&db, &votes("张伟", "2026H1", "excellent=1"), "--scores");
    let counts = shown(&db, "2026H1");
    assert_eq!(counts[0]["scores"]["common"], 55.0);
    assert_eq!(counts[0]["scores"]["star"], 35.0);
    assert_eq!(counts[0]["points"], 90.0);
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
    let written = paper(&db, ["appraisal", "ballots"], "csv", out_s);
    let text = std::fs::read_to_string(written).expect("ballots csv");
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
        let p = paper(&db, ["appraisal", "ballots"], f, out_s);
        assert!(std::fs::metadata(p).is_ok_and(|m| m.len() > 0), "{f}");
    }
    // On the printed ballot every box sits centred in its grade's column,
    // and the four grades' columns are equally wide.
    let p = paper(&db, ["appraisal", "ballots"], "html", out_s);
    let html = std::fs::read_to_string(p).expect("ballots html");
    assert_eq!(
        html.matches("<td class=\"mark\">□</td>").count(),
        NAMES.len() * 4,
        "{html}"
    );
    assert!(html.contains("td.mark { text-align: center;"), "{html}");
    let cols = html
        .split("<colgroup>")
        .nth(1)
        .and_then(|g| g.split("</colgroup>").next())
        .expect("colgroup");
    let widths: Vec<&str> = cols
        .split("width: ")
        .skip(1)
        .filter_map(|w| w.split('%').next())
        .collect();
    assert_eq!(widths.len(), 6, "No., member and four grades: {cols}");
    assert!(
        widths[2..].iter().all(|w| *w == widths[2]),
        "the grades' columns: {widths:?}"
    );
    ok(&db, &["appraisal", "open", "--period", "2026Q2"]);
    ok(&db, &votes("欧阳娜娜", "2026Q2", "excellent=5"));
    let p = paper(&db, ["export", "appraisal"], "csv", out_s);
    let text = std::fs::read_to_string(p).expect("results csv");
    assert!(
        text.contains("测评结果统计表") && text.contains("有效票 5 张"),
        "{text}"
    );
    assert!(text.contains("欧阳娜娜,5,0,0,0,0,优秀,25"), "{text}");
    let p = paper(&db, ["export", "appraisal"], "html", out_s);
    let html = std::fs::read_to_string(p).expect("results html");
    assert!(html.contains("计票人") && html.contains("监票人"), "{html}");
}
