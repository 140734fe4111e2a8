//! The committee desk's key lists: the README's desk key table is the one
//! they give, and each desk screen's footer keeps help and quit at 80
//! columns.

use jifen::tui::console::desk::readme_table;

const BEGIN: &str = "<!-- desk keys: generated from the desk's key lists; `JIFEN_BLESS_README=1 cargo test --test console desk_keys` rewrites it -->\n";
const END: &str = "<!-- /desk keys -->";

#[test]
fn the_readme_desk_key_table_is_the_one_the_key_lists_give() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).expect("README.md");
    let start = readme
        .find(BEGIN)
        .expect("the README marks the desk's table")
        + BEGIN.len();
    let end = start
        + readme[start..]
            .find(END)
            .expect("the desk table's end mark");
    let want = readme_table();
    if std::env::var_os("JIFEN_BLESS_README").is_some() {
        let fresh = format!("{}{want}{}", &readme[..start], &readme[end..]);
        std::fs::write(&path, fresh).expect("write README.md");
        return;
    }
    assert_eq!(
        &readme[start..end],
        want,
        "README's desk key table differs: run JIFEN_BLESS_README=1 cargo test --test console desk_keys"
    );
}

#[test]
fn the_desk_table_names_the_keys_a_clerk_relies_on() {
    let table = readme_table();
    for row in [
        "| `P` | all screens | publish |",
        "| `r` | all screens | receive |",
        "| `Enter` | Filings | details |",
        "| `Enter` | Ranking by category | branch ranking |",
        "| `a` | Reconsiderations | uphold |",
        "| `e` | Reconsiderations | decision file |",
        "| `1-3` | all screens |",
    ] {
        assert!(table.contains(row), "missing {row}:\n{table}");
    }
}
