//! # stance-engine
//!
//! Finds the actors of Arabic news articles, attributes statements to them
//! and decides each actor's stance on the withdrawal of US / coalition /
//! foreign forces from Iraq, per article, with the evidence behind it.
//!
//! ```
//! use stance_engine::{analyze, Document};
//!
//! let docs = [Document::new("a.txt", "وطالب البرلمان العراقي بانسحاب القوات الأمريكية.")];
//! let matrix = analyze(&docs);
//! assert_eq!(matrix.schema, "stance-matrix/1");
//! let parliament = matrix.actors.iter().find(|a| a.id == "iraq-parliament").unwrap();
//! assert_eq!(parliament.cells[0].stance, stance_engine::Stance::For);
//! ```
//!
//! The pipeline runs one way, one module per stage: [`text`] (normalization
//! with an offset map, sentences, clitic-aware words), [`lexicon`] (the data
//! files), [`actors`], [`attribution`], [`stance`] and [`matrix`]. The output
//! types in [`contract`] serialize to the `stance-matrix/1` contract.

#![deny(missing_docs)]

/// The built-in lexicon, compiled from `crates/engine/data` by the build
/// script (`build.rs`) and read by [`lexicon::Lexicon::get`].
const COMPILED_LEXICON: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon.bin"));

pub mod actors;
pub mod attribution;
pub mod contract;
pub mod dates;
pub mod document;
pub mod incremental;
pub mod lexicon;
pub mod matcher;
pub mod matrix;
pub mod stance;
pub mod text;

pub use contract::{ActorKind, ActorRow, Document, DocumentSummary, Evidence, Overall, Stance, StanceCell, StanceMatrix};

use std::collections::BTreeMap;

use actors::find_actors;
use attribution::attribute;
use document::Prepared;
use lexicon::Lexicon;
pub use matrix::{CellDraft, Finding, MatrixBuilder};
use stance::{document_on_topic, judge_around};

/// Longest title kept in the output, in characters.
const TITLE_CHARS: usize = 160;

/// The first non-empty line of a text, trimmed and shortened.
pub fn title_of(text: &str) -> String {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("");
    let mut title: String = line.chars().take(TITLE_CHARS).collect();
    if line.chars().count() > TITLE_CHARS {
        title.push('…');
    }
    title
}

/// One document's analysis, ready to be merged into a matrix with others.
///
/// Produced independently per document (so a corpus can be analyzed in
/// parallel and streamed), then merged in order by [`MatrixBuilder::add`].
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct DocumentAnalysis {
    /// The document as listed in the output.
    pub summary: DocumentSummary,
    /// Each actor that holds a statement here, with its findings.
    pub cells: Vec<(actors::DocActor, CellDraft)>,
}

/// How far before a statement's content the verb that reports it may stand.
const FORECAST_VERB_REACH: usize = 4;
/// Longest sentence, in code points, that is quoted whole as evidence.
const MAX_EVIDENCE_SENTENCE: usize = 600;
/// Words of context kept on each side of a statement in an over-long sentence.
const EVIDENCE_CONTEXT_WORDS: usize = 12;
/// Longest statement quoted from an over-long sentence, in words.
const MAX_EVIDENCE_WORDS: usize = 80;

/// The span shown as evidence: the whole sentence, which is what an editor
/// wants to read, unless the sentence is unreasonably long (a text without
/// punctuation), where the statement's own words with a little context stand in.
fn evidence_span<'a>(doc: &Prepared<'a>, statement: &attribution::Statement) -> ((usize, usize), &'a str) {
    let whole = doc.original_span_of_sentence(statement.sentence);
    let (start, end) = whole.0;
    if end - start <= MAX_EVIDENCE_SENTENCE {
        return whole;
    }
    let sentence = doc.sentences[statement.sentence];
    let first = statement.first.saturating_sub(EVIDENCE_CONTEXT_WORDS).max(sentence.first_word);
    let stop = (statement.end + EVIDENCE_CONTEXT_WORDS).min(first + MAX_EVIDENCE_WORDS).min(sentence.end_word).max(first + 1);
    doc.original_span_of_words(first, stop.min(doc.words.len()))
}

/// Families that describe what will happen to the forces rather than what
/// anyone wants: that they stay, that they will not leave, that only their
/// mission changes.
const DESCRIPTIVE_FAMILIES: [&str; 7] = ["continue", "denial", "partial", "training", "keep", "combat-only", "plain-withdrawal"];

