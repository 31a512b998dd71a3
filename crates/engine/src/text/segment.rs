//! Sentence splitting on the normalized text.
//!
//! Arabic news punctuates loosely: sentences end in `.`, `؟`, `!`, `…` or just a
//! line break, and closing quotes or brackets often follow the full stop. A
//! sentence here is a byte range of the normalized text, trimmed of spaces.

/// A sentence as a byte range of the normalized text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '؟' | '…' | '\n')
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | ')' | ']' | '}' | '.' | '!' | '?' | '؟' | '…')
}

/// Splits normalized text into sentences. Runs in one pass over the text.
pub fn sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !is_terminator(c) {
            continue;
        }
        // A full stop between digits is a decimal point, not an end.
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

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Sentence>) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if trimmed.chars().any(|c| c.is_alphanumeric()) {
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

    #[test]
    fn punctuation_only_gives_nothing() {
        assert!(split("... !!! ؟؟").is_empty());
        assert!(split("").is_empty());
    }
}
