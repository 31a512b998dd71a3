//! The words of a text resolved to the lexicon's patterns, one distinct
//! word at a time.
//!
//! News repeats its words: in a 10 KB article most running words are
//! ones already seen, in it or in the articles before it. Working out a
//! word's keys (clitic readings, spelling variants) and the patterns they
//! match costs a few allocations and a trie walk per key; doing it once per
//! distinct word and sharing the result turns that into one hash look-up per
//! running word. The shared results live in a per-thread vocabulary tied to
//! the state of the [`KeyIndex`] they were resolved against, so a result is
//! a pure function of the word and the index, whichever document asked
//! first.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use super::hasher::BuildFastHasher;
use super::{KeyIndex, PatternId};
use crate::text::word_keys;

/// What matching knows of one distinct word.
#[derive(Debug)]
struct WordEntry {
    /// The word's keys (see [`crate::text::word_keys`]).
    keys: Vec<String>,
    /// The patterns the keys match.
    ids: Vec<PatternId>,
    /// The bits of the sets that have a phrase starting with one of `ids`,
    /// so that a set skips every other word at once.
    starters: u32,
    /// The [`KeyPrint::bit`] of each key, together.
    key_bits: u64,
}

impl WordEntry {
    fn resolve(keys: Vec<String>, index: &KeyIndex) -> WordEntry {
        let (ids, starters) = index.resolve_word(&keys);
        let key_bits = keys.iter().fold(0, |bits, k| bits | KeyPrint::of(k).bit());
        WordEntry { keys, ids, starters, key_bits }
    }
}

/// A key's length and first eight bytes: equal keys have equal prints and
/// unequal ones nearly never, so that testing a word against a list of keys
/// compares integers, and strings only on a likely match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyPrint(usize, u64);

impl KeyPrint {
    /// The print of `key`.
    pub fn of(key: &str) -> KeyPrint {
        let mut head = [0u8; 8];
        let n = key.len().min(8);
        head[..n].copy_from_slice(&key.as_bytes()[..n]);
        KeyPrint(key.len(), u64::from_le_bytes(head))
    }

    /// One of 64 bits, picked by the print: equal prints pick the same bit,
    /// so a word none of whose keys' bits is in a list's mask holds none of
    /// its keys. Each distinct word's bits are worked out once (see
    /// [`WordKeys::key_bits`]).
    pub fn bit(self) -> u64 {
        let mixed = (self.1 ^ self.0 as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        1 << (mixed >> 58)
    }
}

/// The most distinct words a thread keeps; past it the vocabulary starts
/// again empty. An entry costs some 250 bytes (the word, two to four keys,
/// their ids), so the vocabulary stays under about 8 MB. The seeds and the
/// development set together (17,000 running words) hold 4,800 distinct ones.
const MAX_WORDS: usize = 30_000;

/// A word of at most 16 bytes (most Arabic words: eight letters), packed in
/// two integers with its length, so that finding it in the vocabulary
/// hashes two integers and compares three, with no call to `memcmp`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct ShortWord(u64, u64, u8);

impl ShortWord {
    /// The packed form of `word`, or `None` past 16 bytes. Given the length,
    /// the two integers hold every byte: from 8 bytes on, the first eight
    /// and the last eight (overlapping); from 4, the first four and the last
    /// four; below that, the bytes themselves.
    fn of(word: &str) -> Option<ShortWord> {
        let b = word.as_bytes();
        let le8 = |at: usize| b.get(at..at + 8).and_then(|s| s.try_into().ok()).map_or(0, u64::from_le_bytes);
        let le4 = |at: usize| b.get(at..at + 4).and_then(|s| s.try_into().ok()).map_or(0, |s| u64::from(u32::from_le_bytes(s)));
        let len = b.len();
        let (first, second) = match len {
            17.. => return None,
            8.. => (le8(0), le8(len - 8)),
            4.. => (le4(0) | (le4(len - 4) << 32), 0),
            _ => (b.iter().rev().fold(0u64, |word, &byte| (word << 8) | u64::from(byte)), 0),
        };
        Some(ShortWord(first, second, len as u8))
    }
}

/// The distinct words resolved so far on this thread, against one index
/// state.
#[derive(Default)]
struct Vocabulary {
    generation: u64,
    short: HashMap<ShortWord, Rc<WordEntry>, BuildFastHasher>,
    long: HashMap<Box<str>, Rc<WordEntry>, BuildFastHasher>,
}

impl Vocabulary {
    fn entry(&mut self, word: &str, index: &KeyIndex) -> Rc<WordEntry> {
        if self.generation != index.generation() {
            self.clear();
            self.generation = index.generation();
        }
        let short = ShortWord::of(word);
        let known = match short {
            Some(key) => self.short.get(&key),
            None => self.long.get(word),
        };
        if let Some(entry) = known {
            return Rc::clone(entry);
        }
        if self.short.len() + self.long.len() >= MAX_WORDS {
            self.clear();
        }
        let entry = Rc::new(WordEntry::resolve(word_keys(word), index));
        match short {
            Some(key) => self.short.insert(key, Rc::clone(&entry)),
            None => self.long.insert(word.into(), Rc::clone(&entry)),
        };
        entry
    }

