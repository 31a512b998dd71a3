//! Sentence splitting on the normalized text.
//!
//! Arabic news punctuates loosely: sentences end in `.`, `؟`, `!`, `…` or just a
//! line break, and closing quotes or brackets often follow the full stop. A
//! sentence here is a byte range of the normalized text, trimmed of spaces.

use super::words::is_word_char;

/// A sentence as a byte range of the normalized text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// The terminators `.`, `!`, `?`, `؟`, `…` and a line break: how many bytes
/// the one at byte `i` of `bytes` takes, if one stands there. Every one
/// starts with a byte that cannot continue a character, so a match is
/// always a whole character.
fn terminator_at(bytes: &[u8], i: usize) -> Option<usize> {
    match bytes[i] {
        b'.' | b'!' | b'?' | b'\n' => Some(1),
        // '؟' is U+061F, '…' is U+2026.
        0xD8 if bytes.get(i + 1) == Some(&0x9F) => Some(2),
        0xE2 if bytes.get(i + 1..i + 3) == Some(&[0x80, 0xA6]) => Some(3),
        _ => None,
    }
}

/// How many bytes the closing mark at byte `i` takes, if one stands there:
/// a quote or bracket, or another terminator other than a line break.
fn closer_at(bytes: &[u8], i: usize) -> Option<usize> {
    match bytes[i] {
        b'"' | b'\'' | b')' | b']' | b'}' => Some(1),
        b'\n' => None,
        _ => terminator_at(bytes, i),
    }
}

/// Bytes that may end a terminator: the ASCII ones and the last bytes of
/// `؟` (D8 9F) and `…` (E2 80 A6). Both trail bytes are rare in normalized
/// Arabic (its letters' lead bytes D8/D9 are everywhere, these are not), so
/// the scan passes over nearly every byte with one load.
const MAY_END_TERMINATOR: [bool; 256] = {
    let mut table = [false; 256];
    let mut k = 0;
    let ends = [b'.', b'!', b'?', b'\n', 0x9F, 0xA6];
    while k < ends.len() {
        table[ends[k] as usize] = true;
        k += 1;
    }
    table
};

/// The terminator whose last byte is byte `i`, as (first byte, length).
fn terminator_ending_at(bytes: &[u8], i: usize) -> Option<(usize, usize)> {
    let start = match bytes[i] {
        b'.' | b'!' | b'?' | b'\n' => i,
        0x9F if i >= 1 => i - 1,
        0xA6 if i >= 2 => i - 2,
        _ => return None,
    };
    terminator_at(bytes, start).filter(|&len| start + len == i + 1).map(|len| (start, len))
}

/// Whether `c` is one of the terminators [`terminator_at`] finds: the
/// normalizer notes where each one is written, so that splitting a document
/// visits only those places.
pub fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '\n' | '؟' | '…')
}

/// Splits normalized text into sentences. Runs in one pass over the bytes
/// of the text, without decoding the characters between terminators.
pub fn sentences(text: &str) -> Vec<Sentence> {
    let bytes = text.as_bytes();
    let ends = (0..bytes.len())
        .filter(|&i| MAY_END_TERMINATOR[bytes[i] as usize])
        .filter_map(|i| terminator_ending_at(bytes, i))
        .map(|(at, _)| at);
    sentences_at(text, ends)
}

/// [`sentences`] of a text whose terminators are known to start at the
/// byte offsets `terminators` (in order, every one of them: each `.`, `!`,
/// `?`, `؟`, `…` and line break), without reading the bytes between them.
pub fn sentences_at(text: &str, terminators: impl IntoIterator<Item = usize>) -> Vec<Sentence> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0usize;
    for at in terminators {
        // Closing marks already taken into the last sentence.
        if at < start {
            continue;
        }
        let Some(len) = terminator_at(bytes, at) else {
            continue;
        };
        // A full stop between digits is a decimal point, not an end.
        if bytes[at] == b'.' {
            let before_digit = at > 0 && bytes[at - 1].is_ascii_digit();
            let after_digit = bytes.get(at + 1).is_some_and(u8::is_ascii_digit);
            if before_digit && after_digit {
                continue;
            }
        }
        let mut end = at + len;
        if bytes[at] != b'\n' {
            while let Some(n) = bytes.get(end).and_then(|_| closer_at(bytes, end)) {
                end += n;
            }
        }
        push_trimmed(text, start, end, &mut out);
        start = end;
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Sentence>) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    // `is_word_char` is `is_alphanumeric` with a table for the Arabic block.
    if trimmed.chars().any(is_word_char) {
        out.push(Sentence { start: start + lead, end: start + lead + trimmed.len() });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).iter().map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn splits_on_arabic_and_latin_terminators() {
        assert_eq!(split("قال نعم. ثم ذهب؟ حسنا!"), vec!["قال نعم.", "ثم ذهب؟", "حسنا!"]);
    }

    #[test]
    fn keeps_closing_quote_with_its_sentence() {
        assert_eq!(split("قال \"لن ننسحب.\" ثم صمت"), vec!["قال \"لن ننسحب.\"", "ثم صمت"]);
    }

    #[test]
    fn line_breaks_end_sentences() {
        assert_eq!(split("عنوان المقال\n\nالنص الاول"), vec!["عنوان المقال", "النص الاول"]);
    }

    #[test]
    fn decimal_points_do_not_split() {
        assert_eq!(split("نمو 3.5 بالمئة. تم"), vec!["نمو 3.5 بالمئة.", "تم"]);
    }

    /// The splitter as it was written over characters, before the byte scan.
    fn by_chars(text: &str) -> Vec<Sentence> {
        let is_terminator = |c: char| matches!(c, '.' | '!' | '?' | '؟' | '…' | '\n');
        let is_closer = |c: char| matches!(c, '"' | '\'' | ')' | ']' | '}' | '.' | '!' | '?' | '؟' | '…');
        let mut out = Vec::new();
        let mut start = 0usize;
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if !is_terminator(c) {
                continue;
            }
            if c == '.' {
                let before_digit = text[..i].chars().next_back().is_some_and(|p| p.is_ascii_digit());
                let after_digit = chars.peek().is_some_and(|&(_, n)| n.is_ascii_digit());
                if before_digit && after_digit {
                    continue;
                }
            }
            let mut end = i + c.len_utf8();
            if c != '\n' {
                while let Some(&(j, n)) = chars.peek() {
                    if is_closer(n) {
                        end = j + n.len_utf8();
                        chars.next();
                    } else {
                        break;
                    }
                }
            }
            push_trimmed(text, start, end, &mut out);
            start = end;
        }
        push_trimmed(text, start, text.len(), &mut out);
        out
    }

    #[test]
    fn the_byte_scan_agrees_with_the_character_walk() {
        let texts = [
            "هل قال؟\" نعم… ربما…\" لا؟",
            "3.\n4",
            "x.\n\"y",
            "نمو 3.5 و4. ثم 5.)! (ب) ؟؟…\n\n.",
            "آخر\u{2026}\u{061F}\u{2025}\u{0620}",
            "قال: «نعم».\nلا",
            "",
            ".",
            "a.b 1.2.3 4..5",
        ];
        for text in texts {
            assert_eq!(sentences(text), by_chars(text), "{text:?}");
            let marked = text.char_indices().filter(|&(_, c)| is_terminator(c)).map(|(i, _)| i);
            assert_eq!(sentences_at(text, marked), by_chars(text), "{text:?}, terminators given");
        }
    }

    #[test]
    fn punctuation_only_gives_nothing() {
        assert!(split("... !!! ؟؟").is_empty());
        assert!(split("").is_empty());
    }
}
