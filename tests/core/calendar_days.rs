//! Working-day deadlines across weekends, public holidays and make-up working days.

use chrono::NaiveDate;
use jifen::domain::calendar::{Calendar, BUILTIN};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
}

#[test]
fn builtin_holiday_files_parse_and_cover_2025_to_2027() {
    for (y, text) in BUILTIN {
        let f: jifen::domain::calendar::HolidayFile =
            toml::from_str(text).unwrap_or_else(|e| panic!("{y}: {e}"));
        assert_eq!(f.year, Some(*y));
        assert!(f.holiday.len() >= 6, "{y} lists the public holidays");
        let mut c = Calendar::weekends_only();
        c.apply_override(&format!("{y}.toml"), text)
            .expect("valid file");
    }
    let c = Calendar::builtin();
    assert!(!c.is_provisional(2025));
    assert!(!c.is_provisional(2026));
    assert!(
        c.is_provisional(2027),
        "2027 is an estimate until the State Council publishes it"
    );
    assert!(c.is_provisional(2031), "no list at all");
    assert_eq!(c.holiday(d("2026-10-01")), Some("国庆节"));
}

#[test]
fn plain_weekend_is_skipped() {
    let c = Calendar::builtin();
    // Friday 20 Nov 2026 + 3 working days: Mon 23, Tue 24, Wed 25.
    assert_eq!(c.add_working_days(d("2026-11-20"), 3), d("2026-11-25"));
    // A lock on Saturday counts from Monday.
    assert_eq!(c.add_working_days(d("2026-11-21"), 1), d("2026-11-23"));
    assert_eq!(c.add_working_days(d("2026-11-21"), 0), d("2026-11-21"));
    assert!(!c.is_working_day(d("2026-11-22")));
}

#[test]
fn lock_on_the_friday_before_national_day_2025() {
    let c = Calendar::builtin();
    // Fri 26 Sep 2025: Sat 27 off, Sun 28 is a make-up working day, Mon 29, Tue 30.
    assert!(c.is_working_day(d("2025-09-28")));
    assert_eq!(c.add_working_days(d("2025-09-26"), 3), d("2025-09-30"));
    // An appeal filed on 30 Sep: 1-8 Oct off, then Thu 9, Fri 10, Sat 11 (make-up).
    assert_eq!(c.add_working_days(d("2025-09-30"), 3), d("2025-10-11"));
    assert!(!c.is_working_day(d("2025-10-08")));
}

#[test]
fn national_day_and_mid_autumn_2026() {
    let c = Calendar::builtin();
    // Thu 24 Sep 2026: Mid-Autumn Fri 25 - Sun 27 off, then Mon 28, Tue 29, Wed 30.
    assert_eq!(c.add_working_days(d("2026-09-24"), 3), d("2026-09-30"));
    // Fri 25 Sep is itself a holiday: the same window end.
    assert_eq!(c.add_working_days(d("2026-09-25"), 3), d("2026-09-30"));
    // Wed 30 Sep: National Day 1-7 Oct, then Thu 8, Fri 9, Sat 10 (make-up).
    assert_eq!(c.add_working_days(d("2026-09-30"), 3), d("2026-10-10"));
    // Sun 20 Sep 2026 is a make-up working day.
    assert!(c.is_working_day(d("2026-09-20")));
    // Calendar days ignore all of it (village-quarterly: 7 days).
    assert_eq!(c.deadline(d("2026-09-30"), 7, false), d("2026-10-07"));
    assert_eq!(c.deadline(d("2026-09-30"), 3, true), d("2026-10-10"));
}

#[test]
fn spring_festival_2026_with_saturday_make_up_days() {
    let c = Calendar::builtin();
    // Fri 13 Feb 2026: Sat 14 is a make-up working day; 15-23 Feb off.
    assert_eq!(c.add_working_days(d("2026-02-13"), 1), d("2026-02-14"));
    assert_eq!(c.add_working_days(d("2026-02-13"), 2), d("2026-02-24"));
    assert_eq!(c.working_days_between(d("2026-02-13"), d("2026-02-24")), 2);
    assert_eq!(c.working_days_between(d("2026-02-24"), d("2026-02-13")), -2);
}

#[test]
fn new_year_2026_to_2027_crosses_the_files() {
    let c = Calendar::builtin();
    // Thu 31 Dec 2026 + 1: 1-3 Jan 2027 off (estimate), Mon 4 Jan.
    assert_eq!(c.add_working_days(d("2026-12-31"), 1), d("2027-01-04"));
    // 1-3 Jan 2026 off, Sun 4 Jan 2026 is a make-up working day.
    assert_eq!(c.add_working_days(d("2025-12-31"), 1), d("2026-01-04"));
}

#[test]
fn override_file_replaces_a_year_and_frees_single_days() {
    let mut c = Calendar::builtin();
    c.apply_override(
        "holidays.toml",
        r#"
replace_years = [2027]
not_holidays = ["2026-06-19"]

[[holiday]]
name = "国庆节"
from = "2027-10-01"
to = "2027-10-07"
workdays = ["2027-10-09"]
"#,
    )
    .expect("override");
    assert!(
        c.is_working_day(d("2027-02-08")),
        "the built-in 2027 Spring Festival estimate is dropped"
    );
    assert!(!c.is_working_day(d("2027-10-04")));
    assert!(
        !c.is_working_day(d("2027-09-26")),
        "the built-in make-up Sunday is dropped: a plain Sunday again"
    );
    assert!(c.is_working_day(d("2026-06-19")), "single day freed");
    assert!(c
        .apply_override(
            "bad.toml",
            "[[holiday]]\nname = \"x\"\nfrom = \"2027-13-01\"\nto = \"2027-13-02\"\n"
        )
        .is_err());
}
