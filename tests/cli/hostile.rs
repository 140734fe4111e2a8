//! A hostile corpus through the real binary: numbers that are not numbers or
//! out of every bound (1e308, inf, nan, -0, huge counts, 2.5 for a whole
//! number), control characters, hostile workbooks, foreign and empty
//! databases, broken holiday and scheme files. Each is refused with exit 1
//! (2 for an argument clap refuses), a message naming the file, line or
//! field, and the database's SHA-256 unchanged (`Case::refuse`).

use crate::bad_inputs::Case;
use crate::common;

// ---- numbers on the command line -------------------------------------------

#[test]
fn points_beyond_any_bound_are_refused_by_the_verdict_and_the_claim() {
    let c = Case::new();
    for p in [
        "1e308",
        "inf",
        "-inf",
        "nan",
        "NaN",
        "1e-400x",
        "99999999999",
    ] {
        c.refuse(
            &[
                "verdict",
                "1",
                "adjust",
                "--points",
                p,
                "--reason",
                "按市级认定",
            ],
            if p == "1e-400x" { 2 } else { 1 },
            &["points"],
        );
        c.refuse(
            &["claim", "add", "张伟", "other.blood", "--points", p],
            if p == "1e-400x" { 2 } else { 1 },
            &["points"],
        );
    }
}

#[test]
fn counts_that_are_not_small_whole_numbers_are_refused() {
    let c = Case::new();
    for (n, code) in [
        ("2.5", 2),
        ("1e3", 2),
        ("abc", 2),
        ("99999999999999999999", 2),
        ("9223372036854775807", 1),
        ("-1", 1),
        ("0", 1),
        ("-0", 1),
    ] {
        let arg = format!("--count={n}");
        c.refuse(
            &["claim", "add", "张伟", "other.blood", &arg],
            code,
            &["count"],
        );
    }
}

#[test]
fn settings_take_only_values_in_their_bounds() {
    let c = Case::new();
    let days = [
        "999999999",
        "abc",
        "-1",
        "2.5",
        "0",
        "-0",
        "1e308",
        "61",
        "18446744073709551616",
        "\"5\"",
    ];
    for key in ["publication_days", "appeal_reply_days", "reconsider_days"] {
        for v in days {
            c.refuse(&["set", key, v], 1, &[key, "1 to 60"]);
        }
        // inf and nan: `hostile_numbers` (not a finite number).
    }
    for v in [
        "inf", "nan", "1e308", "-0", "0", "1.5", "-0.2", "20%", "\"0.2\"",
    ] {
        c.refuse(&["set", "excellent_quota", v], 1, &["excellent_quota"]);
    }
    c.refuse(&["set", "quota_ties", "1e308"], 1, &["quota_ties"]);
    c.refuse(&["set", "colour\u{1b}[2J", "red"], 1, &["unknown setting"]);
}

