//! The words of the appraisal's count (唱票), on the console's counting
//! screen and the board: none empty, every message in Chinese for a Chinese
//! reader and free of Chinese for an English one (names aside).

use jifen::i18n::Lang;

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn every_count_word_is_written_in_its_language() {
    for lang in [Lang::Zh, Lang::En] {
        let w = lang.words().appraisal.count;
        let t = lang.words().console;
        let fixed = [
            w.counting,
            w.results,
            w.closed_note,
            w.refused,
            w.ask_open,
            w.ask_open_info,
            w.ask_ballots,
            w.ask_close,
            w.close_posts_none,
            w.ask_undo,
            w.nothing_to_undo,
            w.none,
            t.appraisal_title,
            t.appraisal_k_open,
            t.appraisal_k_digits,
            t.appraisal_k_erase,
            t.appraisal_k_next,
            t.appraisal_k_prev,
            t.appraisal_k_record,
            t.appraisal_k_cancel,
            t.appraisal_k_start,
            t.appraisal_k_ballots,
            t.appraisal_k_close,
            t.appraisal_k_undo,
            t.appraisal_k_ballot_no,
        ];
        let made = [
            (w.not_opened)("2026Q4"),
            (w.running)("M", 7, 12),
            (w.left)(5),
            (w.over)(1),
            (w.ballot_no)(2, 7),
            (w.result_line)("M", "G", Some(22.5)),
            (w.result_line)("M", "G", None),
            (w.without_result)(3),
            (w.undo_info)("M", "X 1"),
            (w.undone)("M"),
            (w.board_progress)(1, 39),
            (w.will_issue)(12, 10, 2),
        ];
        for s in fixed.iter().copied().chain(made.iter().map(String::as_str)) {
            assert!(!s.trim().is_empty(), "{lang:?}: an empty word");
            match lang {
                Lang::Zh => assert!(has_cjk(s) || s.starts_with('M'), "zh: {s}"),
                Lang::En => assert!(!has_cjk(s), "en: {s}"),
            }
        }
    }
    // Numbers keep their place in each language's own order.
    let zh = Lang::Zh.words().appraisal.count;
    assert_eq!((zh.running)("张伟", 7, 12), "张伟: 已计 7/12 张");
    assert_eq!(
        (zh.result_line)("张伟", "合格", Some(18.0)),
        "张伟  合格  18 分"
    );
    let en = Lang::En.words().appraisal.count;
    assert_eq!(
        (en.running)("Zhang Wei", 7, 12),
        "Zhang Wei: 7/12 ballots counted"
    );
}
