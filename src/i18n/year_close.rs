//! The words of the year close's final grades (评定等次): the console's year
//! screen and its grade picker, the command line, the year papers. The
//! values are in `zh/year_close.rs` and `en/year_close.rs`.

/// The year close's words in one language.
#[derive(Debug)]
pub struct YearCloseWords {
    /// The year screen's columns: the points grade, the appraisal's, the final one.
    pub col_points_grade: &'static str,
    pub col_appraisal: &'static str,
    pub col_final: &'static str,
    /// The picker's title: the member and the year.
    pub pick_title: fn(member: &str, year: i32) -> String,
    /// The picker's line about the member: points grade, appraisal grade (or none).
    pub pick_info: fn(points: &str, appraisal: Option<&str>) -> String,
    /// A grade above what the points allow, marked in the picker.
    pub above: &'static str,
    /// A final grade not recorded yet (the scheme's default), as the screen marks it.
    pub default_note: &'static str,
    /// The member under the cursor has no grade to decide.
    pub no_grade: &'static str,
    /// The year is final: its grades are fixed (the period that made it so).
    pub year_final: fn(period: &str) -> String,
    /// A final grade recorded: member, year, grade, the highest the points allow.
    pub recorded: fn(member: &str, year: i32, grade: &str, allowed: &str) -> String,
    /// A final grade taken back: member, year, the default now.
    pub cleared: fn(member: &str, year: i32, default: &str) -> String,
    /// A recorded final grade above what the points allow now (`None`: no
    /// points grade any more), as the year screen's line says it.
    pub above_now: fn(member: &str, grade: &str, allowed: Option<&str>) -> String,
    /// More such grades than the screen has lines for.
    pub above_more: fn(more: usize) -> String,
}
