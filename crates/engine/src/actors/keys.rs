//! Merge keys: the strings that tell whether two mentions name the same
//! actor, within a document and across documents.
//!
//! A document builds a key for every pattern phrase, speaker and signer it
//! meets, and most of them name an actor already seen. [`KeyBuf`] builds
//! them in buffers kept for the whole document, so that a key is copied into
//! a string of its own only for a new actor.

use super::roles::RoleMention;
use crate::document::Prepared;
use crate::lexicon::Lexicon;

/// Buffers reused from one key to the next.
#[derive(Default)]
pub(super) struct KeyBuf {
    /// The key last built.
    key: String,
    /// A phrase's word keys, one after another, before they are sorted.
    words: String,
    /// The byte range of each word key in `words`.
    spans: Vec<(usize, usize)>,
}

impl KeyBuf {
    /// `prefix` followed by the [`words_key`] of words `first..end`.
    pub(super) fn prefixed(&mut self, prefix: &str, doc: &Prepared, first: usize, end: usize) -> &str {
        self.key.clear();
        self.key.push_str(prefix);
        push_words_key(doc, first, end, None, &mut self.key);
        &self.key
    }

    /// The [`words_key`] of words `first..end`.
    pub(super) fn words(&mut self, doc: &Prepared, first: usize, end: usize, first_key: Option<&str>) -> &str {
        self.key.clear();
        push_words_key(doc, first, end, first_key, &mut self.key);
        &self.key
    }

    /// `prefix` followed by the merge key of a pattern phrase: its words
    /// without a leading quantifier ("أحد المسؤولين الأميركيين" is one of
    /// "مسؤولون أميركيون"), the modifiers after its head in sorted order.
    pub(super) fn phrase(&mut self, prefix: &str, doc: &Prepared, lexicon: &Lexicon, p: &RoleMention) -> &str {
        let first = p.head_at.max(p.first);
        let (keys, spans) = (&mut self.words, &mut self.spans);
        keys.clear();
        spans.clear();
        for w in first..p.end {
            let at = keys.len();
            if w == first && p.head_at <= p.first {
                push_fold_plural(lexicon.roles.first_key(p.first_key_phrase), keys);
            } else {
                push_word_key(doc, w, keys);
            }
            spans.push((at, keys.len()));
        }
        // The order of coordinated modifiers does not change who is meant:
        // "المسؤولين العراقيين والأميركيين" = "المسؤولين الأميركيين والعراقيين".
        if spans.len() > 2 {
            spans[1..].sort_unstable_by(|a, b| keys[a.0..a.1].cmp(&keys[b.0..b.1]));
        }
        self.key.clear();
        self.key.push_str(prefix);
        for (i, &(a, b)) in spans.iter().enumerate() {
            if i > 0 {
                self.key.push(' ');
            }
            self.key.push_str(&keys[a..b]);
        }
        &self.key
    }
}

/// A merge key for words `first..end`: their match keys joined, the first
/// one replaced by `first_key` when the lexicon already knows it (so that
/// "ومسؤول أمريكي" and "مسؤول أميركي" share a key).
pub(super) fn words_key(doc: &Prepared, first: usize, end: usize, first_key: Option<&str>) -> String {
    let mut key = String::new();
    push_words_key(doc, first, end, first_key, &mut key);
    key
}

/// Appends the [`words_key`] of words `first..end` to `out`, separated by spaces.
fn push_words_key(doc: &Prepared, first: usize, end: usize, first_key: Option<&str>, out: &mut String) {
    for w in first..end {
        if w > first {
            out.push(' ');
        }
        match (w == first, first_key) {
            (true, Some(k)) => out.push_str(k),
            _ => push_word_key(doc, w, out),
        }
    }
}

/// The merge key of one word: the conjunction and article dropped ("والعراقيين"
/// → "عراقيين") and the oblique plural folded into the nominative ("المسؤولين"
/// and "مسؤولون" agree), so that case endings do not split an actor.
pub(super) fn word_key(doc: &Prepared, w: usize) -> String {
    let mut key = String::new();
    push_word_key(doc, w, &mut key);
    key
}

/// Appends the [`word_key`] of word `w` to `out`.
fn push_word_key(doc: &Prepared, w: usize, out: &mut String) {
    let keys = &doc.keys[w];
    let word = doc.word(w);
    let key = if word.starts_with("وال") || word.starts_with("فال") { keys.get(1).or(keys.first()) } else { keys.first() };
    push_fold_plural(key.map_or("", String::as_str), out);
}

/// Folds the oblique sound plural into the nominative: "مسوولين" → "مسوولون".
pub(super) fn fold_plural(key: &str) -> String {
    let mut folded = String::with_capacity(key.len());
    push_fold_plural(key, &mut folded);
    folded
}

/// Appends [`fold_plural`] of `key` to `out`.
fn push_fold_plural(key: &str, out: &mut String) {
    match key.strip_suffix("ين") {
        Some(stem) if stem.chars().count() >= 3 => {
            out.push_str(stem);
            out.push_str("ون");
        }
        _ => out.push_str(key),
    }
}
