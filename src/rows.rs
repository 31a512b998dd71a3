//! Which rows the matrix shows, in what order and under which headings: the
//! search, the stance filter, the sort, the grouping by kind and the rows
//! of members under their body (see `membership.rs`), as plain functions
//! over the corrected matrix.
//!
//! The page runs them on its own analysis; the worker runs the very same
//! functions on a result file it holds (see `corpus_worker.rs`), which is why
//! this module depends on nothing but the engine and serde.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use stance_engine::text::normalize_word;
use stance_engine::{ActorKind, ActorRow, Overall, StanceMatrix};

use crate::membership::{bodies, nest};

/// The overall positions, in the order the legend, the filter and the
/// counts list them.
pub const OVERALLS: [Overall; 5] = [Overall::For, Overall::Against, Overall::Conditional, Overall::Mixed, Overall::None];

/// How rows are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SortOrder {
    /// The analysis's order: as actors are first met.
    Analysis,
    /// By display name.
    Name,
    /// By overall stance, then name.
    Stance,
}

/// What the reader asked to see: the same for the page and the worker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Query {
    /// Search text over names, English names and aliases.
    pub search: String,
    /// The overall positions shown; empty shows every row.
    pub stances: Vec<Overall>,
    /// Row order.
    pub sort: SortOrder,
    /// Rows grouped under their kind.
    pub group_by_kind: bool,
}

impl Default for Query {
    fn default() -> Query {
        Query { search: String::new(), stances: Vec::new(), sort: SortOrder::Analysis, group_by_kind: false }
    }
}

/// Where a group of rows starts (when grouping by kind).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupStart {
    /// The first row of the group, counted in shown rows.
    pub first_row: usize,
    /// The kind.
    pub kind: ActorKind,
    /// How many rows it holds.
    pub count: usize,
}

/// The rows to show, as indices into the matrix's actors in display order,
/// and the group headings among them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Arranged {
    /// Actor indices in display order.
    pub rows: Vec<usize>,
    /// Group headings, in order (empty unless grouping).
    pub groups: Vec<GroupStart>,
    /// For each shown row, the actor index of the body it belongs to
    /// (empty when nobody is linked).
    pub body: Vec<Option<usize>>,
    /// For each shown row, how many bodies it is shown under (empty when
    /// nobody is linked).
    pub depth: Vec<u8>,
}

fn overall_rank(overall: Overall) -> usize {
    OVERALLS.iter().position(|o| *o == overall).unwrap_or(OVERALLS.len())
}

/// Folds a name for searching: case, diacritics, hamza, ya and ta marbuta.
pub fn fold(text: &str) -> String {
    normalize_word(&text.to_lowercase())
}

/// Every name an actor is searched by, folded (the worker's index).
#[cfg_attr(not(test), allow(dead_code))]
pub fn folded_names(actor: &ActorRow) -> Vec<String> {
    std::iter::once(&actor.name).chain(actor.name_en.iter()).chain(actor.aliases.iter()).map(|n| fold(n)).collect()
}

fn matches_search(actor: &ActorRow, needle: &str) -> bool {
    needle.is_empty()
        || std::iter::once(&actor.name).chain(actor.name_en.iter()).chain(actor.aliases.iter()).any(|name| fold(name).contains(needle))
}

/// The rows to show; `member_of` links rows to their body by id.
pub fn arrange(m: &StanceMatrix, member_of: &BTreeMap<String, String>, query: &Query) -> Arranged {
    arrange_by(m, query, &bodies(m, member_of), |i, needle| matches_search(&m.actors[i], needle))
}

/// The rows to show, with the search done by `matches(actor index, folded
/// needle)`: the worker answers it from names folded once, when the file
/// was read, so that a keystroke over thousands of actors folds nothing.
/// `body` is each actor's body (see [`bodies`]; empty: nobody is linked).
pub fn arrange_by(m: &StanceMatrix, query: &Query, body: &[Option<usize>], matches: impl Fn(usize, &str) -> bool) -> Arranged {
    let needle = fold(query.search.trim());
    let mut rows: Vec<usize> = (0..m.actors.len())
        .filter(|&i| {
            (query.stances.is_empty() || query.stances.contains(&m.actors[i].overall)) && (needle.is_empty() || matches(i, &needle))
        })
        .collect();
    match query.sort {
        SortOrder::Analysis => {}
        SortOrder::Name => rows.sort_by_cached_key(|&i| fold(&m.actors[i].name)),
        SortOrder::Stance => rows.sort_by_cached_key(|&i| (overall_rank(m.actors[i].overall), fold(&m.actors[i].name))),
    }
    let linked = body.iter().any(Option::is_some);
    let mut depth = Vec::new();
    if linked {
        (rows, depth) = nest(&rows, body);
    }
    let mut groups: Vec<GroupStart> = Vec::new();
    if query.group_by_kind {
        // Members go with their body, into the group of the row at the top
        // of theirs; a stable sort by that kind keeps the chosen order (and
        // each body's members under it) inside each group.
        let mut top = rows.first().copied().unwrap_or(0);
        let mut keyed: Vec<(ActorKind, usize, u8)> = rows
            .iter()
            .enumerate()
            .map(|(at, &i)| {
                let d = depth.get(at).copied().unwrap_or(0);
                if d == 0 {
                    top = i;
                }
                (m.actors[top].kind, i, d)
            })
            .collect();
        keyed.sort_by_key(|&(kind, _, _)| kind);
        for (at, &(kind, _, _)) in keyed.iter().enumerate() {
            match groups.last_mut() {
                Some(g) if g.kind == kind => g.count += 1,
                _ => groups.push(GroupStart { first_row: at, kind, count: 1 }),
            }
        }
        rows = keyed.iter().map(|&(_, i, _)| i).collect();
        if linked {
            depth = keyed.iter().map(|&(_, _, d)| d).collect();
        }
    }
    let body = if linked { rows.iter().map(|&i| body.get(i).copied().flatten()).collect() } else { Vec::new() };
    Arranged { rows, groups, body, depth }
}

