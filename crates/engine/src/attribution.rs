//! Attribution: who holds which statement.
//!
//! Arabic news attributes in a few recurring shapes, each handled here:
//! verb–subject order ("قال وزير الخارجية إن …"), subject–verb order
//! ("واشنطن أكدت أن …"), position verbs whose own meaning is the position
//! ("الأكراد يرفضون جلاء القوات"), source phrases ("بحسب مسؤول …"),
//! author attributions through a relative pronoun ("إيران التي تقتضي
//! استراتيجيتها …"), carry-over of the previous speaker ("وأضاف …"), and
//! quotations that run on over several sentences.
//!
//! A statement's content runs from its verb to where the next attribution in
//! the same sentence begins, which is what gives nested attribution: in
//! "قال X إن الأكراد يرفضون …" the rejection belongs to the Kurds, and X
//! holds only what lies between his verb and theirs.

use crate::actors::{DocActors, Mention};
use crate::document::Prepared;
use crate::lexicon::{Lexicon, VerbClass};

/// A statement attributed to one or more actors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    /// Document-level actor indices of the holders (coordinated subjects share one statement).
    pub holders: Vec<usize>,
    /// The sentence it is in.
    pub sentence: usize,
    /// First word of the content.
    pub first: usize,
    /// One past the last word of the content.
    pub end: usize,
    /// The attribution rule that fired.
    pub rule: &'static str,
}

/// Words between a verb and a following noun that make the noun part of the
/// reported clause rather than the verb's subject.
const CLAUSE_OPENERS: &[&str] = &[
    "ان", "بان", "انه", "انها", "انهم", "لان", "اذ", "كما", "الي", "علي", "في", "من", "عن", "مع",
    "ضد", "حول", "لدي", "عند", "تجاه", "بشان", "ازاء", "نحو", "امام", "بين", "خلال", "بعد", "قبل",
];

/// How many words may separate a verb from its subject.
const SUBJECT_AFTER: usize = 4;
const SUBJECT_BEFORE: usize = 3;
/// How many sentences a carried-over speaker stays current.
const CARRY_OVER_SENTENCES: usize = 3;

struct Anchor {
    class: VerbClass,
    verb_first: usize,
    verb_end: usize,
    /// The subject mention, if one was found.
    subject: Option<Mention>,
}

fn is_opener(doc: &Prepared, word: usize) -> bool {
    let w = doc.word(word);
    let bare = w
        .strip_prefix('و')
        .filter(|r| r.chars().count() >= 2)
        .unwrap_or(w);
    CLAUSE_OPENERS.contains(&w) || CLAUSE_OPENERS.contains(&bare)
}

/// The subject after a verb (verb–subject order), if one stands close enough.
fn subject_after(
    doc: &Prepared,
    actors: &DocActors,
    verb_end: usize,
    limit: usize,
    other_verb: impl Fn(usize) -> bool,
) -> Option<Mention> {
    for w in verb_end..limit.min(verb_end + SUBJECT_AFTER) {
        if let Some(m) = actors.mention_starting_at(w) {
            return (!m.prepositional).then_some(*m);
        }
        if is_opener(doc, w) || other_verb(w) {
            return None;
        }
    }
    None
}

/// The subject before a verb (subject–verb order), if one stands close enough.
fn subject_before(
    doc: &Prepared,
    actors: &DocActors,
    verb_first: usize,
    floor: usize,
) -> Option<Mention> {
    let mut w = verb_first;
    while w > floor && verb_first - w <= SUBJECT_BEFORE {
        if let Some(m) = actors.mention_ending_at(w) {
            return (!m.prepositional).then_some(*m);
        }
        if is_opener(doc, w - 1) {
            return None;
        }
        w -= 1;
    }
    None
}

/// Every actor of a subject, including the ones coordinated with it by و
/// ("الأكراد والسنة").
fn coordinated(doc: &Prepared, actors: &DocActors, subject: Mention) -> (Vec<usize>, usize) {
    let mut holders = vec![subject.actor];
    let mut end = subject.end;
    while let Some(next) = actors.mention_starting_at(end) {
        if !doc.word(next.first).starts_with('و') || next.prepositional {
            break;
        }
        holders.push(next.actor);
        end = next.end;
    }
    let mut first = subject.first;
    while doc.word(first).starts_with('و') {
        match actors.mention_ending_at(first) {
            Some(prev) if !prev.prepositional => {
                holders.push(prev.actor);
                first = prev.first;
            }
            _ => break,
        }
    }
    holders.sort_unstable();
    holders.dedup();
    (holders, first)
}