    fn clear(&mut self) {
        self.short.clear();
        self.long.clear();
    }
}

thread_local! {
    static VOCABULARY: RefCell<Vocabulary> = RefCell::new(Vocabulary::default());
}

/// The match keys of every word of a text, and the patterns each word matches.
///
/// Built against the index after every phrase set was compiled into it (as
/// the lexicon does): patterns or sets added later are unknown to it.
#[derive(Debug, Clone, Default)]
pub struct WordKeys {
    words: Vec<Rc<WordEntry>>,
    /// Per set bit, a bitmap of the words that may open one of the set's
    /// phrases (row `k` for bit `1 << k`, `blocks` words of 64
    /// bits each). A set visits its candidates (one word in five or fewer)
    /// by their bits, where testing every word's starter bits for each of
    /// the seven sets was a tenth of matching.
    candidates: Vec<u64>,
    blocks: usize,
}

impl WordKeys {
    /// Resolves words of normalized text against `index`, each distinct
    /// word once per thread.
    pub fn of_words<'t>(words: impl IntoIterator<Item = &'t str>, index: &KeyIndex) -> WordKeys {
        VOCABULARY.with(|vocabulary| {
            let mut vocabulary = vocabulary.borrow_mut();
            WordKeys::from_entries(words.into_iter().map(|word| vocabulary.entry(word, index)).collect())
        })
    }

    /// Resolves the given keys of each word against `index`, without the
    /// shared vocabulary (for keys that are not [`word_keys`]'s).
    pub fn new(keys: Vec<Vec<String>>, index: &KeyIndex) -> WordKeys {
        WordKeys::from_entries(keys.into_iter().map(|keys| Rc::new(WordEntry::resolve(keys, index))).collect())
    }

    fn from_entries(words: Vec<Rc<WordEntry>>) -> WordKeys {
        let blocks = words.len().div_ceil(64);
        let rows = words.iter().fold(0u32, |all, w| all | w.starters);
        let mut candidates = vec![0u64; blocks * (32 - rows.leading_zeros()) as usize];
        for (w, entry) in words.iter().enumerate() {
            let mut bits = entry.starters;
            while bits != 0 {
                let row = bits.trailing_zeros() as usize;
                candidates[row * blocks + w / 64] |= 1 << (w % 64);
                bits &= bits - 1;
            }
        }
        WordKeys { words, candidates, blocks }
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether there are no words.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The words that may start a phrase of the set with this bit (a set
    /// without a bit may start anywhere), in order.
    pub(super) fn may_start(&self, bit: u32) -> Candidates<'_> {
        if bit == 0 {
            return Candidates { row: &[], block: 0, bits: 0, every: 0..self.len() };
        }
        let row = bit.trailing_zeros() as usize * self.blocks;
        let row = self.candidates.get(row..row + self.blocks).unwrap_or(&[]);
        Candidates { row, block: 0, bits: row.first().copied().unwrap_or(0), every: 0..0 }
    }

    /// The pattern ids word `w` matches.
    pub fn ids(&self, w: usize) -> &[PatternId] {
        &self.words[w].ids
    }

    /// The [`KeyPrint::bit`]s of word `w`'s keys, together.
    pub fn key_bits(&self, w: usize) -> u64 {
        self.words[w].key_bits
    }
}

/// The words that may start a phrase of one set, in order (see
/// [`WordKeys::may_start`]).
pub(super) struct Candidates<'a> {
    /// The set's bitmap, and the bits of block `block` not yet visited.
    row: &'a [u64],
    block: usize,
    bits: u64,
    /// For a set without a bit: every word.
    every: std::ops::Range<usize>,
}

impl Iterator for Candidates<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        if let Some(w) = self.every.next() {
            return Some(w);
        }
        while self.bits == 0 {
            self.block += 1;
            self.bits = *self.row.get(self.block)?;
        }
        let w = self.block * 64 + self.bits.trailing_zeros() as usize;
        self.bits &= self.bits - 1;
        Some(w)
    }
}

impl std::ops::Index<usize> for WordKeys {
    type Output = [String];

