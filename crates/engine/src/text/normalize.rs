//! Orthographic normalization for matching.
//!
//! Arabic news spells one word many ways: with or without diacritics and
//! tatweel, with hamza on the alef or not, final ya as alef maqsura, ta marbuta
//! as ha, Persian letters pasted from other sources, Arabic-Indic digits, and a
//! zoo of quotation marks. Matching runs on one canonical form, and every byte
//! of that form remembers which original code points it came from, so that
//! evidence can be cut from the untouched original.

use super::char_map::{
    class_of, class_table, map_fast, short_char, table, Mapped, Small, IDENTITY, SAME_LENGTH, TABLE_LEN, TERMINATOR, WORD_CHAR,
};
use super::offsets::OffsetMap;
use super::words::Word;

/// A normalized copy of a text with a map back to the original.
#[derive(Debug, Clone)]
pub struct NormText {
    /// The canonical form used for matching.
    pub text: String,
    /// For each byte of `text`, the original code points its character came
    /// from (including any marks that normalization dropped after it), and
    /// for each original code point its byte offset, kept sparse.
    offsets: OffsetMap,
    /// The words of `text`, as [`words`](super::words()) finds them in the
    /// whole text, found while it is written: each character written is
    /// classified by a table load, instead of a second pass over the text.
    pub words: Vec<Word>,
    /// Where each sentence terminator of `text` starts (see
    /// [`sentences_at`](super::sentences_at)), noted while it is written.
    pub terminators: Vec<u32>,
}

/// The words and sentence terminators of the text being written, found as
/// its characters are.
struct WordFinder {
    words: Vec<Word>,
    /// Where the word being written starts, or `usize::MAX` between words.
    start: usize,
    terminators: Vec<u32>,
}

impl WordFinder {
    /// A character of class `class` (see [`class_of`]) is written at byte `at`.
    #[inline(always)]
    fn see(&mut self, at: usize, class: u8) {
        if class & WORD_CHAR != 0 {
            if self.start == usize::MAX {
                self.start = at;
            }
        } else if self.start != usize::MAX {
            self.words.push(Word { start: self.start, end: at });
            self.start = usize::MAX;
        }
        if class & TERMINATOR != 0 {
            self.terminators.push(at as u32);
        }
    }

    /// The words and terminators of a text of `end` bytes.
    fn finish(mut self, end: usize) -> (Vec<Word>, Vec<u32>) {
        self.see(end, 0);
        (self.words, self.terminators)
    }
}

