//! An editor's corrections, applied over an analysis.
//!
//! Corrections are stored by actor and document id, never inside the matrix,
//! so that the analysis can be re-run on every keystroke and the corrections
//! land again on the same rows and columns. A correction whose row or column
//! has gone (an article was removed) is kept, and applies again if the row
//! comes back.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use stance_engine::matrix::overall_of;
use stance_engine::{ActorRow, Stance, StanceCell, StanceMatrix};

use crate::coding::{apply_coding, new_actor_row, ActorDetails, CellRef, HandStatement, NewActor, RemovedStatement};
use crate::ordered::{map_of, set_of};

/// A cell whose stance an editor set by hand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StanceEdit {
    /// The actor id (a merged-away id is followed to its row).
    pub actor: String,
    /// The document id.
    pub document: String,
    /// The stance the editor chose.
    pub stance: Stance,
}

/// Every correction of a session.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Edits {
    /// Stances set by hand.
    #[serde(default)]
    pub stances: Vec<StanceEdit>,
    /// New display names, by actor id.
    #[serde(default)]
    pub names: BTreeMap<String, String>,
    /// Rows merged into another: merged id → the id it joins.
    #[serde(default)]
    pub merges: BTreeMap<String, String>,
    /// Rows hidden from the matrix and the exports.
    #[serde(default)]
    pub hidden: BTreeSet<String>,
    /// Actors added by hand ([`crate::coding`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub new_actors: Vec<NewActor>,
    /// Kind, aliases and membership given by hand, by actor id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub details: BTreeMap<String, ActorDetails>,
    /// Statements coded by hand.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub statements: Vec<HandStatement>,
    /// Statements of the analysis struck out.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub removed_statements: BTreeSet<RemovedStatement>,
    /// Cells struck out whole.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub removed_cells: BTreeSet<CellRef>,
    /// A note per cell, keyed by [`crate::coding::cell_key`].
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub notes: BTreeMap<String, String>,
    /// Cells an editor has checked.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub checked: BTreeSet<CellRef>,
}

/// A correction that cannot be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    /// An actor cannot be merged into itself, directly or through other merges.
    MergeCycle,
}

impl std::fmt::Display for EditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EditError::MergeCycle => write!(f, "an actor cannot be merged into itself"),
        }
    }
}

/// Longest merge chain followed; longer ones can only come from a hand-made file.
const MAX_MERGE_CHAIN: usize = 64;

impl Edits {
    /// Whether there is no correction at all.
    pub fn is_empty(&self) -> bool {
        self.stances.is_empty() && self.names.is_empty() && self.merges.is_empty() && self.hidden.is_empty() && !self.has_coding()
    }

    /// The row an actor id ends up in, following merges.
    pub fn resolve<'a>(&'a self, actor: &'a str) -> &'a str {
        self.merge_chain(actor).last().unwrap_or(actor)
    }

    /// The rows `actor` was merged into, one after the other (at most
    /// `MAX_MERGE_CHAIN` of them, so a hand-made cycle ends).
    fn merge_chain<'a>(&'a self, actor: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        std::iter::successors(self.merges.get(actor), |next| self.merges.get(next.as_str())).take(MAX_MERGE_CHAIN).map(String::as_str)
    }

    /// The last row of `actor`'s merge chain that is in `present`: a merge
    /// into a row that is not in the current analysis stops short of it.
    fn resolve_among<'a>(&'a self, actor: &'a str, present: &BTreeSet<&str>) -> &'a str {
        self.merge_chain(actor).filter(|id| present.contains(id)).last().unwrap_or(actor)
    }

    /// Sets a cell's stance by hand; `None` gives the cell back to the analysis.
    pub fn set_stance(&mut self, actor: &str, document: &str, stance: Option<Stance>) {
        let actor = self.resolve(actor).to_string();
        self.stances.retain(|e| !(e.actor == actor && e.document == document));
        if let Some(stance) = stance {
            self.stances.push(StanceEdit { actor, document: document.to_string(), stance });
        }
    }

    /// Renames a row; an empty name gives it back its analysed name.
    pub fn rename(&mut self, actor: &str, name: &str) {
        let actor = self.resolve(actor).to_string();
        let name = name.trim();
        if name.is_empty() {
            self.names.remove(&actor);
        } else {
            self.names.insert(actor, name.to_string());
        }
    }

    /// Merges the row `from` into the row `into`.
    pub fn merge(&mut self, from: &str, into: &str) -> Result<(), EditError> {
        let from = self.resolve(from).to_string();
        if self.resolve(into) == from {
            return Err(EditError::MergeCycle);
        }
        self.merges.insert(from, into.to_string());
        Ok(())
    }

    /// Takes a merged row out again.
    pub fn unmerge(&mut self, from: &str) {
        self.merges.remove(from);
    }

    /// Hides or shows a row.
    pub fn set_hidden(&mut self, actor: &str, hidden: bool) {
        let actor = self.resolve(actor).to_string();
        if hidden {
            self.hidden.insert(actor);
        } else {
            self.hidden.remove(&actor);
        }
    }
}

