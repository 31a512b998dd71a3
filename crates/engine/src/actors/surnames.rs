//! People referred to by part of their name: a surname standing alone
//! ("البصير" after "حيدر البصير") or a speaker phrase that ends a name given
//! in full before ("أبو رغيف" after "فاضل أبو رغيف").

use super::keys::{fold_plural, word_key};
use super::{has_glued_conjunction, has_glued_preposition, DocActor, DocActors, Mention};
use crate::contract::ActorKind;
use crate::document::Prepared;
use crate::matcher::KeyPrint;
use crate::text::match_key;

/// The merge keys of the words of each actor's name, computed when first
/// asked for: [`named_before`] compares a name's tail with every person
/// named so far, speaker after speaker. Actors are only ever appended and
/// their names never change, so an index keeps its entry.
#[derive(Default)]
pub(super) struct NameWords(Vec<Option<Vec<String>>>);

impl NameWords {
    pub(super) fn of(&mut self, actors: &[DocActor], i: usize) -> &[String] {
        if self.0.len() <= i {
            self.0.resize(actors.len(), None);
        }
        self.0[i].get_or_insert_with(|| {
            let norm = crate::text::normalize_word(&actors[i].name);
            norm.split_whitespace().map(|w| fold_plural(&match_key(w))).collect()
        })
    }
}

/// A person already named in full whose name ends with words `a..b`: "أبو
/// رغيف" after "فاضل أبو رغيف" is the same man.
pub(super) fn named_before(doc: &Prepared, out: &DocActors, name_words: &mut NameWords, a: usize, b: usize) -> Option<usize> {
    let tail: Vec<String> = (a..b).map(|w| word_key(doc, w)).collect();
    (0..out.actors.len()).find(|&i| {
        matches!(out.actors[i].kind, ActorKind::Person | ActorKind::Expert) && {
            let words = name_words.of(&out.actors, i);
            words.len() > tail.len() && words.ends_with(&tail)
        }
    })
}

/// Links a surname standing alone to the person named in full elsewhere in
/// the document ("البصير" after "حيدر البصير").
pub(super) fn link_surnames(doc: &Prepared, out: &mut DocActors) {
    let mut mentioned = vec![false; out.actors.len()];
    for m in &out.mentions {
        mentioned[m.actor] = true;
    }
    let mut surnames: Vec<(String, KeyPrint, usize)> = Vec::new();
    for (i, actor) in out.actors.iter().enumerate() {
        // Only people known by name have surnames; an anonymous "مسؤول أمريكي" has none.
        let named = !actor.key.starts_with("phrase:");
        if !matches!(actor.kind, ActorKind::Person | ActorKind::Expert) || !named || !mentioned[i] {
            continue;
        }
        let norm = crate::text::normalize_word(&actor.name);
        let mut words = norm.split_whitespace();
        if let (Some(_), Some(last)) = (words.next(), words.next_back()) {
            let last = match_key(last);
            if last.chars().count() >= 3 {
                surnames.push((last.to_string(), KeyPrint::of(&last), i));
            }
        }
    }
    if surnames.is_empty() {
        return;
    }
    // One bit per surname's print: a word none of whose keys sets a bit of
    // the mask is no surname, and most words are let go by it without a
    // look at the list.
    let mask = surnames.iter().fold(0u64, |mask, (_, print, _)| mask | print.bit());
    let mut added = Vec::new();
    let mut next = 0;
    let mut prints: Vec<KeyPrint> = Vec::new();
    for w in 0..doc.words.len() {
        while next < out.mentions.len() && out.mentions[next].end <= w {
            next += 1;
        }
        if out.mentions.get(next).is_some_and(|m| m.first <= w) {
            continue;
        }
        if doc.keys.key_bits(w) & mask == 0 {
            continue;
        }
        let keys = &doc.keys[w];
        prints.clear();
        prints.extend(keys.iter().map(|k| KeyPrint::of(k)));
        // Each actor has one surname at most, so a second hit is a second
        // person: an ambiguous surname (two people share it) links to neither.
        let mut hits = surnames.iter().filter(|(s, print, _)| keys.iter().zip(&prints).any(|(k, p)| p == print && k == s));
        if let (Some((key, _, actor)), None) = (hits.next(), hits.next()) {
            let actor = *actor;
            let prepositional = has_glued_preposition(doc.word(w), key);
            added.push(Mention { actor, first: w, end: w + 1, prepositional, conjoined: has_glued_conjunction(doc.word(w), key) });
            if !prepositional {
                out.actors[actor].add_surface(doc.original_of_words(w, w + 1));
            }
        }
    }
    out.mentions.extend(added);
    out.mentions.sort_by_key(|m| m.first);
}