/// Whether a forecast cue ("يتوقع", "مرجحا") lies within words `first..end`.
fn forecast_cue_in(doc: &Prepared, lexicon: &Lexicon, first: usize, end: usize) -> bool {
    document::within(&doc.cues, first, end).any(|c| lexicon.cue_info[c.phrase].role == lexicon::CueRole::Forecast)
}

/// "يرى الباحث أن عدد الجنود لن يتغير، مرجحا أن يبقى …": an analyst who
/// predicts that the forces stay, or only change their mission, takes no
/// position (the guidelines' forecast). The same words from an official of
/// the forces or of a government are their decision and keep their label;
/// an analyst who judges ("خطأ", "يحذر") keeps it too.
fn observer_forecast(
    doc: &Prepared,
    lexicon: &Lexicon,
    actors: &actors::DocActors,
    statement: &attribution::Statement,
    verdict: &stance::Judgement<'_>,
) -> bool {
    let observers = !statement.holders.is_empty() && statement.holders.iter().all(|&h| actors.actors[h].kind == ActorKind::Expert);
    // The verb of forecasting may open the sentence, before a long title chain.
    let sentence_start = doc.sentences[statement.sentence].first_word;
    let forecast = forecast_cue_in(doc, lexicon, sentence_start.min(statement.first), statement.end);
    observers && forecast && DESCRIPTIVE_FAMILIES.contains(&verdict.family)
}

/// The evidence's rule label, "rule/family", built at its final size in one
/// allocation (`format!` would grow it a few times on the way).
fn rule_label(rule: &str, family: &str) -> String {
    let mut label = String::with_capacity(rule.len() + 1 + family.len());
    label.push_str(rule);
    label.push('/');
    label.push_str(family);
    label
}

/// Analyzes one document.
pub fn analyze_document(id: &str, text: &str) -> DocumentAnalysis {
    let lexicon = Lexicon::get();
    let doc = Prepared::new(text, lexicon);
    let summary = DocumentSummary {
        id: id.to_string(),
        title: title_of(text),
        chars: doc.norm.original_len(),
        date: dates::find_date(text),
        outlet: None,
    };
    let actors = find_actors(&doc, lexicon);
    let on_topic = document_on_topic(&doc, lexicon);
    let mut per_actor: BTreeMap<usize, Vec<Finding>> = BTreeMap::new();
    for statement in attribute(&doc, lexicon, &actors) {
        let mut verdict = judge_around(&doc, lexicon, statement.first, statement.end, on_topic, statement.holder_span);
        // A withdrawal merely mentioned is a position only in the holder's own
        // attributed words, not in a sentence given to them by carry-over, a
        // running quotation, a guessed subject or a reader's comment.
        let own_words = matches!(statement.rule, "speech-verb" | "position-verb" | "source-phrase" | "verbal-noun");
        // Nor when the verb that reports it is a forecast ("يتوقع الخبراء أن تنسحب").
        let forecast_verb = forecast_cue_in(&doc, lexicon, statement.first.saturating_sub(FORECAST_VERB_REACH), statement.first);
        if verdict.family == "plain-withdrawal" && (!own_words || forecast_verb) {
            verdict = stance::Judgement::none();
        }
        if observer_forecast(&doc, lexicon, &actors, &statement, &verdict) {
            verdict = stance::Judgement::none();
        }
        let ((start, end), text) = evidence_span(&doc, &statement);
        let cue_span = verdict.cue.map(|(a, b)| doc.original_span_of_words(a, b));
        let cue_range = cue_span.map(|(range, _)| range);
        let cue = cue_span.map_or(String::new(), |(_, text)| text.to_string());
        let evidence = Evidence {
            start,
            end,
            text: text.to_string(),
            stance: verdict.stance,
            cue,
            cue_span: cue_range.filter(|&(s, e)| start <= s && e <= end),
            rule: rule_label(statement.rule, verdict.family),
        };
        // A position reported in the speaker's own clause weighs less than
        // the speaker's own words.
        let strength = if statement.rule == "reported-position" { verdict.strength * 0.5 } else { verdict.strength };
        // Each holder but the last gets a copy; the last (most often the only
        // one) takes the evidence itself, so that its strings are not copied.
        if let Some((&last, others)) = statement.holders.split_last() {
            for &holder in others {
                per_actor.entry(holder).or_default().push(Finding { stance: verdict.stance, strength, evidence: evidence.clone() });
            }
            per_actor.entry(last).or_default().push(Finding { stance: verdict.stance, strength, evidence });
        }
    }
    // Each actor has one cell at most, so its record moves into the cell, not a copy.
    let mut actors: Vec<Option<actors::DocActor>> = actors.actors.into_iter().map(Some).collect();
    let cells = per_actor
        .into_iter()
        .filter_map(|(actor, findings)| Some((actors[actor].take()?, CellDraft { document: id.to_string(), findings })))
        .collect();
    DocumentAnalysis { summary, cells }
}

