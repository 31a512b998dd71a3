//! Actor mentions and their identities within one document.
//!
//! A mention is a run of words that names an actor. Mentions come from the
//! gazetteer (every name and alias of a known actor, clitics and spelling
//! folded). Each mention points at a document-level actor, which carries the
//! key that merges it with the same actor in other documents.

mod keys;
mod roles;
mod signatures;
mod speakers;
mod surnames;

use std::borrow::Cow;
use std::collections::BTreeSet;

use crate::contract::ActorKind;
use crate::document::Prepared;
use crate::lexicon::Lexicon;
use crate::text::match_key;

use keys::{words_key, KeyBuf};
pub use roles::break_before;
use roles::{Identity, RoleMention, WordTags};
use surnames::{link_surnames, named_before, NameWords};

/// An actor as seen in one document.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct DocActor {
    /// Merge key across documents (the gazetteer id for known actors).
    pub key: String,
    /// Display name.
    pub name: String,
    /// English name, when known.
    pub name_en: Option<String>,
    /// Contract kind.
    pub kind: ActorKind,
    /// Surface forms met in this document.
    pub aliases: BTreeSet<String>,
}

impl DocActor {
    /// Records a surface form as an alias unless it is the display name;
    /// the string is copied only when it is new.
    fn add_alias(&mut self, surface: &str) {
        if surface != self.name {
            self.add_surface(surface);
        }
    }

    /// Records a surface form as an alias, copying it only when it is new.
    fn add_surface(&mut self, surface: &str) {
        if !self.aliases.contains(surface) {
            self.aliases.insert(surface.to_string());
        }
    }
}

/// One mention of an actor, as a range of word indices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// Index into the document's actor list.
    pub actor: usize,
    /// First word.
    pub first: usize,
    /// One past the last word.
    pub end: usize,
    /// Whether a preposition is glued to it ("لواشنطن", "بالحكومة"): then it is
    /// an object, never a subject.
    pub prepositional: bool,
    /// Whether a conjunction is glued to it ("وإيران"): then it continues a list.
    /// "وزارة" starts with و too, but that و is its own letter.
    pub conjoined: bool,
}

/// A reader comment and who signed it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Comment {
    /// The signer (index into the document's actors).
    pub actor: usize,
    /// Byte range of the comment in the normalized text.
    pub start: usize,
    /// End of that range.
    pub end: usize,
}

/// The actors of one document and where they are mentioned, in text order.
#[derive(Debug, Default)]
pub struct DocActors {
    /// Distinct actors.
    pub actors: Vec<DocActor>,
    /// Mentions, sorted by position, never overlapping.
    pub mentions: Vec<Mention>,
    /// Signed reader comments.
    pub comments: Vec<Comment>,
}

impl DocActors {
    /// The mention that starts at word `first`, if any.
    pub fn mention_starting_at(&self, first: usize) -> Option<&Mention> {
        self.mentions.binary_search_by_key(&first, |m| m.first).ok().map(|i| &self.mentions[i])
    }

    /// The mention that ends just before word `end`, if any.
    pub fn mention_ending_at(&self, end: usize) -> Option<&Mention> {
        let i = self.mentions.partition_point(|m| m.end < end);
        self.mentions.get(i).filter(|m| m.end == end)
    }

    fn actor_index(&mut self, key: &str, make: impl FnOnce() -> DocActor) -> usize {
        match self.actors.iter().position(|a| a.key == key) {
            Some(i) => i,
            None => {
                self.actors.push(make());
                self.actors.len() - 1
            }
        }
    }
}

/// Conjunctions that may be glued to the first word of a mention.
const CONJUNCTIONS: [char; 2] = ['و', 'ف'];

