//! Properties that hold for any input: no panic, evidence that is always the
//! exact code-point slice of its document, and deterministic output.

use proptest::prelude::*;
use stance_engine::{analyze, Document, StanceMatrix};

/// Words and marks that exercise the analyzer: actors, verbs, cues, negators,
/// clitics, quotes, punctuation, diacritics, format controls and other scripts.
const PIECES: &[&str] = &[
    "قال",
    "وقال",
    "أكد",
    "وأضاف",
    "بحسب",
    "وفقا",
    "لـ",
    "إن",
    "أن",
    "لا",
    "لم",
    "لن",
    "ليس",
    "عدم",
    "ما لم",
    "بشرط",
    "يطالب",
    "يرفض",
    "نريد",
    "بحاجة",
    "إلى",
    "انسحاب",
    "القوات",
    "الأمريكية",
    "الأميركية",
    "الأجنبية",
    "التحالف",
    "الدولي",
    "واشنطن",
    "طهران",
    "البرلمان",
    "العراقي",
    "الحكومة",
    "الكاظمي",
    "مسؤول",
    "أمريكي",
    "الخبير",
    "الأمني",
    "سرمد",
    "البياتي",
    "الفصائل",
    "المسلحة",
    "الموالية",
    "لإيران",
    "الأكراد",
    "والسنة",
    "التي",
    "الذي",
    "ومنهم",
    "على رأسها",
    "بيان",
    "تحذيرات",
    "،",
    ".",
    "؟",
    ":",
    "؛",
    "\"",
    "“",
    "”",
    "«",
    "»",
    "(",
    ")",
    "-",
    "\n",
    "\r\n",
    " ",
    "  ",
    "ـــ",
    "َ",
    "ّ",
    "\u{200f}",
    "\u{200b}",
    "\u{202e}",
    "ﻻ",
    "ﷲ",
    "ی",
    "ک",
    "ۀ",
    "٣",
    "2024",
    "😀",
    "é",
    "e\u{301}",
    "<b>",
    "&amp;",
    "Washington",
    "\t",
];

fn arabicish() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..120).prop_map(|v| v.join(" "))
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![arabicish(), any::<String>(), prop::collection::vec(any::<char>(), 0..200).prop_map(|v| v.into_iter().collect())]
}

fn check_evidence(docs: &[Document], m: &StanceMatrix) -> Result<(), TestCaseError> {
    prop_assert_eq!(m.documents.len(), docs.len());
    for (doc, summary) in docs.iter().zip(&m.documents) {
        prop_assert_eq!(summary.chars, doc.text.chars().count());
    }
    for actor in &m.actors {
        prop_assert!(!actor.name.trim().is_empty());
        for cell in &actor.cells {
            let i = m.documents.iter().position(|d| d.id == cell.document);
            prop_assert!(i.is_some(), "cell for unknown document {}", cell.document);
            let text = &docs[i.unwrap_or_default()].text;
            prop_assert!((0.0..=1.0).contains(&cell.confidence));
            if cell.stance != stance_engine::Stance::None {
                prop_assert!(!cell.evidence.is_empty());
            }
            for e in &cell.evidence {
                prop_assert!(e.start < e.end && e.end <= text.chars().count());
                let slice: String = text.chars().skip(e.start).take(e.end - e.start).collect();
                prop_assert_eq!(&slice, &e.text);
                if let Some((s, end)) = e.cue_span {
                    // The cue's own span lies inside the evidence and spells the cue.
                    prop_assert!(e.start <= s && s < end && end <= e.end);
                    let cue: String = text.chars().skip(s).take(end - s).collect();
                    prop_assert_eq!(&cue, &e.cue);
                }
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_text_analyzes_with_exact_evidence(text in any_text()) {
        let docs = vec![Document::new("d", text)];
        let m = analyze(&docs);
        check_evidence(&docs, &m)?;
    }

    #[test]
    fn any_list_of_documents_analyzes_with_exact_evidence(texts in prop::collection::vec(any_text(), 0..5)) {
        let docs: Vec<Document> = texts.into_iter().enumerate().map(|(i, t)| Document::new(format!("d{i}"), t)).collect();
        let m = analyze(&docs);
        check_evidence(&docs, &m)?;
    }

    #[test]
    fn output_is_deterministic(text in arabicish()) {
        let docs = vec![Document::new("d", text)];
        prop_assert_eq!(analyze(&docs), analyze(&docs));
    }

    #[test]
    fn a_document_given_twice_gets_the_same_cells(text in arabicish()) {
        let m = analyze(&[Document::new("a", text.clone()), Document::new("a", text)]);
        for actor in &m.actors {
            let first: Vec<_> = actor.cells.iter().filter(|c| c.document == "a").map(|c| (c.stance, c.confidence, c.evidence.clone())).collect();
            let second: Vec<_> = actor.cells.iter().filter(|c| c.document == "a (2)").map(|c| (c.stance, c.confidence, c.evidence.clone())).collect();
            prop_assert_eq!(first, second);
        }
    }
}
