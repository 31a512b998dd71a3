//! Hand coding: what an editor adds to or takes out of an analysis, in the
//! manner of manual coding tools such as DNA, for the errors that a stance
//! edit cannot fix: an actor the analyzer missed, a statement it did not
//! attribute, a statement it attributed wrongly.
//!
//! Like every correction these live in [`Edits`], apart from the analysis
//! and keyed by actor and document id, so they come back after every
//! re-analysis. A statement is kept with its span and its exact text, so
//! that it stays evidence even when the article is not published.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use stance_engine::matrix::{decide_cell, CellDraft, Finding};
use stance_engine::{ActorKind, ActorRow, Evidence, Overall, Stance, StanceCell};

use crate::edits::Edits;
use crate::ordered::map_of;

/// The rule code of every statement coded by hand.
pub const HAND_RULE: &str = "hand";
/// Longest note kept, in characters.
pub const MAX_NOTE_CHARS: usize = 2_000;

/// One cell, by actor and document id.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct CellRef {
    /// The actor id.
    pub actor: String,
    /// The document id.
    pub document: String,
}

impl CellRef {
    /// The cell of `actor` in `document`.
    pub fn new(actor: &str, document: &str) -> CellRef {
        CellRef { actor: actor.to_string(), document: document.to_string() }
    }
}

/// An actor added by hand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewActor {
    /// Its id, `hand-N`, never one the analyzer gives.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its kind.
    pub kind: ActorKind,
}

/// What an editor says about an actor beyond its name: another kind, more
/// aliases, and the body or state it speaks for (Lavrov → Russia), so that
/// rows can be grouped by whom they represent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorDetails {
    /// The kind, when the analyzer's is wrong.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<ActorKind>,
    /// Further names, searched like the analyzer's aliases.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// The id of the actor this one belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member_of: Option<String>,
}

impl ActorDetails {
    /// Whether it says nothing.
    pub fn is_empty(&self) -> bool {
        self.kind.is_none() && self.aliases.is_empty() && self.member_of.is_none()
    }
}

/// A statement coded by hand: a span of an article, the actor who holds it
/// and its stance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HandStatement {
    /// The actor id (a merged-away id is followed to its row).
    pub actor: String,
    /// The document id.
    pub document: String,
    /// Start, in code points of the article.
    pub start: usize,
    /// End (exclusive), in code points.
    pub end: usize,
    /// Exactly the article's characters between `start` and `end`.
    pub text: String,
    /// The position the statement carries.
    pub stance: Stance,
}

/// A statement of the analysis an editor struck out, by its span.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct RemovedStatement {
    /// The actor id.
    pub actor: String,
    /// The document id.
    pub document: String,
    /// Start of the evidence span.
    pub start: usize,
    /// End of the evidence span.
    pub end: usize,
}

/// The code points `start..end` of `text`, or `None` when the range is
/// empty or runs past the text: a statement is only ever an exact slice.
pub fn slice_code_points(text: &str, start: usize, end: usize) -> Option<String> {
    if start >= end {
        return None;
    }
    let out: String = text.chars().skip(start).take(end - start).collect();
    (out.chars().count() == end - start).then_some(out)
}

/// A note trimmed and cut to [`MAX_NOTE_CHARS`].
fn clean_note(note: &str) -> String {
    note.trim().chars().take(MAX_NOTE_CHARS).collect()
}

impl Edits {
    /// Adds an actor by hand and returns its new id.
    pub fn add_actor(&mut self, name: &str, kind: ActorKind) -> String {
        let n = (1..).find(|n| !self.new_actors.iter().any(|a| a.id == format!("hand-{n}"))).unwrap_or(1);
        let id = format!("hand-{n}");
        self.new_actors.push(NewActor { id: id.clone(), name: name.trim().to_string(), kind });
        id
    }

    /// Codes a statement by hand. `text` must be the article's characters
    /// `start..end`; the caller takes it from the article itself.
    pub fn add_statement(&mut self, statement: HandStatement) {
        let mut statement = statement;
        statement.actor = self.resolve(&statement.actor).to_string();
        self.statements.retain(|s| {
            !(s.actor == statement.actor && s.document == statement.document && s.start == statement.start && s.end == statement.end)
        });
        self.statements.push(statement);
    }