/// The surface form of a mention as an alias: the original text without a
/// leading conjunction. Forms glued to a preposition ("لواشنطن") are not
/// useful as display aliases and give `None`.
fn alias_of<'a>(doc: &Prepared<'a>, first: usize, end: usize, pattern_first_key: &str) -> Option<&'a str> {
    let word = doc.word(first);
    // A word's first key is its match key (see `word_keys`), already worked
    // out once for every distinct word.
    if word.starts_with("ال") || doc.keys[first].first().is_some_and(|key| key == pattern_first_key) {
        return Some(doc.original_of_words(first, end));
    }
    let surface = doc.original_of_words(first, end);
    let mut chars = surface.chars();
    let lead = chars.next()?;
    if CONJUNCTIONS.contains(&lead) {
        // The normalized word starts with the same conjunction (normalizing
        // keeps و and ف): the word after it is the rest of the first word.
        let rest_first = word.strip_prefix(lead).unwrap_or("");
        if match_key(rest_first) == pattern_first_key {
            return Some(chars.as_str());
        }
    }
    None
}

/// Whether reading `word` as `key` needs a conjunction stripped from its front.
pub fn has_glued_conjunction(word: &str, key: &str) -> bool {
    word.starts_with(CONJUNCTIONS) && match_key(word) != key
}

/// Whether reading `word` as `key` needs a preposition stripped from its front.
///
/// Only a word that starts with one of them, after a conjunction, can: the
/// match key, which strips clitics and folds spellings, is built for those
/// alone (it was built twice for every mention).
fn has_glued_preposition(word: &str, key: &str) -> bool {
    const PREPOSITIONS: [char; 3] = ['ب', 'ل', 'ك'];
    let word = word.strip_prefix(CONJUNCTIONS).filter(|rest| rest.starts_with(PREPOSITIONS)).unwrap_or(word);
    word.starts_with(PREPOSITIONS) && !key.starts_with(PREPOSITIONS) && match_key(word) != key
}

/// Finds every actor mention of a document: gazetteer names, pattern
/// phrases, and surnames that refer back to a person named in full.
pub fn find_actors(doc: &Prepared, lexicon: &Lexicon) -> DocActors {
    let mut gazetteer = gazetteer_mentions(doc, lexicon);
    let tags = WordTags::new(doc, lexicon, &gazetteer);
    let patterns = roles::find(doc, &gazetteer, &tags);
    // Only the gazetteer's mentions are needed from here on: its actors move.
    let mut out = DocActors { actors: std::mem::take(&mut gazetteer.actors), mentions: Vec::new(), comments: Vec::new() };
    // A title met together with a name is that person's alias in this
    // document: a later bare "وزير الخارجية العراقي" is the same minister.
    let mut titles: Vec<(String, usize)> = Vec::new();
    // The actor each pattern resolved to here, so that the loop below
    // does not build its key a second time.
    let mut resolved: Vec<Option<usize>> = vec![None; patterns.len()];
    let mut keys = KeyBuf::default();
    for (p, resolved) in patterns.iter().zip(&mut resolved) {
        let title_end = match p.identity {
            // The name is the gazetteer mention that closes the phrase.
            Identity::Known(_) => {
                (p.first..p.end).find(|&w| gazetteer.mention_starting_at(w).is_some_and(|m| m.end == p.end)).unwrap_or(p.end)
            }
            Identity::Named { first, .. } if first > p.first => first,
            _ => continue,
        };
        if title_end > p.first {
            let actor = pattern_actor(doc, lexicon, &mut out, p, &mut keys);
            *resolved = Some(actor);
            titles.push((words_key(doc, p.first, title_end, Some(lexicon.roles.first_key(p.first_key_phrase))), actor));
        }
    }
    for (p, resolved) in patterns.iter().zip(resolved) {
        let first_key = lexicon.roles.first_key(p.first_key_phrase);
        let titled = match p.identity {
            Identity::Phrase if !titles.is_empty() => {
                let title_key = keys.words(doc, p.first, p.end, Some(first_key));
                titles.iter().find(|(k, _)| k == title_key).map(|(_, a)| *a)
            }
            _ => None,
        };
        let actor = titled.or(resolved).unwrap_or_else(|| pattern_actor(doc, lexicon, &mut out, p, &mut keys));
        if let Some(alias) = alias_of(doc, p.first, p.end, first_key) {
            out.actors[actor].add_alias(alias);
        }
        let prepositional = has_glued_preposition(doc.word(p.first), first_key);
        let conjoined = has_glued_conjunction(doc.word(p.first), first_key);
        let (first, end) = match p.identity {
            // A name standing before its comma-separated role is a mention of its own.
            Identity::Named { first, end } if end <= p.first => {
                out.mentions.push(Mention { actor, first, end, prepositional: false, conjoined: false });
                (p.first, p.end)
            }
            _ => (p.first, p.end),
        };
        out.mentions.push(Mention { actor, first, end, prepositional, conjoined });
    }
    // Where two pattern mentions overlap (a name read both alone and after
    // its rank), the longer one stays.
    out.mentions.sort_by_key(|m| (m.first, std::cmp::Reverse(m.end)));
    out.mentions.dedup_by(|later, kept| later.first < kept.end);
    // Gazetteer mentions inside a pattern phrase belong to that phrase.
    let mut kept = Vec::with_capacity(gazetteer.mentions.len());
    for m in &gazetteer.mentions {
        // A quantifier before a name belongs to the mention: "غالبية الدول العربية".
        let m = match tags.quantifier_ending_at(doc, m.first) {
            // No quantifier starts with و, so a و there is a conjunction ("وغالبية الدول").
            Some(q) => Mention { first: q, conjoined: doc.word(q).starts_with('و'), ..*m },
            None => *m,
        };
        let i = out.mentions.partition_point(|p| p.end <= m.first);
        let overlaps = out.mentions.get(i).is_some_and(|p| p.first < m.end);
        if !overlaps {
            kept.push(m);
        }
    }
    out.mentions.extend(kept);
    out.mentions.sort_by_key(|m| m.first);
    add_speakers(doc, lexicon, &tags, &mut out, &mut keys);
    link_surnames(doc, &mut out);
    add_signed_comments(doc, &mut out, &mut keys);
    out
}