impl NormText {
    /// Normalizes `original`, keeping the offset map.
    pub fn new(original: &str) -> NormText {
        let table = table();
        let class_table = class_table();
        let mut text = String::with_capacity(original.len());
        let mut offsets = OffsetMap::with_capacity(original.len());
        let mut words = WordFinder { words: Vec::with_capacity(original.len() / 8), start: usize::MAX, terminators: Vec::new() };
        // Marks before the first letter of the text belong to that letter:
        // the code point and byte where the first of them starts.
        let mut pending_start: Option<(u32, usize)> = None;
        let mut count = 0u32;
        let bytes = original.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            // Most of a news text is characters that stay themselves (the
            // Arabic letters without hamza or ta marbuta, spaces, digits,
            // punctuation): a stretch of them is classified character by
            // character but copied from the original in one piece.
            if pending_start.is_none() {
                let (mut run_start, mut base) = (at, text.len());
                // Below this byte of normalized text the open run of the
                // offset map goes on by itself: `same_length` would return
                // at once, so it is not called.
                let mut split = offsets.open_until();
                while let Some((code, len)) = short_char(bytes, at) {
                    let class = class_table.get(code).copied().unwrap_or(0);
                    let norm = if class & IDENTITY != 0 {
                        base + (at - run_start)
                    } else {
                        // A short character that becomes another of its
                        // length (ة, أ, إ, آ, ى: 7 % of the letters of the
                        // seeds and the development set, in 31 % of their
                        // words) is written here, and the stretch goes on
                        // after it instead of the loop starting again.
                        let (true, Some(&Small::One(ch))) = (class & SAME_LENGTH != 0, table.get(code)) else { break };
                        text.push_str(&original[run_start..at]);
                        let norm = text.len();
                        text.push(ch);
                        (run_start, base) = (at + len, text.len());
                        norm
                    };
                    words.see(norm, class);
                    if norm >= split {
                        offsets.same_length(norm, count, at);
                        split = offsets.open_until();
                    }
                    count += 1;
                    at += len;
                    if at == bytes.len() {
                        break;
                    }
                }
                if at > run_start || at == bytes.len() {
                    text.push_str(&original[run_start..at]);
                    continue;
                }
            }
            let i = count;
            count += 1;
            // The common case first: a short character that keeps its length,
            // with no marks waiting for it, is written without decoding a
            // `char` or asking the general mapping.
            if let Some((code, len)) = short_char(bytes, at).filter(|&(code, _)| code < TABLE_LEN) {
                let class = class_table[code];
                if let (true, None, Small::One(ch)) = (class & SAME_LENGTH != 0, pending_start, table[code]) {
                    words.see(text.len(), class);
                    offsets.same_length(text.len(), i, at);
                    text.push(ch);
                    at += len;
                    continue;
                }
            }
            let c = original[at..].chars().next().unwrap_or('\u{FFFD}');
            match map_fast(table, c) {
                Mapped::One(ch) => {
                    words.see(text.len(), class_table.get(c as usize).copied().unwrap_or_else(|| class_of(ch)));
                    match pending_start.take() {
                        None if ch.len_utf8() == c.len_utf8() => offsets.same_length(text.len(), i, at),
                        start => {
                            let (start, start_byte) = start.unwrap_or((i, at));
                            offsets.piece(text.len(), (start, count), (start_byte, at + c.len_utf8()));
                        }
                    }
                    text.push(ch);
                }
                Mapped::Attach if !offsets.is_empty() => offsets.attach(count, at + c.len_utf8()),
                // A mark with nothing before it belongs to the next letter.
                Mapped::Attach => {
                    pending_start.get_or_insert((i, at));
                }
                Mapped::Drop => offsets.drop_char(i, at),
                Mapped::Many(expansion) => {
                    let (start, start_byte) = pending_start.take().unwrap_or((i, at));
                    for ch in expansion.chars() {
                        words.see(text.len(), class_of(ch));
                        offsets.piece(text.len(), (start, count), (start_byte, at + c.len_utf8()));
                        text.push(ch);
                    }
                }
            }
            at += c.len_utf8();
        }
        offsets.finish(count, original.len(), text.len());
        let (words, terminators) = words.finish(text.len());
        NormText { text, offsets, words, terminators }
    }

    /// The byte offset in `original` (the text this was normalized from) of
    /// code point `index` (the original's length for the index one past its
    /// last code point, and for any index beyond it).
    pub fn original_byte(&self, original: &str, index: usize) -> usize {
        self.offsets.original_byte(original, index)
    }

    /// Maps a byte range of the normalized text to a code-point range of the original.
    pub fn to_original(&self, start: usize, end: usize) -> (usize, usize) {
        self.offsets.code_points(&self.text, start, end)
    }

    /// Maps a byte range of the normalized text to the byte range of the
    /// original that [`to_original`](Self::to_original)'s code points cover.
    pub fn to_original_bytes(&self, start: usize, end: usize) -> (usize, usize) {
        self.offsets.bytes(&self.text, start, end)
    }

    /// [`to_original`](Self::to_original) and
    /// [`to_original_bytes`](Self::to_original_bytes) of one range, found once.
    pub fn to_original_span(&self, start: usize, end: usize) -> ((usize, usize), (usize, usize)) {
        self.offsets.span(&self.text, start, end)
    }

    /// Length of the original in code points.
    pub fn original_len(&self) -> usize {
        self.offsets.original_len()
    }
}

/// Normalizes a single lexicon word or phrase (no offsets needed).
pub fn normalize_word(s: &str) -> String {
    // The text of `NormText::new(s.trim())`, without building its offset map.
    // Characters that stay themselves are copied in stretches, as in
    // `NormText::new` (compiling the lexicon normalizes every entry).
    let s = s.trim();
    let mut text = String::with_capacity(s.len());
    let table = table();
    let bytes = s.as_bytes();
    let (mut at, mut copied) = (0, 0);
    while at < bytes.len() {
        if let Some((code, len)) = short_char(bytes, at) {
            if matches!(table.get(code), Some(&Small::One(ch)) if ch as usize == code) {
                at += len;
                continue;
            }
        }
        text.push_str(&s[copied..at]);
        let c = s[at..].chars().next().unwrap_or('\u{FFFD}');
        match map_fast(table, c) {
            Mapped::Attach | Mapped::Drop => {}
            Mapped::One(ch) => text.push(ch),
            Mapped::Many(expansion) => text.push_str(expansion),
        }
        at += c.len_utf8();
        copied = at;
    }
    text.push_str(&s[copied..]);
    text
}

