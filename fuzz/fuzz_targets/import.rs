//! The member and claim importers on arbitrary bytes: they may refuse, never
//! panic, and a refused file leaves the ledger as it was.
#![no_main]

use jifen::app::{ClaimFilter, Ledger, MemberDraft};
use jifen::domain::model::{Category, MemberStatus};
use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;
use std::sync::OnceLock;

struct Fixture {
    _dir: tempfile::TempDir,
    template: PathBuf,
    work: PathBuf,
    csv: PathBuf,
}

/// A small ledger written once; every input works on a fresh copy of it.
fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let template = dir.path().join("template.sqlite");
        {
            let mut l = Ledger::init(&template, "fuzz", "bureau-80", None).expect("init");
            l.open_period("2026Q4").expect("period");
            let m = |name: &str| MemberDraft {
                name: name.into(),
                category: Category::Full,
                tier: None,
                group: None,
                status: MemberStatus::Active,
            };
            l.add_members(&[m("张伟"), m("李娜")]).expect("members");
            // Closing the last connection folds the WAL into the file, so a
            // plain copy of it is complete.
            drop(l);
        }
        Fixture {
            work: dir.path().join("work.sqlite"),
            csv: dir.path().join("input.csv"),
            template,
            _dir: dir,
        }
    })
}

fuzz_target!(|data: &[u8]| {
    let f = fixture();
    for ext in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{ext}", f.work.display()));
    }
    std::fs::copy(&f.template, &f.work).expect("copy template");
    std::fs::write(&f.csv, data).expect("write input");
    let mut l = Ledger::open(&f.work, None).expect("open");
    let members = l.members().expect("members").len();
    let claims = l.claims(&ClaimFilter::default()).expect("claims").len();
    match l.import_claims(&f.csv) {
        Ok(n) => assert_eq!(l.claims(&ClaimFilter::default()).expect("claims").len(), claims + n),
        Err(_) => assert_eq!(l.claims(&ClaimFilter::default()).expect("claims").len(), claims),
    }
    match l.import_members(&f.csv) {
        Ok(n) => assert_eq!(l.members().expect("members").len(), members + n),
        Err(_) => assert_eq!(l.members().expect("members").len(), members),
    }
});