/// Adds the speakers that grammar finds in the subject slots of speech and
/// position verbs (see [`speakers`]), whether or not a list knows them. A
/// speaker phrase that covers shorter mentions replaces them: it is the
/// reading the grammar gives, title and name together.
fn add_speakers(doc: &Prepared, lexicon: &Lexicon, tags: &WordTags<'_>, out: &mut DocActors, keys: &mut KeyBuf) {
    let reader = speakers::Reader::new(doc, lexicon, tags);
    let found = reader.find(out);
    let mut name_words = NameWords::default();
    let mut dropped = vec![false; out.mentions.len()];
    let mut added = Vec::new();
    for sp in found {
        // The mentions that overlap the phrase, by binary search: they are sorted and disjoint.
        let lo = out.mentions.partition_point(|m| m.end <= sp.first);
        let hi = lo + out.mentions[lo..].iter().take_while(|m| m.first < sp.end).count();
        let overlapping = &out.mentions[lo..hi];
        let inside = |m: &Mention| m.first >= sp.first && m.end <= sp.end;
        if overlapping.iter().any(|m| !inside(m) || (m.first == sp.first && m.end == sp.end)) {
            continue;
        }
        let lead = overlapping.iter().find(|m| m.first == sp.first).copied();
        let known_lead = lead.filter(|m| !out.actors[m.actor].key.contains(':'));
        let surface = strip_conjunction(doc, sp.first, doc.original_of_words(sp.first, sp.end));
        let actor = match (sp.known_person, sp.name, known_lead) {
            (Some(actor), _, _) => actor,
            (None, Some((a, b)), _) => match named_before(doc, out, &mut name_words, a, b) {
                Some(actor) => actor,
                None => {
                    let key = keys.prefixed("name:", doc, a, b);
                    let kind = if sp.kind == ActorKind::Expert { ActorKind::Expert } else { ActorKind::Person };
                    out.actor_index(key, || {
                        let name = doc.original_of_words(a, b).to_string();
                        DocActor { key: key.to_string(), name, name_en: None, kind, aliases: BTreeSet::new() }
                    })
                }
            },
            (None, None, Some(m)) => m.actor,
            (None, None, None) => {
                let key = keys.prefixed("phrase:", doc, sp.first, sp.end);
                let kind = sp.kind;
                out.actor_index(key, || DocActor {
                    key: key.to_string(),
                    name: surface.to_string(),
                    name_en: None,
                    kind,
                    aliases: BTreeSet::new(),
                })
            }
        };
        if !surface.is_empty() {
            out.actors[actor].add_alias(surface);
        }
        let word = doc.word(sp.first);
        let key = match tags.role(sp.first) {
            Some(r) => Cow::Borrowed(tags.first_key(r.2)),
            None => match_key(word.strip_prefix(CONJUNCTIONS).filter(|r| r.chars().count() >= 2).unwrap_or(word)),
        };
        for flag in &mut dropped[lo..hi] {
            *flag = true;
        }
        added.push(Mention {
            actor,
            first: sp.first,
            end: sp.end,
            prepositional: has_glued_preposition(word, &key),
            conjoined: has_glued_conjunction(word, &key),
        });
    }
    let mut kept: Vec<Mention> = out.mentions.iter().zip(&dropped).filter(|(_, d)| !**d).map(|(m, _)| *m).collect();
    kept.extend(added);
    kept.sort_by_key(|m| m.first);
    out.mentions = kept;
}

