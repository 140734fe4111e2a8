//! The import files' CSV reader on arbitrary bytes: it may refuse (naming a
//! line), never panic, and what it reads is what the `csv` crate reads.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;
use std::sync::OnceLock;

/// One temporary file, rewritten for every input.
fn input() -> &'static PathBuf {
    static F: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let f = F.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("input.csv");
        (dir, path)
    });
    &f.1
}

/// The rows a plain `csv` reader gives, blank ones skipped, header apart.
fn reference(text: &[u8]) -> Option<(Vec<String>, Vec<Vec<String>>)> {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text);
    let mut rows = Vec::new();
    for rec in r.records() {
        let rec = rec.ok()?;
        let cells: Vec<String> = rec.iter().map(String::from).collect();
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        rows.push(cells);
    }
    let mut it = rows.into_iter();
    let header = it.next()?;
    Some((header, it.collect()))
}

fuzz_target!(|data: &[u8]| {
    let path = input();
    std::fs::write(path, data).expect("write input");
    match jifen::app::import::read_rows(path) {
        Ok((header, rows)) => {
            let body = data.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(data);
            let text = std::str::from_utf8(body).expect("read rows are UTF-8");
            let (ref_header, ref_rows) = reference(text.as_bytes()).expect("csv reads it too");
            let trimmed: Vec<String> = ref_header.iter().map(|h| h.trim().to_lowercase()).collect();
            assert_eq!(header, trimmed);
            let got: Vec<Vec<String>> = rows.iter().map(|r| r.1.clone()).collect();
            assert_eq!(got, ref_rows);
            for w in rows.windows(2) {
                assert!(w[0].0 < w[1].0, "lines increase");
            }
            for (_, r) in &rows {
                assert_eq!(r.len(), header.len(), "every row as wide as the header");
            }
        }
        Err(e) => {
            // A refusal names the file.
            assert!(e.to_string().contains("input.csv"), "{e}");
        }
    }
});
