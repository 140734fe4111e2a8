//! Every word a person reads, in Chinese and English: one [`Catalogue`] per
//! language (from [`Lang::words`]) made of one struct of words per area
//! (console, meeting, command line, board, papers, grading, shared words).
//! Fixed words are fields; words with values are functions, so each
//! language orders its own. The values live in `zh/<area>.rs` and
//! `en/<area>.rs`.

pub mod appraisal;
pub mod board;
pub mod cli;
pub mod common;
mod console;
pub mod counting;
pub mod desk;
mod en;
pub mod errors;
pub mod filing;
pub mod grading;
pub mod imports;
pub mod meeting;
pub mod papers;
pub mod redemption;
pub mod review;
pub mod year_close;
mod zh;

pub use en::EN;
pub use zh::ZH;

pub use board::BoardWords;
pub use cli::CliWords;
pub use common::CommonWords;
pub use console::Strings;
pub use grading::GradingWords;
pub use meeting::Meeting;
pub use papers::PaperWords;

/// Every word of one language, one area per field.
#[derive(Debug)]
pub struct Catalogue {
    /// The language these words are in.
    pub lang: Lang,
    /// The console's screens, prompts and key labels.
    pub console: &'static Strings,
    /// The assembly's acts: signing, undo, the quorum, the lease.
    pub meeting: &'static Meeting,
    /// The command line's messages and table headers.
    pub cli: &'static CliWords,
    /// What the room reads on the projector.
    pub board: &'static BoardWords,
    /// The printed papers.
    pub papers: &'static PaperWords,
    /// Ranking groups, quota notes, a scheme's branch choices.
    pub grading: &'static GradingWords,
    /// Categories, statuses, marks, period states and levels, shared by all.
    pub common: &'static CommonWords,
    /// Points redemption: gifts, balances, the redemption list.
    pub redemption: &'static redemption::RedemptionWords,
    /// The democratic appraisal: the command line, the ballots, the result table.
    pub appraisal: &'static appraisal::AppraisalWords,
    /// The filing (备案): its file, its check, the committee's desk.
    pub filing: &'static filing::FilingWords,
    pub review: &'static review::ReviewWords,
    /// The year close's final grades (评定等次).
    pub year_close: &'static year_close::YearCloseWords,
}

/// The interface language: every word a person reads is picked by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    /// Every word of this language.
    pub fn words(self) -> &'static Catalogue {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }

    /// Chinese when `zh`, else English.
    pub fn of_zh(zh: bool) -> Lang {
        if zh {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// Whether scheme titles are read in their `_zh` fields.
    pub fn is_zh(self) -> bool {
        self == Lang::Zh
    }

    /// The code `--lang` takes (`zh`, `en`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// The language of the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, the first
    /// one set): Chinese for `zh*`, else English; Chinese when none is set.
    pub fn from_locale() -> Lang {
        for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let Ok(v) = std::env::var(var) {
                if v.is_empty() {
                    continue;
                }
                return if v.to_lowercase().starts_with("zh") {
                    Lang::Zh
                } else {
                    Lang::En
                };
            }
        }
        Lang::Zh
    }
}

/// A stored moment (RFC 3339, e.g. `2026-12-02T01:47:27.418427+00:00`) as a
/// person reads it: `2026-12-02 09:47:27` in this computer's time zone; a
/// text that is not such a moment, as it is.
pub fn local_stamp(at: &str) -> String {
    match chrono::DateTime::parse_from_rfc3339(at) {
        Ok(t) => t
            .with_timezone(&chrono::Local)
            .format("%Y-%m-%d %H:%M:%S")
            .to_string(),
        Err(_) => at.to_string(),
    }
}

/// A period state in `lang`'s words (kept for
/// `meeting::core_error`; other callers use `lang.words().common`).
pub fn period_state(lang: Lang, state: crate::domain::model::PeriodState) -> String {
    lang.words().common.period_state(state)
}
