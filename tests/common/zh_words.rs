//! What a Chinese reader must not meet: English words in text meant for them.
//!
//! A word is a run of 3 or more ASCII letters. Allowed: item codes and file
//! names (a token with `.`, `/` or `_` in it, `work.speech`, `t.sqlite`), flags
//! (`--reason`), hex seals and hashes, anything in backticks (a command to
//! type) or 「」 (a person's own input quoted back), and the few words of
//! [`ALLOWED`].

/// Words a Chinese reader may meet as they are: the program's and its
/// formats' names, the keys of the keyboard, and units.
pub const ALLOWED: &[&str] = &[
    "jifen", // the program's name, as typed
    "jif",
    "jife", // the same, cut short where an overlay covers the screen
    "csv",
    "xlsx",
    "html",
    "json",
    "toml", // formats, as typed after --format
    "Tab",
    "Esc",
    "Enter",
    "Space",
    "PgUp",
    "PgDn",
    "Ctrl",
    "Backspace",
    "Down",
    "Left",
    "Right",
    "Home",
    "End",
    "inf",
    "NaN",   // a number as the user typed it
    "Shift", // keys
    "unit",
    "county",
    "city",
    "province",
    "national", // level codes, as typed after --level
    "pid",      // a process id, printed beside its number
];

/// The English words in `text`, each with the line it is on.
pub fn english_words(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for line in text.lines() {
        for word in words_of(&strip_quoted(line)) {
            found.push(format!("{word:?} in {:?}", line.trim()));
        }
    }
    found
}

/// `line` with backticked and 「」-quoted spans removed.
fn strip_quoted(line: &str) -> String {
    let mut out = String::new();
    let mut in_tick = false;
    let mut depth = 0usize;
    for c in line.chars() {
        match c {
            '`' => in_tick = !in_tick,
            '「' => depth += 1,
            '」' => depth = depth.saturating_sub(1),
            _ if in_tick || depth > 0 => {}
            _ => out.push(c),
        }
    }
    out
}

fn words_of(line: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut in_command = false;
    for token in line.split(|c: char| c.is_whitespace() || !c.is_ascii()) {
        // `jifen verify --seal X` on a paper: a command to type, up to the next Chinese word.
        if token == "jifen" {
            in_command = true;
        } else if token.is_empty() {
            in_command = false;
        }
        if in_command {
            continue;
        }
        let token = token.trim_matches(|c: char| ",;:()[]{}!?'\"<>=+*#|".contains(c));
        if token.is_empty()
            || token.starts_with('-')
            || token.contains(['.', '/', '_', '\\', '@'])
            || (token.len() >= 8 && token.chars().all(|c| c.is_ascii_hexdigit()))
        {
            continue;
        }
        for run in token.split(|c: char| !c.is_ascii_alphabetic()) {
            if run.len() >= 3 && !ALLOWED.contains(&run) && !is_scheme_id(token) {
                found.push(run.to_string());
            }
        }
    }
    found
}

/// A built-in scheme's id (`bureau-80`, `village-tiered`): an id, as typed.
fn is_scheme_id(token: &str) -> bool {
    jifen::domain::scheme::BUILTIN
        .iter()
        .any(|(id, _)| *id == token)
}

/// Panic when `text`, shown to a Chinese reader as `what`, has English words.
pub fn assert_chinese(what: &str, text: &str) {
    let found = english_words(text);
    assert!(
        found.is_empty(),
        "{what}: English words in a Chinese text:\n  {}\n--- text ---\n{text}",
        found.join("\n  ")
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_is_found_and_codes_pass() {
        assert!(english_words("调整须填写理由 (--reason)").is_empty());
        assert!(english_words("「Bob」不在名册中; 运行 `jifen period open 2026Q4`").is_empty());
        assert!(english_words("事项 work.speech 封存码 3f9a0c1d2e4b").is_empty());
        assert_eq!(english_words("adjust needs a reason").len(), 3);
        assert_eq!(english_words("期次 2026Q4 is locked").len(), 1);
        assert!(english_words("可选: bureau-80, twelve-point").is_empty());
    }
}
