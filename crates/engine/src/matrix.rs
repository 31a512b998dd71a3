//! Aggregation: statements become one cell per actor and document, cells
//! become rows merged across documents, and the result takes the shape of the
//! `stance-matrix/1` contract.

use std::collections::hash_map::Entry;
use std::collections::{BTreeSet, HashMap};

use crate::actors::DocActor;
use crate::contract::{ActorKind, ActorRow, DocumentSummary, Evidence, Overall, Stance, StanceCell, StanceMatrix, SCHEMA, TOPIC};

/// What one statement contributes to a cell.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Finding {
    /// The position of the statement.
    pub stance: Stance,
    /// How strongly it was expressed, 0 to 1.
    pub strength: f32,
    /// The span behind it.
    pub evidence: Evidence,
}

/// All that is known about one actor in one document.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct CellDraft {
    /// The document id.
    pub document: String,
    /// The statements the actor holds there.
    pub findings: Vec<Finding>,
}

/// An actor row being assembled across documents.
#[derive(Debug, Clone)]
struct RowDraft {
    name: String,
    name_en: Option<String>,
    kind: ActorKind,
    aliases: BTreeSet<String>,
    cells: Vec<CellDraft>,
    first_seen: usize,
}

/// Collects the per-document results and merges them into rows: the same
/// actor in several documents becomes one row.
#[derive(Debug, Default)]
pub struct MatrixBuilder {
    documents: Vec<DocumentSummary>,
    rows: HashMap<String, RowDraft>,
    order: usize,
    seen_ids: HashMap<String, usize>,
}

/// How many `none` statements a cell keeps to show why the actor is a row.
const NONE_EVIDENCE: usize = 3;

impl MatrixBuilder {
    /// Merges one document's analysis. A document id met before gets a
    /// ` (2)`, ` (3)`… suffix, so that every cell names exactly one document.
    pub fn add(&mut self, analysis: crate::DocumentAnalysis) {
        let crate::DocumentAnalysis { summary, cells } = analysis;
        let summary = self.unique(summary);
        for (actor, mut cell) in cells {
            // The draft already names the document, unless the id was made unique.
            if cell.document != summary.id {
                cell.document = summary.id.clone();
            }
            self.add_cell(actor, cell);
        }
        self.documents.push(summary);
    }

    /// [`add`](Self::add) for an analysis the caller keeps (the worker's
    /// reuse of unchanged articles): the cells are copied, and of the
    /// actor's strings only those the matrix does not hold yet. Cloning
    /// the whole analysis to give it away copied every repeated actor's
    /// key, names and aliases, for the builder to drop them again.
    pub fn add_ref(&mut self, analysis: &crate::DocumentAnalysis) {
        let summary = self.unique(analysis.summary.clone());
        for (actor, cell) in &analysis.cells {
            let cell = CellDraft { document: summary.id.clone(), findings: cell.findings.clone() };
            let Some(row) = self.rows.get_mut(actor.key.as_str()) else {
                // A new row needs the actor's strings anyway.
                self.add_cell(actor.clone(), cell);
                continue;
            };
            self.order += 1;
            // As `add_cell` does with an actor it owns, copying only what is new.
            if actor.name != row.name && !row.aliases.contains(&actor.name) {
                row.aliases.insert(actor.name.clone());
            }
            for alias in &actor.aliases {
                if !row.aliases.contains(alias) {
                    row.aliases.insert(alias.clone());
                }
            }
            row.cells.push(cell);
        }
        self.documents.push(summary);
    }

    /// The summary with its id made unique: a document id met before gets
    /// a ` (2)`, ` (3)`… suffix.
    fn unique(&mut self, mut summary: DocumentSummary) -> DocumentSummary {
        let count = self.seen_ids.entry(summary.id.clone()).or_insert(0);
        *count += 1;
        if *count > 1 {
            summary.id = format!("{} ({})", summary.id, count);
        }
        summary
    }

    /// Number of distinct actors so far.
    pub fn actor_count(&self) -> usize {
        self.rows.len()
    }

    /// Records an actor's findings in one document. The actor is taken by
    /// value: an actor met before (most are, in a corpus) gives up its
    /// strings to the sets without a copy of any.
    fn add_cell(&mut self, actor: DocActor, cell: CellDraft) {
        self.order += 1;
        let order = self.order;
        let DocActor { key, name, name_en, kind, aliases } = actor;
        match self.rows.entry(key) {
            Entry::Occupied(entry) => {
                let row = entry.into_mut();
                // Another document may name the actor differently: keep that
                // name as an alias (the row's own name leaves the aliases in
                // `finish`, so it need not go in).
                if name != row.name {
                    row.aliases.insert(name);
                }
                row.aliases.extend(aliases);
                row.cells.push(cell);
            }
            // A new row takes the document's alias set as it is.
            Entry::Vacant(entry) => {
                entry.insert(RowDraft { name, name_en, kind, aliases, cells: vec![cell], first_seen: order });
            }
        }
    }

