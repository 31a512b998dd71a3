//! Reader comments under an article, each signed on a line of its own
//! ("النورس المهاجر -", "عدنان احسان- امريكا -"). The signer is an actor of
//! kind `public`, and the comment around the signature is theirs: the title
//! line just above it and the body below, up to the next comment's title.

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

/// Words in a signer's name, at most.
const MAX_NAME_WORDS: usize = 4;
/// Words in the place after the name ("- بغداد -"), at most.
const MAX_PLACE_WORDS: usize = 2;

fn is_letter(c: char) -> bool {
    ('\u{0621}'..='\u{064A}').contains(&c)
}

/// A run of at least two Arabic letters.
fn is_name_word(word: &str) -> bool {
    word.chars().count() >= 2 && word.chars().all(is_letter)
}

/// If `line` holds only a short name, a dash, and optionally a place and a
/// dash ("النورس المهاجر -", "عدنان احسان- امريكا -"), the byte range of the
/// name within the line.
///
/// Hand-written rather than a regex: it is the engine's only pattern, and
/// the regex crate would triple the size of the widget's WebAssembly.
fn signature_name(line: &str) -> Option<(usize, usize)> {
    // Nearly every line of a text holds no dash: it is no signature, and
    // nothing needs splitting or counting.
    let (name, rest) = line.split_once('-')?;
    let trailing_ok = match rest.split_once('-') {
        // "name -"
        None => rest.trim().is_empty(),
        // "name - place -" (a third dash leaves `end` non-blank)
        Some((place, end)) => end.trim().is_empty() && is_name_run(place, MAX_PLACE_WORDS),
    };
    if !trailing_ok || !is_name_run(name, MAX_NAME_WORDS) {
        return None;
    }
    let start = name.len() - name.trim_start().len();
    Some((start, name.trim_end().len()))
}

/// Whether `text` is one to `max_words` space-separated name words, counted
/// without collecting them.
fn is_name_run(text: &str, max_words: usize) -> bool {
    let mut count = 0;
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        count += 1;
        if count > max_words || !is_name_word(word) {
            return false;
        }
    }
    count > 0
}

/// The lines of `text` (without their line break) that hold a signature,
/// in order. Found from the dashes: every signature line holds one, and a
/// line without one is never read (a text is searched for `-` and only the
/// lines around its dashes are looked at).
fn lines_with_signature(text: &str) -> impl Iterator<Item = &str> {
    let mut from = 0;
    std::iter::from_fn(move || loop {
        let dash = from + text.get(from..)?.find('-')?;
        let start = text[..dash].rfind('\n').map_or(0, |at| at + 1);
        let end = text[dash..].find('\n').map_or(text.len(), |at| dash + at);
        from = end + 1;
        let line = &text[start..end];
        if signature_name(line).is_some() {
            return Some(line);
        }
    })
}

/// Fewer signature lines than this and a "name -" line is more likely a dateline.
const MIN_SIGNATURES: usize = 2;

/// Finds the signed comments of a document.
pub fn find(doc: &Prepared) -> Vec<SignedComment> {
    let text = doc.norm.text.as_str();
    // Nearly every text holds no signature line: count them (the same
    // lines as below) before laying out every line.
    if lines_with_signature(text).take(MIN_SIGNATURES).count() < MIN_SIGNATURES {
        return Vec::new();
    }
    let mut lines: Vec<(usize, usize)> = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        lines.push((at, at + line.trim_end_matches('\n').len()));
        at += line.len();
    }
    let signatures: Vec<usize> =
        lines.iter().enumerate().filter(|(_, (a, b))| signature_name(&text[*a..*b]).is_some()).map(|(i, _)| i).collect();
    if signatures.len() < MIN_SIGNATURES {
        return Vec::new();
    }
    let title_of = |sig: usize| (0..sig).rev().find(|&j| !text[lines[j].0..lines[j].1].trim().is_empty());
    let mut out = Vec::new();
    for (k, &sig) in signatures.iter().enumerate() {
        let Some((from, to)) = signature_name(&text[lines[sig].0..lines[sig].1]) else { continue };
        let (name_start, name_stop) = (lines[sig].0 + from, lines[sig].0 + to);
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
            .map(|c| (doc.original_of_words(c.name_first, c.name_end).to_string(), doc.norm.text[c.start..c.end].trim().to_string()))
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
    fn the_lines_found_from_dashes_are_the_signature_lines() {
        for text in ["", "-", "a -\nب -\n", "النورس المهاجر -\nنص\nعدنان احسان- امريكا -\n-\nx-y-z\nسعد -", "\n\n- -\nقال - نعم"]
        {
            let by_lines: Vec<&str> = text.split('\n').filter(|line| signature_name(line).is_some()).collect();
            assert_eq!(lines_with_signature(text).collect::<Vec<_>>(), by_lines, "{text:?}");
        }
    }

    #[test]
    fn signature_lines() {
        assert_eq!(signature_name("النورس المهاجر -"), Some((0, "النورس المهاجر".len())));
        assert_eq!(signature_name("عدنان احسان- امريكا -"), Some((0, "عدنان احسان".len())));
        assert!(signature_name("قال الوزير - في بيان - إن الخطة جاهزة").is_none());
        assert!(signature_name("سامر 2024 -").is_none());
        assert!(signature_name("-").is_none());
        assert!(signature_name("بغداد - قال مسؤول").is_none());
        assert!(signature_name("سامر - بغداد - -").is_none());
        assert!(signature_name("سامر - - ").is_none());
        assert!(signature_name(" ا ب ج د ه -").is_none());
        assert_eq!(signature_name(" سامر الحلو-  "), Some((1, 1 + "سامر الحلو".len())));
        assert_eq!(signature_name("سامر - عين التمر -"), Some((0, "سامر".len())));
    }

    #[test]
    fn a_single_dateline_is_not_a_comment() {
        assert!(comments("بغداد -\nقال مسؤول إن الوضع هادئ").is_empty());
    }
}