/// Where an anchor's claim begins: its (coordinated) subject when that comes
/// before the verb, else the verb itself.
fn claim_start(doc: &Prepared, actors: &DocActors, anchor: &Anchor) -> usize {
    match anchor.subject {
        Some(subject) if subject.end <= anchor.verb_first => coordinated(doc, actors, subject).1,
        _ => anchor.verb_first,
    }
}

/// Counts quotation marks to know whether a sentence ends inside a quotation.
fn quote_marks(doc: &Prepared, sentence: usize) -> usize {
    let s = doc.sentences[sentence];
    doc.norm.text[s.start..s.end].matches('"').count()
}

/// Attributes the statements of a document.
pub fn attribute(doc: &Prepared, lexicon: &Lexicon, actors: &DocActors) -> Vec<Statement> {
    let mut out = Vec::new();
    let mut last: Option<(Vec<usize>, usize)> = None;
    let mut inside_quote = false;
    let mut verb_index = 0;
    for (si, sentence) in doc.sentences.iter().enumerate() {
        let (floor, ceiling) = (sentence.first_word, sentence.end_word);
        while verb_index < doc.verbs.len() && doc.verbs[verb_index].first < floor {
            verb_index += 1;
        }
        let mut anchors: Vec<Anchor> = Vec::new();
        let mut i = verb_index;
        while i < doc.verbs.len() && doc.verbs[i].end <= ceiling {
            let m = doc.verbs[i];
            anchors.push(Anchor {
                class: lexicon.verb_class[m.phrase],
                verb_first: m.first,
                verb_end: m.end,
                subject: None,
            });
            i += 1;
        }
        let verb_starts: Vec<usize> = anchors.iter().map(|a| a.verb_first).collect();
        let is_verb = |w: usize| verb_starts.contains(&w);
        let mut previous_end = floor;
        for anchor in anchors.iter_mut() {
            anchor.subject = match anchor.class {
                VerbClass::Source => {
                    subject_after(doc, actors, anchor.verb_end, ceiling, |_| false)
                }
                VerbClass::Relative => actors
                    .mention_ending_at(anchor.verb_first)
                    .filter(|m| !m.prepositional)
                    .copied(),
                _ => subject_after(doc, actors, anchor.verb_end, ceiling, is_verb)
                    .or_else(|| subject_before(doc, actors, anchor.verb_first, previous_end)),
            };
            previous_end = anchor.verb_end.max(anchor.subject.map_or(0, |m| m.end));
        }
        // Resolve holders first: an anchor with no holder (a first-person verb
        // inside a quotation, say) stays part of the statement before it.
        let mut resolved: Vec<(&Anchor, Vec<usize>, &'static str)> = Vec::new();
        for anchor in &anchors {
            match anchor.subject {
                Some(subject) => {
                    let (holders, _) = coordinated(doc, actors, subject);
                    resolved.push((anchor, holders, rule_name(anchor.class)));
                }
                None => {
                    let opens_sentence = anchor.verb_first == floor;
                    let carried = anchor.class == VerbClass::Continue
                        || (opens_sentence && anchor.class == VerbClass::Speech);
                    if let Some((holders, at)) = &last {
                        if carried && si - at <= CARRY_OVER_SENTENCES {
                            resolved.push((anchor, holders.clone(), "carry-over"));
                        }
                    }
                }
            }
        }
        let sentence_statements_before = out.len();
        for k in 0..resolved.len() {
            let (anchor, holders, rule) = &resolved[k];
            let boundary = resolved.get(k + 1).map_or(ceiling, |next| {
                claim_start(doc, actors, next.0).max(anchor.verb_end)
            });
            let (first, end) = match anchor.class {
                VerbClass::Source => match anchor.subject {
                    Some(subject) if anchor.verb_first == floor => (subject.end, ceiling),
                    _ => (floor, anchor.verb_first),
                },
                VerbClass::Position => (anchor.verb_first, boundary),
                VerbClass::Relative => (anchor.verb_end, boundary),
                _ => (
                    anchor
                        .subject
                        .map_or(anchor.verb_end, |s| s.end.max(anchor.verb_end)),
                    boundary,
                ),
            };
            if first < end || anchor.class != VerbClass::Source {
                last = Some((holders.clone(), si));
                out.push(Statement {
                    holders: holders.clone(),
                    sentence: si,
                    first,
                    end: end.max(first),
                    rule,
                });
            }
        }
        // A sentence inside a running quotation belongs to the last speaker.
        if out.len() == sentence_statements_before && inside_quote {
            if let Some((holders, at)) = &last {
                if si - at <= CARRY_OVER_SENTENCES {
                    out.push(Statement {
                        holders: holders.clone(),
                        sentence: si,
                        first: floor,
                        end: ceiling,
                        rule: "quotation",
                    });
                    last = Some((holders.clone(), si));
                }
            }
        }
        if quote_marks(doc, si) % 2 == 1 {
            inside_quote = !inside_quote;
        }
    }
    out
}

fn rule_name(class: VerbClass) -> &'static str {
    match class {
        VerbClass::Speech => "speech-verb",
        VerbClass::Continue => "speech-verb",
        VerbClass::Position => "position-verb",
        VerbClass::Source => "source-phrase",
        VerbClass::Relative => "author-attribution",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actors::find_actors;

    /// (holder keys, content) of each statement.
    fn statements(text: &str) -> Vec<(Vec<String>, String, &'static str)> {
        let lexicon = Lexicon::get();
        let doc = Prepared::new(text, lexicon);
        let actors = find_actors(&doc, lexicon);
        attribute(&doc, lexicon, &actors)
            .into_iter()
            .map(|s| {
                let keys = s
                    .holders
                    .iter()
                    .map(|&h| actors.actors[h].key.clone())
                    .collect();
                let (a, b) = doc.original_range_of_words(s.first, s.end);
                (keys, doc.original_slice(a, b).to_string(), s.rule)
            })
            .collect()
    }

    #[test]
    fn verb_subject_order() {
        let s = statements("قال البنتاغون إن الخطة جاهزة");
        assert_eq!(s[0].0, vec!["us-pentagon"]);
        assert_eq!(s[0].1, "إن الخطة جاهزة");
    }

    #[test]
    fn subject_verb_order() {
        let s = statements("واشنطن أكدت أن الخطة جاهزة");
        assert_eq!(s[0].0, vec!["us-government"]);
    }

    #[test]
    fn a_noun_after_the_complementizer_is_not_the_subject() {
        assert!(statements("أكد أن طهران مستعدة").is_empty());
    }

    #[test]
    fn nested_position_goes_to_the_inner_holder() {
        let s = statements("قال بايدن إن الأكراد والسنة يرفضون جلاء القوات");
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].0, vec!["joe-biden"]);
        assert_eq!(s[0].1, "إن");
        assert_eq!(s[1].0, vec!["kurds", "sunnis"]);
        assert_eq!(s[1].1, "يرفضون جلاء القوات");
    }

    #[test]
    fn source_phrase_names_the_holder() {
        let s = statements("الخطة جاهزة، بحسب البنتاغون.");
        assert_eq!(s[0].0, vec!["us-pentagon"]);
        assert_eq!(s[0].1, "الخطة جاهزة");
    }

    #[test]
    fn carry_over_of_the_last_speaker() {
        let s = statements("قال بايدن إن الخطة جاهزة. وأضاف أن التنفيذ قريب.");
        assert_eq!(s[1].0, vec!["joe-biden"]);
        assert_eq!(s[1].2, "carry-over");
    }

    #[test]
    fn relative_clause_attribution() {
        let s = statements("إيران التي تريد خروج القوات");
        assert!(s
            .iter()
            .any(|(h, _, rule)| h == &vec!["iran".to_string()] && *rule == "author-attribution"));
    }

    #[test]
    fn quotation_running_over_sentences() {
        let s = statements("قال بايدن: \"الخطة جاهزة. التنفيذ قريب.\"");
        assert_eq!(s.len(), 2);
        assert_eq!(s[1].2, "quotation");
    }

    #[test]
    fn object_with_glued_preposition_is_not_a_subject() {
        assert!(statements("قال لواشنطن إن الخطة جاهزة").is_empty());
    }
}
