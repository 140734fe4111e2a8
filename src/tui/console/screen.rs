//! The screen stack's entries and what every screen's drawing shares.

use super::action::Action;
use super::keymap::Binding;
use super::style::Palette;
use super::{appeals, appraisal, confirm, lock, members, overview, redeem, roll_call, year};
use crate::domain::model::fmt_points;
use crate::i18n::Lang;
use crate::i18n::Strings;

/// Which screen, without its state (for key maps and help).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScreenKind {
    Overview,
    RollCall,
    Members,
    Confirm,
    Lock,
    Year,
    Appeals,
    Redeem,
    Appraisal,
}

impl ScreenKind {
    /// Every screen, in the order of the meeting (for the help and the README).
    pub const ALL: [ScreenKind; 9] = [
        ScreenKind::Overview,
        ScreenKind::RollCall,
        ScreenKind::Members,
        ScreenKind::Confirm,
        ScreenKind::Lock,
        ScreenKind::Year,
        ScreenKind::Appeals,
        ScreenKind::Redeem,
        ScreenKind::Appraisal,
    ];

    /// The screen's own keys (the shared ones are `keys::GLOBAL`).
    pub fn keys(self) -> &'static [Binding<Action>] {
        match self {
            ScreenKind::Overview => overview::KEYS,
            ScreenKind::RollCall => roll_call::KEYS,
            ScreenKind::Members => members::KEYS,
            ScreenKind::Confirm => confirm::KEYS,
            ScreenKind::Lock => lock::KEYS,
            ScreenKind::Year => year::KEYS,
            ScreenKind::Appeals => appeals::KEYS,
            ScreenKind::Redeem => redeem::KEYS,
            ScreenKind::Appraisal => appraisal::KEYS,
        }
    }

    /// The screen's name for the header and the help.
    pub fn title(self, t: &'static Strings) -> &'static str {
        match self {
            ScreenKind::Overview => t.overview,
            ScreenKind::RollCall => t.roll_call,
            ScreenKind::Members => t.member_claims,
            ScreenKind::Confirm => t.confirmation,
            ScreenKind::Lock => t.step_lock,
            ScreenKind::Year => t.year_view,
            ScreenKind::Appeals => t.appeals_title,
            ScreenKind::Redeem => t.redeem_title,
            ScreenKind::Appraisal => t.appraisal_title,
        }
    }
}

/// A screen on the stack with its own state and view model.
#[derive(Debug)]
pub enum Screen {
    Overview(overview::Overview),
    RollCall(roll_call::RollCall),
    Members(members::Members),
    Confirm(confirm::Confirm),
    Lock(lock::Lock),
    Year(year::Year),
    Appeals(appeals::Appeals),
    Redeem(redeem::Redeem),
    Appraisal(appraisal::Appraisal),
}

impl Screen {
    pub fn kind(&self) -> ScreenKind {
        match self {
            Screen::Overview(_) => ScreenKind::Overview,
            Screen::RollCall(_) => ScreenKind::RollCall,
            Screen::Members(_) => ScreenKind::Members,
            Screen::Confirm(_) => ScreenKind::Confirm,
            Screen::Lock(_) => ScreenKind::Lock,
            Screen::Year(_) => ScreenKind::Year,
            Screen::Appeals(_) => ScreenKind::Appeals,
            Screen::Redeem(_) => ScreenKind::Redeem,
            Screen::Appraisal(_) => ScreenKind::Appraisal,
        }
    }
}

/// What drawing needs besides the screen: language, strings, palette.
#[derive(Debug, Clone, Copy)]
pub struct Ctx<'a> {
    pub lang: Lang,
    pub t: &'static Strings,
    pub pal: &'a Palette,
}

impl Ctx<'_> {
    pub fn zh(&self) -> bool {
        self.lang == Lang::Zh
    }
}

/// Points with the sign of the item's kind (`+3`, `-2`; vetoes have none).
pub fn signed_points(kind: &str, points: f64, lang: Lang) -> String {
    match kind {
        "deduction" => format!("-{}", fmt_points(points)),
        "veto" => lang.words().console.veto_points.to_string(),
        _ => format!("+{}", fmt_points(points)),
    }
}

/// The notes of quotas a tie took over their count, in the user's language.
pub fn quota_notes(l: &crate::app::Ledger, r: &crate::app::Ranking, zh: bool) -> Vec<String> {
    let lang = Lang::of_zh(zh);
    r.quota_notes
        .iter()
        .map(|n| lang.words().grading.quota(l.scheme(), n))
        .collect()
}

/// Replace grade keys by the scheme's names for them, in the user's language.
pub fn name_grades<'a>(
    l: &crate::app::Ledger,
    rows: impl IntoIterator<Item = &'a mut crate::app::RankRow>,
    zh: bool,
) {
    for r in rows {
        if let Some(g) = r.grade.as_deref().and_then(|k| l.scheme().grade(k)) {
            r.grade = Some(g.name_in(zh).into());
        }
    }
}

/// Stars as a short number (`3*`), none as blank.
pub fn stars_text(stars: Option<u8>) -> String {
    stars.map(|s| format!("{s}*")).unwrap_or_default()
}

/// A claim's level in words, or nothing.
pub fn level_text(lang: crate::i18n::Lang, level: Option<&str>) -> String {
    level
        .map(|l| (lang.words().common.level)(l))
        .unwrap_or_default()
}
