//! The board's English words.

use crate::i18n::board::BoardWords;
use crate::i18n::Lang;

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// English words of the board.
pub const BOARD: BoardWords = BoardWords {
    lang: Lang::En,
    verdict_final: "FINAL",
    verdict_published: "IN PUBLICATION, appeals open",
    verdict_locked: "LOCKED, not yet published",
    verdict_preliminary: "PRELIMINARY",
    seal: "seal",
    frozen_at: |clock| format!("frozen at {clock}, not live"),
    revealing_at: |clock| format!("revealing, frozen at {clock}"),
    revealed_at: |clock| format!("revealed, frozen at {clock}, not live"),
    rank: "Rank",
    name: "Name",
    score: "Score",
    demerits: "Points",
    grade: "Grade",
    grade_projected: "Projected",
    projected: |mark| format!("{mark} (projected)"),
    projected_legend: "grades are projected; the year decides",
    move_head: "Move",
    signed_head: "Signed",
    signed_yes: "signed",
    signed_disputed: "disputed",
    signed_not_yet: "not yet",
    tied: |n| format!("{n} tied"),
    place: |rank| format!("No. {rank}"),
    stars: |n| format!("{n} star{}", plural(usize::from(n))),
    moved: |by| {
        if by > 0 {
            format!("+{by}")
        } else {
            format!("-{}", -by)
        }
    },
    page: |page, pages| format!("page {page}/{pages}"),
    lower_is_better: "lower is better",
    overtime: "OVERTIME",
    pending: |n| format!("{n} item{} pending", plural(n)),
    no_public_items: "no public items",
    no_period: "no period yet",
    nothing_to_show: "no claims in this period yet: nothing to show",
    no_members: "no ranking yet",
    unknown_member: "this member is not in the ranking",
    db_gone: "the database file is gone",
    db_locked: "the database has been locked for long",
    db_error: "cannot read the database",
    retrying: |secs| format!("retrying by itself ({secs} s); showing the last result read"),
};
