//! Which rows the matrix shows, in what order and under which headings: the
//! search, the stance filter, the sort and the grouping by kind, as plain
//! functions over the corrected matrix.

use stance_engine::text::normalize_word;
use stance_engine::{ActorKind, ActorRow, Overall, StanceMatrix};

use crate::state::SortOrder;

/// The overall positions, in the order the legend, the filter and the
/// counts list them.
pub const OVERALLS: [Overall; 5] = [Overall::For, Overall::Against, Overall::Conditional, Overall::Mixed, Overall::None];

/// A heading (when grouping by kind) and the rows under it, as indices into
/// the matrix's actors.
#[derive(Debug, Clone, PartialEq)]
pub struct RowGroup {
    /// The kind, when rows are grouped.
    pub kind: Option<ActorKind>,
    /// Row indices.
    pub rows: Vec<usize>,
}

fn overall_rank(overall: Overall) -> usize {
    OVERALLS.iter().position(|o| *o == overall).unwrap_or(OVERALLS.len())
}

/// Folds a name for searching: case, diacritics, hamza, ya and ta marbuta.
fn fold(text: &str) -> String {
    normalize_word(&text.to_lowercase())
}

fn matches_search(actor: &ActorRow, needle: &str) -> bool {
    needle.is_empty()
        || std::iter::once(&actor.name).chain(actor.name_en.iter()).chain(actor.aliases.iter()).any(|name| fold(name).contains(needle))
}

/// The rows to show.
pub fn arrange(m: &StanceMatrix, search: &str, stance: Option<&str>, sort: SortOrder, group_by_kind: bool) -> Vec<RowGroup> {
    let needle = fold(search.trim());
    let mut rows: Vec<usize> = (0..m.actors.len())
        .filter(|&i| {
            let actor = &m.actors[i];
            matches_search(actor, &needle) && stance.is_none_or(|s| actor.overall.label() == s)
        })
        .collect();
    match sort {
        SortOrder::Analysis => {}
        SortOrder::Name => rows.sort_by_cached_key(|&i| fold(&m.actors[i].name)),
        SortOrder::Stance => rows.sort_by_cached_key(|&i| (overall_rank(m.actors[i].overall), fold(&m.actors[i].name))),
    }
    if !group_by_kind {
        return vec![RowGroup { kind: None, rows }];
    }
    let mut kinds: Vec<ActorKind> = rows.iter().map(|&i| m.actors[i].kind).collect();
    kinds.sort();
    kinds.dedup();
    kinds
        .into_iter()
        .map(|kind| RowGroup { kind: Some(kind), rows: rows.iter().copied().filter(|&i| m.actors[i].kind == kind).collect() })
        .collect()
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

    #[test]
    fn search_folds_spelling_and_reads_english_names_and_aliases() {
        let m = sample();
        let only = |q: &str| arrange(&m, q, None, SortOrder::Analysis, false)[0].rows.clone();
        assert_eq!(only("البرلمان"), vec![1]);
        assert_eq!(only("البرلمان العراقى"), vec![1]);
        assert_eq!(only("PARLIAMENT"), vec![1]);
        assert_eq!(only("فؤاد"), vec![2]);
        assert_eq!(only("فواد"), vec![2]);
        assert_eq!(only(" "), vec![0, 1, 2]);
    }

    #[test]
    fn filter_sort_and_group() {
        let m = sample();
        assert_eq!(arrange(&m, "", Some("for"), SortOrder::Analysis, false)[0].rows, vec![1]);
        assert_eq!(arrange(&m, "", None, SortOrder::Stance, false)[0].rows, vec![1, 0, 2]);
        assert_eq!(arrange(&m, "", None, SortOrder::Name, false)[0].rows, vec![1, 0, 2]);
        let groups = arrange(&m, "", None, SortOrder::Analysis, true);
        assert_eq!(
            groups.iter().map(|g| g.kind).collect::<Vec<_>>(),
            vec![Some(ActorKind::Person), Some(ActorKind::State), Some(ActorKind::GovernmentBody)]
        );
    }

    #[test]
    fn counts_cover_every_row() {
        let c = counts(&sample());
        assert_eq!(c.iter().map(|(_, n)| n).sum::<usize>(), 3);
        assert_eq!(c[0], (Overall::For, 1));
    }
}
