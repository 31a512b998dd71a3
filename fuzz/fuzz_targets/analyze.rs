//! Fuzzes the analyzer's entry point: any bytes, split into one to three
//! documents, must analyze without a panic, and every evidence span must be
//! the exact code-point slice of its document.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stance_engine::{analyze, Document};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let docs: Vec<Document> = text.split('\u{1}').take(3).enumerate().map(|(i, t)| Document::new(i.to_string(), t)).collect();
    let matrix = analyze(&docs);
    for actor in &matrix.actors {
        for cell in &actor.cells {
            let doc = docs.iter().find(|d| d.id == cell.document).expect("cell names a document");
            for e in &cell.evidence {
                let slice: String = doc.text.chars().skip(e.start).take(e.end - e.start).collect();
                assert_eq!(slice, e.text, "evidence must be the original slice");
                assert!(e.start < e.end);
            }
        }
    }
});
