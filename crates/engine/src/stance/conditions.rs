//! Conditions and partial withdrawals: when a condition marker qualifies a
//! position ("ما لم", "مع الإبقاء على المستشارين", a reduction of the forces),
//! when it is refused ("دون قيد أو شرط", "بانسحاب كامل"), and what a
//! statement about the topic with no cue of wanting says (a partial
//! withdrawal announced, a denial, a forecast).

use super::{negated_before, role, Judgement, Topic, MAX_TERM, PREDICTION_REACH};
use crate::contract::Stance;
use crate::document::{within, Prepared};
use crate::lexicon::{CueRole, Lexicon, TargetKind};
use crate::matcher::PhraseMatch;

/// Words before a condition marker that refuse or remove what it names.
const REFUSAL_REACH: usize = 3;

/// Whether a cue of one of `families` starts within reach after condition `c`
/// ("إذا بقيت", "إذا ماطلت").
pub(super) fn cue_follows(doc: &Prepared, lexicon: &Lexicon, c: &PhraseMatch, families: &[&str]) -> bool {
    within(&doc.cues, c.end, c.end + REFUSAL_REACH + MAX_TERM)
        .any(|m| m.first <= c.end + REFUSAL_REACH && families.contains(&lexicon.cue_info[m.phrase].family.as_str()))
}

/// How far from a change of mission ("تحولت إلى", "شراكة أمنية") the forces
/// or the mission it changes must be named.
const PARTIAL_REACH: usize = 4;

/// How far after a reduction the full withdrawal it leads to may be named.
const REDUCTION_REACH: usize = 8;

/// Whether a condition marker is refused rather than asked for.
pub(super) fn condition_refused(doc: &Prepared, lexicon: &Lexicon, c: &PhraseMatch, floor: usize) -> bool {
    let family = lexicon.cue_info[c.phrase].family.as_str();
    let from = c.first.saturating_sub(REFUSAL_REACH).max(floor);
    let negated = within(&doc.cues, from, c.first).any(|m| role(lexicon, m) == CueRole::Negator);
    let withdrawn = within(&doc.targets, from, c.first).any(|t| lexicon.target_kind[t.phrase] == TargetKind::Withdrawal);
    let refused =
        within(&doc.cues, from, c.first).any(|m| role(lexicon, m) == CueRole::Oppose && lexicon.cue_info[m.phrase].family != "mistake");
    // "غير مشروط", "دون قيد أو شرط": a condition denied is none.
    if negated && matches!(family, "if" | "provided") {
        return true;
    }
    match family {
        "training" | "keep" | "combat-only" => negated || withdrawn || refused,
        // "خفض تدريجي وصولا إلى إنهاء مهمة التحالف": a reduction that leads to
        // the end of the mission is a gradual withdrawal, not a partial one.
        // "تحويل الملف إلى مادة انتخابية": a change that names neither the
        // forces nor their mission is not a change of their mission.
        "partial" => !within(&doc.targets, c.first.saturating_sub(PARTIAL_REACH), c.end + PARTIAL_REACH).any(|t| {
            let (a, b) = if t.end <= c.first { (t.end, c.first) } else { (c.end, t.first) };
            (a..=b).all(|w| !crate::actors::break_before(doc, w))
        }),
        // "بانسحاب كامل": wholeness qualifies only a denial ("لن تغادر بالكامل").
        "whole" => !negated,
        // "وليس من خلال تقليص عدد الأفراد": a reduction denied is no partial withdrawal.
        "reduce" => {
            negated
                || within(&doc.targets, c.end, c.end + REDUCTION_REACH).any(|t| {
                    lexicon.target_kind[t.phrase] == TargetKind::Withdrawal
                        && !within(&doc.cues, t.first, t.end).any(|m| lexicon.cue_info[m.phrase].family == "reduce")
                })
        }
        // "إذا بقيت القوات", "ولو بصفة مستشار", "ما دام جندي": a threat
        // against the forces staying is a demand that they leave.
        "if" | "unless" => {
            let stay_cue = cue_follows(doc, lexicon, c, &["continue", "criticize"]);
            let presence =
                within(&doc.targets, c.end, c.end + REFUSAL_REACH + 1).any(|t| lexicon.target_kind[t.phrase] == TargetKind::Presence);
            stay_cue || (family == "if" && presence)
        }
        _ => false,
    }
}

/// Whether a word is a verb marked for the future: "سوف", or س before an
/// imperfect ("سيزيد", "ستؤدي").
fn is_future_verb(word: &str) -> bool {
    let bare = word.strip_prefix(['و', 'ف']).unwrap_or(word);
    bare == "سوف" || (bare.starts_with("سي") || bare.starts_with("ست")) && bare.chars().count() >= 5
}

/// Whether a condition marker turns a position into `conditional`.
///
/// An explicit condition ("ما لم", "بشرط") always does. Keeping trainers or
/// advisers does for wanting the withdrawal and for wanting the forces
/// ("still needs them for training"), but not for an outright rejection or
/// denial of withdrawal. Ending only the combat role qualifies a `for`.
pub(super) fn makes_conditional(condition_family: &str, winner: Stance, cue_family: &str) -> bool {
    let rejection = matches!(cue_family, "reject" | "deny" | "denial" | "reverse" | "mistake" | "fear" | "threaten");
    match condition_family {
        "unless" => true,
        // "ستبقى ما دامت مهمتها لم تنجز": a rejection with a condition is still a rejection.
        "if" | "provided" => winner == Stance::For || !rejection,
        // "ستقلص وجودها … دون أن يحدد عدد الجنود الذين سيبقون": a reduction
        // with forces that stay is a partial withdrawal.
        "keep" | "training" | "reduce" => winner == Stance::For || !rejection,
        _ => winner == Stance::For,
    }
}

