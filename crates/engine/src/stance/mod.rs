//! Stance: what a statement says about the withdrawal.
//!
//! A statement takes a position only when it is about the topic: a
//! withdrawal term, or the foreign forces and their presence. Cues then give
//! the polarity relative to what they apply to (wanting the withdrawal is
//! `for`, wanting the presence is `against`), a negator shortly before a cue
//! or before the topic term flips it, condition and partial-withdrawal markers
//! turn a position into `conditional`, and a prediction without any cue is no
//! position at all.

use crate::contract::Stance;
use crate::document::{within, Prepared};
use crate::lexicon::{CueRole, Lexicon, TargetKind};
use crate::matcher::PhraseMatch;

mod conditions;
use conditions::{condition_refused, cue_follows, makes_conditional, without_cue};

/// The verdict on one statement. The family borrows from the lexicon (or
/// is a literal), so that judging a statement copies no string.
#[derive(Debug, Clone, PartialEq)]
pub struct Judgement<'l> {
    /// The position.
    pub stance: Stance,
    /// Words of the deciding cue (or topic term), if any.
    pub cue: Option<(usize, usize)>,
    /// The rule family that decided.
    pub family: &'l str,
    /// How strongly the evidence supports the label, 0 to 1.
    pub strength: f32,
}

impl Judgement<'_> {
    /// No position.
    pub fn none() -> Judgement<'static> {
        Judgement { stance: Stance::None, cue: None, family: "no-position", strength: 0.5 }
    }
}

/// How far a cue may stand from the topic term it applies to.
const CUE_REACH_AFTER: usize = 8;
const CUE_REACH_BEFORE: usize = 7;
/// How far before a withdrawal term a verb of prediction governs it ("سيزيد الانسحاب").
const PREDICTION_REACH: usize = 3;
/// How far a threat reaches over its terms to the forces or the withdrawal it is about.
const THREAT_REACH: usize = 14;
/// How far a cue of undoing reaches: "تراجع عن قرار سحب القوات".
const REVERSE_REACH: usize = 3;
/// How far before a cue a negator still negates it.
const NEGATION_SCOPE: usize = 3;
/// Words before the topic a judgement looks back to that still belong to
/// its subject ("تحديد موعد للانسحاب … خطأ").
const JUDGED_SUBJECT_LEAD: usize = 3;
/// Longest topic term, in words (for range look-ups that must catch a term starting before the range).
const MAX_TERM: usize = 4;
/// How far a foreign marker may stand after a presence term ("القوات العسكرية الأمريكية").
const FOREIGN_REACH: usize = 3;

/// A topic term that counts for this statement.
#[derive(Debug, Clone, Copy)]
struct Topic {
    kind: TargetKind,
    first: usize,
    end: usize,
}

/// Whether the document talks about foreign forces at all; withdrawal words in
/// such a document refer to them even when a sentence does not repeat it.
pub fn document_on_topic(doc: &Prepared, lexicon: &Lexicon) -> bool {
    doc.targets.iter().any(|t| lexicon.target_kind[t.phrase] == TargetKind::Foreign)
        && doc.targets.iter().any(|t| lexicon.target_kind[t.phrase] == TargetKind::Withdrawal)
}

