//! Finding members and items the way the secretary types them: by characters,
//! by code, or by pinyin initials (`zw` for 张伟, `wcxx` for 无偿献血). A
//! character read several ways (多音字: 曾 zeng/ceng, 单 shan/dan) matches
//! under any of its readings. Every search of the console goes through here.

use crate::domain::scheme::{Item, Scheme};
use pinyin::ToPinyinMulti;

/// Whether `query` finds `text`: a case-blind substring of the text, or a
/// run of consecutive characters whose pinyin initials spell the query's
/// letters (spaces in the query are ignored). An empty query finds everything.
pub fn matches(text: &str, query: &str) -> bool {
    let q = query.trim().to_lowercase();
    if q.is_empty() {
        return true;
    }
    if text.to_lowercase().contains(&q) {
        return true;
    }
    let letters: Vec<char> = q.chars().filter(|c| !c.is_whitespace()).collect();
    if letters.is_empty() || !letters.iter().all(char::is_ascii_alphanumeric) {
        return false;
    }
    let initials: Vec<Vec<char>> = text.chars().filter_map(initials_of).collect();
    initials.windows(letters.len()).any(|w| {
        w.iter()
            .zip(&letters)
            .all(|(readings, l)| readings.contains(l))
    })
}

/// The first letters a character may be typed by: every reading of a Chinese
/// character, an ASCII letter or digit itself; `None` for what is skipped
/// (spaces, punctuation).
fn initials_of(c: char) -> Option<Vec<char>> {
    if c.is_ascii_alphanumeric() {
        return Some(vec![c.to_ascii_lowercase()]);
    }
    let multi = c.to_pinyin_multi()?;
    let mut v: Vec<char> = multi
        .into_iter()
        .filter_map(|p| p.first_letter().chars().next())
        .collect();
    v.dedup();
    Some(v)
}

/// The scheme's items that `query` finds by code, English or Chinese title.
pub fn items<'s>(scheme: &'s Scheme, query: &str) -> Vec<&'s Item> {
    scheme
        .items
        .iter()
        .filter(|i| {
            matches(&i.code, query)
                || matches(&i.title, query)
                || i.title_zh.as_deref().is_some_and(|t| matches(t, query))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::matches;

    #[test]
    fn characters_and_codes_match_as_typed() {
        assert!(matches("张伟", "张"));
        assert!(matches("张伟", "张伟"));
        assert!(matches("B07", "b07"));
        assert!(matches("Voluntary blood donation", "BLOOD"));
        assert!(!matches("张伟", "李"));
        assert!(matches("张伟", "  "), "an empty query finds everything");
    }

    #[test]
    fn pinyin_initials_find_names_and_titles() {
        assert!(matches("张伟", "zw"));
        assert!(matches("张伟", "ZW"), "case does not matter");
        assert!(matches("张伟", "z w"), "spaces are ignored");
        assert!(matches("无偿献血", "wcxx"));
        assert!(
            matches("完成急难险重任务", "jnxz"),
            "a run inside the title"
        );
        assert!(matches("王秀英", "xy"));
        assert!(!matches("张伟", "wz"), "initials keep their order");
        assert!(!matches("张伟", "zwx"), "no letter left over");
        assert!(!matches("李娜", "zw"));
        assert!(!matches("无偿献血", "wx"), "initials must be consecutive");
    }

    #[test]
    fn any_reading_of_a_polyphone_matches() {
        // 曾 reads zeng (the surname) and ceng; 单 reads shan (the surname) and dan.
        assert!(matches("曾国藩", "zgf"));
        assert!(matches("曾国藩", "cgf"));
        assert!(matches("单雄信", "sxx"));
        assert!(matches("单雄信", "dxx"));
        // 乐 reads le and yue; 行 reads xing and hang.
        assert!(matches("助人为乐", "zrwl"));
        assert!(matches("助人为乐", "zrwy"));
        assert!(!matches("曾国藩", "xgf"));
    }

    #[test]
    fn letters_and_digits_in_a_title_count_as_themselves() {
        assert!(matches("A类加分", "alj"));
        assert!(matches("第2条", "d2t"));
    }
}