    fn index(&self, w: usize) -> &[String] {
        &self.words[w].keys
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index_of(patterns: &[(&str, bool)]) -> KeyIndex {
        let mut index = KeyIndex::default();
        for &(key, prefix) in patterns {
            index.intern(key, prefix);
        }
        index
    }

    #[test]
    fn shared_words_resolve_as_fresh_ones() {
        let index = index_of(&[("انسحاب", true), ("قوات", false)]);
        let text = ["وانسحاب", "القوات", "وانسحاب", "امس", "القوات"];
        let shared = WordKeys::of_words(text, &index);
        let fresh = WordKeys::new(text.iter().map(|w| word_keys(w)).collect(), &index);
        assert_eq!(shared.len(), fresh.len());
        for w in 0..text.len() {
            assert_eq!(shared.ids(w), fresh.ids(w), "{}", text[w]);
            assert_eq!(&shared[w], &fresh[w], "{}", text[w]);
        }
        assert!(!shared.ids(0).is_empty() && shared.ids(3).is_empty());
    }

    #[test]
    fn short_words_pack_every_byte() {
        let words = [
            "",
            "a",
            "ab",
            "abc",
            "abcd",
            "abcde",
            "abcdefg",
            "abcdefgh",
            "abcdefghi",
            "abcdefghijklmnop",
            "قوات",
            "القوات",
            "abc\0",
            "\0abc",
        ];
        for (i, a) in words.iter().enumerate() {
            assert!(ShortWord::of(a).is_some(), "{a:?}");
            for b in &words[i + 1..] {
                assert_ne!(ShortWord::of(a), ShortWord::of(b), "{a:?} {b:?}");
            }
        }
        assert_eq!(ShortWord::of("abcdefghijklmnopq"), None, "17 bytes are a long word");
        let entry = |v: &mut Vocabulary, w: &str, index: &KeyIndex| v.entry(w, index).keys.clone();
        let index = index_of(&[("قوات", false)]);
        let mut vocabulary = Vocabulary::default();
        let long = "والقواتالاجنبية";
        assert_eq!(entry(&mut vocabulary, long, &index), word_keys(long));
        assert_eq!(entry(&mut vocabulary, "القوات", &index), word_keys("القوات"));
        assert_eq!((vocabulary.short.len(), vocabulary.long.len()), (1, 1));
        assert_eq!(entry(&mut vocabulary, long, &index), word_keys(long), "found again");
    }

    /// At every length up to 16 bytes, changing any one byte changes the
    /// packed word: no byte falls outside the two integers.
    #[test]
    fn every_byte_of_a_short_word_counts() {
        for len in 0..=16usize {
            let base: Vec<u8> = (0..len).map(|i| b'a' + i as u8).collect();
            let packed = ShortWord::of(std::str::from_utf8(&base).unwrap_or_default());
            for at in 0..len {
                let mut changed = base.clone();
                changed[at] = b'Z';
                let other = ShortWord::of(std::str::from_utf8(&changed).unwrap_or_default());
                assert_ne!(packed, other, "length {len}, byte {at}");
            }
        }
    }

    /// The candidates of a set are the words with its starter bit, in order,
    /// across blocks of 64 words; a set without a bit has every word.
    #[test]
    fn candidates_are_the_words_with_the_set_bit() {
        let starters: Vec<u32> = (0..200u32).map(|w| if w % 7 == 0 { 0 } else { w.wrapping_mul(2_654_435_761) }).collect();
        let entry = |starters| Rc::new(WordEntry { keys: Vec::new(), ids: Vec::new(), starters, key_bits: 0 });
        let keys = WordKeys::from_entries(starters.iter().map(|&s| entry(s)).collect());
        for k in 0..32 {
            let expected: Vec<usize> = (0..starters.len()).filter(|&w| starters[w] & (1 << k) != 0).collect();
            assert_eq!(keys.may_start(1 << k).collect::<Vec<_>>(), expected, "bit {k}");
        }
        assert_eq!(keys.may_start(0).count(), starters.len());
        assert_eq!(WordKeys::from_entries(Vec::new()).may_start(1).count(), 0);
        assert_eq!(WordKeys::from_entries(vec![entry(0)]).may_start(4).count(), 0);
    }

    #[test]
    fn a_changed_index_is_never_answered_from_before() {
        let mut index = index_of(&[("قوات", false)]);
        assert!(WordKeys::of_words(["انسحاب"], &index).ids(0).is_empty());
        let id = index.intern("انسحاب", false);
        assert_eq!(WordKeys::of_words(["انسحاب"], &index).ids(0), [id]);
        let other = index_of(&[("امس", false)]);
        assert!(WordKeys::of_words(["انسحاب"], &other).ids(0).is_empty(), "another index, another answer");
    }
}