/// An analysis with the corrections applied, and what they changed.
#[derive(Debug, Clone, PartialEq)]
pub struct EditedMatrix {
    /// The rows that are shown and exported.
    pub matrix: StanceMatrix,
    /// Cells whose stance was set by hand, as (actor, document).
    pub edited_cells: BTreeSet<(String, String)>,
    /// Rows whose name was changed.
    pub renamed: BTreeSet<String>,
    /// For each row, the rows merged into it, as (id, name).
    pub merged: BTreeMap<String, Vec<(String, String)>>,
    /// Hidden rows, as (id, name), so they can be shown again.
    pub hidden: Vec<(String, String)>,
    /// Cells holding a statement coded by hand, as (actor, document).
    pub hand_cells: BTreeSet<(String, String)>,
    /// Cells an editor checked, as (actor, document).
    pub checked: BTreeSet<(String, String)>,
    /// Notes by (actor, document).
    pub notes: BTreeMap<(String, String), String>,
    /// The actor each row belongs to (Lavrov → Russia), by row id.
    pub member_of: BTreeMap<String, String>,
}

impl EditedMatrix {
    /// Whether a cell's stance was set by hand.
    pub fn is_edited(&self, actor: &str, document: &str) -> bool {
        self.edited_cells.contains(&(actor.to_string(), document.to_string()))
    }

    /// Whether an editor checked a cell.
    pub fn is_checked(&self, actor: &str, document: &str) -> bool {
        self.checked.contains(&(actor.to_string(), document.to_string()))
    }

    /// A cell's note.
    pub fn note(&self, actor: &str, document: &str) -> Option<&str> {
        self.notes.get(&(actor.to_string(), document.to_string())).map(String::as_str)
    }
}

/// Joins two cells of one document: evidence of both, and the surer stance
/// when they differ (a position beats no position).
fn join_cells(into: &mut StanceCell, other: StanceCell) {
    let take_other = match (into.stance, other.stance) {
        (a, b) if a == b => false,
        (Stance::None, _) => true,
        (_, Stance::None) => false,
        _ => other.confidence > into.confidence,
    };
    if take_other {
        into.stance = other.stance;
    }
    into.confidence = into.confidence.max(other.confidence);
    for evidence in other.evidence {
        if !into.evidence.iter().any(|e| e.start == evidence.start && e.end == evidence.end) {
            into.evidence.push(evidence);
        }
    }
    into.evidence.sort_by_key(|e| (e.start, e.end));
}

/// Adds `row`'s cells and names into `target`.
fn join_rows(target: &mut ActorRow, row: ActorRow) {
    for alias in std::iter::once(row.name).chain(row.aliases) {
        if alias != target.name && !target.aliases.contains(&alias) {
            target.aliases.push(alias);
        }
    }
    for cell in row.cells {
        match target.cells.iter_mut().find(|c| c.document == cell.document) {
            Some(existing) => join_cells(existing, cell),
            None => target.cells.push(cell),
        }
    }
}

