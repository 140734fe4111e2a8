//! Branch choices: figures a scheme file sets that its seed does not state
//! (a quota's share, a per-occurrence bound, a window's days). The file
//! marks each in `[[choices]]` by where it is set, so `jifen schemes ID`
//! can list them and a branch can see what is its own to change.

use serde::Deserialize;

/// One figure of the file marked as a branch choice.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// Where the figure is set: `section.field`, or `section[entry].field`
    /// for a list entry picked by its key, code, id or stars
    /// (`grades[excellent].quota`, `items[work.major-task].max`).
    pub at: String,
    /// Why the file sets it so.
    pub why: String,
    #[serde(default)]
    pub why_zh: Option<String>,
    /// The figure as the file sets it, read when the file loads.
    #[serde(skip)]
    pub value: String,
}

impl Choice {
    pub fn why_in(&self, zh: bool) -> &str {
        match (&self.why_zh, zh) {
            (Some(t), true) => t,
            _ => &self.why,
        }
    }
}

/// The path's steps: each a name, with the entry picked in brackets if any.
fn steps(at: &str) -> Vec<(&str, Option<&str>)> {
    let mut out = Vec::new();
    let mut rest = at;
    while !rest.is_empty() {
        let (name, after) = match rest.find(['.', '[']) {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, ""),
        };
        let (entry, after) = match after.strip_prefix('[') {
            Some(a) => match a.find(']') {
                Some(j) => (Some(&a[..j]), &a[j + 1..]),
                None => (Some(a), ""),
            },
            None => (None, after),
        };
        out.push((name, entry));
        rest = after.strip_prefix('.').unwrap_or(after);
    }
    out
}

/// The figure set at `at` in a scheme file's parsed text, as shown to a person.
pub fn value_at(root: &toml::Value, at: &str) -> Option<String> {
    let mut here = root;
    for (name, entry) in steps(at) {
        here = here.get(name)?;
        if let Some(want) = entry {
            here = here.as_array()?.iter().find(|t| {
                ["key", "code", "id", "stars"].iter().any(|k| {
                    t.get(k).is_some_and(|v| match v {
                        toml::Value::String(s) => s == want,
                        other => other.to_string() == want,
                    })
                })
            })?;
        }
    }
    match here {
        toml::Value::String(s) => Some(s.clone()),
        toml::Value::Table(_) | toml::Value::Array(_) => None,
        other => Some(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_pick_list_entries_by_key_code_or_stars() {
        let root: toml::Value = toml::from_str(
            r#"
            quota_ties = "all"
            [process]
            publication_days = 3
            [[items]]
            code = "work.major-task"
            max = 5
            [[grades]]
            key = "excellent"
            quota = 0.2
            [stars]
            bands = [{ stars = 5, share = 0.1 }]
            "#,
        )
        .expect("toml");
        let cases = [
            ("quota_ties", Some("all")),
            ("process.publication_days", Some("3")),
            ("items[work.major-task].max", Some("5")),
            ("grades[excellent].quota", Some("0.2")),
            ("stars.bands[5].share", Some("0.1")),
            ("grades[excellent].min", None),
            ("items[work.none].max", None),
            ("process", None),
        ];
        for (at, want) in cases {
            assert_eq!(value_at(&root, at).as_deref(), want, "{at}");
        }
    }
}
