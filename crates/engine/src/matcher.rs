//! Clitic-aware phrase matching over words.
//!
//! Every lexicon phrase is a sequence of word patterns. A pattern matches a
//! text word when one of the word's keys (see [`crate::text::word_keys`])
//! equals it, or, for patterns written with a trailing `*`, starts with it,
//! which is how the lexicon covers suffixed forms ("انسحاب*" for انسحابها،
//! انسحابه). Phrases are bucketed by the first two letters of their first
//! pattern, so matching costs a few hash look-ups per word whatever the size
//! of the lexicon.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A small multiplicative hasher for the short keys of the phrase index
/// (a few Arabic letters): much cheaper than the default SipHash, and the
/// keys come from the lexicon and the text, so hash flooding is no concern
/// (a skewed bucket only costs time on one document).
#[derive(Default, Clone, Copy)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type KeyMap<K, V> = HashMap<K, V, BuildHasherDefault<KeyHasher>>;

use crate::text::{match_key, normalize_word};

/// One word of a phrase pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
struct WordPattern {
    key: String,
    prefix: bool,
    /// `_` in a phrase: any one word ("على _ أن" is "على الحكومة أن").
    any: bool,
}

impl WordPattern {
    fn parse(raw: &str) -> Option<WordPattern> {
        if raw == "_" {
            return Some(WordPattern { key: String::new(), prefix: false, any: true });
        }
        let (body, prefix) = match raw.strip_suffix('*') {
            Some(body) => (body, true),
            None => (raw, false),
        };
        let norm = normalize_word(body);
        if norm.is_empty() {
            return None;
        }
        Some(WordPattern { key: match_key(&norm), prefix, any: false })
    }

    fn matches(&self, keys: &[String]) -> bool {
        self.any || keys.iter().any(|k| if self.prefix { k.starts_with(&self.key) } else { *k == self.key })
    }
}

/// A phrase found in the text, as a range of word indices (end exclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhraseMatch {
    /// Which phrase of the set.
    pub phrase: usize,
    /// Index of the first word.
    pub first: usize,
    /// One past the index of the last word.
    pub end: usize,
}

/// A set of phrases compiled for matching.
#[derive(Debug, Clone, Default)]
pub struct PhraseSet {
    phrases: Vec<Vec<WordPattern>>,
    /// Phrases whose first word must equal a key, by that key: one hash
    /// look-up of a borrowed key per word, no allocation.
    exact: KeyMap<String, Vec<usize>>,
    /// Phrases whose first word is a prefix pattern, by its first two letters.
    buckets: KeyMap<(char, char), Vec<usize>>,
}

fn bucket_of(key: &str) -> (char, char) {
    let mut chars = key.chars();
    (chars.next().unwrap_or('\0'), chars.next().unwrap_or('\0'))
}

