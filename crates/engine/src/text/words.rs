//! Words and their clitic-stripped keys.
//!
//! Arabic glues conjunctions (و، ف), prepositions (ب، ل، ك) and the article
//! (ال) to the front of words: "وللقوات" is و + ل + ال + قوات. Lexicon entries
//! are written bare, and a word matches an entry when one of its keys equals
//! the entry's key. A stripped reading must keep at least two letters, and the
//! unstripped word is always a key too, so "وزير" still matches itself.

use std::borrow::Cow;

use super::variants::{fold_variants, folded, holds_variant};

/// A word as a byte range of the normalized text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// Whether a character belongs to a word: `char::is_alphanumeric`, with the
/// Arabic block answered from a table built from that same function, since
/// Arabic letters miss the standard library's fast path for ASCII.
pub fn is_word_char(c: char) -> bool {
    let code = c as u32;
    if (0x0600..0x0700).contains(&code) {
        return arabic_word_chars()[(code - 0x0600) as usize];
    }
    c.is_alphanumeric()
}

/// Which characters of the Arabic block U+0600–U+06FF are word characters.
fn arabic_word_chars() -> &'static [bool; 256] {
    static ARABIC: std::sync::OnceLock<[bool; 256]> = std::sync::OnceLock::new();
    ARABIC.get_or_init(|| std::array::from_fn(|i| char::from_u32(0x0600 + i as u32).is_some_and(char::is_alphanumeric)))
}

/// The words of `text[from..to]` (byte offsets on character boundaries).
///
/// Read byte by byte: ASCII and the Arabic block (two-byte sequences led by
/// 0xD8–0xDB) are decided without decoding a `char`, the rest as
/// [`is_word_char`] says.
pub fn words(text: &str, from: usize, to: usize) -> Vec<Word> {
    let bytes = text.as_bytes();
    let arabic = arabic_word_chars();
    let mut out = Vec::with_capacity((to - from) / 8);
    let mut start: Option<usize> = None;
    let mut at = from;
    while at < to {
        let lead = bytes[at];
        let (word_char, len) = match lead {
            0..0x80 => (lead.is_ascii_alphanumeric(), 1),
            0xD8..=0xDB => (arabic[(usize::from(lead & 0x03) << 6) | usize::from(bytes[at + 1] & 0x3F)], 2),
            _ => {
                let c = text[at..].chars().next().unwrap_or(' ');
                (is_word_char(c), c.len_utf8())
            }
        };
        match (word_char, start) {
            (true, None) => start = Some(at),
            (false, Some(s)) => {
                out.push(Word { start: s, end: at });
                start = None;
            }
            _ => {}
        }
        at += len;
    }
    if let Some(s) = start {
        out.push(Word { start: s, end: to });
    }
    out
}

/// Minimum letters a stem must keep after a clitic is stripped.
const MIN_STEM: usize = 2;

fn strip<'a>(word: &'a str, prefix: &str) -> Option<&'a str> {
    word.strip_prefix(prefix).filter(|rest| rest.chars().count() >= MIN_STEM)
}

/// Removes the article, if any, so that "القوات" and "قوات" share a key.
pub fn without_article(word: &str) -> &str {
    strip(word, "ال").unwrap_or(word)
}

/// The key of a bare (clitic-free) normalized word: no article, variants
/// folded. Borrowed from the word unless a variant needs folding: actor
/// finding compares keys for every mention and almost never needs a copy.
pub fn match_key(word: &str) -> Cow<'_, str> {
    folded(without_article(word))
}