#[cfg(test)]
mod tests {
    use super::super::char_map::map_char;
    use super::super::segment::is_terminator;
    use super::*;

    fn slice(original: &str, range: (usize, usize)) -> String {
        original.chars().skip(range.0).take(range.1 - range.0).collect()
    }

    #[test]
    fn folds_orthographic_variants() {
        assert_eq!(normalize_word("أمريكي"), normalize_word("امريكي"));
        assert_eq!(normalize_word("مُسْتَشْفَى"), "مستشفي");
        assert_eq!(normalize_word("الـــقوات"), "القوات");
        assert_eq!(normalize_word("الحكومة"), "الحكومه");
        assert_eq!(normalize_word("مسؤول"), "مسوول");
        assert_eq!(normalize_word("٢٠٢٤"), "2024");
        assert_eq!(normalize_word("«قال»"), "\"قال\"");
        assert_eq!(normalize_word("ایران"), "ايران");
        assert_eq!(normalize_word("CNN"), "cnn");
    }

    #[test]
    fn presentation_forms_fold_to_letters() {
        assert_eq!(normalize_word("ﻻ"), "لا");
        assert_eq!(normalize_word("\u{FDF2}"), "الله");
        assert_eq!(normalize_word("\u{FEE3}\u{FEB4}\u{FEE8}"), "مسن");
    }

    #[test]
    fn a_word_normalizes_as_a_text_does() {
        // Stretches of characters that stay themselves (copied in one
        // piece) meet changed ones at either end and in the middle.
        let runs = ["ب", "ة", "بة", "ةب", "أبوب", "كتب أحمد إلى", "abcD", "Dabc", "x.y؟ z\n"];
        for s in ["  قالَ الوزيرُ: «نعم»  ", "ﻻ\r\nنريد", "\u{064B}ا\u{200B}ب", "CNN ٢٠٢٤", ""].into_iter().chain(runs)
        {
            assert_eq!(normalize_word(s), NormText::new(s.trim()).text, "{s:?}");
        }
    }

    #[test]
    fn a_word_normalizes_as_its_characters_map() {
        let by_definition = |s: &str| {
            s.trim().chars().fold(String::new(), |mut out, c| {
                match map_char(c) {
                    Mapped::Attach | Mapped::Drop => {}
                    Mapped::One(ch) => out.push(ch),
                    Mapped::Many(expansion) => out.push_str(expansion),
                }
                out
            })
        };
        for s in ["", "ب", "ة", "أبوب", "قالَ الوزيرُ", "ﻻ ﷲ ب\u{200B}ت", "İstanbul ÀÉ 😀é", "٢٠٢٤ «نعم»", " CNN\tx "]
        {
            assert_eq!(normalize_word(s), by_definition(s), "{s:?}");
        }
    }

    #[test]
    fn drops_format_controls() {
        assert_eq!(normalize_word("قو\u{200B}ات\u{200F}"), "قوات");
    }

    #[test]
    fn offsets_cover_dropped_marks() {
        let original = "قالَ الوزيرُ: نعم";
        let norm = NormText::new(original);
        let start = norm.text.find("الوزير").unwrap();
        let end = start + "الوزير".len();
        // The trailing damma belongs to the word.
        assert_eq!(slice(original, norm.to_original(start, end)), "الوزيرُ");
    }

    #[test]
    fn offsets_survive_expansion_and_crlf() {
        let original = "ﻻ\r\nنريد";
        let norm = NormText::new(original);
        assert_eq!(norm.text, "لا\nنريد");
        let at = norm.text.find("نريد").unwrap();
        assert_eq!(slice(original, norm.to_original(at, norm.text.len())), "نريد");
        assert_eq!(slice(original, norm.to_original(0, 2)), "ﻻ");
    }

    #[test]
    fn original_bytes_are_the_char_boundaries() {
        for text in ["", "abc", "قالَ CNN «٢٠٢٤» 😀 é", "ﻻ\r\n\u{200B}"] {
            let norm = NormText::new(text);
            let by_chars: Vec<usize> = text.char_indices().map(|(i, _)| i).chain(std::iter::once(text.len())).collect();
            let ours: Vec<usize> = (0..by_chars.len()).map(|i| norm.original_byte(text, i)).collect();
            assert_eq!(ours, by_chars, "{text:?}");
            assert_eq!(norm.original_byte(text, by_chars.len() + 5), text.len(), "past the end is the end");
        }
    }

