//! The democratic appraisal's rules (民主测评), pure: a grade from one
//! member's vote counts, a mean from raters' scores, the points a grade
//! gives. The ballots are secret: these rules see counts, never voters.

use crate::domain::scheme::{AppraisalChoice, AppraisalKind, ResultRule};
use serde::Serialize;

/// Where an appraisal stands: counting, or closed with its results posted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AppraisalState {
    Open,
    Closed,
}

impl AppraisalState {
    /// The stored word.
    pub fn code(self) -> &'static str {
        match self {
            AppraisalState::Open => "open",
            AppraisalState::Closed => "closed",
        }
    }

    /// The state a stored word names.
    pub fn from_code(s: &str) -> Option<AppraisalState> {
        match s {
            "open" => Some(AppraisalState::Open),
            "closed" => Some(AppraisalState::Closed),
            _ => None,
        }
    }
}

/// The kind a stored word names.
pub fn kind_from_code(s: &str) -> Option<AppraisalKind> {
    match s {
        "votes" => Some(AppraisalKind::Votes),
        "scores" => Some(AppraisalKind::Scores),
        _ => None,
    }
}

/// The grade `counts` give (an index into the choices, top grade first), by
/// `rule`, out of `valid` ballots; `None` when no grade is reached (no valid
/// ballots, or too many left blank for any grade to pass half).
pub fn grade(rule: ResultRule, counts: &[u32], valid: u32) -> Option<usize> {
    match rule {
        ResultRule::Median => median_grade(counts, valid),
    }
}

/// The median grade: counting the votes from the top grade down, the first
/// grade where they pass half of the valid ballots.
pub fn median_grade(counts: &[u32], valid: u32) -> Option<usize> {
    let mut so_far = 0u64;
    for (i, c) in counts.iter().enumerate() {
        so_far += u64::from(*c);
        if 2 * so_far > u64::from(valid) {
            return Some(i);
        }
    }
    None
}

/// Whether a member's counted ballots (votes and blanks) exceed the valid ballots.
pub fn over_ballots(counts: &[u32], blank: u32, valid: u32) -> bool {
    counted(counts, blank) > u64::from(valid)
}

/// A member's counted ballots: the votes for every grade and the blanks.
pub fn counted(counts: &[u32], blank: u32) -> u64 {
    counts.iter().map(|c| u64::from(*c)).sum::<u64>() + u64::from(blank)
}

/// The fewest raters for which the highest and lowest scores are dropped.
pub const DROP_FROM: usize = 3;

/// The mean of the raters' scores for one part, to two decimals; with
/// `drop_extremes` and at least [`DROP_FROM`] raters, one highest and one
/// lowest score are left out first. `None` with no scores.
pub fn mean(scores: &[f64], drop_extremes: bool) -> Option<f64> {
    if scores.is_empty() {
        return None;
    }
    let mut v = scores.to_vec();
    v.sort_by(f64::total_cmp);
    let kept = match drop_extremes && v.len() >= DROP_FROM {
        true => &v[1..v.len() - 1],
        false => &v[..],
    };
    let m = kept.iter().sum::<f64>() / kept.len() as f64;
    Some((m * 100.0).round() / 100.0)
}

/// Points outside the range the grade allows.
#[derive(Debug, Clone, PartialEq)]
pub struct PointsOutside {
    pub points: f64,
    pub min: f64,
    pub max: f64,
}

/// The points a grade gives: `chosen` when the branch chose within the
/// grade's range, else the grade's default (the top of its range); `None`
/// for a grade that gives no points.
pub fn points_for(
    choice: &AppraisalChoice,
    chosen: Option<f64>,
) -> Result<Option<f64>, PointsOutside> {
    let Some((min, max)) = choice.range() else {
        return Ok(None);
    };
    match chosen {
        Some(p) if p < min - 1e-9 || p > max + 1e-9 => Err(PointsOutside {
            points: p,
            min,
            max,
        }),
        Some(p) => Ok(Some(p)),
        None => Ok(choice.default_points()),
    }
}

/// The number of mass representatives a share of `members` asks for
/// (seed 003: about 20% of the members), rounded to the nearest.
pub fn representatives(share: f64, members: usize) -> usize {
    (share * members as f64).round().max(0.0) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_median_grade_passes_half_strictly() {
        // 10 valid: 5 excellent is half, not more than half.
        assert_eq!(median_grade(&[5, 5, 0, 0], 10), Some(1));
        assert_eq!(median_grade(&[6, 4, 0, 0], 10), Some(0));
        assert_eq!(median_grade(&[0, 0, 0, 0], 0), None);
        // Blanks count in the valid ballots: 3 + 1 of 10 never pass half.
        assert_eq!(median_grade(&[3, 1, 0, 0], 10), None);
    }

    #[test]
    fn extremes_drop_only_from_three_raters() {
        assert_eq!(mean(&[50.0, 60.0], true), Some(55.0));
        assert_eq!(mean(&[40.0, 55.0, 60.0], true), Some(55.0));
        assert_eq!(mean(&[40.0, 55.0, 60.0], false), Some(51.67));
        assert_eq!(mean(&[], false), None);
    }
}
