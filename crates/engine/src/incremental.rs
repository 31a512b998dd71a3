//! Analysis again after an edit, redoing only the articles that changed.
//!
//! The widget analyses every article again whenever typing pauses, but an
//! edit changes one article: with forty of them open, thirty-nine would be
//! read again for nothing. An article's analysis is a pure function of its
//! id and text (the lexicon is fixed), so the analyses of the previous
//! request are kept and reused for every article that comes back unchanged.
//! Only the last request's articles are kept, so the memory held is at most
//! one more copy of what the request itself holds.

use std::collections::HashMap;
use std::hash::Hasher;

use crate::matcher::{BuildFastHasher, FastHasher};
use crate::{analyze_document, Document, DocumentAnalysis, MatrixBuilder, StanceMatrix};

/// An article of the last request with its analysis.
#[derive(Debug)]
struct Kept {
    id: String,
    text: String,
    analysis: DocumentAnalysis,
}

/// The analyses of the last request's articles, by a print of their id and
/// text. The text is hashed once per article and request, with the
/// matcher's hasher: keyed by `(String, String)` under SipHash, a request
/// hashed every text two or three times (to find it, then to keep it), a
/// few milliseconds a megabyte in the browser. A print only finds
/// candidates: an article is reused when its id and text are equal too.
#[derive(Debug, Default)]
pub struct Reanalysis {
    last: HashMap<u64, Vec<Kept>, BuildFastHasher>,
}

/// The print of an article: its id, a separator no UTF-8 text holds, its text.
fn print_of(document: &Document) -> u64 {
    let mut hasher = FastHasher::default();
    hasher.write(document.id.as_bytes());
    hasher.write_u8(0xFF);
    hasher.write(document.text.as_bytes());
    hasher.finish()
}

/// Whether two texts are the same, eight bytes at a time (the byte-wise
/// comparison is what wasm gets otherwise, and a request compares every
/// unchanged article in full).
fn same_text(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let word = |chunk: &[u8]| chunk.try_into().map_or(0, u64::from_ne_bytes);
    let (mut x, mut y) = (a.chunks_exact(8), b.chunks_exact(8));
    x.by_ref().zip(y.by_ref()).all(|(p, q)| word(p) == word(q)) && x.remainder() == y.remainder()
}

impl Kept {
    fn is(&self, document: &Document) -> bool {
        self.id == document.id && same_text(&self.text, &document.text)
    }
}

impl Reanalysis {
    /// The stance matrix of `documents`, equal to [`crate::analyze`]'s,
    /// analysing only the articles not in the previous call.
    pub fn analyze(&mut self, documents: &[Document]) -> StanceMatrix {
        self.analyze_counting(documents).0
    }

    /// As [`Reanalysis::analyze`], with how many articles were analysed afresh.
    pub fn analyze_counting(&mut self, documents: &[Document]) -> (StanceMatrix, usize) {
        let mut builder = MatrixBuilder::default();
        let mut kept: HashMap<u64, Vec<Kept>, BuildFastHasher> =
            HashMap::with_capacity_and_hasher(documents.len(), BuildFastHasher::default());
        let mut fresh = 0;
        for document in documents {
            let print = print_of(document);
            // Twice in this request: the first one's analysis again.
            if let Some(again) = kept.get(&print).and_then(|same| same.iter().find(|k| k.is(document))) {
                builder.add_ref(&again.analysis);
                continue;
            }
            let before = self.last.get_mut(&print).and_then(|same| same.iter().position(|k| k.is(document)).map(|at| same.swap_remove(at)));
            let article = before.unwrap_or_else(|| {
                fresh += 1;
                Kept { id: document.id.clone(), text: document.text.clone(), analysis: analyze_document(&document.id, &document.text) }
            });
            builder.add_ref(&article.analysis);
            kept.entry(print).or_default().push(article);
        }
        self.last = kept;
        (builder.finish(), fresh)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docs(texts: &[(&str, &str)]) -> Vec<Document> {
        texts.iter().map(|(id, text)| Document::new(*id, *text)).collect()
    }

    fn json(matrix: &StanceMatrix) -> String {
        serde_json::to_string(matrix).unwrap_or_default()
    }

    #[test]
    fn edits_give_what_a_fresh_analysis_gives() {
        let a = "وطالب البرلمان العراقي بانسحاب القوات الأمريكية.";
        let b = "ورفض وزير الدفاع الأمريكي الانسحاب من العراق.";
        let c = "وقال رئيس الوزراء إن انسحاب القوات مرهون بجاهزية القوات العراقية.";
        let steps = [
            docs(&[("a", a), ("b", b)]),
            docs(&[("a", a), ("b", c)]),
            docs(&[("a", a), ("b", c), ("c", c)]),
            docs(&[("b", c), ("a", a), ("a", a)]),
            docs(&[]),
            docs(&[("a", b)]),
        ];
        let mut again = Reanalysis::default();
        let mut fresh_counts = Vec::new();
        for step in &steps {
            let (matrix, fresh) = again.analyze_counting(step);
            assert_eq!(json(&matrix), json(&crate::analyze(step)));
            fresh_counts.push(fresh);
        }
        // Only what changed is read again: the edited article, a new id,
        // nothing for a reordering with a repeat, the one after an empty list.
        assert_eq!(fresh_counts, [2, 1, 1, 0, 0, 1]);
    }

    #[test]
    fn texts_compare_in_full() {
        let long = "انسحاب القوات الأمريكية من العراق".repeat(3);
        assert!(same_text(&long, &long.clone()));
        assert!(same_text("", ""));
        assert!(same_text("abc", "abc"));
        assert!(!same_text("abc", "abd"), "a difference in the tail after the last eight bytes");
        assert!(!same_text("abcdefgh1", "abcdefgx1"), "a difference in a full word");
        assert!(!same_text(&long, &long[..long.len() - 2]), "a different length");
        let mut changed = long.clone().into_bytes();
        changed[17] ^= 1;
        assert!(!same_text(&long, &String::from_utf8_lossy(&changed)));
    }

    /// Two articles whose prints collide are still told apart by their text.
    #[test]
    fn a_colliding_print_is_never_reused() {
        let (a, b) = ("طالب البرلمان بانسحاب القوات الأجنبية.", "رفضت الحكومة الانسحاب.");
        let doc = Document::new("x", b);
        let mut again = Reanalysis::default();
        let stale = Kept { id: "x".into(), text: a.into(), analysis: analyze_document("x", a) };
        again.last.insert(print_of(&doc), vec![stale]);
        let (matrix, fresh) = again.analyze_counting(std::slice::from_ref(&doc));
        assert_eq!(fresh, 1);
        assert_eq!(json(&matrix), json(&crate::analyze(&[doc])));
    }
}
