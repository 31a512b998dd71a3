//! Interned word patterns and the words of a text resolved to them.
//!
//! Every word pattern of every phrase set (a key, exact or with a trailing
//! `*`) gets one small integer id in a [`KeyIndex`], a character trie over
//! the pattern keys. A document's words are resolved once: each word gets
//! the ids of all the patterns it matches (a key equal to an exact pattern,
//! or starting with a prefix pattern). After that, matching a phrase set is
//! integer comparison, whatever the number of sets and phrases, instead of a
//! hash look-up and string compares per key, per word and per set.

use std::collections::HashMap;

use super::hasher::BuildFastHasher;

const NONE: u32 = u32::MAX;

/// The id of an interned word pattern.
pub type PatternId = u32;

/// Every word pattern of the lexicon, as a character trie of their keys.
#[derive(Debug, Clone)]
pub struct KeyIndex {
    /// Child of a node by character: `(node << 32) | char`.
    edges: HashMap<u64, u32, BuildFastHasher>,
    /// Per node: the id of the exact pattern whose key ends here, or `NONE`.
    exact: Vec<u32>,
    /// Per node: the id of the prefix pattern whose key ends here, or `NONE`.
    prefix: Vec<u32>,
    /// Number of ids handed out.
    count: u32,
    /// Per pattern id: the bits of the sets that have a phrase starting with it.
    starters: Vec<u32>,
    /// Number of sets registered (set again by the compiled form's reader).
    pub(super) sets: u32,
    /// Names this index's contents: renewed by every change, so that words
    /// resolved against one state are never reused against another (see
    /// [`super::WordKeys`]).
    generation: u64,
}

/// Hands out index generations, unique within the process.
static GENERATIONS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

fn next_generation() -> u64 {
    GENERATIONS.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

impl Default for KeyIndex {
    fn default() -> KeyIndex {
        KeyIndex {
            edges: HashMap::default(),
            exact: vec![NONE],
            prefix: vec![NONE],
            count: 0,
            starters: Vec::new(),
            sets: 0,
            generation: next_generation(),
        }
    }
}

fn edge(node: u32, c: char) -> u64 {
    (u64::from(node) << 32) | u64::from(u32::from(c))
}

impl KeyIndex {
    /// The id of a pattern: `key` exactly, or as a prefix. The same pattern
    /// always gets the same id.
    pub fn intern(&mut self, key: &str, prefix: bool) -> PatternId {
        let mut node = 0u32;
        for c in key.chars() {
            let next = self.exact.len() as u32;
            node = *self.edges.entry(edge(node, c)).or_insert_with(|| {
                self.exact.push(NONE);
                self.prefix.push(NONE);
                next
            });
        }
        let slot = if prefix { &mut self.prefix[node as usize] } else { &mut self.exact[node as usize] };
        if *slot == NONE {
            *slot = self.count;
            self.count += 1;
            self.starters.push(0);
            self.generation = next_generation();
        }
        *slot
    }

    /// A new set's bit for [`KeyIndex::mark_starter`], or 0 (no bit) past
    /// the 32nd set, which then looks at every word.
    pub(super) fn register_set(&mut self) -> u32 {
        self.sets += 1;
        if self.sets <= 32 {
            1 << (self.sets - 1)
        } else {
            0
        }
    }

    /// Records that the set with `bit` has a phrase starting with pattern `id`.
    pub(super) fn mark_starter(&mut self, id: PatternId, bit: u32) {
        self.starters[id as usize] |= bit;
        self.generation = next_generation();
    }

    /// Number of distinct patterns.
    pub fn len(&self) -> usize {
        self.count as usize
    }

    /// Whether no pattern was interned.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// What identifies the index's present contents.
    pub(super) fn generation(&self) -> u64 {
        self.generation
    }

    /// The patterns a word with these keys matches, and the bits of the
    /// sets that have a phrase starting with one of them.
    pub(super) fn resolve_word(&self, keys: &[String]) -> (Vec<PatternId>, u32) {
        let mut ids = Vec::new();
        for key in keys {
            self.resolve(key, &mut ids);
        }
        let starters = ids.iter().fold(0, |bits, &id| bits | self.starters[id as usize]);
        (ids, starters)
    }

    /// Every pattern as its key and whether it is a prefix, by id.
    pub(super) fn patterns(&self) -> Vec<(String, bool)> {
        // Node 0 is the root; every other node has one parent, of a lower
        // id, so one pass in node order spells every node's key.
        let mut parents = vec![(0u32, '\0'); self.exact.len()];
        for (&edge, &child) in &self.edges {
            parents[child as usize] = ((edge >> 32) as u32, char::from_u32(edge as u32).unwrap_or('\0'));
        }
        let mut keys = vec![String::new(); self.exact.len()];
        let mut patterns = vec![(String::new(), false); self.count as usize];
        for node in 0..self.exact.len() {
            if node > 0 {
                let (parent, c) = parents[node];
                let mut key = keys[parent as usize].clone();
                key.push(c);
                keys[node] = key;
            }
            for (ids, prefix) in [(&self.exact, false), (&self.prefix, true)] {
                if let Some(slot) = patterns.get_mut(ids[node] as usize) {
                    *slot = (keys[node].clone(), prefix);
                }
            }
        }
        patterns
    }

    /// Whether two indices hold the same patterns, trie and starters,
    /// whatever their generations.
    #[cfg(test)]
    pub(super) fn same_contents(&self, other: &KeyIndex) -> bool {
        (&self.edges, &self.exact, &self.prefix, self.count, &self.starters, self.sets)
            == (&other.edges, &other.exact, &other.prefix, other.count, &other.starters, other.sets)
    }

    /// Appends to `out` the id of every pattern `key` matches that is not
    /// already there: the prefix patterns along its path, then the exact one.
    fn resolve(&self, key: &str, out: &mut Vec<PatternId>) {
        let mut push = |id: u32| {
            if id != NONE && !out.contains(&id) {
                out.push(id);
            }
        };
        let mut node = 0u32;
        for c in key.chars() {
            match self.edges.get(&edge(node, c)) {
                Some(&next) => node = next,
                None => return,
            }
            push(self.prefix[node as usize]);
        }
        push(self.exact[node as usize]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_pattern_gets_the_same_id() {
        let mut index = KeyIndex::default();
        let a = index.intern("قوات", false);
        let b = index.intern("قوات", true);
        assert_ne!(a, b);
        assert_eq!(index.intern("قوات", false), a);
        assert_eq!(index.len(), 2);
    }

    #[test]
    fn a_key_resolves_to_its_exact_and_prefix_patterns() {
        let mut index = KeyIndex::default();
        let exact = index.intern("انسحاب", false);
        let prefix = index.intern("انسحاب", true);
        let short = index.intern("انس", true);
        let other = index.intern("انسحابها", false);
        let ids = |key: &str| index.resolve_word(&[key.to_string()]).0;
        assert_eq!(ids("انسحابها"), [short, prefix, other]);
        assert_eq!(ids("انسحاب"), [short, prefix, exact]);
        assert!(ids("ان").is_empty());
    }

    #[test]
    fn every_change_renews_the_generation() {
        let mut index = KeyIndex::default();
        let start = index.generation();
        let id = index.intern("قوات", false);
        let interned = index.generation();
        assert_ne!(start, interned);
        index.intern("قوات", false);
        assert_eq!(index.generation(), interned, "interning a known pattern changes nothing");
        let bit = index.register_set();
        index.mark_starter(id, bit);
        assert_ne!(index.generation(), interned);
    }
}