/// How many rows have each overall position, in [`OVERALLS`] order.
pub fn counts(m: &StanceMatrix) -> Vec<(Overall, usize)> {
    OVERALLS.iter().map(|&o| (o, m.actors.iter().filter(|a| a.overall == o).count())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use stance_engine::{ActorKind, StanceMatrix};

    fn row(id: &str, name: &str, en: Option<&str>, kind: ActorKind, overall: Overall) -> ActorRow {
        ActorRow {
            id: id.into(),
            name: name.into(),
            name_en: en.map(Into::into),
            kind,
            aliases: vec!["واشنطن".into()],
            overall,
            cells: vec![],
        }
    }

    fn sample() -> StanceMatrix {
        StanceMatrix {
            schema: "stance-matrix/1".into(),
            topic: "t".into(),
            documents: vec![],
            actors: vec![
                row("us", "الولايات المتحدة", Some("United States"), ActorKind::State, Overall::Against),
                row("parl", "البرلمان العراقي", Some("Iraqi parliament"), ActorKind::GovernmentBody, Overall::For),
                row("fh", "فؤاد حسين", None, ActorKind::Person, Overall::Conditional),
            ],
        }
    }

    fn query(search: &str, stances: &[Overall], sort: SortOrder, group_by_kind: bool) -> Query {
        Query { search: search.into(), stances: stances.to_vec(), sort, group_by_kind }
    }

    #[test]
    fn search_folds_spelling_and_reads_english_names_and_aliases() {
        let m = sample();
        let none = BTreeMap::new();
        let only = |q: &str| arrange(&m, &none, &query(q, &[], SortOrder::Analysis, false)).rows;
        assert_eq!(only("البرلمان"), vec![1]);
        assert_eq!(only("البرلمان العراقى"), vec![1]);
        assert_eq!(only("PARLIAMENT"), vec![1]);
        assert_eq!(only("فؤاد"), vec![2]);
        assert_eq!(only("فواد"), vec![2]);
        assert_eq!(only(" "), vec![0, 1, 2]);
        // The worker's search over names folded beforehand finds the same rows.
        let folded: Vec<Vec<String>> = m.actors.iter().map(folded_names).collect();
        let by_folded =
            |q: &str| arrange_by(&m, &query(q, &[], SortOrder::Analysis, false), &[], |i, n| folded[i].iter().any(|f| f.contains(n))).rows;
        for q in ["البرلمان العراقى", "PARLIAMENT", "فواد", "واشنطن", ""] {
            assert_eq!(by_folded(q), only(q), "{q}");
        }
    }

    #[test]
    fn filter_by_several_stances_sort_and_group() {
        let m = sample();
        let arrange = |m: &StanceMatrix, q: &Query| arrange(m, &BTreeMap::new(), q);
        assert_eq!(arrange(&m, &query("", &[Overall::For], SortOrder::Analysis, false)).rows, vec![1]);
        assert_eq!(arrange(&m, &query("", &[Overall::For, Overall::Conditional], SortOrder::Analysis, false)).rows, vec![1, 2]);
        assert_eq!(arrange(&m, &query("", &[], SortOrder::Stance, false)).rows, vec![1, 0, 2]);
        assert_eq!(arrange(&m, &query("", &[], SortOrder::Name, false)).rows, vec![1, 0, 2]);
        let grouped = arrange(&m, &query("", &[], SortOrder::Analysis, true));
        assert_eq!(
            grouped.groups.iter().map(|g| (g.first_row, g.kind, g.count)).collect::<Vec<_>>(),
            vec![(0, ActorKind::Person, 1), (1, ActorKind::State, 1), (2, ActorKind::GovernmentBody, 1)]
        );
        assert_eq!(grouped.rows, vec![2, 0, 1]);
    }

    #[test]
    fn a_member_is_shown_under_its_body_and_in_its_group() {
        let m = sample();
        // فؤاد حسين belongs to the parliament (a made-up link, for the test).
        let member_of = BTreeMap::from([("fh".to_string(), "parl".to_string())]);
        let plain = arrange(&m, &member_of, &Query::default());
        assert_eq!(plain.rows, vec![0, 1, 2]);
        assert_eq!(plain.depth, vec![0, 0, 1]);
        assert_eq!(plain.body, vec![None, None, Some(1)]);
        let by_name = arrange(&m, &member_of, &query("", &[], SortOrder::Name, false));
        assert_eq!((by_name.rows, by_name.depth), (vec![1, 2, 0], vec![0, 1, 0]));
        // Grouped by kind: the person goes into the body's group, under it.
        let grouped = arrange(&m, &member_of, &query("", &[], SortOrder::Analysis, true));
        assert_eq!(grouped.rows, vec![0, 1, 2]);
        assert_eq!(
            grouped.groups.iter().map(|g| (g.first_row, g.kind, g.count)).collect::<Vec<_>>(),
            vec![(0, ActorKind::State, 1), (1, ActorKind::GovernmentBody, 2)]
        );
        // The body filtered out: the member stands alone, still marked as its member.
        let alone = arrange(&m, &member_of, &query("", &[Overall::Conditional], SortOrder::Analysis, false));
        assert_eq!((alone.rows, alone.depth, alone.body), (vec![2], vec![0], vec![Some(1)]));
    }

    #[test]
    fn counts_cover_every_row() {
        let c = counts(&sample());
        assert_eq!(c.iter().map(|(_, n)| n).sum::<usize>(), 3);
        assert_eq!(c[0], (Overall::For, 1));
    }
}