/// A statement about the topic with no cue of wanting or opposing: a partial
/// withdrawal announced ("ending the combat mission"), a denial that the
/// forces will leave ("لن يشمل سحب القوات"), or nothing.
pub(super) fn without_cue<'l>(
    doc: &Prepared,
    lexicon: &'l Lexicon,
    cues: &[&PhraseMatch],
    topics: &[Topic],
    condition: Option<&PhraseMatch>,
    forecast: bool,
    floor: usize,
) -> Judgement<'l> {
    // A threat to leave "unless" something changes is a conditional position,
    // even when hedged ("قد يتجه للانسحاب ما لم …").
    let unless = condition.filter(|c| lexicon.cue_info[c.phrase].family == "unless");
    let plain_withdrawal = topics.iter().any(|t| t.kind == TargetKind::Withdrawal && !negated_before(doc, lexicon, cues, t.first, floor));
    if let Some(c) = unless.filter(|_| plain_withdrawal) {
        return Judgement { stance: Stance::Conditional, cue: Some((c.first, c.end)), family: "unless", strength: 0.7 };
    }
    if forecast {
        return Judgement::none();
    }
    // A withdrawal stated plainly, with no cue, no negation and no hedge,
    // is the speaker's own position in news ("الانسحاب سيتم في موعده",
    // "ستعود قواتنا إلى الوطن"): announced, implemented or welcomed.
    let plain = condition.is_none() && cues.iter().all(|c| role(lexicon, c) != CueRole::Negator);
    // A withdrawal that a prediction governs ("سيزيد الانسحاب من …", "سوف
    // يصب الانسحاب في …") is analysis of its effects, not a position.
    let predicted = |t: &Topic| (t.first.saturating_sub(PREDICTION_REACH).max(floor)..t.first).any(|w| is_future_verb(doc.word(w)));
    if let Some(t) = topics.iter().find(|t| t.kind == TargetKind::Withdrawal && t.end > t.first && !predicted(t)).filter(|_| plain) {
        return Judgement { stance: Stance::For, cue: Some((t.first, t.end)), family: "plain-withdrawal", strength: 0.4 };
    }
    // "in case the forces do not withdraw" is a hypothesis, not a denial.
    let explicit = condition.is_some_and(|c| matches!(lexicon.cue_info[c.phrase].family.as_str(), "if" | "unless"));
    let denial = topics.iter().find(|t| t.kind == TargetKind::Withdrawal && negated_before(doc, lexicon, cues, t.first, floor));
    if let Some(c) = condition.filter(|_| denial.is_none() && !explicit) {
        // "مهمة قوات التحالف تحولت إلى التدريب": a change of the forces'
        // mission, or their reduction, is a partial withdrawal of its own.
        let change = matches!(lexicon.cue_info[c.phrase].family.as_str(), "partial" | "reduce");
        if topics.iter().any(|t| t.kind == TargetKind::Withdrawal || change) {
            let family = lexicon.cue_info[c.phrase].family.as_str();
            return Judgement { stance: Stance::Conditional, cue: Some((c.first, c.end)), family, strength: 0.6 };
        }
    }
    // "لن تغادر العراق بالكامل": denying only a complete withdrawal
    // announces a partial one.
    if let Some(c) = condition.filter(|c| denial.is_some() && lexicon.cue_info[c.phrase].family == "whole") {
        return Judgement { stance: Stance::Conditional, cue: Some((c.first, c.end)), family: "whole", strength: 0.6 };
    }
    // "عمليات المقاومة لن تتوقف قبل خروج آخر جندي": what will not stop
    // before (or until) the withdrawal is a pressure for it.
    if let Some(t) = denial.filter(|t| (t.first.saturating_sub(UNTIL_REACH)..t.first).any(|w| is_until_word(doc.word(w)))) {
        return Judgement { stance: Stance::For, cue: Some((t.first.saturating_sub(1), t.end)), family: "until", strength: 0.6 };
    }
    // Denying a withdrawal is opposing it (the guidelines' "لن يشمل سحب القوات").
    if let Some(t) = denial.filter(|_| !explicit) {
        let negator = cues.iter().rev().find(|m| m.end <= t.first && role(lexicon, m) == CueRole::Negator);
        return Judgement {
            stance: Stance::Against,
            cue: negator.map(|m| (m.first, t.end)).or(Some((t.first, t.end))),
            family: "denial",
            strength: 0.6,
        };
    }
    Judgement::none()
}

/// How far before a denied withdrawal "قبل" or "حتى" may stand.
const UNTIL_REACH: usize = 2;

/// "قبل", "حتى": a negation before them does not deny what follows them.
fn is_until_word(word: &str) -> bool {
    matches!(word.strip_prefix('و').unwrap_or(word), "قبل" | "حتي")
}