/// Applies `edits` over `analysis`. Rows keep the analysis's order; a merged
/// row joins its target where the target stands.
pub fn apply(analysis: &StanceMatrix, edits: &Edits) -> EditedMatrix {
    let mut out = EditedMatrix {
        matrix: StanceMatrix {
            schema: analysis.schema.clone(),
            topic: analysis.topic.clone(),
            documents: analysis.documents.clone(),
            actors: Vec::new(),
        },
        edited_cells: BTreeSet::new(),
        renamed: BTreeSet::new(),
        merged: BTreeMap::new(),
        hidden: Vec::new(),
        hand_cells: BTreeSet::new(),
        checked: BTreeSet::new(),
        notes: BTreeMap::new(),
        member_of: BTreeMap::new(),
    };
    // The actors added by hand are rows like the analysis's, after them.
    let added: Vec<ActorRow> =
        edits.new_actors.iter().filter(|a| !analysis.actors.iter().any(|r| r.id == a.id)).map(new_actor_row).collect();
    let all: Vec<&ActorRow> = analysis.actors.iter().chain(added.iter()).collect();
    let mut rows: Vec<ActorRow> = Vec::with_capacity(all.len());
    let mut position: BTreeMap<String, usize> = BTreeMap::new();
    let present: BTreeSet<&str> = set_of(all.iter().map(|r| r.id.as_str()));
    // Targets first, so that every merged row finds its row in place.
    let (targets, merged): (Vec<&ActorRow>, Vec<&ActorRow>) =
        all.into_iter().partition(|row| edits.resolve_among(&row.id, &present) == row.id);
    for row in targets {
        position.insert(row.id.clone(), rows.len());
        rows.push(row.clone());
    }
    for row in merged {
        let target = edits.resolve_among(&row.id, &present);
        let Some(&at) = position.get(target) else { continue };
        out.merged.entry(target.to_string()).or_default().push((row.id.clone(), row.name.clone()));
        join_rows(&mut rows[at], row.clone());
    }
    let documents: BTreeSet<&str> = set_of(analysis.documents.iter().map(|d| d.id.as_str()));
    let resolve = |id: &str| edits.resolve_among(id, &present).to_string();
    out.hand_cells = apply_coding(&mut rows, edits, &documents, &resolve);
    for cell in &edits.checked {
        out.checked.insert((resolve(&cell.actor), cell.document.clone()));
    }
    for cell in edits.notes.keys() {
        if let Some((actor, document)) = cell.split_once('\u{1F}') {
            let note = &edits.notes[cell];
            out.notes.insert((resolve(actor), document.to_string()), note.clone());
        }
    }
    for (actor, details) in &edits.details {
        if let Some(into) = &details.member_of {
            out.member_of.insert(resolve(actor), resolve(into));
        }
    }
    // Stance edits by the row they land on; a later edit of a cell wins.
    let stance_edits: BTreeMap<(&str, &str), Stance> =
        map_of(edits.stances.iter().map(|e| ((edits.resolve_among(&e.actor, &present), e.document.as_str()), e.stance)));
    let document_order: BTreeMap<&str, usize> = map_of(analysis.documents.iter().enumerate().map(|(i, d)| (d.id.as_str(), i)));
    for row in &mut rows {
        row.cells.sort_by_key(|c| document_order.get(c.document.as_str()).copied().unwrap_or(usize::MAX));
        if let Some(name) = edits.names.get(&row.id) {
            if *name != row.name {
                let old = std::mem::replace(&mut row.name, name.clone());
                if !row.aliases.contains(&old) {
                    row.aliases.insert(0, old);
                }
                out.renamed.insert(row.id.clone());
            }
        }
        for cell in &mut row.cells {
            if let Some(&stance) = stance_edits.get(&(row.id.as_str(), cell.document.as_str())) {
                cell.stance = stance;
                cell.confidence = 1.0;
                out.edited_cells.insert((row.id.clone(), cell.document.clone()));
            }
        }
        row.overall = overall_of(&row.cells);
    }
    let (hidden, shown): (Vec<ActorRow>, Vec<ActorRow>) = rows.into_iter().partition(|row| edits.hidden.contains(&row.id));
    out.hidden = hidden.into_iter().map(|row| (row.id, row.name)).collect();
    out.matrix.actors = shown;
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use stance_engine::{ActorKind, DocumentSummary, Evidence, Overall};

    pub fn evidence(start: usize, stance: Stance) -> Evidence {
        Evidence { start, end: start + 4, text: "نص".into(), stance, cue: String::new(), cue_span: None, rule: "test".into() }
    }

    pub fn cell(document: &str, stance: Stance, confidence: f32, starts: &[usize]) -> StanceCell {
        StanceCell { document: document.into(), stance, confidence, evidence: starts.iter().map(|&s| evidence(s, stance)).collect() }
    }

    pub fn row(id: &str, name: &str, cells: Vec<StanceCell>) -> ActorRow {
        let overall = overall_of(&cells);
        ActorRow { id: id.into(), name: name.into(), name_en: None, kind: ActorKind::Person, aliases: vec![], overall, cells }
    }

    pub fn sample() -> StanceMatrix {
        let doc = |id: &str| DocumentSummary { id: id.into(), title: format!("عنوان {id}"), chars: 10, date: None, outlet: None };
        StanceMatrix {
            schema: "stance-matrix/1".into(),
            topic: "t".into(),
            documents: vec![doc("1"), doc("2")],
            actors: vec![
                row("pm", "رئيس الوزراء", vec![cell("1", Stance::For, 0.7, &[10])]),
                row("kadhimi", "مصطفى الكاظمي", vec![cell("1", Stance::None, 0.3, &[40]), cell("2", Stance::Conditional, 0.8, &[5])]),
                row("us", "الولايات المتحدة", vec![cell("2", Stance::Against, 0.9, &[20])]),
            ],
        }
    }

    #[test]
    fn no_edits_change_nothing() {
        let m = sample();
        let out = apply(&m, &Edits::default());
        assert_eq!(out.matrix, m);
        assert!(out.edited_cells.is_empty() && out.hidden.is_empty() && out.merged.is_empty());
    }

    #[test]
    fn a_stance_edit_marks_its_cell_and_recomputes_overall() {
        let mut edits = Edits::default();
        edits.set_stance("us", "2", Some(Stance::For));
        let out = apply(&sample(), &edits);
        let us = out.matrix.actors.iter().find(|a| a.id == "us").unwrap();
        assert_eq!(us.cells[0].stance, Stance::For);
        assert_eq!(us.overall, Overall::For);
        assert!(out.is_edited("us", "2"));
        assert!(!out.is_edited("pm", "1"));
        edits.set_stance("us", "2", None);
        assert_eq!(apply(&sample(), &edits).matrix, sample());
    }

    #[test]
    fn a_rename_keeps_the_old_name_as_an_alias() {
        let mut edits = Edits::default();
        edits.rename("pm", "  الكاظمي ");
        let out = apply(&sample(), &edits);
        assert_eq!(out.matrix.actors[0].name, "الكاظمي");
        assert_eq!(out.matrix.actors[0].aliases, vec!["رئيس الوزراء".to_string()]);
        assert!(out.renamed.contains("pm"));
        edits.rename("pm", "");
        assert!(edits.names.is_empty());
    }

    #[test]
    fn a_merge_joins_cells_and_names_and_recomputes_overall() {
        let mut edits = Edits::default();
        edits.merge("pm", "kadhimi").unwrap();
        let out = apply(&sample(), &edits);
        assert_eq!(out.matrix.actors.len(), 2);
        let k = &out.matrix.actors[0];
        assert_eq!(k.id, "kadhimi");
        assert!(k.aliases.contains(&"رئيس الوزراء".to_string()));
        // Document 1: a position (for) beats no position; evidence of both, in order.
        assert_eq!(k.cells[0].stance, Stance::For);
        assert_eq!(k.cells[0].evidence.iter().map(|e| e.start).collect::<Vec<_>>(), vec![10, 40]);
        assert_eq!(k.overall, Overall::Mixed);
        assert_eq!(out.merged["kadhimi"], vec![("pm".to_string(), "رئيس الوزراء".to_string())]);
    }

    #[test]
    fn merges_follow_chains_and_refuse_cycles() {
        let mut edits = Edits::default();
        edits.merge("pm", "kadhimi").unwrap();
        edits.merge("kadhimi", "us").unwrap();
        assert_eq!(edits.resolve("pm"), "us");
        assert_eq!(edits.merge("us", "pm"), Err(EditError::MergeCycle));
        assert_eq!(edits.merge("us", "us"), Err(EditError::MergeCycle));
        let out = apply(&sample(), &edits);
        assert_eq!(out.matrix.actors.len(), 1);
        assert_eq!(out.matrix.actors[0].cells.len(), 2);
        edits.unmerge("kadhimi");
        assert_eq!(apply(&sample(), &edits).matrix.actors.len(), 2);
    }

    #[test]
    fn a_stance_edit_on_a_merged_row_follows_the_merge() {
        let mut edits = Edits::default();
        edits.merge("pm", "kadhimi").unwrap();
        edits.set_stance("pm", "1", Some(Stance::Against));
        let out = apply(&sample(), &edits);
        assert_eq!(out.matrix.actors[0].cells[0].stance, Stance::Against);
        // A merge into a row that is not in this analysis stops at the last row that is.
        edits.merge("kadhimi", "gone").unwrap();
        let out = apply(&sample(), &edits);
        assert_eq!(out.matrix.actors[0].id, "kadhimi");
        assert_eq!(out.matrix.actors[0].cells[0].stance, Stance::Against);
        assert!(out.is_edited("kadhimi", "1"));
    }

    #[test]
    fn hidden_rows_leave_the_matrix_but_are_listed() {
        let mut edits = Edits::default();
        edits.set_hidden("us", true);
        let out = apply(&sample(), &edits);
        assert!(out.matrix.actors.iter().all(|a| a.id != "us"));
        assert_eq!(out.hidden, vec![("us".to_string(), "الولايات المتحدة".to_string())]);
        edits.set_hidden("us", false);
        assert!(edits.is_empty());
    }

    #[test]
    fn edits_for_rows_that_are_gone_are_kept_and_harmless() {
        let mut edits = Edits::default();
        edits.set_stance("gone", "9", Some(Stance::For));
        edits.merge("gone", "pm").unwrap();
        edits.rename("other", "x");
        assert_eq!(apply(&sample(), &edits).matrix, sample());
        assert!(!edits.is_empty());
    }
}
