//! The minutes (支部党员大会会议记录) as filed: the meeting's time to the
//! minute, place, host and recorder from `jifen meeting set`, who attended and
//! who did not by name, 应到/实到 and the quorum, the agenda and the
//! resolutions, in zh and en and in every format; the record refused after
//! the lock; the notice's contact for objections.

use crate::common::cli::{jifen, ok};
use crate::common::{ledger, member};
use crate::export_papers::{csv_rows, xlsx_cells};
use jifen::app::meeting::MeetingChange;
use jifen::app::{Ledger, MemberDraft, RankScope};
use jifen::domain::model::{Attendance, Category, MemberStatus, PeriodId};
use jifen::export::{export, Paper, PaperFormat};
use std::path::{Path, PathBuf};

/// A locked 2026Q3 of seven members: 欧阳娜娜, 张伟, 孙丽 and 赵敏
/// (probationary, no vote) present, 李娜 on leave, 王强 absent, 陈静 exempt;
/// 3 of 5 voting members present, so quorate. The meeting was recorded before the lock.
struct Assembly {
    dir: tempfile::TempDir,
    db: PathBuf,
    l: Ledger,
    p: PeriodId,
}

fn assembly() -> Assembly {
    let (dir, db, mut l) = ledger("bureau-80");
    let p = l.open_period("2026Q3").expect("open");
    let full = |l: &mut Ledger, n| member(l, n, Category::Full, None);
    let ou = full(&mut l, "欧阳娜娜");
    let zw = full(&mut l, "张伟");
    let sl = full(&mut l, "孙丽");
    let ln = full(&mut l, "李娜");
    let wq = full(&mut l, "王强");
    let zm = member(&mut l, "赵敏", Category::Probationary, None);
    l.add_members(&[MemberDraft {
        name: "陈静".into(),
        category: Category::Full,
        tier: None,
        group: None,
        status: MemberStatus::Exempt,
    }])
    .expect("exempt member");
    l.start_session(&p).expect("session");
    for (m, mark) in [
        (ou, Attendance::Present),
        (zw, Attendance::Present),
        (sl, Attendance::Present),
        (zm, Attendance::Present),
        (ln, Attendance::Leave),
        (wq, Attendance::Absent),
    ] {
        l.mark_attendance(m, &p, mark).expect("mark");
    }
    for m in [ou, zw, sl, ln, wq, zm] {
        l.approve_all(m, &p).expect("decide the marks' claims");
    }
    l.set_meeting(
        &p,
        MeetingChange {
            place: Some("机关三楼会议室".into()),
            host: Some("王五".into()),
            recorder: Some("刘洋".into()),
            agenda: Some(vec![
                "点名，确认到会人数".into(),
                "审议本季度积分申报".into(),
                "党员签字确认".into(),
            ]),
            resolutions: Some(vec!["通过2026年第三季度党员积分结果，予以公示".into()]),
        },
    )
    .expect("meeting record");
    l.lock(&p).expect("lock");
    Assembly { dir, db, l, p }
}

impl Assembly {
    fn write(&self, paper: Paper, f: PaperFormat, zh: bool) -> PathBuf {
        let out = self.dir.path().join(if zh { "zh" } else { "en" });
        export(&self.l, paper, &RankScope::Period(self.p), f, &out, zh).expect("export")
    }

    /// A journal time of this period's `kind` event (the first), to the minute.
    fn event_minute(&self, kind: &str) -> String {
        let c = rusqlite::Connection::open(&self.db).expect("db");
        let at: String = c
            .query_row(
                "SELECT at FROM event WHERE kind = ?1 ORDER BY seq LIMIT 1",
                [kind],
                |r| r.get(0),
            )
            .expect("event");
        at[..16].replace('T', " ")
    }
}

