//! What a result file carries beyond the `stance-matrix/1` contract when the
//! widget itself exported it: `"edits"` at the top, `"edited"`, `"checked"`,
//! `"hand_coded"` and `"note"` on cells. Opening such a file shows the same
//! marks (✎, ✓) and says it is a widget export, not the command line's.

use std::collections::{BTreeMap, BTreeSet};

use leptos::prelude::*;
use serde::Deserialize;
use stance_session::EditedMatrix;

#[derive(Deserialize)]
struct File {
    #[serde(default)]
    edits: Option<serde::de::IgnoredAny>,
    #[serde(default)]
    actors: Vec<ActorMarks>,
}

#[derive(Deserialize)]
struct ActorMarks {
    id: String,
    #[serde(default)]
    cells: Vec<CellMarks>,
}

#[derive(Deserialize)]
struct CellMarks {
    document: String,
    #[serde(default)]
    edited: bool,
    #[serde(default)]
    checked: bool,
    #[serde(default)]
    hand_coded: bool,
    #[serde(default)]
    note: Option<String>,
}

/// The marks of the result file on show.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Marks {
    /// Whether the widget exported it (it has `"edits"`).
    pub from_widget: bool,
    edited: BTreeSet<(String, String)>,
    checked: BTreeSet<(String, String)>,
    hand: BTreeSet<(String, String)>,
    notes: BTreeMap<(String, String), String>,
}

impl Marks {
    /// The marks of a result file's JSON (none for the command line's).
    pub fn read(json: &str) -> Marks {
        let Ok(file) = serde_json::from_str::<File>(json) else { return Marks::default() };
        let mut marks = Marks { from_widget: file.edits.is_some(), ..Default::default() };
        for actor in file.actors {
            for cell in actor.cells {
                let key = (actor.id.clone(), cell.document);
                if cell.edited {
                    marks.edited.insert(key.clone());
                }
                if cell.checked {
                    marks.checked.insert(key.clone());
                }
                if cell.hand_coded {
                    marks.hand.insert(key.clone());
                }
                if let Some(note) = cell.note {
                    marks.notes.insert(key, note);
                }
            }
        }
        marks
    }

    /// Puts the marks on the matrix shown.
    pub fn apply(&self, edited: &mut EditedMatrix) {
        edited.edited_cells.extend(self.edited.iter().cloned());
        edited.checked.extend(self.checked.iter().cloned());
        edited.hand_cells.extend(self.hand.iter().cloned());
        edited.notes.extend(self.notes.iter().map(|(k, v)| (k.clone(), v.clone())));
    }
}

/// The marks of the result file on show, shared by the toolbar that opens it
/// and the page that shows it.
#[derive(Clone, Copy)]
pub struct ResultMarks(pub StoredValue<Marks>);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_widget_export_says_so_and_the_cli_output_does_not() {
        let widget = r#"{"schema":"stance-matrix/1","edited":true,"edits":{"stances":[]},"actors":[{"id":"us","cells":[{"document":"a1","edited":true,"checked":true,"note":"n"}]}]}"#;
        let m = Marks::read(widget);
        assert!(m.from_widget && m.edited.contains(&("us".into(), "a1".into())) && m.checked.len() == 1 && m.notes.len() == 1);
        let cli = r#"{"schema":"stance-matrix/1","actors":[{"id":"us","cells":[{"document":"x.txt","stance":"for"}]}]}"#;
        assert_eq!(Marks::read(cli), Marks { from_widget: false, ..Default::default() });
    }
}
