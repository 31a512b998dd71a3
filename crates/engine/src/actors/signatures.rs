//! Reader comments under an article, each signed on a line of its own
//! ("النورس المهاجر -", "عدنان احسان- امريكا -"). The signer is an actor of
//! kind `public`, and the comment around the signature is theirs: the title
//! line just above it and the body below, up to the next comment's title.

use std::sync::OnceLock;

use regex::Regex;

use crate::document::Prepared;

/// One signed comment, in byte offsets of the normalized text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SignedComment {
    /// First word of the signer's name.
    pub name_first: usize,
    /// One past its last word.
    pub name_end: usize,
    /// Where the comment starts (its title line).
    pub start: usize,
    /// Where it ends.
    pub end: usize,
}

/// A line holding only a short name, a dash, and optionally a place and a
/// dash. The normalized text has plain spaces only, and the regex crate is
/// built without Unicode classes, so the pattern names its letters by range.
fn signature_line() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| {
        let word = r"[\x{0621}-\x{064A}]{2,}";
        Regex::new(&format!(r"^ *({word}(?: {word}){{0,3}}) ?- ?(?:{word}(?: {word})? ?- ?)? *$")).ok()
    })
    .as_ref()
}

/// Fewer signature lines than this and a "name -" line is more likely a dateline.
const MIN_SIGNATURES: usize = 2;

/// Finds the signed comments of a document.
pub fn find(doc: &Prepared) -> Vec<SignedComment> {
    let text = doc.norm.text.as_str();
    let mut lines: Vec<(usize, usize)> = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        lines.push((at, at + line.trim_end_matches('\n').len()));
        at += line.len();
    }
    let Some(re) = signature_line() else { return Vec::new() };
    let signatures: Vec<usize> = lines.iter().enumerate().filter(|(_, (a, b))| re.is_match(&text[*a..*b])).map(|(i, _)| i).collect();
    if signatures.len() < MIN_SIGNATURES {
        return Vec::new();
    }
    let title_of = |sig: usize| (0..sig).rev().find(|&j| !text[lines[j].0..lines[j].1].trim().is_empty());
    let mut out = Vec::new();
    for (k, &sig) in signatures.iter().enumerate() {
        let Some(caps) = re.captures(&text[lines[sig].0..lines[sig].1]) else { continue };
        let Some(name) = caps.get(1) else { continue };
        let (name_start, name_stop) = (lines[sig].0 + name.start(), lines[sig].0 + name.end());
        let name_first = doc.words.partition_point(|w| w.start < name_start);
        let name_end = doc.words.partition_point(|w| w.end <= name_stop);
        let start = title_of(sig).filter(|&t| k == 0 || t > signatures[k - 1]).map_or(lines[sig].0, |t| lines[t].0);
        let end = match signatures.get(k + 1) {
            Some(&next) => title_of(next).filter(|&t| t > sig).map_or(lines[next].0, |t| lines[t].0),
            None => text.len(),
        };
        if name_first < name_end {
            out.push(SignedComment { name_first, name_end, start, end });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;

    fn comments(text: &str) -> Vec<(String, String)> {
        let doc = Prepared::new(text, Lexicon::get());
        find(&doc)
            .into_iter()
            .map(|c| {
                let (a, b) = doc.original_range_of_words(c.name_first, c.name_end);
                (doc.original_slice(a, b).to_string(), doc.norm.text[c.start..c.end].trim().to_string())
            })
            .collect()
    }

    #[test]
    fn signed_comments_are_found_with_their_text() {
        let text = "مقال\n\nالتعليقات\nرأي أول\nسامر الحلو -\n\nنص التعليق الأول\n\nرأي ثان\nليلى - بغداد -\n\nنص التعليق الثاني";
        let found = comments(text);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].0, "سامر الحلو");
        assert!(found[0].1.starts_with("راي اول") && found[0].1.ends_with("نص التعليق الاول"), "{found:?}");
        assert_eq!(found[1].0, "ليلى");
        assert!(found[1].1.ends_with("نص التعليق الثاني"));
    }

    #[test]
    fn the_pattern_compiles() {
        assert!(signature_line().is_some());
    }

    #[test]
    fn a_single_dateline_is_not_a_comment() {
        assert!(comments("بغداد -\nقال مسؤول إن الوضع هادئ").is_empty());
    }
}