fn topics_in(doc: &Prepared, lexicon: &Lexicon, first: usize, end: usize, on_topic: bool) -> Vec<Topic> {
    let marked = |kind: TargetKind, from: usize, to: usize| {
        within(&doc.targets, from, to + MAX_TERM).any(|t| lexicon.target_kind[t.phrase] == kind && t.first < to)
    };
    let foreign_at = |from: usize, to: usize| marked(TargetKind::Foreign, from, to);
    let sentence = doc.sentence_at(first);
    let foreign_sentence = doc.sentence_is_foreign.get(sentence).copied().unwrap_or(false);
    let mut out = Vec::new();
    for t in within(&doc.targets, first, end) {
        let kind = lexicon.target_kind[t.phrase];
        let counts = match kind {
            // The article's topic carries over to "الانسحاب" but not to a bare
            // "مغادرة" or "سحب", which may be anyone leaving or anything withdrawn.
            // A bare one counts when forces follow it ("لسحب قواتنا").
            TargetKind::Withdrawal => {
                let forces_follow = marked(TargetKind::Forces, t.end, t.end + 2);
                (on_topic && (definite_or_core(doc, t.first) || forces_follow || names_the_forces(doc, t))) || foreign_sentence
            }
            // Presence in the abstract ("الوجود") must be marked as foreign. In
            // an article about the foreign forces, their military presence
            // ("وجودها العسكري") and a presence that refers back to forces named
            // in the sentence ("لبقائهم") are theirs.
            TargetKind::Presence => {
                foreign_at(t.first, t.end + FOREIGN_REACH)
                    || (on_topic && military_after(doc, t.end))
                    || (on_topic && foreign_sentence && has_pronoun_suffix(doc.word(t.first)))
            }
            // "القوات" alone means the foreign forces in an article or a sentence
            // about them, unless it is marked as Iraq's own.
            TargetKind::Forces => {
                foreign_at(t.first, t.end + FOREIGN_REACH)
                    || ((on_topic || foreign_sentence) && !marked(TargetKind::Domestic, t.end, t.end + FOREIGN_REACH))
            }
            // "الاحتلال يجب أن ينتهي": in an article about the foreign forces,
            // the occupation is their presence, named by what the speaker calls it.
            TargetKind::Foreign => on_topic && is_occupation_word(doc, t.first),
            TargetKind::Domestic => false,
        };
        let kind = if kind == TargetKind::Foreign { TargetKind::Presence } else { kind };
        // "إخراج قوات التحالف": the forces are the object of the withdrawal, not a topic of their own.
        let governed = matches!(kind, TargetKind::Presence | TargetKind::Forces)
            && within(&doc.targets, t.first.saturating_sub(MAX_TERM + 1), t.first)
                .any(|w| lexicon.target_kind[w.phrase] == TargetKind::Withdrawal && t.first - w.end <= 1);
        if counts && !governed {
            out.push(Topic { kind, first: t.first, end: t.end });
        }
    }
    out
}

/// Whether "العسكري"/"العسكرية" follows word `end - 1`.
fn military_after(doc: &Prepared, end: usize) -> bool {
    end < doc.words.len() && matches!(doc.word(end), "العسكري" | "العسكريه" | "العسكرية")
}

/// Whether a noun carries a possessive pronoun of the third person ("بقائهم", "وجودها").
fn has_pronoun_suffix(word: &str) -> bool {
    word.chars().count() >= 5 && (word.ends_with("هم") || word.ends_with("ها") || word.ends_with("هما"))
}

/// Whether a cue judges what was said before it ("خطأ", "فهي الضامن").
fn judgement_family(lexicon: &Lexicon, cue: &PhraseMatch) -> bool {
    matches!(lexicon.cue_info[cue.phrase].family.as_str(), "mistake" | "guarantee" | "benefit")
}

/// Where the clause that a cue at `from` governs ends: at a comma that
/// opens another reported clause ("الترحيب بالتظاهرة، معتبرة أن …") or
/// another position ("رفضت الاتفاق، وطالبت برحيل القوات": the departure is
/// what the demand governs, not the refusal), by `end`.
/// The cue's own complement ("طالب بأن تنسحب") stays in reach.
fn clause_end_after(doc: &Prepared, lexicon: &Lexicon, from: usize, end: usize) -> usize {
    within(&doc.cues, from + 1, end)
        .filter(|m| matches!(role(lexicon, m), CueRole::Boundary | CueRole::Support | CueRole::Oppose))
        .find_map(|m| (m.first.saturating_sub(2).max(from + 1)..=m.first).find(|&w| doc.comma_before(w)))
        .unwrap_or(end)
}

