//! Every word a person reads, in Chinese and English: one catalogue per
//! language ([`Strings`], from [`Lang::words`]) made of one struct of words
//! per area (console, meeting, command line, board, papers). Fixed words are
//! fields; words with values are functions, so each language orders its own.

pub mod board;
pub mod cli;
mod common;
mod console;
mod en;
pub mod errors;
mod grading;
pub mod imports;
pub mod meeting;
pub mod papers;
pub mod redemption;
mod zh;

pub use en::EN;
pub use zh::ZH;

pub use board::BoardWords;
pub use common::{
    attendance, category, claim_status, confirmation, level, member_status, period_state,
};
pub use console::Strings;
pub use grading::{choices_columns, choices_heading, no_ranking, quota_note, rank_group};

/// The interface language: every word a person reads is picked by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    /// Every word of this language.
    pub fn words(self) -> &'static Strings {
        strings(self)
    }

    /// Chinese when `zh`, else English.
    pub fn of_zh(zh: bool) -> Lang {
        if zh {
            Lang::Zh
        } else {
            Lang::En
        }
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
/// The strings of a language.
pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}