/// The keys of one normalized word: the article-free forms of every reading
/// of its proclitics, the word itself first. At most a handful per word.
pub fn word_keys(word: &str) -> Vec<String> {
    // Every reading is a suffix of the word: at most the word, one
    // conjunction reading and a future-prefix reading of each.
    let mut readings: [&str; 6] = [word; 6];
    let mut count = 1;
    // Conjunction: و or ف.
    for conj in ["و", "ف"] {
        if let Some(rest) = strip(word, conj) {
            readings[count] = rest;
            count += 1;
        }
    }
    // The future prefix س before an imperfect verb: "ستواصل" is س + تواصل.
    let plain = count;
    for i in 0..plain {
        if let Some(rest) = strip(readings[i], "س").filter(|r| r.starts_with(['ي', 'ت', 'ن', 'ا']) && r.chars().count() >= 3) {
            readings[count] = rest;
            count += 1;
        }
    }
    // Keys are suffixes of the word, so a word without a variant stem needs
    // no folding in any of them (and no copy for a key already listed).
    let fold = holds_variant(word);
    let mut keys: Vec<String> = Vec::with_capacity(4);
    for &reading in &readings[..count] {
        let mut push = |k: &str| {
            if fold {
                let k = fold_variants(k);
                if !keys.contains(&k) {
                    keys.push(k);
                }
            } else if !keys.iter().any(|key| key == k) {
                keys.push(k.to_string());
            }
        };
        push(without_article(reading));
        // لل = ل + ال ("للقوات").
        if let Some(rest) = strip(reading, "لل") {
            push(rest);
        }
        // Preposition before the article: بال، كال، لال is rare but seen.
        for prep in ["ب", "ل", "ك"] {
            if let Some(rest) = strip(reading, prep) {
                if let Some(stem) = strip(rest, "ال") {
                    push(stem);
                } else if prep != "ك" {
                    // Preposition on an indefinite noun or a name: "بواشنطن", "لبغداد".
                    push(rest);
                }
            }
        }
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(text: &str) -> Vec<&str> {
        words(text, 0, text.len()).iter().map(|w| &text[w.start..w.end]).collect()
    }

    #[test]
    fn the_byte_reader_splits_as_characters_do() {
        let text = "قالَ CNN: «٢٠٢٤» ایران—ﻻ ٫ é😀ب\u{200B}ت ﷲ end";
        let by_chars: Vec<&str> = text.split(|c: char| !is_word_char(c)).filter(|w| !w.is_empty()).collect();
        assert_eq!(list(text), by_chars);
        let mid = text.find("ایران").unwrap_or(0);
        let part: Vec<&str> = words(text, mid, text.len()).iter().map(|w| &text[w.start..w.end]).collect();
        assert_eq!(part, by_chars[by_chars.iter().position(|w| *w == "ایران").unwrap_or(0)..]);
    }

    #[test]
    fn the_arabic_fast_path_agrees_with_the_standard_library() {
        for code in 0x0600..0x0700 {
            let c = char::from_u32(code).unwrap_or(' ');
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "U+{code:04X}");
        }
    }

    #[test]
    fn words_split_on_punctuation_and_quotes() {
        assert_eq!(list("قال \"واشنطن\"، 2024."), vec!["قال", "واشنطن", "2024"]);
    }

    #[test]
    fn keys_strip_clitics() {
        assert!(word_keys("وللقوات").contains(&"قوات".to_string()));
        assert!(word_keys("بالانسحاب").contains(&"انسحاب".to_string()));
        assert!(word_keys("والعراق").contains(&"عراق".to_string()));
        assert!(word_keys("فقال").contains(&"قال".to_string()));
        assert!(word_keys("لواشنطن").contains(&"واشنطن".to_string()));
        assert!(word_keys("وستواصل").contains(&"تواصل".to_string()));
        assert!(word_keys("سينسحب").contains(&"ينسحب".to_string()));
    }

    #[test]
    fn keys_keep_the_word_itself_first() {
        assert_eq!(word_keys("وزير")[0], "وزير");
        assert_eq!(word_keys("القوات")[0], "قوات");
    }

    #[test]
    fn short_words_keep_their_letters() {
        // "ولي" must not become "لي" + conjunction, nor "لا" lose its lam.
        assert_eq!(word_keys("لا"), vec!["لا"]);
        assert!(!word_keys("ال").is_empty());
    }
}
