//! A document prepared once for every later stage: normalized text, words
//! with their match keys, sentences as word ranges, and the lexicon matches.

use crate::lexicon::{Lexicon, TargetKind, VerbClass};
use crate::matcher::{PhraseMatch, WordKeys};
use crate::text::{sentences_at, NormText, Word};

/// A sentence as a range of word indices, with its byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SentenceSpan {
    /// First byte in the normalized text.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Index of its first word.
    pub first_word: usize,
    /// One past its last word.
    pub end_word: usize,
}

/// Everything the stages need to know about one document.
#[derive(Debug)]
pub struct Prepared<'a> {
    /// The untouched text.
    pub original: &'a str,
    /// The matching form with its offset map.
    pub norm: NormText,
    /// Every word of the normalized text.
    pub words: Vec<Word>,
    /// The match keys of each word (`keys[w]`), resolved to the lexicon's patterns.
    pub keys: WordKeys,
    /// Sentences in order.
    pub sentences: Vec<SentenceSpan>,
    /// For each word, the sentence it belongs to.
    pub sentence_of_word: Vec<usize>,
    /// Attribution verbs and source phrases, non-overlapping.
    pub verbs: Vec<PhraseMatch>,
    /// Stance cues, non-overlapping.
    pub cues: Vec<PhraseMatch>,
    /// Topic terms (overlaps allowed: a word may be both presence and foreign).
    pub targets: Vec<PhraseMatch>,
    /// For each sentence, whether it marks forces as foreign somewhere.
    pub sentence_is_foreign: Vec<bool>,
    /// For each word, whether a topic term covers it.
    pub in_topic_term: Vec<bool>,
}

/// The matches of a list sorted by start that lie within words `first..end`.
///
/// A binary search, so that looking at one statement costs what the
/// statement holds, not what the whole document holds.
pub fn within(matches: &[PhraseMatch], first: usize, end: usize) -> impl Iterator<Item = &PhraseMatch> {
    let lo = matches.partition_point(|m| m.first < first);
    let hi = matches.partition_point(|m| m.first < end);
    matches[lo..hi.max(lo)].iter().filter(move |m| m.end <= end)
}

impl<'a> Prepared<'a> {
    /// Normalizes, segments and matches one document.
    pub fn new(original: &'a str, lexicon: &Lexicon) -> Prepared<'a> {
        let mut norm = NormText::new(original);
        let all_words = std::mem::take(&mut norm.words);
        let terminators = std::mem::take(&mut norm.terminators);
        let text = norm.text.as_str();
        let keys = WordKeys::of_words(all_words.iter().map(|w| &text[w.start..w.end]), &lexicon.keys);
        let mut spans = Vec::new();
        let mut sentence_of_word = vec![0; all_words.len()];
        let mut w = 0;
        for sentence in sentences_at(text, terminators.iter().map(|&at| at as usize)) {
            while w < all_words.len() && all_words[w].start < sentence.start {
                w += 1;
            }
            let first_word = w;
            while w < all_words.len() && all_words[w].end <= sentence.end {
                sentence_of_word[w] = spans.len();
                w += 1;
            }
            spans.push(SentenceSpan { start: sentence.start, end: sentence.end, first_word, end_word: w });
        }
        // A verb of saying never takes the article: "عدم الكشف عن هويته" is a
        // noun of the anonymity formula, not "كشف" (revealed).
        let mut verbs = lexicon.verbs.find_longest(&keys);
        verbs.retain(|m| {
            let word = &text[all_words[m.first].start..all_words[m.first].end];
            let definite = ["ال", "وال", "فال", "بال", "لل"].iter().any(|p| word.starts_with(p));
            !(definite && matches!(lexicon.verb_class[m.phrase], VerbClass::Speech | VerbClass::Continue))
        });
        let cues = lexicon.cues.find_longest(&keys);
        let mut targets = lexicon.targets.find_all(&keys);
        targets.sort_by_key(|t| (t.first, t.end, t.phrase));
        let mut sentence_is_foreign = vec![false; spans.len()];
        let mut in_topic_term = vec![false; all_words.len()];
        for t in &targets {
            if lexicon.target_kind[t.phrase] == TargetKind::Foreign {
                sentence_is_foreign[sentence_of_word[t.first]] = true;
            }
            for flag in &mut in_topic_term[t.first..t.end] {
                *flag = true;
            }
        }
        let mut doc = Prepared {
            original,
            norm,
            words: all_words,
            keys,
            sentences: spans,
            sentence_of_word,
            verbs,
            cues,
            targets,
            sentence_is_foreign,
            in_topic_term,
        };
        // Normalization folds "على" into the spelling of the name "علي"; a cue
        // opened by the preposition ("على الحكومة أن") needs it in the text.
        let cues = std::mem::take(&mut doc.cues);
        doc.cues = cues
            .into_iter()
            .filter(|m| !doc.keys[m.first].iter().any(|k| k == "علي") || !doc.original_of_words(m.first, m.first + 1).ends_with('ي'))
            .collect();
        doc
    }

    /// The normalized text between words `w - 1` and `w` (spaces, punctuation,
    /// quotes), or `None` at either end of the document.
    pub fn gap_before(&self, w: usize) -> Option<&str> {
        (w > 0 && w < self.words.len()).then(|| &self.norm.text[self.words[w - 1].end..self.words[w].start])
    }

    /// Whether the gap before word `w` holds one of `marks`; `None` before
    /// the first word and past the last. Most gaps are one space, which
    /// holds none of them: that is told at once, without a search.
    pub fn gap_holds(&self, w: usize, marks: &[char]) -> Option<bool> {
        self.gap_before(w).map(|gap| gap != " " && gap.contains(marks))
    }

    /// Whether the gap before word `w` holds a comma (Arabic or Latin).
    pub fn comma_before(&self, w: usize) -> bool {
        self.gap_holds(w, &[',', '،']).unwrap_or(false)
    }

    /// The sentence holding word `w`, clamped to the last word.
    pub fn sentence_at(&self, w: usize) -> usize {
        self.sentence_of_word.get(w.min(self.words.len().saturating_sub(1))).copied().unwrap_or(0)
    }

    /// The normalized text of a word.
    pub fn word(&self, index: usize) -> &str {
        let w = self.words[index];
        &self.norm.text[w.start..w.end]
    }

    /// Original code-point range covering words `first..end`.
    pub fn original_range_of_words(&self, first: usize, end: usize) -> (usize, usize) {
        if first >= end || end > self.words.len() {
            return (0, 0);
        }
        self.norm.to_original(self.words[first].start, self.words[end - 1].end)
    }

    /// Original code-point range of a sentence.
    pub fn original_range_of_sentence(&self, sentence: usize) -> (usize, usize) {
        let s = self.sentences[sentence];
        self.norm.to_original(s.start, s.end)
    }

    /// The original text of words `first..end` (empty for an empty or
    /// out-of-range span): [`original_slice`](Self::original_slice) of
    /// [`original_range_of_words`](Self::original_range_of_words), without
    /// counting code points on the way.
    pub fn original_of_words(&self, first: usize, end: usize) -> &'a str {
        if first >= end || end > self.words.len() {
            return "";
        }
        let (from, to) = self.norm.to_original_bytes(self.words[first].start, self.words[end - 1].end);
        self.original.get(from..to).unwrap_or("")
    }