/// "على جنودنا أن يبدأوا العودة إلى الوطن": forces followed closely by
/// their withdrawal are its subject; the withdrawal is what the cue wants.
/// A comma or a cue between them ("لا نريد مدربين ولا مستشارين، نريد خروج")
/// keeps them apart.
fn prefer_withdrawal_after_forces(doc: &Prepared, lexicon: &Lexicon, topics: &[Topic], t: Topic) -> Topic {
    if t.kind != TargetKind::Forces {
        return t;
    }
    let apart = |from: usize, to: usize| {
        (from + 1..=to).any(|w| doc.gap_holds(w, &['،', ',', '.']).unwrap_or(false))
            || within(&doc.cues, from, to).any(|m| matches!(role(lexicon, m), CueRole::Support | CueRole::Oppose | CueRole::Negator))
    };
    topics
        .iter()
        .find(|w| w.kind == TargetKind::Withdrawal && w.first >= t.end && w.first <= t.end + 3 && !apart(t.end, w.first))
        .copied()
        .unwrap_or(t)
}

/// Whether word `w` names an occupation or an occupier ("الاحتلال", "المحتل").
fn is_occupation_word(doc: &Prepared, w: usize) -> bool {
    doc.keys[w].iter().any(|k| k.starts_with("احتلال") || k.starts_with("محتل"))
}

/// Whether a withdrawal word is definite ("الانسحاب", "والانسحاب", "بالانسحاب")
/// or the noun انسحاب itself in any form.
/// Stems of the nouns that name the forces, their presence or their mission.
const FORCES_STEMS: [&str; 14] =
    ["قوات", "القوات", "وجود", "الوجود", "تواجد", "التواجد", "مهم", "المهم", "دور", "الدور", "جنود", "الجنود", "قطعات", "القطعات"];

/// "ستخفض قواتها", "إنهاء المهمة": a withdrawal phrase whose own last word
/// names the forces, their presence or their mission says what is withdrawn,
/// as forces after a bare "سحب" do.
fn names_the_forces(doc: &Prepared, t: &PhraseMatch) -> bool {
    t.end - t.first >= 2 && doc.keys[t.end - 1].iter().any(|k| FORCES_STEMS.iter().any(|s| k.starts_with(s)))
}

fn definite_or_core(doc: &Prepared, w: usize) -> bool {
    let word = doc.word(w);
    let definite = ["ال", "وال", "فال", "بال", "لل", "وبال", "وللا"].iter().any(|p| word.starts_with(p));
    definite || doc.keys[w].iter().any(|k| k.starts_with("انسحاب"))
}

fn role(lexicon: &Lexicon, m: &PhraseMatch) -> CueRole {
    lexicon.cue_info[m.phrase].role
}

/// Whether a negator stands within reach before `at` with no other cue between.
fn negated_before(doc: &Prepared, lexicon: &Lexicon, cues: &[&PhraseMatch], at: usize, floor: usize) -> bool {
    let mut negations = 0;
    for m in cues.iter().rev().filter(|m| m.end <= at && m.first >= floor) {
        if at - m.end > NEGATION_SCOPE {
            break;
        }
        // "لا يمكن كسبها عسكريا، وعلى جنودنا أن …": a negation ends with its clause.
        if (m.end..=at).any(|w| crate::actors::break_before(doc, w) && doc.word(w).starts_with('و')) {
            break;
        }
        match role(lexicon, m) {
            // "الحروب التي لا تنتهي وإعادة جنودنا": a negator opening a relative
            // clause negates its own verb, not what follows the clause.
            CueRole::Negator if m.first > 0 && is_relative_pronoun(doc.word(m.first - 1)) && at > m.end => {}
            CueRole::Negator => negations += 1,
            CueRole::Fixed | CueRole::Forecast => {}
            // "لا أعتقد أن …": a negation does not reach into a reported clause.
            CueRole::Boundary => break,
            _ => break,
        }
    }
    negations % 2 == 1
}

/// Whether a word is a relative pronoun ("التي", "الذي", "الذين").
fn is_relative_pronoun(word: &str) -> bool {
    matches!(word.strip_prefix('و').unwrap_or(word), "التي" | "الذي" | "الذين" | "اللتي" | "اللذين" | "اللواتي" | "اللاتي")
}

