//! Clitic-aware phrase matching over words.
//!
//! Every lexicon phrase is a sequence of word patterns. A pattern matches a
//! text word when one of the word's keys (see [`crate::text::word_keys`])
//! equals it, or, for patterns written with a trailing `*`, starts with it,
//! which is how the lexicon covers suffixed forms ("انسحاب*" for انسحابها،
//! انسحابه). All patterns of all sets are interned in one [`KeyIndex`], and a
//! document's words are resolved to pattern ids once ([`WordKeys`]), so
//! matching a set costs an array look-up per word and pattern id, and integer
//! compares for the rest of a phrase, whatever the size of the lexicon.

pub mod compiled;
mod hasher;
mod index;
mod vocabulary;

pub use hasher::{BuildFastHasher, FastHasher};
pub use index::{KeyIndex, PatternId};
pub use vocabulary::{KeyPrint, WordKeys};

use crate::text::{match_key, normalize_word};

/// One word of a phrase pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
struct WordPattern {
    key: String,
    /// A trailing `*`: any key starting with `key`.
    prefix: bool,
    /// The interned pattern (key and whether it is a prefix).
    id: PatternId,
    /// `_` in a phrase: any one word ("على _ أن" is "على الحكومة أن").
    any: bool,
}

impl WordPattern {
    /// The key of a pattern and whether it is a prefix pattern; `None` for
    /// the wildcard `_`, `Some(None)` for a pattern without letters.
    fn parse(raw: &str) -> Option<Option<(String, bool)>> {
        if raw == "_" {
            return None;
        }
        let (body, prefix) = match raw.strip_suffix('*') {
            Some(body) => (body, true),
            None => (raw, false),
        };
        let norm = normalize_word(body);
        Some((!norm.is_empty()).then(|| (match_key(&norm).into_owned(), prefix)))
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

/// A phrase that a pattern id opens, with where the ids of its other words lie.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Opening {
    /// Which phrase of the set.
    phrase: u32,
    /// Its words after the first are `rest[start..end]`.
    start: u32,
    end: u32,
    /// `rest[start]`, its second word's pattern ([`ANY`] for `_`, unused
    /// for a one-word phrase), kept here so that the many phrases sharing
    /// a first word ("وزير …", "رئيس …") are told apart by the next word
    /// without reading `rest`.
    second: PatternId,
}

/// In [`PhraseSet::rest`], the wildcard `_`.
const ANY: PatternId = PatternId::MAX;

/// Groups of openings up to this size are read whole; longer ones are
/// searched by the next word's ids.
const SCANNED_GROUP: usize = 8;

/// A set of phrases compiled for matching.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PhraseSet {
    /// The match key of every phrase's first word, one after the other:
    /// phrase `i`'s ends at `first_key_ends[i]` and starts where phrase
    /// `i - 1`'s ends. One buffer instead of a `String` per phrase, so that
    /// the precompiled lexicon ([`compiled`]) loads with one copy.
    first_keys: String,
    first_key_ends: Vec<u32>,
    /// Number of words of each phrase.
    lens: Vec<u32>,
    /// The phrases whose first word is pattern `p` are
    /// `by_first[first_starts[p]..first_starts[p + 1]]`.
    first_starts: Vec<u32>,
    by_first: Vec<Opening>,
    /// The pattern ids of every phrase's words after its first, one phrase
    /// after the other ([`ANY`] for `_`): checking a candidate reads one
    /// array in order, where following each phrase's own vector of patterns
    /// missed the cache on nearly every candidate.
    rest: Vec<PatternId>,
    /// This set's bit in the index (see [`WordKeys`]); 0 when it has none.
    bit: u32,
    /// Every phrase's patterns as parsed, for the tests' definition of a
    /// match; a set read from the precompiled lexicon has none.
    #[cfg(test)]
    patterns: Vec<Vec<WordPattern>>,
}