/// Every text of a paper in a format, one string (cells joined by tabs).
fn text(path: &Path, f: PaperFormat) -> String {
    match f {
        PaperFormat::Html => std::fs::read_to_string(path).expect("html"),
        PaperFormat::Csv => csv_rows(path)
            .iter()
            .map(|r| r.join("\t"))
            .collect::<Vec<_>>()
            .join("\n"),
        PaperFormat::Xlsx => xlsx_cells(path)
            .iter()
            .flat_map(|(_, rows)| rows.iter().map(|r| r.join("\t")))
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

const FORMATS: [PaperFormat; 3] = [PaperFormat::Html, PaperFormat::Csv, PaperFormat::Xlsx];

#[test]
fn minutes_carry_time_place_people_quorum_agenda_and_resolutions() {
    let a = assembly();
    // The session's start opened the meeting; the lock closed it.
    let opened = a.event_minute("period_state");
    let closed = a.event_minute("lock");
    let span = if opened[..10] == closed[..10] {
        format!("{opened} 至 {}", &closed[11..])
    } else {
        format!("{opened} 至 {closed}")
    };
    for f in FORMATS {
        let t = text(&a.write(Paper::Minutes, f, true), f);
        let has = |s: &str| assert!(t.contains(s), "{f:?} minutes lack {s:?}:\n{t}");
        has(&span);
        for s in [
            "机关三楼会议室",
            "王五",
            "刘洋",
            // 5 voting members (陈静 exempt, 赵敏 probationary): 3 present.
            "应到 5 人，实到 3 人，请假 1 人，缺席 1 人；到会过半数,会议有效",
            "欧阳娜娜、张伟、孙丽、赵敏",
            "审议本季度积分申报",
            "党员签字确认",
            "通过2026年第三季度党员积分结果，予以公示",
            "会议议程",
            "会议决议",
        ] {
            has(s);
        }
        if f != PaperFormat::Csv {
            // The CSV is the paper's data; the printed paper has the lines to sign.
            has("主持人（签字）");
            has("记录人（签字）");
        }
        // Who did not attend, by name, on their own lines.
        let line_with = |label: &str| {
            t.lines()
                .find(|l| l.contains(label))
                .unwrap_or_else(|| panic!("{f:?}: no {label} line:\n{t}"))
                .to_string()
        };
        if f != PaperFormat::Html {
            assert!(line_with("请假人员").contains("李娜"), "{f:?}");
            assert!(line_with("缺席人员").contains("王强"), "{f:?}");
            assert!(
                !line_with("出席人员").contains("陈静"),
                "{f:?}: exempt listed"
            );
        }
    }
}

#[test]
fn minutes_in_english_carry_the_same_record() {
    let a = assembly();
    for f in FORMATS {
        let t = text(&a.write(Paper::Minutes, f, false), f);
        for s in [
            "Place",
            "机关三楼会议室",
            "Chair",
            "王五",
            "Recorder",
            "刘洋",
            "expected 5, present 3, on leave 1, absent 1; quorate",
            "Agenda",
            "Resolutions",
            "审议本季度积分申报",
            " to ",
        ] {
            assert!(t.contains(s), "{f:?} English minutes lack {s:?}:\n{t}");
        }
        assert!(
            !t.contains("主持人"),
            "{f:?}: Chinese label in English minutes"
        );
        if f != PaperFormat::Csv {
            assert!(t.contains("Chair (signature)"), "{f:?}");
        }
    }
}

#[test]
fn an_inquorate_unrecorded_meeting_says_so_rather_than_leaving_blanks() {
    let (dir, _db, mut l) = ledger("bureau-80");
    let p = l.open_period("2026Q3").expect("open");
    let a = member(&mut l, "张伟", Category::Full, None);
    member(&mut l, "李娜", Category::Full, None);
    member(&mut l, "王强", Category::Full, None);
    l.mark_attendance(a, &p, Attendance::Present).expect("mark");
    l.lock(&p).expect("lock");
    let out = export(
        &l,
        Paper::Minutes,
        &RankScope::Period(p),
        PaperFormat::Csv,
        dir.path(),
        true,
    )
    .expect("export");
    let t = text(&out, PaperFormat::Csv);
    for s in [
        "应到 3 人，实到 1 人，请假 0 人，缺席 0 人；到会未过半数",
        "未点名\t李娜、王强",
        "地点\t未记录",
        "主持人\t未记录",
    ] {
        assert!(t.contains(s), "minutes lack {s:?}:\n{t}");
    }
    // The meeting opened at the first roll-call mark (no session start).
    let r = l.meeting(&p).expect("record");
    let opened = r.opened.expect("opened at the first mark");
    assert!(t.contains(&opened), "{t}");
}

#[test]
fn meeting_set_and_show_through_the_binary_and_refused_after_the_lock() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("b.sqlite");
    ok(
        &db,
        &["--branch", "第一党支部", "init", "--scheme", "bureau-80"],
    );
    ok(&db, &["member", "add", "张伟"]);
    ok(&db, &["period", "open", "2026Q4"]);
    let out = ok(
        &db,
        &[
            "meeting",
            "set",
            "--place",
            "会议室",
            "--host",
            "王五",
            "--agenda",
            "点名",
            "--agenda",
            "审议申报",
        ],
    );
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(
        out.contains("王五") && out.contains("2 agenda item(s)"),
        "{out}"
    );
    // A value not given is kept; a list given replaces the list.
    ok(
        &db,
        &[
            "meeting",
            "set",
            "--recorder",
            "刘洋",
            "--agenda",
            "签字确认",
        ],
    );
    let v: serde_json::Value =
        serde_json::from_str(&ok(&db, &["meeting", "show", "--format", "json"])).expect("json");
    assert_eq!(v["place"], "会议室");
    assert_eq!(v["host"], "王五");
    assert_eq!(v["recorder"], "刘洋");
    assert_eq!(v["agenda"], serde_json::json!(["签字确认"]));
    assert_eq!(v["closed"], serde_json::Value::Null);
    // Each change is a journal event that verify replays into the table.
    let events = |db: &Path| -> i64 {
        rusqlite::Connection::open(db)
            .expect("db")
            .query_row(
                "SELECT count(*) FROM event WHERE kind = 'meeting_set'",
                [],
                |r| r.get(0),
            )
            .expect("count")
    };
    assert_eq!(events(&db), 2);
    ok(&db, &["verify"]);
    // A hand edit of the table is found by verify's replay.
    rusqlite::Connection::open(&db)
        .expect("db")
        .execute("UPDATE meeting SET host = '别人'", [])
        .expect("edit");
    assert_eq!(jifen(&db, &["verify"]).status.code(), Some(1));
    rusqlite::Connection::open(&db)
        .expect("db")
        .execute("UPDATE meeting SET host = '王五'", [])
        .expect("edit back");
    ok(&db, &["lock", "2026Q4"]);
    let before = std::fs::read(&db).expect("db");
    // Refused in English and (by `jifen`) in Chinese.
    let o = jifen(
        &db,
        &["meeting", "set", "--period", "2026Q4", "--place", "别处"],
    );
    assert_eq!(o.status.code(), Some(1), "set after the lock accepted");
    let err = String::from_utf8_lossy(&o.stderr).to_string();
    assert!(err.contains("2026Q4"), "{err}");
    assert_eq!(std::fs::read(&db).expect("db"), before, "db changed");
    let v: serde_json::Value = serde_json::from_str(&ok(
        &db,
        &["meeting", "show", "--period", "2026Q4", "--format", "json"],
    ))
    .expect("json");
    assert_eq!(v["place"], "会议室");
    assert!(v["closed"].is_string(), "{v}");
}

#[test]
fn meeting_set_refuses_nothing_and_bad_text_naming_the_field() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("b.sqlite");
    ok(
        &db,
        &["--branch", "第一党支部", "init", "--scheme", "bureau-80"],
    );
    ok(&db, &["period", "open", "2026Q4"]);
    let before = std::fs::read(&db).expect("db");
    let long = "长".repeat(61);
    for (args, word) in [
        (vec!["meeting", "set"], "--place"),
        (vec!["meeting", "set", "--host", "王\n五"], "host"),
        (vec!["meeting", "set", "--place", &long], "place"),
    ] {
        // `jifen` asks again in Chinese: refused there too, in Chinese words.
        let o = jifen(&db, &args);
        assert_eq!(o.status.code(), Some(1), "{args:?} accepted");
        let err = String::from_utf8_lossy(&o.stderr).to_string();
        assert!(err.contains(word), "{args:?}: {err}");
        assert_eq!(
            err.trim_end().lines().count(),
            1,
            "a line break shown, not obeyed: {err}"
        );
    }
    assert_eq!(std::fs::read(&db).expect("db"), before, "db changed");
}

