//! Attribution: who holds which statement.
//!
//! Arabic news attributes in a few recurring shapes, each handled here:
//! verb–subject order ("قال وزير الخارجية إن …"), subject–verb order
//! ("واشنطن أكدت أن …"), a statement noun between the verb and its source
//! ("قال بيان للمتحدث …"), verbal nouns with a genitive holder ("تحذيرات
//! الجمهوريين من أن …"), position verbs and participles whose own meaning is
//! the position ("الأكراد يرفضون جلاء القوات", "الميليشيات المصممة على …"),
//! source phrases ("بحسب مسؤول …"), author attributions through a relative
//! pronoun ("إيران التي تقتضي استراتيجيتها …"), coordinated and included
//! holders ("الأكراد والسنة", "ومنهم وزير الخارجية"), carry-over of the
//! previous speaker ("وأضاف …"), an implicit subject resolved to the last
//! actor named in the sentence, and quotations that run on over sentences.
//!
//! A statement's content runs from its verb to where the next attribution in
//! the same sentence begins, which is what gives nested attribution: in
//! "قال X إن الأكراد يرفضون …" the rejection belongs to the Kurds, and X
//! holds only what lies between his verb and theirs.

use crate::actors::{DocActors, Mention};
use crate::contract::ActorKind;
use crate::document::Prepared;
use crate::lexicon::{Lexicon, VerbClass};

mod grammar;
use grammar::{Anchor, Context};

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
    /// Words of the holder's name when they stand inside the content (a
    /// position verb before its subject), so that stance cues reach over them.
    pub holder_span: Option<(usize, usize)>,
}

/// How many sentences a carried-over speaker stays current.
const CARRY_OVER_SENTENCES: usize = 3;

/// Counts quotation marks to know whether a sentence ends inside a quotation.
fn quote_marks(doc: &Prepared, sentence: usize) -> usize {
    let s = doc.sentences[sentence];
    doc.norm.text[s.start..s.end].matches('"').count()
}

fn rule_name(class: VerbClass, implicit: bool) -> &'static str {
    if implicit {
        return "implicit-subject";
    }
    match class {
        VerbClass::Speech | VerbClass::Continue => "speech-verb",
        VerbClass::Position => "position-verb",
        VerbClass::Source => "source-phrase",
        VerbClass::Relative => "author-attribution",
        VerbClass::Masdar => "verbal-noun",
        VerbClass::Vehicle | VerbClass::Among => "speech-verb",
    }
}

/// Whether a word opens a hypothesis ("إذا", "لو"), with a glued conjunction.
fn is_hypothesis_particle(word: &str) -> bool {
    let bare = word.strip_prefix(['و', 'ف']).unwrap_or(word);
    matches!(bare, "اذا" | "لو" | "لئن")
}

/// Whether `next` is the object of the position verb `anchor`, right after
/// it: "ترفض مطالبة الإطار بخروج القوات" is a demand (a verbal noun that
/// reads like the participle "مطالبة") inside a refusal. It is a statement of
/// its holder that does not cut the refusal short.
fn is_object_noun(anchor: &Anchor, next: &Anchor) -> bool {
    anchor.class == VerbClass::Position && next.class == VerbClass::Position && next.verb_first == anchor.verb_end && !next.implicit
}

/// How far into someone's words a verbal noun with its holder may stand and
/// still be part of them, and how far the words run on after it.
const MASDAR_INSIDE_WORDS: usize = 40;