impl PhraseSet {
    /// Compiles phrases (space-separated word patterns), interning their
    /// patterns in `index`. Returns, for each input phrase, its index in the
    /// set, or `None` if it held no word.
    pub fn new<'a>(index: &mut KeyIndex, phrases: impl IntoIterator<Item = &'a str>) -> (PhraseSet, Vec<Option<usize>>) {
        let mut set = PhraseSet { bit: index.register_set(), ..PhraseSet::default() };
        let mut ids = Vec::new();
        let mut firsts: Vec<(PatternId, u32)> = Vec::new();
        let mut words: Vec<WordPattern> = Vec::new();
        for phrase in phrases {
            words.clear();
            for raw in phrase.split_whitespace() {
                match WordPattern::parse(raw) {
                    None => words.push(WordPattern { key: String::new(), prefix: false, id: PatternId::MAX, any: true }),
                    Some(None) => {}
                    Some(Some((key, prefix))) => {
                        let id = index.intern(&key, prefix);
                        words.push(WordPattern { key, prefix, id, any: false });
                    }
                }
            }
            if words.is_empty() || words[0].any || words.last().is_some_and(|w| w.any) {
                ids.push(None);
                continue;
            }
            let id = set.lens.len();
            // A first word is found through the pattern ids of the text's
            // words. A one-letter prefix pattern there matches only that
            // letter as a whole key (the bucketing by two letters that this
            // index replaced behaved so), which is its exact pattern.
            let first = &words[0];
            let first_id = if first.key.chars().nth(1).is_none() { index.intern(&first.key, false) } else { first.id };
            firsts.push((first_id, id as u32));
            set.first_keys.push_str(&first.key);
            set.first_key_ends.push(set.first_keys.len() as u32);
            set.lens.push(words.len() as u32);
            set.rest.extend(words[1..].iter().map(|w| if w.any { ANY } else { w.id }));
            #[cfg(test)]
            set.patterns.push(words.clone());
            ids.push(Some(id));
        }
        set.index_openings(index, &firsts);
        (set, ids)
    }

    /// Files every phrase under the pattern of its first word (`firsts`:
    /// pattern and phrase, in phrase order), from its length and `rest`, and
    /// marks those patterns as starters of this set in `index`. Compiling
    /// and reading the compiled form both end here, so they agree.
    fn index_openings(&mut self, index: &mut KeyIndex, firsts: &[(PatternId, u32)]) {
        let slots = firsts.iter().map(|&(p, _)| p as usize + 1).max().unwrap_or(0);
        self.first_starts = vec![0; slots + 1];
        for &(p, _) in firsts {
            index.mark_starter(p, self.bit);
            self.first_starts[p as usize + 1] += 1;
        }
        for i in 0..slots {
            self.first_starts[i + 1] += self.first_starts[i];
        }
        // Placed by counting: each pattern's phrases in phrase order, as a
        // sort by pattern, then phrase, would give.
        let mut next: Vec<u32> = self.first_starts[..slots].to_vec();
        self.by_first = vec![Opening::default(); firsts.len()];
        let mut start = 0u32;
        for (&(p, phrase), &len) in firsts.iter().zip(&self.lens) {
            let end = start + len - 1;
            let second = if end > start { self.rest[start as usize] } else { ANY };
            self.by_first[next[p as usize] as usize] = Opening { phrase, start, end, second };
            next[p as usize] += 1;
            start = end;
        }
        // Each pattern's phrases by second word, then phrase, so that a long
        // group ("رئيس …" opens hundreds) is searched for the next word's
        // ids instead of read whole; phrases of one word and those whose
        // second word is `_` ([`ANY`], the largest id) come last.
        // Insertion sort: most groups hold a phrase or two, the longest a few
        // hundred, and it adds no sorting code to the worker's module.
        for p in 0..slots {
            let group = &mut self.by_first[self.first_starts[p] as usize..self.first_starts[p + 1] as usize];
            for i in 1..group.len() {
                let mut j = i;
                while j > 0 && (group[j - 1].second, group[j - 1].phrase) > (group[j].second, group[j].phrase) {
                    group.swap(j - 1, j);
                    j -= 1;
                }
            }
        }
    }

    /// Number of phrases in the set.
    pub fn len(&self) -> usize {
        self.lens.len()
    }

    /// Whether the set holds no phrase.
    pub fn is_empty(&self) -> bool {
        self.lens.is_empty()
    }

    /// The match key of the first word of a phrase.
    pub fn first_key(&self, phrase: usize) -> &str {
        let start = phrase.checked_sub(1).map_or(0, |before| self.first_key_ends[before] as usize);
        &self.first_keys[start..self.first_key_ends[phrase] as usize]
    }

    /// Number of words in a phrase.
    pub fn phrase_len(&self, phrase: usize) -> usize {
        self.lens[phrase] as usize
    }

    /// The phrases whose first word is pattern `p`.
    fn starting_with(&self, p: PatternId) -> &[Opening] {
        let p = p as usize;
        match (self.first_starts.get(p), self.first_starts.get(p + 1)) {
            (Some(&a), Some(&b)) => &self.by_first[a as usize..b as usize],
            _ => &[],
        }
    }

    /// Every match of every phrase, ordered by first word, then phrase.
    pub fn find_all(&self, keys: &WordKeys) -> Vec<PhraseMatch> {
        if self.lens.is_empty() {
            return Vec::new();
        }
        // Room for a match every 32 words, about what the largest sets find
        // in news, so that the vector rarely grows (each growth is an
        // allocation and a copy, seven sets per document).
        let mut out = Vec::with_capacity(keys.len() / 32 + 4);
        for i in keys.may_start(self.bit) {
            let from = out.len();
            let next = if i + 1 < keys.len() { keys.ids(i + 1) } else { &[] };
            for &p in keys.ids(i) {
                let group = self.starting_with(p);
                if group.len() <= SCANNED_GROUP {
                    for opening in group {
                        // A phrase of one word (most role heads) matches here.
                        if opening.start == opening.end {
                            out.push(PhraseMatch { phrase: opening.phrase as usize, first: i, end: i + 1 });
                        } else if opening.second == ANY || next.contains(&opening.second) {
                            self.check(opening, keys, i, &mut out);
                        }
                    }
                    continue;
                }
                // Sorted by second word: the phrases that need no second
                // word, then for each of the next word's ids the run that
                // has it.
                let needing = group.partition_point(|o| o.second != ANY);
                for opening in &group[needing..] {
                    self.check(opening, keys, i, &mut out);
                }
                for &q in next {
                    let run = group[..needing].partition_point(|o| o.second < q);
                    for opening in group[run..needing].iter().take_while(|o| o.second == q) {
                        self.check(opening, keys, i, &mut out);
                    }
                }
            }
            if out.len() - from > 1 {
                out[from..].sort_unstable_by_key(|m| m.phrase);
            }
        }
        out
    }

    /// Adds the match of `opening` at word `i` when the words after its
    /// second have its patterns (its second word was checked by the caller).
    #[inline]
    fn check(&self, opening: &Opening, keys: &WordKeys, i: usize, out: &mut Vec<PhraseMatch>) {
        let end = i + 1 + (opening.end - opening.start) as usize;
        if end > keys.len() {
            return;
        }
        let rest = &self.rest[opening.start as usize..opening.end as usize];
        if rest.iter().enumerate().skip(1).all(|(j, &q)| q == ANY || keys.ids(i + 1 + j).contains(&q)) {
            out.push(PhraseMatch { phrase: opening.phrase as usize, first: i, end });
        }
    }

    /// Matches that do not overlap, preferring the leftmost, then the longest.
    ///
    /// [`PhraseSet::find_all`] gives the matches grouped by first word, in
    /// order, so only each group's longest (of those, the first phrase) can
    /// be kept: the others start inside it. One pass, where sorting every
    /// match by (first, longest, phrase) grew faster than the document.
    pub fn find_longest(&self, keys: &WordKeys) -> Vec<PhraseMatch> {
        let mut all = self.find_all(keys);
        let mut kept = 0;
        let mut kept_end = None;
        let mut i = 0;
        while i < all.len() {
            let first = all[i].first;
            let mut best = all[i];
            i += 1;
            while i < all.len() && all[i].first == first {
                let m = all[i];
                if m.end > best.end || (m.end == best.end && m.phrase < best.phrase) {
                    best = m;
                }
                i += 1;
            }
            // A match stays when it starts at or after the end of the last one kept.
            if kept_end.is_none_or(|end| first >= end) {
                kept_end = Some(best.end);
                all[kept] = best;
                kept += 1;
            }
        }
        all.truncate(kept);
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{word_keys, words};

    fn compile(phrases: &[&str]) -> (PhraseSet, Vec<Option<usize>>, KeyIndex) {
        let mut index = KeyIndex::default();
        let (set, ids) = PhraseSet::new(&mut index, phrases.iter().copied());
        (set, ids, index)
    }

    fn string_keys(text: &str) -> Vec<Vec<String>> {
        let norm = normalize_word(text);
        words(&norm, 0, norm.len()).iter().map(|w| word_keys(&norm[w.start..w.end])).collect()
    }

    fn keys_of(text: &str, index: &KeyIndex) -> WordKeys {
        WordKeys::new(string_keys(text), index)
    }

    /// The definition, phrase by phrase and key by key, that the index must agree with.
    fn find_all_by_definition(set: &PhraseSet, keys: &[Vec<String>]) -> Vec<PhraseMatch> {
        let word_matches =
            |p: &WordPattern, keys: &[String]| p.any || keys.iter().any(|k| if p.prefix { k.starts_with(&p.key) } else { *k == p.key });
        let mut out = Vec::new();
        for first in 0..keys.len() {
            for (phrase, pattern) in set.patterns.iter().enumerate() {
                let end = first + pattern.len();
                // A one-letter prefix pattern first matches only that letter.
                let lead = &pattern[0];
                let lead_ok = if lead.prefix && lead.key.chars().nth(1).is_none() {
                    keys[first].contains(&lead.key)
                } else {
                    word_matches(lead, &keys[first])
                };
                if end <= keys.len() && lead_ok && pattern[1..].iter().zip(&keys[first + 1..end]).all(|(p, k)| word_matches(p, k)) {
                    out.push(PhraseMatch { phrase, first, end });
                }
            }
        }
        out
    }

    #[test]
    fn matches_through_clitics_and_spelling() {
        let (set, _, index) = compile(&["القوات الأمريكية"]);
        let found = set.find_all(&keys_of("ودعا إلى سحب للقوات الأميركية فورا", &index));
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].first, found[0].end), (3, 5));
    }

    #[test]
    fn trailing_star_matches_suffixes() {
        let (set, _, index) = compile(&["انسحاب*"]);
        assert_eq!(set.find_all(&keys_of("بانسحابها", &index)).len(), 1);
        let (exact, _, index) = compile(&["انسحاب"]);
        assert!(exact.find_all(&keys_of("بانسحابها", &index)).is_empty());
    }

    /// The one pass agrees with its definition: every match sorted by
    /// (first, longest, phrase), then kept when it starts after the last kept.
    #[test]
    fn longest_matches_agree_with_sorting_every_match() {
        let lexicon = crate::lexicon::Lexicon::get();
        let text = "وقال وزير الخارجية العراقي إن على الحكومة أن تطالب بانسحاب القوات الأميركية \
                    من العراق، وأكد المتحدث باسم كتائب حزب الله أن الفصائل سترفض بقاء قوات التحالف الدولي، \
                    بحسب ما نقلته وكالة الأنباء العراقية. ولا يزال مجلس النواب العراقي يدعو إلى جدولة الانسحاب.";
        let keys = WordKeys::new(string_keys(text), &lexicon.keys);
        for set in [&lexicon.actor_names, &lexicon.traps, &lexicon.roles, &lexicon.verbs, &lexicon.cues, &lexicon.speaker_words] {
            let mut expected = set.find_all(&keys);
            expected.sort_by_key(|m| (m.first, std::cmp::Reverse(m.end), m.phrase));
            let mut kept_end = None;
            expected.retain(|m| {
                let keep = kept_end.is_none_or(|end| m.first >= end);
                if keep {
                    kept_end = Some(m.end);
                }
                keep
            });
            assert_eq!(set.find_longest(&keys), expected);
        }
    }

    #[test]
    fn longest_match_wins() {
        let (set, _, index) = compile(&["الحكومة", "الحكومة العراقية"]);
        let found = set.find_longest(&keys_of("قالت الحكومة العراقية", &index));
        assert_eq!(found.len(), 1);
        assert_eq!(set.phrase_len(found[0].phrase), 2);
    }

    #[test]
    fn an_underscore_stands_for_any_one_word() {
        let (set, _, index) = compile(&["على _ أن"]);
        assert_eq!(set.find_all(&keys_of("وعلى الحكومة أن تبدأ", &index)).len(), 1);
        assert!(set.find_all(&keys_of("على أن", &index)).is_empty());
        let (edge, ids, _) = compile(&["_ أن", "على _"]);
        assert!(edge.is_empty() && ids.iter().all(Option::is_none), "a phrase may not start or end with a wildcard");
    }

    #[test]
    fn empty_phrases_are_skipped() {
        let (set, ids, _) = compile(&["", "  ", "قال"]);
        assert_eq!(ids, vec![None, None, Some(0)]);
        assert_eq!(set.len(), 1);
    }

    #[test]
    fn sets_sharing_an_index_match_independently() {
        let mut index = KeyIndex::default();
        let (verbs, _) = PhraseSet::new(&mut index, ["قال", "اكد*"]);
        let (nouns, _) = PhraseSet::new(&mut index, ["القوات", "قال*"]);
        let keys = keys_of("وقالت القوات وأكدت", &index);
        let firsts = |set: &PhraseSet| set.find_all(&keys).iter().map(|m| (m.phrase, m.first)).collect::<Vec<_>>();
        assert_eq!(firsts(&verbs), vec![(1, 2)]);
        assert_eq!(firsts(&nouns), vec![(1, 0), (0, 1)]);
    }

    #[test]
    fn a_one_letter_prefix_first_matches_only_that_letter() {
        let (set, _, index) = compile(&["د* عامر", "و*"]);
        assert_eq!(set.find_all(&keys_of("د عامر", &index)).len(), 1);
        assert!(set.find_all(&keys_of("دكتور عامر ولكن", &index)).is_empty());
    }

    /// A first word that opens more phrases than are read whole is searched
    /// by the next word's ids, and finds what reading them all finds: every
    /// second word, the wildcard and the one-word phrase.
    #[test]
    fn a_long_group_is_searched_as_it_would_be_read() {
        let seconds = ["الوزراء", "البرلمان", "الجمهورية", "الحكومة", "الهيئة", "المجلس", "الاقليم", "الكتلة", "اللجنة", "الحزب"];
        let mut phrases: Vec<String> = seconds.iter().map(|s| format!("رئيس {s}")).collect();
        phrases.extend(["رئيس".to_string(), "رئيس _ العراقي".to_string(), "رئيس الوزراء العراقي".to_string(), "رئيس* الوزراء".to_string()]);
        let (set, _, mut index) = compile(&phrases.iter().map(String::as_str).collect::<Vec<_>>());
        let head = index.intern(&match_key(&normalize_word("رئيس")), false);
        assert!(set.starting_with(head).len() > SCANNED_GROUP, "the group is long");
        let text = "قال رئيس الوزراء العراقي ورئيس البرلمان ولرئيس الحكومه ورئيسه الوزراء ثم رئيس المجلس العراقي رئيس";
        let strings = string_keys(text);
        let mut expected = find_all_by_definition(&set, &strings);
        expected.sort_by_key(|m| (m.first, m.phrase));
        assert_eq!(set.find_all(&WordKeys::new(strings, &index)), expected);
        assert!(expected.len() >= 8, "{expected:?}");
    }

    /// The index agrees with the definition on every set of the built-in
    /// lexicon over a text that exercises clitics, suffixes and wildcards.
    #[test]
    fn the_index_agrees_with_the_definition_on_the_lexicon() {
        // Built from the data files: the precompiled sets keep no patterns.
        let lexicon = crate::lexicon::Lexicon::build().unwrap_or_else(|e| panic!("{e}"));
        let text = "وقال وزير الخارجية العراقي إن على الحكومة أن تطالب بانسحاب القوات الأميركية \
                    من العراق، وأكد المتحدث باسم كتائب حزب الله أن الفصائل سترفض بقاء قوات التحالف، \
                    بحسب ما نقلته وكالة الأنباء. ولا يزال البرلمان يدعو إلى جدولة الانسحاب فورا.";
        let strings = string_keys(text);
        let keys = WordKeys::new(strings.clone(), &lexicon.keys);
        for set in
            [&lexicon.actor_names, &lexicon.traps, &lexicon.roles, &lexicon.verbs, &lexicon.cues, &lexicon.targets, &lexicon.speaker_words]
        {
            let mut expected = find_all_by_definition(set, &strings);
            expected.sort_by_key(|m| (m.first, m.phrase));
            assert_eq!(set.find_all(&keys), expected);
        }
    }
}