    /// The original code-point range of words `first..end` with its text:
    /// [`original_range_of_words`](Self::original_range_of_words) and
    /// [`original_of_words`](Self::original_of_words) in one query.
    pub fn original_span_of_words(&self, first: usize, end: usize) -> ((usize, usize), &'a str) {
        if first >= end || end > self.words.len() {
            return ((0, 0), "");
        }
        self.original_span(self.words[first].start, self.words[end - 1].end)
    }

    /// The original code-point range of a sentence with its text.
    pub fn original_span_of_sentence(&self, sentence: usize) -> ((usize, usize), &'a str) {
        let s = self.sentences[sentence];
        self.original_span(s.start, s.end)
    }

    fn original_span(&self, start: usize, end: usize) -> ((usize, usize), &'a str) {
        let (range, (from, to)) = self.norm.to_original_span(start, end);
        (range, self.original.get(from..to).unwrap_or(""))
    }

    /// The original characters of a code-point range.
    pub fn original_slice(&self, start: usize, end: usize) -> &'a str {
        let (from, to) = (self.norm.original_byte(self.original, start), self.norm.original_byte(self.original, end));
        // Offsets are 32-bit: past 4 GiB of text (far beyond what fits in a
        // browser, and 40 GiB of offset map natively) a slice could fall
        // inside a character, and then it is empty rather than a panic.
        self.original.get(from..to).unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_original_of_words_and_sentences_is_the_slice_of_their_code_points() {
        let lexicon = Lexicon::get();
        let texts = ["قالَ الوزيرُ: «نعم» للانسحاب", "\u{064B}ﻻ نريد ٢٠٢٤ CNN\u{200B}ـ ب\u{0651}", "A. B\r\nج د", ""];
        for text in texts {
            let doc = Prepared::new(text, lexicon);
            for first in 0..=doc.words.len() + 1 {
                for end in 0..=doc.words.len() + 1 {
                    let (a, b) = doc.original_range_of_words(first, end);
                    assert_eq!(doc.original_of_words(first, end), doc.original_slice(a, b), "{text:?} words {first}..{end}");
                    assert_eq!(
                        doc.original_span_of_words(first, end),
                        ((a, b), doc.original_slice(a, b)),
                        "{text:?} span of words {first}..{end}"
                    );
                }
            }
            for sentence in 0..doc.sentences.len() {
                let (a, b) = doc.original_range_of_sentence(sentence);
                assert_eq!(doc.original_span_of_sentence(sentence), ((a, b), doc.original_slice(a, b)), "{text:?} sentence {sentence}");
            }
        }
    }
}