    /// The finished matrix.
    pub fn finish(self) -> StanceMatrix {
        let mut rows: Vec<(String, RowDraft)> = self.rows.into_iter().collect();
        rows.sort_by_key(|(_, r)| r.first_seen);
        let actors = rows
            .into_iter()
            .map(|(id, draft)| {
                let cells: Vec<StanceCell> = draft.cells.into_iter().map(decide_cell).collect();
                let overall = overall_of(&cells);
                let mut aliases = draft.aliases;
                aliases.remove(&draft.name);
                ActorRow {
                    id,
                    name: draft.name,
                    name_en: draft.name_en,
                    kind: draft.kind,
                    aliases: aliases.into_iter().collect(),
                    overall,
                    cells,
                }
            })
            .collect();
        StanceMatrix { schema: SCHEMA.to_string(), topic: TOPIC.to_string(), documents: self.documents, actors }
    }
}

/// Up to this many findings, a cell tells a repeated span by comparing it
/// with the spans kept (no allocation); past it, by a hash set.
const FEW_FINDINGS: usize = 16;

/// Rounds a confidence to two decimals so that output is stable and readable.
fn round2(x: f32) -> f32 {
    (x.clamp(0.0, 1.0) * 100.0).round() / 100.0
}

/// The dominant position of one actor in one document.
///
/// Conditional statements absorb `for` statements (wanting withdrawal only in
/// part or under a condition is conditional, per the guidelines); otherwise
/// the label with the greater total strength wins.
pub fn decide_cell(draft: CellDraft) -> StanceCell {
    let score = |s: Stance| -> f32 { draft.findings.iter().filter(|f| f.stance == s).map(|f| f.strength).sum() };
    let (for_, against, conditional) = (score(Stance::For), score(Stance::Against), score(Stance::Conditional));
    let total = for_ + against + conditional;
    let (stance, winning) = if total == 0.0 {
        (Stance::None, 0.0)
    } else if conditional > 0.0 && conditional + for_ >= against {
        (Stance::Conditional, conditional + for_)
    } else if for_ > against {
        (Stance::For, for_)
    } else if against > for_ {
        (Stance::Against, against)
    } else {
        // A tie: the first explicit statement decides.
        let first = draft.findings.iter().find(|f| f.stance != Stance::None).map_or(Stance::None, |f| f.stance);
        (first, total / 2.0)
    };
    let mut evidence: Vec<Evidence> = Vec::with_capacity(draft.findings.len());
    // Spans already kept. Most cells hold a few findings, which are compared
    // with those kept; a cell with many (one long document quoting an actor
    // throughout) uses a hash set. Not a sort: the page links this function
    // (hand coding decides cells too), and a sort would add a copy of the
    // standard library's sort to its module; the page has hash sets already.
    let many = draft.findings.len() > FEW_FINDINGS;
    let mut seen: std::collections::HashSet<(usize, usize, Stance)> = std::collections::HashSet::new();
    let mut is_new = |evidence: &[Evidence], key: (usize, usize, Stance)| {
        if many {
            seen.insert(key)
        } else {
            !evidence.iter().any(|e| (e.start, e.end, e.stance) == key)
        }
    };
    let mut none_kept = 0;
    for f in draft.findings {
        let keep = match stance {
            Stance::None => {
                none_kept += 1;
                none_kept <= NONE_EVIDENCE
            }
            _ => f.stance != Stance::None,
        };
        if keep && is_new(&evidence, (f.evidence.start, f.evidence.end, f.evidence.stance)) {
            evidence.push(f.evidence);
        }
    }
    let confidence = if stance == Stance::None {
        0.5
    } else {
        let best = evidence.len().min(3) as f32 / 3.0;
        round2((winning / total) * (0.7 + 0.3 * best))
    };
    StanceCell { document: draft.document, stance, confidence, evidence }
}

