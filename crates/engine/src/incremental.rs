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

use crate::{analyze_document, Document, DocumentAnalysis, MatrixBuilder, StanceMatrix};

/// The analyses of the last request's articles, by id and text.
#[derive(Debug, Default)]
pub struct Reanalysis {
    last: HashMap<(String, String), DocumentAnalysis>,
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
        let mut kept = HashMap::with_capacity(documents.len());
        let mut fresh = 0;
        for document in documents {
            let key = (document.id.clone(), document.text.clone());
            let analysis = match self.last.remove(&key).or_else(|| kept.get(&key).cloned()) {
                Some(analysis) => analysis,
                None => {
                    fresh += 1;
                    analyze_document(&document.id, &document.text)
                }
            };
            builder.add(analysis.clone());
            kept.insert(key, analysis);
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
}
