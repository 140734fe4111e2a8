//! The words of the appraisal's refusals (民主测评), each language in its
//! own word order (beside `refusals`, which would grow past its size).

use super::refusals::{list, say};
use crate::app::AppraisalError;
use crate::domain::model::fmt_points as p;
use crate::i18n::Lang;

/// The Chinese titles of a ballot's choices or parts, each in 「」.
fn titles(known: &[(String, String)]) -> String {
    known.iter().map(|k| format!("「{}」", k.1)).collect()
}

/// The codes of a ballot's choices or parts.
fn codes(lang: Lang, known: &[(String, String)]) -> String {
    list(lang, &known.iter().map(|k| k.0.clone()).collect::<Vec<_>>())
}

/// Why an appraisal act is refused.
pub fn appraisal(lang: Lang, e: &AppraisalError) -> String {
    use AppraisalError as E;
    match e {
        E::NoSection { scheme } => say!(
            lang,
            format!("方案 {scheme} 没有民主测评 (方案文件的 `[appraisal]` 一节)"),
            format!("scheme {scheme} holds no democratic appraisal (no [appraisal] section)"),
        ),
        E::NotOpen { period } => say!(
            lang,
            format!("{period} 还没有开始民主测评; 请先运行 `jifen appraisal open --period {period}`"),
            format!("no appraisal is open for {period}; run `jifen appraisal open --period {period}` first"),
        ),
        E::AlreadyOpen { period } => say!(
            lang,
            format!("{period} 的民主测评已经开始过了"),
            format!("the appraisal of {period} was opened before"),
        ),
        E::Closed { period } => say!(
            lang,
            format!("{period} 的民主测评已结束, 结果已计入, 票数不能再改"),
            format!("the appraisal of {period} is closed: its results are posted and its counts fixed"),
        ),
        E::NoBallots { period } => say!(
            lang,
            format!("{period} 没有可发的测评票: 点名还没有到会的党员; 请先点名, 或用 --ballots 给出票数"),
            format!("{period}: no ballots to issue: no voting member is marked present; call the roll first, or give --ballots"),
        ),
        E::OverBallots { member, counted, valid } => say!(
            lang,
            format!("{member} 计了 {counted} 张票, 超过有效票 {valid} 张; 未作任何修改"),
            format!("{member}: {counted} ballots counted, more than the {valid} valid ballots; nothing was changed"),
        ),
        E::AlreadyOnItem {
            member,
            item,
            title,
            claim,
        } => say!(
            lang,
            format!("{member} 本期已有「{title}」的申报 (第 {claim} 号), 测评结果再计入会重复计分; 请先驳回或撤回该申报; 未作任何修改"),
            format!("{member} already has a claim on '{item}' this period (no. {claim}): the appraisal's points would count twice; reject or withdraw it first; nothing was changed"),
        ),
        E::ReturnedAboveIssued { returned, issued } => say!(
            lang,
            format!("收回 {returned} 张, 多于发出的 {issued} 张"),
            format!("{returned} ballots returned, more than the {issued} issued"),
        ),
        E::SpoiledAboveReturned { spoiled, returned } => say!(
            lang,
            format!("废票 {spoiled} 张, 多于收回的 {returned} 张"),
            format!("{spoiled} spoiled ballots, more than the {returned} returned"),
        ),
        E::UnknownChoice { key, known } => say!(
            lang,
            format!("测评票上没有「{key}」这一项 (可选: {})", titles(known)),
            format!("the ballot offers no '{key}' (choices: {})", codes(lang, known)),
        ),
        E::UnknownPart { key, known } => say!(
            lang,
            format!("测评票上没有「{key}」这一评分部分 (评分部分: {})", titles(known)),
            format!("the ballot rates no part '{key}' (parts: {})", codes(lang, known)),
        ),
        E::WrongBallot { kind: "scores" } => say!(
            lang,
            "本方案的测评票是逐项打分的; 请用 --scores 和 --rater".to_string(),
            "this scheme's ballots give scores; use --scores and --rater".to_string(),
        ),
        E::WrongBallot { .. } => say!(
            lang,
            "本方案的测评票是投票选等次的; 请用 --votes".to_string(),
            "this scheme's ballots are votes for a grade; use --votes".to_string(),
        ),
        E::BadCount { field, given } => say!(
            lang,
            format!("「{field}」的「{given}」不是 0 或以上的数"),
            format!("{field}: '{given}' is not a number of 0 or more"),
        ),
        E::ScoreAbove { part, title, score, max } => say!(
            lang,
            format!("「{title}」打了 {} 分, 超过满分 {}", p(*score), p(*max)),
            format!("{part}: {} is above the part's {}", p(*score), p(*max)),
        ),
        E::RaterRange { rater, valid } => say!(
            lang,
            format!("第 {rater} 张测评票不存在: 有效票为 1 至 {valid} 号"),
            format!("ballot {rater} does not exist: the valid ballots are 1 to {valid}"),
        ),
        E::PointsOutside { member, grade, points, min, max } => say!(
            lang,
            format!("{member} 评为「{grade}」, 得分须在 {} 至 {} 之间, 不能给 {}", p(*min), p(*max), p(*points)),
            format!("{member} is graded '{grade}': points from {} to {}, not {}", p(*min), p(*max), p(*points)),
        ),
        E::NoGradeYet { member } => say!(
            lang,
            format!("{member} 的票数还定不出等次, 不能给分"),
            format!("{member}'s counts give no grade yet; no points can be chosen"),
        ),
        E::NotAppraised { member } => say!(
            lang,
            format!("{member} 不在本支部的测评名单里 (免于管理的党员不参加测评)"),
            format!("{member} is not appraised in this branch (exempt members are not)"),
        ),
        E::StillOpen { period } => say!(
            lang,
            format!("{period} 的民主测评还没有结束; 请先运行 `jifen appraisal close --period {period}`"),
            format!("the appraisal of {period} is still open; run `jifen appraisal close --period {period}` first"),
        ),
    }
}