    /// Strikes out one statement of a cell: a hand-coded one is dropped, one
    /// of the analysis is remembered as removed.
    pub fn remove_statement(&mut self, actor: &str, document: &str, start: usize, end: usize) {
        let actor = self.resolve(actor).to_string();
        let before = self.statements.len();
        self.statements.retain(|s| !(s.actor == actor && s.document == document && s.start == start && s.end == end));
        if self.statements.len() == before {
            self.removed_statements.insert(RemovedStatement { actor, document: document.to_string(), start, end });
        }
    }

    /// Strikes out a whole cell, hand-coded statements and all.
    pub fn remove_cell(&mut self, actor: &str, document: &str) {
        let actor = self.resolve(actor).to_string();
        self.statements.retain(|s| !(s.actor == actor && s.document == document));
        self.removed_cells.insert(CellRef { actor, document: document.to_string() });
    }

    /// Sets or clears (an empty text) a cell's note.
    pub fn set_note(&mut self, actor: &str, document: &str, note: &str) {
        let cell = CellRef::new(self.resolve(actor), document);
        let note = clean_note(note);
        if note.is_empty() {
            self.notes.remove(&cell_key(&cell));
        } else {
            self.notes.insert(cell_key(&cell), note);
        }
    }

    /// Marks a cell as checked by an editor, or takes the mark away.
    pub fn set_checked(&mut self, actor: &str, document: &str, checked: bool) {
        let cell = CellRef::new(self.resolve(actor), document);
        if checked {
            self.checked.insert(cell);
        } else {
            self.checked.remove(&cell);
        }
    }

    /// Sets an actor's details; empty details give it back the analysis's.
    pub fn set_details(&mut self, actor: &str, details: ActorDetails) {
        let actor = self.resolve(actor).to_string();
        let mut details = details;
        details.aliases = details.aliases.iter().map(|a| a.trim().to_string()).filter(|a| !a.is_empty()).collect();
        if details.member_of.as_deref() == Some(actor.as_str()) {
            details.member_of = None;
        }
        if details.is_empty() {
            self.details.remove(&actor);
        } else {
            self.details.insert(actor, details);
        }
    }

    /// Whether there is any hand coding at all.
    pub(crate) fn has_coding(&self) -> bool {
        !(self.new_actors.is_empty()
            && self.statements.is_empty()
            && self.removed_statements.is_empty()
            && self.removed_cells.is_empty()
            && self.notes.is_empty()
            && self.checked.is_empty()
            && self.details.is_empty())
    }
}

/// The key of a cell's note: `actor` and `document` joined by a unit
/// separator, which no id holds, so that the notes are a plain JSON object.
pub fn cell_key(cell: &CellRef) -> String {
    format!("{}\u{1F}{}", cell.actor, cell.document)
}

/// An empty row for an actor added by hand.
pub(crate) fn new_actor_row(actor: &NewActor) -> ActorRow {
    ActorRow {
        id: actor.id.clone(),
        name: actor.name.clone(),
        name_en: None,
        kind: actor.kind,
        aliases: Vec::new(),
        overall: Overall::None,
        cells: Vec::new(),
    }
}

/// The stance of a cell whose statements an editor changed, decided the
/// analyzer's way over what is left: statements coded by hand count fully,
/// the analyzer's with the cell's confidence.
fn redecide(cell: &mut StanceCell) {
    let weight = cell.confidence.max(0.1);
    let findings = cell
        .evidence
        .iter()
        .map(|e| Finding { stance: e.stance, strength: if e.rule == HAND_RULE { 1.0 } else { weight }, evidence: e.clone() })
        .collect();
    let decided = decide_cell(CellDraft { document: cell.document.clone(), findings });
    let hand_only = cell.evidence.iter().all(|e| e.rule == HAND_RULE);
    cell.stance = decided.stance;
    cell.confidence = if hand_only { 1.0 } else { decided.confidence };
}

