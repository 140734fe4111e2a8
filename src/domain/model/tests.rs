//! Period ids and points formatting.

use super::*;

#[test]
fn period_ids_round_trip_and_bound() {
    for s in ["2026Q1", "2026Q4", "2026H2", "2026"] {
        let p: PeriodId = s.parse().expect("parses");
        assert_eq!(p.to_string(), s);
    }
    let q: PeriodId = "2026Q2".parse().expect("parses");
    let (a, b) = q.bounds();
    assert_eq!(a.to_string(), "2026-04-01");
    assert_eq!(b.to_string(), "2026-06-30");
    assert!("2026Q5".parse::<PeriodId>().is_err());
    assert!("26Q1".parse::<PeriodId>().is_err());
}

#[test]
fn points_format_without_noise() {
    assert_eq!(fmt_points(80.0), "80");
    assert_eq!(fmt_points(80.5), "80.5");
    assert_eq!(fmt_points(11.499999), "11.5");
    assert_eq!(fmt_points(1e308), "1e308");
    assert_eq!(fmt_points(f64::INFINITY), "inf");
    assert_eq!(fmt_points(-2e15), "-2e15");
}