/// The position across documents: the single label all positioned cells
/// share, or `mixed` when they disagree.
pub fn overall_of(cells: &[StanceCell]) -> Overall {
    let mut labels = cells.iter().map(|c| c.stance).filter(|s| *s != Stance::None);
    let Some(first) = labels.next() else {
        return Overall::None;
    };
    if labels.any(|s| s != first) {
        return Overall::Mixed;
    }
    match first {
        Stance::For => Overall::For,
        Stance::Against => Overall::Against,
        Stance::Conditional => Overall::Conditional,
        Stance::None => Overall::None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(stance: Stance, start: usize) -> Finding {
        Finding {
            stance,
            strength: 0.8,
            evidence: Evidence { start, end: start + 1, text: "x".into(), stance, cue: String::new(), cue_span: None, rule: String::new() },
        }
    }

    fn cell(stances: &[Stance]) -> StanceCell {
        decide_cell(CellDraft { document: "d".into(), findings: stances.iter().enumerate().map(|(i, s)| finding(*s, i)).collect() })
    }

    #[test]
    fn for_and_conditional_give_conditional() {
        assert_eq!(cell(&[Stance::For, Stance::Conditional]).stance, Stance::Conditional);
    }

    /// A span found twice is quoted once, in a small cell (compared with
    /// the spans kept) and in a large one (a hash set) alike.
    #[test]
    fn repeated_spans_are_quoted_once() {
        for n in [3, FEW_FINDINGS, FEW_FINDINGS + 1, 40] {
            let findings = (0..2 * n).map(|i| finding(Stance::For, i % n)).collect();
            let cell = decide_cell(CellDraft { document: "d".into(), findings });
            let starts: Vec<usize> = cell.evidence.iter().map(|e| e.start).collect();
            assert_eq!(starts, (0..n).collect::<Vec<_>>(), "{n} findings, each twice");
        }
    }

    /// An actor as one document names it.
    fn actor(key: &str, name: &str, aliases: &[&str]) -> DocActor {
        DocActor {
            key: key.into(),
            name: name.into(),
            name_en: None,
            kind: ActorKind::Person,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
        }
    }

    fn analysis(id: &str, cells: Vec<(DocActor, Vec<Stance>)>) -> crate::DocumentAnalysis {
        let summary = DocumentSummary { id: id.into(), title: String::new(), chars: 1, date: None, outlet: None };
        let cells = cells
            .into_iter()
            .map(|(a, stances)| {
                let findings = stances.iter().enumerate().map(|(i, s)| finding(*s, i)).collect();
                (a, CellDraft { document: id.into(), findings })
            })
            .collect();
        crate::DocumentAnalysis { summary, cells }
    }

    /// Adding a kept analysis by reference builds the matrix that adding it
    /// by value does: rows in order of first sight, names that differ kept
    /// as aliases once, repeated ids made unique.
    #[test]
    fn adding_by_reference_equals_adding_by_value() {
        let analyses = [
            analysis("a", vec![(actor("pm", "رئيس الوزراء", &["رئيس الحكومة"]), vec![Stance::For])]),
            analysis(
                "b",
                vec![
                    (actor("mp", "النائب", &[]), vec![Stance::Against, Stance::None]),
                    (actor("pm", "السوداني", &["رئيس الحكومة", "محمد شياع السوداني"]), vec![Stance::Conditional]),
                ],
            ),
            analysis("a", vec![(actor("pm", "رئيس الوزراء", &[]), vec![Stance::For]), (actor("mp", "نائب", &["النائب"]), vec![])]),
        ];
        let (mut by_value, mut by_reference) = (MatrixBuilder::default(), MatrixBuilder::default());
        for a in &analyses {
            by_value.add(a.clone());
            by_reference.add_ref(a);
        }
        let (value, reference) = (by_value.finish(), by_reference.finish());
        assert_eq!(value, reference);
        assert_eq!(value.documents.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(), ["a", "b", "a (2)"]);
        assert_eq!(value.actors[0].aliases, ["السوداني", "رئيس الحكومة", "محمد شياع السوداني"]);
    }

    #[test]
    fn majority_decides_between_for_and_against() {
        assert_eq!(cell(&[Stance::For, Stance::Against, Stance::Against]).stance, Stance::Against);
    }

    #[test]
    fn none_only_gives_none_with_some_evidence() {
        let c = cell(&[Stance::None; 5]);
        assert_eq!(c.stance, Stance::None);
        assert_eq!(c.evidence.len(), NONE_EVIDENCE);
    }

    #[test]
    fn positioned_cells_keep_only_positioned_evidence() {
        let c = cell(&[Stance::None, Stance::For]);
        assert_eq!(c.stance, Stance::For);
        assert_eq!(c.evidence.len(), 1);
        assert!(c.confidence > 0.0 && c.confidence <= 1.0);
    }

    #[test]
    fn a_span_given_twice_is_kept_once_in_text_order() {
        let findings = [finding(Stance::For, 7), finding(Stance::For, 2), finding(Stance::For, 7), finding(Stance::Against, 7)];
        let c = decide_cell(CellDraft { document: "d".into(), findings: findings.to_vec() });
        let kept: Vec<(usize, Stance)> = c.evidence.iter().map(|e| (e.start, e.stance)).collect();
        // The repeated span goes; the same span under the other label is other evidence.
        assert_eq!(kept, vec![(7, Stance::For), (2, Stance::For), (7, Stance::Against)]);
    }

    #[test]
    fn overall_is_mixed_when_documents_disagree() {
        let cells = vec![cell(&[Stance::For]), cell(&[Stance::Against]), cell(&[Stance::None])];
        assert_eq!(overall_of(&cells), Overall::Mixed);
        assert_eq!(overall_of(&cells[..1]), Overall::For);
        assert_eq!(overall_of(&cells[2..]), Overall::None);
    }
}
