//! The shape of `src/`: dependencies point one way,
//! `domain <- store <- app <- {cli, tui, export}`, and no two modules need
//! each other. Built from the `crate::...` paths of the sources, with std only.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// What each top-level module may use of the crate. `i18n` serves the front
/// ends only; `dev` (the demo and generated data) goes through `app`.
const ALLOWED: &[(&str, &[&str])] = &[
    ("domain", &[]),
    ("store", &["domain"]),
    ("app", &["domain", "store"]),
    ("i18n", &["domain", "app"]),
    ("export", &["domain", "app", "i18n"]),
    ("tui", &["domain", "app", "i18n", "export"]),
    ("dev", &["domain", "app"]),
    ("cli", &["domain", "app", "i18n", "export", "tui", "dev"]),
];

/// Top-level modules whose own submodules must not need each other.
const INNER: &[&str] = &["store", "domain"];

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("src is readable")
        .map(|e| e.expect("src entry").path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            sources(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The module path of a source file: `src/store/db.rs` is `["store", "db"]`.
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let rel = file
        .strip_prefix(src)
        .expect("under src")
        .with_extension("");
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|l| l == "mod") {
        parts.pop();
    }
    parts
}

/// The code of a file without comments, strings and its `#[cfg(test)]` tail.
fn code(text: &str) -> String {
    let text = text.split("#[cfg(test)]").next().unwrap_or("");
    let mut out = String::new();
    for line in text.lines() {
        let line = match line.find("//") {
            Some(i) => &line[..i],
            None => line,
        };
        let mut in_str = false;
        let mut prev = ' ';
        for ch in line.chars() {
            if ch == '"' && prev != '\\' {
                in_str = !in_str;
            } else if !in_str {
                out.push(ch);
            }
            prev = ch;
        }
        out.push('\n');
    }
    out
}

/// Every `crate::a::b` a file names, as (a, b), `super::b` resolved
/// against the file's own module path; grouped `use` lists are expanded.
fn named_paths(module: &[String], code: &str) -> Vec<(String, Option<String>)> {
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let mut out = Vec::new();
    let mut push = |path: Vec<String>| {
        if let Some(first) = path.first() {
            out.push((first.clone(), path.get(1).cloned()));
        }
    };
    let mut rest = code;
    while let Some(i) = rest.find("crate::").or_else(|| rest.find("super::")) {
        let (word, base): (&str, Vec<String>) = if rest[i..].starts_with("crate::") {
            ("crate::", vec![])
        } else {
            // super:: from a file `a/b/c` (module a::b::c) names a::b::...
            let mut parent = module.to_vec();
            parent.pop();
            ("super::", parent)
        };
        // Only whole words: `crate::` not inside an identifier.
        let before = rest[..i].chars().last();
        rest = &rest[i + word.len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let mut path = base;
        let mut tail = rest;
        loop {
            if let Some(stripped) = tail.strip_prefix('{') {
                // A group: each of its first names extends the path so far.
                let end = stripped.find('}').unwrap_or(stripped.len());
                for item in stripped[..end].split(',') {
                    let name = ident(item.trim());
                    if !name.is_empty() && name != "self" {
                        let mut p = path.clone();
                        p.push(name);
                        push(p);
                    }
                }
                push(path.clone());
                break;
            }
            let name = ident(tail);
            if name.is_empty() {
                push(path.clone());
                break;
            }
            tail = &tail[name.len()..];
            path.push(name);
            match tail.strip_prefix("::") {
                Some(t) => tail = t,
                None => {
                    push(path.clone());
                    break;
                }
            }
        }
    }
    out
}

struct Graph {
    /// Top-level module -> the top-level modules it names.
    top: BTreeMap<String, BTreeSet<String>>,
    /// (top, submodule) -> sibling submodules it names (its parent's own
    /// items count as the sibling "mod").
    inner: BTreeMap<(String, String), BTreeSet<String>>,
}

fn graph() -> Graph {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let mut g = Graph {
        top: BTreeMap::new(),
        inner: BTreeMap::new(),
    };
    for f in files {
        let module = module_of(&src, &f);
        let Some(top) = module.first().cloned() else {
            continue;
        };
        if module.len() == 1 && (top == "lib" || top == "main") {
            continue;
        }
        let text = std::fs::read_to_string(&f).expect("source is text");
        let code = code(&text);
        let entry = g.top.entry(top.clone()).or_default();
        let here = module.get(1).cloned().unwrap_or_else(|| "mod".into());
        let mut named = named_paths(&module, &code);
        // A module's own file names its children with bare `child::` paths
        // (`pub use db::...`): those count as its dependencies too.
        if module.len() == 1 {
            for line in code.lines() {
                if let Some(rest) = line.trim().strip_prefix("pub use ") {
                    let child: String = rest
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    if !child.is_empty() && child != "crate" && child != "super" {
                        named.push((top.clone(), Some(child)));
                    }
                }
            }
        }
        for (first, second) in named {
            if first != top {
                entry.insert(first);
                continue;
            }
            let sibling = match second {
                Some(s) if INNER.contains(&top.as_str()) => s,
                _ => continue,
            };
            let sub_dir = src.join(&top).join(&sibling);
            let is_module =
                sub_dir.is_dir() || src.join(&top).join(format!("{sibling}.rs")).is_file();
            let sibling = if is_module { sibling } else { "mod".into() };
            if sibling != here && INNER.contains(&top.as_str()) {
                g.inner
                    .entry((top.clone(), here.clone()))
                    .or_default()
                    .insert(sibling);
            }
        }
    }
    g
}

/// A cycle in `edges`, if any, as the path that closes it.
fn cycle(edges: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        n: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = stack.iter().position(|s| s == n) {
            let mut c = stack[i..].to_vec();
            c.push(n.to_string());
            return Some(c);
        }
        if done.contains(n) {
            return None;
        }
        stack.push(n.to_string());
        for m in edges.get(n).into_iter().flatten() {
            if let Some(c) = visit(m, edges, stack, done) {
                return Some(c);
            }
        }
        stack.pop();
        done.insert(n.to_string());
        None
    }
    let mut done = BTreeSet::new();
    for n in edges.keys() {
        if let Some(c) = visit(n, edges, &mut Vec::new(), &mut done) {
            return Some(c);
        }
    }
    None
}

