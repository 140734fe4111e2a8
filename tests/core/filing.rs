//! The filing (备案) in the core: what a file holds after appeals, in a
//! database of several branches, its default name, and its faults in words.

use jifen::app::filing::{self, check_text, FileFault, FilingError, FilingFile};
use jifen::app::{CoreError, RankScope};
use jifen::domain::model::PeriodId;
use jifen::i18n::Lang;

fn q(s: &str) -> PeriodId {
    s.parse().expect("period")
}

#[test]
fn the_default_name_is_ascii_pinyin_and_the_period() {
    assert_eq!(
        filing::default_file_name("市直机关第一党支部", "2026Q4"),
        "ShiZhiJiGuanDiYiDangZhiBu-2026Q4.jifen-filing.json"
    );
    assert_eq!(
        filing::default_file_name("第2党支部", "2026H2"),
        "Di2DangZhiBu-2026H2.jifen-filing.json"
    );
    assert_eq!(
        filing::default_file_name("Branch / 一", "2026"),
        "Branch-Yi-2026.jifen-filing.json"
    );
    assert_eq!(
        filing::default_file_name("★", "2026Q1"),
        "branch-2026Q1.jifen-filing.json"
    );
}

/// The demo's 2026Q3 is locked; 沈从文 was docked for an absence. An appeal
/// upheld after the lock moves his score at the branch, but the filing holds
/// the period as sealed: its events stop at the lock, its results are the
/// lock's, and it verifies.
#[test]
fn a_filing_holds_the_period_as_sealed_and_a_later_correction_is_not_in_it() {
    use jifen::app::appeals::AppealOutcome;
    let dir = tempfile::tempdir().expect("dir");
    let p = dir.path().join("demo.sqlite");
    let mut l = jifen::dev::demo::write_demo(&p).expect("demo");
    let q3 = q("2026Q3");
    let m = l.find_member("沈从文").expect("member").id;
    let sealed = crate::common::score(&l, RankScope::Period(q3), m);
    let locked = l
        .publication(&q3, jifen::domain::calendar::today())
        .expect("publication")
        .locked_on
        .expect("locked");
    let id = l
        .file_appeal(m, &q3, Some("discipline.absence"), "有假条", locked)
        .expect("appeal");
    l.reply_appeal(
        id,
        AppealOutcome::Upheld,
        "撤销扣分",
        Some(("discipline.absence", -1.0)),
        locked,
    )
    .expect("upheld");
    let now = crate::common::score(&l, RankScope::Period(q3), m);
    assert_ne!(now, sealed, "the correction moved the branch's score");

    let out = dir.path().join("q3.jifen-filing.json");
    let e = filing::export(&l, &q3, Some(&out)).expect("export");
    assert_eq!(e.seal.len(), 64);
    let text = std::fs::read_to_string(&out).expect("read");
    let checked = check_text("q3", &text).expect("verifies");
    let f: &FilingFile = &checked.filing;
    assert_eq!(f.events.last().expect("last").kind, "lock");
    assert!(f.events.iter().all(|ev| !ev.kind.starts_with("appeal")));
    let filed = f
        .results
        .iter()
        .find(|r| r.row.member_id == m)
        .expect("沈从文");
    assert_eq!(
        filed.row.score, sealed,
        "the sealed score, not the corrected one"
    );
    let exempt: Vec<&str> = f.exempt.iter().map(|x| x.member.as_str()).collect();
    let roster_exempt: Vec<String> = l
        .members()
        .expect("members")
        .iter()
        .filter(|m| m.status == jifen::domain::model::MemberStatus::Exempt)
        .map(|m| m.name.to_string())
        .collect();
    assert_eq!(exempt, roster_exempt, "the exempt members are listed apart");
}

#[test]
fn a_branch_of_a_database_of_several_files_only_its_own_members() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("two.sqlite");
    let mut a = jifen::app::Ledger::init(&path, "一支部", "bureau-80", None).expect("A");
    let mut b = jifen::app::Ledger::init(&path, "二支部", "bureau-80", None).expect("B");
    let za = crate::common::member(&mut a, "张伟", jifen::domain::model::Category::Full, None);
    let zb = crate::common::member(&mut b, "李娜", jifen::domain::model::Category::Full, None);
    for (l, m) in [(&mut a, za), (&mut b, zb)] {
        l.open_period("2026Q4").expect("open");
        crate::common::approved(l, m, "2026Q4", "other.blood", None, None);
    }
    b.lock(&q("2026Q4")).expect("lock B");
    a.lock(&q("2026Q4")).expect("lock A");
    let out = dir.path().join("b.json");
    filing::export(&b, &q("2026Q4"), Some(&out)).expect("export B");
    let c = check_text("b", &std::fs::read_to_string(&out).expect("read")).expect("verifies");
    let names: Vec<String> = c
        .filing
        .results
        .iter()
        .map(|r| r.row.name.to_string())
        .collect();
    assert_eq!(names, vec!["李娜".to_string()]);
    assert_eq!(c.filing.branch.name, "二支部");
    // A's lock came after B's: B's filing stops at B's lock.
    let locks = c.filing.events.iter().filter(|e| e.kind == "lock").count();
    assert_eq!(locks, 1);

    // B's file relabelled as A's: the last lock is B's, not A's.
    let mut forged = c.filing.clone();
    forged.branch.name = "一支部".into();
    let text = serde_json::to_string(&forged).expect("json");
    match check_text("forged", &text) {
        Err(CoreError::Filing(e))
            if matches!(
                *e,
                FilingError::File {
                    fault: FileFault::NotSealEvent { .. },
                    ..
                }
            ) => {}
        other => panic!("expected the lock to be B's, got {other:?}"),
    }
}

