//! What the matrix renders: a window of rows and columns cut from a whole
//! matrix, and the detail of one cell. Both are plain data, made the same
//! way by the page (from its own analysis) and by the worker (from a result
//! file it holds), and sent from the worker as JSON: the page then never
//! holds more of a corpus than it shows.

use std::ops::Range;

use serde::{Deserialize, Serialize};
use stance_engine::{ActorKind, Evidence, Overall, Stance, StanceCell, StanceMatrix};

use crate::grid_window::{line_count, line_kind, LineKind};
use crate::rows::{Arranged, GroupStart};

/// An article column's heading.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Heading {
    /// The document id.
    pub id: String,
    /// The article's number as the reader knows it (1-based).
    pub number: usize,
    /// Its title: the name given by hand, else the first line; may be empty.
    pub title: String,
    /// The outlet, when known.
    pub outlet: Option<String>,
    /// The date, when known.
    pub date: Option<String>,
}

/// One cell of the window.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct CellView {
    /// The cell's stance.
    pub stance: Stance,
    /// The analyzer's confidence.
    pub confidence: f32,
    /// Whether an editor set it by hand (✎).
    pub edited: bool,
    /// Whether an editor checked it (✓).
    pub checked: bool,
}

/// One actor's row of the window.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorLine {
    /// The row's number among the shown rows (0-based).
    pub row: usize,
    /// Actor id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// English name.
    pub name_en: Option<String>,
    /// Other names, joined for a tooltip.
    pub aliases: String,
    /// Position across the articles.
    pub overall: Overall,
    /// The name of the body or state the actor belongs to (Lavrov → Russia).
    #[serde(default)]
    pub member_of: Option<String>,
    /// How many bodies' rows this row is shown under (0: none).
    #[serde(default)]
    pub depth: u8,
    /// One entry per column of the window; `None` where the actor is absent.
    pub cells: Vec<Option<CellView>>,
}

/// A line of the window: a group heading or an actor's row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Line {
    /// A group heading.
    Group(GroupStart),
    /// A row.
    Actor(ActorLine),
}

/// The part of the matrix to render, and the sizes of the whole.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MatrixWindow {
    /// Rows shown in all (after search and filter).
    pub rows_total: usize,
    /// Actors in the matrix.
    pub actors_total: usize,
    /// Article columns in all.
    pub columns_total: usize,
    /// Every group heading.
    pub groups: Vec<GroupStart>,
    /// The first line of the window.
    pub first_line: usize,
    /// The first column of the window.
    pub first_column: usize,
    /// The window's column headings.
    pub headings: Vec<Heading>,
    /// The window's lines.
    pub lines: Vec<Line>,
    /// Actors per overall position, in the legend's order.
    pub counts: Vec<(Overall, usize)>,
}

impl MatrixWindow {
    /// Lines in all.
    pub fn lines_total(&self) -> usize {
        line_count(self.rows_total, &self.groups)
    }
}

/// The detail of one cell: its evidence, and who it is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CellDetail {
    /// Actor id.
    pub actor: String,
    /// The actor's display name: the speaker of every sentence below.
    pub actor_name: String,
    /// What sort of actor.
    pub kind: ActorKind,
    /// Document id.
    pub document: String,
    /// The article's number.
    pub number: usize,
    /// The cell's stance.
    pub stance: Stance,
    /// The sentences behind it.
    pub evidence: Vec<Evidence>,
    /// Set by hand.
    pub edited: bool,
}