/// What the subject slot after a verb held: the speaker phrase's word range,
/// or why none was taken.
pub type SlotOutcome = Result<(usize, usize), &'static str>;

/// For `explain`: each speech or position verb's subject slot after it,
/// with the phrase read there or the reason none was taken, as
/// (verb word index, slot start, outcome).
pub fn speaker_slots(doc: &Prepared, lexicon: &Lexicon) -> Vec<(usize, usize, SlotOutcome)> {
    let gazetteer = gazetteer_mentions(doc, lexicon);
    let tags = WordTags::new(doc, lexicon, &gazetteer);
    let found = find_actors(doc, lexicon);
    let reader = speakers::Reader::new(doc, lexicon, &tags);
    doc.verbs
        .iter()
        .filter(|v| matches!(lexicon.verb_class[v.phrase], crate::lexicon::VerbClass::Speech | crate::lexicon::VerbClass::Position))
        .map(|v| {
            let ceiling = doc.sentences[doc.sentence_of_word[v.first]].end_word;
            let outcome = reader.read_or_reject(&found, v.end, ceiling).map(|sp| (sp.first, sp.end)).map_err(|r| r.reason());
            (v.first, v.end, outcome)
        })
        .collect()
}

/// A surface form without a conjunction glued to its first word.
fn strip_conjunction<'t>(doc: &Prepared, first: usize, surface: &'t str) -> &'t str {
    let word = doc.word(first);
    let glued = word.starts_with(CONJUNCTIONS)
        && (word.chars().nth(1).is_some_and(|c| c == 'ا') || word.starts_with("وال") || word.starts_with("فال"));
    if glued {
        let mut chars = surface.chars();
        chars.next();
        return chars.as_str();
    }
    surface
}

/// Adds the signers of reader comments as `public` actors.
fn add_signed_comments(doc: &Prepared, out: &mut DocActors, keys: &mut KeyBuf) {
    for c in signatures::find(doc) {
        let key = keys.prefixed("public:", doc, c.name_first, c.name_end);
        let actor = out.actor_index(key, || {
            let name = doc.original_of_words(c.name_first, c.name_end).to_string();
            DocActor { key: key.to_string(), name, name_en: None, kind: ActorKind::Public, aliases: BTreeSet::new() }
        });
        out.mentions.retain(|m| m.end <= c.name_first || m.first >= c.name_end);
        let at = out.mentions.partition_point(|m| m.first < c.name_first);
        out.mentions.insert(at, Mention { actor, first: c.name_first, end: c.name_end, prepositional: false, conjoined: false });
        out.comments.push(Comment { actor, start: c.start, end: c.end });
    }
}