/// How far a denial or rejection reaches over a later cue of wanting.
const DENIAL_SCOPE: usize = 4;

/// Whether a denial or rejection cue stands shortly before `at`, in the
/// same clause: "يرفض ما يسميه الحلول المؤقتة، ويتمسك بالانسحاب" refuses
/// the remedies and holds to the withdrawal; a comma before a coordinated
/// word ("، و…") starts another clause, a comma around an adverb does not.
fn denied_by_earlier(doc: &Prepared, lexicon: &Lexicon, cues: &[&PhraseMatch], at: usize, holder: Option<(usize, usize)>) -> bool {
    let new_clause = |from: usize| (from.max(1)..=at).any(|w| doc.word(w).starts_with('و') && doc.comma_before(w));
    cues.iter()
        .rev()
        .filter(|m| m.end <= at && distance(m.end, at, holder) <= DENIAL_SCOPE && !new_clause(m.end))
        .any(|m| role(lexicon, m) == CueRole::Oppose && matches!(lexicon.cue_info[m.phrase].family.as_str(), "deny" | "reject"))
}

fn polarity(role: CueRole, kind: TargetKind) -> Stance {
    match (role, kind) {
        (CueRole::Support, TargetKind::Withdrawal) | (CueRole::Oppose, TargetKind::Presence | TargetKind::Forces) => Stance::For,
        _ => Stance::Against,
    }
}

fn flip(stance: Stance) -> Stance {
    match stance {
        Stance::For => Stance::Against,
        Stance::Against => Stance::For,
        other => other,
    }
}

/// Judges the content `first..end` (word indices) of a statement.
pub fn judge<'l>(doc: &Prepared, lexicon: &'l Lexicon, first: usize, end: usize, on_topic: bool) -> Judgement<'l> {
    judge_around(doc, lexicon, first, end, on_topic, None)
}

/// Words from `a` to `b` (`a <= b`), not counting those of the holder's own
/// name: in "رفض المتحدث باسم البيت الأبيض سكوت ماكليلان تحديد أي موعد
/// للانسحاب" the rejection is as close to the withdrawal as in "رفض تحديد موعد".
fn distance(a: usize, b: usize, skip: Option<(usize, usize)>) -> usize {
    let raw = b.saturating_sub(a);
    let overlap = skip.map_or(0, |(s, e)| e.min(b).saturating_sub(s.max(a)));
    raw - overlap
}