#[test]
fn every_fault_has_words_in_both_languages_and_no_english_in_chinese() {
    use jifen::app::JournalFault;
    let faults = [
        FileFault::Truncated,
        FileFault::NotJson { line: 3, column: 7 },
        FileFault::NotFiling,
        FileFault::Version { found: 2 },
        FileFault::Malformed { detail: "x".into() },
        FileFault::NoEvents,
        FileFault::Gap {
            seq: 5,
            expected: 4,
        },
        FileFault::Journal {
            seq: 9,
            kind: "verdict".into(),
            fault: JournalFault::ChainBroken,
        },
        FileFault::Journal {
            seq: 9,
            kind: "verdict".into(),
            fault: JournalFault::NotCompact,
        },
        FileFault::NotSealEvent { seq: 9 },
        FileFault::SealMismatch {
            file_seal: "a".repeat(64),
            head: "b".repeat(64),
        },
        FileFault::ResultDiffers {
            member: "欧阳娜娜".into(),
            field: "score",
            file_says: "95".into(),
            events_give: "85".into(),
        },
        FileFault::MemberMissing {
            member: "张伟".into(),
        },
        FileFault::MemberExtra {
            member: "张伟".into(),
        },
    ];
    let mut errors: Vec<FilingError> = faults
        .into_iter()
        .map(|f| FilingError::file("a.jifen-filing.json", f))
        .collect();
    errors.extend([
        FilingError::NotLocked {
            period: "2026Q4".into(),
            state: jifen::domain::model::PeriodState::InSession,
        },
        FilingError::CommitteeDatabase {
            path: "c.sqlite".into(),
        },
        FilingError::BranchDatabase {
            path: "b.sqlite".into(),
        },
        FilingError::Conflict {
            file: "x.json".into(),
            branch: "社区党支部".into(),
            period: "2026Q4".into(),
            received: "a".repeat(64),
            offered: "b".repeat(64),
        },
        FilingError::NotReceived {
            branch: "社区党支部".into(),
            period: "2026Q4".into(),
            known: vec!["第二党支部".into()],
        },
    ]);
    for e in &errors {
        let zh = (Lang::Zh.words().filing.refusal)(e);
        let en = (Lang::En.words().filing.refusal)(e);
        assert!(!zh.is_empty() && !en.is_empty(), "{e:?}");
        crate::common::zh_words::assert_chinese(&format!("{e:?}"), &zh);
        assert_ne!(zh, en);
    }
    let e = FilingError::file(
        "f.json",
        FileFault::ResultDiffers {
            member: "欧阳娜娜".into(),
            field: "score",
            file_says: "95".into(),
            events_give: "85".into(),
        },
    );
    assert_eq!(
        (Lang::Zh.words().filing.refusal)(&e),
        "f.json: 欧阳娜娜的得分不符: 文件写的是 95, 记录得出 85"
    );
    assert_eq!(
        (Lang::En.words().filing.refusal)(&e),
        "f.json: result for member 欧阳娜娜 differs (score): file says 95, events give 85"
    );
}

/// Filings are checked one after another in one replay database, rolled
/// back between them: nothing of one filing's replay, whether it held or
/// was refused half way, is in the next one's results.
#[test]
fn filings_checked_one_after_another_each_give_their_own_results() {
    use jifen::dev::gen::{county, CountySpec};
    let dir = tempfile::tempdir().expect("dir");
    let spec = CountySpec {
        branches: 2,
        members: 6,
        claims: 3,
        year: 2026,
        quarter: 4,
    };
    let files = county(dir.path(), &spec, &|_, _| {}).expect("county");
    let texts: Vec<String> = files
        .iter()
        .map(|f| std::fs::read_to_string(f).expect("read"))
        .collect();
    let results = |text: &str| check_text("f", text).expect("verifies").filing.results;
    let (a, b) = (results(&texts[0]), results(&texts[1]));
    assert_ne!(a, b, "two branches, two sets of results");

    // Refused half way through the replay: an event's payload edited.
    let mut edited: serde_json::Value = serde_json::from_str(&texts[1]).expect("json");
    let events = edited["events"].as_array_mut().expect("events");
    let n = events.len();
    assert!(n > 4, "{n} events");
    let payload = events[n / 2]["payload"]
        .as_str()
        .expect("payload")
        .to_string();
    events[n / 2]["payload"] = payload.replacen('}', ",\"x\":1}", 1).into();
    let e = check_text("edited", &edited.to_string()).expect_err("edited");
    assert!(matches!(e, CoreError::Filing(_)), "{e:?}");

    // Refused after a whole replay: a score the events do not give.
    let mut claimed: serde_json::Value = serde_json::from_str(&texts[0]).expect("json");
    let score = claimed["results"][0]["score"].as_f64().expect("score");
    claimed["results"][0]["score"] = (score + 5.0).into();
    let e = check_text("claimed", &claimed.to_string()).expect_err("claimed");
    assert!(format!("{e:?}").contains("score"), "{e:?}");

    assert_eq!(results(&texts[1]), b);
    assert_eq!(results(&texts[0]), a);
    assert_eq!(results(&texts[1]), b);
}