#[test]
fn the_notice_names_the_contact_for_objections_or_the_secretary() {
    let a = assembly();
    let t = text(
        &a.write(Paper::Notice, PaperFormat::Csv, true),
        PaperFormat::Csv,
    );
    assert!(t.contains("异议受理\t支部书记"), "{t}");
    assert!(t.contains("向支部书记反映"), "{t}");
    ok(&a.db, &["set", "contact", "组织委员 王五 13800138000"]);
    let l = Ledger::open(&a.db, None).expect("reopen");
    let out = a.dir.path().join("with-contact");
    for f in FORMATS {
        let path =
            export(&l, Paper::Notice, &RankScope::Period(a.p), f, &out, true).expect("export");
        let t = text(&path, f);
        assert!(t.contains("向组织委员 王五 13800138000反映"), "{f:?}: {t}");
        assert!(!t.contains("支部书记反映"), "{f:?}: {t}");
        let en = export(
            &l,
            Paper::Notice,
            &RankScope::Period(a.p),
            f,
            &out.join("en"),
            false,
        )
        .expect("export");
        assert!(
            text(&en, f).contains("in writing to 组织委员 王五 13800138000"),
            "{f:?}"
        );
    }
    // The year's notice says the same.
    let y = export(
        &l,
        Paper::Notice,
        &RankScope::Year(2026),
        PaperFormat::Csv,
        &out,
        true,
    )
    .expect("year");
    assert!(text(&y, PaperFormat::Csv).contains("向组织委员 王五 13800138000反映"));
}

#[test]
fn a_contact_is_text_of_sane_length_on_one_line() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("b.sqlite");
    ok(
        &db,
        &["--branch", "第一党支部", "init", "--scheme", "bureau-80"],
    );
    let before = std::fs::read(&db).expect("db");
    for bad in ["", "  ", "王五\n138", &"长".repeat(61)] {
        let o = jifen(&db, &["set", "contact", bad]);
        assert_eq!(o.status.code(), Some(1), "contact {bad:?} accepted");
        assert!(String::from_utf8_lossy(&o.stderr).contains("contact"));
    }
    assert_eq!(std::fs::read(&db).expect("db"), before, "db changed");
    // All digits stay text (a phone number), not a JSON number.
    ok(&db, &["set", "contact", "13800138000"]);
    let l = Ledger::open(&db, None).expect("open");
    assert_eq!(l.branch().settings["contact"], "13800138000");
    assert!(ok(&db, &["set", "--help"]).contains("contact"));
}