    #[test]
    fn words_found_while_writing_are_the_words_of_the_text() {
        let texts =
            ["", "قالَ الوزيرُ: «نعم» ولا", "ﻻ نريد ﷲ CNN ٢٠٢٤-06 é😀ب\u{200B}ت", "İstanbul ÀÉ Ⱥx Σ", "\u{064B}ا\u{0640}ب  \r\n\t ؟!", "word"];
        for text in texts {
            let norm = NormText::new(text);
            assert_eq!(norm.words, super::super::words(&norm.text, 0, norm.text.len()), "{text:?}");
            let terminators: Vec<u32> = norm.text.char_indices().filter(|&(_, c)| is_terminator(c)).map(|(i, _)| i as u32).collect();
            assert_eq!(norm.terminators, terminators, "{text:?}");
        }
    }

    /// The offset map by definition, one span per byte of the normalized
    /// text, as the normalizer kept it before the map was made sparse.
    fn spans_per_byte(original: &str) -> Vec<(usize, usize)> {
        let mut spans: Vec<(usize, usize)> = Vec::new();
        let mut last_char_at = None;
        let mut pending = None;
        for (i, c) in original.chars().enumerate() {
            let mut emit = |ch: char, start: usize, spans: &mut Vec<(usize, usize)>| {
                last_char_at = Some(spans.len());
                spans.extend(std::iter::repeat_n((start, i + 1), ch.len_utf8()));
            };
            match map_char(c) {
                Mapped::One(ch) => emit(ch, pending.take().unwrap_or(i), &mut spans),
                Mapped::Many(expansion) => {
                    let start = pending.take().unwrap_or(i);
                    expansion.chars().for_each(|ch| emit(ch, start, &mut spans));
                }
                Mapped::Attach => match last_char_at {
                    Some(at) => spans[at..].iter_mut().for_each(|span| span.1 = i + 1),
                    None => {
                        pending.get_or_insert(i);
                    }
                },
                Mapped::Drop => {}
            }
        }
        spans
    }

    #[test]
    fn the_sparse_map_answers_as_a_span_per_byte() {
        let long_run = "قالت الحكومة العراقية ان انسحاب القوات الاجنبية من البلاد يجب ان يتم وفق جدول زمني واضح ومعلن";
        let texts = [
            "",
            "\u{064B}\u{064B}قال",
            "قالَ الوزيرُ: «نعم» ولا",
            "ﻻَ ﻷ\u{0651}ب ﷲ",
            "ب\u{200B}\u{064E}ت\u{0640}\u{0640}ث",
            "٢٠٢٤ “اتفاق” ‹x› ٫٬",
            "İstanbul ÀÉ Ⱥx Σ 😀é",
            "a\r\nb\u{2028}c\td\u{00A0}e",
            long_run,
            &long_run.repeat(3),
            &format!("{long_run}\u{064F}{long_run}\u{200F}{long_run}"),
            // Runs split every 64 bytes inside stretches that also hold
            // letters written as others of their length (ة, أ, ى).
            &"قالت الحكومة أن القوة على ".repeat(9),
            &format!("{}\u{064E}{}ى", "ة".repeat(31), "أ".repeat(40)),
        ];
        for text in texts {
            let norm = NormText::new(text);
            let spans = spans_per_byte(text);
            assert_eq!(spans.len(), norm.text.len(), "{text:?}");
            let chars = text.chars().count();
            let by_chars: Vec<usize> = text.char_indices().map(|(i, _)| i).chain(std::iter::once(text.len())).collect();
            for start in 0..=norm.text.len() + 1 {
                for end in start..=norm.text.len() + 1 {
                    let expected = if start >= end || start >= spans.len() {
                        let at = spans.get(start).map_or(chars, |s| s.0);
                        (at, at)
                    } else {
                        (spans[start].0, spans[end.min(spans.len()) - 1].1)
                    };
                    assert_eq!(norm.to_original(start, end), expected, "{text:?} {start}..{end}");
                    let bytes = (by_chars[expected.0], by_chars[expected.1]);
                    assert_eq!(norm.to_original_bytes(start, end), bytes, "{text:?} bytes of {start}..{end}");
                }
            }
            for (index, &byte) in by_chars.iter().enumerate() {
                assert_eq!(norm.original_byte(text, index), byte, "{text:?} code point {index}");
            }
            assert_eq!(norm.original_len(), chars);
        }
    }

    #[test]
    fn empty_text_maps_to_empty() {
        let norm = NormText::new("");
        assert_eq!(norm.to_original(0, 0), (0, 0));
        assert_eq!(norm.original_len(), 0);
    }
}