/// Analyzes documents and returns the stance matrix.
///
/// Document ids are kept as given, except that a repeated id gets a ` (2)`,
/// ` (3)`… suffix so that every cell names exactly one document.
pub fn analyze(documents: &[Document]) -> StanceMatrix {
    let mut builder = MatrixBuilder::default();
    for document in documents {
        builder.add(analyze_document(&document.id, &document.text));
    }
    builder.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_is_first_non_empty_line() {
        assert_eq!(title_of("\n\n  عنوان  \nنص"), "عنوان");
        assert_eq!(title_of(""), "");
        assert_eq!(title_of(&"ا".repeat(200)).chars().count(), TITLE_CHARS + 1);
    }

    #[test]
    fn repeated_ids_are_made_unique() {
        let m = analyze(&[Document::new("a", "x"), Document::new("a", "y")]);
        assert_eq!(m.documents[0].id, "a");
        assert_eq!(m.documents[1].id, "a (2)");
    }

    #[test]
    fn evidence_is_the_exact_original_slice() {
        let text = "قالَ البرلمانُ العراقيُّ: نُطالبُ بانسحابِ القواتِ الأمريكيةِ. ثم انتهى.";
        let m = analyze(&[Document::new("d", text)]);
        let row = m.actors.iter().find(|a| a.id == "iraq-parliament").expect("parliament found");
        let ev = &row.cells[0].evidence[0];
        let slice: String = text.chars().skip(ev.start).take(ev.end - ev.start).collect();
        assert_eq!(ev.text, slice);
        assert_eq!(row.cells[0].stance, Stance::For);
    }

    #[test]
    fn the_cue_span_points_at_the_cue_that_decided() {
        // "يطالب" twice: the cue is the second, the one with a withdrawal after it.
        let text = "وقال البرلمان العراقي إنه لا يطالب بالمال بل يطالب بانسحاب القوات الأمريكية.";
        let m = analyze(&[Document::new("d", text)]);
        let row = m.actors.iter().find(|a| a.id == "iraq-parliament").expect("parliament found");
        let ev = &row.cells[0].evidence[0];
        let (s, e) = ev.cue_span.expect("the cue lies inside the evidence");
        let cue: String = text.chars().skip(s).take(e - s).collect();
        assert_eq!(cue, ev.cue);
        assert!(text.chars().take(s).collect::<String>().contains("بالمال"), "the second occurrence: {ev:?}");
    }

    #[test]
    fn empty_input_gives_an_empty_matrix() {
        let m = analyze(&[]);
        assert_eq!(m.schema, "stance-matrix/1");
        assert!(m.actors.is_empty());
        let m = analyze(&[Document::new("e", "")]);
        assert_eq!(m.documents[0].chars, 0);
    }

    #[test]
    fn serializes_to_the_contract_field_names() {
        let m = analyze(&[Document::new("d", "وطالب البرلمان العراقي بانسحاب القوات الأمريكية.")]);
        let json = serde_json::to_value(&m).unwrap_or_default();
        assert_eq!(json["schema"], "stance-matrix/1");
        let actor = &json["actors"][0];
        for field in ["id", "name", "kind", "aliases", "overall", "cells"] {
            assert!(actor.get(field).is_some(), "missing {field}");
        }
        let cell = &actor["cells"][0];
        for field in ["document", "stance", "confidence", "evidence"] {
            assert!(cell.get(field).is_some(), "missing {field}");
        }
        let ev = &cell["evidence"][0];
        for field in ["start", "end", "text", "stance", "cue"] {
            assert!(ev.get(field).is_some(), "missing {field}");
        }
        assert_eq!(actor["kind"], "government_body");
    }
}