/// Cuts lines `lines` and columns `columns` out of `m` arranged as
/// `arranged`. `cell_at(actor, column)` finds a cell (the worker has an
/// index; the page's small matrices are searched), `heading(column)` names
/// a column and `marks(actor id, document id)` says whether a cell was set
/// by hand and whether it was checked, in that order (one closure for both,
/// so that a window is cut in one pass over the editor's marks).
pub fn cut_window<'m>(
    m: &'m StanceMatrix,
    arranged: &Arranged,
    lines: Range<usize>,
    columns: Range<usize>,
    cell_at: impl Fn(usize, usize) -> Option<&'m StanceCell>,
    heading: impl Fn(usize) -> Heading,
    marks: impl Fn(&str, &str) -> (bool, bool),
) -> MatrixWindow {
    let total = line_count(arranged.rows.len(), &arranged.groups);
    let lines = lines.start.min(total)..lines.end.min(total);
    let columns = columns.start.min(m.documents.len())..columns.end.min(m.documents.len());
    let out = lines
        .clone()
        .map(|line| match line_kind(line, &arranged.groups) {
            LineKind::Group(n) => Line::Group(arranged.groups[n]),
            LineKind::Row(row) => {
                let a = arranged.rows[row];
                let actor = &m.actors[a];
                let cells = columns
                    .clone()
                    .map(|c| {
                        cell_at(a, c).map(|cell| {
                            let (edited, checked) = marks(&actor.id, &m.documents[c].id);
                            CellView { stance: cell.stance, confidence: cell.confidence, edited, checked }
                        })
                    })
                    .collect();
                Line::Actor(ActorLine {
                    row,
                    id: actor.id.clone(),
                    name: actor.name.clone(),
                    name_en: actor.name_en.clone(),
                    aliases: actor.aliases.join("، "),
                    overall: actor.overall,
                    member_of: arranged.body.get(row).copied().flatten().map(|b| m.actors[b].name.clone()),
                    depth: arranged.depth.get(row).copied().unwrap_or(0),
                    cells,
                })
            }
        })
        .collect();
    MatrixWindow {
        rows_total: arranged.rows.len(),
        actors_total: m.actors.len(),
        columns_total: m.documents.len(),
        groups: arranged.groups.clone(),
        first_line: lines.start,
        first_column: columns.start,
        headings: columns.map(heading).collect(),
        lines: out,
        counts: Vec::new(),
    }
}

/// The heading of column `c` from the matrix alone (a result file).
#[cfg_attr(not(test), allow(dead_code))] // the worker's
pub fn plain_heading(m: &StanceMatrix, c: usize) -> Heading {
    let d = &m.documents[c];
    Heading { id: d.id.clone(), number: c + 1, title: d.title.clone(), outlet: d.outlet.clone(), date: d.date.clone() }
}

/// The detail of the cell of actor `actor` in document `document`.
pub fn cell_detail(m: &StanceMatrix, actor: &str, document: &str, number: usize, edited: bool) -> Option<CellDetail> {
    let row = m.actors.iter().find(|a| a.id == actor)?;
    let cell = row.cells.iter().find(|c| c.document == document)?;
    Some(CellDetail {
        actor: row.id.clone(),
        actor_name: row.name.clone(),
        kind: row.kind,
        document: document.to_string(),
        number,
        stance: cell.stance,
        evidence: cell.evidence.clone(),
        edited,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rows::{arrange, Query};
    use stance_engine::{ActorRow, DocumentSummary};

    fn matrix(actors: usize, documents: usize) -> StanceMatrix {
        StanceMatrix {
            schema: "stance-matrix/1".into(),
            topic: "t".into(),
            documents: (0..documents)
                .map(|d| DocumentSummary { id: format!("d{d}"), title: format!("t{d}"), chars: 1, date: None, outlet: None })
                .collect(),
            actors: (0..actors)
                .map(|a| ActorRow {
                    id: format!("a{a}"),
                    name: format!("n{a}"),
                    name_en: None,
                    kind: ActorKind::Person,
                    aliases: vec![],
                    overall: Overall::For,
                    // Actor a speaks in every a-th document.
                    cells: (0..documents)
                        .filter(|d| d % (a + 1) == 0)
                        .map(|d| StanceCell { document: format!("d{d}"), stance: Stance::For, confidence: 0.5, evidence: vec![] })
                        .collect(),
                })
                .collect(),
        }
    }

    #[test]
    fn a_window_holds_only_its_rows_and_columns() {
        let m = matrix(50, 30);
        let arranged = arrange(&m, &Default::default(), &Query::default());
        let find = |a: usize, c: usize| m.actors[a].cells.iter().find(|x| x.document == m.documents[c].id);
        let w = cut_window(&m, &arranged, 10..14, 20..26, find, |c| plain_heading(&m, c), |_, _| (false, false));
        assert_eq!((w.rows_total, w.columns_total, w.first_line, w.first_column), (50, 30, 10, 20));
        assert_eq!(w.headings.iter().map(|h| h.number).collect::<Vec<_>>(), vec![21, 22, 23, 24, 25, 26]);
        let Line::Actor(row) = &w.lines[1] else { panic!("a row") };
        // Actor 11 speaks in documents 0, 12 and 24: column 24 is the fifth of the window.
        assert_eq!(row.id, "a11");
        assert_eq!(row.cells.iter().map(Option::is_some).collect::<Vec<_>>(), vec![false, false, false, false, true, false]);
        // Past the end: cut short, never a panic.
        let w = cut_window(&m, &arranged, 45..80, 28..40, find, |c| plain_heading(&m, c), |_, _| (false, false));
        assert_eq!((w.lines.len(), w.headings.len()), (5, 2));
    }
}
