//! Bad scheme files are refused whole, naming file, line and field.

use jifen::domain::scheme::Scheme;

const GOOD: &str = r#"
id = "mine"
name = "Our branch"
base = 80
floor = 0

[year]
rule = "parts"

[process]
publication_days = 3
appeal_reply_days = 3

[[parts]]
id = "work"
name = "Work"
bonus_cap = 10

[[items]]
code = "work.good"
title = "Good work"
kind = "bonus"
part = "work"
points = 2

[[items]]
code = "late"
title = "Late"
kind = "deduction"
points = 1
"#;

fn err(text: &str) -> jifen::domain::scheme::SchemeError {
    Scheme::parse("branch.toml", text).expect_err("must be refused")
}

/// The error as an English reader reads it.
fn words(e: &jifen::domain::scheme::SchemeError) -> String {
    jifen::i18n::errors::scheme(jifen::i18n::Lang::En, e)
}

#[test]
fn a_good_file_loads_and_scores() {
    let s = Scheme::parse("branch.toml", GOOD).unwrap();
    assert_eq!(s.items.len(), 2);
}

#[test]
fn syntax_error_names_the_line() {
    let e = err(&GOOD.replace("base = 80", "base = = 80"));
    assert_eq!(e.file, "branch.toml");
    assert_eq!(e.line, 4);
    assert!(words(&e).starts_with("branch.toml:4"), "{e}");
}

#[test]
fn unknown_field_names_line_and_field() {
    let e = err(&GOOD.replace("points = 2", "pionts = 2"));
    assert_eq!(e.line, 24);
    assert!(words(&e).contains("pionts"), "{e}");
}

#[test]
fn negative_cap_is_refused() {
    let e = err(&GOOD.replace("bonus_cap = 10", "bonus_cap = -10"));
    assert_eq!((e.line, e.field.as_str()), (17, "bonus_cap"));
}

#[test]
fn duplicate_code_is_refused() {
    let e = err(&GOOD.replace("code = \"late\"", "code = \"work.good\""));
    assert_eq!(e.field, "code");
    assert!(words(&e).contains("duplicate"), "{e}");
}

#[test]
fn missing_part_is_refused_listing_the_parts() {
    let e = err(&GOOD.replace("part = \"work\"", "part = \"study\""));
    assert_eq!((e.line, e.field.as_str()), (23, "part"));
    assert!(words(&e).contains("parts: work"), "{e}");
}

#[test]
fn negative_points_wrong_level_and_bad_bounds_are_refused() {
    assert!(words(&err(&GOOD.replace("points = 1", "points = -1"))).contains("positive magnitude"));
    let e = err(&GOOD.replace("points = 1", "levels = { county = 1 }"));
    assert!(words(&e).contains("unknown level 'county'"), "{e}");
    let e = err(&GOOD.replace("points = 1", "min = 5\nmax = 2"));
    assert!(words(&e).contains("min 5 is above max 2"), "{e}");
}

#[test]
fn veto_needs_an_effect_and_grades_must_exist() {
    let veto = format!("{GOOD}\n[[items]]\ncode = \"v\"\ntitle = \"V\"\nkind = \"veto\"\n");
    assert_eq!(err(&veto).field, "effect");
    let forced = format!("{veto}effect = \"grade\"\ngrade = \"nope\"\n");
    assert!(words(&err(&forced)).contains("grade 'nope' is not defined"));
}

#[test]
fn missing_required_section_is_named() {
    let e = err(&GOOD.replace(
        "[process]\npublication_days = 3\nappeal_reply_days = 3\n",
        "",
    ));
    assert!(words(&e).contains("process"), "{e}");
}

#[test]
fn a_branch_choice_must_mark_a_figure_the_file_sets() {
    let ok = format!("{GOOD}\n[[choices]]\nat = \"items[work.good].points\"\nwhy = \"ours\"\n");
    let s = Scheme::parse("branch.toml", &ok).expect("a choice that marks a figure loads");
    assert_eq!(s.choices[0].value, "2");
    let bad = format!("{GOOD}\n[[choices]]\nat = \"items[work.bad].points\"\nwhy = \"ours\"\n");
    let e = err(&bad);
    assert_eq!(e.field, "at");
    assert_eq!(
        e.line,
        bad.lines()
            .position(|l| l.contains("work.bad"))
            .map_or(0, |i| i + 1)
    );
    assert!(words(&e).contains("items[work.bad].points"), "{e}");
}

#[test]
fn a_number_that_is_not_finite_is_refused_wherever_it_stands() {
    for (from, to, line, field) in [
        ("base = 80", "base = inf", 4, "base"),
        ("floor = 0", "floor = -inf", 5, "floor"),
        (
            "bonus_cap = 10",
            "bonus_cap = nan",
            17,
            "parts[0].bonus_cap",
        ),
        ("points = 2", "points = +inf", 24, "items[0].points"),
    ] {
        let e = err(&GOOD.replace(from, to));
        assert_eq!((e.line, e.field.as_str()), (line, field), "{to}: {e}");
        assert!(words(&e).contains("finite"), "{e}");
    }
}