/// Attributes the statements of a document.
pub fn attribute(doc: &Prepared, lexicon: &Lexicon, actors: &DocActors) -> Vec<Statement> {
    let cx = Context { doc, lexicon, actors };
    let mut out: Vec<Statement> = Vec::new();
    // The last statement with a speaker (its index in `out`) and its sentence.
    let mut last: Option<(usize, usize)> = None;
    let mut inside_quote = false;
    let mut verb_index = 0;
    // Per-sentence lists, kept across sentences so that their buffers are reused.
    let mut anchors: Vec<Anchor> = Vec::new();
    let mut resolved: Vec<(Anchor, Vec<usize>, &'static str)> = Vec::new();
    for (si, sentence) in doc.sentences.iter().enumerate() {
        let (floor, ceiling) = (sentence.first_word, sentence.end_word);
        while verb_index < doc.verbs.len() && doc.verbs[verb_index].first < floor {
            verb_index += 1;
        }
        anchors.clear();
        anchors.extend(
            doc.verbs[verb_index..]
                .iter()
                .take_while(|m| m.end <= ceiling)
                .map(|m| Anchor {
                    class: lexicon.verb_class[m.phrase],
                    verb_first: m.first,
                    verb_end: m.end,
                    subject: None,
                    implicit: false,
                })
                .filter(|a| !matches!(a.class, VerbClass::Vehicle | VerbClass::Among))
                // "إذا طلبت منا الحكومة المغادرة فسنغادر": a position in a
                // hypothesis is the speaker's condition, not its subject's position.
                .filter(|a| a.class != VerbClass::Position || a.verb_first == 0 || !is_hypothesis_particle(doc.word(a.verb_first - 1))),
        );
        let is_verb = |w: usize| cx.verb_class_at(w).is_some_and(|(c, _)| !matches!(c, VerbClass::Vehicle | VerbClass::Among));
        let mut previous_end = floor;
        for anchor in anchors.iter_mut() {
            anchor.subject = match anchor.class {
                VerbClass::Source => cx.subject_after(anchor.verb_end, ceiling, true, &|_| false),
                VerbClass::Masdar => actors
                    .mention_starting_at(anchor.verb_end)
                    .filter(|m| !m.prepositional && (cx.complementizer_follows(m.end, ceiling) || cx.topic_follows(m.end, ceiling)))
                    .copied(),
                VerbClass::Relative => actors
                    .mention_ending_at(anchor.verb_first)
                    .filter(|m| !m.prepositional && cx.relative_takes_position(anchor.verb_end, ceiling))
                    .copied(),
                _ => cx
                    .subject_after(anchor.verb_end, ceiling, false, &is_verb)
                    .or_else(|| cx.subject_before(anchor.verb_first, previous_end)),
            };
            previous_end = anchor.verb_end.max(anchor.subject.map_or(0, |m| m.end));
        }
        // "قال X في بيان …", "طالب X في بيان الحكومة بـ…": a source phrase
        // right after a speaker names the medium of that speaker's words, not
        // a new source.
        // `retain` visits every anchor in order, so `previous` is the one
        // before, whether or not that one stays.
        let mut previous: Option<Anchor> = None;
        anchors.retain(|anchor| {
            let after_speaker = previous.and_then(|p| p.subject.map(|m| m.end.max(p.verb_end)));
            previous = Some(*anchor);
            !(anchor.class == VerbClass::Source && after_speaker.is_some_and(|end| anchor.verb_first == end))
        });
        // Resolve holders first: an anchor with no holder (a first-person verb
        // inside a quotation, say) stays part of the statement before it.
        resolved.clear();
        for anchor in anchors.iter_mut() {
            // "…، داعيا الحكومة إلى …", "، مطالبة الحكومة بـ…": a participle of
            // manner after a comma shares the subject of the clause before it,
            // and the noun after it is its object.
            if cx.is_manner_participle(anchor.verb_first) {
                // The clause's subject, not the holder of a verbal noun in its object.
                // Nor the subject of a position reported inside that clause
                // ("… إن ترامب لم يطلب إذن العراق، داعيا واشنطن …").
                let clause_subject = resolved
                    .iter()
                    .rev()
                    .find(|r| r.0.class != VerbClass::Masdar && !r.0.subject.is_some_and(|m| cx.after_complementizer(m.first)));
                if let Some((_, holders, _)) = clause_subject {
                    let holders = holders.clone();
                    anchor.subject = None;
                    resolved.push((*anchor, holders, rule_name(anchor.class, false)));
                    continue;
                }
                // With no statement before it, the subject of a sentence that
                // opens with its verb ("والتقى الرئيس X الوزيرَ Y، مشددا …").
                if let Some(m) = cx.verb_first_subject(floor, anchor.verb_first) {
                    anchor.subject = None;
                    resolved.push((*anchor, cx.holders_of(m).0, rule_name(anchor.class, true)));
                    continue;
                }
            }
            if let Some(subject) = anchor.subject {
                resolved.push((*anchor, cx.holders_of(subject).0, rule_name(anchor.class, false)));
                continue;
            }
            let opens_sentence = anchor.verb_first == floor;
            let carried = anchor.class == VerbClass::Continue || (opens_sentence && anchor.class == VerbClass::Speech);
            match last {
                Some((i, at)) if carried && si - at <= CARRY_OVER_SENTENCES => {
                    resolved.push((*anchor, out[i].holders.clone(), "carry-over"));
                }
                // A verb of saying takes the last actor of the sentence as its
                // implicit subject; a verb of wanting only an actor in the same
                // clause, close by ("كبار المسؤولين يفكرون في إصدار بيان يدعو …").
                // "فرأى أن تصريحات ترامب كشفت النوايا، وأن …": a verb of saying
                // with no subject of its own inside someone's reported clause
                // is part of what they say.
                _ if anchor.class == VerbClass::Speech
                    && cx.inside_reported_clause(&resolved, anchor.verb_first)
                    && !cx.implicit_subject(anchor.verb_first, floor).is_some_and(|m| cx.after_complementizer(m.first)) => {}
                _ if matches!(anchor.class, VerbClass::Speech | VerbClass::Position) && !opens_sentence => {
                    let near = |m: &Mention| anchor.class == VerbClass::Speech || cx.same_clause(m.end, anchor.verb_first);
                    if let Some(m) = cx.implicit_subject(anchor.verb_first, floor).filter(near) {
                        anchor.subject = Some(m);
                        anchor.implicit = true;
                        resolved.push((*anchor, vec![m.actor], rule_name(anchor.class, true)));
                    }
                }
                _ => {}
            }
        }
        let sentence_statements_before = out.len();
        for k in 0..resolved.len() {
            let (anchor, holders, rule) = &resolved[k];
            // A verbal noun with its holder inside someone's words ("تنتظر تنفيذ
            // قرار البرلمان بإخراج …") is a statement of its own that does not
            // cut the words around it.
            // The reach is bounded, so that a text without punctuation stays linear.
            let mut boundary = ceiling;
            for (next, _, _) in &resolved[k + 1..] {
                let start = cx.claim_start(next).max(anchor.verb_end);
                let nested = next.class == VerbClass::Masdar || is_object_noun(anchor, next);
                if !nested || next.verb_first > anchor.verb_end + MASDAR_INSIDE_WORDS {
                    boundary = start;
                    break;
                }
                boundary = ceiling.min(next.verb_end + MASDAR_INSIDE_WORDS);
            }
            let (first, end) = match anchor.class {
                // "ترفض مطالبة الإطار بخروج …، وتخشى …": the object's own words end with its clause.
                _ if k > 0 && is_object_noun(&resolved[k - 1].0, anchor) => {
                    (anchor.verb_first, (anchor.verb_end + 1..boundary).find(|&w| crate::actors::break_before(doc, w)).unwrap_or(boundary))
                }
                VerbClass::Source => match anchor.subject {
                    Some(subject) if anchor.verb_first == floor => (subject.end, ceiling),
                    // A source named after statements already attributed to
                    // others reports them; it holds none of its own.
                    _ if k > 0 => (anchor.verb_first, anchor.verb_first),
                    _ => (floor, anchor.verb_first),
                },
                VerbClass::Position => (cx.position_start(anchor.verb_first, floor), boundary),
                VerbClass::Relative => {
                    // The author's attribution stops where another actor comes in.
                    let i = actors.mentions.partition_point(|m| m.first < anchor.verb_end);
                    let next_actor = actors.mentions.get(i).map_or(boundary, |m| m.first.min(boundary));
                    (anchor.verb_end, next_actor)
                }
                // A verbal noun is itself the position ("تصويت", "مطالبة"): it stays in the content.
                VerbClass::Masdar => (anchor.verb_first, boundary),
                _ => (anchor.subject.filter(|_| !anchor.implicit).map_or(anchor.verb_end, |s| s.end.max(anchor.verb_end)), boundary),
            };
            if first < end || anchor.class != VerbClass::Source || k > 0 {
                last = Some((out.len(), si));
                let holder_span = anchor.subject.filter(|m| m.first >= first && m.end <= end).map(|m| (m.first, m.end));
                out.push(Statement { holders: holders.clone(), sentence: si, first, end: end.max(first), rule, holder_span });
            }
            // "قال المالكي إن الحكومة لن تطلب بقاء …": the speaker who reports a
            // position in his own reported clause is taken to share it, more weakly.
            // A newspaper or an analyst reports what others want without wanting it.
            let reporter = holders.iter().any(|&h| matches!(actors.actors[h].kind, ActorKind::Media | ActorKind::Expert));
            if let Some((next, _, _)) = resolved.get(k + 1).filter(|_| anchor.class == VerbClass::Speech && !reporter) {
                let reported = next.class == VerbClass::Position
                    && !next.implicit
                    && next
                        .subject
                        .is_some_and(|m| m.end <= next.verb_first && m.first > anchor.verb_end && cx.after_complementizer(m.first));
                if let (true, Some(subject)) = (reported, next.subject) {
                    let next_end = resolved.get(k + 2).map_or(ceiling, |after| cx.claim_start(&after.0).max(next.verb_end));
                    out.push(Statement {
                        holders: holders.clone(),
                        sentence: si,
                        first: subject.first,
                        end: next_end,
                        rule: "reported-position",
                        holder_span: Some((subject.first, subject.end)),
                    });
                }
            }
        }
        // A sentence inside a running quotation belongs to the last speaker.
        if out.len() == sentence_statements_before && inside_quote {
            if let Some((i, at)) = last {
                if si - at <= CARRY_OVER_SENTENCES {
                    last = Some((out.len(), si));
                    out.push(Statement {
                        holders: out[i].holders.clone(),
                        sentence: si,
                        first: floor,
                        end: ceiling,
                        rule: "quotation",
                        holder_span: None,
                    });
                }
            }
        }
        if quote_marks(doc, si) % 2 == 1 {
            inside_quote = !inside_quote;
        }
        // Every sentence of a signed reader comment is its signer's.
        if let Some(c) = actors.comments.iter().find(|c| c.start <= sentence.start && sentence.end <= c.end) {
            let i = actors.mentions.partition_point(|m| m.first < floor);
            let signature = actors.mentions[i..].iter().take_while(|m| m.first < ceiling).any(|m| m.actor == c.actor && m.end <= ceiling);
            if !signature {
                out.push(Statement {
                    holders: vec![c.actor],
                    sentence: si,
                    first: floor,
                    end: ceiling,
                    rule: "reader-comment",
                    holder_span: None,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actors::find_actors;

    /// (holder keys, content, rule) of each statement.
    fn statements(text: &str) -> Vec<(Vec<String>, String, &'static str)> {
        let lexicon = Lexicon::get();
        let doc = Prepared::new(text, lexicon);
        let actors = find_actors(&doc, lexicon);
        attribute(&doc, lexicon, &actors)
            .into_iter()
            .map(|s| {
                let keys = s.holders.iter().map(|&h| actors.actors[h].key.clone()).collect();
                (keys, doc.original_of_words(s.first, s.end).to_string(), s.rule)
            })
            .collect()
    }

    fn holders(text: &str) -> Vec<Vec<String>> {
        statements(text).into_iter().map(|s| s.0).collect()
    }

    #[test]
    fn verb_subject_order() {
        let s = statements("قال البنتاغون إن الخطة جاهزة");
        assert_eq!(s[0].0, vec!["us-pentagon"]);
        assert_eq!(s[0].1, "إن الخطة جاهزة");
    }

    #[test]
    fn subject_verb_order() {
        assert_eq!(holders("واشنطن أكدت أن الخطة جاهزة"), vec![vec!["us-government"]]);
    }

    #[test]
    fn a_noun_after_the_complementizer_is_not_the_subject() {
        assert!(statements("أكد أن طهران بعيدة").is_empty());
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
    fn source_phrase_with_a_glued_preposition() {
        assert_eq!(holders("الخطة جاهزة، وفقا لوزارة الخارجية العراقية.")[0], vec!["iraq-foreign-ministry"]);
    }

    #[test]
    fn statement_noun_between_verb_and_source() {
        assert_eq!(holders("وقال بيان للحكومة العراقية إن الخطة جاهزة")[0], vec!["iraq-government"]);
    }

    #[test]
    fn verbal_noun_with_genitive_holder() {
        let s = statements("وسط تحذيرات الجمهوريين من أن الانسحاب خطأ");
        assert_eq!(s[0].0, vec!["us-republicans"]);
        assert_eq!(s[0].2, "verbal-noun");
    }

    #[test]
    fn carry_over_of_the_last_speaker() {
        let s = statements("قال بايدن إن الخطة جاهزة. وأضاف أن التنفيذ قريب.");
        assert_eq!(s[1].0, vec!["joe-biden"]);
        assert_eq!(s[1].2, "carry-over");
    }

    #[test]
    fn relative_clause_attribution_needs_a_position() {
        let s = statements("إيران التي تريد خروج القوات");
        assert!(s.iter().any(|(h, _, rule)| h == &vec!["iran".to_string()] && *rule == "author-attribution"));
        assert!(statements("الضغط على الكاظمي الذي تمارسه الفصائل").iter().all(|(_, _, rule)| *rule != "author-attribution"));
    }

    #[test]
    fn quotation_running_over_sentences() {
        let s = statements("قال بايدن: \"الخطة جاهزة. التنفيذ قريب.\"");
        assert_eq!(s.len(), 2);
        assert_eq!(s[1].2, "quotation");
    }

    #[test]
    fn object_with_glued_preposition_is_not_a_subject() {
        assert!(holders("قال لواشنطن إن الخطة جاهزة").iter().all(|h| h != &vec!["us-government".to_string()]));
    }

    #[test]
    fn among_them_adds_a_holder() {
        let h = holders("وأكد الخبراء، ومنهم الباحث سامي الفلاني، أن الخطة جاهزة");
        assert_eq!(h[0].len(), 2, "{h:?}");
    }

    #[test]
    fn implicit_subject_is_the_last_actor_named() {
        let s = statements("هذا يتفق مع تركيا، إذ ترى أن الخطة جيدة");
        assert_eq!(s[0].0, vec!["turkey"]);
        assert_eq!(s[0].2, "implicit-subject");
    }

    #[test]
    fn participle_after_an_actor_holds_a_position() {
        let s = statements("وتضغط الجماعات المسلحة المصممة على خروج القوات الأجنبية");
        assert!(s.iter().any(|(h, c, _)| h[0].starts_with("phrase:") && c.starts_with("المصممة")), "{s:?}");
    }
}