#[test]
fn a_setting_in_bounds_still_locks_and_publishes() {
    // The issue's panic: lock and publish with the longest window allowed.
    let c = Case::new();
    let db = &c.db;
    common::cli::ok(db, &["set", "publication_days", "60"]);
    common::cli::ok(db, &["verdict", "1", "approve"]);
    common::cli::ok(db, &["attend", "张伟", "present"]);
    common::cli::ok(db, &["attend", "李娜", "present"]);
    let out = common::cli::jifen(db, &["lock", "2026Q4"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    let out = common::cli::jifen(db, &["publish", "--check"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    jifen::app::verify(db, None).expect("verify");
}

// ---- numbers and text in import files -----------------------------------------

const CLAIMS_HEADER: &str = "member,item,level,count,points,date,note,period\n";

fn claim_file(c: &Case, row: &str) -> String {
    let f = c.file(
        "claims.csv",
        format!("{CLAIMS_HEADER}李娜,other.blood,,1,,,,2026Q4\n{row}\n").as_bytes(),
    );
    f.to_str().expect("path").to_string()
}

#[test]
fn import_rows_with_hostile_numbers_are_refused_at_their_line_and_column() {
    for (row, column) in [
        ("张伟,work.speech,city,1,1e308,,,2026Q4", "points"),
        ("张伟,work.speech,city,1,inf,,,2026Q4", "points"),
        ("张伟,work.speech,city,1,NaN,,,2026Q4", "points"),
        ("张伟,work.speech,city,1,-1e308,,,2026Q4", "points"),
        ("张伟,other.blood,,2.5,,,,2026Q4", "count"),
        ("张伟,other.blood,,9223372036854775807,,,,2026Q4", "count"),
        ("张伟,other.blood,,99999999999999999999,,,,2026Q4", "count"),
        ("张伟,other.blood,,-0,,,,2026Q4", "count"),
        ("张伟,other.blood,,1e3,,,,2026Q4", "count"),
        ("张伟,other.blood,,1,,2026-02-30,,2026Q4", "date"),
        ("张伟,other.blood,,1,,99999-01-01,,2026Q4", "date"),
        ("张伟,other.blood,,1,,,,2026Q9", "period"),
    ] {
        let c = Case::new();
        let f = claim_file(&c, row);
        let col = format!("column '{column}'");
        c.refuse(&["claim", "import", &f], 1, &["claims.csv:3", &col]);
    }
}

#[test]
fn control_characters_in_import_files_are_refused_and_never_echoed() {
    let members = "name,category,tier,group\n";
    for (row, column) in [
        ("张\u{1b}[2J伟,full,,", "name"),
        ("钱\u{1b}]52;c;aGk=\u{7},full,,", "name"),
        ("王\u{0}芳,full,,", "name"),
        ("赵六,full,,第一\u{1b}[31m小组", "group"),
    ] {
        let c = Case::new();
        let f = c.file("members.csv", format!("{members}{row}\n").as_bytes());
        let col = format!("column '{column}'");
        let err = c.refuse(
            &["member", "import", f.to_str().expect("path")],
            1,
            &["members.csv:2", &col, "control characters"],
        );
        assert!(!err.contains('\u{1b}') && !err.contains('\u{7}') && !err.contains('\u{0}'));
    }
}

// ---- hostile workbooks ---------------------------------------------------------

#[test]
fn a_workbook_wider_or_taller_than_any_claim_file_is_refused_by_name() {
    let c = Case::new();
    let wide = c.dir.path().join("wide.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "member").expect("a1");
    ws.write_string(0, 64, "x").expect("bm1");
    wb.save(&wide).expect("save");
    c.refuse(
        &["claim", "import", wide.to_str().expect("path")],
        1,
        &["wide.xlsx", "column 65", "at most 64 columns"],
    );
    // A sheet made by hand with a cell below any grid Excel has (no writer
    // makes one): beyond the row cap it is refused while it is read.
    let tall = c.file(
        "tall.xlsx",
        &workbook_of_sheet(
            r#"<row r="1"><c r="A1" t="inlineStr"><is><t>member</t></is></c></row><row r="1100002"><c r="A1100002"><v>1</v></c></row>"#,
        ),
    );
    c.refuse(
        &["claim", "import", tall.to_str().expect("path")],
        1,
        &["tall.xlsx", "row 1100002"],
    );
}

/// An .xlsx file (a zip of stored entries) whose one sheet has these rows.
fn workbook_of_sheet(rows: &str) -> Vec<u8> {
    const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    const PKG: &str = "http://schemas.openxmlformats.org/package/2006";
    const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const OOXML: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml";
    let parts = [
        (
            "[Content_Types].xml".to_string(),
            format!(
                r#"<Types xmlns="{PKG}/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="{OOXML}.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="{OOXML}.worksheet+xml"/></Types>"#
            ),
        ),
        (
            "_rels/.rels".to_string(),
            format!(
                r#"<Relationships xmlns="{PKG}/relationships"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
            ),
        ),
        (
            "xl/workbook.xml".to_string(),
            format!(
                r#"<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#
            ),
        ),
        (
            "xl/_rels/workbook.xml.rels".to_string(),
            format!(
                r#"<Relationships xmlns="{PKG}/relationships"><Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#
            ),
        ),
        (
            "xl/worksheets/sheet1.xml".to_string(),
            format!(r#"<worksheet xmlns="{MAIN}"><sheetData>{rows}</sheetData></worksheet>"#),
        ),
    ];
    let mut zip = Vec::new();
    let mut central = Vec::new();
    for (name, body) in &parts {
        let (name, body) = (name.as_bytes(), body.as_bytes());
        let crc = crc32(body);
        let offset = zip.len() as u32;
        let sizes = |v: &mut Vec<u8>| {
            v.extend(crc.to_le_bytes());
            v.extend((body.len() as u32).to_le_bytes());
            v.extend((body.len() as u32).to_le_bytes());
            v.extend((name.len() as u16).to_le_bytes());
            v.extend(0u16.to_le_bytes());
        };
        // Local header: version 2.0, no flags, stored, no time.
        zip.extend(0x0403_4b50u32.to_le_bytes());
        zip.extend([20, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        sizes(&mut zip);
        zip.extend(name);
        zip.extend(body);
        central.extend(0x0201_4b50u32.to_le_bytes());
        central.extend([20, 0, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        sizes(&mut central);
        // No comment, disk 0, no internal or external attributes.
        central.extend([0; 6]);
        central.extend(0u32.to_le_bytes());
        central.extend(offset.to_le_bytes());
        central.extend(name);
    }
    let (at, len) = (zip.len() as u32, central.len() as u32);
    zip.extend(&central);
    zip.extend(0x0605_4b50u32.to_le_bytes());
    zip.extend([0; 4]);
    zip.extend((parts.len() as u16).to_le_bytes());
    zip.extend((parts.len() as u16).to_le_bytes());
    zip.extend(len.to_le_bytes());
    zip.extend(at.to_le_bytes());
    zip.extend(0u16.to_le_bytes());
    zip
}

/// The CRC-32 a zip entry carries.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

#[test]
fn a_hand_made_workbook_is_read_cell_by_cell() {
    // The zip writer above makes files the reader takes: the refusal of the
    // tall sheet is about its rows, not about a broken zip.
    let c = Case::new();
    let f = c.file(
        "short.xlsx",
        &workbook_of_sheet(
            r#"<row r="1"><c r="A1" t="inlineStr"><is><t>member</t></is></c></row><row r="3"><c r="B3" t="inlineStr"><is><t>李娜</t></is></c></row>"#,
        ),
    );
    let (header, rows) = jifen::app::import::read_rows(&f).expect("a readable workbook");
    // Every row is as wide as the widest.
    assert_eq!(header, vec!["member".to_string(), String::new()]);
    assert_eq!(rows, vec![(3, vec![String::new(), "李娜".to_string()])]);
}

#[test]
fn a_workbook_of_hostile_text_is_refused_naming_its_row() {
    let c = Case::new();
    let path = c.dir.path().join("claims.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (col, h) in CLAIMS_HEADER.trim().split(',').enumerate() {
        ws.write_string(0, col as u16, h).expect("header");
    }
    ws.write_string(1, 0, "张伟").expect("member");
    ws.write_string(1, 1, "other.blood").expect("item");
    ws.write_number(1, 3, 1e308).expect("count");
    ws.write_string(1, 7, "2026Q4").expect("period");
    wb.save(&path).expect("save");
    c.refuse(
        &["claim", "import", path.to_str().expect("path")],
        1,
        &["claims.xlsx:2", "column 'count'"],
    );
}

// ---- foreign, empty and broken files ------------------------------------------------

#[test]
fn a_foreign_sqlite_file_is_never_modified_nor_switched_to_wal() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("contacts.sqlite");
    {
        let conn = rusqlite::Connection::open(&db).expect("open");
        conn.execute_batch(
            "CREATE TABLE contact (name TEXT, phone TEXT);
             INSERT INTO contact VALUES ('张伟', '13800000000');",
        )
        .expect("foreign");
    }
    let before = std::fs::read(&db).expect("read");
    for args in [
        &["rank"][..],
        &["member", "add", "李娜"],
        &["verify"],
        &["claim", "list"],
        &["init", "--branch", "第一支部", "--scheme", "bureau-80"],
    ] {
        let o = common::cli::jifen(&db, args);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {err}");
        assert!(err.contains("contacts.sqlite"), "{args:?}: {err}");
        assert!(err.contains("not a jifen database"), "{args:?}: {err}");
        assert_eq!(std::fs::read(&db).expect("read"), before, "{args:?}");
        assert!(!dir.path().join("contacts.sqlite-wal").exists(), "{args:?}");
    }
}

#[test]
fn broken_holiday_files_refuse_the_lock_naming_the_file() {
    for text in [
        "[[[ not toml",
        "year = 2026\n[[holiday]]\nname = \"x\"\nfrom = \"2026-02-30\"\nto = \"2026-03-01\"\n",
        "year = 1e308\n",
        "year = 2026\n[[holiday]]\nname = \"x\"\nfrom = \"2026-10-08\"\nto = \"2026-10-01\"\n",
    ] {
        let c = Case::new();
        common::cli::ok(&c.db, &["verdict", "1", "approve"]);
        c.file("holidays.toml", text.as_bytes());
        c.refuse(&["lock", "2026Q4"], 1, &["holidays.toml"]);
    }
}

const SCHEME: &str = r#"id = "mine"
name = "Our branch"
base = BASE
floor = 0

[year]
rule = "parts"

[process]
publication_days = DAYS
appeal_reply_days = 3

[[parts]]
id = "work"
name = "Work"
bonus_cap = CAP

[[items]]
code = "work.good"
title = "Good work"
kind = "bonus"
part = "work"
points = POINTS
"#;

#[test]
fn scheme_files_with_numbers_beyond_sense_are_refused_naming_the_field() {
    let good = [
        ("BASE", "80"),
        ("DAYS", "3"),
        ("CAP", "10"),
        ("POINTS", "2"),
    ];
    let bad: &[(&str, &str, &str)] = &[
        ("BASE", "1e308", "base"),
        ("BASE", "inf", "base"),
        ("BASE", "nan", "base"),
        ("BASE", "1e400", "base"),
        ("BASE", "-1e400", "base"),
        ("BASE", "-80", "base"),
        ("CAP", "-1", "bonus_cap"),
        ("CAP", "inf", "bonus_cap"),
        ("POINTS", "nan", "points"),
        ("POINTS", "1e308", "points"),
        ("POINTS", "1e400", "points"),
        ("DAYS", "999999999", "publication_days"),
        ("DAYS", "-1", "publication_days"),
        ("DAYS", "2.5", "publication_days"),
    ];
    for (key, value, field) in bad {
        let mut text = SCHEME.to_string();
        for (k, v) in good {
            text = text.replace(k, if k == *key { value } else { v });
        }
        let c = Case::new();
        let f = c.file("branch.toml", text.as_bytes());
        let f = f.to_str().expect("path");
        c.refuse(
            &["init", "--branch", "第二支部", "--scheme-file", f],
            1,
            &["branch.toml", field],
        );
    }
}

// ---- papers for any text a person can type ------------------------------------------

#[test]
fn every_paper_is_valid_for_hostile_names() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("p.sqlite");
    let ok = |args: &[&str]| common::cli::ok(&db, args);
    ok(&["init", "--branch", "支部<&'\"", "--scheme", "bureau-80"]);
    let long = "长".repeat(64);
    let names = [
        "O'Brien'",
        "'张伟",
        "<b>&amp;\"李娜\"</b>",
        "王😀芳",
        "History",
        long.as_str(),
    ];
    for n in names {
        ok(&["member", "add", n]);
    }
    ok(&["period", "open", "2026Q4"]);
    ok(&[
        "claim",
        "add",
        "2",
        "other.blood",
        "--note",
        "a\u{1b}[2Jb\u{7}",
    ]);
    // The listing shows the committee's reasons (not the notes): a reason
    // pasted with escapes is shown as pictures, never obeyed.
    ok(&["claim", "add", "3", "other.blood"]);
    ok(&[
        "verdict",
        "2",
        "reject",
        "--reason",
        "重复\u{1b}[2J申报\u{7}",
    ]);
    let csv = ok(&["claim", "list", "--format", "csv"]);
    assert!(!csv.contains('\u{1b}') && !csv.contains('\u{7}'), "{csv}");
    assert!(csv.contains("重复␛[2J申报␇"), "{csv}");
    ok(&["verdict", "1", "approve"]);
    for m in 1..=names.len() {
        ok(&["attend", &m.to_string(), "present"]);
    }
    ok(&["lock", "2026Q4"]);
    let out = dir.path().join("papers");
    for format in ["xlsx", "html", "csv"] {
        ok(&[
            "export",
            "all",
            "--period",
            "2026Q4",
            "--format",
            format,
            "--out",
            out.to_str().expect("path"),
        ]);
    }
    let mut checked = 0;
    for e in std::fs::read_dir(&out).expect("papers") {
        let p = e.expect("entry").path();
        let ext = p.extension().and_then(|x| x.to_str()).unwrap_or("");
        if ext == "xlsx" {
            use calamine::Reader;
            let mut wb: calamine::Xlsx<_> = calamine::open_workbook(&p).expect("a valid workbook");
            for s in wb.sheet_names() {
                wb.worksheet_range(&s)
                    .unwrap_or_else(|e| panic!("{}: sheet {s}: {e}", p.display()));
            }
        } else {
            let text = std::fs::read_to_string(&p).expect("text paper");
            assert!(
                !text.contains('\u{1b}') && !text.contains('\u{7}'),
                "{}",
                p.display()
            );
            if ext == "html" {
                assert!(
                    !text.contains("<b>&amp;"),
                    "names are escaped: {}",
                    p.display()
                );
            }
        }
        checked += 1;
    }
    assert_eq!(checked, 15, "five papers in three formats");
}