/// Applies the hand coding to rows already merged: `resolve` follows an
/// actor id to the row it landed on, `documents` are the analysis's
/// document ids. Returns the cells that hold a statement coded by hand.
pub(crate) fn apply_coding(
    rows: &mut [ActorRow],
    edits: &Edits,
    documents: &BTreeSet<&str>,
    resolve: &dyn Fn(&str) -> String,
) -> BTreeSet<(String, String)> {
    let mut touched: BTreeSet<(String, String)> = BTreeSet::new();
    let mut hand_cells = BTreeSet::new();
    let position: BTreeMap<String, usize> = map_of(rows.iter().enumerate().map(|(i, r)| (r.id.clone(), i)));
    // Cells struck out go first: a statement coded there afterwards starts a
    // cell of its own, without the analyzer's statements.
    for row in rows.iter_mut() {
        let id = row.id.clone();
        row.cells.retain(|c| !edits.removed_cells.iter().any(|r| resolve(&r.actor) == id && r.document == c.document));
    }
    for removed in &edits.removed_statements {
        let Some(&at) = position.get(&resolve(&removed.actor)) else { continue };
        if let Some(cell) = rows[at].cells.iter_mut().find(|c| c.document == removed.document) {
            let before = cell.evidence.len();
            cell.evidence.retain(|e| !(e.start == removed.start && e.end == removed.end));
            if cell.evidence.len() != before {
                touched.insert((rows[at].id.clone(), cell.document.clone()));
            }
        }
    }
    for s in &edits.statements {
        if !documents.contains(s.document.as_str()) {
            continue;
        }
        let Some(&at) = position.get(&resolve(&s.actor)) else { continue };
        let row = &mut rows[at];
        let evidence = Evidence {
            start: s.start,
            end: s.end,
            text: s.text.clone(),
            stance: s.stance,
            cue: String::new(),
            cue_span: None,
            rule: HAND_RULE.to_string(),
        };
        match row.cells.iter_mut().find(|c| c.document == s.document) {
            Some(cell) => {
                cell.evidence.retain(|e| !(e.start == s.start && e.end == s.end));
                cell.evidence.push(evidence);
                cell.evidence.sort_by_key(|e| (e.start, e.end));
            }
            None => {
                row.cells.push(StanceCell { document: s.document.clone(), stance: s.stance, confidence: 1.0, evidence: vec![evidence] })
            }
        }
        touched.insert((row.id.clone(), s.document.clone()));
        hand_cells.insert((row.id.clone(), s.document.clone()));
    }
    for row in rows.iter_mut() {
        let id = row.id.clone();
        // A cell whose every statement was struck out is gone with them.
        row.cells.retain(|c| !(touched.contains(&(id.clone(), c.document.clone())) && c.evidence.is_empty()));
        for cell in &mut row.cells {
            if touched.contains(&(id.clone(), cell.document.clone())) {
                redecide(cell);
            }
        }
        if let Some(details) = edits.details.get(&id) {
            if let Some(kind) = details.kind {
                row.kind = kind;
            }
            for alias in &details.aliases {
                if *alias != row.name && !row.aliases.contains(alias) {
                    row.aliases.push(alias.clone());
                }
            }
        }
    }
    hand_cells
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edits::apply;
    use crate::edits::tests::sample;

    fn statement(actor: &str, document: &str, start: usize, stance: Stance) -> HandStatement {
        HandStatement { actor: actor.into(), document: document.into(), start, end: start + 3, text: "نصّ".into(), stance }
    }

    #[test]
    fn slices_are_exact_code_points() {
        assert_eq!(slice_code_points("قال 🙂 بايدن", 4, 5).as_deref(), Some("🙂"));
        assert_eq!(slice_code_points("نص", 1, 3), None);
        assert_eq!(slice_code_points("نص", 1, 1), None);
    }

    #[test]
    fn an_added_actor_with_a_statement_becomes_a_row_with_a_cell() {
        let mut edits = Edits::default();
        let id = edits.add_actor(" سيرغي لافروف ", ActorKind::Person);
        assert_eq!(id, "hand-1");
        assert_eq!(edits.add_actor("روسيا", ActorKind::State), "hand-2");
        edits.add_statement(statement(&id, "2", 50, Stance::Against));
        let out = apply(&sample(), &edits);
        let row = out.matrix.actors.iter().find(|a| a.id == id).unwrap();
        assert_eq!(row.name, "سيرغي لافروف");
        assert_eq!(row.cells.len(), 1);
        assert_eq!(row.cells[0].stance, Stance::Against);
        assert_eq!(row.cells[0].evidence[0].rule, HAND_RULE);
        assert_eq!(row.overall, Overall::Against);
        assert!(out.hand_cells.contains(&(id.clone(), "2".into())));
        // A statement in a document that is not in the analysis waits for it.
        edits.add_statement(statement(&id, "9", 1, Stance::For));
        assert_eq!(apply(&sample(), &edits).matrix.actors.iter().find(|a| a.id == id).unwrap().cells.len(), 1);
    }

    #[test]
    fn a_hand_statement_in_a_cell_of_the_analysis_joins_its_evidence_and_redecides() {
        let mut edits = Edits::default();
        edits.add_statement(statement("us", "2", 60, Stance::Conditional));
        let out = apply(&sample(), &edits);
        let us = out.matrix.actors.iter().find(|a| a.id == "us").unwrap();
        assert_eq!(us.cells[0].evidence.len(), 2);
        // Conditional absorbs the rest only when it outweighs it: a full-weight hand statement does.
        assert_eq!(us.cells[0].stance, Stance::Conditional);
    }

    #[test]
    fn removing_statements_and_cells() {
        let mut edits = Edits::default();
        edits.remove_statement("us", "2", 20, 24);
        let out = apply(&sample(), &edits);
        assert!(out.matrix.actors.iter().find(|a| a.id == "us").unwrap().cells.is_empty(), "its only statement gone, the cell goes");
        let mut edits = Edits::default();
        edits.remove_cell("kadhimi", "2");
        let out = apply(&sample(), &edits);
        let k = out.matrix.actors.iter().find(|a| a.id == "kadhimi").unwrap();
        assert_eq!(k.cells.iter().map(|c| c.document.as_str()).collect::<Vec<_>>(), vec!["1"]);
        assert_eq!(k.overall, Overall::None);
        // A statement coded in a deleted cell starts it again, with that statement alone.
        edits.add_statement(statement("kadhimi", "2", 70, Stance::For));
        let out = apply(&sample(), &edits);
        let k = out.matrix.actors.iter().find(|a| a.id == "kadhimi").unwrap();
        assert_eq!(k.cells[1].document, "2");
        assert_eq!((k.cells[1].stance, k.cells[1].evidence.len()), (Stance::For, 1));
        // A hand statement struck out is simply dropped.
        let mut edits = Edits::default();
        edits.add_statement(statement("pm", "2", 5, Stance::For));
        edits.remove_statement("pm", "2", 5, 8);
        assert!(edits.statements.is_empty() && edits.removed_statements.is_empty());
    }

    #[test]
    fn notes_checks_and_details_round_trip_and_show() {
        let mut edits = Edits::default();
        edits.set_note("us", "2", "  تحقق منه المحرر  ");
        edits.set_checked("us", "2", true);
        edits.set_details(
            "pm",
            ActorDetails {
                kind: Some(ActorKind::GovernmentBody),
                aliases: vec![" رئيس الحكومة ".into(), "".into()],
                member_of: Some("us".into()),
            },
        );
        let json = serde_json::to_string(&edits).unwrap();
        let back: Edits = serde_json::from_str(&json).unwrap();
        assert_eq!(back, edits);
        let out = apply(&sample(), &edits);
        assert_eq!(out.note("us", "2"), Some("تحقق منه المحرر"));
        assert!(out.is_checked("us", "2") && !out.is_checked("pm", "1"));
        let pm = out.matrix.actors.iter().find(|a| a.id == "pm").unwrap();
        assert_eq!(pm.kind, ActorKind::GovernmentBody);
        assert_eq!(pm.aliases, vec!["رئيس الحكومة".to_string()]);
        assert_eq!(out.member_of.get("pm").map(String::as_str), Some("us"));
        edits.set_note("us", "2", " ");
        edits.set_checked("us", "2", false);
        edits.set_details("pm", ActorDetails::default());
        assert!(edits.is_empty());
    }

    #[test]
    fn old_session_edits_without_coding_still_read() {
        let edits: Edits = serde_json::from_str(r#"{"stances":[],"names":{"pm":"x"}}"#).unwrap();
        assert!(!edits.has_coding());
        assert_eq!(edits.names["pm"], "x");
    }
}