/// Judges the content `first..end` of a statement whose holder is named at
/// `holder` inside it (a position verb before its subject), measuring the
/// reach of cues without the holder's words.
pub fn judge_around<'l>(
    doc: &Prepared,
    lexicon: &'l Lexicon,
    first: usize,
    end: usize,
    on_topic: bool,
    holder: Option<(usize, usize)>,
) -> Judgement<'l> {
    if first >= end {
        return Judgement::none();
    }
    let cues: Vec<&PhraseMatch> = within(&doc.cues, first, end).collect();
    let mut topics = topics_in(doc, lexicon, first, end, on_topic);
    // A topic word inside the holder's own name ("تحالف النهضة") is not what they speak of.
    topics.retain(|t| holder.is_none_or(|(s, e)| t.end <= s || t.first >= e));
    let mut anaphora = false;
    if topics.is_empty() {
        // "إن ما تردد خاطئ تماما": a judgement with no topic of its own refers
        // back to the withdrawal of the sentence before.
        let polar = cues.iter().any(|c| {
            role(lexicon, c) == CueRole::Oppose && matches!(lexicon.cue_info[c.phrase].family.as_str(), "mistake" | "deny" | "reject")
        });
        // "وصفت الاتفاق بأنه خداع": a verdict of sham on the event reported.
        let verdict = cues.iter().any(|c| matches!(lexicon.cue_info[c.phrase].family.as_str(), "sham" | "illegitimate"));
        let sentence = doc.sentence_at(first);
        let previous = sentence.checked_sub(1).map(|p| doc.sentences[p]);
        let refers_back = previous
            .is_some_and(|p| topics_in(doc, lexicon, p.first_word, p.end_word, on_topic).iter().any(|t| t.kind == TargetKind::Withdrawal));
        // "رحب بالخطوة", "انتقد القرار": welcoming or criticising the event an
        // article about the withdrawal reports is a position on it.
        // A reaction with a complement clause of its own ("من الأفضل أن
        // نحتفظ بها") is about that clause, not the event.
        let reaction = cues.iter().any(|c| {
            matches!(role(lexicon, c), CueRole::Support | CueRole::Oppose)
                && matches!(lexicon.cue_info[c.phrase].family.as_str(), "welcome" | "criticize" | "endorse" | "reject" | "vote")
                && !(c.end < end && matches!(doc.word(c.end), "ان" | "بان"))
        });
        let anaphor = on_topic && cues.iter().any(|c| role(lexicon, c) == CueRole::Anaphor);
        if !((polar && refers_back) || ((reaction || verdict) && (anaphor || refers_back))) {
            return Judgement::none();
        }
        // The event referred back to stands where the reaction to it is said.
        let at = cues.iter().find(|c| matches!(role(lexicon, c), CueRole::Support | CueRole::Oppose)).map_or(first, |c| c.first);
        topics.push(Topic { kind: TargetKind::Withdrawal, first: at, end: at });
        anaphora = true;
    }
    let mut polar: Vec<(Stance, &PhraseMatch, f32)> = Vec::new();
    let mut bound: Vec<Topic> = Vec::new();
    for cue in cues.iter().filter(|c| matches!(role(lexicon, c), CueRole::Support | CueRole::Oppose)) {
        // Undoing ("إلغاء", "تراجع عن") applies only to what it governs right after it.
        // A threat names its object after its terms ("هدد بفرض عقوبات على
        // العراق إذا أجبرت القوات على المغادرة"): it reaches further.
        let reach = match lexicon.cue_info[cue.phrase].family.as_str() {
            "reverse" => REVERSE_REACH,
            "threaten" => THREAT_REACH,
            _ => CUE_REACH_AFTER,
        };
        let sham = matches!(lexicon.cue_info[cue.phrase].family.as_str(), "sham" | "illegitimate");
        // An occupation word is both the cue and what it names.
        let itself = topics.iter().find(|t| sham && t.first < cue.end && cue.first < t.end);
        // A cue reaches forward within its clause: "الترحيب بالتظاهرة، معتبرة
        // أن الوجود …" welcomes the rally, not the presence.
        let clause_end = clause_end_after(doc, lexicon, cue.end, end);
        let after = topics
            .iter()
            .find(|t| t.first >= cue.end && t.first < clause_end && distance(cue.end, t.first, holder) <= reach)
            .map(|t| prefer_withdrawal_after_forces(doc, lexicon, &topics, *t))
            .or(itself.copied());
        // A verb with an object of its own ("وترفض المزايدات") does not reach back.
        let object_at = holder.filter(|&(s, _)| s == cue.end).map_or(cue.end, |(_, e)| e);
        let own_object = !anaphora && object_at < end && !doc.in_topic_term[object_at] && doc.word(object_at).starts_with("ال");
        let before = topics
            .iter()
            .rev()
            .find(|t| t.end <= cue.first && cue.first - t.end <= CUE_REACH_BEFORE)
            .filter(|_| !own_object || judgement_family(lexicon, cue))
            .copied();
        // A judgement ("خطأ", "هزيمة", "فكرة سيئة") is said of what comes before it.
        // So is a necessity or a guarantee ("فهي الضامن", "وجودها ضمانة").
        let judgement = judgement_family(lexicon, cue);
        let Some(topic) = (if judgement { before.or(after) } else { after.or(before) }) else {
            continue;
        };
        // Calling a withdrawal a sham ("خداع", "مناورة", "تغيير العناوين") is
        // wanting a real one, whatever it is said of.
        // So is calling the presence an occupation, even when it is named as
        // the object of a withdrawal ("إخراج قوات الاحتلال").
        // A guarantee is said of the forces ("فهي الضامن"), whatever topic
        // word stands nearest: wanting them is against their leaving.
        let guarantee = lexicon.cue_info[cue.phrase].family == "guarantee";
        let mut stance = if sham {
            Stance::For
        } else if guarantee {
            Stance::Against
        } else {
            polarity(role(lexicon, cue), topic.kind)
        };
        let mut strength = if topic.first.abs_diff(cue.end) <= 2 || cue.first.abs_diff(topic.end) <= 2 { 0.9 } else { 0.7 };
        // "نفى وجود خطط لسحب القوات": a denial or rejection scopes over the
        // wish after it, as a negator would.
        let denied = role(lexicon, cue) == CueRole::Support && denied_by_earlier(doc, lexicon, &cues, cue.first, holder);
        // A verdict of sham is not negated ("ليسوا سوى جنود بزي آخر").
        if !matches!(lexicon.cue_info[cue.phrase].family.as_str(), "sham")
            && negated_before(doc, lexicon, &cues, cue.first, first) != denied
        {
            stance = flip(stance);
            strength -= 0.1;
        }
        // "لا يغير من حقيقة الاحتلال شيئا": a negation between a verdict of
        // sham and what it names is part of the verdict.
        if !sham && topic.first > cue.first && negated_before(doc, lexicon, &cues, topic.first, cue.end) {
            stance = flip(stance);
        }
        polar.push((stance, cue, strength));
        bound.push(topic);
    }
    // "تحديد موعد للانسحاب هو تحديد موعد للفشل": a cue inside the subject
    // that a judgement is said of is what is judged, not a position.
    let judged: Vec<(usize, usize)> = polar
        .iter()
        .zip(&bound)
        .filter(|(p, t)| judgement_family(lexicon, p.1) && t.kind == TargetKind::Withdrawal && t.end <= p.1.first)
        .map(|(p, t)| (t.first.saturating_sub(JUDGED_SUBJECT_LEAD), p.1.first))
        .collect();
    polar.retain(|p| {
        judgement_family(lexicon, p.1)
            || role(lexicon, p.1) != CueRole::Support
            || !judged.iter().any(|&(from, to)| {
                p.1.first >= from && p.1.end <= to && (p.1.end..=to).all(|w| !doc.gap_holds(w, &['،', ',', ':', '"']).unwrap_or(false))
            })
    });
    // A condition qualifies a position only when it keeps something: trainers
    // refused ("لا نريد مدربين"), advisers whose exit is demanded ("بخروج
    // المستشارين"), or a threat against forces that stay ("إذا بقيت القوات")
    // make no condition.
    let conditions: Vec<&&PhraseMatch> =
        cues.iter().filter(|c| role(lexicon, c) == CueRole::Condition && !condition_refused(doc, lexicon, c, first)).collect();
    let condition = conditions.first().copied();
    // A threat against the forces if they stay ("ستعود المقاومة إذا بقيت
    // القوات") is a demand that they leave.
    // So is one against their delaying it ("إذا ماطلت واشنطن في سحب قواتها").
    let threat = cues.iter().find(|c| {
        matches!(lexicon.cue_info[c.phrase].family.as_str(), "if" | "unless") && cue_follows(doc, lexicon, c, &["continue", "criticize"])
    });
    if let Some(c) = threat {
        return Judgement { stance: Stance::For, cue: Some((c.first, c.end)), family: "threat", strength: 0.7 };
    }
    let forecast = cues.iter().any(|c| role(lexicon, c) == CueRole::Forecast);
    if polar.is_empty() {
        return without_cue(doc, lexicon, &cues, &topics, condition.copied(), forecast, first);
    }
    // Calling the presence an occupation or the withdrawal a sham outweighs
    // other cues in the same statement: it says what the speaker thinks of it.
    let weight = |p: &(Stance, &PhraseMatch, f32)| {
        if matches!(lexicon.cue_info[p.1.phrase].family.as_str(), "sham" | "illegitimate") {
            2
        } else {
            1
        }
    };
    let fors: usize = polar.iter().filter(|p| p.0 == Stance::For).map(weight).sum();
    let againsts: usize = polar.iter().filter(|p| p.0 != Stance::For).map(weight).sum();
    let winner = match fors.cmp(&againsts) {
        std::cmp::Ordering::Greater => Stance::For,
        std::cmp::Ordering::Less => Stance::Against,
        std::cmp::Ordering::Equal => polar[0].0,
    };
    let (_, cue, strength) = polar.iter().find(|p| p.0 == winner).copied().unwrap_or(polar[0]);
    let agreement = fors.max(againsts) as f32 / (fors + againsts).max(1) as f32;
    let family = lexicon.cue_info[cue.phrase].family.as_str();
    // Calling the presence an occupation or its relabelling a sham is not
    // softened by the advisers or conditions it names; nor is a threat.
    let verdict = matches!(family, "sham" | "illegitimate" | "threaten");
    // "دور قواته القتالي انتهى، لكنها ستبقى لتقديم المشورة": any of the
    // statement's conditions may qualify it, not only the first.
    let qualifying = conditions.iter().find(|c| makes_conditional(&lexicon.cue_info[c.phrase].family, winner, family));
    if let Some(c) = qualifying.filter(|_| !verdict) {
        return Judgement {
            stance: Stance::Conditional,
            cue: Some((c.first, c.end)),
            family: &lexicon.cue_info[c.phrase].family,
            strength,
        };
    }
    let strength = if anaphora { strength * 0.6 } else { strength };
    Judgement { stance: winner, cue: Some((cue.first, cue.end)), family, strength: strength * agreement }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(text: &str) -> Stance {
        let lexicon = Lexicon::get();
        let doc = Prepared::new(text, lexicon);
        judge(&doc, lexicon, 0, doc.words.len(), false).stance
    }

    #[test]
    fn demand_for_withdrawal_is_for() {
        assert_eq!(label("نطالب بانسحاب القوات الأمريكية"), Stance::For);
    }

    #[test]
    fn rejection_of_withdrawal_is_against() {
        assert_eq!(label("يرفضون جلاء القوات الأمريكية"), Stance::Against);
    }

    #[test]
    fn negated_desire_is_against() {
        assert_eq!(label("لا نريد انسحاب القوات الأجنبية"), Stance::Against);
    }

    #[test]
    fn no_need_for_the_forces_is_for() {
        assert_eq!(label("لم نعد بحاجة إلى القوات الأجنبية"), Stance::For);
    }

    #[test]
    fn still_needing_them_for_training_is_conditional() {
        assert_eq!(label("لا يزال البلد بحاجة إلى القوات الدولية في التدريب"), Stance::Conditional);
    }

    #[test]
    fn withdrawal_unless_is_conditional() {
        assert_eq!(label("تؤيد سحب القوات الأمريكية ما لم يتحسن الوضع"), Stance::Conditional);
    }

    #[test]
    fn a_bare_forecast_is_no_position() {
        assert_eq!(label("لن تنسحب القوات الأمريكية في الأجل القريب"), Stance::None);
    }

    #[test]
    fn denying_a_withdrawal_is_against() {
        assert_eq!(label("التحول لن يشمل سحب القوات الأمريكية"), Stance::Against);
    }

    #[test]
    fn ending_only_the_combat_role_is_conditional() {
        assert_eq!(label("ستنهي الولايات المتحدة مهامها القتالية وتنتقل إلى مرحلة جديدة"), Stance::Conditional);
    }

    #[test]
    fn wanting_the_coalition_to_continue_is_against() {
        assert_eq!(label("تريد أن يواصل التحالف عمله في البلاد"), Stance::Against);
    }

    #[test]
    fn reversing_a_withdrawal_is_against() {
        assert_eq!(label("تراجع عن قرار سحب القوات الأمريكية"), Stance::Against);
    }

    #[test]
    fn off_topic_gives_no_position() {
        assert_eq!(label("نطالب بتحسين الكهرباء"), Stance::None);
    }

    #[test]
    fn iraqi_forces_alone_are_not_the_topic() {
        assert_eq!(label("نطالب بدعم القوات العراقية"), Stance::None);
    }
}