fn show(edges: &BTreeMap<String, BTreeSet<String>>) -> String {
    edges
        .iter()
        .map(|(k, v)| {
            format!(
                "{k} -> {}",
                v.iter().cloned().collect::<Vec<_>>().join(", ")
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn top_level_modules_depend_one_way() {
    let g = graph();
    println!("{}", show(&g.top));
    let mut wrong = Vec::new();
    for (from, tos) in &g.top {
        let allowed = ALLOWED
            .iter()
            .find(|(m, _)| m == from)
            .map(|(_, a)| *a)
            .unwrap_or_else(|| panic!("module {from} is not in the layering table"));
        for to in tos {
            if !allowed.contains(&to.as_str()) {
                wrong.push(format!("{from} -> {to}"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "dependencies against domain <- store <- app <- {{cli, tui, export}}: {wrong:?}"
    );
    assert_eq!(cycle(&g.top), None, "a cycle between top-level modules");
}

#[test]
fn no_cycles_inside_store_or_domain() {
    let g = graph();
    for top in INNER {
        let edges: BTreeMap<String, BTreeSet<String>> = g
            .inner
            .iter()
            .filter(|((t, _), _)| t == top)
            .map(|((_, m), v)| (m.clone(), v.clone()))
            .collect();
        println!("{top}:\n{}", show(&edges));
        assert_eq!(cycle(&edges), None, "a cycle inside {top}");
    }
}

#[test]
fn the_graph_reader_sees_what_it_must() {
    // The reader itself: a cycle and a grouped `use` are found.
    let mut e = BTreeMap::new();
    e.insert("a".to_string(), BTreeSet::from(["b".to_string()]));
    e.insert("b".to_string(), BTreeSet::from(["a".to_string()]));
    assert_eq!(
        cycle(&e),
        Some(vec!["a".to_string(), "b".to_string(), "a".to_string()])
    );
    let code = code("use crate::store::{db, journal::head};\nlet x = \"crate::tui\"; // crate::cli\nsuper::apply::f();");
    let named = named_paths(&["store".into(), "events".into()], &code);
    let has = |a: &str, b: &str| named.contains(&(a.to_string(), Some(b.to_string())));
    assert!(has("store", "db") && has("store", "journal") && has("store", "apply"));
    assert!(!named.iter().any(|(a, _)| a == "tui" || a == "cli"));
}

#[test]
fn sql_only_in_store() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let mut found = Vec::new();
    for f in files {
        if f.starts_with(src.join("store")) {
            continue;
        }
        let code = code(&std::fs::read_to_string(&f).expect("source is text"));
        for word in [
            "rusqlite",
            ".prepare(",
            ".prepare_cached(",
            ".execute(",
            ".execute_batch(",
            ".query_row(",
            ".query_map(",
        ] {
            if code.contains(word) {
                found.push(format!("{}: {word}", f.display()));
            }
        }
    }
    assert!(found.is_empty(), "SQL outside store: {found:#?}");
}