/// The document-level actor of a pattern mention, created on first sight.
/// The key is built in `keys` and copied, like the display name, only for a
/// new actor.
fn pattern_actor(doc: &Prepared, lexicon: &Lexicon, out: &mut DocActors, p: &RoleMention, keys: &mut KeyBuf) -> usize {
    match p.identity {
        Identity::Known(actor) => actor,
        Identity::Named { first, end } => {
            let key = keys.prefixed("name:", doc, first, end);
            let kind = p.kind;
            out.actor_index(key, || {
                let name = doc.original_of_words(first, end).to_string();
                DocActor { key: key.to_string(), name, name_en: None, kind, aliases: BTreeSet::new() }
            })
        }
        Identity::Phrase => {
            let first_key = lexicon.roles.first_key(p.first_key_phrase);
            let key = keys.phrase("phrase:", doc, lexicon, p);
            let kind = p.kind;
            out.actor_index(key, || {
                let name = alias_of(doc, p.first, p.end, first_key).unwrap_or_else(|| doc.original_of_words(p.first, p.end));
                DocActor { key: key.to_string(), name: name.to_string(), name_en: None, kind, aliases: BTreeSet::new() }
            })
        }
    }
}

/// The gazetteer's mentions, with traps excluded.
fn gazetteer_mentions(doc: &Prepared, lexicon: &Lexicon) -> DocActors {
    let traps = lexicon.traps.find_longest(&doc.keys);
    let mut out = DocActors::default();
    let mut trap_at = traps.iter().peekable();
    for m in lexicon.actor_names.find_longest(&doc.keys) {
        while trap_at.peek().is_some_and(|t| t.end <= m.first) {
            trap_at.next();
        }
        if trap_at.peek().is_some_and(|t| t.first < m.end) {
            continue;
        }
        // A mention never crosses a sentence boundary.
        if doc.sentence_of_word[m.first] != doc.sentence_of_word[m.end - 1] {
            continue;
        }
        let known = &lexicon.actors[lexicon.actor_of_alias[m.phrase]];
        let actor = out.actor_index(&known.id, || DocActor {
            key: known.id.clone(),
            name: known.name.clone(),
            name_en: Some(known.name_en.clone()).filter(|n| !n.is_empty()),
            kind: known.kind,
            aliases: BTreeSet::new(),
        });
        let first_key = lexicon.actor_names.first_key(m.phrase);
        if let Some(alias) = alias_of(doc, m.first, m.end, first_key) {
            out.actors[actor].add_alias(alias);
        }
        out.mentions.push(Mention {
            actor,
            first: m.first,
            end: m.end,
            prepositional: has_glued_preposition(doc.word(m.first), first_key),
            conjoined: has_glued_conjunction(doc.word(m.first), first_key),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<String> {
        let lexicon = Lexicon::get();
        let doc = Prepared::new(text, lexicon);
        let found = find_actors(&doc, lexicon);
        found.mentions.iter().map(|m| found.actors[m.actor].key.clone()).collect()
    }

    #[test]
    fn gazetteer_names_through_clitics_and_variants() {
        assert_eq!(names("وأكدت واشنطن"), vec!["us-government"]);
        assert_eq!(names("قال البنتاجون"), vec!["us-pentagon"]);
        assert_eq!(names("قال البنتاغون"), vec!["us-pentagon"]);
        assert_eq!(names("وللحكومة العراقية رأي"), vec!["iraq-government"]);
        assert_eq!(names("الإدارة الأميركية"), vec!["us-government"]);
    }

    #[test]
    fn longest_name_wins() {
        assert_eq!(names("كتائب حزب الله"), vec!["kataib-hezbollah"]);
    }

    #[test]
    fn time_phrases_are_not_communities() {
        assert!(names("في السنة الماضية").is_empty());
        assert_eq!(names("قال السنة"), vec!["sunnis"]);
    }

    #[test]
    fn glued_prepositions_mark_objects() {
        assert!(has_glued_preposition("لواشنطن", "واشنطن"));
        assert!(has_glued_preposition("بالحكومه", "حكومه"));
        assert!(!has_glued_preposition("والحكومه", "حكومه"));
        assert!(!has_glued_preposition("واشنطن", "واشنطن"));
        assert!(!has_glued_preposition("بغداد", "بغداد"));
    }

    #[test]
    fn aliases_drop_the_conjunction() {
        let lexicon = Lexicon::get();
        let doc = Prepared::new("وواشنطن ترفض", lexicon);
        let found = find_actors(&doc, lexicon);
        assert!(found.actors[0].aliases.contains("واشنطن"));
    }
}