impl PhraseSet {
    /// Compiles phrases (space-separated word patterns). Returns, for each
    /// input phrase, its index in the set, or `None` if it held no word.
    pub fn new<'a>(phrases: impl IntoIterator<Item = &'a str>) -> (PhraseSet, Vec<Option<usize>>) {
        let mut set = PhraseSet::default();
        let mut ids = Vec::new();
        for phrase in phrases {
            let words: Vec<WordPattern> = phrase.split_whitespace().filter_map(WordPattern::parse).collect();
            if words.is_empty() || words[0].any || words.last().is_some_and(|w| w.any) {
                ids.push(None);
                continue;
            }
            let id = set.phrases.len();
            if words[0].prefix {
                set.buckets.entry(bucket_of(&words[0].key)).or_default().push(id);
            } else {
                set.exact.entry(words[0].key.clone()).or_default().push(id);
            }
            set.phrases.push(words);
            ids.push(Some(id));
        }
        (set, ids)
    }

    /// Number of phrases in the set.
    pub fn len(&self) -> usize {
        self.phrases.len()
    }

    /// Whether the set holds no phrase.
    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// The match key of the first word of a phrase.
    pub fn first_key(&self, phrase: usize) -> &str {
        &self.phrases[phrase][0].key
    }

    /// Number of words in a phrase.
    pub fn phrase_len(&self, phrase: usize) -> usize {
        self.phrases[phrase].len()
    }

    /// Every match of every phrase, given the keys of each word.
    pub fn find_all(&self, keys: &[Vec<String>]) -> Vec<PhraseMatch> {
        let mut out = Vec::new();
        let mut seen: Vec<usize> = Vec::new();
        for (i, word_keys) in keys.iter().enumerate() {
            seen.clear();
            for key in word_keys {
                let exact = self.exact.get(key.as_str()).map_or(&[][..], Vec::as_slice);
                let prefixed = self.buckets.get(&bucket_of(key)).map_or(&[][..], Vec::as_slice);
                for &id in exact.iter().chain(prefixed) {
                    if seen.contains(&id) {
                        continue;
                    }
                    let pattern = &self.phrases[id];
                    let end = i + pattern.len();
                    if end <= keys.len() && pattern.iter().zip(&keys[i..end]).all(|(p, k)| p.matches(k)) {
                        seen.push(id);
                        out.push(PhraseMatch { phrase: id, first: i, end });
                    }
                }
            }
        }
        out
    }

    /// Matches that do not overlap, preferring the leftmost, then the longest.
    pub fn find_longest(&self, keys: &[Vec<String>]) -> Vec<PhraseMatch> {
        let mut all = self.find_all(keys);
        all.sort_by_key(|m| (m.first, std::cmp::Reverse(m.end), m.phrase));
        let mut out: Vec<PhraseMatch> = Vec::new();
        for m in all {
            if out.last().is_none_or(|last| m.first >= last.end) {
                out.push(m);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{word_keys, words};

    fn keys_of(text: &str) -> Vec<Vec<String>> {
        let norm = normalize_word(text);
        words(&norm, 0, norm.len()).iter().map(|w| word_keys(&norm[w.start..w.end])).collect()
    }

    #[test]
    fn matches_through_clitics_and_spelling() {
        let (set, _) = PhraseSet::new(["القوات الأمريكية"]);
        let found = set.find_all(&keys_of("ودعا إلى سحب للقوات الأميركية فورا"));
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].first, found[0].end), (3, 5));
    }

    #[test]
    fn trailing_star_matches_suffixes() {
        let (set, _) = PhraseSet::new(["انسحاب*"]);
        assert_eq!(set.find_all(&keys_of("بانسحابها")).len(), 1);
        let (exact, _) = PhraseSet::new(["انسحاب"]);
        assert!(exact.find_all(&keys_of("بانسحابها")).is_empty());
    }

    #[test]
    fn longest_match_wins() {
        let (set, _) = PhraseSet::new(["الحكومة", "الحكومة العراقية"]);
        let found = set.find_longest(&keys_of("قالت الحكومة العراقية"));
        assert_eq!(found.len(), 1);
        assert_eq!(set.phrase_len(found[0].phrase), 2);
    }

    #[test]
    fn an_underscore_stands_for_any_one_word() {
        let (set, _) = PhraseSet::new(["على _ أن"]);
        assert_eq!(set.find_all(&keys_of("وعلى الحكومة أن تبدأ")).len(), 1);
        assert!(set.find_all(&keys_of("على أن")).is_empty());
        let (edge, ids) = PhraseSet::new(["_ أن", "على _"]);
        assert!(edge.is_empty() && ids.iter().all(Option::is_none), "a phrase may not start or end with a wildcard");
    }

    #[test]
    fn empty_phrases_are_skipped() {
        let (set, ids) = PhraseSet::new(["", "  ", "قال"]);
        assert_eq!(ids, vec![None, None, Some(0)]);
        assert_eq!(set.len(), 1);
    }
}
